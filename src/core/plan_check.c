/* plan_check.c: the Plan-Check rules (one function each, in a table) and the completeness figures. */
#include <stdlib.h>
#include <string.h>

#include "../lib/arena.h"
#include "bia.h"
#include "plan_check.h"
#include "team_check.h"
#include "../lib/banned.h"

/* ------------------------------------------------------------------ recording */

/* Adds a gap of the running rule's step (its failed check is counted by the caller). */
static void record_gap(struct plan_check *pc, enum plan_gap_level level, const char *kind, const char *msgid,
		       const char *item, const char *link_base, int64_t id)
{
	struct plan_gap *g;
	const char *link;

	link = id ? arena_printf(pc->arena, "%s/%lld", link_base, (long long)id) : link_base;
	g = arena_array_grow(pc->arena, pc->gaps, pc->ngaps, &pc->cap, sizeof(*g));
	if (!g || !link) {
		pc->failed = 1;
		return;
	}
	pc->gaps = g;
	g = &pc->gaps[pc->ngaps++];
	g->step = pc->cur_step;
	g->level = level;
	g->kind = kind;
	g->msgid = msgid;
	g->item = item;
	g->link = link;
}

void plan_check_add(struct plan_check *pc, int ok, enum plan_gap_level level, const char *kind, const char *msgid,
		    const char *item, const char *link_base, int64_t id)
{
	struct plan_step_score *sc = &pc->steps[pc->cur_step];

	sc->checks++;
	if (ok)
		sc->passed++;
	else
		record_gap(pc, level, kind, msgid, item, link_base, id);
}

/* An item's number as text in the check's arena ("" when out of memory). */
static const char *num(struct plan_check *pc, long long n)
{
	const char *s = arena_printf(pc->arena, "%lld", n);

	if (!s)
		pc->failed = 1;
	return s ? s : "";
}

