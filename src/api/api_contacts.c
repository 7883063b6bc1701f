/* api_contacts.c: /api/v1/orgs/{org}/contacts: list, create, read, replace, change, delete. */
#include <stdio.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

void api_contact_list(struct req *r)
{
	struct contact *list;
	size_t n, i;
	enum kf_err err;
	json_t *arr;

	err = store_contact_list(r->db, r->arena, r->org.id, &list, &n);
	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (i = 0; i < n; i++)
		json_array_append_new(arr, contact_to_json(&list[i]));
	api_json(r, 200, arr);
}

void api_contact_get(struct req *r)
{
	struct contact c;
	enum kf_err err;

	err = store_contact_get(r->db, r->arena, r->org.id, r->id, &c);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, c.version);
	api_json(r, 200, contact_to_json(&c));
}

/* Reads and validates the body into c; answers and returns -1 when it is not acceptable. */
static int contact_input(struct req *r, struct contact *c, int partial)
{
	struct field_errors fe = { 0 };
	char today[11];
	json_t *body;

	body = api_body_object(r);
	if (!body)
		return -1;
	contact_from_json(c, r->arena, body, partial, &fe);
	json_decref(body);
	kf_date_iso(kf_now(), today);
	contact_validate(c, r->arena, today, &fe);
	if (fe.n) {
		api_error_fields(r, &fe);
		return -1;
	}
	return 0;
}

void api_contact_create(struct req *r)
{
	char location[96];
	struct contact c;
	enum kf_err err;

	contact_init(&c);
	if (contact_input(r, &c, 0) < 0)
		return;
	err = store_contact_create(r->db, r->arena, r->org.id, r->user.id, &c);
	if (err) {
		api_store_error(r, err);
		return;
	}
	snprintf(location, sizeof(location), "/api/v1/orgs/%lld/contacts/%lld", (long long)r->org.id, (long long)c.id);
	resp_header(r, "Location", location);
	api_etag(r, c.version);
	api_json(r, 201, contact_to_json(&c));
}

static void contact_change(struct req *r, int partial)
{
	struct contact c, current;
	int64_t version;
	enum kf_err err;

	version = api_if_match(r);
	if (version < 0)
		return;
	err = store_contact_get(r->db, r->arena, r->org.id, r->id, &c);
	if (err) {
		api_store_error(r, err);
		return;
	}
	if (c.version != version) {
		api_conflict(r, contact_to_json(&c));
		return;
	}
	if (contact_input(r, &c, partial) < 0)
		return;
	err = store_contact_update(r->db, r->arena, r->org.id, r->user.id, version, &c, &current);
	if (err == KF_ECONFLICT) {
		api_conflict(r, contact_to_json(&current));
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, c.version);
	api_json(r, 200, contact_to_json(&c));
}

void api_contact_put(struct req *r)
{
	contact_change(r, 0);
}

void api_contact_patch(struct req *r)
{
	contact_change(r, 1);
}

void api_contact_delete(struct req *r)
{
	const char *used_by = NULL;
	struct contact current;
	int64_t version;
	enum kf_err err;
	json_t *e;

	version = api_if_match(r);
	if (version < 0)
		return;
	err = store_contact_delete(r->db, r->arena, r->org.id, r->user.id, r->id, version, &current, &used_by);
	if (err == KF_ECONFLICT) {
		api_conflict(r, contact_to_json(&current));
		return;
	}
	if (err == KF_EINUSE) {
		e = json_pack("{s:s, s:s, s:s}", "code", "in_use", "message",
			      i18n_tr(r->lang, N_("This contact still fills a role. Assign the role to someone else first.")),
			      "roles", used_by ? used_by : "");
		api_json(r, 409, json_pack("{s:o}", "error", e));
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
