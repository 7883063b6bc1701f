/* fuzz_mention.c: libFuzzer target for the @mention parser and matcher on one NUL-terminated input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/mention.h"
#include "../../src/lib/arena.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena *a = arena_new();
	const char **tokens;
	char *s = malloc(size + 1);
	int n;

	if (!s || !a)
		goto done;
	memcpy(s, data, size);
	s[size] = '\0';
	n = mention_parse(s, a, &tokens);
	if (n > MENTION_MAX)
		abort();
	for (int i = 0; i < n; i++) {
		size_t len = strlen(tokens[i]);

		if (len == 0 || len > MENTION_TOKEN_MAX)
			abort();
		/* a token always matches a name equal to itself */
		if (!mention_matches(tokens[i], tokens[i], "") && !strchr(tokens[i], ' '))
			abort();
		mention_matches(tokens[i], s, s);
	}
done:
	arena_free(a);
	free(s);
	return 0;
}
