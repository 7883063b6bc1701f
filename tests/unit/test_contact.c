/* test_contact.c: unit tests of contacts: JSON (PUT and PATCH), forms, the rules, and JSON output. */
#include <stdio.h>

#include "kf_test.h"
#include "../../src/core/contact.h"
#include "../../src/core/fielderr.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/kv.h"

#define TODAY "2026-06-15"

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

/* Parses JSON text that the test itself wrote; fails the test on a syntax error. */
static json_t *js(const char *text)
{
	json_error_t err;
	json_t *j = json_loads(text, 0, &err);

	if (!j)
		fail_msg("bad test JSON: %s: %s", text, err.text);
	return j;
}

/* Applies JSON text to c and returns the number of field errors. */
static int apply(struct contact *c, struct arena *a, const char *text, int partial, struct field_errors *fe)
{
	json_t *j = js(text);

	memset(fe, 0, sizeof(*fe));
	contact_from_json(c, a, j, partial, fe);
	json_decref(j);
	return fe->n;
}

static const char full_json[] =
	"{\"name\": \"Anna Müller\", \"company\": \"Müller GmbH\", \"function\": \"Geschäftsführerin\","
	" \"email\": \"anna@example.org\", \"notes\": \"Nur im Notfall\\nnachts anrufen\", \"external\": true,"
	" \"phones\": [{\"kind\": \"office\", \"number\": \"030 1234\"}, {\"number\": \"0171 555\", \"kind\": \"mobile\"}],"
	" \"last_verified\": \"2026-01-10\"}";

static void test_from_json_full(void **state)
{
	struct field_errors fe;
	struct contact c;

	contact_init(&c);
	assert_int_equal(apply(&c, *state, full_json, 0, &fe), 0);
	assert_string_equal(c.name, "Anna Müller");
	assert_string_equal(c.company, "Müller GmbH");
	assert_string_equal(c.function, "Geschäftsführerin");
	assert_string_equal(c.email, "anna@example.org");
	assert_string_equal(c.notes, "Nur im Notfall\nnachts anrufen");
	assert_int_equal(c.external, 1);
	assert_string_equal(c.last_verified, "2026-01-10");
	assert_int_equal(c.nphones, 2);
	assert_int_equal(c.phones[0].kind, PHONE_OFFICE);
	assert_string_equal(c.phones[0].number, "030 1234");
	assert_int_equal(c.phones[1].kind, PHONE_MOBILE);
	assert_string_equal(c.phones[1].number, "0171 555");
	contact_validate(&c, *state, TODAY, &fe);
	assert_int_equal(fe.n, 0);
}

static void test_from_json_put_resets_missing_fields(void **state)
{
	struct field_errors fe;
	struct contact c;

	contact_init(&c);
	assert_int_equal(apply(&c, *state, full_json, 0, &fe), 0);
	c.id = 5;
	c.version = 3;
	assert_int_equal(apply(&c, *state, "{\"name\": \"Bernd\"}", 0, &fe), 0);
	assert_string_equal(c.name, "Bernd");
	assert_string_equal(c.company, "");
	assert_string_equal(c.email, "");
	assert_string_equal(c.notes, "");
	assert_int_equal(c.external, 0);
	assert_int_equal(c.nphones, 0);
	assert_string_equal(c.last_verified, "");
	/* identity survives a PUT */
	assert_int_equal(c.id, 5);
	assert_int_equal(c.version, 3);
}

static void test_from_json_patch_changes_only_given_keys(void **state)
{
	struct field_errors fe;
	struct contact c;

	contact_init(&c);
	assert_int_equal(apply(&c, *state, full_json, 0, &fe), 0);
	assert_int_equal(apply(&c, *state, "{\"company\": \"Neu AG\", \"external\": false}", 1, &fe), 0);
	assert_string_equal(c.company, "Neu AG");
	assert_int_equal(c.external, 0);
	assert_string_equal(c.name, "Anna Müller");
	assert_string_equal(c.email, "anna@example.org");
	assert_int_equal(c.nphones, 2);
	assert_string_equal(c.last_verified, "2026-01-10");
	/* phones given in a PATCH replace the list */
	assert_int_equal(apply(&c, *state, "{\"phones\": [{\"kind\": \"private\", \"number\": \"089 1\"}]}", 1, &fe), 0);
	assert_int_equal(c.nphones, 1);
	assert_int_equal(c.phones[0].kind, PHONE_PRIVATE);
	assert_int_equal(apply(&c, *state, "{\"phones\": []}", 1, &fe), 0);
	assert_int_equal(c.nphones, 0);
	/* null clears last_verified */
	assert_int_equal(apply(&c, *state, "{\"last_verified\": null}", 1, &fe), 0);
	assert_string_equal(c.last_verified, "");
	assert_int_equal(apply(&c, *state, "{}", 1, &fe), 0);
	assert_string_equal(c.name, "Anna Müller");
}

