/* api_comments.c: comments on items, an item's change history, and restoring deleted items (JSON API). */
#include <stdio.h>
#include <string.h>

#include "../core/fielddiff.h"
#include "../core/validate.h"
#include "../http/request.h"
#include "../http/router.h"
#include "../lib/arena.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

#define HISTORY_LIMIT 200

/* ?entity=&entity_id= of a list; 0, or -1 after answering 422 naming the bad parameter. */
static int item_query(struct req *r, const char **entity_r, int64_t *id_r)
{
	const char *entity = kv_get(&r->query, "entity"), *id_s = kv_get(&r->query, "entity_id");
	struct field_errors fe = { 0 };
	long long id = 0;

	if (!entity || !*entity)
		fe_add(&fe, "entity", N_("is required"));
	else if (!comment_entity_known(entity))
		fe_add(&fe, "entity", N_("is not a kind of item that takes comments"));
	if (!id_s || parse_id(id_s, &id) < 0)
		fe_add(&fe, "entity_id", N_("must be the id of an item"));
	if (fe.n) {
		api_error_fields(r, &fe);
		return -1;
	}
	*entity_r = entity;
	*id_r = id;
	return 0;
}

void api_comment_list(struct req *r)
{
	struct comment *list;
	const char *entity;
	int64_t id;
	size_t n;
	json_t *arr;
	enum kf_err err;

	if (item_query(r, &entity, &id) < 0)
		return;
	err = store_item_exists(r->db, r->org.id, entity, id);
	if (!err)
		err = store_comment_list(r->db, r->arena, r->org.id, entity, id, &list, &n);
	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, comment_to_json(&list[i]));
	api_json(r, 200, json_pack("{s:o}", "items", arr));
}

void api_comment_create(struct req *r)
{
	struct field_errors fe = { 0 };
	struct comment cm = { 0 };
	enum kf_err err;
	json_t *body;

	body = api_body_object(r);
	if (!body)
		return;
	comment_from_json(&cm, r->arena, body, 0, &fe);
	json_decref(body);
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_comment_create(r->db, r->arena, r->org.id, r->user.id, &cm);
	if (err == KF_ENOTFOUND) {
		fe_add(&fe, "entity_id", N_("is not an item of this organisation"));
		api_error_fields(r, &fe);
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, cm.version);
	api_json(r, 201, comment_to_json(&cm));
}

void api_comment_get(struct req *r)
{
	struct comment cm;
	enum kf_err err = store_comment_get(r->db, r->arena, r->org.id, r->id, &cm);

	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, cm.version);
	api_json(r, 200, comment_to_json(&cm));
}

static void refused(struct req *r, enum kf_err err, const struct comment *current)
{
	if (err == KF_ECONFLICT)
		api_conflict(r, comment_to_json(current));
	else if (err == KF_EPERM)
		api_error(r, 403, "forbidden", N_("Only the author may change a comment; admins may delete any."));
	else
		api_store_error(r, err);
}

void api_comment_patch(struct req *r)
{
	struct field_errors fe = { 0 };
	struct comment cm = { 0 }, out, current;
	int64_t version;
	enum kf_err err;
	json_t *body;

	version = api_if_match(r);
	if (version < 0)
		return;
	body = api_body_object(r);
	if (!body)
		return;
	comment_from_json(&cm, r->arena, body, 1, &fe);
	json_decref(body);
	if (!fe.n && !cm.body)
		fe_add(&fe, "body", N_("is required"));
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_comment_update(r->db, r->arena, r->org.id, r->user.id, r->id, version, cm.body, &out, &current);
	if (err) {
		refused(r, err, &current);
		return;
	}
	api_etag(r, out.version);
	api_json(r, 200, comment_to_json(&out));
}

void api_comment_delete(struct req *r)
{
	struct comment current;
	int64_t version;
	enum kf_err err;

	version = api_if_match(r);
	if (version < 0)
		return;
	err = store_comment_delete(r->db, r->arena, r->org.id, r->user.id, r->org.role >= MEMBER_ADMIN, r->id, version,
				   &current);
	if (err) {
		refused(r, err, &current);
		return;
	}
	r->status = 204;
}

static json_t *changes_json(struct arena *a, const struct history_entry *h)
{
	json_t *before = *h->before_json ? json_loads(h->before_json, 0, NULL) : NULL;
	json_t *after = *h->after_json ? json_loads(h->after_json, 0, NULL) : NULL;
	json_t *arr = json_array();
	struct fielddiff *d;
	int n;

	n = fielddiff_compute(before, after, a, &d);
	for (int i = 0; i < n; i++) {
		static const char *const kinds[] = { "changed", "added", "removed" };

		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s}", "field", d[i].field, "kind",
						     kinds[d[i].kind], "before", d[i].before, "after", d[i].after));
	}
	json_decref(before);
	json_decref(after);
	return arr;
}

void api_history_list(struct req *r)
{
	struct history_entry *list;
	const char *entity;
	int64_t id;
	size_t n;
	json_t *arr;
	enum kf_err err;

	if (item_query(r, &entity, &id) < 0)
		return;
	err = store_history_list(r->db, r->arena, r->org.id, entity, id, HISTORY_LIMIT, &list, &n);
	if (!err && n == 0)
		err = KF_ENOTFOUND;
	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:I, s:s, s:o?, s:s, s:I, s:o}", "id", (json_int_t)list[i].id,
						     "action", list[i].action, "user_id",
						     list[i].user_id ? json_integer(list[i].user_id) : NULL,
						     "user_name", list[i].user_name, "at", (json_int_t)list[i].at,
						     "changes", changes_json(r->arena, &list[i])));
	api_json(r, 200, json_pack("{s:o}", "items", arr));
}

void api_deleted_list(struct req *r)
{
	struct deleted_item *list;
	size_t n;
	json_t *arr;
	enum kf_err err = store_deleted_list(r->db, r->arena, r->org.id, &list, &n);

	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, json_pack("{s:s, s:I, s:s, s:I, s:s}", "entity", list[i].entity, "id",
						     (json_int_t)list[i].id, "name", list[i].name, "deleted_at",
						     (json_int_t)list[i].deleted_at, "deleted_by", list[i].deleted_by));
	api_json(r, 200, json_pack("{s:o}", "items", arr));
}

void api_deleted_restore(struct req *r)
{
	const char *entity = router_segment(r, "entity");
	enum kf_err err;

	err = store_restore(r->db, r->arena, r->org.id, r->user.id, entity, r->id);
	if (err == KF_EEXIST) {
		api_error(r, 409, "conflict",
			  N_("This item cannot be restored: another item now has its name, or what it belongs to "
			     "was deleted. Rename or restore that first."));
		return;
	}
	if (err == KF_ENOTFOUND) {
		api_error(r, 404, "not_found", N_("There is no deleted item of this kind with this id."));
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_json(r, 200, json_pack("{s:s, s:I}", "entity", entity, "id", (json_int_t)r->id));
}
