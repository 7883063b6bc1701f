/* auth.c: session cookies and bearer tokens; secrets are stored only as hashes. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../api/api.h"
#include "../lib/arena.h"
#include "../lib/secret.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "auth.h"
#include "router.h"
#include "throttle.h"
#include "request.h"
#include "../lib/banned.h"

int auth_identify(struct req *r)
{
	const char *authz = req_header(r, "Authorization");
	char hash[KF_TOKEN_HASH_LEN];
	const char *cookie, *csrf;

	/* tokens are for programs: pages accept only the session cookie */
	if (authz && *authz && r->route->kind == KIND_API) {
		if (strncasecmp(authz, "Bearer ", 7) != 0 || strlen(authz + 7) > 200) {
			api_error(r, 401, "unauthenticated", N_("The access token is not valid."));
			return -1;
		}
		kf_token_hash(authz + 7, hash);
		if (store_token_lookup(r->db, r->arena, hash, &r->user) != KF_OK) {
			api_error(r, 401, "unauthenticated", N_("The access token is not valid."));
			return -1;
		}
		r->authed = 1;
		r->via_token = 1;
		return 0;
	}
	cookie = req_cookie(r, SESSION_COOKIE);
	if (!cookie || !*cookie || strlen(cookie) > 200)
		return 0;
	kf_token_hash(cookie, hash);
	if (store_session_lookup(r->db, r->arena, hash, &r->user, &csrf) == KF_OK) {
		r->authed = 1;
		r->csrf = csrf;
		r->session_hash = arena_strdup(r->arena, hash);
	}
	return 0;
}

int auth_session_start(struct req *r, int64_t user_id)
{
	char token[KF_TOKEN_LEN], csrf[KF_TOKEN_LEN], hash[KF_TOKEN_HASH_LEN];

	kf_random_token(token);
	kf_random_token(csrf);
	kf_token_hash(token, hash);
	store_session_purge(r->db);
	if (store_session_create(r->db, hash, user_id, csrf, kf_now() + SESSION_LIFETIME) != KF_OK)
		return -1;
	resp_cookie(r, SESSION_COOKIE, token, SESSION_LIFETIME);
	r->csrf = arena_strdup(r->arena, csrf);
	r->session_hash = arena_strdup(r->arena, hash);
	return r->csrf ? 0 : -1;
}

void auth_session_end(struct req *r)
{
	if (r->session_hash)
		store_session_delete(r->db, r->session_hash);
	resp_cookie(r, SESSION_COOKIE, "", -1);
	r->authed = 0;
	r->csrf = NULL;
}

static char dummy_hash[KF_PASSWORD_HASH_LEN];
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;

static void make_dummy_hash(void)
{
	char pw[KF_TOKEN_LEN];

	kf_random_token(pw);
	if (kf_password_hash(pw, dummy_hash) < 0)
		dummy_hash[0] = '\0';
}

enum login_result auth_check_login(struct req *r, const char *email, const char *password, int64_t *user_id_r,
				   int64_t *retry_after_r)
{
	struct throttle *t = r->app->throttle;
	const char *stored = NULL;
	struct user u;
	enum kf_err err;
	int ok;

	*retry_after_r = throttle_check(t, email, r->client_ip);
	if (*retry_after_r > 0)
		return LOGIN_THROTTLED;
	err = store_user_by_email(r->db, r->arena, email, &u, &stored);
	if (err && err != KF_ENOTFOUND)
		return LOGIN_ERROR;
	if (err == KF_ENOTFOUND || u.disabled) {
		/* same work as for a real account, so timing does not tell which emails exist */
		pthread_once(&dummy_once, make_dummy_hash);
		if (dummy_hash[0])
			kf_password_verify(dummy_hash, password);
		ok = 0;
	} else {
		ok = kf_password_verify(stored, password);
	}
	if (!ok) {
		throttle_failed(t, email, r->client_ip);
		return LOGIN_WRONG;
	}
	throttle_succeeded(t, email);
	*user_id_r = u.id;
	return LOGIN_OK;
}

void auth_retry_after(struct req *r, int64_t seconds)
{
	char v[32];

	snprintf(v, sizeof(v), "%lld", (long long)(seconds > 0 ? seconds : 1));
	resp_header(r, "Retry-After", v);
}
