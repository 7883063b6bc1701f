/* api_runbooks.c: step 3: /runbooks and /workarounds (shared resource handlers), /recovery-order and /recovery-overrides. */
#include <stddef.h>
#include <string.h>

#include "../core/bia.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "../web/markdown.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

/* The safe HTML of a Markdown text as a JSON string (empty when it cannot be rendered). */
static json_t *md_html(const char *src)
{
	struct strbuf sb;
	json_t *s;

	sb_init(&sb, 1024 * 1024);
	if (markdown_render(&sb, src, strlen(src)) < 0)
		sb_reset(&sb);
	s = json_string(sb.buf);
	sb_release(&sb);
	return s;
}

/* ---------------------------------------------------------------- runbooks */

static enum kf_err runbook_list(struct req *r, void **items_r, size_t *n_r)
{
	return store_runbook_list(r->db, r->arena, r->org.id, (struct runbook **)items_r, n_r);
}

static void runbook_input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	runbook_from_json(item, r->arena, body, partial, fe);
	runbook_validate(item, fe);
	if (fe->n) /* name unknown references together with the other mistakes */
		store_runbook_check_refs(r->db, item, r->org.id, fe);
}

/* The runbook with "html": the Markdown texts rendered safely (read-only, ignored on input). */
static json_t *runbook_json(const void *item)
{
	const struct runbook *rb = item;
	json_t *obj = runbook_to_json(rb), *steps = json_array();

	if (!obj || !steps) {
		json_decref(obj);
		json_decref(steps);
		return NULL;
	}
	for (int i = 0; i < rb->nsteps; i++)
		json_array_append_new(steps, md_html(rb->steps[i].text));
	json_object_set_new(obj, "html", json_pack("{s:o, s:o, s:o}", "prerequisites", md_html(rb->prerequisites),
						   "steps", steps, "checks", md_html(rb->checks)));
	return obj;
}

static const struct api_resource runbooks = {
	.path = "runbooks",
	.item = &store_item_runbook,
	.list = runbook_list,
	.input = runbook_input,
	.to_json = runbook_json,
	.in_use_msgid = NULL,
};

void api_runbook_list(struct req *r) { api_res_list(r, &runbooks); }
void api_runbook_get(struct req *r) { api_res_get(r, &runbooks); }
void api_runbook_create(struct req *r) { api_res_create(r, &runbooks); }
void api_runbook_put(struct req *r) { api_res_change(r, &runbooks, 0); }
void api_runbook_patch(struct req *r) { api_res_change(r, &runbooks, 1); }
void api_runbook_delete(struct req *r) { api_res_delete(r, &runbooks); }

/* ---------------------------------------------------------------- workarounds */

static enum kf_err workaround_list(struct req *r, void **items_r, size_t *n_r)
{
	return store_workaround_list(r->db, r->arena, r->org.id, (struct workaround **)items_r, n_r);
}

static void workaround_input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	workaround_from_json(item, r->arena, body, partial, fe);
	workaround_validate(item, r->arena, fe);
	if (fe->n)
		store_workaround_check_refs(r->db, item, r->org.id, fe);
}

static json_t *workaround_json(const void *item)
{
	const struct workaround *w = item;
	json_t *obj = workaround_to_json(w);

	if (obj)
		json_object_set_new(obj, "html", json_pack("{s:o, s:o}", "procedure", md_html(w->procedure),
							   "preparation", md_html(w->preparation)));
	return obj;
}

static const struct api_resource workarounds = {
	.path = "workarounds",
	.item = &store_item_workaround,
	.list = workaround_list,
	.input = workaround_input,
	.to_json = workaround_json,
	.in_use_msgid = NULL,
};

void api_workaround_list(struct req *r) { api_res_list(r, &workarounds); }
void api_workaround_get(struct req *r) { api_res_get(r, &workarounds); }
void api_workaround_create(struct req *r) { api_res_create(r, &workarounds); }
void api_workaround_put(struct req *r) { api_res_change(r, &workarounds, 0); }
void api_workaround_patch(struct req *r) { api_res_change(r, &workarounds, 1); }
void api_workaround_delete(struct req *r) { api_res_delete(r, &workarounds); }

/* ---------------------------------------------------------------- recovery order and overrides */

/* The translated sentence of a problem with the other system's name in place of its %s. */
static json_t *problem_text(struct req *r, const struct recovery_warning *w)
{
	const char *msg = _(r->lang, recovery_problem_msgid(w->problem)), *pct = strstr(msg, "%s");
	struct strbuf sb;
	json_t *s;

	if (!pct)
		return json_string(msg);
	sb_init(&sb, 4096);
	sb_add(&sb, msg, (size_t)(pct - msg));
	sb_adds(&sb, w->other ? w->other->name : "?");
	sb_adds(&sb, pct + 2);
	s = json_string(sb.failed ? msg : sb.buf);
	sb_release(&sb);
	return s;
}

