/* api_roles.c: /api/v1/orgs/{org}/roles: list, create, read, replace, change, delete. */
#include <stdio.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

void api_role_list(struct req *r)
{
	struct role *list;
	size_t n, i;
	enum kf_err err;
	json_t *arr;

	err = store_role_list(r->db, r->arena, r->org.id, &list, &n);
	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, role_to_json(&list[i]));
	api_json(r, 200, arr);
}

void api_role_get(struct req *r)
{
	struct role ro;
	enum kf_err err;

	err = store_role_get(r->db, r->arena, r->org.id, r->id, &ro);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, ro.version);
	api_json(r, 200, role_to_json(&ro));
}

static int role_input(struct req *r, struct role *ro, int partial)
{
	struct field_errors fe = { 0 };
	json_t *body;

	body = api_body_object(r);
	if (!body)
		return -1;
	role_from_json(ro, r->arena, body, partial, &fe);
	json_decref(body);
	role_validate(ro, r->arena, &fe);
	if (fe.n) {
		/* name every bad field at once, the unknown people too */
		store_role_check_people(r->db, ro, r->org.id, &fe);
		api_error_fields(r, &fe);
		return -1;
	}
	return 0;
}

void api_role_create(struct req *r)
{
	struct field_errors fe = { 0 };
	char location[96];
	struct role ro;
	enum kf_err err;

	role_init(&ro);
	if (role_input(r, &ro, 0) < 0)
		return;
	err = store_role_create(r->db, r->arena, r->org.id, r->user.id, &ro, &fe);
	if (err == KF_EINVAL) {
		api_error_fields(r, &fe);
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	snprintf(location, sizeof(location), "/api/v1/orgs/%lld/roles/%lld", (long long)r->org.id, (long long)ro.id);
	resp_header(r, "Location", location);
	api_etag(r, ro.version);
	api_json(r, 201, role_to_json(&ro));
}

static void role_change(struct req *r, int partial)
{
	struct field_errors fe = { 0 };
	struct role ro, current;
	int64_t version;
	enum kf_err err;

	version = api_if_match(r);
	if (version < 0)
		return;
	err = store_role_get(r->db, r->arena, r->org.id, r->id, &ro);
	if (err) {
		api_store_error(r, err);
		return;
	}
	if (ro.version != version) {
		api_conflict(r, role_to_json(&ro));
		return;
	}
	if (role_input(r, &ro, partial) < 0)
		return;
	err = store_role_update(r->db, r->arena, r->org.id, r->user.id, version, &ro, &current, &fe);
	if (err == KF_ECONFLICT) {
		api_conflict(r, role_to_json(&current));
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
	api_etag(r, ro.version);
	api_json(r, 200, role_to_json(&ro));
}

void api_role_put(struct req *r)
{
	role_change(r, 0);
}

void api_role_patch(struct req *r)
{
	role_change(r, 1);
}

void api_role_delete(struct req *r)
{
	struct role current;
	int64_t version;
	enum kf_err err;

	version = api_if_match(r);
	if (version < 0)
		return;
	err = store_role_delete(r->db, r->arena, r->org.id, r->user.id, r->id, version, &current);
	if (err == KF_ECONFLICT) {
		api_conflict(r, role_to_json(&current));
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	r->status = 204;
	r->content_type = "application/json";
	sb_reset(&r->out);
}
