/* api_risks.c: /api/v1/orgs/{org}/risks, described for the shared resource handlers. */
#include <stddef.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

static enum kf_err list(struct req *r, void **items_r, size_t *n_r)
{
	return store_risk_list(r->db, r->arena, r->org.id, (struct risk **)items_r, n_r);
}

static void input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	struct risk_settings rs;
	struct risk *k = item;

	/* likelihood and impact are read on the organisation's scale */
	if (store_risk_settings_get(r->db, r->org.id, &rs) == KF_OK)
		k->scale = rs.scale;
	risk_from_json(k, r->arena, body, partial, fe);
	risk_validate(k, r->arena, fe);
	/* name every bad field at once, the unknown references too */
	if (fe->n)
		store_risk_check_owner(r->db, k, r->org.id, fe);
}

static json_t *to_json(const void *item)
{
	return risk_to_json(item);
}

static const struct api_resource risks = {
	.path = "risks",
	.item = &store_item_risk,
	.list = list,
	.input = input,
	.to_json = to_json,
	.in_use_msgid = NULL,
};

void api_risk_list(struct req *r) { api_res_list(r, &risks); }
void api_risk_get(struct req *r) { api_res_get(r, &risks); }
void api_risk_create(struct req *r) { api_res_create(r, &risks); }
void api_risk_put(struct req *r) { api_res_change(r, &risks, 0); }
void api_risk_patch(struct req *r) { api_res_change(r, &risks, 1); }
void api_risk_delete(struct req *r) { api_res_delete(r, &risks); }