static int blank(const char *s)
{
	if (!s)
		return 1;
	for (; *s; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* ------------------------------------------------------------------ step 1 */

static int step1_empty(const struct plan_data *d)
{
	return d->nrisks == 0 && d->nprocesses == 0 && d->nsystems == 0;
}

static void rule_step1_content(const struct plan_data *d, struct plan_check *pc)
{
	plan_check_add(pc, !step1_empty(d), PLAN_GAP, "step_empty",
		       N_("Step 1 has no content yet: no risks, business processes or IT systems."), NULL, "risks", 0);
}

/* Every risk that is not closed has someone who looks after it. */
static void rule_risk_owner(const struct plan_data *d, struct plan_check *pc)
{
	for (size_t i = 0; i < d->nrisks; i++) {
		const struct risk *k = &d->risks[i];

		if (k->status == RISK_CLOSED)
			continue;
		plan_check_add(pc, k->owner_contact_id != 0, PLAN_GAP, "risk_without_owner",
			       N_("Nobody looks after the risk \"%s\" yet."), k->title, "risks", k->id);
	}
}

/* A high or critical risk that is still open or in treatment has preventive measures (accepted ones need none). */
static void rule_risk_measures(const struct plan_data *d, struct plan_check *pc)
{
	for (size_t i = 0; i < d->nrisks; i++) {
		const struct risk *k = &d->risks[i];
		enum risk_level l = risk_level_of(k);

		if (k->status == RISK_CLOSED || k->status == RISK_ACCEPTED || l < RISK_HIGH)
			continue;
		plan_check_add(pc, !blank(k->measures), PLAN_GAP, "risk_without_measures",
			       N_("The risk \"%s\" is high or critical but has no preventive measures."), k->title,
			       "risks", k->id);
	}
}

static void rule_process_rto(const struct plan_data *d, struct plan_check *pc)
{
	for (size_t i = 0; i < d->nprocesses; i++) {
		const struct process *p = &d->processes[i];

		plan_check_add(pc, p->rto_hours >= 0, PLAN_GAP, "process_without_rto",
			       N_("For the process \"%s\" it is not set yet how long it may stand still at most (RTO)."),
			       p->name, "processes", p->id);
	}
}

static int has_workaround(const struct plan_data *d, int64_t process_id)
{
	for (size_t i = 0; i < d->nworkarounds; i++)
		if (d->workarounds[i].process_id == process_id)
			return 1;
	return 0;
}

/*
 * A critical system (required RTO from the roll-up within a day) should not be
 * a single point of failure, unless every process that needs it can go on
 * with a workaround (then the plan has an answer for its failure).
 */
static void rule_critical_spof(const struct plan_data *d, struct plan_check *pc)
{
	/* the systems some process without a workaround needs (directly or through others): one walk per process */
	char *no_workaround = calloc(d->nprocesses ? d->nprocesses : 1, 1);
	char *stops = calloc(d->nsystems ? d->nsystems : 1, 1);
	int known = no_workaround && stops;

	for (size_t p = 0; known && p < d->nprocesses; p++)
		no_workaround[p] = !has_workaround(d, d->processes[p].id);
	if (known)
		known = bia_needed_by(d->systems, d->nsystems, d->processes, d->nprocesses, no_workaround, stops) == 0;
	for (size_t i = 0; i < d->nsystems; i++) {
		const struct system *s = &d->systems[i];

		if (s->required_rto_hours < 0 || s->required_rto_hours > PLAN_CHECK_CRITICAL_RTO_HOURS)
			continue;
		/* not known (out of memory): the warning stays rather than hide a gap */
		plan_check_add(pc, !s->spof || (known && !stops[i]), PLAN_WARNING, "critical_system_spof",
			       N_("%s must be back within 24 hours and is a single point of failure: several processes stop when it fails, and not all of them have a workaround."),
			       s->name, "systems", s->id);
	}
	free(no_workaround);
	free(stops);
}

/* ------------------------------------------------------------------ step 2 */

static int step2_empty(const struct plan_data *d)
{
	return d->ncontacts == 0 && d->nroles == 0;
}

static void rule_step2_content(const struct plan_data *d, struct plan_check *pc)
{
	plan_check_add(pc, !step2_empty(d), PLAN_GAP, "step_empty",
		       N_("Step 2 has no content yet: no contacts and no emergency roles."), NULL, "team", 0);
}

static const struct {
	const char *kind;
	const char *link; /* with the item's id when the gap has one */
} team_kinds[] = {
	[GAP_NO_CONTACTS] = { "no_contacts", "contacts/new" },
	[GAP_NO_ROLES] = { "no_roles", "roles/new" },
	[GAP_ROLE_WITHOUT_PRIMARY] = { "role_without_person", "roles" },
	[GAP_ROLE_WITHOUT_DEPUTY] = { "role_without_deputy", "roles" },
	[GAP_PERSON_WITHOUT_MOBILE] = { "person_without_mobile", "contacts" },
	[GAP_CONTACT_NOT_VERIFIED] = { "contact_not_verified", "contacts" },
	[GAP_NO_ALARM_CHAIN] = { "no_alarm_chain", "alarm/steps/new" },
	[GAP_NOBODY_DECLARES] = { "nobody_declares", "alarm/plan" },
	[GAP_NOBODY_REPORTS_BREACHES] = { "nobody_reports_breaches", "alarm/plan" },
};

/*
 * The team check (team_check_run + team_check_alarm) as it is: roles
 * without person or deputy, staff without mobile number, contacts not
 * verified, alarm chain, who declares, who reports breaches. While the step
 * is empty its "no contacts" and "no roles" are left to the content rule.
 */
static void rule_team(const struct plan_data *d, struct plan_check *pc)
{
	struct plan_step_score *sc = &pc->steps[pc->cur_step];
	const struct alarm_plan *ap = d->alarm_plan;
	struct team_check tc = { 0 };
	int empty = step2_empty(d);

	tc.max_gaps = 2 * (d->ncontacts + d->nroles) + 8;
	tc.gaps = ARENA_NEW(pc->arena, struct team_gap, tc.max_gaps);
	if (!tc.gaps) {
		pc->failed = 1;
		return;
	}
	team_check_run(d->contacts, d->ncontacts, d->roles, d->nroles, d->today, &tc);
	team_check_alarm(&tc, d->nalarm_steps, ap ? ap->ndeclare_roles : 0, ap ? ap->breach_report_role_id : 0);
	for (size_t i = 0; i < tc.ngaps; i++) {
		const struct team_gap *g = &tc.gaps[i];

		if (empty && (g->kind == GAP_NO_CONTACTS || g->kind == GAP_NO_ROLES)) {
			tc.checks--;
			continue;
		}
		record_gap(pc, PLAN_GAP, team_kinds[g->kind].kind, team_gap_message(g->kind), g->item_name,
			   team_kinds[g->kind].link, g->item_id);
	}
	sc->checks += tc.checks;
	sc->passed += tc.passed;
}

/* drill: who did not confirm the last reachability drill; a hint while there was none */
static void rule_drill(const struct plan_data *d, struct plan_check *pc)
{
	const struct drill *dr = d->last_drill;

	if (!d->ncontacts && !d->nalarm_steps)
		return; /* an empty step 2 is the content rule's */
	plan_check_add(pc, d->ndrills > 0, PLAN_WARNING, "no_drill",
		       N_("No reachability drill was done yet: does the alarm really reach everybody?"), NULL, "drills",
		       0);
	if (!dr)
		return;
	for (size_t i = 0; i < dr->nrecipients; i++)
		plan_check_add(pc, dr->recipients[i].confirmed_at != 0, PLAN_GAP, "drill_unconfirmed",
			       N_("%s did not confirm the last reachability drill."), dr->recipients[i].name, "drills",
			       dr->id);
}

/* ------------------------------------------------------------------ step 3: backups */

static void rule_step3_content(const struct plan_data *d, struct plan_check *pc)
{
	plan_check_add(pc, d->nbackups > 0, PLAN_GAP, "step_empty",
		       N_("Step 3 has no backups recorded yet: what is backed up, where, and was a restore ever tested?"),
		       NULL, "backups", 0);
}

static int backup_has(const struct backup_gap *g, int n, enum backup_gap_kind k)
{
	for (int i = 0; i < n; i++)
		if (g[i].kind == k)
			return 1;
	return 0;
}

/*
 * Each backup was restored successfully in a test within 12 months, restores
 * fast enough for the RTO of its systems, runs often enough for their RPO,
 * and keeps its copies after the 3-2-1 rule (backup_gaps decides each).
 */
static void rule_backups(const struct plan_data *d, struct plan_check *pc)
{
	for (size_t i = 0; i < d->nbackups; i++) {
		const struct backup *b = &d->backups[i];
		struct backup_gap g[BACKUP_GAPS_MAX];
		int n = backup_gaps(b, d->today, g, BACKUP_GAPS_MAX);

		plan_check_add(pc, !backup_has(g, n, BACKUP_GAP_NEVER_TESTED) && !backup_has(g, n, BACKUP_GAP_NO_SUCCESSFUL_TEST),
			       PLAN_GAP, "backup_never_tested",
			       N_("The backup \"%s\" has never been restored successfully in a test."), b->title, "backups",
			       b->id);
		plan_check_add(pc, !backup_has(g, n, BACKUP_GAP_TEST_TOO_OLD), PLAN_GAP, "backup_test_old",
			       N_("The last successful restore test of \"%s\" is more than 12 months ago."), b->title,
			       "backups", b->id);
		plan_check_add(pc, !backup_has(g, n, BACKUP_GAP_RESTORE_TOO_SLOW), PLAN_GAP, "restore_too_slow",
			       N_("Restoring \"%s\" takes longer than its systems may be down (RTO)."), b->title, "backups",
			       b->id);
		plan_check_add(pc, !backup_has(g, n, BACKUP_GAP_TOO_RARE), PLAN_GAP, "backup_too_rare",
			       N_("\"%s\" is backed up less often than its systems may lose data (RPO)."), b->title,
			       "backups", b->id);
		plan_check_add(pc, !backup_has(g, n, BACKUP_GAP_FEW_COPIES) && !backup_has(g, n, BACKUP_GAP_ONE_KIND) &&
					   !backup_has(g, n, BACKUP_GAP_NO_OFFSITE),
			       PLAN_GAP, "backup_321",
			       N_("\"%s\" does not follow the 3-2-1 rule: 3 copies, on 2 kinds of storage, 1 outside the office."),
			       b->title, "backups", b->id);
	}
}

static int has_runbook(const struct plan_data *d, int64_t system_id)
{
	for (size_t i = 0; i < d->nrunbooks; i++)
		if (d->runbooks[i].system_id == system_id)
			return 1;
	return 0;
}

/* A critical system (must be back within 24 hours) has a runbook: the steps to bring it back. */
static void rule_critical_runbook(const struct plan_data *d, struct plan_check *pc)
{
	for (size_t i = 0; i < d->nsystems; i++) {
		const struct system *s = &d->systems[i];

		if (s->required_rto_hours < 0 || s->required_rto_hours > PLAN_CHECK_CRITICAL_RTO_HOURS)
			continue;
		plan_check_add(pc, has_runbook(d, s->id), PLAN_GAP, "critical_system_without_runbook",
			       N_("%s must be back within 24 hours but has no runbook yet."), s->name, "runbooks", 0);
	}
}

/* ------------------------------------------------------------------ step 4 */

static void rule_step4_content(const struct plan_data *d, struct plan_check *pc)
{
	plan_check_add(pc, d->ncopies + d->nacks + d->ntemplates > 0, PLAN_GAP, "step_empty",
		       N_("Step 4 has no content yet: no copies of the plan, staff confirmations or communication templates."),
		       NULL, "documents", 0);
}

/* Each copy holds the current state of the plan (plan_copy_stale: its date, and its stamp when noted). */
static void rule_copies_stale(const struct plan_data *d, struct plan_check *pc)
{
	for (size_t i = 0; i < d->ncopies; i++) {
		const struct plan_copy *c = &d->copies[i];

		plan_check_add(pc, !plan_copy_stale(c), PLAN_GAP, "copy_stale",
			       N_("The copy at \"%s\" holds an old state of the plan."), c->location, "documents/copies",
			       c->id);
	}
}

/* Every staff member (internal contact) confirmed the card: one check, one gap with the number missing. */
static void rule_acknowledgements(const struct plan_data *d, struct plan_check *pc)
{
	int64_t *staff;
	size_t nstaff = 0, confirmed;

	staff = ARENA_NEW(pc->arena, int64_t, d->ncontacts + 1);
	if (!staff) {
		pc->failed = 1;
		return;
	}
	for (size_t i = 0; i < d->ncontacts; i++)
		if (!d->contacts[i].external)
			staff[nstaff++] = d->contacts[i].id;
	if (nstaff == 0)
		return;
	confirmed = ack_count_confirmed(d->acks, d->nacks, staff, nstaff);
	plan_check_add(pc, confirmed == nstaff, PLAN_GAP, "staff_not_confirmed",
		       N_("Staff members who have not yet confirmed that they know the emergency card: %s"),
		       num(pc, (long long)(nstaff - confirmed)), "documents/acknowledgements", 0);
}

/* approval: the printed handbook shows the approved version, so later changes want a new approval */
static void rule_changed_since_approved(const struct plan_data *d, struct plan_check *pc)
{
	if (!d->approved_number)
		return; /* nothing approved yet: nothing can be out of date */
	plan_check_add(pc, !d->changed_since_approved, PLAN_WARNING, "changed_since_approved",
		       N_("The plan was changed since the approved version %s: submit it again so that the printed "
			  "handbook shows the current state."),
		       num(pc, (long long)d->approved_number), "plan-versions", 0);
}

/* ------------------------------------------------------------------ step 5 */

static int reviewed_ever(const struct plan_data *d)
{
	return d->review && d->review->last_review_date[0];
}

static void rule_step5_content(const struct plan_data *d, struct plan_check *pc)
{
	plan_check_add(pc, d->nexercises > 0 || reviewed_ever(d), PLAN_GAP, "step_empty",
		       N_("Step 5 has no content yet: no exercise and no plan review."), NULL, "exercises", 0);
}

/* The plan was reviewed within its interval (review_next); never reviewed is a gap of its own. */
static void rule_review(const struct plan_data *d, struct plan_check *pc)
{
	enum review_state st = REVIEW_NONE;
	char next[11];

	if (d->review)
		st = review_next(d->review, d->today, next);
	if (st == REVIEW_NONE) {
		plan_check_add(pc, 0, PLAN_GAP, "review_never", N_("The plan has never been reviewed."), NULL,
			       "exercises#h-review", 0);
		return;
	}
	plan_check_add(pc, st == REVIEW_OK, PLAN_GAP, "review_overdue",
		       N_("The plan has not been reviewed for more than %s months."),
		       num(pc, d->review->review_interval_months), "exercises#h-review", 0);
}

/* Open findings with a due date are done by then. */
static void rule_findings_overdue(const struct plan_data *d, struct plan_check *pc)
{
	for (size_t i = 0; i < d->nfindings; i++) {
		const struct finding *f = &d->findings[i];

		if (!finding_is_open(f) || !f->due_date[0])
			continue;
		plan_check_add(pc, strcmp(f->due_date, d->today) >= 0, PLAN_GAP, "finding_overdue",
			       N_("The finding \"%s\" is past its due date."), f->title, "findings", f->id);
	}
}

/* ------------------------------------------------------------------ review marks */

/*
 * A chapter marked "needs review" after a change is a gap of its step, with
 * a link to the chapter. Only marked chapters count as checks, so a plan
 * without marks keeps its figures. One table row per step runs this rule.
 */
static void rule_chapter_review(const struct plan_data *d, struct plan_check *pc)
{
	int marked[CHAPTER__MAX] = { 0 };

	for (size_t i = 0; i < d->nmarks; i++)
		if (d->marks[i].chapter >= 0 && d->marks[i].chapter < CHAPTER__MAX)
			marked[d->marks[i].chapter] = 1;
	for (int ch = 0; ch < CHAPTER__MAX; ch++) {
		const struct chapter_info *info = chapter_get(ch);

		if (marked[ch] && info->step == pc->cur_step)
			plan_check_add(pc, 0, PLAN_WARNING, "chapter_needs_review", info->gap_msgid, NULL, info->path, 0);
	}
}

/* ------------------------------------------------------------------ the table */

static const struct plan_rule rules[] = {
	{ STEP_RISKS, "step1_content", rule_step1_content },
	{ STEP_RISKS, "risk_owner", rule_risk_owner },
	{ STEP_RISKS, "risk_measures", rule_risk_measures },
	{ STEP_RISKS, "process_rto", rule_process_rto },
	{ STEP_RISKS, "critical_spof", rule_critical_spof },
	{ STEP_TEAM, "step2_content", rule_step2_content },
	{ STEP_TEAM, "team", rule_team },
	{ STEP_TEAM, "drill", rule_drill }, /* drill */
	/* step 3: backups */
	{ STEP_RECOVERY, "step3_content", rule_step3_content },
	{ STEP_RECOVERY, "backups", rule_backups },
	/* step 3: runbooks, recovery order, workarounds */
	{ STEP_RECOVERY, "critical_runbook", rule_critical_runbook },
	{ STEP_DOCUMENT, "step4_content", rule_step4_content },
	{ STEP_DOCUMENT, "copies_stale", rule_copies_stale },
	{ STEP_DOCUMENT, "acknowledgements", rule_acknowledgements },
	{ STEP_DOCUMENT, "changed_since_approved", rule_changed_since_approved }, /* approval */
	{ STEP_EXERCISE, "step5_content", rule_step5_content },
	{ STEP_EXERCISE, "review", rule_review },
	{ STEP_EXERCISE, "findings_overdue", rule_findings_overdue },
	/* review marks */
	{ STEP_RISKS, "chapter_review_1", rule_chapter_review },
	{ STEP_TEAM, "chapter_review_2", rule_chapter_review },
	{ STEP_RECOVERY, "chapter_review_3", rule_chapter_review },
	{ STEP_DOCUMENT, "chapter_review_4", rule_chapter_review },
	{ STEP_EXERCISE, "chapter_review_5", rule_chapter_review },
};

const struct plan_rule *plan_check_rules(size_t *n_r)
{
	*n_r = sizeof(rules) / sizeof(rules[0]);
	return rules;
}

static void begin(struct plan_check *pc, struct arena *a)
{
	memset(pc, 0, sizeof(*pc));
	pc->arena = a;
}

static int finish(struct plan_check *pc)
{
	int sum = 0, nsteps = 0;

	for (int s = STEP_RISKS; s < STEP__MAX; s++) {
		struct plan_step_score *sc = &pc->steps[s];

		sc->percent = sc->checks ? (int)(sc->passed * 100 / sc->checks) : -1;
		if (sc->checks) {
			sum += sc->percent;
			nsteps++;
		}
	}
	pc->percent = nsteps ? sum / nsteps : 0;
	return pc->failed ? -1 : 0;
}

int plan_check_run(const struct plan_data *d, struct arena *a, struct plan_check *pc)
{
	begin(pc, a);
	/* step by step, so the list is ordered by step whatever the table's order */
	for (int s = STEP_RISKS; s < STEP__MAX; s++)
		for (size_t i = 0; i < sizeof(rules) / sizeof(rules[0]); i++)
			if ((int)rules[i].step == s) {
				pc->cur_step = rules[i].step;
				rules[i].fn(d, pc);
			}
	return finish(pc);
}

int plan_check_run_rule(const struct plan_data *d, const struct plan_rule *rule, struct arena *a,
			struct plan_check *pc)
{
	begin(pc, a);
	pc->cur_step = rule->step;
	rule->fn(d, pc);
	return finish(pc);
}

/* ------------------------------------------------------------------ output */

size_t plan_check_step_gaps(const struct plan_check *pc, enum plan_step s)
{
	size_t n = 0;

	for (size_t i = 0; i < pc->ngaps; i++)
		n += pc->gaps[i].step == s;
	return n;
}

const char *plan_gap_text(struct arena *a, enum kf_lang lang, const struct plan_gap *g)
{
	const char *t = i18n_tr(lang, g->msgid);
	const char *at = strstr(t, "%s");

	if (!at)
		return arena_strdup(a, t);
	return arena_printf(a, "%.*s%s%s", (int)(at - t), t, g->item ? g->item : "", at + 2);
}

const char *plan_gap_href(struct arena *a, int64_t org, const struct plan_gap *g)
{
	return arena_printf(a, "/o/%lld/%s", (long long)org, g->link);
}

json_t *plan_check_to_json(const struct plan_check *pc, struct arena *a, enum kf_lang lang, int64_t org)
{
	json_t *root = json_object(), *steps = json_array(), *gaps = json_array();
	int bad = !root || !steps || !gaps;

	for (int s = STEP_RISKS; s < STEP__MAX && !bad; s++) {
		const struct plan_step_score *sc = &pc->steps[s];

		bad |= json_array_append_new(
			steps, json_pack("{s:i, s:s, s:o, s:I, s:I}", "step", s,
					 "title", i18n_tr(lang, plan_step((enum plan_step)s)->title), "percent",
					 sc->checks ? json_integer(sc->percent) : json_null(), "checks",
					 (json_int_t)sc->checks, "passed", (json_int_t)sc->passed)) != 0;
	}
	for (size_t i = 0; i < pc->ngaps && !bad; i++) {
		const struct plan_gap *g = &pc->gaps[i];
		const char *msg = plan_gap_text(a, lang, g), *href = plan_gap_href(a, org, g);

		bad |= !msg || !href;
		if (!bad)
			bad |= json_array_append_new(
				gaps, json_pack("{s:i, s:s, s:s, s:s, s:s}", "step", (int)g->step, "kind", g->kind,
						"level", g->level == PLAN_WARNING ? "warning" : "gap", "message", msg,
						"link", href)) != 0;
	}
	if (!bad)
		bad |= json_object_set_new(root, "percent", json_integer(pc->percent)) != 0 ||
		       json_object_set(root, "steps", steps) != 0 || json_object_set(root, "gaps", gaps) != 0;
	json_decref(steps);
	json_decref(gaps);
	if (bad) {
		json_decref(root);
		return NULL;
	}
	return root;
}
