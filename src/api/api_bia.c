/* api_bia.c: /api/v1/orgs/{org}/processes and /systems (step 1), described for the shared resource handlers. */
#include <stddef.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

_Static_assert(API_RESOURCE_LAYOUT_OK(struct process), "processes begin with id and version");
_Static_assert(API_RESOURCE_LAYOUT_OK(struct system), "systems begin with id and version");

/* ---------------------------------------------------------------- processes */

static void process_init_item(void *item)
{
	process_init(item);
}

static enum kf_err process_list(struct req *r, void **items_r, size_t *n_r)
{
	return store_process_list(r->db, r->arena, r->org.id, (struct process **)items_r, n_r);
}

static enum kf_err process_get(struct req *r, int64_t id, void *out)
{
	return store_process_get(r->db, r->arena, r->org.id, id, out);
}

static void process_input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	process_from_json(item, r->arena, body, partial, fe);
	process_validate(item, r->arena, fe);
	if (fe->n) /* name unknown references together with the other mistakes */
		store_process_check_refs(r->db, item, r->org.id, fe);
}

static enum kf_err process_create(struct req *r, void *item, struct field_errors *fe)
{
	return store_process_create(r->db, r->arena, r->org.id, r->user.id, item, fe);
}

static enum kf_err process_update(struct req *r, int64_t version, void *item, void *current, struct field_errors *fe)
{
	return store_process_update(r->db, r->arena, r->org.id, r->user.id, version, item, current, fe);
}

static enum kf_err process_remove(struct req *r, int64_t id, int64_t version, void *current, const char **blockers_r)
{
	*blockers_r = NULL;
	return store_process_delete(r->db, r->arena, r->org.id, r->user.id, id, version, current);
}

static json_t *process_json(const void *item)
{
	return process_to_json(item);
}

static const struct api_resource processes = {
	.path = "processes",
	.size = sizeof(struct process),
	.init = process_init_item,
	.list = process_list,
	.get = process_get,
	.input = process_input,
	.create = process_create,
	.update = process_update,
	.remove = process_remove,
	.to_json = process_json,
	.in_use_msgid = NULL,
};

void api_process_list(struct req *r) { api_res_list(r, &processes); }
void api_process_get(struct req *r) { api_res_get(r, &processes); }
void api_process_create(struct req *r) { api_res_create(r, &processes); }
void api_process_put(struct req *r) { api_res_change(r, &processes, 0); }
void api_process_patch(struct req *r) { api_res_change(r, &processes, 1); }
void api_process_delete(struct req *r) { api_res_delete(r, &processes); }

/* ---------------------------------------------------------------- systems */

static void system_init_item(void *item)
{
	system_init(item);
}

static enum kf_err system_list(struct req *r, void **items_r, size_t *n_r)
{
	return store_system_list(r->db, r->arena, r->org.id, (struct system **)items_r, n_r);
}

static enum kf_err system_get(struct req *r, int64_t id, void *out)
{
	return store_system_get(r->db, r->arena, r->org.id, id, out);
}

static void system_input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	system_from_json(item, r->arena, body, partial, fe);
	system_validate(item, r->arena, fe);
	if (fe->n)
		store_system_check_refs(r->db, r->arena, item, r->org.id, fe);
}

static enum kf_err system_create(struct req *r, void *item, struct field_errors *fe)
{
	return store_system_create(r->db, r->arena, r->org.id, r->user.id, item, fe);
}

static enum kf_err system_update(struct req *r, int64_t version, void *item, void *current, struct field_errors *fe)
{
	return store_system_update(r->db, r->arena, r->org.id, r->user.id, version, item, current, fe);
}

static enum kf_err system_remove(struct req *r, int64_t id, int64_t version, void *current, const char **blockers_r)
{
	return store_system_delete(r->db, r->arena, r->org.id, r->user.id, id, version, current, blockers_r);
}

static json_t *system_json(const void *item)
{
	return system_to_json(item);
}

static const struct api_resource systems = {
	.path = "systems",
	.size = sizeof(struct system),
	.init = system_init_item,
	.list = system_list,
	.get = system_get,
	.input = system_input,
	.create = system_create,
	.update = system_update,
	.remove = system_remove,
	.to_json = system_json,
	.in_use_msgid = N_("Business processes or other IT systems still need this system. Change them first."),
};

void api_system_list(struct req *r) { api_res_list(r, &systems); }
void api_system_get(struct req *r) { api_res_get(r, &systems); }
void api_system_create(struct req *r) { api_res_create(r, &systems); }
void api_system_put(struct req *r) { api_res_change(r, &systems, 0); }
void api_system_patch(struct req *r) { api_res_change(r, &systems, 1); }
void api_system_delete(struct req *r) { api_res_delete(r, &systems); }
