/* api_members.c: members of an organisation (list, role change, removal) and invitations (create, list, revoke, accept). */
#include <string.h>
#include <strings.h>

#include "../core/jsonin.h"
#include "../core/validate.h"
#include "../http/auth.h"
#include "../http/invite.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

#define LAST_ADMIN_MSG N_("An organisation needs at least one administrator. Make another member an administrator first.")

void api_member_list(struct req *r)
{
	struct member *list;
	size_t n;
	enum kf_err err;
	json_t *arr;

	err = store_member_list(r->db, r->arena, r->org.id, &list, &n);
	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, member_to_json(&list[i]));
	api_json(r, 200, arr);
}

void api_member_get(struct req *r)
{
	struct member m;
	enum kf_err err;

	err = store_member_get(r->db, r->arena, r->org.id, r->id, &m);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, m.version);
	api_json(r, 200, member_to_json(&m));
}

/* The answers shared by role change and removal. */
static void member_write_error(struct req *r, enum kf_err err, const struct member *current)
{
	if (err == KF_ECONFLICT)
		api_conflict(r, member_to_json(current));
	else if (err == KF_EPERM)
		api_error(r, 409, "last_admin", LAST_ADMIN_MSG);
	else
		api_store_error(r, err);
}

void api_member_patch(struct req *r)
{
	struct field_errors fe = { 0 };
	struct member m, current;
	enum member_role role = MEMBER_NONE;
	const char *role_s = NULL, *key;
	int64_t version;
	enum kf_err err;
	json_t *body, *v;

	version = api_if_match(r);
	if (version < 0)
		return;
	body = api_body_object(r);
	if (!body)
		return;
	json_object_foreach(body, key, v) {
		if (strcmp(key, "role") == 0) {
			if (!json_is_string(v))
				fe_add(&fe, "role", N_("must be text"));
			else
				role_s = json_string_value(v);
		} else if (strcmp(key, "email") != 0 && strcmp(key, "name") != 0 && !jsonin_is_readonly(key)) {
			fe_add(&fe, key, N_("is not a known field"));
		}
	}
	if (!fe_get(&fe, "role"))
		member_role_input(&fe, "role", role_s, &role);
	json_decref(body);
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_member_set_role(r->db, r->arena, r->org.id, r->user.id, r->id, version, role, &m, &current);
	if (err) {
		member_write_error(r, err, &current);
		return;
	}
	api_etag(r, m.version);
	api_json(r, 200, member_to_json(&m));
}

void api_member_delete(struct req *r)
{
	struct member current;
	int64_t version;
	enum kf_err err;

	version = api_if_match(r);
	if (version < 0)
		return;
	err = store_member_remove(r->db, r->arena, r->org.id, r->user.id, r->id, version, &current);
	if (err) {
		member_write_error(r, err, &current);
		return;
	}
	r->status = 204;
	r->content_type = "application/json";
	sb_reset(&r->out);
}

void api_invitation_list(struct req *r)
{
	struct invitation *list;
	int64_t now = kf_now();
	size_t n;
	enum kf_err err;
	json_t *arr;

	err = store_invitation_list(r->db, r->arena, r->org.id, &list, &n);
	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, invitation_to_json(&list[i], now));
	api_json(r, 200, arr);
}

void api_invitation_get(struct req *r)
{
	struct invitation inv;
	enum kf_err err;

	err = store_invitation_get(r->db, r->arena, r->org.id, r->id, &inv);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, inv.version);
	api_json(r, 200, invitation_to_json(&inv, kf_now()));
}

