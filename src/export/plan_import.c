/* plan_import.c: a JSON export into an empty organisation: checked whole first, then created item by item in one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plan_import.h"
#include "../lib/arena.h"
#include "../store/store.h"
#include "../lib/banned.h"

/* One item of the document: its id there, its id here once created, its place in the section. */
struct idpair {
	int64_t old_id, new_id;
	size_t idx;
};

/* The ids of one section, sorted by the document's id. */
struct idmap {
	struct idpair *p;
	size_t n;
};

struct imp {
	struct store_conn *c;
	struct arena *a;
	int64_t org, actor;
	struct plan_json_errors *errs;
	struct idmap contacts, roles, systems, processes, risks, backups, exercises;
	size_t created;
};

static int cmp_pair(const void *p, const void *q)
{
	int64_t a = ((const struct idpair *)p)->old_id, b = ((const struct idpair *)q)->old_id;

	return a < b ? -1 : a > b;
}

/* The map of a section whose items begin with their int64_t id (every id is unique: plan_doc_from_json checked). */
static enum kf_err idmap_init(struct imp *x, struct idmap *m, const void *items, size_t n, size_t size)
{
	m->n = 0;
	m->p = NULL;
	if (!n)
		return KF_OK;
	if (!(m->p = ARENA_NEW(x->a, struct idpair, n)))
		return KF_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		m->p[i].old_id = *(const int64_t *)((const char *)items + i * size);
		m->p[i].new_id = 0;
		m->p[i].idx = i;
	}
	m->n = n;
	qsort(m->p, n, sizeof(*m->p), cmp_pair);
	return KF_OK;
}

static struct idpair *idmap_find(const struct idmap *m, int64_t old_id)
{
	struct idpair key = { old_id, 0, 0 };

	return m->n ? bsearch(&key, m->p, m->n, sizeof(*m->p), cmp_pair) : NULL;
}

static void idmap_set(struct idmap *m, int64_t old_id, int64_t new_id)
{
	struct idpair *p = idmap_find(m, old_id);

	if (p)
		p->new_id = new_id;
}

/* The new id of a reference (0 stays 0: "nobody", "none"). */
static int64_t idmap_get(const struct idmap *m, int64_t old_id)
{
	const struct idpair *p = old_id ? idmap_find(m, old_id) : NULL;

	return p ? p->new_id : 0;
}

static void remap_all(const struct idmap *m, int64_t *ids, int n)
{
	for (int i = 0; i < n; i++)
		ids[i] = idmap_get(m, ids[i]);
}

/*
 * After one store write: KF_OK counts the item; KF_EINVAL names each field
 * error under the item's path (idx NO_INDEX: a single-item section); any
 * other failure is handed back. Every failure ends the import.
 */
#define NO_INDEX ((size_t)-1)
static enum kf_err stored(struct imp *x, const char *section, size_t idx, enum kf_err err, const struct field_errors *fe)
{
	char prefix[96], path[192];

	if (err == KF_OK) {
		x->created++;
		return KF_OK;
	}
	if (err != KF_EINVAL)
		return err;
	if (idx == NO_INDEX)
		snprintf(prefix, sizeof(prefix), "sections.%s", section);
	else
		snprintf(prefix, sizeof(prefix), "sections.%s[%zu]", section, idx);
	for (int i = 0; fe && i < fe->n; i++) {
		snprintf(path, sizeof(path), "%s.%s", prefix, fe->e[i].field);
		plan_json_error_add(x->errs, path, fe->e[i].msg, fe->e[i].arg);
	}
	if (!fe || !fe->n)
		plan_json_error_add(x->errs, prefix, N_("could not be stored"), NULL);
	return KF_EINVAL;
}

/* ---- the sections, in the order their references need */

static enum kf_err put_risk_settings(struct imp *x, const struct risk_settings *in)
{
	struct risk_settings s = *in, cur;
	struct field_errors fe = { 0 };
	size_t rescaled = 0;

	if (!in->id) /* never written there: the default stays */
		return KF_OK;
	return stored(x, "risk_settings", NO_INDEX,
		      store_risk_settings_put(x->c, x->a, x->org, x->actor, 0, &s, 0, &cur, &rescaled, &fe), &fe);
}

static enum kf_err add_contacts(struct imp *x, const struct plan_data *d)
{
	for (size_t i = 0; i < d->ncontacts; i++) {
		struct contact ct = d->contacts[i];
		enum kf_err err = stored(x, "contacts", i, store_contact_create(x->c, x->a, x->org, x->actor, &ct), NULL);

		if (err)
			return err;
		idmap_set(&x->contacts, d->contacts[i].id, ct.id);
	}
	return KF_OK;
}

