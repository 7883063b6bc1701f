/* test_plan_check.c: unit tests of the Plan-Check: every rule with and without its gap, the figures, the outputs. */
#include <stdio.h>

#include "kf_test.h"
#include "../../src/core/bia.h"
#include "../../src/core/plan_check.h"
#include "../../src/lib/arena.h"

#define TODAY "2026-06-15"

static struct arena *A;

static int setup(void **state)
{
	(void)state;
	A = arena_new();
	return A ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	arena_free(A);
	return 0;
}

static struct contact person(int64_t id, const char *name, int external, const char *verified, int mobile)
{
	struct contact c;

	contact_init(&c);
	c.id = id;
	c.name = name;
	c.external = external;
	snprintf(c.last_verified, sizeof(c.last_verified), "%s", verified);
	c.nphones = 1;
	c.phones[0].kind = mobile ? PHONE_MOBILE : PHONE_OFFICE;
	c.phones[0].number = "0170 123";
	return c;
}

static struct role role(int64_t id, const char *name, int64_t primary, int64_t deputy)
{
	struct role r;

	role_init(&r);
	r.id = id;
	r.name = name;
	r.primary_contact_id = primary;
	if (deputy) {
		r.ndeputies = 1;
		r.deputy_contact_ids[0] = deputy;
	}
	return r;
}

static struct risk risk(int64_t id, const char *title, int likelihood, int impact, int64_t owner, const char *measures)
{
	struct risk k;

	risk_init(&k);
	k.id = id;
	k.title = title;
	k.likelihood = likelihood;
	k.impact = impact;
	k.owner_contact_id = owner;
	k.measures = measures;
	return k;
}

static const struct plan_rule *rule_named(const char *name)
{
	size_t n;
	const struct plan_rule *rules = plan_check_rules(&n);

	for (size_t i = 0; i < n; i++)
		if (strcmp(rules[i].name, name) == 0)
			return &rules[i];
	fail_msg("no rule %s", name);
	return NULL;
}

/* Runs one rule; checks the invariant that each failed check is one gap. */
static void run_rule(const char *name, const struct plan_data *d, struct plan_check *pc)
{
	const struct plan_rule *rule = rule_named(name);

	assert_int_equal(plan_check_run_rule(d, rule, A, pc), 0);
	assert_int_equal(pc->steps[rule->step].checks - pc->steps[rule->step].passed, pc->ngaps);
	for (size_t i = 0; i < pc->ngaps; i++)
		assert_int_equal(pc->gaps[i].step, rule->step);
}

/* The gap of kind about the item with this link, or NULL. */
static const struct plan_gap *gap(const struct plan_check *pc, const char *kind, const char *link)
{
	for (size_t i = 0; i < pc->ngaps; i++)
		if (strcmp(pc->gaps[i].kind, kind) == 0 && (!link || strcmp(pc->gaps[i].link, link) == 0))
			return &pc->gaps[i];
	return NULL;
}

static struct plan_data data(void)
{
	struct plan_data d;

	memset(&d, 0, sizeof(d));
	d.today = TODAY;
	return d;
}

/* ------------------------------------------------------------------ step 1 */

