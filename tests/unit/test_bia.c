/* test_bia.c: the business impact analysis: cycles named, strictest RTO/RPO wins (also transitively), SPoF, costs, DOT escaping, field rules. */
#include "kf_test.h"

#include "../../src/api/depgraph.h"
#include "../../src/core/bia.h"
#include "../../src/lib/arena.h"

static struct system sys(int64_t id, const char *name, int64_t rto, int64_t rpo)
{
	struct system s;

	system_init(&s);
	s.id = id;
	s.name = name;
	s.type = SYSTEM_OTHER;
	s.rto_hours = rto;
	s.rpo_hours = rpo;
	return s;
}

static void dep(struct system *s, int64_t on)
{
	s->depends_on_ids[s->ndeps++] = on;
}

static struct process proc(int64_t id, int64_t cost, int64_t rto, int64_t rpo)
{
	struct process p;

	process_init(&p);
	p.id = id;
	p.name = "P";
	p.cost_per_hour = cost;
	p.rto_hours = rto;
	p.rpo_hours = rpo;
	return p;
}

static void test_cycle_named(void **state)
{
	struct arena *a = arena_new();
	struct system s[4];
	int64_t path[BIA_CYCLE_MAX];
	int len = -1;

	(void)state;
	s[0] = sys(1, "ERP", -1, -1);
	s[1] = sys(2, "Datenbank", -1, -1);
	s[2] = sys(3, "Server", -1, -1);
	s[3] = sys(4, "Strom", -1, -1);
	dep(&s[0], 2);
	dep(&s[1], 3);
	dep(&s[2], 4);
	/* no cycle: a chain */
	assert_int_equal(bia_find_cycle(s, 4, 1, path, BIA_CYCLE_MAX, &len), 0);
	assert_int_equal(len, 0);
	/* Datenbank -> ERP closes ERP -> Datenbank -> ERP */
	dep(&s[1], 1);
	assert_int_equal(bia_find_cycle(s, 4, 2, path, BIA_CYCLE_MAX, &len), 1);
	assert_int_equal(len, 3);
	assert_string_equal(bia_cycle_text(a, s, 4, path, len), "Datenbank \u2192 ERP \u2192 Datenbank");
	assert_int_equal(bia_find_cycle(s, 4, 1, path, BIA_CYCLE_MAX, &len), 1);
	assert_string_equal(bia_cycle_text(a, s, 4, path, len), "ERP \u2192 Datenbank \u2192 ERP");
	/* a longer one through three systems, with a side branch that leads nowhere */
	s[1].ndeps = 1; /* Datenbank -> Server only */
	dep(&s[3], 1); /* Strom -> ERP */
	assert_int_equal(bia_find_cycle(s, 4, 1, path, BIA_CYCLE_MAX, &len), 1);
	assert_string_equal(bia_cycle_text(a, s, 4, path, len), "ERP \u2192 Datenbank \u2192 Server \u2192 Strom \u2192 ERP");
	/* a system on itself */
	s[3].ndeps = 0;
	s[2].ndeps = 0;
	dep(&s[2], 3);
	assert_int_equal(bia_find_cycle(s, 4, 3, path, BIA_CYCLE_MAX, &len), 1);
	assert_string_equal(bia_cycle_text(a, s, 4, path, len), "Server \u2192 Server");
	/* unknown ids (deleted systems) are ignored; an unknown start finds nothing */
	s[2].ndeps = 0;
	dep(&s[2], 99);
	assert_int_equal(bia_find_cycle(s, 4, 3, path, BIA_CYCLE_MAX, &len), 0);
	assert_int_equal(bia_find_cycle(s, 4, 42, path, BIA_CYCLE_MAX, &len), 0);
	arena_free(a);
}