static enum kf_err add_roles(struct imp *x, const struct plan_data *d)
{
	for (size_t i = 0; i < d->nroles; i++) {
		struct role r = d->roles[i];
		struct field_errors fe = { 0 };
		enum kf_err err;

		r.primary_contact_id = idmap_get(&x->contacts, r.primary_contact_id);
		remap_all(&x->contacts, r.deputy_contact_ids, r.ndeputies);
		if ((err = stored(x, "roles", i, store_role_create(x->c, x->a, x->org, x->actor, &r, &fe), &fe)))
			return err;
		idmap_set(&x->roles, d->roles[i].id, r.id);
	}
	return KF_OK;
}

/*
 * The systems in an order where every system comes after those it depends
 * on (Kahn's algorithm over the document's indices); a cycle names every
 * system on it, since the store would refuse the first of them anyway.
 */
static enum kf_err systems_in_order(struct imp *x, const struct plan_data *d, size_t **order_r)
{
	size_t n = d->nsystems, head = 0, tail = 0;
	size_t *order = ARENA_NEW(x->a, size_t, n ? n : 1);
	int *waiting = ARENA_NEW(x->a, int, n ? n : 1); /* dependencies not placed yet */
	int stuck = 0;

	if (!order || !waiting)
		return KF_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		waiting[i] = d->systems[i].ndeps;
		if (!waiting[i])
			order[tail++] = i;
	}
	while (head < tail) {
		int64_t placed = d->systems[order[head++]].id;

		/* every system that needs the one just placed waits for one fewer */
		for (size_t i = 0; i < n; i++)
			for (int j = 0; j < d->systems[i].ndeps; j++)
				if (d->systems[i].depends_on_ids[j] == placed && --waiting[i] == 0)
					order[tail++] = i;
	}
	for (size_t i = 0; tail < n && i < n; i++) {
		char path[192];

		if (waiting[i] <= 0)
			continue;
		snprintf(path, sizeof(path), "sections.systems[%zu].depends_on_ids", i);
		plan_json_error_add(x->errs, path, N_("forms a cycle: the systems depend on each other in a circle"), NULL);
		stuck = 1;
	}
	*order_r = order;
	return stuck ? KF_EINVAL : KF_OK;
}

static enum kf_err add_systems(struct imp *x, const struct plan_data *d)
{
	size_t *order;
	enum kf_err err = systems_in_order(x, d, &order);

	for (size_t k = 0; !err && k < d->nsystems; k++) {
		size_t i = order[k];
		struct system s = d->systems[i];
		struct field_errors fe = { 0 };

		s.owner_contact_id = idmap_get(&x->contacts, s.owner_contact_id);
		s.provider_contact_id = idmap_get(&x->contacts, s.provider_contact_id);
		remap_all(&x->systems, s.depends_on_ids, s.ndeps);
		err = stored(x, "systems", i, store_system_create(x->c, x->a, x->org, x->actor, &s, &fe), &fe);
		if (!err)
			idmap_set(&x->systems, d->systems[i].id, s.id);
	}
	return err;
}

static enum kf_err add_processes(struct imp *x, const struct plan_data *d)
{
	for (size_t i = 0; i < d->nprocesses; i++) {
		struct process p = d->processes[i];
		struct field_errors fe = { 0 };
		enum kf_err err;

		p.responsible_contact_id = idmap_get(&x->contacts, p.responsible_contact_id);
		remap_all(&x->systems, p.system_ids, p.nsystems);
		if ((err = stored(x, "processes", i, store_process_create(x->c, x->a, x->org, x->actor, &p, &fe), &fe)))
			return err;
		idmap_set(&x->processes, d->processes[i].id, p.id);
	}
	return KF_OK;
}

/* The id of the own category named name, created with the first risk that names it. */
static enum kf_err own_category(struct imp *x, size_t risk_idx, const char *name, int64_t *id_r)
{
	struct risk_owncat *list = NULL, cat;
	struct field_errors fe = { 0 };
	size_t n = 0;
	enum kf_err err = store_risk_owncat_list(x->c, x->a, x->org, &list, &n);

