/* test_recovery.c: the recovery order: dependencies first, then RTO, cost and name; the DOMAIN-DATA example; overrides applied or refused; override rules. */
#include "kf_test.h"

#include <jansson.h>

#include "../../src/core/bia.h"
#include "../../src/core/recovery_order.h"
#include "../../src/lib/arena.h"

static struct system sys(int64_t id, const char *name)
{
	struct system s;

	system_init(&s);
	s.id = id;
	s.name = name;
	s.type = SYSTEM_OTHER;
	return s;
}

static void dep(struct system *s, int64_t on)
{
	s->depends_on_ids[s->ndeps++] = on;
}

static struct process proc(int64_t id, int64_t cost_per_hour, int64_t rto, int64_t system_id)
{
	struct process p;

	process_init(&p);
	p.id = id;
	p.name = "P";
	p.cost_per_hour = cost_per_hour;
	p.rto_hours = rto;
	p.system_ids[p.nsystems++] = system_id;
	return p;
}

/* The names in recovery order, joined by " → ". */
static const char *names(struct arena *a, const struct recovery_result *res)
{
	struct strbuf sb;
	const char *out;

	sb_init(&sb, 4096);
	for (size_t i = 0; i < res->n; i++) {
		if (i)
			sb_adds(&sb, " → ");
		sb_adds(&sb, res->entries[i].system->name);
	}
	out = arena_strdup(a, sb.buf);
	sb_release(&sb);
	return out;
}

/* "Strom/Netz → Storage → Virtualisierung → AD/DNS → Datenbanken → ERP/Warenwirtschaft → Buchhaltung → E-Mail → Fileserver → Clients" */
static void test_domain_data_example(void **state)
{
	struct arena *a = arena_new();
	struct recovery_result res;
	struct system s[10];
	struct process p[5];

	(void)state;
	/* listed by name, as the store reads them: the order must come from the graph, not the input */
	s[0] = sys(6, "AD/DNS");
	s[1] = sys(8, "Buchhaltung");
	s[2] = sys(10, "Clients");
	s[3] = sys(5, "Datenbanken");
	s[4] = sys(9, "E-Mail");
	s[5] = sys(7, "ERP/Warenwirtschaft");
	s[6] = sys(11, "Fileserver");
	s[7] = sys(3, "Storage");
	s[8] = sys(1, "Strom/Netz");
	s[9] = sys(4, "Virtualisierung");
	dep(&s[7], 1);  /* Storage needs power and network */
	dep(&s[9], 3);  /* Virtualisierung runs on the storage */
	dep(&s[0], 4);  /* AD/DNS is a virtual machine */
	dep(&s[3], 4);  /* Datenbanken: a VM ... */
	dep(&s[3], 6);  /* ... whose logins come from AD */
	dep(&s[5], 5);  /* ERP needs its database */
	dep(&s[1], 5);  /* Buchhaltung too */
	dep(&s[4], 4);  /* E-Mail: a VM with AD logins */
	dep(&s[4], 6);
	dep(&s[6], 3);  /* Fileserver: storage and AD */
	dep(&s[6], 6);
	dep(&s[2], 6);  /* Clients log in through AD */
	dep(&s[2], 1);
	p[0] = proc(1, 500, 4, 7);  /* taking orders needs the ERP within 4 hours */
	p[1] = proc(2, 100, 24, 8); /* accounting within a day */
	p[2] = proc(3, 50, 24, 9);  /* email within a day, costs less */
	p[3] = proc(4, 20, 48, 11); /* files within two days */
	p[4] = proc(5, 10, 72, 10); /* workstations within three days */
	assert_int_equal(bia_compute(s, 10, p, 5), 0);
	assert_int_equal(recovery_order(a, s, 10, NULL, 0, &res), 0);
	assert_int_equal(res.n, 10);
	assert_string_equal(names(a, &res), "Strom/Netz → Storage → Virtualisierung → AD/DNS → Datenbanken → "
					    "ERP/Warenwirtschaft → Buchhaltung → E-Mail → Fileserver → Clients");
	for (size_t i = 0; i < res.n; i++) {
		assert_int_equal(res.entries[i].position, (int)i + 1);
		assert_int_equal(res.entries[i].computed_position, (int)i + 1);
		assert_null(res.entries[i].override);
	}
	assert_int_equal(res.nwarnings, 0);
	arena_free(a);
}

