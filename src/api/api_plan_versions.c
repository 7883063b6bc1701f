/* api_plan_versions.c: plan versions (submit, list, get with snapshot, approve, return, compare) and approvers. */
#include <stdlib.h>
#include <string.h>

#include "../core/plan_snapshot.h"
#include "../core/validate.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

#define PENDING_MSG N_("A version is already waiting for approval. It must be approved or returned first.")
#define OWN_MSG N_("You submitted this version yourself. Another person must approve it (four-eyes principle).")
#define NOT_APPROVER_MSG N_("Only administrators and members marked as approvers may approve plan versions.")
#define NOT_PENDING_MSG N_("This version was already approved or returned.")

/* The list with the organisation's state: {"versions": [...], "approved": n|null, "changed_since_approved": bool}. */
void api_plan_version_list(struct req *r)
{
	struct plan_version *list, approved;
	size_t n;
	int changed = 0, have = 0;
	enum kf_err err;
	json_t *arr;

	err = store_plan_version_list(r->db, r->arena, r->org.id, &list, &n);
	for (size_t i = 0; !err && !have && i < n; i++) /* newest first: the first approved one is the approved version */
		if (list[i].status == PLAN_VERSION_APPROVED) {
			approved = list[i];
			have = 1;
		}
	if (!err && have)
		err = store_plan_changed_since(r->db, r->org.id, &approved, &changed);
	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, plan_version_to_json(&list[i], 0));
	api_json(r, 200, json_pack("{s:o, s:o, s:b}", "versions", arr, "approved",
				   have ? json_integer(approved.number) : json_null(), "changed_since_approved",
				   have && changed));
}

void api_plan_version_get(struct req *r)
{
	struct plan_version v;
	enum kf_err err;

	err = store_plan_version_get(r->db, r->arena, r->org.id, r->id, &v);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, v.version);
	api_json(r, 200, plan_version_to_json(&v, 1));
}

/* The text field key of an optional body ("" when absent); -1 after naming a bad field. */
static int body_text(struct req *r, json_t *body, const char *key, const char **out_r, struct field_errors *fe)
{
	const char *k;
	json_t *v;

	*out_r = "";
	json_object_foreach(body, k, v) {
		if (strcmp(k, key) == 0) {
			if (!json_is_string(v))
				fe_add(fe, k, N_("must be text"));
			else
				*out_r = arena_strdup(r->arena, json_string_value(v));
		} else {
			fe_add(fe, k, N_("is not a known field"));
		}
	}
	return fe->n ? -1 : 0;
}

