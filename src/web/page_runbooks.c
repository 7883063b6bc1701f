/* page_runbooks.c: placeholder. */
#include "../lib/banned.h"