/* Among the free ones: smaller required RTO, then higher cost per day, then name; no RTO at all comes last. */
static void test_tie_breaks(void **state)
{
	struct arena *a = arena_new();
	struct recovery_result res;
	struct system s[6];

	(void)state;
	s[0] = sys(1, "kein Ziel");
	s[1] = sys(2, "Zeta");
	s[2] = sys(3, "alpha");
	s[3] = sys(4, "Beta");
	s[4] = sys(5, "teuer");
	s[5] = sys(6, "schnell");
	s[1].required_rto_hours = 8;
	s[2].required_rto_hours = 8;
	s[3].required_rto_hours = 8;
	s[4].required_rto_hours = 8;
	s[4].cost_per_day = 1000;
	s[5].required_rto_hours = 2;
	assert_int_equal(recovery_order(a, s, 6, NULL, 0, &res), 0);
	assert_string_equal(names(a, &res), "schnell → teuer → alpha → Beta → Zeta → kein Ziel");
	/* a dependency beats every priority: the urgent system waits for what it needs */
	dep(&s[5], 1);
	assert_int_equal(recovery_order(a, s, 6, NULL, 0, &res), 0);
	assert_string_equal(names(a, &res), "teuer → alpha → Beta → Zeta → kein Ziel → schnell");
	/* no systems at all */
	assert_int_equal(recovery_order(a, s, 0, NULL, 0, &res), 0);
	assert_int_equal(res.n, 0);
	arena_free(a);
}

/* A chain with a side system: Strom ← Server ← ERP, and a Drucker that needs nothing. */
static void chain(struct system *s)
{
	s[0] = sys(1, "Strom");
	s[1] = sys(2, "Server");
	s[2] = sys(3, "ERP");
	s[3] = sys(4, "Drucker");
	dep(&s[1], 1);
	dep(&s[2], 2);
	s[0].required_rto_hours = s[1].required_rto_hours = s[2].required_rto_hours = 4;
	s[3].required_rto_hours = 48;
}

static void test_overrides_applied(void **state)
{
	struct arena *a = arena_new();
	struct recovery_override ov[2] = {
		{ 4, 1, "Drucker zuerst: Lieferscheine müssen raus" },
		{ 3, 9, "ERP als Letztes (Platz über der Zahl der Systeme)" },
	};
	struct recovery_result res;
	struct system s[4];

	(void)state;
	chain(s);
	assert_int_equal(recovery_order(a, s, 4, NULL, 0, &res), 0);
	assert_string_equal(names(a, &res), "Strom → Server → ERP → Drucker");
	assert_int_equal(recovery_order(a, s, 4, ov, 1, &res), 0);
	assert_string_equal(names(a, &res), "Drucker → Strom → Server → ERP");
	assert_int_equal(res.nwarnings, 0);
	assert_ptr_equal(res.entries[0].override, &ov[0]);
	assert_int_equal(res.entries[0].computed_position, 4);
	assert_null(res.entries[1].override);
	assert_int_equal(res.entries[1].computed_position, 1);
	/* a place beyond the end means the last place */
	assert_int_equal(recovery_order(a, s, 4, ov, 2, &res), 0);
	assert_string_equal(names(a, &res), "Drucker → Strom → Server → ERP");
	assert_int_equal(res.nwarnings, 0);
	assert_ptr_equal(res.entries[3].override, &ov[1]);
	/* a pinned system pulls what it needs in front of it */
	ov[0] = (struct recovery_override){ 2, 2, "Server früh" };
	s[3].required_rto_hours = 1; /* the printer would otherwise come first */
	assert_int_equal(recovery_order(a, s, 4, ov, 1, &res), 0);
	assert_string_equal(names(a, &res), "Strom → Server → Drucker → ERP");
	assert_int_equal(res.nwarnings, 0);
	/* overrides of unknown systems are ignored */
	ov[0] = (struct recovery_override){ 99, 1, "gelöscht" };
	assert_int_equal(recovery_order(a, s, 4, ov, 1, &res), 0);
	assert_int_equal(res.nwarnings, 0);
	assert_string_equal(names(a, &res), "Drucker → Strom → Server → ERP");
	arena_free(a);
}