void api_invitation_create(struct req *r)
{
	struct field_errors fe = { 0 };
	struct invitation inv;
	const char *link = NULL;
	char location[128];
	enum kf_err err;
	json_t *body, *out;
	int days = INVITATION_DAYS_DEFAULT;

	body = api_body_object(r);
	if (!body)
		return;
	invitation_from_json(&inv, r->arena, body, &days, &fe);
	json_decref(body);
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = invite_create(r, &inv, days, &link);
	if (err == KF_EEXIST) {
		fe_add(&fe, "email", N_("is already a member of this organisation"));
		api_error_fields(r, &fe);
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	out = invitation_to_json(&inv, kf_now());
	json_object_set_new(out, "link", json_string(link));
	snprintf(location, sizeof(location), "/api/v1/orgs/%lld/invitations/%lld", (long long)r->org.id,
		 (long long)inv.id);
	resp_header(r, "Location", location);
	api_etag(r, inv.version);
	api_json(r, 201, out);
}

void api_invitation_revoke(struct req *r)
{
	struct invitation current;
	int64_t version;
	enum kf_err err;

	version = api_if_match(r);
	if (version < 0)
		return;
	err = store_invitation_revoke(r->db, r->arena, r->org.id, r->user.id, r->id, version, &current);
	if (err == KF_ECONFLICT) {
		api_conflict(r, invitation_to_json(&current, kf_now()));
		return;
	}
	if (err == KF_EINVAL) {
		api_error(r, 409, "not_pending", N_("This invitation was already used or revoked."));
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

/* The answer for a link that cannot be accepted (also used by the page's API twin). */
static void invite_refused(struct req *r, enum invite_result res, int64_t retry)
{
	switch (res) {
	case INVITE_EXPIRED:
		api_error(r, 410, "invitation_expired",
			  N_("This invitation link has expired. Please ask your administrator for a new one."));
		break;
	case INVITE_USED:
		api_error(r, 410, "invitation_used",
			  N_("This invitation link was already used. Please sign in, or ask your administrator for a new one."));
		break;
	case INVITE_REVOKED:
		api_error(r, 410, "invitation_revoked",
			  N_("This invitation was withdrawn. Please ask your administrator for a new one."));
		break;
	case INVITE_THROTTLED:
		auth_retry_after(r, retry);
		api_error(r, 429, "too_many_attempts",
			  N_("Too many failed attempts. Please wait a few minutes and try again."));
		break;
	case INVITE_WRONG_PASSWORD:
		api_error(r, 401, "invalid_credentials", N_("Email or password is wrong."));
		break;
	case INVITE_UNKNOWN:
		api_error(r, 404, "not_found", N_("This invitation link is not valid. Please check that you copied all of it."));
		break;
	default:
		api_error(r, 500, "internal", N_("The database could not be written. Please try again."));
		break;
	}
}

struct accept_job {
	struct invitation inv;
	const char *name;
	const char *password;
};

static void accept_work(struct req *r)
{
	struct accept_job *job = r->job;
	int64_t retry = 0;
	int already = 0;
	enum invite_result res;

	res = invite_accept(r, &job->inv, job->name, job->password, &already, &retry);
	if (res != INVITE_OK) {
		invite_refused(r, res, retry);
		return;
	}
	api_json(r, 200, json_pack("{s:{s:I, s:s}, s:s, s:b, s:{s:I, s:s, s:s}, s:s}", "org", "id",
				   (json_int_t)job->inv.org_id, "name", job->inv.org_name, "role",
				   member_role_name(job->inv.role), "already_member", already, "user", "id",
				   (json_int_t)r->user.id, "email", r->user.email, "name", r->user.name, "csrf_token",
				   r->csrf ? r->csrf : ""));
}

void api_invitation_accept(struct req *r)
{
	struct accept_job *job = ARENA_NEW(r->arena, struct accept_job, 1);
	struct field_errors fe = { 0 };
	const char *token = "", *name = "", *password = "", *key;
	int has_account = 0;
	int64_t retry = 0;
	enum invite_result res;
	json_t *body, *v;

	if (!job) {
		api_store_error(r, KF_ENOMEM);
		return;
	}
	body = api_body_object(r);
	if (!body)
		return;
	json_object_foreach(body, key, v) {
		const char **dst = strcmp(key, "token") == 0	 ? &token :
				   strcmp(key, "name") == 0	 ? &name :
				   strcmp(key, "password") == 0 ? &password :
								  NULL;

		if (!dst)
			fe_add(&fe, key, N_("is not a known field"));
		else if (!json_is_string(v))
			fe_add(&fe, key, N_("must be text"));
		else
			*dst = arena_strdup(r->arena, json_string_value(v));
	}
	json_decref(body);
	if (!token || !name || !password) {
		api_store_error(r, KF_ENOMEM);
		return;
	}
	if (!*token)
		fe_add(&fe, "token", N_("must not be empty"));
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	res = invite_lookup(r, token, &job->inv, &has_account, &retry);
	if (res != INVITE_OK) {
		invite_refused(r, res, retry);
		return;
	}
	if (has_account) {
		if (!(r->authed && strcasecmp(r->user.email, job->inv.email) == 0) && !*password)
			fe_add(&fe, "password", N_("must not be empty"));
	} else {
		validate_line(&fe, "name", r->arena, name, 0, 200, &name);
		validate_password(&fe, "password", password);
	}
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	job->name = name;
	job->password = password;
	r->job = job;
	req_defer(r, accept_work);
}
