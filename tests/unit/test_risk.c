/* test_risk.c: risk rules: every bad field named, score and level, partial JSON, the starter catalogue valid. */
#include "kf_test.h"

#include "../../src/core/risk.h"
#include "../../src/core/risk_templates.h"
#include "../../src/lib/arena.h"

static json_t *parse(const char *s)
{
	json_error_t err;
	json_t *j = json_loads(s, 0, &err);

	if (!j)
		fail_msg("bad test JSON: %s", err.text);
	return j;
}

/* Fills k from JSON (full) and validates; returns the number of errors. */
static int check(struct arena *a, struct risk *k, const char *js, struct field_errors *fe)
{
	json_t *j = parse(js);

	risk_init(k);
	memset(fe, 0, sizeof(*fe));
	risk_from_json(k, a, j, 0, fe);
	risk_validate(k, a, fe);
	json_decref(j);
	return fe->n;
}

static void test_level_rule(void **state)
{
	(void)state;
	assert_int_equal(risk_level_of_score(1), RISK_LOW);
	assert_int_equal(risk_level_of_score(4), RISK_LOW);
	assert_int_equal(risk_level_of_score(5), RISK_MEDIUM);
	assert_int_equal(risk_level_of_score(9), RISK_MEDIUM);
	assert_int_equal(risk_level_of_score(10), RISK_HIGH);
	assert_int_equal(risk_level_of_score(16), RISK_HIGH);
	assert_int_equal(risk_level_of_score(20), RISK_CRITICAL);
	assert_int_equal(risk_level_of_score(25), RISK_CRITICAL);
	assert_string_equal(risk_level_name(RISK_CRITICAL), "critical");
	/* every cell of the 5x5 matrix */
	for (int l = 1; l <= 5; l++)
		for (int i = 1; i <= 5; i++) {
			int s = l * i;
			enum risk_level want = s <= 4 ? RISK_LOW : s <= 9 ? RISK_MEDIUM : s <= 16 ? RISK_HIGH : RISK_CRITICAL;

			assert_int_equal(risk_level_of_score(s), want);
		}
}

static void test_score_and_json(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe;
	struct risk k;
	json_t *j;

	(void)state;
	assert_int_equal(check(a, &k, "{\"title\": \" Feuer \", \"category\": \"environment\", \"likelihood\": 2, "
				      "\"impact\": 5, \"threat_refs\": [\"G 0.1\"], \"review_date\": \"2099-01-31\", "
				      "\"score\": 3, \"level\": \"low\", \"id\": 9}", &fe), 0);
	assert_string_equal(k.title, "Feuer");
	assert_int_equal(risk_score(&k), 10);
	assert_int_equal(k.status, RISK_OPEN);
	j = risk_to_json(&k);
	assert_non_null(j);
	assert_int_equal(json_integer_value(json_object_get(j, "score")), 10);
	assert_string_equal(json_string_value(json_object_get(j, "level")), "high");
	assert_string_equal(json_string_value(json_object_get(j, "category")), "environment");
	assert_string_equal(json_string_value(json_object_get(j, "status")), "open");
	assert_string_equal(json_string_value(json_object_get(j, "review_date")), "2099-01-31");
	assert_true(json_is_null(json_object_get(j, "owner_contact_id")));
	assert_string_equal(json_string_value(json_array_get(json_object_get(j, "threat_refs"), 0)), "G 0.1");
	json_decref(j);
	arena_free(a);
}

