/* validate.c: the field validators every input path goes through. */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "validate.h"
#include "../lib/banned.h"

long utf8_length(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	long n = 0;

	while (*p) {
		unsigned char c = *p;
		int extra;
		unsigned long cp;

		if (c < 0x80) {
			p++;
			n++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			extra = 1;
			cp = c & 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			extra = 2;
			cp = c & 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			extra = 3;
			cp = c & 0x07;
		} else {
			return -1;
		}
		p++;
		for (int i = 0; i < extra; i++, p++) {
			if ((*p & 0xC0) != 0x80)
				return -1;
			cp = (cp << 6) | (*p & 0x3F);
		}
		/* overlong forms, surrogates and values past U+10FFFF are not UTF-8 */
		if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) || (extra == 3 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			return -1;
		n++;
	}
	return n;
}

static int has_control(const char *s, int multiline)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (multiline && (c == '\n' || c == '\r' || c == '\t'))
			continue;
		if (c < 0x20 || c == 0x7F)
			return 1;
	}
	return 0;
}

static int check_text(struct field_errors *fe, const char *field, const char *s, long min, long max, int multiline)
{
	long n = utf8_length(s);

	if (n < 0) {
		fe_add(fe, field, N_("contains characters that are not valid text (UTF-8)"));
		return -1;
	}
	if (has_control(s, multiline)) {
		fe_add(fe, field, N_("contains control characters"));
		return -1;
	}
	if (n < min) {
		fe_add(fe, field, min == 1 ? N_("must not be empty") : N_("is too short"));
		return -1;
	}
	if (n > max) {
		fe_add(fe, field, N_("is too long"));
		return -1;
	}
	return 0;
}

int validate_line(struct field_errors *fe, const char *field, struct arena *a, const char *s, long min, long max,
		  const char **out)
{
	size_t start = 0, end;

	if (!s)
		s = "";
	end = strlen(s);
	while (start < end && (s[start] == ' ' || s[start] == '\t'))
		start++;
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r' || s[end - 1] == '\n'))
		end--;
	*out = arena_strndup(a, s + start, end - start);
	if (!*out) {
		fe_add(fe, field, N_("could not be stored (out of memory)"));
		return -1;
	}
	return check_text(fe, field, *out, min, max, 0);
}

int validate_multiline(struct field_errors *fe, const char *field, const char *s, long max)
{
	return check_text(fe, field, s ? s : "", 0, max, 1);
}

int validate_email(struct field_errors *fe, const char *field, const char *s)
{
	const char *at, *dot;
	size_t len = strlen(s);

	if (len == 0)
		return 0;
	if (check_text(fe, field, s, 0, 254, 0) < 0)
		return -1;
	at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@') || strchr(s, ' ')) {
		fe_add(fe, field, N_("is not an email address (name@example.org)"));
		return -1;
	}
	dot = strrchr(at + 1, '.');
	if (!dot || dot == at + 1 || dot[1] == '\0') {
		fe_add(fe, field, N_("is not an email address (name@example.org)"));
		return -1;
	}
	return 0;
}

int validate_phone_number(struct field_errors *fe, const char *field, const char *s)
{
	size_t len = strlen(s), digits = 0, i;

	if (len == 0) {
		fe_add(fe, field, N_("must not be empty"));
		return -1;
	}
	if (len < 3 || len > 40) {
		fe_add(fe, field, N_("must have 3 to 40 characters"));
		return -1;
	}
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isdigit(c))
			digits++;
		else if (!strchr(" +()/-.", c)) {
			fe_add(fe, field, N_("may only contain digits, spaces and + ( ) / - ."));
			return -1;
		}
	}
	if (digits < 3) {
		fe_add(fe, field, N_("needs at least 3 digits"));
		return -1;
	}
	return 0;
}

int validate_past_date(struct field_errors *fe, const char *field, const char *s, const char *today)
{
	int y, m, d;

	if (kf_date_parse(s, &y, &m, &d) < 0) {
		fe_add(fe, field, N_("is not a date (YYYY-MM-DD)"));
		return -1;
	}
	if (strcmp(s, today) > 0) {
		fe_add(fe, field, N_("must not be in the future"));
		return -1;
	}
	return 0;
}

int validate_password(struct field_errors *fe, const char *field, const char *s)
{
	long n = utf8_length(s);

	if (n < 0) {
		fe_add(fe, field, N_("contains characters that are not valid text (UTF-8)"));
		return -1;
	}
	if (n < PASSWORD_MIN) {
		fe_add(fe, field, N_("must have at least 10 characters"));
		return -1;
	}
	if (n > PASSWORD_MAX) {
		fe_add(fe, field, N_("is too long"));
		return -1;
	}
	return 0;
}

int parse_id(const char *s, long long *id_r)
{
	char *end;
	long long v;

	if (!s || !*s || *s == '-' || *s == '+' || isspace((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v <= 0)
		return -1;
	*id_r = v;
	return 0;
}
