/* test_registers.c: step 4 registers: the stale rule, placeholder filling, and every bad field named for copies, acknowledgements, templates. */
#include <stdlib.h>

#include "kf_test.h"

#include "../../src/core/acknowledgement.h"
#include "../../src/core/comm_starter.h"
#include "../../src/core/comm_template.h"
#include "../../src/core/plan_copy.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/timeutil.h"

#define TODAY "2026-06-15"

static json_t *parse(const char *s)
{
	json_error_t err;
	json_t *j = json_loads(s, 0, &err);

	if (!j)
		fail_msg("bad test JSON: %s", err.text);
	return j;
}

static void test_stale_rule(void **state)
{
	/* 2026-03-10T00:00:00Z */
	const int64_t day = 1773100800;

	(void)state;
	assert_false(plan_copy_is_stale("2026-03-10", 0));             /* no change at all */
	assert_false(plan_copy_is_stale("2026-03-10", day - 3600));    /* changed the day before */
	assert_false(plan_copy_is_stale("2026-03-10", day));           /* same day, first second */
	assert_false(plan_copy_is_stale("2026-03-10", day + 86399));   /* same day, last second */
	assert_true(plan_copy_is_stale("2026-03-10", day + 86400));    /* the next day */
	assert_true(plan_copy_is_stale("2026-03-10", day + 400 * 86400));
	assert_true(plan_copy_is_stale("2024-02-29", 1709251200));     /* 2024-03-01T00:00:00Z after a leap day */
	assert_false(plan_copy_is_stale("2024-02-29", 1709251199));
	assert_true(plan_copy_is_stale("1999-12-31", 946684800));      /* 2000-01-01T00:00:00Z */
	assert_false(plan_copy_is_stale("", day));                     /* invalid dates never make a copy stale */
	assert_false(plan_copy_is_stale("2026-02-30", day));
	assert_false(plan_copy_is_stale(NULL, day));
}

/* wire: the stamp of a copy: "" or 12 lowercase hex digits; stale by date or by a stamp that is not current */
static void test_copy_stamp(void **state)
{
	struct plan_copy p;

	(void)state;
	assert_int_equal(plan_copy_stamp_ok(""), 0);
	assert_int_equal(plan_copy_stamp_ok("1a2b3c4d5e6f"), 0);
	assert_int_equal(plan_copy_stamp_ok("1A2B3C4D5E6F"), -1);
	assert_int_equal(plan_copy_stamp_ok("1a2b3c4d5e6"), -1);
	assert_int_equal(plan_copy_stamp_ok("1a2b3c4d5e6f0"), -1);
	assert_int_equal(plan_copy_stamp_ok("1a2b3c4d5e6g"), -1);
	plan_copy_init(&p);
	memcpy(p.plan_date, "2026-03-10", 11);
	assert_int_equal(p.stamp_stale, -1);
	assert_false(plan_copy_stale(&p));
	p.stamp_stale = 1; /* without a stamp the stamp rule does not apply */
	assert_false(plan_copy_stale(&p));
	memcpy(p.stamp, "1a2b3c4d5e6f", 13);
	assert_true(plan_copy_stale(&p));
	p.stamp_stale = 0;
	assert_false(plan_copy_stale(&p));
	p.plan_changed_at = 1773100800 + 86400; /* the date rule still applies */
	assert_true(plan_copy_stale(&p));
}

static int copy_check(struct arena *a, struct plan_copy *p, const char *js, struct field_errors *fe)
{
	json_t *j = parse(js);

	plan_copy_init(p);
	memset(fe, 0, sizeof(*fe));
	plan_copy_from_json(p, a, j, 0, fe);
	plan_copy_validate(p, a, TODAY, fe);
	json_decref(j);
	return fe->n;
}