static void test_every_bad_field_named(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe;
	struct risk k;
	char longtext[10002];

	(void)state;
	check(a, &k, "{\"title\": \"\", \"category\": \"fire\", \"likelihood\": 0, \"impact\": 6, \"status\": \"done\", "
		     "\"review_date\": \"2024-02-30\", \"owner_contact_id\": -1, \"threat_refs\": [\"G 0.48\", 7], "
		     "\"colour\": \"red\"}", &fe);
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "category");
	assert_field_error(&fe, "likelihood");
	assert_field_error(&fe, "impact");
	assert_field_error(&fe, "status");
	assert_field_error(&fe, "review_date");
	assert_field_error(&fe, "owner_contact_id");
	assert_field_error(&fe, "threat_refs[0]");
	assert_field_error(&fe, "threat_refs[1]");
	assert_field_error(&fe, "colour");

	/* missing required fields */
	check(a, &k, "{\"title\": \"X\"}", &fe);
	assert_field_error(&fe, "category");
	assert_field_error(&fe, "likelihood");
	assert_field_error(&fe, "impact");
	assert_int_equal(fe.n, 3);

	/* wrong types */
	check(a, &k, "{\"title\": 5, \"category\": \"cyber\", \"likelihood\": \"3\", \"impact\": 2.5, "
		     "\"threat_refs\": \"G 0.1\", \"description\": null}", &fe);
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "likelihood");
	assert_field_error(&fe, "impact");
	assert_field_error(&fe, "threat_refs");
	assert_field_error(&fe, "description");

	/* repeats, spelling of threat ids */
	check(a, &k, "{\"title\": \"X\", \"category\": \"cyber\", \"likelihood\": 1, \"impact\": 1, "
		     "\"threat_refs\": [\"G 0.39\", \"G0.1\", \"G 0.39\"]}", &fe);
	assert_field_error(&fe, "threat_refs[1]");
	assert_field_error(&fe, "threat_refs[2]");
	assert_null(fe_get(&fe, "threat_refs[0]"));

	/* lengths: title 200 code points, texts 10,000 */
	memset(longtext, 'x', sizeof(longtext) - 1);
	longtext[sizeof(longtext) - 1] = '\0';
	risk_init(&k);
	memset(&fe, 0, sizeof(fe));
	k.title = longtext + 10001 - 201;
	k.category = RISK_CAT_CYBER;
	k.likelihood = k.impact = 3;
	k.description = k.measures = k.immediate_actions = longtext;
	risk_validate(&k, a, &fe);
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "description");
	assert_field_error(&fe, "measures");
	assert_field_error(&fe, "immediate_actions");
	risk_init(&k);
	memset(&fe, 0, sizeof(fe));
	k.title = longtext + 10001 - 200;
	k.category = RISK_CAT_PEOPLE;
	k.likelihood = k.impact = 5;
	k.description = longtext + 1;
	risk_validate(&k, a, &fe);
	assert_int_equal(fe.n, 0);
	arena_free(a);
}

static void test_partial_json_changes_only_given_fields(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe;
	struct risk k;
	json_t *j;

	(void)state;
	assert_int_equal(check(a, &k, "{\"title\": \"Stromausfall\", \"category\": \"environment\", \"likelihood\": 2, "
				      "\"impact\": 3, \"measures\": \"USV\", \"threat_refs\": [\"G 0.8\"], "
				      "\"owner_contact_id\": 4, \"review_date\": \"2027-01-01\"}", &fe), 0);
	k.id = 3;
	k.version = 2;
	j = parse("{\"impact\": 4, \"status\": \"in_treatment\", \"review_date\": null}");
	risk_from_json(&k, a, j, 1, &fe);
	json_decref(j);
	risk_validate(&k, a, &fe);
	assert_int_equal(fe.n, 0);
	assert_int_equal(k.id, 3);
	assert_int_equal(k.version, 2);
	assert_string_equal(k.title, "Stromausfall");
	assert_string_equal(k.measures, "USV");
	assert_int_equal(k.likelihood, 2);
	assert_int_equal(k.impact, 4);
	assert_int_equal(risk_score(&k), 8);
	assert_int_equal(k.status, RISK_IN_TREATMENT);
	assert_string_equal(k.review_date, "");
	assert_int_equal(k.owner_contact_id, 4);
	assert_int_equal(k.nthreats, 1);

	/* a full replace (PUT) resets what is not given, but keeps id and version */
	j = parse("{\"title\": \"Neu\", \"category\": \"human\", \"likelihood\": 1, \"impact\": 1}");
	risk_from_json(&k, a, j, 0, &fe);
	json_decref(j);
	assert_int_equal(k.id, 3);
	assert_int_equal(k.version, 2);
	assert_string_equal(k.measures, "");
	assert_int_equal(k.nthreats, 0);
	assert_int_equal(k.owner_contact_id, 0);
	assert_int_equal(k.status, RISK_OPEN);
	arena_free(a);
}

