/* api_alarm.c: /api/v1/orgs/{org}/alarm-steps (shared resource handlers) and /alarm-plan (one item per organisation). */
#include <stddef.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

static enum kf_err list(struct req *r, void **items_r, size_t *n_r)
{
	return store_alarm_step_list(r->db, r->arena, r->org.id, (struct alarm_step **)items_r, n_r);
}

static void input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	alarm_step_from_json(item, r->arena, body, partial, fe);
	alarm_step_validate(item, fe);
	/* name every bad field at once, the unknown people and roles too */
	if (fe->n)
		store_alarm_step_check_refs(r->db, item, r->org.id, fe);
}

static json_t *to_json(const void *item)
{
	return alarm_step_to_json(item);
}

static const struct api_resource steps = {
	.path = "alarm-steps",
	.item = &store_item_alarm_step,
	.list = list,
	.input = input,
	.to_json = to_json,
};

void api_alarm_step_list(struct req *r) { api_res_list(r, &steps); }
void api_alarm_step_get(struct req *r) { api_res_get(r, &steps); }
void api_alarm_step_create(struct req *r) { api_res_create(r, &steps); }
void api_alarm_step_put(struct req *r) { api_res_change(r, &steps, 0); }
void api_alarm_step_patch(struct req *r) { api_res_change(r, &steps, 1); }
void api_alarm_step_delete(struct req *r) { api_res_delete(r, &steps); }

void api_alarm_plan_get(struct req *r)
{
	struct alarm_plan p;
	enum kf_err err;

	err = store_alarm_plan_get(r->db, r->arena, r->org.id, &p);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, p.version);
	api_json(r, 200, alarm_plan_to_json(&p));
}

/* PUT: a full replace; If-Match "0" creates the settings, later the current version. */
void api_alarm_plan_put(struct req *r)
{
	struct field_errors fe = { 0 };
	struct alarm_plan p, current;
	int64_t version;
	enum kf_err err;
	json_t *body;

	version = api_if_match(r);
	if (version < 0)
		return;
	err = store_alarm_plan_get(r->db, r->arena, r->org.id, &p);
	if (err) {
		api_store_error(r, err);
		return;
	}
	/* a stale version is refused before the body is even looked at */
	if (p.version != version) {
		api_conflict(r, alarm_plan_to_json(&p));
		return;
	}
	body = api_body_object(r);
	if (!body)
		return;
	alarm_plan_from_json(&p, r->arena, body, &fe);
	json_decref(body);
	alarm_plan_validate(&p, &fe);
	if (fe.n) {
		store_alarm_plan_check_roles(r->db, &p, r->org.id, &fe);
		api_error_fields(r, &fe);
		return;
	}
	err = store_alarm_plan_put(r->db, r->arena, r->org.id, r->user.id, version, &p, &current, &fe);
	if (err == KF_ECONFLICT) {
		api_conflict(r, alarm_plan_to_json(&current));
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
	api_json(r, 200, alarm_plan_to_json(&p));
}