static void test_copy_validation(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe;
	struct plan_copy p;
	json_t *j;

	(void)state;
	assert_int_equal(copy_check(a, &p, "{\"kind\": \"print\", \"location\": \"  Notfallordner im Büro  \", "
					   "\"plan_date\": \"2026-06-15\", \"last_checked\": null, \"holder_contact_id\": 4, "
					   "\"stale\": false, \"plan_changed_at\": null, \"id\": 3}", &fe), 0);
	assert_string_equal(p.location, "Notfallordner im Büro");
	assert_int_equal(p.kind, COPY_KIND_PRINT);
	assert_int_equal(p.holder_contact_id, 4);
	p.plan_changed_at = 1781568000; /* 2026-06-16T00:00:00Z: the next day */
	j = plan_copy_to_json(&p);
	assert_non_null(j);
	assert_true(json_is_true(json_object_get(j, "stale")));
	assert_string_equal(json_string_value(json_object_get(j, "plan_changed_at")), "2026-06-16T00:00:00Z");
	assert_true(json_is_null(json_object_get(j, "last_checked")));
	json_decref(j);
	p.plan_changed_at = 0;
	j = plan_copy_to_json(&p);
	assert_true(json_is_false(json_object_get(j, "stale")));
	assert_true(json_is_null(json_object_get(j, "plan_changed_at")));
	json_decref(j);

	/* nothing given: kind, location and plan_date named */
	assert_int_equal(copy_check(a, &p, "{}", &fe), 3);
	assert_field_error(&fe, "kind");
	assert_field_error(&fe, "location");
	assert_field_error(&fe, "plan_date");
	/* every bad field named at once */
	assert_int_equal(copy_check(a, &p, "{\"kind\": \"fax\", \"location\": \"   \", \"plan_date\": \"2099-01-01\", "
					   "\"last_checked\": \"15.06.2026\", \"holder_contact_id\": \"x\", \"notes\": 5, "
					   "\"colour\": \"red\"}", &fe), 7);
	assert_field_error(&fe, "kind");
	assert_field_error(&fe, "location");
	assert_field_error_is(&fe, "plan_date", "must not be in the future");
	assert_field_error(&fe, "last_checked");
	assert_field_error(&fe, "holder_contact_id");
	assert_field_error(&fe, "notes");
	assert_field_error_is(&fe, "colour", "is not a known field");
	assert_int_equal(copy_check(a, &p, "{\"kind\": \"usb\", \"location\": \"Tresor\", \"plan_date\": null}", &fe), 1);
	assert_field_error(&fe, "plan_date");
	assert_int_equal(copy_check(a, &p, "{\"kind\": \"cloud\", \"location\": \"x\", \"plan_date\": \"2026-06-15\", "
					   "\"last_checked\": \"2026-06-16\"}", &fe), 1);
	assert_field_error_is(&fe, "last_checked", "must not be in the future");
	arena_free(a);
}

static void test_copy_partial_and_form(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe = { 0 };
	struct kv_list form = { 0 };
	struct plan_copy p;
	json_t *j;

	(void)state;
	plan_copy_init(&p);
	p.kind = COPY_KIND_USB;
	p.location = "Tresor";
	memcpy(p.plan_date, "2026-01-01", 11);
	j = parse("{\"last_checked\": \"2026-06-01\"}");
	plan_copy_from_json(&p, a, j, 1, &fe);
	plan_copy_validate(&p, a, TODAY, &fe);
	json_decref(j);
	assert_int_equal(fe.n, 0);
	assert_int_equal(p.kind, COPY_KIND_USB);
	assert_string_equal(p.location, "Tresor");
	assert_string_equal(p.last_checked, "2026-06-01");

	kv_add(&form, a, "kind", 4, "laptop", 6);
	kv_add(&form, a, "location", 8, "Notebook der GF", 15);
	kv_add(&form, a, "holder_contact_id", 17, "", 0);
	kv_add(&form, a, "plan_date", 9, "2026-06-15", 10);
	kv_add(&form, a, "last_checked", 12, "2026-06-15-and-more", 19);
	plan_copy_init(&p);
	plan_copy_from_form(&p, &form, &fe);
	plan_copy_validate(&p, a, TODAY, &fe);
	assert_int_equal(fe.n, 1);
	assert_field_error(&fe, "last_checked");
	assert_int_equal(p.kind, COPY_KIND_LAPTOP);
	assert_int_equal(p.holder_contact_id, 0);
	assert_string_equal(plan_copy_kind_label(COPY_KIND_USB), "USB stick");
	arena_free(a);
}

