/* test_risk_cfg.c: risk scales (levels of 4×4, value mapping, validation by scale), own categories, cost of one day. */
#include "kf_test.h"

#include "../../src/core/process.h"
#include "../../src/core/risk.h"
#include "../../src/core/risk_templates.h"
#include "../../src/core/system.h"
#include "../../src/lib/arena.h"

static void test_levels_4x4(void **state)
{
	(void)state;
	assert_int_equal(risk_scale_size(RISK_SCALE_BSI4), 4);
	assert_int_equal(risk_scale_size(RISK_SCALE_5X5), 5);
	/* every cell of the 4×4 matrix: low 1–3, medium 4–6, high 8–9, critical 12–16 */
	for (int l = 1; l <= 4; l++)
		for (int i = 1; i <= 4; i++) {
			int s = l * i;
			enum risk_level want = s <= 3 ? RISK_LOW : s <= 6 ? RISK_MEDIUM : s <= 9 ? RISK_HIGH : RISK_CRITICAL;

			assert_int_equal(risk_scale_level(RISK_SCALE_BSI4, s), want);
		}
	/* the 5×5 bands stay as they were */
	for (int s = 1; s <= 25; s++)
		assert_int_equal(risk_scale_level(RISK_SCALE_5X5, s), risk_level_of_score(s));
	/* each level occurs on 4×4, and the corners are low and critical */
	assert_int_equal(risk_scale_level(RISK_SCALE_BSI4, 1), RISK_LOW);
	assert_int_equal(risk_scale_level(RISK_SCALE_BSI4, 16), RISK_CRITICAL);
	assert_string_equal(risk_scale_likelihood_label(RISK_SCALE_BSI4, 1), "seldom");
	assert_string_equal(risk_scale_impact_label(RISK_SCALE_BSI4, 4), "threatens the existence");
	assert_string_equal(risk_scale_likelihood_label(RISK_SCALE_BSI4, 5), "");
}

static void test_mapping(void **state)
{
	static const int down[6] = { 0, 1, 2, 3, 3, 4 }, up[5] = { 0, 1, 2, 4, 5 };

	(void)state;
	for (int v = 0; v <= 5; v++)
		assert_int_equal(risk_scale_map(RISK_SCALE_5X5, RISK_SCALE_BSI4, v), down[v]);
	for (int v = 0; v <= 4; v++)
		assert_int_equal(risk_scale_map(RISK_SCALE_BSI4, RISK_SCALE_5X5, v), up[v]);
	for (int v = 1; v <= 5; v++)
		assert_int_equal(risk_scale_map(RISK_SCALE_5X5, RISK_SCALE_5X5, v), v);
	/* ends stay ends: nothing becomes milder than the lowest or harsher than the highest step */
	assert_int_equal(risk_scale_map(RISK_SCALE_5X5, RISK_SCALE_BSI4, 5), 4);
	assert_int_equal(risk_scale_map(RISK_SCALE_BSI4, RISK_SCALE_5X5, 1), 1);
}

/* The starter suggestions (5-point) land inside 4×4 with their level kept or raised by at most one. */
static void test_templates_on_4x4(void **state)
{
	struct arena *a = arena_new();

	(void)state;
	for (size_t i = 0; i < risk_templates_count; i++) {
		struct risk_adoption ra = { 0 };
		struct field_errors fe = { 0 };
		struct risk *k;

		risk_adoption_add(&ra, risk_templates[i].key, "risks[0]", &fe);
		assert_int_equal(fe.n, 0);
		k = &ra.risks[0];
		assert_int_equal(k->scale, RISK_SCALE_5X5);
		risk_rescale(k, RISK_SCALE_BSI4);
		assert_int_equal(k->scale, RISK_SCALE_BSI4);
		assert_true(k->likelihood >= 1 && k->likelihood <= 4);
		assert_true(k->impact >= 1 && k->impact <= 4);
		risk_validate(k, a, &fe);
		assert_int_equal(fe.n, 0);
	}
	/* ransomware 4,5 → 3,4: critical stays critical */
	{
		struct risk_adoption ra = { 0 };
		struct field_errors fe = { 0 };

		risk_adoption_add(&ra, "ransomware", "risks[0]", &fe);
		risk_rescale(&ra.risks[0], RISK_SCALE_BSI4);
		assert_int_equal(ra.risks[0].likelihood, 3);
		assert_int_equal(ra.risks[0].impact, 4);
		assert_int_equal(risk_level_of(&ra.risks[0]), RISK_CRITICAL);
	}
	arena_free(a);
}

