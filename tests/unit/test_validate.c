/* test_validate.c: unit tests of the field validators (UTF-8, text lines, email, phone, dates, passwords, ids). */
#include <stdio.h>

#include "kf_test.h"
#include "../../src/core/fielderr.h"
#include "../../src/core/passphrase.h"
#include "../../src/core/validate.h"
#include "../../src/lib/arena.h"

static int setup(void **state)
{
	*state = arena_new();
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	arena_free(*state);
	return 0;
}

static void test_utf8_length_valid(void **state)
{
	(void)state;
	assert_int_equal(utf8_length(""), 0);
	assert_int_equal(utf8_length("abc"), 3);
	assert_int_equal(utf8_length("äöüß"), 4);               /* 2-byte */
	assert_int_equal(utf8_length("€"), 1);                  /* 3-byte */
	assert_int_equal(utf8_length("😀"), 1);                  /* 4-byte */
	assert_int_equal(utf8_length("a€😀ä"), 4);
	assert_int_equal(utf8_length("\xC2\x80"), 1);           /* smallest 2-byte */
	assert_int_equal(utf8_length("\xE0\xA0\x80"), 1);       /* smallest 3-byte */
	assert_int_equal(utf8_length("\xF0\x90\x80\x80"), 1);   /* smallest 4-byte */
	assert_int_equal(utf8_length("\xED\x9F\xBF"), 1);       /* U+D7FF, just below the surrogates */
	assert_int_equal(utf8_length("\xEE\x80\x80"), 1);       /* U+E000, just above */
	assert_int_equal(utf8_length("\xEF\xBF\xBF"), 1);       /* U+FFFF */
	assert_int_equal(utf8_length("\xF4\x8F\xBF\xBF"), 1);   /* U+10FFFF */
}

static void test_utf8_length_invalid(void **state)
{
	static const char *const bad[] = {
		"\xC0\xAF",             /* overlong '/' */
		"\xC1\xBF",             /* overlong */
		"\xE0\x80\xAF",         /* overlong 3-byte */
		"\xE0\x9F\xBF",         /* overlong 3-byte (U+07FF) */
		"\xF0\x80\x80\xAF",     /* overlong 4-byte */
		"\xF0\x8F\xBF\xBF",     /* overlong 4-byte (U+FFFF) */
		"\xED\xA0\x80",         /* U+D800, high surrogate */
		"\xED\xBF\xBF",         /* U+DFFF, low surrogate */
		"\xED\xA0\xBD\xED\xB8\x80", /* CESU-8 surrogate pair */
		"\xF4\x90\x80\x80",     /* U+110000 */
		"\xF5\x80\x80\x80",     /* lead byte past U+10FFFF */
		"\xF8\x88\x80\x80\x80", /* 5-byte form */
		"\xFE", "\xFF",
		"\x80",                 /* lone continuation byte */
		"a\xBFz",
		"\xC3",                 /* truncated 2-byte at the end */
		"\xE2\x82",             /* truncated 3-byte */
		"\xF0\x9F\x98",         /* truncated 4-byte */
		"\xC3(",                /* continuation byte missing */
		"\xE2\x28\xA1",
		"ok\xC3",
	};

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (utf8_length(bad[i]) != -1)
			fail_msg("bad[%zu] accepted as UTF-8 (length %ld)", i, utf8_length(bad[i]));
}

static void test_validate_line_trims(void **state)
{
	struct field_errors fe = { 0 };
	const char *out = NULL;

	assert_int_equal(validate_line(&fe, "name", *state, "  \tHans Müller \t\r\n", 1, 200, &out), 0);
	assert_string_equal(out, "Hans Müller");
	assert_int_equal(fe.n, 0);
	assert_int_equal(validate_line(&fe, "name", *state, "a  b", 1, 200, &out), 0);
	assert_string_equal(out, "a  b"); /* inner space kept */
	assert_int_equal(validate_line(&fe, "company", *state, NULL, 0, 200, &out), 0);
	assert_string_equal(out, "");
	assert_int_equal(fe.n, 0);
}