	for (size_t i = 0; !err && i < n; i++)
		if (strcmp(list[i].name, name) == 0) {
			*id_r = list[i].id;
			return KF_OK;
		}
	if (err)
		return err;
	memset(&cat, 0, sizeof(cat));
	cat.name = name;
	cat.description = "";
	err = store_risk_owncat_create(x->c, x->a, x->org, x->actor, &cat, &fe);
	if (err == KF_EINVAL) {
		char path[192];

		snprintf(path, sizeof(path), "sections.risks[%zu].category_name", risk_idx);
		plan_json_error_add(x->errs, path, fe.n ? fe.e[0].msg : N_("could not be stored"), fe.n ? fe.e[0].arg : NULL);
		return KF_EINVAL;
	}
	if (!err)
		*id_r = cat.id;
	return err;
}

static enum kf_err add_risks(struct imp *x, const struct plan_data *d)
{
	for (size_t i = 0; i < d->nrisks; i++) {
		struct risk k = d->risks[i];
		struct field_errors fe = { 0 };
		enum kf_err err = KF_OK;

		k.category_id = 0;
		if (k.category == RISK_CAT_OWN && (err = own_category(x, i, k.category_name, &k.category_id)))
			return err;
		k.owner_contact_id = idmap_get(&x->contacts, k.owner_contact_id);
		remap_all(&x->processes, k.process_ids, k.nprocesses);
		remap_all(&x->systems, k.system_ids, k.nsystems);
		if ((err = stored(x, "risks", i, store_risk_create(x->c, x->a, x->org, x->actor, &k, &fe), &fe)))
			return err;
		idmap_set(&x->risks, d->risks[i].id, k.id);
	}
	return KF_OK;
}

static enum kf_err add_alarm(struct imp *x, const struct plan_data *d, const struct alarm_step *steps, size_t nsteps)
{
	enum kf_err err;

	if (d->alarm_plan && d->alarm_plan->id) {
		struct alarm_plan p = *d->alarm_plan, cur;
		struct field_errors fe = { 0 };

		remap_all(&x->roles, p.declare_role_ids, p.ndeclare_roles);
		p.breach_report_role_id = idmap_get(&x->roles, p.breach_report_role_id);
		if ((err = stored(x, "alarm_plan", NO_INDEX,
				  store_alarm_plan_put(x->c, x->a, x->org, x->actor, 0, &p, &cur, &fe), &fe)))
			return err;
	}
	for (size_t i = 0; i < nsteps; i++) { /* in the chain's order, each at the end */
		struct alarm_step s = steps[i];
		struct field_errors fe = { 0 };

		s.position = 0;
		s.caller_role_id = idmap_get(&x->roles, s.caller_role_id);
		s.caller_contact_id = idmap_get(&x->contacts, s.caller_contact_id);
		s.callee_contact_id = idmap_get(&x->contacts, s.callee_contact_id);
		s.escalate_to_contact_id = idmap_get(&x->contacts, s.escalate_to_contact_id);
		if ((err = stored(x, "alarm_steps", i, store_alarm_step_create(x->c, x->a, x->org, x->actor, &s, &fe), &fe)))
			return err;
	}
	return KF_OK;
}

static enum kf_err add_backups(struct imp *x, const struct plan_data *d, const struct restore_test *tests, size_t ntests)
{
	enum kf_err err;

	for (size_t i = 0; i < d->nbackups; i++) {
		struct backup b = d->backups[i];
		struct field_errors fe = { 0 };

		b.responsible_contact_id = idmap_get(&x->contacts, b.responsible_contact_id);
		remap_all(&x->systems, b.system_ids, b.nsystems);
		if ((err = stored(x, "backups", i, store_backup_create(x->c, x->a, x->org, x->actor, &b, &fe), &fe)))
			return err;
		idmap_set(&x->backups, d->backups[i].id, b.id);
	}
	/* oldest first, so that each backup's tests keep their order of entry */
	for (size_t k = ntests; k-- > 0;) {
		struct restore_test t = tests[k];
		struct field_errors fe = { 0 };

		t.backup_id = idmap_get(&x->backups, t.backup_id);
		t.tested_by_contact_id = idmap_get(&x->contacts, t.tested_by_contact_id);
		if ((err = stored(x, "restore_tests", k, store_restore_test_create(x->c, x->a, x->org, x->actor, &t, &fe),
				  &fe)))
			return err;
	}
	return KF_OK;
}

static enum kf_err add_recovery(struct imp *x, const struct plan_data *d, const struct recovery_overrides *ov)
{
	enum kf_err err;