static void test_validation_by_scale(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe = { 0 };
	struct risk k;
	json_t *j = json_loads("{\"title\": \"X\", \"category\": \"custom:7\", \"likelihood\": 5, \"impact\": 4,"
			       " \"process_ids\": [3, 3, 0], \"system_ids\": [\"a\"]}", 0, NULL);

	(void)state;
	risk_init(&k);
	k.scale = RISK_SCALE_BSI4;
	risk_from_json(&k, a, j, 0, &fe);
	risk_validate(&k, a, &fe);
	assert_int_equal(k.scale, RISK_SCALE_BSI4); /* a full replace keeps the scale */
	assert_string_equal(fe_get(&fe, "likelihood"), "must be a whole number from 1 to 4");
	assert_null(fe_get(&fe, "impact"));
	assert_null(fe_get(&fe, "category"));
	assert_int_equal(k.category, RISK_CAT_OWN);
	assert_int_equal(k.category_id, 7);
	assert_non_null(fe_get(&fe, "process_ids[1]"));
	assert_non_null(fe_get(&fe, "process_ids[2]"));
	assert_non_null(fe_get(&fe, "system_ids[0]"));
	json_decref(j);

	/* the same value is fine on 5×5 */
	memset(&fe, 0, sizeof(fe));
	j = json_loads("{\"title\": \"X\", \"category\": \"cyber\", \"likelihood\": 5, \"impact\": 5}", 0, NULL);
	risk_init(&k);
	risk_from_json(&k, a, j, 0, &fe);
	risk_validate(&k, a, &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(risk_level_name(risk_level_of(&k)), "critical");
	json_decref(j);
	arena_free(a);
}

static void test_category_values(void **state)
{
	enum risk_category c;
	int64_t id = -1;

	(void)state;
	assert_int_equal(risk_category_value_parse("cyber", &c, &id), 0);
	assert_int_equal(c, RISK_CAT_CYBER);
	assert_int_equal(id, 0);
	assert_int_equal(risk_category_value_parse("custom:12", &c, &id), 0);
	assert_int_equal(c, RISK_CAT_OWN);
	assert_int_equal(id, 12);
	assert_int_equal(risk_category_value_parse("custom:", &c, &id), -1);
	assert_int_equal(risk_category_value_parse("custom:0", &c, &id), -1);
	assert_int_equal(risk_category_value_parse("custom:-3", &c, &id), -1);
	assert_int_equal(risk_category_value_parse("custom", &c, &id), -1);
	assert_int_equal(risk_category_value_parse("Cyber", &c, &id), -1);
}

static void test_scale_settings_json(void **state)
{
	struct field_errors fe = { 0 };
	struct risk_settings s;
	int confirm = -1;
	json_t *j = json_loads("{\"scale\": \"bsi-4x4\", \"confirm_rescale\": true, \"id\": 3}", 0, NULL), *o;

	(void)state;
	risk_settings_init(&s);
	risk_settings_from_json(&s, j, &confirm, &fe);
	assert_int_equal(fe.n, 0);
	assert_int_equal(s.scale, RISK_SCALE_BSI4);
	assert_int_equal(confirm, 1);
	json_decref(j);
	o = risk_settings_to_json(&s);
	assert_string_equal(json_string_value(json_object_get(o, "scale")), "bsi-4x4");
	assert_int_equal(json_integer_value(json_object_get(o, "scale_size")), 4);
	json_decref(o);
	j = json_loads("{\"scale\": \"4x4\", \"x\": 1}", 0, NULL);
	risk_settings_from_json(&s, j, &confirm, &fe);
	assert_non_null(fe_get(&fe, "scale"));
	assert_non_null(fe_get(&fe, "x"));
	assert_int_equal(confirm, 0);
	json_decref(j);
}

/* Fills a system with dependencies. */
static void sys(struct system *s, int64_t id, int64_t dep1, int64_t dep2)
{
	system_init(s);
	s->id = id;
	if (dep1)
		s->depends_on_ids[s->ndeps++] = dep1;
	if (dep2)
		s->depends_on_ids[s->ndeps++] = dep2;
}

static void proc(struct process *p, int64_t id, int64_t cost_per_hour, int64_t sys1, int64_t sys2)
{
	process_init(p);
	p->id = id;
	p->cost_per_hour = cost_per_hour;
	if (sys1)
		p->system_ids[p->nsystems++] = sys1;
	if (sys2)
		p->system_ids[p->nsystems++] = sys2;
}

static void test_cost_per_day(void **state)
{
	struct system s[5];
	struct process p[4];
	struct risk k;

	(void)state;
	/* 1 power; 2 server needs 1; 3 ERP needs 2; 4 phone; 5 and 2 need each other (a cycle must not loop) */
	sys(&s[0], 1, 0, 0);
	sys(&s[1], 2, 1, 5);
	sys(&s[2], 3, 2, 0);
	sys(&s[3], 4, 0, 0);
	sys(&s[4], 5, 2, 0);
	proc(&p[0], 10, 100, 3, 0); /* sales: ERP → server → power */
	proc(&p[1], 11, 10, 2, 4);  /* payroll: server and phone */
	proc(&p[2], 12, 1, 0, 0);   /* advice: no systems */
	proc(&p[3], 13, 1000, 4, 0); /* hotline: phone */

	risk_init(&k);
	assert_int_equal(risk_cost_per_day(&k, s, 5, p, 4), 0);
	/* power: sales and payroll through the dependencies */
	k.system_ids[k.nsystems++] = 1;
	assert_int_equal(risk_cost_per_day(&k, s, 5, p, 4), (100 + 10) * 24);
	/* naming sales directly as well counts it once */
	k.process_ids[k.nprocesses++] = 10;
	assert_int_equal(risk_cost_per_day(&k, s, 5, p, 4), (100 + 10) * 24);
	/* and a process without systems, and the phone (payroll again, hotline new) */
	k.process_ids[k.nprocesses++] = 12;
	k.system_ids[k.nsystems++] = 4;
	assert_int_equal(risk_cost_per_day(&k, s, 5, p, 4), (100 + 10 + 1 + 1000) * 24);
	/* the ERP alone hits sales only: the server does not need the ERP */
	risk_init(&k);
	k.system_ids[k.nsystems++] = 3;
	assert_int_equal(risk_cost_per_day(&k, s, 5, p, 4), 100 * 24);
	/* system 5 in a cycle with the server: both processes through the server */
	risk_init(&k);
	k.system_ids[k.nsystems++] = 5;
	assert_int_equal(risk_cost_per_day(&k, s, 5, p, 4), (100 + 10) * 24);
	/* unknown ids are ignored */
	risk_init(&k);
	k.system_ids[k.nsystems++] = 99;
	k.process_ids[k.nprocesses++] = 98;
	assert_int_equal(risk_cost_per_day(&k, s, 5, p, 4), 0);
	assert_int_equal(risk_cost_per_day(&k, NULL, 0, NULL, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_levels_4x4),
		cmocka_unit_test(test_mapping),
		cmocka_unit_test(test_templates_on_4x4),
		cmocka_unit_test(test_validation_by_scale),
		cmocka_unit_test(test_category_values),
		cmocka_unit_test(test_scale_settings_json),
		cmocka_unit_test(test_cost_per_day),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
