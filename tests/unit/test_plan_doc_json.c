/* test_plan_doc_json.c: the demo plan survives JSON -> typed -> JSON unchanged; bad values are named by their JSON path. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "kf_test.h"
#include "../../src/cli/cli.h"
#include "../../src/export/export.h"
#include "../../src/export/plan_doc_json.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/timeutil.h"
#include "../../src/store/store.h"

struct fix {
	char dir[64];
	char path[96];
	struct store *store;
	struct store_conn *c;
	struct arena *a;
	int64_t org, user;
	char today[11];
	json_t *doc; /* the demo's JSON export */
};

static int setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));
	struct plan_doc doc;

	*state = f;
	if (!f)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/kf-test-pdj-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/kf.db", f->dir);
	if (store_open(f->path, &f->store) != KF_OK)
		return -1;
	f->c = store_conn_get(f->store);
	f->a = arena_new();
	if (!f->c || !f->a)
		return -1;
	kf_date_iso(kf_now(), f->today);
	if (store_setup_instance(f->c, "Muster Metallbau GmbH", "demo@example.com", "Demo", "hash", &f->org, &f->user) !=
		    KF_OK ||
	    demo_fill(f->c, f->a, f->org, f->user, f->today) != 0 ||
	    plan_doc_load_working(f->c, f->a, f->org, NULL, &doc) != KF_OK)
		return -1;
	f->doc = export_json_doc(&doc, 0);
	return f->doc ? 0 : -1;
}

static int teardown(void **state)
{
	struct fix *f = *state;
	char p[128];

	if (!f)
		return 0;
	json_decref(f->doc);
	store_conn_put(f->c);
	store_close(f->store);
	arena_free(f->a);
	unlink(f->path);
	snprintf(p, sizeof(p), "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", f->path);
	unlink(p);
	rmdir(f->dir);
	free(f);
	return 0;
}

/* Reads j into a fresh document (org name and stamp as in the export). */
static enum kf_err read_doc(struct fix *f, const json_t *j, struct plan_doc *doc, struct plan_json_errors *errs)
{
	memset(doc, 0, sizeof(*doc));
	memset(errs, 0, sizeof(*errs));
	doc->org_name = "Muster Metallbau GmbH";
	doc->stamp.draft = 1;
	doc->stamp.approved_at = "";
	doc->stamp.approved_by = "";
	return plan_doc_from_json(j, f->a, f->today, doc, errs);
}

static void print_errors(const struct plan_json_errors *errs)
{
	for (int i = 0; i < errs->n; i++)
		fprintf(stderr, "# %s: %s\n", errs->e[i].path, errs->e[i].msg);
}

/* The whole demo, computed fields included, comes back exactly. */
static void test_round_trip(void **state)
{
	struct fix *f = *state;
	struct plan_json_errors *errs = calloc(1, sizeof(*errs));
	struct plan_doc doc;
	json_t *again;
	enum kf_err err;

	assert_non_null(errs);
	err = read_doc(f, f->doc, &doc, errs);
	print_errors(errs);
	assert_int_equal(err, KF_OK);
	assert_int_equal(doc.typed, 1);
	assert_true(doc.d.ncontacts > 20);
	assert_true(doc.nsteps > 0);
	again = export_json_doc(&doc, 0);
	assert_non_null(again);
	if (!json_equal(again, f->doc)) {
		const char *key;
		json_t *v, *s1 = json_object_get(f->doc, "sections"), *s2 = json_object_get(again, "sections");

		json_object_foreach(s1, key, v)
			if (!json_equal(v, json_object_get(s2, key)))
				fprintf(stderr, "# section %s differs\n", key);
	}
	assert_true(json_equal(again, f->doc));
	/* the sections object alone, and a snapshot, read the same */
	assert_int_equal(read_doc(f, json_object_get(f->doc, "sections"), &doc, errs), KF_OK);
	json_decref(again);
	free(errs);
}

static int has_error(const struct plan_json_errors *errs, const char *path, const char *msg)
{
	for (int i = 0; i < errs->n; i++)
		if (strcmp(errs->e[i].path, path) == 0 && (!msg || strcmp(errs->e[i].msg, msg) == 0))
			return 1;
	return 0;
}