	for (size_t i = 0; i < d->nrunbooks; i++) {
		struct runbook rb = d->runbooks[i];
		struct field_errors fe = { 0 };

		rb.system_id = idmap_get(&x->systems, rb.system_id);
		rb.responsible_role_id = idmap_get(&x->roles, rb.responsible_role_id);
		if ((err = stored(x, "runbooks", i, store_runbook_create(x->c, x->a, x->org, x->actor, &rb, &fe), &fe)))
			return err;
	}
	if (ov && ov->id) {
		struct recovery_overrides o = *ov, cur;
		struct field_errors fe = { 0 };

		for (int j = 0; j < o.n; j++)
			o.items[j].system_id = idmap_get(&x->systems, o.items[j].system_id);
		if ((err = stored(x, "recovery_overrides", NO_INDEX,
				  store_recovery_overrides_put(x->c, x->a, x->org, x->actor, 0, &o, &cur, &fe), &fe)))
			return err;
	}
	for (size_t i = 0; i < d->nworkarounds; i++) {
		struct workaround w = d->workarounds[i];
		struct field_errors fe = { 0 };

		w.process_id = idmap_get(&x->processes, w.process_id);
		w.responsible_contact_id = idmap_get(&x->contacts, w.responsible_contact_id);
		if ((err = stored(x, "workarounds", i, store_workaround_create(x->c, x->a, x->org, x->actor, &w, &fe),
				  &fe)))
			return err;
	}
	return KF_OK;
}

static enum kf_err add_documents(struct imp *x, const struct plan_data *d)
{
	enum kf_err err;

	for (size_t i = 0; i < d->ncopies; i++) {
		struct plan_copy p = d->copies[i];
		struct field_errors fe = { 0 };

		p.holder_contact_id = idmap_get(&x->contacts, p.holder_contact_id);
		if ((err = stored(x, "plan_copies", i, store_plan_copy_create(x->c, x->a, x->org, x->actor, &p, &fe), &fe)))
			return err;
	}
	for (size_t i = 0; i < d->nacks; i++) {
		struct acknowledgement k = d->acks[i];
		struct field_errors fe = { 0 };

		k.contact_id = idmap_get(&x->contacts, k.contact_id);
		if ((err = stored(x, "acknowledgements", i, store_ack_create(x->c, x->a, x->org, x->actor, &k, &fe), &fe)))
			return err;
	}
	for (size_t i = 0; i < d->ntemplates; i++) {
		struct comm_template t = d->templates[i];

		if ((err = stored(x, "comm_templates", i, store_comm_template_create(x->c, x->a, x->org, x->actor, &t), NULL)))
			return err;
	}
	return KF_OK;
}

static enum kf_err add_exercises(struct imp *x, const struct plan_data *d)
{
	enum kf_err err;

	for (size_t i = 0; i < d->nexercises; i++) {
		struct exercise e = d->exercises[i];
		struct field_errors fe = { 0 };

		e.scenario_risk_id = idmap_get(&x->risks, e.scenario_risk_id);
		remap_all(&x->contacts, e.participant_ids, e.nparticipants);
		remap_all(&x->contacts, e.observer_ids, e.nobservers);
		if ((err = stored(x, "exercises", i, store_exercise_create(x->c, x->a, x->org, x->actor, &e, &fe), &fe)))
			return err;
		idmap_set(&x->exercises, d->exercises[i].id, e.id);
	}
	for (size_t i = 0; i < d->nfindings; i++) {
		struct finding f = d->findings[i];
		struct field_errors fe = { 0 };

		f.exercise_id = idmap_get(&x->exercises, f.exercise_id);
		f.responsible_contact_id = idmap_get(&x->contacts, f.responsible_contact_id);
		if ((err = stored(x, "findings", i, store_finding_create(x->c, x->a, x->org, x->actor, &f, &fe), &fe)))
			return err;
	}
	if (d->review && d->review->id) {
		struct plan_review p = *d->review, cur;
		struct field_errors fe = { 0 };

		p.reviewer_contact_id = idmap_get(&x->contacts, p.reviewer_contact_id);
		if ((err = stored(x, "review", NO_INDEX, store_review_put(x->c, x->a, x->org, x->actor, 0, &p, &cur, &fe),
				  &fe)))
			return err;
	}
	return KF_OK;
}

/* The number of items an import of doc creates (the settings only when they had been written). */
static size_t doc_items(const struct plan_doc *doc)
{
	const struct plan_data *d = &doc->d;

	return d->ncontacts + d->nroles + d->nsystems + d->nprocesses + d->nrisks + doc->nsteps + d->nbackups +
	       doc->nrestore_tests + d->nrunbooks + d->nworkarounds + d->ncopies + d->nacks + d->ntemplates +
	       d->nexercises + d->nfindings + (d->alarm_plan && d->alarm_plan->id) + (d->review && d->review->id) +
	       (doc->overrides->id != 0) + (doc->risk_settings->id != 0);
}

