/* api_bia.c: /api/v1/orgs/{org}/processes and /systems (step 1), described for the shared resource handlers. */
#include <stddef.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

/* ---------------------------------------------------------------- processes */

static enum kf_err process_list(struct req *r, void **items_r, size_t *n_r)
{
	return store_process_list(r->db, r->arena, r->org.id, (struct process **)items_r, n_r);
}

static void process_input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	process_from_json(item, r->arena, body, partial, fe);
	process_validate(item, r->arena, fe);
	if (fe->n) /* name unknown references together with the other mistakes */
		store_process_check_refs(r->db, item, r->org.id, fe);
}

static json_t *process_json(const void *item)
{
	return process_to_json(item);
}

static const struct api_resource processes = {
	.path = "processes",
	.item = &store_item_process,
	.list = process_list,
	.input = process_input,
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

static enum kf_err system_list(struct req *r, void **items_r, size_t *n_r)
{
	return store_system_list(r->db, r->arena, r->org.id, (struct system **)items_r, n_r);
}

static void system_input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	system_from_json(item, r->arena, body, partial, fe);
	system_validate(item, r->arena, fe);
	if (fe->n)
		store_system_check_refs(r->db, r->arena, item, r->org.id, fe);
}

static json_t *system_json(const void *item)
{
	return system_to_json(item);
}

static const struct api_resource systems = {
	.path = "systems",
	.item = &store_item_system,
	.list = system_list,
	.input = system_input,
	.to_json = system_json,
	.in_use_msgid = N_("Business processes or other IT systems still need this system. Change them first."),
};

void api_system_list(struct req *r) { api_res_list(r, &systems); }
void api_system_get(struct req *r) { api_res_get(r, &systems); }
void api_system_create(struct req *r) { api_res_create(r, &systems); }
void api_system_put(struct req *r) { api_res_change(r, &systems, 0); }
void api_system_patch(struct req *r) { api_res_change(r, &systems, 1); }
void api_system_delete(struct req *r) { api_res_delete(r, &systems); }
