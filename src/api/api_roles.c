/* api_roles.c: /api/v1/orgs/{org}/roles, described for the shared resource handlers. */
#include <stddef.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

_Static_assert(API_RESOURCE_LAYOUT_OK(struct role), "roles begin with id and version");

static void init(void *item)
{
	role_init(item);
}

static enum kf_err list(struct req *r, void **items_r, size_t *n_r)
{
	return store_role_list(r->db, r->arena, r->org.id, (struct role **)items_r, n_r);
}

static enum kf_err get(struct req *r, int64_t id, void *out)
{
	return store_role_get(r->db, r->arena, r->org.id, id, out);
}

static void input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	role_from_json(item, r->arena, body, partial, fe);
	role_validate(item, r->arena, fe);
	/* name every bad field at once, the unknown people too */
	if (fe->n)
		store_role_check_people(r->db, item, r->org.id, fe);
}

static enum kf_err create(struct req *r, void *item, struct field_errors *fe)
{
	return store_role_create(r->db, r->arena, r->org.id, r->user.id, item, fe);
}

static enum kf_err update(struct req *r, int64_t version, void *item, void *current, struct field_errors *fe)
{
	return store_role_update(r->db, r->arena, r->org.id, r->user.id, version, item, current, fe);
}

static enum kf_err remove_item(struct req *r, int64_t id, int64_t version, void *current, const char **blockers_r)
{
	enum kf_err err = store_role_delete(r->db, r->arena, r->org.id, r->user.id, id, version, current);

	*blockers_r = NULL;
	if (err == KF_EINUSE && store_role_used_by(r->db, r->arena, r->org.id, id, blockers_r) != KF_OK)
		*blockers_r = NULL;
	return err;
}

static json_t *to_json(const void *item)
{
	return role_to_json(item);
}

static const struct api_resource roles = {
	.path = "roles",
	.size = sizeof(struct role),
	.init = init,
	.list = list,
	.get = get,
	.input = input,
	.create = create,
	.update = update,
	.remove = remove_item,
	.to_json = to_json,
	.in_use_msgid = N_("The alarm chain still names this role. Change the alarm chain first."),
};

void api_role_list(struct req *r) { api_res_list(r, &roles); }
void api_role_get(struct req *r) { api_res_get(r, &roles); }
void api_role_create(struct req *r) { api_res_create(r, &roles); }
void api_role_put(struct req *r) { api_res_change(r, &roles, 0); }
void api_role_patch(struct req *r) { api_res_change(r, &roles, 1); }
void api_role_delete(struct req *r) { api_res_delete(r, &roles); }