static void test_from_json_unknown_field_named(void **state)
{
	struct field_errors fe;
	struct contact c;

	contact_init(&c);
	assert_int_equal(apply(&c, *state, "{\"name\": \"A\", \"nmae\": \"B\"}", 0, &fe), 1);
	assert_field_error_is(&fe, "nmae", "is not a known field");
	assert_string_equal(c.name, "A");
	assert_int_equal(apply(&c, *state, "{\"phones\": [{\"number\": \"123\", \"ext\": \"9\"}]}", 0, &fe), 1);
	assert_field_error_is(&fe, "phones[0].ext", "is not a known field");
}

static void test_from_json_wrong_types_named(void **state)
{
	struct field_errors fe;
	struct contact c;

	contact_init(&c);
	assert_int_equal(apply(&c, *state, "{\"name\": 5, \"email\": null, \"notes\": [], \"external\": \"yes\"}", 0, &fe),
			 4);
	assert_field_error_is(&fe, "name", "must be text");
	assert_field_error_is(&fe, "email", "must be text");
	assert_field_error_is(&fe, "notes", "must be text");
	assert_field_error_is(&fe, "external", "must be true or false");
	/* the fields stay at their defaults, never NULL */
	assert_string_equal(c.name, "");
	assert_string_equal(c.email, "");

	apply(&c, *state,
	      "{\"phones\": [{\"kind\": \"mobile\", \"number\": \"123\"}, {\"kind\": 7, \"number\": \"456\"},"
	      " {\"kind\": \"fax\", \"number\": \"789\"}, {\"kind\": \"office\", \"number\": 42}, \"0171\", {\"kind\": \"office\"}]}",
	      0, &fe);
	assert_field_error_is(&fe, "phones[1].kind", "must be one of mobile, office, private, other");
	assert_field_error_is(&fe, "phones[2].kind", "must be one of mobile, office, private, other");
	assert_field_error_is(&fe, "phones[3].number", "must be text");
	assert_field_error_is(&fe, "phones[4]", "must be an object with kind and number");
	assert_field_error_is(&fe, "phones[5].number", "must not be empty");
	assert_null(fe_get(&fe, "phones[0].kind"));
	assert_null(fe_get(&fe, "phones[0].number"));
	for (int i = 0; i < c.nphones; i++)
		assert_non_null(c.phones[i].number);

	assert_int_equal(apply(&c, *state, "{\"phones\": \"0171 1\"}", 0, &fe), 1);
	assert_field_error_is(&fe, "phones", "must be a list");
	assert_int_equal(apply(&c, *state, "{\"last_verified\": 20260101}", 0, &fe), 1);
	assert_field_error_is(&fe, "last_verified", "must be text");
	assert_int_equal(apply(&c, *state, "{\"last_verified\": \"2026-01-01T00:00:00Z\"}", 0, &fe), 1);
	assert_field_error_is(&fe, "last_verified", "is not a date (YYYY-MM-DD)");
	/* "never verified" is null, not an empty string */
	assert_int_equal(apply(&c, *state, "{\"last_verified\": \"\"}", 0, &fe), 1);
	assert_field_error_is(&fe, "last_verified", "is not a date (YYYY-MM-DD)");
}

static void test_from_json_too_many_phones(void **state)
{
	char text[1024];
	size_t off;
	struct field_errors fe;
	struct contact c;

	contact_init(&c);
	off = (size_t)snprintf(text, sizeof(text), "{\"phones\": [");
	for (int i = 0; i < CONTACT_MAX_PHONES + 1; i++)
		off += (size_t)snprintf(text + off, sizeof(text) - off, "%s{\"number\": \"%d00\"}", i ? "," : "", i + 1);
	snprintf(text + off, sizeof(text) - off, "]}");
	assert_int_equal(apply(&c, *state, text, 0, &fe), 1);
	assert_field_error_is(&fe, "phones", "has too many entries (at most 10)");
	assert_true(c.nphones <= CONTACT_MAX_PHONES);
}

static void test_from_json_readonly_keys_ignored(void **state)
{
	struct field_errors fe;
	struct contact c;

	contact_init(&c);
	c.id = 7;
	c.version = 2;
	c.created_at = 1000;
	assert_int_equal(apply(&c, *state,
			       "{\"id\": 99, \"version\": 42, \"created_at\": \"2020-01-01T00:00:00Z\","
			       " \"updated_at\": \"x\", \"name\": \"A\"}",
			       0, &fe),
			 0);
	assert_int_equal(c.id, 7);
	assert_int_equal(c.version, 2);
	assert_int_equal(c.created_at, 1000);
	assert_string_equal(c.name, "A");
	assert_int_equal(apply(&c, *state, "{\"id\": \"garbage\"}", 1, &fe), 0);
	assert_int_equal(c.id, 7);
}

