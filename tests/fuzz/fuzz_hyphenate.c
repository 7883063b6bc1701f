/* fuzz_hyphenate.c: libFuzzer target for the soft hyphens in long words: any bytes in, the same text plus soft hyphens out. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/export/hyphenate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *in = malloc(size + 1), *out;
	size_t j = 0;

	if (!in)
		return 0;
	memcpy(in, data, size);
	in[size] = '\0'; /* the layouts hand over C strings: everything up to the first NUL */
	out = hyphenate_soft(in);
	if (out) {
		/* without the soft hyphens it added, the text is the input byte for byte */
		size_t n = strlen(in), added = 0;

		for (size_t i = 0; out[i]; i++) {
			if ((unsigned char)out[i] == 0xc2 && (unsigned char)out[i + 1] == 0xad &&
			    !(j + 1 < n + 1 && (unsigned char)in[j] == 0xc2 && (unsigned char)in[j + 1] == 0xad)) {
				i++;
				added++;
				continue;
			}
			if (j >= n || out[i] != in[j])
				abort();
			j++;
		}
		if (j != n || !added)
			abort();
		free(out);
	}
	free(in);
	return 0;
}