static int ack_check(struct arena *a, struct acknowledgement *k, const char *js, struct field_errors *fe)
{
	json_t *j = parse(js);

	ack_init(k);
	memset(fe, 0, sizeof(*fe));
	ack_from_json(k, a, j, 0, fe);
	ack_validate(k, TODAY, fe);
	json_decref(j);
	return fe->n;
}

static void test_ack_validation(void **state)
{
	struct arena *a = arena_new();
	struct acknowledgement k;
	struct field_errors fe;
	json_t *j;

	(void)state;
	assert_int_equal(ack_check(a, &k, "{\"contact_id\": 7, \"confirmed_on\": \"2026-06-15\", \"how\": \"briefing\", "
					  "\"notes\": \"Teambesprechung\"}", &fe), 0);
	j = ack_to_json(&k);
	assert_int_equal(json_integer_value(json_object_get(j, "contact_id")), 7);
	assert_string_equal(json_string_value(json_object_get(j, "how")), "briefing");
	json_decref(j);
	assert_int_equal(ack_check(a, &k, "{}", &fe), 3);
	assert_field_error(&fe, "contact_id");
	assert_field_error(&fe, "confirmed_on");
	assert_field_error(&fe, "how");
	assert_int_equal(ack_check(a, &k, "{\"contact_id\": -1, \"confirmed_on\": \"2026-06-16\", \"how\": \"fax\", "
					  "\"notes\": [], \"who\": 1}", &fe), 5);
	assert_field_error(&fe, "contact_id");
	assert_field_error_is(&fe, "confirmed_on", "must not be in the future");
	assert_field_error(&fe, "how");
	assert_field_error(&fe, "notes");
	assert_field_error(&fe, "who");
	arena_free(a);
}

static void test_ack_bulk_and_count(void **state)
{
	struct acknowledgement out[ACK_BULK_MAX];
	struct arena *a = arena_new();
	struct field_errors fe = { 0 };
	struct kv_list form = { 0 };
	int64_t staff[] = { 1, 2, 3, 4 };
	size_t n = 99;

	(void)state;
	kv_add(&form, a, "contact", 7, "3", 1);
	kv_add(&form, a, "contact", 7, "1", 1);
	kv_add(&form, a, "contact", 7, "3", 1);
	kv_add(&form, a, "confirmed_on", 12, "2026-06-15", 10);
	kv_add(&form, a, "how", 3, "signature", 9);
	ack_bulk_from_form(&form, TODAY, out, &n, &fe);
	assert_int_equal(fe.n, 0);
	assert_int_equal(n, 2);
	assert_int_equal(out[0].contact_id, 3);
	assert_int_equal(out[1].contact_id, 1);
	assert_string_equal(out[1].confirmed_on, "2026-06-15");
	assert_int_equal(out[1].how, ACK_SIGNATURE);
	assert_int_equal(ack_count_confirmed(out, n, staff, 4), 2);
	assert_int_equal(ack_count_confirmed(out, n, staff, 0), 0);

	/* nobody ticked, a future date, an unknown way: all named, nothing to store */
	memset(&form, 0, sizeof(form));
	memset(&fe, 0, sizeof(fe));
	kv_add(&form, a, "confirmed_on", 12, "2099-01-01", 10);
	kv_add(&form, a, "how", 3, "telepathy", 9);
	ack_bulk_from_form(&form, TODAY, out, &n, &fe);
	assert_int_equal(n, 0);
	assert_field_error(&fe, "contact");
	assert_field_error(&fe, "confirmed_on");
	assert_field_error(&fe, "how");
	arena_free(a);
}

