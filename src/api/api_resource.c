/* api_resource.c: list, read, create, replace, change and delete for any described item type. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

static void *new_item(struct req *r, const struct api_resource *res)
{
	void *item = arena_alloc(r->arena, res->item->size);

	if (item)
		res->item->init(item);
	else
		api_store_error(r, KF_ENOMEM);
	return item;
}

/* Reads item id; answers and returns -1 when it cannot. */
static int load(struct req *r, const struct api_resource *res, void *item)
{
	enum kf_err err = res->item->get(r->db, r->arena, r->org.id, r->id, item);

	if (err) {
		api_store_error(r, err);
		return -1;
	}
	return 0;
}

/* Answers one item with its version as ETag. */
static void answer_item(struct req *r, const struct api_resource *res, int status, void *item)
{
	enum kf_err err = res->complete ? res->complete(r, item, 1) : KF_OK;

	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, store_item_version(item));
	api_json(r, status, res->to_json(item));
}

void api_res_list(struct req *r, const struct api_resource *res)
{
	void *items;
	size_t n, i;
	enum kf_err err;
	json_t *arr;

	err = res->list(r, &items, &n);
	if (!err && res->complete)
		err = res->complete(r, items, n);
	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, res->to_json((const char *)items + i * res->item->size));
	api_json(r, 200, arr);
}

void api_res_get(struct req *r, const struct api_resource *res)
{
	void *item = new_item(r, res);

	if (item && load(r, res, item) == 0)
		answer_item(r, res, 200, item);
}

/* Reads the body into item and checks it; answers and returns -1 when it is not acceptable. */
static int read_input(struct req *r, const struct api_resource *res, void *item, int partial)
{
	struct field_errors fe = { 0 };
	json_t *body = api_body_object(r);

	if (!body)
		return -1;
	res->input(r, item, body, partial, &fe);
	json_decref(body);
	if (fe.n) {
		api_error_fields(r, &fe);
		return -1;
	}
	return 0;
}

void api_res_create(struct req *r, const struct api_resource *res)
{
	struct field_errors fe = { 0 };
	void *item = new_item(r, res);
	char location[128];
	enum kf_err err;

	if (!item || read_input(r, res, item, 0) < 0)
		return;
	if (res->placed)
		res->placed(r, item);
	err = res->item->create(r->db, r->arena, r->org.id, r->user.id, item, &fe);
	if (err == KF_EINVAL) {
		api_error_fields(r, &fe);
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	snprintf(location, sizeof(location), "/api/v1/orgs/%lld/%s/%lld", (long long)r->org.id, res->path,
		 (long long)store_item_id(item));
	resp_header(r, "Location", location);
	answer_item(r, res, 201, item);
}

void api_res_change(struct req *r, const struct api_resource *res, int partial)
{
	struct field_errors fe = { 0 };
	void *item, *current;
	int64_t version;
	enum kf_err err;

	version = api_if_match(r);
	if (version < 0)
		return;
	item = new_item(r, res);
	current = item ? new_item(r, res) : NULL;
	if (!current)
		return;
	if (load(r, res, item) < 0)
		return;
	/* a stale version is refused before the body is even looked at */
	if (store_item_version(item) != version) {
		api_conflict(r, res->to_json(item));
		return;
	}
	if (read_input(r, res, item, partial) < 0)
		return;
	err = res->item->update(r->db, r->arena, r->org.id, r->user.id, version, item, current, &fe);
	if (err == KF_ECONFLICT) {
		api_conflict(r, res->to_json(current));
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
	answer_item(r, res, 200, item);
}

void api_res_delete(struct req *r, const struct api_resource *res)
{
	const char *blockers = NULL;
	int64_t version;
	enum kf_err err;
	void *current;

	version = api_if_match(r);
	if (version < 0)
		return;
	current = new_item(r, res);
	if (!current)
		return;
	err = res->item->remove(r->db, r->arena, r->org.id, r->user.id, r->id, version, current, &blockers);
	if (err == KF_ECONFLICT) {
		api_conflict(r, res->to_json(current));
		return;
	}
	if (err == KF_EINUSE) {
		api_json(r, 409, json_pack("{s:{s:s, s:s, s:s}}", "error", "code", "in_use", "message",
					   i18n_tr(r->lang, res->in_use_msgid ? res->in_use_msgid
									      : N_("This item is still in use.")),
					   "used_by", blockers ? blockers : ""));
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