static void test_from_json_embedded_nul(void **state)
{
	struct field_errors fe = { 0 };
	struct contact c;
	json_t *j = json_object();

	contact_init(&c);
	json_object_set_new(j, "name", json_stringn("An\0na", 5));
	contact_from_json(&c, *state, j, 0, &fe);
	json_decref(j);
	assert_field_error_is(&fe, "name", "contains control characters");
}

/* A form body as the browser sends it. */
static void parse_form(struct arena *a, struct kv_list *l, const char *body)
{
	memset(l, 0, sizeof(*l));
	assert_int_equal(kv_parse_urlencoded(l, a, body, strlen(body), 200), 0);
}

static void test_from_form(void **state)
{
	struct field_errors fe = { 0 };
	struct kv_list form;
	struct contact c;

	contact_init(&c);
	parse_form(*state, &form,
		   "name=Anna+M%C3%BCller&company=&function=IT&email=anna%40example.org&notes=a%0D%0Ab&external=1"
		   "&last_verified=2026-01-10"
		   "&phone_kind_0=office&phone_number_0=030+123&phone_kind_1=mobile&phone_number_1="
		   "&phone_kind_2=mobile&phone_number_2=0171+1");
	contact_from_form(&c, *state, &form, &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(c.name, "Anna Müller");
	assert_string_equal(c.company, "");
	assert_string_equal(c.function, "IT");
	assert_string_equal(c.email, "anna@example.org");
	assert_string_equal(c.notes, "a\r\nb");
	assert_int_equal(c.external, 1);
	assert_string_equal(c.last_verified, "2026-01-10");
	/* the empty row 1 is skipped, rows are packed */
	assert_int_equal(c.nphones, 2);
	assert_int_equal(c.phones[0].kind, PHONE_OFFICE);
	assert_string_equal(c.phones[0].number, "030 123");
	assert_int_equal(c.phones[1].kind, PHONE_MOBILE);
	assert_string_equal(c.phones[1].number, "0171 1");
	contact_validate(&c, *state, TODAY, &fe);
	assert_int_equal(fe.n, 0);
}

static void test_from_form_missing_and_bad(void **state)
{
	struct field_errors fe = { 0 };
	struct kv_list form;
	struct contact c;

	contact_init(&c);
	parse_form(*state, &form, "external=on&phone_kind_0=fax&phone_number_0=123&last_verified=2026-01-01-extra");
	contact_from_form(&c, *state, &form, &fe);
	assert_string_equal(c.name, "");
	assert_string_equal(c.email, "");
	assert_int_equal(c.external, 0); /* only "1" means yes */
	assert_field_error_is(&fe, "phones[0].kind", "must be one of mobile, office, private, other");
	assert_field_error_is(&fe, "last_verified", "is not a date (YYYY-MM-DD)");
	contact_validate(&c, *state, TODAY, &fe);
	assert_field_error_is(&fe, "name", "must not be empty");
}

static void test_from_form_too_many_phones(void **state)
{
	char body[2048];
	size_t off = 0;
	struct field_errors fe = { 0 };
	struct kv_list form;
	struct contact c;

	contact_init(&c);
	off += (size_t)snprintf(body, sizeof(body), "name=A");
	for (int i = 0; i < CONTACT_MAX_PHONES + 2; i++)
		off += (size_t)snprintf(body + off, sizeof(body) - off, "&phone_number_%d=%d000", i, i + 1);
	parse_form(*state, &form, body);
	contact_from_form(&c, *state, &form, &fe);
	assert_int_equal(c.nphones, CONTACT_MAX_PHONES);
	assert_field_error_is(&fe, "phones", "has too many entries (at most 10)");
}

static void test_validate_rules(void **state)
{
	struct field_errors fe = { 0 };
	struct contact c;
	char longname[CONTACT_NAME_MAX + 2];

	contact_init(&c);
	c.name = "  Anna  ";
	c.email = " anna@example.org ";
	c.nphones = 1;
	c.phones[0].kind = PHONE_MOBILE;
	c.phones[0].number = " 0171 555 ";
	contact_validate(&c, *state, TODAY, &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(c.name, "Anna");
	assert_string_equal(c.email, "anna@example.org");
	assert_string_equal(c.phones[0].number, "0171 555");

	contact_init(&c);
	c.name = "";
	c.company = "Bad\x01Co";
	c.email = "not-an-email";
	c.notes = "ok\nok";
	snprintf(c.last_verified, sizeof(c.last_verified), "2026-06-16");
	c.nphones = 2;
	c.phones[0].number = "abc";
	c.phones[1].number = "";
	contact_validate(&c, *state, TODAY, &fe);
	assert_field_error_is(&fe, "name", "must not be empty");
	assert_field_error_is(&fe, "company", "contains control characters");
	assert_field_error_is(&fe, "email", "is not an email address (name@example.org)");
	assert_null(fe_get(&fe, "notes"));
	assert_field_error_is(&fe, "last_verified", "must not be in the future");
	assert_field_error_is(&fe, "phones[0].number", "may only contain digits, spaces and + ( ) / - .");
	assert_field_error_is(&fe, "phones[1].number", "must not be empty");

	memset(&fe, 0, sizeof(fe));
	contact_init(&c);
	memset(longname, 'x', sizeof(longname));
	longname[CONTACT_NAME_MAX + 1] = '\0';
	c.name = longname;
	snprintf(c.last_verified, sizeof(c.last_verified), "2026-02-29");
	contact_validate(&c, *state, TODAY, &fe);
	assert_field_error_is(&fe, "name", "is too long");
	assert_field_error_is(&fe, "last_verified", "is not a date (YYYY-MM-DD)");
}

static void test_phone_kinds(void **state)
{
	enum phone_kind k;

	(void)state;
	for (int i = 0; i < PHONE_KIND__MAX; i++) {
		assert_int_equal(phone_kind_parse(phone_kind_name((enum phone_kind)i), &k), 0);
		assert_int_equal(k, i);
		assert_non_null(phone_kind_label((enum phone_kind)i));
	}
	assert_int_equal(phone_kind_parse("Mobile", &k), -1);
	assert_int_equal(phone_kind_parse("", &k), -1);
	assert_string_equal(phone_kind_name((enum phone_kind)99), "other");
	assert_string_equal(phone_kind_name((enum phone_kind)-1), "other");
}

static void test_to_json_round_trip(void **state)
{
	struct field_errors fe;
	struct contact c, d;
	json_t *j, *j2;

	contact_init(&c);
	assert_int_equal(apply(&c, *state, full_json, 0, &fe), 0);
	c.id = 12;
	c.version = 3;
	c.created_at = 1767225600; /* 2026-01-01T00:00:00Z */
	c.updated_at = 1767225661;
	j = contact_to_json(&c);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "id")), 12);
	assert_int_equal(json_integer_value(json_object_get(j, "version")), 3);
	assert_string_equal(json_string_value(json_object_get(j, "name")), "Anna Müller");
	assert_true(json_is_true(json_object_get(j, "external")));
	assert_string_equal(json_string_value(json_object_get(j, "last_verified")), "2026-01-10");
	assert_string_equal(json_string_value(json_object_get(j, "created_at")), "2026-01-01T00:00:00Z");
	assert_string_equal(json_string_value(json_object_get(j, "updated_at")), "2026-01-01T00:01:01Z");
	assert_int_equal(json_array_size(json_object_get(j, "phones")), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(json_object_get(j, "phones"), 0), "kind")),
			    "office");

	/* what we send is accepted back unchanged (read-only keys included) */
	contact_init(&d);
	d.id = 12;
	d.version = 3;
	d.created_at = c.created_at;
	d.updated_at = c.updated_at;
	memset(&fe, 0, sizeof(fe));
	contact_from_json(&d, *state, j, 0, &fe);
	assert_int_equal(fe.n, 0);
	contact_validate(&d, *state, TODAY, &fe);
	assert_int_equal(fe.n, 0);
	j2 = contact_to_json(&d);
	assert_non_null(j2);
	assert_true(json_equal(j, j2));
	json_decref(j);
	json_decref(j2);

	/* never verified is null */
	contact_init(&c);
	c.name = "B";
	j = contact_to_json(&c);
	assert_non_null(j);
	assert_true(json_is_null(json_object_get(j, "last_verified")));
	assert_int_equal(json_array_size(json_object_get(j, "phones")), 0);
	assert_true(json_is_false(json_object_get(j, "external")));
	json_decref(j);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_from_json_full, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_json_put_resets_missing_fields, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_json_patch_changes_only_given_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_json_unknown_field_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_json_wrong_types_named, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_json_too_many_phones, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_json_readonly_keys_ignored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_json_embedded_nul, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_form, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_form_missing_and_bad, setup, teardown),
		cmocka_unit_test_setup_teardown(test_from_form_too_many_phones, setup, teardown),
		cmocka_unit_test_setup_teardown(test_validate_rules, setup, teardown),
		cmocka_unit_test(test_phone_kinds),
		cmocka_unit_test_setup_teardown(test_to_json_round_trip, setup, teardown),
	};

	return cmocka_run_group_tests_name("contact", tests, NULL, NULL);
}