static void test_rollup_strictest_wins(void **state)
{
	struct system s[5];
	struct process p[2];

	(void)state;
	s[0] = sys(1, "ERP", 24, -1);       /* own target 24 h */
	s[1] = sys(2, "Datenbank", 48, 8);  /* own 48 h, but ERP needs it: 24 h */
	s[2] = sys(3, "Server", -1, -1);    /* only through the others */
	s[3] = sys(4, "Strom", 2, -1);      /* own target stricter than anything above */
	s[4] = sys(5, "Drucker", -1, -1);   /* nobody needs it */
	dep(&s[0], 2);
	dep(&s[1], 3);
	dep(&s[2], 4);
	p[0] = proc(10, 500, 8, 4);          /* needs ERP: 8 h rolls down to everything below */
	p[0].system_ids[p[0].nsystems++] = 1;
	p[1] = proc(11, 100, 72, 1);         /* needs the server directly */
	p[1].system_ids[p[1].nsystems++] = 3;
	assert_int_equal(bia_compute(s, 5, p, 2), 0);
	assert_int_equal(s[0].required_rto_hours, 8);
	assert_int_equal(s[0].required_rpo_hours, 4);
	assert_int_equal(s[1].required_rto_hours, 8);
	assert_int_equal(s[1].required_rpo_hours, 4);
	assert_int_equal(s[2].required_rto_hours, 8);
	assert_int_equal(s[2].required_rpo_hours, 1);
	assert_int_equal(s[3].required_rto_hours, 2);
	assert_int_equal(s[3].required_rpo_hours, 1);
	assert_int_equal(s[4].required_rto_hours, -1);
	assert_int_equal(s[4].required_rpo_hours, -1);
	/* a system's own target binds what it depends on, even without processes */
	assert_int_equal(bia_compute(s, 5, p, 0), 0);
	assert_int_equal(s[1].required_rto_hours, 24);
	assert_int_equal(s[2].required_rto_hours, 24);
	assert_int_equal(s[2].required_rpo_hours, 8);
	assert_int_equal(s[3].required_rto_hours, 2);
	assert_int_equal(s[0].required_rto_hours, 24); /* nothing stricter above ERP */
}

/* ERP (1), Mail (2), the network (3) ERP depends on, and a till (4) nobody needs. */
static void four_systems(struct system s[4])
{
	s[0] = sys(1, "ERP", -1, -1);
	s[1] = sys(2, "Mail", -1, -1);
	s[2] = sys(3, "Netz", -1, -1);
	s[3] = sys(4, "Kasse", -1, -1);
	dep(&s[0], 3);
}

static void test_spof_and_costs(void **state)
{
	struct system s[4];
	struct process p[3];

	(void)state;
	four_systems(s);
	dep(&s[1], 3);
	p[0] = proc(10, 1000, -1, -1);
	p[0].system_ids[p[0].nsystems++] = 1;
	p[1] = proc(11, 50, -1, -1);
	p[1].system_ids[p[1].nsystems++] = 2;
	p[2] = proc(12, 0, -1, -1);
	p[2].system_ids[p[2].nsystems++] = 1; /* needs ERP directly ... */
	p[2].system_ids[p[2].nsystems++] = 3; /* ... and the network: counted once */
	assert_int_equal(process_cost_per_day(&p[0]), 24000);
	assert_int_equal(process_cost_per_day(&p[1]), 1200);
	assert_int_equal(bia_compute(s, 4, p, 3), 0);
	assert_int_equal(s[0].nprocesses, 2);
	assert_true(s[0].spof);
	assert_int_equal(s[0].cost_per_day, 24000);
	assert_int_equal(s[1].nprocesses, 1);
	assert_false(s[1].spof);
	assert_int_equal(s[1].cost_per_day, 1200);
	assert_int_equal(s[2].nprocesses, 3); /* the network carries everything */
	assert_true(s[2].spof);
	assert_int_equal(s[2].cost_per_day, 25200);
	assert_int_equal(s[3].nprocesses, 0);
	assert_false(s[3].spof);
	assert_int_equal(s[3].cost_per_day, 0);
	/* a stored cycle must not hang the roll-up */
	dep(&s[2], 1);
	assert_int_equal(bia_compute(s, 4, p, 3), 0);
	assert_int_equal(s[0].nprocesses, 3);
}

