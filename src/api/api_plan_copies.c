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

_Static_assert(API_RESOURCE_LAYOUT_OK(struct plan_copy), "copies begin with id and version");

static void init(void *item)
{
	plan_copy_init(item);
}

static enum kf_err list(struct req *r, void **items_r, size_t *n_r)
{
	enum kf_err err = store_plan_copy_list(r->db, r->arena, r->org.id, (struct plan_copy **)items_r, n_r);

	/* wire: "stale" also compares a noted stamp with the current ones */
	return err ? err : export_copies_check(r->db, r->arena, r->org.id, *items_r, *n_r);
}

static enum kf_err get(struct req *r, int64_t id, void *out)
{
	enum kf_err err = store_plan_copy_get(r->db, r->arena, r->org.id, id, out);

	return err ? err : export_copies_check(r->db, r->arena, r->org.id, out, 1);
}

static void input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	char today[11];

	kf_date_iso(kf_now(), today);
	plan_copy_from_json(item, r->arena, body, partial, fe);
	plan_copy_validate(item, r->arena, today, fe);
}

static enum kf_err create(struct req *r, void *item, struct field_errors *fe)
{
	return store_plan_copy_create(r->db, r->arena, r->org.id, r->user.id, item, fe);
}

static enum kf_err update(struct req *r, int64_t version, void *item, void *current, struct field_errors *fe)
{
	return store_plan_copy_update(r->db, r->arena, r->org.id, r->user.id, version, item, current, fe);
}

static enum kf_err remove_item(struct req *r, int64_t id, int64_t version, void *current, const char **blockers_r)
{
	*blockers_r = NULL;
	return store_plan_copy_delete(r->db, r->arena, r->org.id, r->user.id, id, version, current);
}

static json_t *to_json(const void *item)
{
	return plan_copy_to_json(item);
}

static const struct api_resource plan_copies = {
	.path = "plan-copies",
	.size = sizeof(struct plan_copy),
	.init = init,
	.list = list,
	.get = get,
	.input = input,
	.create = create,
	.update = update,
	.remove = remove_item,
	.to_json = to_json,
	.in_use_msgid = NULL,
};

static void list_work(struct req *r) { api_res_list(r, &plan_copies); }
static void get_work(struct req *r) { api_res_get(r, &plan_copies); }
/* list and get hash the plan to compare the noted stamps: on a worker, not on the HTTP thread */
void api_plan_copy_list(struct req *r) { req_defer(r, list_work); }
void api_plan_copy_get(struct req *r) { req_defer(r, get_work); }
void api_plan_copy_create(struct req *r) { api_res_create(r, &plan_copies); }
void api_plan_copy_put(struct req *r) { api_res_change(r, &plan_copies, 0); }
void api_plan_copy_patch(struct req *r) { api_res_change(r, &plan_copies, 1); }
void api_plan_copy_delete(struct req *r) { api_res_delete(r, &plan_copies); }