static void test_step1_content(void **state)
{
	struct risk k = risk(1, "Brand", 1, 1, 0, "");
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	run_rule("step1_content", &d, &pc);
	assert_non_null(gap(&pc, "step_empty", "risks"));
	assert_null(gap(&pc, "step_empty", "risks")->item);
	d.risks = &k;
	d.nrisks = 1;
	run_rule("step1_content", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
	assert_int_equal(pc.steps[STEP_RISKS].checks, 1);
}

static void test_risk_owner(void **state)
{
	struct risk k[3] = { risk(1, "Ransomware", 4, 5, 0, "Backups"), risk(2, "Brand", 1, 5, 7, ""),
			     risk(3, "Alt", 1, 1, 0, "") };
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	k[2].status = RISK_CLOSED; /* a closed risk needs nobody */
	d.risks = k;
	d.nrisks = 3;
	run_rule("risk_owner", &d, &pc);
	assert_int_equal(pc.steps[STEP_RISKS].checks, 2);
	assert_int_equal(pc.ngaps, 1);
	assert_non_null(gap(&pc, "risk_without_owner", "risks/1"));
	assert_string_equal(gap(&pc, "risk_without_owner", "risks/1")->item, "Ransomware");
	k[0].owner_contact_id = 7;
	run_rule("risk_owner", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
	assert_int_equal(pc.steps[STEP_RISKS].percent, 100);
}

static void test_risk_measures(void **state)
{
	/* 4×5 = 20 critical, 3×4 = 12 high, 3×3 = 9 medium */
	struct risk k[4] = { risk(1, "Ransomware", 4, 5, 7, " \n"), risk(2, "Brand", 3, 4, 7, NULL),
			     risk(3, "Laptop", 3, 3, 7, ""), risk(4, "Strom", 4, 5, 7, "") };
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	k[3].status = RISK_ACCEPTED; /* consciously accepted: no measures needed */
	d.risks = k;
	d.nrisks = 4;
	run_rule("risk_measures", &d, &pc);
	assert_int_equal(pc.steps[STEP_RISKS].checks, 2);
	assert_non_null(gap(&pc, "risk_without_measures", "risks/1"));
	assert_non_null(gap(&pc, "risk_without_measures", "risks/2"));
	assert_null(gap(&pc, "risk_without_measures", "risks/3"));
	assert_null(gap(&pc, "risk_without_measures", "risks/4"));
	k[0].measures = "Offline-Backup";
	k[1].measures = "Rauchmelder";
	run_rule("risk_measures", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
}

static void test_process_rto(void **state)
{
	struct process p[2];
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	process_init(&p[0]);
	process_init(&p[1]);
	p[0].id = 1, p[0].name = "Auftragsannahme", p[0].rto_hours = -1;
	p[1].id = 2, p[1].name = "Buchhaltung", p[1].rto_hours = 0; /* 0 hours is a target too */
	d.processes = p;
	d.nprocesses = 2;
	run_rule("process_rto", &d, &pc);
	assert_int_equal(pc.ngaps, 1);
	assert_non_null(gap(&pc, "process_without_rto", "processes/1"));
	assert_int_equal(pc.steps[STEP_RISKS].percent, 50);
	p[0].rto_hours = 8;
	run_rule("process_rto", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
}

/* SPoF and required RTO come from the BIA roll-up (bia_compute), not from the check. */
static void test_critical_spof(void **state)
{
	struct process p[2];
	struct system s[2];
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	for (int i = 0; i < 2; i++) {
		process_init(&p[i]);
		system_init(&s[i]);
		p[i].id = i + 1;
		s[i].id = 10 + i;
	}
	p[0].name = "Aufträge", p[0].rto_hours = 4, p[0].nsystems = 1, p[0].system_ids[0] = 10;
	p[1].name = "Lager", p[1].rto_hours = 48, p[1].nsystems = 1, p[1].system_ids[0] = 10;
	s[0].name = "Server";
	s[1].name = "Drucker";
	s[1].rto_hours = 72; /* not critical: no check */
	d.processes = p;
	d.nprocesses = 2;
	d.systems = s;
	d.nsystems = 2;
	assert_int_equal(bia_compute(s, 2, p, 2), 0);
	assert_true(s[0].spof);
	run_rule("critical_spof", &d, &pc);
	assert_int_equal(pc.steps[STEP_RISKS].checks, 1);
	assert_int_equal(pc.ngaps, 1);
	assert_int_equal(gap(&pc, "critical_system_spof", "systems/10")->level, PLAN_WARNING);
	/* a workaround for one of the two processes: the other still stops */
	{
		struct workaround w[2];

		workaround_init(&w[0]);
		workaround_init(&w[1]);
		w[0].process_id = 1;
		w[1].process_id = 2;
		d.workarounds = w;
		d.nworkarounds = 1;
		run_rule("critical_spof", &d, &pc);
		assert_int_equal(pc.ngaps, 1);
		/* both can go on by hand: the plan has an answer, no warning */
		d.nworkarounds = 2;
		run_rule("critical_spof", &d, &pc);
		assert_int_equal(pc.ngaps, 0);
		assert_int_equal(pc.steps[STEP_RISKS].checks, 1);
		d.workarounds = NULL;
		d.nworkarounds = 0;
	}
	/* needed by one process only: no longer a single point of failure */
	p[1].nsystems = 0;
	assert_int_equal(bia_compute(s, 2, p, 2), 0);
	run_rule("critical_spof", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
	assert_int_equal(pc.steps[STEP_RISKS].checks, 1);
	/* a SPoF that may be down longer than a day is not critical */
	p[1].nsystems = 1;
	p[0].rto_hours = 25;
	p[1].rto_hours = 30;
	assert_int_equal(bia_compute(s, 2, p, 2), 0);
	assert_true(s[0].spof);
	run_rule("critical_spof", &d, &pc);
	assert_int_equal(pc.steps[STEP_RISKS].checks, 0);
	assert_int_equal(pc.steps[STEP_RISKS].percent, -1);
}

/* A system that must be back within 24 hours needs a runbook; others are not checked. */
static void test_critical_runbook(void **state)
{
	struct process p[1];
	struct system s[2];
	struct runbook rb;
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	process_init(&p[0]);
	p[0].id = 1, p[0].name = "Aufträge", p[0].rto_hours = 8, p[0].nsystems = 1, p[0].system_ids[0] = 10;
	system_init(&s[0]);
	system_init(&s[1]);
	s[0].id = 10, s[0].name = "ERP";
	s[1].id = 11, s[1].name = "Drucker", s[1].rto_hours = 72;
	d.processes = p;
	d.nprocesses = 1;
	d.systems = s;
	d.nsystems = 2;
	assert_int_equal(bia_compute(s, 2, p, 1), 0);
	run_rule("critical_runbook", &d, &pc);
	assert_int_equal(pc.steps[STEP_RECOVERY].checks, 1);
	assert_int_equal(pc.ngaps, 1);
	assert_string_equal(gap(&pc, "critical_system_without_runbook", NULL)->item, "ERP");
	runbook_init(&rb);
	rb.id = 5, rb.system_id = 10;
	d.runbooks = &rb;
	d.nrunbooks = 1;
	run_rule("critical_runbook", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
	assert_int_equal(pc.steps[STEP_RECOVERY].percent, 100);
}

/* ------------------------------------------------------------------ step 2 */

static void test_step2_content(void **state)
{
	struct contact c = person(1, "Anna", 0, TODAY, 1);
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	run_rule("step2_content", &d, &pc);
	assert_non_null(gap(&pc, "step_empty", "team"));
	d.contacts = &c;
	d.ncontacts = 1;
	run_rule("step2_content", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
}

static void test_team_empty(void **state)
{
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	/* the empty step's "no contacts"/"no roles" are the content rule's; the alarm plan's three remain */
	run_rule("team", &d, &pc);
	assert_null(gap(&pc, "no_contacts", NULL));
	assert_null(gap(&pc, "no_roles", NULL));
	assert_non_null(gap(&pc, "no_alarm_chain", "alarm/steps/new"));
	assert_non_null(gap(&pc, "nobody_declares", "alarm/plan"));
	assert_non_null(gap(&pc, "nobody_reports_breaches", "alarm/plan"));
	assert_int_equal(pc.ngaps, 3);
	assert_int_equal(pc.steps[STEP_TEAM].checks, 3);
}

static void test_team_gaps(void **state)
{
	struct contact c[3] = { person(1, "Anna", 0, TODAY, 0), person(2, "Bernd", 0, "2025-12-14", 1),
				person(3, "IT-Partner", 1, "", 0) };
	struct role r[2] = { role(10, "Technik", 1, 0), role(11, "Kommunikation", 0, 2) };
	struct alarm_plan ap;
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	alarm_plan_init(&ap);
	d.contacts = c;
	d.ncontacts = 3;
	d.roles = r;
	d.nroles = 2;
	d.alarm_plan = &ap;
	run_rule("team", &d, &pc);
	assert_non_null(gap(&pc, "role_without_deputy", "roles/10"));
	assert_null(gap(&pc, "role_without_deputy", "roles/11"));
	assert_non_null(gap(&pc, "role_without_person", "roles/11"));
	assert_null(gap(&pc, "role_without_person", "roles/10"));
	assert_non_null(gap(&pc, "person_without_mobile", "contacts/1"));
	assert_null(gap(&pc, "person_without_mobile", "contacts/3")); /* external: no mobile needed */
	assert_non_null(gap(&pc, "contact_not_verified", "contacts/2")); /* six months and a day ago */
	assert_non_null(gap(&pc, "contact_not_verified", "contacts/3")); /* never */
	assert_null(gap(&pc, "contact_not_verified", "contacts/1"));
	assert_non_null(gap(&pc, "no_alarm_chain", NULL));
	assert_non_null(gap(&pc, "nobody_declares", NULL));
	assert_non_null(gap(&pc, "nobody_reports_breaches", NULL));
	assert_string_equal(gap(&pc, "role_without_deputy", "roles/10")->item, "Technik");
	assert_string_equal(gap(&pc, "role_without_deputy", "roles/10")->msgid, "Role \"%s\" has no deputy.");

	/* everything fixed */
	c[0].phones[0].kind = PHONE_MOBILE;
	snprintf(c[1].last_verified, sizeof(c[1].last_verified), "2025-12-15");
	snprintf(c[2].last_verified, sizeof(c[2].last_verified), "%s", TODAY);
	r[0] = role(10, "Technik", 1, 2);
	r[1] = role(11, "Kommunikation", 1, 2);
	ap.ndeclare_roles = 1;
	ap.declare_role_ids[0] = 10;
	ap.breach_report_role_id = 11;
	d.nalarm_steps = 1;
	run_rule("team", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
	assert_int_equal(pc.steps[STEP_TEAM].percent, 100);
}

/* Contacts but no roles: "no roles" is a gap of its own once the step has content. */
static void test_team_no_roles(void **state)
{
	struct contact c = person(1, "Anna", 0, TODAY, 1);
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	d.contacts = &c;
	d.ncontacts = 1;
	run_rule("team", &d, &pc);
	assert_non_null(gap(&pc, "no_roles", "roles/new"));
	assert_null(gap(&pc, "no_contacts", NULL));
}

/* ------------------------------------------------------------------ step 4 */

static void test_step4_content(void **state)
{
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	run_rule("step4_content", &d, &pc);
	assert_non_null(gap(&pc, "step_empty", "documents"));
	d.ntemplates = 1;
	run_rule("step4_content", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
}

static void test_copies_stale(void **state)
{
	struct plan_copy p[2];
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	plan_copy_init(&p[0]);
	plan_copy_init(&p[1]);
	p[0].id = 5, p[0].location = "Ordner Büro";
	p[1].id = 6, p[1].location = "USB-Stick";
	snprintf(p[0].plan_date, sizeof(p[0].plan_date), "2026-06-01");
	snprintf(p[1].plan_date, sizeof(p[1].plan_date), "2026-06-14");
	/* the plan last changed on 2026-06-10 12:00 UTC */
	p[0].plan_changed_at = p[1].plan_changed_at = 1781092800;
	d.copies = p;
	d.ncopies = 2;
	run_rule("copies_stale", &d, &pc);
	assert_int_equal(pc.steps[STEP_DOCUMENT].checks, 2);
	assert_int_equal(pc.ngaps, 1);
	assert_string_equal(gap(&pc, "copy_stale", "documents/copies/5")->item, "Ordner Büro");
	snprintf(p[0].plan_date, sizeof(p[0].plan_date), "2026-06-10"); /* same day: current */
	run_rule("copies_stale", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
}

/* approval: a warning only when there is an approved version and the plan changed after it */
static void test_changed_since_approved(void **state)
{
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	d.changed_since_approved = 1; /* no approved version: nothing to be out of date */
	run_rule("changed_since_approved", &d, &pc);
	assert_int_equal(pc.steps[STEP_DOCUMENT].checks, 0);
	d.approved_number = 3;
	d.changed_since_approved = 0;
	run_rule("changed_since_approved", &d, &pc);
	assert_int_equal(pc.steps[STEP_DOCUMENT].checks, 1);
	assert_int_equal(pc.ngaps, 0);
	d.changed_since_approved = 1;
	run_rule("changed_since_approved", &d, &pc);
	assert_int_equal(pc.ngaps, 1);
	assert_int_equal(pc.gaps[0].level, PLAN_WARNING);
	assert_string_equal(gap(&pc, "changed_since_approved", "plan-versions")->item, "3");
}

static void test_acknowledgements(void **state)
{
	struct contact c[4] = { person(1, "Anna", 0, TODAY, 1), person(2, "Bernd", 0, TODAY, 1),
				person(3, "Clara", 0, TODAY, 1), person(4, "IT-Partner", 1, TODAY, 1) };
	struct acknowledgement k[1];
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	ack_init(&k[0]);
	k[0].contact_id = 2;
	d.contacts = c;
	d.ncontacts = 4;
	d.acks = k;
	d.nacks = 1;
	/* one gap with the number, not one per person; externals are no staff */
	run_rule("acknowledgements", &d, &pc);
	assert_int_equal(pc.steps[STEP_DOCUMENT].checks, 1);
	assert_int_equal(pc.ngaps, 1);
	assert_string_equal(gap(&pc, "staff_not_confirmed", "documents/acknowledgements")->item, "2");
	c[0].external = c[2].external = 1;
	run_rule("acknowledgements", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
	/* no staff at all: nothing to confirm, no check */
	d.ncontacts = 0;
	run_rule("acknowledgements", &d, &pc);
	assert_int_equal(pc.steps[STEP_DOCUMENT].checks, 0);
}

/* ------------------------------------------------------------------ step 5 */

static void test_step5_content(void **state)
{
	struct plan_review rv;
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	review_init(&rv);
	d.review = &rv;
	run_rule("step5_content", &d, &pc);
	assert_non_null(gap(&pc, "step_empty", "exercises"));
	snprintf(rv.last_review_date, sizeof(rv.last_review_date), "2026-01-01");
	run_rule("step5_content", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
	rv.last_review_date[0] = '\0';
	d.nexercises = 1;
	run_rule("step5_content", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
}

static void test_review(void **state)
{
	struct plan_review rv;
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	run_rule("review", &d, &pc); /* no settings yet */
	assert_non_null(gap(&pc, "review_never", "exercises#h-review"));
	review_init(&rv);
	d.review = &rv;
	run_rule("review", &d, &pc);
	assert_non_null(gap(&pc, "review_never", NULL));
	/* 2025-06-15 + 12 months = today: still in time */
	snprintf(rv.last_review_date, sizeof(rv.last_review_date), "2025-06-15");
	run_rule("review", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
	assert_int_equal(pc.steps[STEP_EXERCISE].checks, 1);
	snprintf(rv.last_review_date, sizeof(rv.last_review_date), "2025-06-14");
	run_rule("review", &d, &pc);
	assert_string_equal(gap(&pc, "review_overdue", NULL)->item, "12");
	rv.review_interval_months = 24; /* its own interval counts */
	run_rule("review", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
}

static void test_findings_overdue(void **state)
{
	struct finding f[4];
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	for (int i = 0; i < 4; i++) {
		finding_init(&f[i]);
		f[i].id = 20 + i;
		f[i].title = "Nummern prüfen";
	}
	snprintf(f[0].due_date, sizeof(f[0].due_date), "2026-06-14"); /* yesterday: overdue */
	snprintf(f[1].due_date, sizeof(f[1].due_date), TODAY);        /* today: in time */
	snprintf(f[2].due_date, sizeof(f[2].due_date), "2026-01-01");
	f[2].status = FINDING_DONE;                                    /* done: no check */
	/* f[3] has no due date: no check */
	d.findings = f;
	d.nfindings = 4;
	run_rule("findings_overdue", &d, &pc);
	assert_int_equal(pc.steps[STEP_EXERCISE].checks, 2);
	assert_int_equal(pc.ngaps, 1);
	assert_non_null(gap(&pc, "finding_overdue", "findings/20"));
	f[0].status = FINDING_IN_PROGRESS;
	run_rule("findings_overdue", &d, &pc);
	assert_int_equal(pc.ngaps, 1);
	f[0].status = FINDING_DONE;
	run_rule("findings_overdue", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
}

/* ------------------------------------------------------------------ review marks */

static void test_chapter_review(void **state)
{
	struct review_mark m[3] = {
		{ .id = 1, .chapter = CHAPTER_SYSTEMS, .item_type = "system", .item_id = 4, .item_name = "ERP", .action = "update" },
		{ .id = 2, .chapter = CHAPTER_BACKUPS, .item_type = "system", .item_id = 4, .item_name = "ERP", .action = "update" },
		{ .id = 3, .chapter = CHAPTER_BACKUPS, .item_type = "system", .item_id = 5, .item_name = "NAS", .action = "delete" },
	};
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	/* no marks: no checks, the figures stay as they were */
	run_rule("chapter_review_1", &d, &pc);
	assert_int_equal(pc.steps[STEP_RISKS].checks, 0);
	assert_int_equal(pc.ngaps, 0);
	d.marks = m;
	d.nmarks = 3;
	/* step 1: the systems chapter, linked to its page, as a warning */
	run_rule("chapter_review_1", &d, &pc);
	assert_int_equal(pc.steps[STEP_RISKS].checks, 1);
	assert_int_equal(pc.ngaps, 1);
	assert_non_null(gap(&pc, "chapter_needs_review", "systems"));
	assert_int_equal(pc.gaps[0].level, PLAN_WARNING);
	assert_null(pc.gaps[0].item);
	/* step 3: two marks of one chapter are one gap */
	run_rule("chapter_review_3", &d, &pc);
	assert_int_equal(pc.ngaps, 1);
	assert_non_null(gap(&pc, "chapter_needs_review", "backups"));
	/* steps without marked chapters: nothing */
	run_rule("chapter_review_2", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
	run_rule("chapter_review_5", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
	/* the whole check lists each marked chapter once, in its step */
	assert_int_equal(plan_check_run(&d, A, &pc), 0);
	assert_int_equal(plan_check_step_gaps(&pc, STEP_RISKS) > 0, 1);
	{
		size_t n = 0;

		for (size_t i = 0; i < pc.ngaps; i++)
			if (strcmp(pc.gaps[i].kind, "chapter_needs_review") == 0) {
				n++;
				assert_int_equal(pc.gaps[i].step, chapter_get(strcmp(pc.gaps[i].link, "systems") == 0
										? CHAPTER_SYSTEMS
										: CHAPTER_BACKUPS)->step);
			}
		assert_int_equal(n, 2);
	}
}

/* ------------------------------------------------------------------ the whole check */

static void test_empty_plan(void **state)
{
	struct plan_data d = data();
	struct plan_check pc;
	size_t nempty = 0;

	(void)state;
	assert_int_equal(plan_check_run(&d, A, &pc), 0);
	assert_int_equal(pc.percent, 0);
	for (size_t i = 0; i < pc.ngaps; i++) {
		nempty += strcmp(pc.gaps[i].kind, "step_empty") == 0;
		if (i)
			assert_true(pc.gaps[i - 1].step <= pc.gaps[i].step); /* ordered by step */
	}
	assert_int_equal(nempty, 5);
	assert_int_equal(pc.steps[STEP_RECOVERY].checks, 1);
	assert_int_equal(pc.steps[STEP_RECOVERY].percent, 0);
	for (int s = STEP_RISKS; s < STEP__MAX; s++)
		assert_int_equal(pc.steps[s].checks - pc.steps[s].passed, plan_check_step_gaps(&pc, (enum plan_step)s));
	/* each step's content gap comes first */
	assert_string_equal(pc.gaps[0].kind, "step_empty");
}

/* A backup after the 3-2-1 rule, restored successfully today in 30 minutes, no systems asking for RTO/RPO. */
static struct backup good_backup(void)
{
	struct backup b;

	backup_init(&b);
	b.id = 40;
	b.title = "Tägliche Sicherung";
	b.frequency_hours = 24;
	b.ncopies = 3;
	b.copies[0].kind = BACKUP_COPY_ONSITE;
	b.copies[0].media = "NAS";
	b.copies[1].kind = BACKUP_COPY_OFFLINE;
	b.copies[1].media = "USB";
	b.copies[2].kind = BACKUP_COPY_CLOUD;
	b.copies[2].media = "Cloud";
	b.facts.ntests = 1;
	snprintf(b.facts.last_test_date, sizeof(b.facts.last_test_date), "%s", TODAY);
	b.facts.last_test_result = RESTORE_SUCCESS;
	snprintf(b.facts.last_success_date, sizeof(b.facts.last_success_date), "%s", TODAY);
	b.facts.last_success_minutes = 30;
	b.facts.required_rto_hours = -1;
	b.facts.required_rpo_hours = -1;
	b.facts.rto_system_name = b.facts.rpo_system_name = "";
	snprintf(b.facts.today, sizeof(b.facts.today), "%s", TODAY);
	return b;
}

/* Overall: the mean of the steps that have checks, each rounded down. */
/* drill: the reachability drill rule */
static void test_drill_rule(void **state)
{
	struct contact c = person(1, "Anna", 0, TODAY, 1);
	struct drill_recipient rs[2] = { { .id = 1, .contact_id = 1, .name = "Anna", .email = "a@example.org",
					    .sent_at = 100, .confirmed_at = 160 },
					  { .id = 2, .contact_id = 2, .name = "Bernd", .email = "b@example.org",
					    .sent_at = 100, .confirmed_at = 0 } };
	struct drill dr = { .id = 7, .version = 2, .started_at = 100, .closed_at = 200, .recipients = rs,
			    .nrecipients = 2, .nconfirmed = 1 };
	struct plan_data d = data();
	struct plan_check pc;
	const struct plan_gap *g;

	(void)state;
	/* an empty step 2: nothing to say yet */
	run_rule("drill", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
	/* contacts, never a drill: a warning with a link to the drills */
	d.contacts = &c;
	d.ncontacts = 1;
	run_rule("drill", &d, &pc);
	assert_int_equal(pc.ngaps, 1);
	assert_int_equal(pc.gaps[0].level, PLAN_WARNING);
	assert_string_equal(pc.gaps[0].kind, "no_drill");
	assert_string_equal(pc.gaps[0].link, "drills");
	/* a drill is running (none over yet): no gap */
	d.ndrills = 1;
	run_rule("drill", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
	assert_int_equal(pc.steps[STEP_TEAM].checks, 1);
	/* the last drill is over: one gap per person who did not confirm, linking to the drill */
	d.last_drill = &dr;
	run_rule("drill", &d, &pc);
	assert_int_equal(pc.ngaps, 1);
	g = gap(&pc, "drill_unconfirmed", "drills/7");
	assert_non_null(g);
	assert_int_equal(g->level, PLAN_GAP);
	assert_string_equal(g->item, "Bernd");
	assert_int_equal(pc.steps[STEP_TEAM].checks, 3);
	/* everybody confirmed: nothing */
	rs[1].confirmed_at = 300;
	run_rule("drill", &d, &pc);
	assert_int_equal(pc.ngaps, 0);
}
/* drill end */

static void test_percentages(void **state)
{
	struct backup bk = good_backup();
	struct risk k[3] = { risk(1, "A", 1, 1, 7, ""), risk(2, "B", 1, 1, 7, ""), risk(3, "C", 1, 1, 0, "") };
	struct contact c = person(1, "Anna", 0, TODAY, 1);
	struct role r = role(10, "Leitung", 1, 0);
	struct acknowledgement ack;
	struct plan_review rv;
	struct alarm_plan ap;
	struct plan_data d = data();
	struct plan_check pc;

	(void)state;
	ack_init(&ack);
	ack.contact_id = 1;
	review_init(&rv);
	snprintf(rv.last_review_date, sizeof(rv.last_review_date), "2026-01-01");
	alarm_plan_init(&ap);
	ap.ndeclare_roles = 1;
	ap.declare_role_ids[0] = 10;
	ap.breach_report_role_id = 10;
	d.risks = k;
	d.nrisks = 3;
	d.contacts = &c;
	d.ncontacts = 1;
	d.roles = &r;
	d.nroles = 1;
	d.nalarm_steps = 1;
	d.alarm_plan = &ap;
	d.acks = &ack;
	d.nacks = 1;
	d.review = &rv;
	d.ndrills = 1; /* drill: a drill is running, none is over yet */
	assert_int_equal(plan_check_run(&d, A, &pc), 0);
	/* step 1: content + 3 owners, one missing: 3 of 4 */
	assert_int_equal(pc.steps[STEP_RISKS].checks, 4);
	assert_int_equal(pc.steps[STEP_RISKS].percent, 75);
	/* step 2: content, roles, contacts, primary, deputy (missing), mobile, verified, 3 alarm checks, a drill: 10 of 11 */
	assert_int_equal(pc.steps[STEP_TEAM].checks, 11);
	assert_int_equal(pc.steps[STEP_TEAM].percent, 90);
	/* step 4: content + acknowledgement: 2 of 2 */
	assert_int_equal(pc.steps[STEP_DOCUMENT].percent, 100);
	/* step 5: content + review: 2 of 2 */
	assert_int_equal(pc.steps[STEP_EXERCISE].percent, 100);
	/* step 3: no backup yet: 0 of 1 */
	assert_int_equal(pc.steps[STEP_RECOVERY].percent, 0);
	assert_int_equal(pc.percent, (75 + 90 + 0 + 100 + 100) / 5);
	assert_int_equal(pc.ngaps, 3);

	/* a complete plan */
	k[2].owner_contact_id = 7;
	r = role(10, "Leitung", 1, 1);
	r.deputy_contact_ids[0] = 2;
	d.backups = &bk;
	d.nbackups = 1;
	assert_int_equal(plan_check_run(&d, A, &pc), 0);
	assert_int_equal(pc.ngaps, 0);
	assert_int_equal(pc.percent, 100);

	/* the backup's own checks: never tested is one gap of step 3 */
	bk.facts.last_success_date[0] = '\0';
	bk.facts.ntests = 0;
	bk.facts.last_test_date[0] = '\0';
	assert_int_equal(plan_check_run(&d, A, &pc), 0);
	assert_int_equal(pc.ngaps, 1);
	assert_string_equal(pc.gaps[0].kind, "backup_never_tested");
	assert_int_equal(pc.gaps[0].step, STEP_RECOVERY);
}

static void test_outputs(void **state)
{
	struct role r = role(3, "Technik", 1, 0);
	struct contact c = person(1, "Anna <b>", 0, TODAY, 1);
	struct plan_data d = data();
	struct plan_check pc;
	json_t *obj, *gaps, *steps;
	const struct plan_gap *g;
	int found = 0;

	(void)state;
	d.roles = &r;
	d.nroles = 1;
	d.contacts = &c;
	d.ncontacts = 1;
	assert_int_equal(plan_check_run(&d, A, &pc), 0);
	g = gap(&pc, "role_without_deputy", "roles/3");
	assert_non_null(g);
	assert_string_equal(plan_gap_text(A, KF_LANG_EN, g), "Role \"Technik\" has no deputy.");
	assert_string_equal(plan_gap_href(A, 1, g), "/o/1/roles/3");
	g = gap(&pc, "nobody_declares", NULL);
	assert_string_equal(plan_gap_text(A, KF_LANG_EN, g), "Nobody is named who may declare an emergency.");

	obj = plan_check_to_json(&pc, A, KF_LANG_EN, 1);
	assert_non_null(obj);
	assert_int_equal(json_integer_value(json_object_get(obj, "percent")), pc.percent);
	steps = json_object_get(obj, "steps");
	assert_int_equal(json_array_size(steps), 5);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(steps, 2), "percent")), 0); /* step 3: no backup */
	assert_int_equal(json_integer_value(json_object_get(json_array_get(steps, 1), "step")), 2);
	gaps = json_object_get(obj, "gaps");
	assert_int_equal(json_array_size(gaps), pc.ngaps);
	for (size_t i = 0; i < json_array_size(gaps); i++) {
		json_t *j = json_array_get(gaps, i);

		if (strcmp(json_string_value(json_object_get(j, "kind")), "role_without_deputy") == 0) {
			found = 1;
			assert_string_equal(json_string_value(json_object_get(j, "message")),
					    "Role \"Technik\" has no deputy.");
			assert_string_equal(json_string_value(json_object_get(j, "link")), "/o/1/roles/3");
			assert_string_equal(json_string_value(json_object_get(j, "level")), "gap");
			assert_int_equal(json_integer_value(json_object_get(j, "step")), 2);
		}
	}
	assert_true(found);
	json_decref(obj);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_step1_content),
		cmocka_unit_test(test_risk_owner),
		cmocka_unit_test(test_risk_measures),
		cmocka_unit_test(test_process_rto),
		cmocka_unit_test(test_critical_spof),
		cmocka_unit_test(test_critical_runbook),
		cmocka_unit_test(test_step2_content),
		cmocka_unit_test(test_team_empty),
		cmocka_unit_test(test_team_gaps),
		cmocka_unit_test(test_team_no_roles),
		cmocka_unit_test(test_step4_content),
		cmocka_unit_test(test_copies_stale),
		cmocka_unit_test(test_acknowledgements),
		cmocka_unit_test(test_changed_since_approved), /* approval */
		cmocka_unit_test(test_step5_content),
		cmocka_unit_test(test_review),
		cmocka_unit_test(test_findings_overdue),
		cmocka_unit_test(test_chapter_review),
		cmocka_unit_test(test_empty_plan),
		cmocka_unit_test(test_drill_rule), /* drill */
		cmocka_unit_test(test_percentages),
		cmocka_unit_test(test_outputs),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
