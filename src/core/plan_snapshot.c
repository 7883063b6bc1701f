/* plan_snapshot.c: the whole plan as one JSON snapshot (from plan_data), the comparison of two snapshots, plan versions. */
#include <stdlib.h>
#include <string.h>

#include "plan_snapshot.h"
#include "recovery_order.h" /* exports */
#include "restore_test.h"   /* exports */
#include "risk_scale.h"     /* exports */
#include "validate.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../lib/banned.h"

#define SNAPSHOT_FORMAT 1

/* Appends fn(items[i]) for each item to a new array under key; -1 when out of memory. */
#define ADD_LIST(obj, key, items, n, fn)                                                         \
	do {                                                                                     \
		json_t *arr_ = json_array();                                                     \
		if (!arr_ || json_object_set_new((obj), (key), arr_) < 0)                        \
			goto oom;                                                                \
		for (size_t i_ = 0; i_ < (n); i_++)                                              \
			if (json_array_append_new(arr_, fn(&(items)[i_])) < 0)                   \
				goto oom;                                                        \
	} while (0)

json_t *plan_snapshot_json(const struct plan_data *d, const struct alarm_step *steps, size_t nsteps)
{
	return plan_snapshot_json_full(d, steps, nsteps, NULL);
}

json_t *plan_snapshot_json_full(const struct plan_data *d, const struct alarm_step *steps, size_t nsteps,
				const struct plan_snapshot_extra *x)
{
	json_t *root = json_object(), *s = json_object();

	if (!root || !s || json_object_set_new(root, "sections", s) < 0) {
		json_decref(s);
		goto oom;
	}
	if (json_object_set_new(root, "format", json_integer(SNAPSHOT_FORMAT)) < 0)
		goto oom;
	ADD_LIST(s, "risks", d->risks, d->nrisks, risk_to_json);
	ADD_LIST(s, "processes", d->processes, d->nprocesses, process_to_json);
	ADD_LIST(s, "systems", d->systems, d->nsystems, system_to_json);
	ADD_LIST(s, "contacts", d->contacts, d->ncontacts, contact_to_json);
	ADD_LIST(s, "roles", d->roles, d->nroles, role_to_json);
	ADD_LIST(s, "alarm_steps", steps, nsteps, alarm_step_to_json);
	if (d->alarm_plan && json_object_set_new(s, "alarm_plan", alarm_plan_to_json(d->alarm_plan)) < 0)
		goto oom;
	ADD_LIST(s, "backups", d->backups, d->nbackups, backup_to_json);
	ADD_LIST(s, "runbooks", d->runbooks, d->nrunbooks, runbook_to_json);
	ADD_LIST(s, "workarounds", d->workarounds, d->nworkarounds, workaround_to_json); /* exports */
	if (x) { /* exports */
		ADD_LIST(s, "restore_tests", x->restore_tests, x->nrestore_tests, restore_test_to_json);
		if (x->overrides &&
		    json_object_set_new(s, "recovery_overrides", recovery_overrides_to_json(x->overrides)) < 0)
			goto oom;
		if (x->risk_settings && json_object_set_new(s, "risk_settings", risk_settings_to_json(x->risk_settings)) < 0)
			goto oom;
	}
	ADD_LIST(s, "plan_copies", d->copies, d->ncopies, plan_copy_to_json);
	ADD_LIST(s, "acknowledgements", d->acks, d->nacks, ack_to_json);
	ADD_LIST(s, "comm_templates", d->templates, d->ntemplates, comm_template_to_json);
	ADD_LIST(s, "exercises", d->exercises, d->nexercises, exercise_to_json);
	ADD_LIST(s, "findings", d->findings, d->nfindings, finding_to_json);
	if (d->review && json_object_set_new(s, "review", review_to_json(d->review, d->today ? d->today : "")) < 0)
		goto oom;
	return root;
oom:
	json_decref(root);
	return NULL;
}

/* The sections in the order they are compared and shown; the single items have no list. */
static const struct {
	const char *name;
	const char *label;
} sections[] = {
	{ "risks", N_("Risks") },
	{ "processes", N_("Business processes") },
	{ "systems", N_("IT systems") },
	{ "contacts", N_("Contacts") },
	{ "roles", N_("Roles") },
	{ "alarm_steps", N_("Alarm chain") },
	{ "alarm_plan", N_("Alarm chain settings") },
	{ "backups", N_("Backups") },
	{ "runbooks", N_("Runbooks") },
	{ "workarounds", N_("Workarounds") },             /* exports */
	{ "restore_tests", N_("Restore tests") },         /* exports */
	{ "recovery_overrides", N_("Recovery order") },   /* exports */
	{ "risk_settings", N_("Risk scale") },            /* exports */
	{ "plan_copies", N_("Copies of the plan") },
	{ "acknowledgements", N_("Acknowledgements") },
	{ "comm_templates", N_("Communication templates") },
	{ "exercises", N_("Exercises") },
	{ "findings", N_("Open findings") },
	{ "review", N_("Plan review") },
};

