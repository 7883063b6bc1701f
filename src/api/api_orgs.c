/* api_orgs.c: the organisations the caller belongs to. */
#include "../http/request.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

void api_orgs_list(struct req *r)
{
	struct org *orgs;
	size_t n, i;
	enum kf_err err;
	json_t *arr;

	err = store_user_orgs(r->db, r->arena, r->user.id, &orgs, &n);
	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)orgs[i].id, "name",
						     orgs[i].name, "role", member_role_name(orgs[i].role)));
	api_json(r, 200, arr);
}