/* The systems the chosen processes need, directly or through dependencies: what the Plan-Check's SPoF rule asks. */
static void test_needed_by(void **state)
{
	struct system s[4];
	struct process p[3];
	char which[3], needed[4];

	(void)state;
	four_systems(s);
	dep(&s[2], 1); /* a stored cycle must not hang the walk */
	p[0] = proc(10, 0, -1, -1);
	p[0].system_ids[p[0].nsystems++] = 1;
	p[1] = proc(11, 0, -1, -1);
	p[1].system_ids[p[1].nsystems++] = 2;
	p[2] = proc(12, 0, -1, -1);
	p[2].system_ids[p[2].nsystems++] = 99; /* a deleted system: ignored */
	memcpy(which, (char[]){ 1, 0, 1 }, 3);
	assert_int_equal(bia_needed_by(s, 4, p, 3, which, needed), 0);
	assert_memory_equal(needed, ((char[]){ 1, 0, 1, 0 }), 4); /* ERP and, through it, the network */
	memcpy(which, (char[]){ 0, 1, 0 }, 3);
	assert_int_equal(bia_needed_by(s, 4, p, 3, which, needed), 0);
	assert_memory_equal(needed, ((char[]){ 0, 1, 0, 0 }), 4);
	memset(which, 0, 3);
	assert_int_equal(bia_needed_by(s, 4, p, 3, which, needed), 0);
	assert_memory_equal(needed, ((char[]){ 0, 0, 0, 0 }), 4);
}

static void test_dot_escape(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb, 1024);
	bia_dot_escape(&sb, "ERP \"Haupt\"\\Lager\nZeile 2\t<b>&amp;");
	assert_string_equal(sb.buf, "ERP \\\"Haupt\\\"\\\\Lager\\nZeile 2<b>&amp;");
	sb_reset(&sb);
	bia_dot_escape(&sb, "\\");
	assert_string_equal(sb.buf, "\\\\");
	sb_release(&sb);
}

static void test_dot_graph(void **state)
{
	struct system s[2];
	struct process p;
	struct strbuf sb;

	(void)state;
	s[0] = sys(1, "E\"RP", -1, -1);
	s[1] = sys(2, "Strom", -1, -1);
	dep(&s[0], 2);
	s[1].spof = 1;
	p = proc(7, 10, -1, -1);
	p.name = "Aufträge } digraph {";
	p.system_ids[p.nsystems++] = 1;
	sb_init(&sb, 64 * 1024);
	depgraph_dot(&sb, KF_LANG_EN, s, 2, &p, 1);
	assert_non_null(strstr(sb.buf, "s1 [label=\"E\\\"RP\\nOther\"]"));
	assert_non_null(strstr(sb.buf, "p7 [label=\"Aufträge } digraph {\\nBusiness process\""));
	assert_non_null(strstr(sb.buf, "Single point of failure"));
	assert_non_null(strstr(sb.buf, "p7 -> s1;"));
	assert_non_null(strstr(sb.buf, "s1 -> s2;"));
	sb_release(&sb);
}

static int count_fields(struct process *p, struct system *s, const char *js, struct field_errors *fe)
{
	struct arena *a = arena_new();
	json_error_t jerr;
	json_t *j = json_loads(js, 0, &jerr);
	int n;

	memset(fe, 0, sizeof(*fe));
	assert_non_null(j);
	if (p) {
		process_init(p);
		process_from_json(p, a, j, 0, fe);
		process_validate(p, a, fe);
	} else {
		system_init(s);
		s->id = 5;
		system_from_json(s, a, j, 0, fe);
		system_validate(s, a, fe);
	}
	n = fe->n;
	json_decref(j);
	arena_free(a);
	return n;
}

static void test_process_rules(void **state)
{
	struct field_errors fe;
	struct process p;

	(void)state;
	assert_int_equal(count_fields(&p, NULL, "{\"name\": \"Auftragsannahme\", \"cost_per_hour\": 250, \"impact\": [0,1,2,3,4,4], "
						 "\"mtpd_hours\": 24, \"rto_hours\": 8, \"rpo_hours\": 4, \"emergency_level_percent\": 50, "
						 "\"system_ids\": [3, 4]}", &fe), 0);
	assert_int_equal(p.impact[4], 4);
	assert_int_equal(p.nsystems, 2);
	assert_int_equal(count_fields(&p, NULL, "{\"name\": \"\", \"cost_per_hour\": -1, \"impact\": [0,1,5,0,0,0], "
						 "\"mtpd_hours\": 4, \"rto_hours\": 8, \"rpo_hours\": \"2\", "
						 "\"emergency_level_percent\": 101, \"system_ids\": [3, 3], \"colour\": 1}", &fe), 8);
	assert_non_null(fe_get(&fe, "name"));
	assert_non_null(fe_get(&fe, "cost_per_hour"));
	assert_non_null(fe_get(&fe, "impact[2]"));
	assert_non_null(fe_get(&fe, "rto_hours"));
	assert_non_null(fe_get(&fe, "rpo_hours"));
	assert_non_null(fe_get(&fe, "emergency_level_percent"));
	assert_non_null(fe_get(&fe, "system_ids[1]"));
	assert_non_null(fe_get(&fe, "colour"));
	assert_int_equal(count_fields(&p, NULL, "{\"name\": \"X\", \"impact\": [1,2]}", &fe), 1);
	assert_non_null(fe_get(&fe, "impact"));
	/* read-only computed values may be sent back */
	assert_int_equal(count_fields(&p, NULL, "{\"name\": \"X\", \"cost_per_day\": 5, \"rto_hours\": null}", &fe), 0);
	assert_int_equal(p.rto_hours, -1);
}

