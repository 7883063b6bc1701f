/* router.h: the route table and the checks that run before every handler. */
#ifndef KF_ROUTER_H
#define KF_ROUTER_H

#include <stddef.h>

#include "../core/member.h"

struct req;

enum route_auth { AUTH_NONE, AUTH_USER, AUTH_ORG };
enum route_csrf { CSRF_NO, CSRF_YES, CSRF_PRE };
enum route_kind { KIND_API, KIND_WEB, KIND_ASSET };

struct route {
	const char *method;
	const char *pattern;
	void (*handler)(struct req *r);
	enum route_auth auth;
	enum member_role min_role;
	enum route_csrf csrf;
	enum route_kind kind;
	int on_worker; /* SLOW_ROUTE: the handler runs on the worker pool (req_defer), e.g. it hashes the plan */
};

extern const struct route routes[];
extern const int routes_count;

/* Finds the route, authenticates, authorises, checks CSRF and runs the handler. */
void router_dispatch(struct req *r);
/* Answers an error in the style of the route (JSON for the API, a page otherwise). */
void router_fail(struct req *r, int status, const char *code, const char *msgid);
/* The largest body a request to path may send: REQ_BODY_MAX but for the few routes that take files. */
size_t router_body_max(const char *method, const char *path);
/* The {name} path segment of the matched route (NULL when none). */
const char *router_segment(struct req *r, const char *name);

#endif