static void test_overrides_refused(void **state)
{
	struct arena *a = arena_new();
	struct recovery_override ov[3];
	struct recovery_result res;
	struct system s[4];

	(void)state;
	chain(s);
	/* the ERP cannot come before the server it runs on */
	ov[0] = (struct recovery_override){ 3, 1, "ERP zuerst" };
	assert_int_equal(recovery_order(a, s, 4, ov, 1, &res), 0);
	assert_string_equal(names(a, &res), "Strom → Server → ERP → Drucker");
	assert_int_equal(res.nwarnings, 1);
	assert_int_equal(res.warnings[0].problem, RECOVERY_BEFORE_NEED);
	assert_string_equal(res.warnings[0].system->name, "ERP");
	assert_string_equal(res.warnings[0].other->name, "Server");
	assert_ptr_equal(res.warnings[0].override, &ov[0]);
	for (size_t i = 0; i < res.n; i++)
		assert_null(res.entries[i].override);
	/* the power cannot come after the server that needs it */
	ov[0] = (struct recovery_override){ 1, 3, "Strom später" };
	assert_int_equal(recovery_order(a, s, 4, ov, 1, &res), 0);
	assert_string_equal(names(a, &res), "Strom → Server → ERP → Drucker");
	assert_int_equal(res.nwarnings, 1);
	assert_int_equal(res.warnings[0].problem, RECOVERY_AFTER_DEPENDENT);
	assert_string_equal(res.warnings[0].system->name, "Strom");
	/* two at one place: the first by priority keeps it */
	ov[0] = (struct recovery_override){ 4, 1, "Drucker" };
	ov[1] = (struct recovery_override){ 1, 1, "Strom" };
	assert_int_equal(recovery_order(a, s, 4, ov, 2, &res), 0);
	assert_int_equal(res.nwarnings, 1);
	assert_int_equal(res.warnings[0].problem, RECOVERY_PLACE_TAKEN);
	assert_string_equal(res.warnings[0].system->name, "Drucker");
	assert_string_equal(res.warnings[0].other->name, "Strom");
	assert_string_equal(names(a, &res), "Strom → Server → ERP → Drucker");
	/* by place: an applied one stays, a later one that would break it is refused */
	ov[0] = (struct recovery_override){ 2, 2, "Server auf 2" };
	ov[1] = (struct recovery_override){ 4, 1, "Drucker auf 1" };
	assert_int_equal(recovery_order(a, s, 4, ov, 2, &res), 0);
	assert_string_equal(names(a, &res), "Drucker → Strom → Server → ERP");
	assert_ptr_equal(res.entries[0].override, &ov[1]);
	assert_int_equal(res.nwarnings, 1);
	assert_string_equal(res.warnings[0].system->name, "Server");
	assert_int_equal(res.warnings[0].problem, RECOVERY_BEFORE_NEED);
	assert_string_equal(res.warnings[0].other->name, "Strom");
	/* a later place that would take away what an applied one needs in front of it */
	s[3] = sys(5, "Kasse");
	s[3].required_rto_hours = 48;
	{
		struct system five[5];

		chain(five);
		five[4] = s[3];
		ov[0] = (struct recovery_override){ 3, 3, "ERP auf 3" };
		ov[1] = (struct recovery_override){ 1, 5, "Strom zuletzt" };
		assert_int_equal(recovery_order(a, five, 5, ov, 2, &res), 0);
		assert_string_equal(names(a, &res), "Strom → Server → ERP → Drucker → Kasse");
		assert_int_equal(res.nwarnings, 1);
		assert_string_equal(res.warnings[0].system->name, "Strom");
		assert_int_equal(res.warnings[0].problem, RECOVERY_CONFLICT);
		assert_string_equal(res.warnings[0].other->name, "ERP");
		assert_ptr_equal(res.entries[2].override, &ov[0]);
	}
	assert_string_equal(recovery_problem_name(RECOVERY_BEFORE_NEED), "before_need");
	assert_non_null(strstr(recovery_problem_msgid(RECOVERY_BEFORE_NEED), "%s"));
	arena_free(a);
}