enum kf_err plan_import_check(const json_t *in, struct arena *a, const char *today, struct plan_json_errors *errs,
			      size_t *items_r)
{
	struct imp x = { .a = a, .errs = errs };
	struct plan_doc doc;
	size_t *order;
	enum kf_err err;

	*items_r = 0;
	memset(&doc, 0, sizeof(doc));
	if ((err = plan_doc_from_json(in, a, today, &doc, errs)) || (err = systems_in_order(&x, &doc.d, &order)))
		return err;
	*items_r = doc_items(&doc);
	return KF_OK;
}

int plan_import_data_is_empty(const struct plan_data *d)
{
	return !d->nrisks && !d->nprocesses && !d->nsystems && !d->ncontacts && !d->nroles && !d->nalarm_steps &&
	       !d->nbackups && !d->nrunbooks && !d->nworkarounds && !d->ncopies && !d->nacks && !d->ntemplates &&
	       !d->nexercises && !d->nfindings && (!d->alarm_plan || !d->alarm_plan->id) && (!d->review || !d->review->id);
}

int plan_import_doc_is_empty(struct store_conn *c, struct arena *a, const struct plan_doc *doc)
{
	struct risk_owncat *cats = NULL;
	size_t ncats = 0;

	if (!plan_import_data_is_empty(&doc->d) || doc->nsteps || doc->nrestore_tests || doc->overrides->id ||
	    doc->risk_settings->id)
		return 0;
	if (store_risk_owncat_list(c, a, doc->org_id, &cats, &ncats))
		return -1;
	return !ncats;
}

int plan_import_org_is_empty(struct store_conn *c, struct arena *a, int64_t org)
{
	struct plan_doc doc;

	if (plan_doc_load_working(c, a, org, NULL, &doc))
		return -1;
	return plan_import_doc_is_empty(c, a, &doc);
}

enum kf_err plan_import(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const json_t *in,
			const char *today, struct plan_json_errors *errs, size_t *items_r)
{
	struct imp x = { .c = c, .a = a, .org = org, .actor = actor, .errs = errs };
	struct plan_doc doc;
	const struct plan_data *d = &doc.d;
	enum kf_err err;
	int empty;

	*items_r = 0;
	memset(&doc, 0, sizeof(doc));
	if ((err = plan_doc_from_json(in, a, today, &doc, errs)))
		return err;
	if ((err = idmap_init(&x, &x.contacts, d->contacts, d->ncontacts, sizeof(*d->contacts))) ||
	    (err = idmap_init(&x, &x.roles, d->roles, d->nroles, sizeof(*d->roles))) ||
	    (err = idmap_init(&x, &x.systems, d->systems, d->nsystems, sizeof(*d->systems))) ||
	    (err = idmap_init(&x, &x.processes, d->processes, d->nprocesses, sizeof(*d->processes))) ||
	    (err = idmap_init(&x, &x.risks, d->risks, d->nrisks, sizeof(*d->risks))) ||
	    (err = idmap_init(&x, &x.backups, d->backups, d->nbackups, sizeof(*d->backups))) ||
	    (err = idmap_init(&x, &x.exercises, d->exercises, d->nexercises, sizeof(*d->exercises))))
		return err;
	if ((err = store_batch_begin(c)))
		return err;
	/* inside the transaction: nobody else fills the organisation between the look and the writes */
	empty = plan_import_org_is_empty(c, a, org);
	if (empty <= 0) {
		store_batch_rollback(c);
		return empty < 0 ? KF_EDB : KF_EEXIST;
	}
	if ((err = put_risk_settings(&x, doc.risk_settings)) || (err = add_contacts(&x, d)) ||
	    (err = add_roles(&x, d)) || (err = add_systems(&x, d)) || (err = add_processes(&x, d)) ||
	    (err = add_risks(&x, d)) || (err = add_alarm(&x, d, doc.steps, doc.nsteps)) ||
	    (err = add_backups(&x, d, doc.restore_tests, doc.nrestore_tests)) ||
	    (err = add_recovery(&x, d, doc.overrides)) || (err = add_documents(&x, d)) ||
	    (err = add_exercises(&x, d))) {
		store_batch_rollback(c);
		return err;
	}
	if ((err = store_batch_commit(c)))
		return err;
	*items_r = x.created;
	return KF_OK;
}