/* Every bad value is reported, each by its path; nothing is half read. */
static void test_bad_values(void **state)
{
	struct fix *f = *state;
	struct plan_json_errors *errs = calloc(1, sizeof(*errs));
	json_t *j = json_deep_copy(f->doc), *s = json_object_get(j, "sections");
	json_t *contacts = json_object_get(s, "contacts"), *risks = json_object_get(s, "risks");
	json_t *c3 = json_array_get(contacts, 3), *phones = json_object_get(c3, "phones");
	struct plan_doc doc;

	assert_non_null(errs);
	assert_true(json_array_size(phones) > 0);
	json_object_set_new(json_array_get(phones, 0), "number", json_string("abc"));
	json_object_set_new(json_array_get(contacts, 5), "email", json_string("no mail"));
	json_object_set_new(json_array_get(risks, 0), "owner_contact_id", json_integer(999999));
	json_object_set_new(json_array_get(risks, 1), "likelihood", json_integer(9));
	json_object_set(json_array_get(contacts, 7), "id", json_object_get(json_array_get(contacts, 6), "id"));
	json_object_set_new(s, "nonsense", json_array());
	json_array_append_new(json_object_get(s, "roles"), json_string("x"));
	assert_int_equal(read_doc(f, j, &doc, errs), KF_EINVAL);
	print_errors(errs);
	assert_true(has_error(errs, "sections.contacts[3].phones[0].number", NULL));
	assert_true(has_error(errs, "sections.contacts[5].email", NULL));
	assert_true(has_error(errs, "sections.risks[0].owner_contact_id", "is not a contact of this organisation"));
	assert_true(has_error(errs, "sections.risks[1].likelihood", NULL));
	assert_true(has_error(errs, "sections.contacts[7].id", "is used twice"));
	assert_true(has_error(errs, "sections.nonsense", "is not a section of the plan"));
	assert_true(has_error(errs, "sections.roles[5]", "must be an object"));
	json_decref(j);

	/* not a plan at all */
	j = json_pack("{s:s, s:i, s:{}}", "format", "something", "schema", 1, "sections");
	assert_int_equal(read_doc(f, j, &doc, errs), KF_EINVAL);
	assert_true(has_error(errs, "format", NULL));
	json_decref(j);
	j = json_pack("{s:s, s:i, s:{}}", "format", "krisenfest-plan", "schema", 2, "sections");
	assert_int_equal(read_doc(f, j, &doc, errs), KF_EINVAL);
	assert_true(has_error(errs, "schema", NULL));
	json_decref(j);
	j = json_array();
	assert_int_equal(read_doc(f, j, &doc, errs), KF_EINVAL);
	json_decref(j);
	/* an empty plan is a plan */
	j = json_pack("{s:s, s:i, s:{}}", "format", "krisenfest-plan", "schema", 1, "sections");
	assert_int_equal(read_doc(f, j, &doc, errs), KF_OK);
	assert_int_equal(doc.d.ncontacts, 0);
	assert_non_null(doc.overrides);
	assert_non_null(doc.risk_settings);
	json_decref(j);
	free(errs);
}

/* Many bad values: the first PLAN_JSON_ERRORS_MAX are kept, the rest counted. */
static void test_error_cap(void **state)
{
	struct fix *f = *state;
	struct plan_json_errors *errs = calloc(1, sizeof(*errs));
	json_t *arr = json_array(), *j;
	struct plan_doc doc;

	assert_non_null(errs);
	for (int i = 0; i < 300; i++)
		json_array_append_new(arr, json_pack("{s:i, s:s}", "id", i + 1, "email", "x"));
	j = json_pack("{s:o}", "contacts", arr);
	assert_int_equal(read_doc(f, j, &doc, errs), KF_EINVAL);
	assert_int_equal(errs->n, PLAN_JSON_ERRORS_MAX);
	assert_true(errs->dropped > 0);
	json_decref(j);
	free(errs);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_bad_values),
		cmocka_unit_test(test_error_cap),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