static const struct comm_values values = {
	.firma = "Bäckerei Beispiel", .notfallleitung = "Erika Muster", .notfallleitung_telefon = "+49 170 1234567",
	.datum = "15.06.2026", .treffpunkt = NULL,
};

static void test_fill(void **state)
{
	struct arena *a = arena_new();
	struct comm_unknown unk = { 0 };
	const char *s;

	(void)state;
	s = comm_fill(a, "{firma}: {notfallleitung} ({notfallleitung_telefon}) am {datum}, Treffpunkt {treffpunkt}.",
		      &values, &unk);
	assert_string_equal(s, "Bäckerei Beispiel: Erika Muster (+49 170 1234567) am 15.06.2026, Treffpunkt —.");
	assert_int_equal(unk.n, 0);
	/* unknown placeholders stay visible and are reported once each, in order */
	s = comm_fill(a, "Hallo {Firma}, {firmenname} und {Firma} – {firma}", &values, &unk);
	assert_string_equal(s, "Hallo {Firma}, {firmenname} und {Firma} – Bäckerei Beispiel");
	assert_int_equal(unk.n, 2);
	assert_string_equal(unk.names[0], "{Firma}");
	assert_string_equal(unk.names[1], "{firmenname}");
	/* the list collects over several calls (subject and body) */
	s = comm_fill(a, "{betreff} {firmenname}", &values, &unk);
	assert_int_equal(unk.n, 3);
	assert_string_equal(unk.names[2], "{betreff}");
	/* braces that are no placeholders are left alone and not reported */
	memset(&unk, 0, sizeof(unk));
	s = comm_fill(a, "{} { firma } {{firma}} {firma a} {nicht zu{ende} und {", &values, &unk);
	assert_string_equal(s, "{} { firma } {Bäckerei Beispiel} {firma a} {nicht zu{ende} und {");
	assert_int_equal(unk.n, 1);
	assert_string_equal(unk.names[0], "{ende}");
	/* one pass: a value holding a placeholder is not filled again */
	{
		struct comm_values v = values;

		v.firma = "{datum} & Co";
		memset(&unk, 0, sizeof(unk));
		s = comm_fill(a, "{firma}", &v, &unk);
		assert_string_equal(s, "{datum} & Co");
		assert_int_equal(unk.n, 0);
	}
	s = comm_fill(a, "", &values, NULL);
	assert_string_equal(s, "");
	arena_free(a);
}

/* Filling is plain text: it adds no markup and escapes nothing; escaping happens only on output. */
static void test_fill_escaping_neutral(void **state)
{
	struct arena *a = arena_new();
	struct comm_unknown unk = { 0 };
	struct comm_values v = values;
	const char *s;

	(void)state;
	v.firma = "<b>Müller & Söhne</b>";
	v.notfallleitung = "\"O'Brien\"";
	s = comm_fill(a, "<script>alert(1)</script> {firma} {notfallleitung} &amp;\n", &v, &unk);
	assert_string_equal(s, "<script>alert(1)</script> <b>Müller & Söhne</b> \"O'Brien\" &amp;\n");
	assert_null(strstr(s, "&lt;"));
	assert_int_equal(unk.n, 0);
	arena_free(a);
}

static int tpl_check(struct arena *a, struct comm_template *t, const char *js, struct field_errors *fe)
{
	json_t *j = parse(js);

	comm_template_init(t);
	memset(fe, 0, sizeof(*fe));
	comm_template_from_json(t, a, j, 0, fe);
	comm_template_validate(t, a, fe);
	json_decref(j);
	return fe->n;
}