static void test_validate_line_min_max_in_code_points(void **state)
{
	struct field_errors fe = { 0 };
	const char *out;

	assert_int_equal(validate_line(&fe, "a", *state, "äää", 1, 3, &out), 0); /* 6 bytes, 3 code points */
	assert_int_equal(validate_line(&fe, "b", *state, "😀😀😀", 3, 3, &out), 0);
	assert_int_equal(fe.n, 0);
	assert_int_equal(validate_line(&fe, "c", *state, "ääää", 1, 3, &out), -1);
	assert_field_error_is(&fe, "c", "is too long");
	assert_int_equal(validate_line(&fe, "d", *state, "   ", 1, 3, &out), -1);
	assert_field_error_is(&fe, "d", "must not be empty");
	assert_int_equal(validate_line(&fe, "e", *state, "ab", 3, 10, &out), -1);
	assert_field_error_is(&fe, "e", "is too short");
	/* length is measured after trimming */
	assert_int_equal(validate_line(&fe, "f", *state, "   abc   ", 1, 3, &out), 0);
	assert_null(fe_get(&fe, "f"));
}

static void test_validate_line_refuses_control_and_bad_utf8(void **state)
{
	static const char *const bad[] = { "a\x01z", "a\nb", "a\tb", "a\rb", "a\x7f", "\x1b[31mred", "x\x1f" };
	struct field_errors fe;
	const char *out;

	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&fe, 0, sizeof(fe));
		if (validate_line(&fe, "name", *state, bad[i], 0, 200, &out) != -1)
			fail_msg("bad[%zu] accepted on a single line", i);
		assert_field_error_is(&fe, "name", "contains control characters");
	}
	memset(&fe, 0, sizeof(fe));
	assert_int_equal(validate_line(&fe, "name", *state, "M\xFCller", 0, 200, &out), -1); /* Latin-1 */
	assert_field_error_is(&fe, "name", "contains characters that are not valid text (UTF-8)");
}

static void test_validate_multiline(void **state)
{
	struct field_errors fe = { 0 };

	(void)state;
	assert_int_equal(validate_multiline(&fe, "notes", "line 1\nline 2\r\n\tindented", 100), 0);
	assert_int_equal(validate_multiline(&fe, "notes", NULL, 100), 0);
	assert_int_equal(validate_multiline(&fe, "notes", "", 0), 0);
	assert_int_equal(fe.n, 0);
	assert_int_equal(validate_multiline(&fe, "n1", "bell\x07", 100), -1);
	assert_field_error_is(&fe, "n1", "contains control characters");
	assert_int_equal(validate_multiline(&fe, "n2", "üüü", 2), -1);
	assert_field_error_is(&fe, "n2", "is too long");
	assert_int_equal(validate_multiline(&fe, "n3", "\xC0\x80", 100), -1);
}

static void test_validate_email(void **state)
{
	static const char *const good[] = { "", "name@example.org", "a@b.c", "first.last+tag@sub.example.co.uk",
					    "müller@beispiel.de" };
	static const char *const bad[] = { "name", "@example.org", "name@", "a@b", "a@b.", "a@.org", "a@@b.org",
					   "a@b@c.org", "a b@c.org", "a@b .org", "a\x01@b.org", "a@b.org\n",
					   "a@\xC3.org" };
	struct field_errors fe;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		memset(&fe, 0, sizeof(fe));
		if (validate_email(&fe, "email", good[i]) != 0 || fe.n)
			fail_msg("refused good email \"%s\"", good[i]);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&fe, 0, sizeof(fe));
		if (validate_email(&fe, "email", bad[i]) != -1 || !fe_get(&fe, "email"))
			fail_msg("accepted bad email \"%s\"", bad[i]);
	}
}

static void test_validate_email_length(void **state)
{
	struct field_errors fe = { 0 };
	char s[300];

	(void)state;
	/* 254 characters are fine, 255 are not */
	memset(s, 'a', sizeof(s));
	memcpy(s + 254 - 12, "@example.org", 13);
	assert_int_equal(strlen(s), 254);
	assert_int_equal(validate_email(&fe, "email", s), 0);
	memset(s, 'a', sizeof(s));
	memcpy(s + 255 - 12, "@example.org", 13);
	assert_int_equal(validate_email(&fe, "email", s), -1);
	assert_field_error_is(&fe, "email", "is too long");
}