const char *plan_snapshot_section_label(const char *section)
{
	for (size_t i = 0; i < sizeof(sections) / sizeof(sections[0]); i++)
		if (strcmp(sections[i].name, section) == 0)
			return sections[i].label;
	return section;
}

/* Bookkeeping and computed fields: they change without anyone changing the item. */
int plan_snapshot_field_ignored(const char *key)
{
	static const char *const ignored[] = { "version", "created_at", "updated_at", "plan_changed_at", "stale",
					       "checks", "next_review_date", "overdue", "open_findings" };

	for (size_t i = 0; i < sizeof(ignored) / sizeof(ignored[0]); i++)
		if (strcmp(key, ignored[i]) == 0)
			return 1;
	return 0;
}

static const char *item_name(const json_t *item)
{
	static const char *const keys[] = { "name", "title", "location", "person_name", "description" };

	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		const char *v = json_string_value(json_object_get(item, keys[i]));

		if (v && *v)
			return v;
	}
	return "";
}

static const json_t *find_by_id(const json_t *arr, json_int_t id)
{
	size_t i;
	json_t *it;

	json_array_foreach(arr, i, it) {
		if (json_integer_value(json_object_get(it, "id")) == id)
			return it;
	}
	return NULL;
}

struct diff_list {
	struct arena *a;
	struct plan_diff *items;
	size_t n, cap;
};

static struct plan_diff *diff_add(struct diff_list *l, enum plan_diff_kind kind, const char *section, int64_t id,
				  const json_t *item)
{
	struct plan_diff *d;

	l->items = arena_array_grow(l->a, l->items, l->n, &l->cap, sizeof(*l->items));
	if (!l->items)
		return NULL;
	d = &l->items[l->n++];
	memset(d, 0, sizeof(*d));
	d->kind = kind;
	d->section = section;
	d->id = id;
	d->name = item_name(item);
	return d;
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Records a change of one item when any compared field differs. */
static int diff_item(struct diff_list *l, const char *section, int64_t id, const json_t *old, const json_t *new)
{
	const char **fields = NULL;
	size_t n = 0, cap = 0;
	const char *key;
	json_t *v;
	struct plan_diff *d;

	json_object_foreach((json_t *)new, key, v) {
		if (plan_snapshot_field_ignored(key) || json_equal(v, json_object_get(old, key)))
			continue;
		if (!(fields = arena_array_grow(l->a, fields, n, &cap, sizeof(*fields))))
			return -1;
		fields[n++] = key;
	}
	json_object_foreach((json_t *)old, key, v) {
		if (plan_snapshot_field_ignored(key) || json_object_get(new, key))
			continue;
		if (!(fields = arena_array_grow(l->a, fields, n, &cap, sizeof(*fields))))
			return -1;
		fields[n++] = key;
	}
	if (!n)
		return 0;
	qsort(fields, n, sizeof(*fields), cmp_str);
	if (!(d = diff_add(l, PLAN_DIFF_CHANGED, section, id, new)))
		return -1;
	d->fields = fields;
	d->nfields = n;
	return 0;
}

int plan_snapshot_compare(const json_t *from, const json_t *to, struct arena *a, struct plan_diff **diffs_r,
			  size_t *n_r)
{
	struct diff_list l = { .a = a };
	const json_t *fs = json_object_get(from, "sections"), *ts = json_object_get(to, "sections");

	for (size_t s = 0; s < sizeof(sections) / sizeof(sections[0]); s++) {
		const char *name = sections[s].name;
		const json_t *fa = json_object_get(fs, name), *ta = json_object_get(ts, name);
		size_t i;
		json_t *it;

		if (json_is_object(fa) || json_is_object(ta)) {
			json_t *empty = NULL;
			int rc;

			if (!fa || !ta)
				empty = json_object();
			if (!empty && (!fa || !ta))
				return -1;
			rc = diff_item(&l, name, 0, fa ? fa : empty, ta ? ta : empty);
			json_decref(empty);
			if (rc < 0)
				return -1;
			continue;
		}
		json_array_foreach(ta, i, it) {
			json_int_t id = json_integer_value(json_object_get(it, "id"));
			const json_t *old = find_by_id(fa, id);

			if (!old) {
				if (!diff_add(&l, PLAN_DIFF_ADDED, name, id, it))
					return -1;
			} else if (diff_item(&l, name, id, old, it) < 0) {
				return -1;
			}
		}
		json_array_foreach(fa, i, it) {
			json_int_t id = json_integer_value(json_object_get(it, "id"));

			if (!find_by_id(ta, id) && !diff_add(&l, PLAN_DIFF_REMOVED, name, id, it))
				return -1;
		}
	}
	*diffs_r = l.items;
	*n_r = l.n;
	return 0;
}

const char *plan_diff_kind_name(enum plan_diff_kind k)
{
	static const char *const names[] = { "added", "removed", "changed" };

	return names[k];
}

json_t *plan_diff_to_json(const struct plan_diff *d, size_t n)
{
	size_t counts[3] = { 0 };
	json_t *items = json_array(), *out;

	if (!items)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		json_t *fields = json_array(), *it;

		counts[d[i].kind]++;
		for (size_t f = 0; fields && f < d[i].nfields; f++)
			json_array_append_new(fields, json_string(d[i].fields[f]));
		it = json_pack("{s:s, s:s, s:o, s:s, s:o}", "kind", plan_diff_kind_name(d[i].kind), "section",
			       d[i].section, "id", d[i].id ? json_integer(d[i].id) : json_null(), "name", d[i].name,
			       "fields", fields ? fields : json_null());
		if (!it || json_array_append_new(items, it) < 0) {
			json_decref(items);
			return NULL;
		}
	}
	out = json_pack("{s:I, s:I, s:I, s:o}", "added", (json_int_t)counts[PLAN_DIFF_ADDED], "removed",
			(json_int_t)counts[PLAN_DIFF_REMOVED], "changed", (json_int_t)counts[PLAN_DIFF_CHANGED], "items",
			items);
	return out;
}

