/* api_roles.c: /api/v1/orgs/{org}/roles, described for the shared resource handlers. */
#include <stddef.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

static enum kf_err list(struct req *r, void **items_r, size_t *n_r)
{
	return store_role_list(r->db, r->arena, r->org.id, (struct role **)items_r, n_r);
}

static void input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	role_from_json(item, r->arena, body, partial, fe);
	role_validate(item, r->arena, fe);
	/* name every bad field at once, the unknown people too */
	if (fe->n)
		store_role_check_people(r->db, item, r->org.id, fe);
}

static json_t *to_json(const void *item)
{
	return role_to_json(item);
}

static const struct api_resource roles = {
	.path = "roles",
	.item = &store_item_role,
	.list = list,
	.input = input,
	.to_json = to_json,
	.in_use_msgid = N_("The alarm chain still names this role. Change the alarm chain first."),
};

void api_role_list(struct req *r) { api_res_list(r, &roles); }
void api_role_get(struct req *r) { api_res_get(r, &roles); }
void api_role_create(struct req *r) { api_res_create(r, &roles); }
void api_role_put(struct req *r) { api_res_change(r, &roles, 0); }
void api_role_patch(struct req *r) { api_res_change(r, &roles, 1); }
void api_role_delete(struct req *r) { api_res_delete(r, &roles); }
