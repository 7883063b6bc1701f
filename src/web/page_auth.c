/* page_auth.c: the start address, signing in and out, and the one-time set-up of a new instance. */
#include <stdio.h>
#include <string.h>

#include "../core/validate.h"
#include "../http/auth.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/secret.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

#define PRE_COOKIE "kf_pre"
#define SETUP_SETTING "setup_token_hash"

/* The pre-session CSRF token: forms without a session are tied to a cookie. */
static const char *pre_token(struct req *r)
{
	const char *have = req_cookie(r, PRE_COOKIE);
	char token[KF_TOKEN_LEN];

	if (have && strlen(have) >= 32 && strlen(have) < 64)
		return have;
	kf_random_token(token);
	resp_cookie(r, PRE_COOKIE, token, 3600);
	return arena_strdup(r->arena, token);
}

/* A local path to return to after signing in: "/..." but never "//host" or anything with controls. */
static int safe_next(const char *next)
{
	if (!next || next[0] != '/' || next[1] == '/' || next[1] == '\\' || strlen(next) > 1000)
		return 0;
	for (const char *s = next; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == '\\' || *s == 0x7f)
			return 0;
	return 1;
}

/* Lists the organisations of a member of several (an IT partner, say). */
static void org_choice_page(struct req *r, const struct org *orgs, size_t n)
{
	struct strbuf *o = &r->out;
	char href[48];

	r->status = 200;
	sb_reset(o);
	page_begin(r, N_("Your organisations"), STEP_NONE, N_("You are a member of several organisations. Choose the plan you want to work on."));
	html_lit(o, "<ul class=\"orgs\">");
	for (size_t i = 0; i < n; i++) {
		snprintf(href, sizeof(href), "/o/%lld/", (long long)orgs[i].id);
		html_lit(o, "<li><a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, orgs[i].name);
		html_lit(o, "</a> <span class=\"badge\">");
		html_text(o, _(r->lang, member_role_label(orgs[i].role)));
		html_lit(o, "</span></li>");
	}
	html_lit(o, "</ul>");
	page_end(r);
}

static void go_home(struct req *r, int64_t user_id, const char *next)
{
	struct org *orgs;
	size_t n = 0;
	char loc[48];

	if (safe_next(next)) {
		resp_redirect(r, next);
		return;
	}
	if (store_user_orgs(r->db, r->arena, user_id, &orgs, &n) != KF_OK || n == 0) {
		web_error_page(r, 200, N_("You are signed in, but you are not a member of any organisation yet. "
					   "Ask your administrator to add you."));
		return;
	}
	if (n > 1) {
		org_choice_page(r, orgs, n);
		return;
	}
	snprintf(loc, sizeof(loc), "/o/%lld/", (long long)orgs[0].id);
	resp_redirect(r, loc);
}

void web_root(struct req *r)
{
	int exists = 0;

	if (r->authed) {
		go_home(r, r->user.id, NULL);
		return;
	}
	if (store_instance_exists(r->db, &exists) == KF_OK && !exists) {
		web_error_page(r, 200, N_("krisenfest is not set up yet. Open the one-time set-up link that "
					   "the server printed on its console when it started."));
		return;
	}
	resp_redirect(r, "/login");
}

static void login_page(struct req *r, int status, const char *email, const char *next, const char *error)
{
	struct strbuf *o = &r->out;
	struct field f;

	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Sign in"), STEP_NONE, N_("Sign in to work on your company's IT emergency plan."));
	if (error)
		page_notice(r, "error", _(r->lang, error));
	form_begin(r, "/login", pre_token(r));
	if (safe_next(next))
		form_hidden(r, "next", next);
	f = (struct field){ .name = "email", .label = N_("Email"), .value = email, .type = "email",
			    .autocomplete = "username", .required = 1 };
	form_input(r, &f);
	f = (struct field){ .name = "password", .label = N_("Password"), .value = "", .type = "password",
			    .autocomplete = "current-password", .required = 1 };
	form_input(r, &f);
	form_submit(r, N_("Sign in"), NULL);
	form_end(r);
	page_end(r);
}

void web_login_form(struct req *r)
{
	if (r->authed) {
		go_home(r, r->user.id, kv_get(&r->query, "next"));
		return;
	}
	login_page(r, 200, "", kv_get(&r->query, "next"), NULL);
}

struct login_job {
	const char *email;
	const char *password;
	const char *next;
};

static void login_work(struct req *r)
{
	struct login_job *job = r->job;
	int64_t user_id = 0, retry = 0;

	switch (auth_check_login(r, job->email, job->password, &user_id, &retry)) {
	case LOGIN_OK:
		if (auth_session_start(r, user_id) < 0) {
			login_page(r, 500, job->email, job->next, N_("The session could not be started. Please try again."));
			return;
		}
		go_home(r, user_id, job->next);
		return;
	case LOGIN_THROTTLED:
		auth_retry_after(r, retry);
		login_page(r, 429, job->email, job->next,
			   N_("Too many failed sign-in attempts. Please wait a few minutes and try again."));
		return;
	case LOGIN_WRONG:
		login_page(r, 401, job->email, job->next, N_("Email or password is wrong."));
		return;
	default:
		login_page(r, 500, job->email, job->next, N_("The database could not be read. Please try again."));
		return;
	}
}

void web_login_post(struct req *r)
{
	struct login_job *job = ARENA_NEW(r->arena, struct login_job, 1);
	const char *email = kv_get(&r->form, "email"), *password = kv_get(&r->form, "password");

	if (!email || !*email || !password || !*password) {
		login_page(r, 422, email ? email : "", kv_get(&r->form, "next"), N_("Please enter your email and your password."));
		return;
	}
	if (!job) {
		web_error_page(r, 500, N_("The server ran out of memory. Please try again."));
		return;
	}
	job->email = email;
	job->password = password;
	job->next = kv_get(&r->form, "next");
	r->job = job;
	req_defer(r, login_work);
}

void web_logout(struct req *r)
{
	auth_session_end(r);
	resp_redirect(r, "/login");
}

/* 1 when token is the instance's current set-up token. */
static int setup_token_ok(struct req *r, const char *token)
{
	char hash[KF_TOKEN_HASH_LEN];
	const char *stored = NULL;

	if (!token || !*token || strlen(token) > 100)
		return 0;
	if (store_setting_get(r->db, r->arena, SETUP_SETTING, &stored) != KF_OK)
		return 0;
	kf_token_hash(token, hash);
	return kf_secure_streq(hash, stored);
}

struct setup_input {
	const char *token;
	const char *org_name;
	const char *name;
	const char *email;
	const char *password;
	const char *password2;
};

static void setup_page(struct req *r, int status, const struct setup_input *in, const struct field_errors *fe)
{
	struct field f;

	r->status = status;
	sb_reset(&r->out);
	page_begin(r, N_("Set up krisenfest"), STEP_NONE,
		   N_("Create your organisation and the first administrator. This page works only once."));
	form_error_summary(r, fe);
	form_begin(r, "/setup", pre_token(r));
	form_hidden(r, "token", in->token);
	f = (struct field){ .name = "org_name", .label = N_("Name of your company"), .value = in->org_name,
			    .required = 1, .autocomplete = "organization", .error = fe_get(fe, "org_name") };
	form_input(r, &f);
	f = (struct field){ .name = "name", .label = N_("Your name"), .value = in->name, .autocomplete = "name",
			    .error = fe_get(fe, "name") };
	form_input(r, &f);
	f = (struct field){ .name = "email", .label = N_("Your email"), .value = in->email, .type = "email",
			    .required = 1, .autocomplete = "username", .error = fe_get(fe, "email") };
	form_input(r, &f);
	f = (struct field){ .name = "password", .label = N_("Password"), .value = "", .type = "password",
			    .required = 1, .autocomplete = "new-password", .hint = N_("At least 10 characters."),
			    .error = fe_get(fe, "password") };
	form_input(r, &f);
	f = (struct field){ .name = "password2", .label = N_("Repeat the password"), .value = "", .type = "password",
			    .required = 1, .autocomplete = "new-password", .error = fe_get(fe, "password2") };
	form_input(r, &f);
	form_submit(r, N_("Create organisation"), NULL);
	form_end(r);
	page_end(r);
}

void web_setup_form(struct req *r)
{
	struct setup_input in = { .token = kv_get(&r->query, "token"), .org_name = "", .name = "", .email = "" };
	int exists = 0;

	if (store_instance_exists(r->db, &exists) == KF_OK && exists) {
		web_error_page(r, 410, N_("krisenfest is already set up. Please sign in."));
		return;
	}
	if (!setup_token_ok(r, in.token)) {
		web_error_page(r, 403, N_("This set-up link is not valid. Use the link that the server printed "
					   "on its console."));
		return;
	}
	setup_page(r, 200, &in, NULL);
}

static void setup_work(struct req *r)
{
	struct setup_input *in = r->job;
	char hash[KF_PASSWORD_HASH_LEN];
	int64_t org_id, user_id;
	enum kf_err err;
	char loc[48];

	if (kf_password_hash(in->password, hash) < 0) {
		web_error_page(r, 503, N_("The server is short of memory. Please try again."));
		return;
	}
	err = store_setup_instance(r->db, in->org_name, in->email, in->name, hash, &org_id, &user_id);
	if (err == KF_EEXIST) {
		web_error_page(r, 410, N_("krisenfest is already set up. Please sign in."));
		return;
	}
	if (err || store_setting_delete(r->db, SETUP_SETTING) != KF_OK || auth_session_start(r, user_id) < 0) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	snprintf(loc, sizeof(loc), "/o/%lld/", (long long)org_id);
	resp_redirect(r, loc);
}

void web_setup_post(struct req *r)
{
	struct setup_input *in = ARENA_NEW(r->arena, struct setup_input, 1);
	struct field_errors fe = { 0 };
	const char *v;

	if (!in) {
		web_error_page(r, 500, N_("The server ran out of memory. Please try again."));
		return;
	}
	in->token = (v = kv_get(&r->form, "token")) ? v : "";
	in->org_name = (v = kv_get(&r->form, "org_name")) ? v : "";
	in->name = (v = kv_get(&r->form, "name")) ? v : "";
	in->email = (v = kv_get(&r->form, "email")) ? v : "";
	in->password = (v = kv_get(&r->form, "password")) ? v : "";
	in->password2 = (v = kv_get(&r->form, "password2")) ? v : "";
	if (!setup_token_ok(r, in->token)) {
		web_error_page(r, 403, N_("This set-up link is not valid. Use the link that the server printed "
					   "on its console."));
		return;
	}
	validate_line(&fe, "org_name", r->arena, in->org_name, 1, 200, &in->org_name);
	validate_line(&fe, "name", r->arena, in->name, 0, 200, &in->name);
	if (validate_line(&fe, "email", r->arena, in->email, 1, 254, &in->email) == 0)
		validate_email(&fe, "email", in->email);
	validate_password(&fe, "password", in->password);
	if (strcmp(in->password, in->password2) != 0)
		fe_add(&fe, "password2", N_("does not match the password"));
	if (fe.n) {
		setup_page(r, 422, in, &fe);
		return;
	}
	r->job = in;
	req_defer(r, setup_work);
}