static void test_validate_phone_number(void **state)
{
	static const char *const good[] = { "123", "+49 30 1234567", "(030) 123-45/67", "0171.2345678",
					    "+49 (0)30 123 45 67", "1234567890123456789012345678901234567890" };
	struct field_errors fe;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		memset(&fe, 0, sizeof(fe));
		if (validate_phone_number(&fe, "p", good[i]) != 0 || fe.n)
			fail_msg("refused good number \"%s\"", good[i]);
	}
	memset(&fe, 0, sizeof(fe));
	assert_int_equal(validate_phone_number(&fe, "p0", ""), -1);
	assert_field_error_is(&fe, "p0", "must not be empty");
	assert_int_equal(validate_phone_number(&fe, "p1", "12"), -1);
	assert_field_error_is(&fe, "p1", "must have 3 to 40 characters");
	assert_int_equal(validate_phone_number(&fe, "p2", "12345678901234567890123456789012345678901"), -1);
	assert_field_error_is(&fe, "p2", "must have 3 to 40 characters");
	assert_int_equal(validate_phone_number(&fe, "p3", "030 123 x5"), -1);
	assert_field_error_is(&fe, "p3", "may only contain digits, spaces and + ( ) / - .");
	assert_int_equal(validate_phone_number(&fe, "p4", "+++"), -1);
	assert_field_error_is(&fe, "p4", "needs at least 3 digits");
	assert_int_equal(validate_phone_number(&fe, "p5", "1-2"), -1);
	assert_field_error_is(&fe, "p5", "needs at least 3 digits");
	assert_int_equal(validate_phone_number(&fe, "p6", "\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93"), -1); /* full-width digits */
	assert_int_equal(validate_phone_number(&fe, "p7", "123\t456"), -1);
	assert_int_equal(validate_phone_number(&fe, "p8", "123;456"), -1);
}

static void test_validate_past_date(void **state)
{
	static const char *const good[] = { "2024-02-29", "2000-02-29", "2026-06-15", "2026-06-14", "1900-01-01",
					    "2025-12-31", "2026-01-31" };
	static const char *const bad[] = { "2026-02-29", "1900-02-29", "2100-02-29", "2026-04-31", "2026-13-01",
					   "2026-00-10", "2026-01-00", "2026-01-32", "2026-6-1", "2026-06-1",
					   "26-06-01", "2026/06/01", "2026-06-01 ", " 2026-06-01", "2026-06-01T00:00",
					   "", "abcd-ef-gh", "1899-12-31", "2026-06-16", "2027-01-01", "9999-12-31",
					   "2026-0a-01", "+026-06-01" };
	struct field_errors fe;

	(void)state;
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		memset(&fe, 0, sizeof(fe));
		if (validate_past_date(&fe, "d", good[i], "2026-06-15") != 0 || fe.n)
			fail_msg("refused good date \"%s\"", good[i]);
	}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		memset(&fe, 0, sizeof(fe));
		if (validate_past_date(&fe, "d", bad[i], "2026-06-15") != -1 || !fe_get(&fe, "d"))
			fail_msg("accepted bad date \"%s\"", bad[i]);
	}
	memset(&fe, 0, sizeof(fe));
	validate_past_date(&fe, "d", "2026-02-29", "2026-06-15");
	assert_field_error_is(&fe, "d", "is not a date (YYYY-MM-DD)");
	memset(&fe, 0, sizeof(fe));
	validate_past_date(&fe, "d", "2026-06-16", "2026-06-15");
	assert_field_error_is(&fe, "d", "must not be in the future");
}

static void test_validate_password(void **state)
{
	struct field_errors fe = { 0 };
	char longpw[PASSWORD_MAX + 2];

	(void)state;
	assert_int_equal(validate_password(&fe, "pw", "1234567890"), 0);
	assert_int_equal(validate_password(&fe, "pw", "ääääääääää"), 0); /* 10 code points */
	assert_int_equal(fe.n, 0);
	assert_int_equal(validate_password(&fe, "p1", "123456789"), -1);
	assert_field_error_is(&fe, "p1", "must have at least 10 characters");
	/* 9 code points but 18 bytes: still too short */
	assert_int_equal(validate_password(&fe, "p2", "ääääääääá"), -1);
	assert_field_error_is(&fe, "p2", "must have at least 10 characters");
	assert_int_equal(validate_password(&fe, "p3", ""), -1);
	assert_int_equal(validate_password(&fe, "p4", "1234567890\xFF"), -1);
	assert_field_error_is(&fe, "p4", "contains characters that are not valid text (UTF-8)");
	memset(longpw, 'x', sizeof(longpw));
	longpw[PASSWORD_MAX] = '\0';
	assert_int_equal(validate_password(&fe, "p5", longpw), 0);
	longpw[PASSWORD_MAX] = 'x';
	longpw[PASSWORD_MAX + 1] = '\0';
	assert_int_equal(validate_password(&fe, "p6", longpw), -1);
	assert_field_error_is(&fe, "p6", "is too long");
}

