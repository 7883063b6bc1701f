/* api_exercises.c: /exercises and their /findings (shared resource handlers), and /review (one item per organisation). */
#include <stddef.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

/* ---------------------------------------------------------------- exercises */

static enum kf_err ex_list(struct req *r, void **items_r, size_t *n_r)
{
	return store_exercise_list(r->db, r->arena, r->org.id, (struct exercise **)items_r, n_r);
}

static void ex_input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	char today[11];

	kf_date_iso(kf_now(), today);
	exercise_from_json(item, r->arena, body, partial, fe);
	exercise_validate(item, r->arena, today, fe);
	/* name every bad field at once, the unknown scenario and people too */
	if (fe->n)
		store_exercise_check_refs(r->db, item, r->org.id, fe);
}

static json_t *ex_to_json(const void *item)
{
	return exercise_to_json(item);
}

static const struct api_resource exercises = {
	.path = "exercises",
	.item = &store_item_exercise,
	.list = ex_list,
	.input = ex_input,
	.to_json = ex_to_json,
	.in_use_msgid = N_("This exercise still has open findings. Mark them done or delete them first."),
};

void api_exercise_list(struct req *r) { api_res_list(r, &exercises); }
void api_exercise_get(struct req *r) { api_res_get(r, &exercises); }
void api_exercise_create(struct req *r) { api_res_create(r, &exercises); }
void api_exercise_put(struct req *r) { api_res_change(r, &exercises, 0); }
void api_exercise_patch(struct req *r) { api_res_change(r, &exercises, 1); }
void api_exercise_delete(struct req *r) { api_res_delete(r, &exercises); }

/* ---------------------------------------------------------------- findings */

/* Under /exercises/{id}/findings the path id is the exercise's. */
static enum kf_err fi_list(struct req *r, void **items_r, size_t *n_r)
{
	return store_finding_list(r->db, r->arena, r->org.id, r->id, (struct finding **)items_r, n_r);
}

static void fi_input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	finding_from_json(item, r->arena, body, partial, fe);
	finding_validate(item, r->arena, fe);
	if (fe->n)
		store_finding_check_refs(r->db, item, r->org.id, fe);
}

/* POST /exercises/{id}/findings: the address names the exercise */
static void fi_placed(struct req *r, void *item)
{
	((struct finding *)item)->exercise_id = r->id;
}

static json_t *fi_to_json(const void *item)
{
	return finding_to_json(item);
}

static const struct api_resource findings = {
	.path = "findings",
	.item = &store_item_finding,
	.list = fi_list,
	.input = fi_input,
	.placed = fi_placed,
	.to_json = fi_to_json,
};

void api_finding_list(struct req *r) { api_res_list(r, &findings); }
void api_finding_get(struct req *r) { api_res_get(r, &findings); }
void api_finding_create(struct req *r) { api_res_create(r, &findings); }
void api_finding_put(struct req *r) { api_res_change(r, &findings, 0); }
void api_finding_patch(struct req *r) { api_res_change(r, &findings, 1); }
void api_finding_delete(struct req *r) { api_res_delete(r, &findings); }

/* ---------------------------------------------------------------- review cycle */

void api_review_get(struct req *r)
{
	struct plan_review p;
	enum kf_err err;
	char today[11];

	kf_date_iso(kf_now(), today);
	err = store_review_get(r->db, r->arena, r->org.id, &p);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, p.version);
	api_json(r, 200, review_to_json(&p, today));
}

/* PUT: a full replace; If-Match "0" creates the settings, later the current version. */
void api_review_put(struct req *r)
{
	struct field_errors fe = { 0 };
	struct plan_review p, current;
	int64_t version;
	enum kf_err err;
	char today[11];
	json_t *body;

	kf_date_iso(kf_now(), today);
	version = api_if_match(r);
	if (version < 0)
		return;
	err = store_review_get(r->db, r->arena, r->org.id, &p);
	if (err) {
		api_store_error(r, err);
		return;
	}
	/* a stale version is refused before the body is even looked at */
	if (p.version != version) {
		api_conflict(r, review_to_json(&p, today));
		return;
	}
	body = api_body_object(r);
	if (!body)
		return;
	review_from_json(&p, r->arena, body, &fe);
	json_decref(body);
	review_validate(&p, today, &fe);
	if (fe.n) {
		store_review_check_refs(r->db, &p, r->org.id, &fe);
		api_error_fields(r, &fe);
		return;
	}
	err = store_review_put(r->db, r->arena, r->org.id, r->user.id, version, &p, &current, &fe);
	if (err == KF_ECONFLICT) {
		api_conflict(r, review_to_json(&current, today));
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
	api_etag(r, p.version);
	api_json(r, 200, review_to_json(&p, today));
}
