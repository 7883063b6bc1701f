/* api_plan_copies.c: /api/v1/orgs/{org}/plan-copies, described for the shared resource handlers. */
#include <stddef.h>

#include "../export/export.h"
#include "../http/request.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

static enum kf_err list(struct req *r, void **items_r, size_t *n_r)
{
	return store_plan_copy_list(r->db, r->arena, r->org.id, (struct plan_copy **)items_r, n_r);
}

/* wire: "stale" also compares a noted stamp with the current ones */
static enum kf_err complete(struct req *r, void *items, size_t n)
{
	return export_copies_check(r->db, r->arena, r->org.id, items, n);
}

static void input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	char today[11];

	kf_date_iso(kf_now(), today);
	plan_copy_from_json(item, r->arena, body, partial, fe);
	plan_copy_validate(item, r->arena, today, fe);
}

static json_t *to_json(const void *item)
{
	return plan_copy_to_json(item);
}

static const struct api_resource plan_copies = {
	.path = "plan-copies",
	.item = &store_item_plan_copy,
	.list = list,
	.input = input,
	.complete = complete,
	.to_json = to_json,
	.in_use_msgid = NULL,
};

void api_plan_copy_list(struct req *r) { api_res_list(r, &plan_copies); }
void api_plan_copy_get(struct req *r) { api_res_get(r, &plan_copies); }
void api_plan_copy_create(struct req *r) { api_res_create(r, &plan_copies); }
void api_plan_copy_put(struct req *r) { api_res_change(r, &plan_copies, 0); }
void api_plan_copy_patch(struct req *r) { api_res_change(r, &plan_copies, 1); }
void api_plan_copy_delete(struct req *r) { api_res_delete(r, &plan_copies); }
