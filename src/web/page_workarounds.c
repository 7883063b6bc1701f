/* page_workarounds.c: placeholder. */
#include "../lib/banned.h"