static json_t *warnings_json(struct req *r, const struct recovery_result *res)
{
	json_t *arr = json_array();

	for (int i = 0; arr && i < res->nwarnings; i++) {
		const struct recovery_warning *w = &res->warnings[i];

		json_array_append_new(arr, json_pack("{s:I, s:s, s:I, s:s, s:s, s:o, s:o}", "system_id",
						     (json_int_t)w->system->id, "name", w->system->name, "position",
						     (json_int_t)w->override->position, "reason", w->override->reason,
						     "problem", recovery_problem_name(w->problem), "other_system_id",
						     w->other ? json_integer(w->other->id) : json_null(), "message",
						     problem_text(r, w)));
	}
	return arr;
}

void api_recovery_order(struct req *r)
{
	struct recovery_overrides *ov;
	struct recovery_result res;
	struct runbook *rbs;
	size_t nrb;
	enum kf_err err;
	json_t *items;

	err = store_recovery_order(r->db, r->arena, r->org.id, &res, &ov);
	if (!err)
		err = store_runbook_list(r->db, r->arena, r->org.id, &rbs, &nrb);
	if (err) {
		api_store_error(r, err);
		return;
	}
	items = json_array();
	for (size_t i = 0; items && i < res.n; i++) {
		const struct recovery_entry *e = &res.entries[i];
		int64_t runbook_id = 0;

		for (size_t k = 0; k < nrb; k++)
			if (rbs[k].system_id == e->system->id)
				runbook_id = rbs[k].id;
		json_array_append_new(items, json_pack("{s:i, s:i, s:I, s:s, s:s, s:o, s:I, s:o, s:o}", "position",
						       e->position, "computed_position", e->computed_position,
						       "system_id", (json_int_t)e->system->id, "name", e->system->name,
						       "type", system_type_name(e->system->type), "required_rto_hours",
						       bia_json_opt(e->system->required_rto_hours), "cost_per_day",
						       (json_int_t)e->system->cost_per_day, "override_reason",
						       e->override ? json_string(e->override->reason) : json_null(),
						       "runbook_id", runbook_id ? json_integer(runbook_id) : json_null()));
	}
	api_json(r, 200, json_pack("{s:I, s:o, s:o}", "overrides_version", (json_int_t)ov->version, "items", items,
				   "warnings", warnings_json(r, &res)));
}

/* The overrides, each with "applied" (false: the order could not keep it, see /recovery-order's warnings). */
static json_t *overrides_json(struct req *r, const struct recovery_overrides *o)
{
	struct recovery_result res;
	struct system *systems;
	json_t *obj, *items;
	size_t n;

	obj = recovery_overrides_to_json(o);
	if (!obj)
		return NULL;
	if (store_system_list(r->db, r->arena, r->org.id, &systems, &n) != KF_OK ||
	    recovery_order(r->arena, systems, n, o->items, o->n, &res) < 0)
		return obj;
	items = json_object_get(obj, "overrides");
	for (int i = 0; i < o->n; i++) {
		int applied = 1;

		for (int k = 0; k < res.nwarnings; k++)
			if (res.warnings[k].override == &o->items[i])
				applied = 0;
		json_object_set_new(json_array_get(items, (size_t)i), "applied", json_boolean(applied));
	}
	return obj;
}

void api_recovery_overrides_get(struct req *r)
{
	struct recovery_overrides *o = ARENA_NEW(r->arena, struct recovery_overrides, 1);
	enum kf_err err;

	if (!o) {
		api_store_error(r, KF_ENOMEM);
		return;
	}
	err = store_recovery_overrides_get(r->db, r->arena, r->org.id, o);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, o->version);
	api_json(r, 200, overrides_json(r, o));
}

/* PUT: the whole list; If-Match "0" before the first write, later the current version. */
void api_recovery_overrides_put(struct req *r)
{
	struct recovery_overrides *o = ARENA_NEW(r->arena, struct recovery_overrides, 1),
				  *cur = ARENA_NEW(r->arena, struct recovery_overrides, 1);
	struct field_errors fe = { 0 };
	int64_t version;
	enum kf_err err;
	json_t *body;

	if (!o || !cur) {
		api_store_error(r, KF_ENOMEM);
		return;
	}
	version = api_if_match(r);
	if (version < 0)
		return;
	err = store_recovery_overrides_get(r->db, r->arena, r->org.id, cur);
	if (err) {
		api_store_error(r, err);
		return;
	}
	/* a stale version is refused before the body is even looked at */
	if (cur->version != version) {
		api_conflict(r, recovery_overrides_to_json(cur));
		return;
	}
	body = api_body_object(r);
	if (!body)
		return;
	recovery_overrides_from_json(o, r->arena, body, &fe);
	json_decref(body);
	if (fe.n) { /* name every mistake at once, the rules that need the database too */
		store_recovery_overrides_check(r->db, r->arena, o, r->org.id, 0, &fe);
		api_error_fields(r, &fe);
		return;
	}
	err = store_recovery_overrides_put(r->db, r->arena, r->org.id, r->user.id, version, o, cur, &fe);
	if (err == KF_ECONFLICT) {
		api_conflict(r, recovery_overrides_to_json(cur));
		return;
	}
	if (err == KF_EINVAL) {
		api_error_fields(r, &fe);
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, o->version);
	api_json(r, 200, overrides_json(r, o));
}
