/* page_recovery.c: placeholder. */
#include "../lib/banned.h"
