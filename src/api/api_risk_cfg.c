/* api_risk_cfg.c: /api/v1/orgs/{org}/risk-settings (one item per organisation) and /risk-categories (own categories). */
#include <stddef.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

void api_risk_settings_get(struct req *r)
{
	struct risk_settings s;
	enum kf_err err;

	err = store_risk_settings_get(r->db, r->org.id, &s);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, s.version);
	api_json(r, 200, risk_settings_to_json(&s));
}

/*
 * PUT: If-Match "0" creates the settings, later the current version. A new
 * scale while risks exist needs "confirm_rescale": true; the answer then
 * carries "rescaled_risks" (how many risks got new values).
 */
void api_risk_settings_put(struct req *r)
{
	struct field_errors fe = { 0 };
	struct risk_settings s, current;
	size_t rescaled = 0;
	int64_t version;
	enum kf_err err;
	int confirm = 0;
	json_t *body, *o;

	version = api_if_match(r);
	if (version < 0)
		return;
	err = store_risk_settings_get(r->db, r->org.id, &s);
	if (err) {
		api_store_error(r, err);
		return;
	}
	if (s.version != version) {
		api_conflict(r, risk_settings_to_json(&s));
		return;
	}
	body = api_body_object(r);
	if (!body)
		return;
	risk_settings_from_json(&s, body, &confirm, &fe);
	json_decref(body);
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_risk_settings_put(r->db, r->arena, r->org.id, r->user.id, version, &s, confirm, &current, &rescaled,
				      &fe);
	if (err == KF_ECONFLICT) {
		api_conflict(r, risk_settings_to_json(&current));
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
	api_etag(r, s.version);
	o = risk_settings_to_json(&s);
	if (o)
		json_object_set_new(o, "rescaled_risks", json_integer((json_int_t)rescaled));
	api_json(r, 200, o);
}

static enum kf_err list(struct req *r, void **items_r, size_t *n_r)
{
	return store_risk_owncat_list(r->db, r->arena, r->org.id, (struct risk_owncat **)items_r, n_r);
}

static void input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	risk_owncat_from_json(item, r->arena, body, partial, fe);
	risk_owncat_validate(item, r->arena, fe);
}

static json_t *to_json(const void *item)
{
	return risk_owncat_to_json(item);
}

static const struct api_resource owncats = {
	.path = "risk-categories",
	.item = &store_item_risk_owncat,
	.list = list,
	.input = input,
	.to_json = to_json,
	.in_use_msgid = N_("Risks still use this category. Give them another category first."),
};

void api_risk_category_list(struct req *r) { api_res_list(r, &owncats); }
void api_risk_category_get(struct req *r) { api_res_get(r, &owncats); }
void api_risk_category_create(struct req *r) { api_res_create(r, &owncats); }
void api_risk_category_put(struct req *r) { api_res_change(r, &owncats, 0); }
void api_risk_category_patch(struct req *r) { api_res_change(r, &owncats, 1); }
void api_risk_category_delete(struct req *r) { api_res_delete(r, &owncats); }
