/* fuzz_urlencoded.c: libFuzzer target for the application/x-www-form-urlencoded parser (kv_parse_urlencoded). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/arena.h"
#include "../../src/lib/kv.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	struct kv_list l;
	size_t i, total = 0;
	int rc;

	if (!a)
		return 0;
	memset(&l, 0, sizeof(l));
	/* exactly size bytes, no terminating NUL: the parser must not read past the end */
	rc = kv_parse_urlencoded(&l, a, (const char *)data, size, 64);
	if (rc == 0) {
		if (l.n > 64)
			abort();
		for (i = 0; i < l.n; i++) {
			if (!l.items[i].key || !l.items[i].val)
				abort();
			/* decoding never makes text longer than its source */
			total += strlen(l.items[i].key) + strlen(l.items[i].val);
			if (kv_get(&l, l.items[i].key) == NULL)
				abort();
		}
		if (total > size)
			abort();
	}
	arena_free(a);
	return 0;
}