static void test_system_rules(void **state)
{
	struct field_errors fe;
	struct system s;

	(void)state;
	assert_int_equal(count_fields(NULL, &s, "{\"name\": \"ERP\", \"type\": \"application\", \"depends_on_ids\": [1, 2], "
						 "\"spof\": true, \"required_rto_hours\": 4}", &fe), 0);
	assert_int_equal(s.type, SYSTEM_APPLICATION);
	assert_int_equal(count_fields(NULL, &s, "{\"name\": \" \", \"type\": \"mainframe\", \"depends_on_ids\": [5, 1, 1], "
						 "\"rto_hours\": -3}", &fe), 5);
	assert_non_null(fe_get(&fe, "name"));
	assert_non_null(fe_get(&fe, "type"));
	assert_non_null(fe_get(&fe, "depends_on_ids[0]")); /* itself */
	assert_non_null(fe_get(&fe, "depends_on_ids[2]")); /* twice */
	assert_non_null(fe_get(&fe, "rto_hours"));
	for (int t = 0; t < SYSTEM_TYPE__MAX; t++) {
		enum system_type back;

		assert_int_equal(system_type_parse(system_type_name((enum system_type)t), &back), 0);
		assert_int_equal(back, t);
		assert_true(strlen(system_type_label((enum system_type)t)) > 0);
	}
}

static void test_int_from_form(void **state)
{
	struct field_errors fe = { 0 };
	int64_t v;

	(void)state;
	bia_int_from_form("", "x", 10, BIA_MSG_HOURS, &v, &fe);
	assert_int_equal(v, -1);
	bia_int_from_form(" 7 ", "x", 10, BIA_MSG_HOURS, &v, &fe);
	assert_int_equal(v, 7);
	assert_int_equal(fe.n, 0);
	bia_int_from_form("11", "a", 10, BIA_MSG_HOURS, &v, &fe);
	bia_int_from_form("-1", "b", 10, BIA_MSG_HOURS, &v, &fe);
	bia_int_from_form("2.5", "c", 10, BIA_MSG_HOURS, &v, &fe);
	bia_int_from_form("99999999999999999999", "d", 10, BIA_MSG_HOURS, &v, &fe);
	assert_int_equal(fe.n, 4);
}

static void test_field_error_arg(void **state)
{
	struct field_errors fe = { 0 };

	(void)state;
	fe_add_arg(&fe, "depends_on_ids", "would create a cycle: %s", "A \u2192 B \u2192 A");
	fe_add(&fe, "name", "is required");
	assert_string_equal(fe_get(&fe, "depends_on_ids"), "would create a cycle: %s");
	assert_string_equal(fe_get_arg(&fe, "depends_on_ids"), "A \u2192 B \u2192 A");
	assert_null(fe_get_arg(&fe, "name"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cycle_named),     cmocka_unit_test(test_rollup_strictest_wins),
		cmocka_unit_test(test_spof_and_costs),  cmocka_unit_test(test_needed_by),  cmocka_unit_test(test_dot_escape),
		cmocka_unit_test(test_dot_graph),       cmocka_unit_test(test_process_rules),
		cmocka_unit_test(test_system_rules),    cmocka_unit_test(test_int_from_form),
		cmocka_unit_test(test_field_error_arg),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
