/* fuzz_validate.c: libFuzzer target for the text validators and the Accept-Language parser on one NUL-terminated input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/core/fielderr.h"
#include "../../src/core/validate.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/i18n.h"
#include "../../src/lib/timeutil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct field_errors fe;
	struct arena *a;
	const char *out = NULL;
	long n;
	char *s;
	int y, m, d;

	s = malloc(size + 1);
	a = arena_new();
	if (!s || !a)
		goto done;
	memcpy(s, data, size);
	s[size] = '\0';
	memset(&fe, 0, sizeof(fe));

	n = utf8_length(s);
	if (n > (long)strlen(s))
		abort();

	if (validate_line(&fe, "line", a, s, 1, 200, &out) == 0) {
		size_t len = strlen(out);
		long cp = utf8_length(out);

		/* trimmed, valid, within bounds, no control characters */
		if (cp < 1 || cp > 200 || len == 0 || out[0] == ' ' || out[0] == '\t' || out[len - 1] == ' ' ||
		    out[len - 1] == '\t')
			abort();
		for (size_t i = 0; i < len; i++)
			if ((unsigned char)out[i] < 0x20 || out[i] == 0x7f)
				abort();
		if (fe_get(&fe, "line"))
			abort();
	} else if (!fe_get(&fe, "line")) {
		abort(); /* a refusal always names the field */
	}

	if (validate_multiline(&fe, "multi", s, 10000) == 0 && n < 0)
		abort();

	if (validate_email(&fe, "email", s) == 0 && *s) {
		const char *at = strchr(s, '@');

		if (!at || at == s || strchr(at + 1, '@') || !strchr(at + 1, '.') || n < 0)
			abort();
	}

	if (validate_phone_number(&fe, "phone", s) == 0) {
		size_t len = strlen(s), digits = 0;

		if (len < 3 || len > 40)
			abort();
		for (size_t i = 0; i < len; i++)
			digits += s[i] >= '0' && s[i] <= '9';
		if (digits < 3)
			abort();
	}

	if (validate_past_date(&fe, "date", s, "2026-06-15") == 0) {
		if (kf_date_parse(s, &y, &m, &d) < 0 || strcmp(s, "2026-06-15") > 0)
			abort();
	}

	validate_password(&fe, "pw", s);
	{
		long long id;

		if (parse_id(s, &id) == 0 && id <= 0)
			abort();
	}
	if (fe.n > FIELD_ERRORS_MAX)
		abort();
	{
		/* the request header that picks the language: any input gives one of ours */
		enum kf_lang lang = i18n_from_accept_language(s);

		if (lang != KF_LANG_DE && lang != KF_LANG_EN)
			abort();
	}
done:
	arena_free(a);
	free(s);
	return 0;
}
