/* router.c: matches a request to its route and runs the checks the route declares. */
#include <stdio.h>
#include <string.h>

#include "../api/api.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/secret.h"
#include "../store/store.h"
#include "../web/html.h"
#include "../web/web.h"
#include "auth.h"
#include "request.h"
#include "router.h"
#include "../lib/banned.h"

const struct route routes[] = {
#define ROUTE(m, p, h, auth, role, csrf, kind) { #m, p, h, auth, role, csrf, kind, 0 },
#define SLOW_ROUTE(m, p, h, auth, role, csrf, kind) { #m, p, h, auth, role, csrf, kind, 1 },
#include "routes.def"
#undef SLOW_ROUTE
#undef ROUTE
};
const int routes_count = sizeof(routes) / sizeof(routes[0]);

static int is_number(const char *s, size_t n)
{
	if (n == 0 || n > 18 || s[0] == '0')
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/*
 * The length of the value of the {x} at pattern in the segment at path, or 0
 * when it does not fit: the segment up to the next '/', less the literal
 * suffix the pattern may put after the brace ("{token}.ics"); never empty.
 */
static size_t placeholder_len(const char *pattern, const char *path, const char **after_r)
{
	const char *pend = strchr(pattern, '}');
	size_t seg = strcspn(path, "/"), suffix;

	if (!pend)
		return 0;
	suffix = strcspn(pend + 1, "/");
	if (seg <= suffix || strncmp(path + seg - suffix, pend + 1, suffix) != 0)
		return 0;
	*after_r = pend + 1 + suffix;
	return seg - suffix;
}

/* 1 when path fits pattern; each {x} stands for one non-empty segment (or its start, before a literal suffix). */
static int path_matches(const char *pattern, const char *path)
{
	while (*pattern && *path) {
		if (*pattern == '{') {
			const char *after;

			if (!placeholder_len(pattern, path, &after))
				return 0;
			path += strcspn(path, "/");
			pattern = after;
			continue;
		}
		if (*pattern != *path)
			return 0;
		pattern++;
		path++;
	}
	return *pattern == '\0' && *path == '\0';
}

/* Routes that take a file in their body, with their own cap. */
static const struct {
	const char *method, *pattern;
	size_t max;
} big_bodies[] = {
	{ "POST", "/api/v1/orgs/{org}/import", REQ_IMPORT_BODY_MAX }, /* exports: re-import */
};

size_t router_body_max(const char *method, const char *path)
{
	for (size_t i = 0; i < sizeof(big_bodies) / sizeof(big_bodies[0]); i++)
		if (strcmp(method, big_bodies[i].method) == 0 && path_matches(big_bodies[i].pattern, path))
			return big_bodies[i].max;
	return REQ_BODY_MAX;
}

const char *router_segment(struct req *r, const char *name)
{
	const char *pattern = r->route ? r->route->pattern : NULL, *path = r->path;
	size_t nlen = strlen(name);

	if (!pattern)
		return NULL;
	while (*pattern && *path) {
		if (*pattern == '{') {
			const char *pend = strchr(pattern, '}'), *after;
			size_t len = placeholder_len(pattern, path, &after);

			if (!len)
				return NULL;
			if ((size_t)(pend - pattern - 1) == nlen && strncmp(pattern + 1, name, nlen) == 0)
				return arena_strndup(r->arena, path, len);
			pattern = after;
			path += strcspn(path, "/");
			continue;
		}
		pattern++;
		path++;
	}
	return NULL;
}

void router_fail(struct req *r, int status, const char *code, const char *msgid)
{
	int api = r->route ? r->route->kind == KIND_API : strncmp(r->path, "/api/", 5) == 0;

	if (api)
		api_error(r, status, code, msgid);
	else
		web_error_page(r, status, msgid);
}

static const struct route *find_route(struct req *r, int *path_known_r, char *allow, size_t allow_len)
{
	const char *method = strcmp(r->method, "HEAD") == 0 ? "GET" : r->method;
	const struct route *found = NULL;
	size_t used = 0;

	*path_known_r = 0;
	allow[0] = '\0';
	for (int i = 0; i < routes_count; i++) {
		if (!path_matches(routes[i].pattern, r->path))
			continue;
		*path_known_r = 1;
		if (!found && strcmp(routes[i].method, method) == 0)
			found = &routes[i];
		if (used + strlen(routes[i].method) + 3 < allow_len)
			used += (size_t)snprintf(allow + used, allow_len - used, "%s%s", used ? ", " : "",
						 routes[i].method);
	}
	return found;
}

static int check_csrf(struct req *r)
{
	const char *given;

	if (r->route->csrf == CSRF_NO || r->via_token)
		return 1;
	if (r->route->csrf == CSRF_PRE) {
		const char *cookie = req_cookie(r, "kf_pre");

		given = kv_get(&r->form, "_csrf");
		return cookie && given && *cookie && kf_secure_streq(cookie, given);
	}
	if (!r->csrf)
		return 0;
	given = r->route->kind == KIND_API ? req_header(r, "X-CSRF-Token") : kv_get(&r->form, "_csrf");
	return given && kf_secure_streq(r->csrf, given);
}

/* A path id that is no number: 400 for API callers (a client bug), 404 for people. */
static void bad_path_id(struct req *r)
{
	if (r->route->kind == KIND_API)
		api_error(r, 400, "bad_request", N_("The id in the address must be a positive whole number."));
	else
		web_error_page(r, 404, N_("This page does not exist, or you have no access to it."));
}

/* Sends people to the login page; after signing in they come back to the page they asked for. */
static void redirect_to_login(struct req *r)
{
	struct strbuf loc;

	if (strcmp(r->method, "GET") != 0) {
		resp_redirect(r, "/login");
		return;
	}
	sb_init(&loc, 2048);
	sb_adds(&loc, "/login?next=");
	html_url_part(&loc, r->path);
	resp_redirect(r, loc.failed ? "/login" : loc.buf);
	sb_release(&loc);
}

static int load_org(struct req *r)
{
	const char *seg = router_segment(r, "org");
	long long org_id = 0;
	enum member_role role;

	if (!seg || !is_number(seg, strlen(seg))) {
		bad_path_id(r);
		return 0;
	}
	if (sscanf(seg, "%lld", &org_id) != 1 || org_id <= 0)
		goto not_found;
	if (store_membership_role(r->db, org_id, r->user.id, &role) != KF_OK) {
		router_fail(r, 500, "internal", N_("The database could not be read. Please try again."));
		return 0;
	}
	if (role == MEMBER_NONE || store_org_get(r->db, r->arena, org_id, &r->org) != KF_OK)
		goto not_found;
	r->org.role = role;
	if (role < r->route->min_role) {
		router_fail(r, 403, "forbidden", N_("Your role in this organisation does not allow this."));
		return 0;
	}
	return 1;
not_found:
	router_fail(r, 404, "not_found", N_("This page does not exist, or you have no access to it."));
	return 0;
}

void router_dispatch(struct req *r)
{
	const struct route *rt;
	char allow[128];
	int path_known;
	const char *id;
	long long id_value = 0;

	r->lang = i18n_from_accept_language(req_header(r, "Accept-Language"));
	rt = find_route(r, &path_known, allow, sizeof(allow));
	if (!rt) {
		if (path_known) {
			resp_header(r, "Allow", allow);
			router_fail(r, 405, "method_not_allowed", N_("This address does not accept this method."));
		} else {
			router_fail(r, 404, "not_found", N_("This page does not exist, or you have no access to it."));
		}
		return;
	}
	r->route = rt;
	if (rt->kind == KIND_ASSET) {
		rt->handler(r);
		return;
	}
	if (r->body_too_big) {
		if (r->big_busy)
			router_fail(r, 503, "busy", N_("Another large file is being received. Please try again in a minute."));
		else if (r->body.max > REQ_BODY_MAX)
			router_fail(r, 413, "body_too_large", N_("The file is too large (at most 32 MiB)."));
		else
			router_fail(r, 413, "body_too_large", N_("The request is too large (at most 256 KiB)."));
		return;
	}
	r->db = store_conn_get(r->app->store);
	if (!r->db) {
		router_fail(r, 503, "unavailable", N_("The database is not reachable. Please try again."));
		return;
	}
	if (auth_identify(r) < 0)
		return;
	if (rt->auth != AUTH_NONE && !r->authed) {
		if (rt->kind == KIND_API)
			api_error(r, 401, "unauthenticated", N_("Please sign in first."));
		else
			redirect_to_login(r);
		return;
	}
	if (rt->auth == AUTH_ORG && !load_org(r))
		return;
	id = router_segment(r, "id");
	if (id && (!is_number(id, strlen(id)) || sscanf(id, "%lld", &id_value) != 1)) {
		bad_path_id(r);
		return;
	}
	r->id = id_value;
	if (rt->kind == KIND_WEB && strcmp(r->method, "POST") == 0 &&
	    kv_parse_urlencoded(&r->form, r->arena, r->body.buf, r->body.len, 200) < 0) {
		router_fail(r, 400, "bad_request", N_("The form data could not be read."));
		return;
	}
	if (!check_csrf(r)) {
		router_fail(r, 403, "csrf_failed",
			    N_("The security token of this form is missing or outdated. Please reload the page and try again."));
		return;
	}
	if (rt->on_worker)
		req_defer(r, rt->handler);
	else
		rt->handler(r);
}