static void test_template_validation(void **state)
{
	struct arena *a = arena_new();
	struct comm_template t;
	struct field_errors fe;
	char *big = malloc(COMM_BODY_MAX + 20), *js;
	char date[11];

	(void)state;
	assert_int_equal(tpl_check(a, &t, "{\"audience\": \"customers\", \"title\": \" Erreichbarkeit \", \"subject\": \"\", "
					  "\"body\": \"Wir sind erreichbar.\"}", &fe), 0);
	assert_string_equal(t.title, "Erreichbarkeit");
	assert_int_equal(tpl_check(a, &t, "{}", &fe), 3);
	assert_field_error(&fe, "audience");
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "body");
	assert_int_equal(tpl_check(a, &t, "{\"audience\": \"press\", \"title\": 1, \"subject\": \"a\\nb\", \"body\": \"x\", "
					  "\"to\": \"all\"}", &fe), 4);
	assert_field_error(&fe, "audience");
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "subject");
	assert_field_error(&fe, "to");
	memset(big, 'x', COMM_BODY_MAX + 1);
	big[COMM_BODY_MAX + 1] = '\0';
	js = arena_printf(a, "{\"audience\": \"staff\", \"title\": \"Lang\", \"body\": \"%s\"}", big);
	assert_int_equal(tpl_check(a, &t, js, &fe), 1);
	assert_field_error(&fe, "body");
	big[COMM_BODY_MAX] = '\0';
	js = arena_printf(a, "{\"audience\": \"staff\", \"title\": \"Lang\", \"body\": \"%s\"}", big);
	assert_int_equal(tpl_check(a, &t, js, &fe), 0);
	free(big);
	kf_date_german("2026-06-05", date);
	assert_string_equal(date, "05.06.2026");
	arena_free(a);
}

static void test_starters(void **state)
{
	struct comm_adoption ca = { .n = 0 };
	struct arena *a = arena_new();
	struct field_errors fe = { 0 };
	int seen[AUDIENCE__MAX] = { 0 };

	(void)state;
	assert_int_equal(comm_starters_count, 5);
	for (size_t i = 0; i < comm_starters_count; i++) {
		struct comm_template t;
		struct comm_unknown unk = { 0 };

		comm_template_init(&t);
		t.audience = comm_starters[i].audience;
		t.title = comm_starters[i].title;
		t.subject = comm_starters[i].subject;
		t.body = comm_starters[i].body;
		comm_template_validate(&t, a, &fe);
		assert_int_equal(fe.n, 0);
		seen[t.audience]++;
		/* only known placeholders */
		assert_non_null(comm_fill(a, t.subject, &values, &unk));
		assert_non_null(comm_fill(a, t.body, &values, &unk));
		assert_int_equal(unk.n, 0);
		assert_ptr_equal(comm_starter_find(comm_starters[i].key), &comm_starters[i]);
	}
	for (int i = 0; i < AUDIENCE__MAX; i++)
		assert_int_equal(seen[i], 1);
	comm_adoption_add(&ca, "kunden-erreichbarkeit", "templates[0]", &fe);
	comm_adoption_add(&ca, "kunden-erreichbarkeit", "templates[1]", &fe);
	comm_adoption_add(&ca, "gibt-es-nicht", "templates[2]", &fe);
	assert_int_equal(ca.n, 1);
	assert_int_equal(ca.items[0].audience, AUDIENCE_CUSTOMERS);
	assert_field_error_is(&fe, "templates[1]", "is chosen twice");
	assert_field_error_is(&fe, "templates[2]", "is not a known template");
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stale_rule),
		cmocka_unit_test(test_copy_stamp),
		cmocka_unit_test(test_copy_validation),
		cmocka_unit_test(test_copy_partial_and_form),
		cmocka_unit_test(test_ack_validation),
		cmocka_unit_test(test_ack_bulk_and_count),
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_fill_escaping_neutral),
		cmocka_unit_test(test_template_validation),
		cmocka_unit_test(test_starters),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