static const char *const status_names[] = { "submitted", "approved", "returned" };

const char *plan_version_status_name(enum plan_version_status s)
{
	return status_names[s];
}

const char *plan_version_status_label(enum plan_version_status s)
{
	static const char *const labels[] = { N_("Waiting for approval"), N_("Approved"), N_("Returned") };

	return labels[s];
}

int plan_version_status_parse(const char *s, enum plan_version_status *s_r)
{
	for (size_t i = 0; i < sizeof(status_names) / sizeof(status_names[0]); i++)
		if (s && strcmp(s, status_names[i]) == 0) {
			*s_r = (enum plan_version_status)i;
			return 0;
		}
	return -1;
}

static json_t *time_or_null(int64_t t)
{
	char buf[21];

	if (!t)
		return json_null();
	kf_time_iso(t, buf);
	return json_string(buf);
}

static json_t *user_or_null(int64_t id, const char *name)
{
	if (!id)
		return json_null();
	return json_pack("{s:I, s:s}", "id", (json_int_t)id, "name", name ? name : "");
}

json_t *plan_version_to_json(const struct plan_version *v, int with_snapshot)
{
	json_t *j;
	int approved = v->status == PLAN_VERSION_APPROVED, returned = v->status == PLAN_VERSION_RETURNED;

	j = json_pack("{s:I, s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:s}", "number", (json_int_t)v->number,
		      "version", (json_int_t)v->version, "status", plan_version_status_name(v->status), "note",
		      v->note ? v->note : "", "submitted_by", user_or_null(v->submitted_by, v->submitted_by_name),
		      "submitted_at", time_or_null(v->submitted_at), "approved_by",
		      approved ? user_or_null(v->decided_by, v->decided_by_name) : json_null(), "approved_at",
		      approved ? time_or_null(v->decided_at) : json_null(), "returned_by",
		      returned ? user_or_null(v->decided_by, v->decided_by_name) : json_null(), "returned_at",
		      returned ? time_or_null(v->decided_at) : json_null(), "comment", v->comment ? v->comment : "");
	if (j && with_snapshot) {
		json_t *snap = v->snapshot ? json_loads(v->snapshot, 0, NULL) : NULL;

		if (json_object_set_new(j, "snapshot", snap ? snap : json_null()) < 0) {
			json_decref(j);
			return NULL;
		}
	}
	return j;
}

int plan_version_note_input(struct field_errors *fe, const char *field, struct arena *a, const char *s, int required,
			    const char **out_r)
{
	size_t b = 0, e;
	char *t;

	s = s ? s : "";
	if (validate_multiline(fe, field, s, PLAN_VERSION_NOTE_MAX) < 0)
		return -1;
	e = strlen(s);
	while (b < e && strchr(" \t\r\n", s[b]))
		b++;
	while (e > b && strchr(" \t\r\n", s[e - 1]))
		e--;
	if (required && b == e) {
		fe_add(fe, field, N_("must not be empty"));
		return -1;
	}
	if (!(t = arena_alloc(a, e - b + 1)))
		return -1;
	memcpy(t, s + b, e - b);
	t[e - b] = '\0';
	*out_r = t;
	return 0;
}