static void test_override_rules(void **state)
{
	struct arena *a = arena_new();
	struct recovery_overrides o;
	struct field_errors fe = { 0 };
	struct system s[2];
	struct kv_list form = { 0 };
	json_t *j;

	(void)state;
	recovery_overrides_init(&o);
	j = json_loads("{\"overrides\": [{\"system_id\": 1, \"position\": 2, \"reason\": \"  weil  \"},"
		       " {\"system_id\": 1, \"position\": 2, \"reason\": \"\"}, {\"system_id\": \"x\", \"position\": 0},"
		       " 5, {\"colour\": 1, \"system_id\": 3, \"position\": 1, \"reason\": \"ok\"}], \"version\": 3}",
		       0, NULL);
	assert_non_null(j);
	recovery_overrides_from_json(&o, a, j, &fe);
	json_decref(j);
	assert_int_equal(o.n, 5);
	assert_field_error(&fe, "overrides[2].system_id");
	assert_field_error(&fe, "overrides[2].position");
	assert_field_error(&fe, "overrides[3]");
	assert_field_error(&fe, "overrides[4].colour");
	recovery_overrides_validate(&o, a, 2, 0, &fe);
	assert_null(fe_get(&fe, "overrides[0].reason"));
	assert_string_equal(o.items[0].reason, "weil");
	assert_field_error_is(&fe, "overrides[1].system_id", "is chosen twice");
	assert_field_error(&fe, "overrides[1].position");
	assert_field_error(&fe, "overrides[1].reason");
	assert_null(fe_get(&fe, "overrides[4].position"));
	/* place 3 of 2 systems */
	memset(&fe, 0, sizeof(fe));
	o.n = 1;
	o.items[0] = (struct recovery_override){ 1, 3, "weil" };
	recovery_overrides_validate(&o, a, 2, 0, &fe);
	assert_field_error(&fe, "overrides[0].position");
	assert_string_equal(fe_get_arg(&fe, "overrides[0].position"), "2");
	/* the form: rows with both empty are no override; errors name the form's fields */
	s[0] = sys(1, "Strom");
	s[1] = sys(2, "Server");
	kv_add(&form, a, "position-1", 10, "", 0);
	kv_add(&form, a, "reason-1", 8, " ", 1);
	kv_add(&form, a, "position-2", 10, "x", 1);
	kv_add(&form, a, "reason-2", 8, "", 0);
	memset(&fe, 0, sizeof(fe));
	recovery_overrides_from_form(&o, &form, s, 2, &fe);
	assert_int_equal(o.n, 1);
	recovery_overrides_validate(&o, a, 2, 1, &fe);
	assert_field_error(&fe, "position-2");
	assert_field_error(&fe, "reason-2");
	assert_null(fe_get(&fe, "position-1"));
	arena_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_domain_data_example), cmocka_unit_test(test_tie_breaks),
		cmocka_unit_test(test_overrides_applied),   cmocka_unit_test(test_overrides_refused),
		cmocka_unit_test(test_override_rules),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