void api_plan_version_submit(struct req *r)
{
	struct field_errors fe = { 0 };
	struct plan_version v;
	const char *note = "";
	char location[128];
	enum kf_err err;
	json_t *body;

	body = api_body_object(r);
	if (!body)
		return;
	if (body_text(r, body, "note", &note, &fe) == 0)
		plan_version_note_input(&fe, "note", r->arena, note, 0, &note);
	json_decref(body);
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_plan_version_submit(r->db, r->arena, r->org.id, r->user.id, note, &v);
	if (err == KF_EEXIST) {
		api_error(r, 409, "version_pending", PENDING_MSG);
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	snprintf(location, sizeof(location), "/api/v1/orgs/%lld/plan-versions/%lld", (long long)r->org.id,
		 (long long)v.number);
	resp_header(r, "Location", location);
	api_etag(r, v.version);
	api_json(r, 201, plan_version_to_json(&v, 0));
}

static void decide(struct req *r, int approve)
{
	struct field_errors fe = { 0 };
	struct plan_version v, current;
	const char *comment = "";
	int64_t version;
	enum kf_err err;
	json_t *body;
	int own = 0;

	version = api_if_match(r);
	if (version < 0)
		return;
	body = r->body.len ? api_body_object(r) : json_object();
	if (!body)
		return;
	if (body_text(r, body, "comment", &comment, &fe) == 0)
		plan_version_note_input(&fe, "comment", r->arena, comment, !approve, &comment);
	json_decref(body);
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_plan_version_decide(r->db, r->arena, r->org.id, r->user.id, r->id, version, approve, comment, &v,
					&current, &own);
	if (err == KF_EPERM)
		api_error(r, 403, own ? "own_version" : "not_approver", own ? OWN_MSG : NOT_APPROVER_MSG);
	else if (err == KF_ECONFLICT)
		api_conflict(r, plan_version_to_json(&current, 0));
	else if (err == KF_EINVAL)
		api_error(r, 409, "not_pending", NOT_PENDING_MSG);
	else if (err)
		api_store_error(r, err);
	else {
		api_etag(r, v.version);
		api_json(r, 200, plan_version_to_json(&v, 0));
	}
}

void api_plan_version_approve(struct req *r)
{
	decide(r, 1);
}

void api_plan_version_return(struct req *r)
{
	decide(r, 0);
}

/* Reads query parameter key as a version number; 0 after answering 422. */
static int64_t query_number(struct req *r, const char *key, struct field_errors *fe)
{
	const char *s = kv_get(&r->query, key);
	long long n = 0;

	if (!s || !*s) {
		fe_add(fe, key, N_("must not be empty"));
		return 0;
	}
	if (parse_id(s, &n) != 0) {
		fe_add(fe, key, N_("must be a version number"));
		return 0;
	}
	return n;
}

void api_plan_version_compare(struct req *r)
{
	struct field_errors fe = { 0 };
	struct plan_version from, to;
	struct plan_diff *diffs;
	size_t n;
	int64_t nf, nt;
	enum kf_err err;
	json_t *jf = NULL, *jt = NULL, *out;

	nf = query_number(r, "from", &fe);
	nt = query_number(r, "to", &fe);
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_plan_version_get(r->db, r->arena, r->org.id, nf, &from);
	if (!err)
		err = store_plan_version_get(r->db, r->arena, r->org.id, nt, &to);
	if (err) {
		api_store_error(r, err);
		return;
	}
	jf = json_loads(from.snapshot ? from.snapshot : "{}", 0, NULL);
	jt = json_loads(to.snapshot ? to.snapshot : "{}", 0, NULL);
	if (!jf || !jt || plan_snapshot_compare(jf, jt, r->arena, &diffs, &n) < 0 || !(out = plan_diff_to_json(diffs, n))) {
		json_decref(jf);
		json_decref(jt);
		api_store_error(r, KF_ENOMEM);
		return;
	}
	json_object_set_new(out, "from", json_integer(nf));
	json_object_set_new(out, "to", json_integer(nt));
	api_json(r, 200, out);
	json_decref(jf);
	json_decref(jt);
}

/* PUT {"may_approve": bool}: an admin marks a member as approver. */
void api_member_approver_put(struct req *r)
{
	struct field_errors fe = { 0 };
	const char *key;
	json_t *body, *v;
	int flag = -1, may = 0;
	enum kf_err err;

	body = api_body_object(r);
	if (!body)
		return;
	json_object_foreach(body, key, v) {
		if (strcmp(key, "may_approve") != 0)
			fe_add(&fe, key, N_("is not a known field"));
		else if (!json_is_boolean(v))
			fe_add(&fe, key, N_("must be true or false"));
		else
			flag = json_is_true(v);
	}
	json_decref(body);
	if (!fe.n && flag < 0)
		fe_add(&fe, "may_approve", N_("must not be empty"));
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_plan_approver_set(r->db, r->org.id, r->user.id, r->id, flag);
	if (!err)
		err = store_plan_approver(r->db, r->org.id, r->id, &may, &flag);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_json(r, 200, json_pack("{s:I, s:b, s:b}", "user_id", (json_int_t)r->id, "may_approve", flag, "approver", may));
}