static void test_from_form(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe = { 0 };
	struct kv_list form = { 0 };
	struct risk k;
	static const char *const kv[][2] = {
		{ "title", "Phishing" }, { "category", "cyber" }, { "likelihood", "5" }, { "impact", "3" },
		{ "owner_contact_id", "" }, { "status", "accepted" }, { "review_date", "" },
		{ "threat", "G 0.42" }, { "threat", "G 0.36" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(kv) / sizeof(kv[0]); i++)
		assert_int_equal(kv_add(&form, a, kv[i][0], strlen(kv[i][0]), kv[i][1], strlen(kv[i][1])), 0);
	risk_init(&k);
	risk_from_form(&k, &form, &fe);
	risk_validate(&k, a, &fe);
	assert_int_equal(fe.n, 0);
	assert_int_equal(risk_score(&k), 15);
	assert_int_equal(k.status, RISK_ACCEPTED);
	assert_int_equal(k.nthreats, 2);
	assert_string_equal(k.threat_refs[1], "G 0.36");

	form.n = 0;
	kv_add(&form, a, "title", 5, "", 0);
	kv_add(&form, a, "category", 8, "vulkan", 6);
	kv_add(&form, a, "likelihood", 10, "7", 1);
	kv_add(&form, a, "impact", 6, "", 0);
	kv_add(&form, a, "owner_contact_id", 16, "abc", 3);
	kv_add(&form, a, "status", 6, "weg", 3);
	kv_add(&form, a, "review_date", 11, "morgen", 6);
	kv_add(&form, a, "threat", 6, "G 0.50", 6);
	memset(&fe, 0, sizeof(fe));
	risk_init(&k);
	risk_from_form(&k, &form, &fe);
	risk_validate(&k, a, &fe);
	assert_field_error(&fe, "title");
	assert_field_error(&fe, "category");
	assert_field_error(&fe, "likelihood");
	assert_field_error(&fe, "impact");
	assert_field_error(&fe, "owner_contact_id");
	assert_field_error(&fe, "status");
	assert_field_error(&fe, "review_date");
	assert_field_error(&fe, "threat_refs[0]");
	arena_free(a);
}

static void test_templates_all_valid(void **state)
{
	struct arena *a = arena_new();
	struct risk_adoption *ra = calloc(1, sizeof(*ra));
	struct field_errors fe = { 0 };
	char field[32];
	int cats[RISK_CAT__MAX] = { 0 };

	(void)state;
	assert_non_null(ra);
	assert_true(risk_templates_count >= 14);
	for (size_t i = 0; i < risk_templates_count; i++) {
		snprintf(field, sizeof(field), "risks[%zu]", i);
		risk_adoption_add(ra, risk_templates[i].key, field, &fe);
	}
	assert_int_equal(fe.n, 0);
	assert_int_equal(ra->n, risk_templates_count);
	for (size_t i = 0; i < ra->n; i++) {
		const struct risk_template *t = &risk_templates[i];
		int refs = 0;

		risk_validate(&ra->risks[i], a, &fe);
		if (fe.n)
			fail_msg("template %s: %s %s", t->key, fe.e[0].field, fe.e[0].msg);
		for (int j = 0; t->threat_refs[j]; j++, refs++)
			assert_non_null(bsi_threat_find(t->threat_refs[j]));
		assert_true(refs >= 1);
		assert_int_equal(ra->risks[i].nthreats, refs);
		assert_true(strlen(t->description) > 40);
		assert_true(strlen(t->immediate_actions) > 40);
		assert_non_null(strstr(t->immediate_actions, "3. "));
		cats[t->category]++;
	}
	for (int c = 0; c < RISK_CAT__MAX; c++)
		assert_true(cats[c] > 0);
	/* a repeated or unknown key is named */
	memset(&fe, 0, sizeof(fe));
	ra->n = 0;
	risk_adoption_add(ra, "ransomware", "risks[0]", &fe);
	risk_adoption_add(ra, "ransomware", "risks[1]", &fe);
	risk_adoption_add(ra, "meteorit", "risks[2]", &fe);
	assert_int_equal(ra->n, 1);
	assert_field_error(&fe, "risks[1]");
	assert_field_error(&fe, "risks[2]");
	free(ra);
	arena_free(a);
}

static void test_bsi_list(void **state)
{
	(void)state;
	assert_string_equal(bsi_threats[0].id, "G 0.1");
	assert_string_equal(bsi_threats[BSI_THREATS_COUNT - 1].id, "G 0.47");
	assert_string_equal(bsi_threat_find("G 0.39")->title, "Schadprogramme");
	assert_null(bsi_threat_find("G 0.0"));
	assert_null(bsi_threat_find("g 0.39"));
	for (int i = 0; i < BSI_THREATS_COUNT; i++) {
		char want[16];

		snprintf(want, sizeof(want), "G 0.%d", i + 1);
		assert_string_equal(bsi_threats[i].id, want);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_rule),
		cmocka_unit_test(test_score_and_json),
		cmocka_unit_test(test_every_bad_field_named),
		cmocka_unit_test(test_partial_json_changes_only_given_fields),
		cmocka_unit_test(test_from_form),
		cmocka_unit_test(test_templates_all_valid),
		cmocka_unit_test(test_bsi_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
