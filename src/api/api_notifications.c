/* api_notifications.c: the caller's own notifications (list, mark read) and email preferences. */
#include <stdio.h>
#include <string.h>

#include "../core/validate.h"
#include "../http/request.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

#define NOTIFICATIONS_LIMIT_MAX 500

/* GET ?unread=1 &org=ID &limit=N: newest first, unread first; with the unread count. */
void api_notification_list(struct req *r)
{
	const char *unread = kv_get(&r->query, "unread"), *org_s = kv_get(&r->query, "org"),
		   *limit_s = kv_get(&r->query, "limit");
	struct notification *list;
	long long org = 0, limit = 100;
	int64_t count;
	enum kf_err err;
	size_t n;
	json_t *arr;

	if ((org_s && parse_id(org_s, &org) < 0) || (limit_s && (parse_id(limit_s, &limit) < 0 ||
								  limit > NOTIFICATIONS_LIMIT_MAX))) {
		api_error(r, 400, "bad_request", N_("org must be an organisation id and limit 1 to 500."));
		return;
	}
	err = store_notification_list(r->db, r->arena, r->user.id, org, unread && strcmp(unread, "1") == 0, (int)limit,
				      &list, &n);
	if (!err)
		err = store_notification_unread_count(r->db, r->user.id, org, &count);
	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, notification_to_json(&list[i], r->lang));
	api_json(r, 200, json_pack("{s:o, s:I}", "items", arr, "unread", (json_int_t)count));
}

void api_notification_read(struct req *r)
{
	enum kf_err err = store_notification_read(r->db, r->user.id, r->id);

	if (err == KF_ENOTFOUND) {
		api_error(r, 404, "not_found", N_("This notification does not exist (any more)."));
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	r->status = 204;
}

/* POST ?org=ID marks only that organisation's. */
void api_notification_read_all(struct req *r)
{
	const char *org_s = kv_get(&r->query, "org");
	long long org = 0;
	int64_t n;
	enum kf_err err;

	if (org_s && parse_id(org_s, &org) < 0) {
		api_error(r, 400, "bad_request", N_("org must be an organisation id and limit 1 to 500."));
		return;
	}
	err = store_notification_read_all(r->db, r->user.id, org, &n);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_json(r, 200, json_pack("{s:I}", "marked", (json_int_t)n));
}

void api_notify_prefs_get(struct req *r)
{
	struct notify_prefs p;
	enum kf_err err = store_notify_prefs_get(r->db, r->user.id, &p);

	if (err) {
		api_store_error(r, err);
		return;
	}
	api_json(r, 200, notify_prefs_to_json(&p));
}

/* PUT {"email": {"due": false}}: kinds not named keep their setting. */
void api_notify_prefs_put(struct req *r)
{
	struct field_errors fe = { 0 };
	struct notify_prefs p;
	enum kf_err err;
	json_t *body;

	err = store_notify_prefs_get(r->db, r->user.id, &p);
	if (err) {
		api_store_error(r, err);
		return;
	}
	body = api_body_object(r);
	if (!body)
		return;
	notify_prefs_from_json(&p, body, &fe);
	json_decref(body);
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_notify_prefs_put(r->db, r->user.id, &p);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_json(r, 200, notify_prefs_to_json(&p));
}