static void test_parse_id(void **state)
{
	static const char *const bad[] = { "0", "-1", "+1", " 1", "1 ", "1a", "a1", "", "0x10", "1.0",
					   "99999999999999999999", "9223372036854775808", "\t7", "1\n" };
	long long id = -5;

	(void)state;
	assert_int_equal(parse_id("1", &id), 0);
	assert_int_equal(id, 1);
	assert_int_equal(parse_id("42", &id), 0);
	assert_int_equal(id, 42);
	assert_int_equal(parse_id("007", &id), 0);
	assert_int_equal(id, 7);
	assert_int_equal(parse_id("9223372036854775807", &id), 0);
	assert_true(id == 9223372036854775807LL);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		id = 77;
		if (parse_id(bad[i], &id) != -1)
			fail_msg("parse_id accepted \"%s\"", bad[i]);
		assert_int_equal(id, 77); /* untouched on failure */
	}
	assert_int_equal(parse_id(NULL, &id), -1);
}

static void test_field_errors(void **state)
{
	struct field_errors fe = { 0 };
	char name[16];

	(void)state;
	fe_add(&fe, "name", "first");
	fe_add(&fe, "name", "second");
	assert_int_equal(fe.n, 1);
	assert_string_equal(fe_get(&fe, "name"), "first");
	assert_null(fe_get(&fe, "email"));
	for (int i = 0; i < FIELD_ERRORS_MAX + 5; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		fe_add(&fe, name, "x");
	}
	assert_int_equal(fe.n, FIELD_ERRORS_MAX);
	/* a long field name is cut, not overflowed */
	memset(&fe, 0, sizeof(fe));
	fe_add(&fe, "phones[1].a-very-long-key-that-does-not-fit-into-48-bytes-at-all", "x");
	assert_int_equal(fe.n, 1);
	assert_int_equal(strlen(fe.e[0].field), sizeof(fe.e[0].field) - 1);
}

/* wire: the offline copy's passphrase: 12..1,024 code points, as typed; the pair must match */
static void test_validate_passphrase(void **state)
{
	struct field_errors fe = { 0 };
	char big[4 * 1025 + 1];

	(void)state;
	assert_int_equal(validate_passphrase(&fe, "passphrase", "zwölf Zeichn"), 0); /* 12 code points, 13 bytes */
	assert_int_equal(validate_passphrase(&fe, "passphrase", "elf Zeichen"), -1);
	assert_non_null(fe_get(&fe, "passphrase"));
	fe = (struct field_errors){ 0 };
	assert_int_equal(validate_passphrase(&fe, "passphrase", NULL), -1);
	fe = (struct field_errors){ 0 };
	for (int i = 0; i < 1024; i++)
		memcpy(big + 4 * i, "\xF0\x9F\x94\x91", 4); /* 1,024 keys (4 bytes each) */
	big[4 * 1024] = '\0';
	assert_int_equal(validate_passphrase(&fe, "passphrase", big), 0);
	memcpy(big + 4 * 1024, "a", 2);
	assert_int_equal(validate_passphrase(&fe, "passphrase", big), -1);
	fe = (struct field_errors){ 0 };
	assert_int_equal(validate_passphrase(&fe, "passphrase", "gut\xC3(geheim12"), -1); /* not UTF-8 */
	fe = (struct field_errors){ 0 };
	assert_int_equal(validate_passphrase_pair(&fe, "passphrase", "Stollen und Brezel", "Stollen und Brezel"), 0);
	assert_int_equal(validate_passphrase_pair(&fe, "passphrase", "Stollen und Brezel", "Stollen und brezel"), -1);
	assert_string_equal(fe_get(&fe, "passphrase"), "the two entries are not the same");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_utf8_length_valid),
		cmocka_unit_test(test_utf8_length_invalid),
		cmocka_unit_test_setup_teardown(test_validate_line_trims, setup, teardown),
		cmocka_unit_test_setup_teardown(test_validate_line_min_max_in_code_points, setup, teardown),
		cmocka_unit_test_setup_teardown(test_validate_line_refuses_control_and_bad_utf8, setup, teardown),
		cmocka_unit_test(test_validate_multiline),
		cmocka_unit_test(test_validate_email),
		cmocka_unit_test(test_validate_email_length),
		cmocka_unit_test(test_validate_phone_number),
		cmocka_unit_test(test_validate_past_date),
		cmocka_unit_test(test_validate_password),
		cmocka_unit_test(test_validate_passphrase),
		cmocka_unit_test(test_parse_id),
		cmocka_unit_test(test_field_errors),
	};

	return cmocka_run_group_tests_name("validate", tests, NULL, NULL);
}
