/* api_session.c: signing in and out through the API, and who am I. */
#include <string.h>

#include "../http/auth.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

struct login_job {
	const char *email;
	const char *password;
};

static json_t *session_json(struct req *r)
{
	return json_pack("{s:{s:I, s:s, s:s}, s:s}", "user", "id", (json_int_t)r->user.id, "email", r->user.email,
			 "name", r->user.name, "csrf_token", r->csrf ? r->csrf : "");
}

static void login_work(struct req *r)
{
	struct login_job *job = r->job;
	int64_t user_id = 0, retry = 0;

	switch (auth_check_login(r, job->email, job->password, &user_id, &retry)) {
	case LOGIN_OK:
		break;
	case LOGIN_THROTTLED:
		auth_retry_after(r, retry);
		api_error(r, 429, "too_many_attempts",
			  N_("Too many failed sign-in attempts. Please wait a few minutes and try again."));
		return;
	case LOGIN_WRONG:
		api_error(r, 401, "invalid_credentials", N_("Email or password is wrong."));
		return;
	default:
		api_error(r, 500, "internal", N_("The database could not be read. Please try again."));
		return;
	}
	if (store_user_by_id(r->db, r->arena, user_id, &r->user) != KF_OK || auth_session_start(r, user_id) < 0) {
		api_error(r, 500, "internal", N_("The session could not be started. Please try again."));
		return;
	}
	r->authed = 1;
	api_json(r, 200, session_json(r));
}

void api_session_create(struct req *r)
{
	struct login_job *job = ARENA_NEW(r->arena, struct login_job, 1);
	struct field_errors fe = { 0 };
	json_t *body = api_body_object(r), *email, *password;
	const char *key;
	json_t *val;

	if (!body)
		return;
	if (!job) {
		json_decref(body);
		api_store_error(r, KF_ENOMEM);
		return;
	}
	json_object_foreach(body, key, val)
		if (strcmp(key, "email") != 0 && strcmp(key, "password") != 0)
			fe_add(&fe, key, N_("is not a known field"));
	email = json_object_get(body, "email");
	password = json_object_get(body, "password");
	if (!json_is_string(email) || !json_string_length(email))
		fe_add(&fe, "email", N_("must not be empty"));
	if (!json_is_string(password) || !json_string_length(password))
		fe_add(&fe, "password", N_("must not be empty"));
	if (fe.n) {
		json_decref(body);
		api_error_fields(r, &fe);
		return;
	}
	job->email = arena_strdup(r->arena, json_string_value(email));
	job->password = arena_strdup(r->arena, json_string_value(password));
	json_decref(body);
	if (!job->email || !job->password) {
		api_store_error(r, KF_ENOMEM);
		return;
	}
	r->job = job;
	req_defer(r, login_work);
}

void api_session_get(struct req *r)
{
	api_json(r, 200, session_json(r));
}

void api_session_delete(struct req *r)
{
	auth_session_end(r);
	r->status = 204;
	r->content_type = "application/json";
	sb_reset(&r->out);
}
