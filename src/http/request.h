/* request.h: one HTTP request as handlers see it, and the calls that build its response. */
#ifndef KF_REQUEST_H
#define KF_REQUEST_H

#include <stdint.h>

#include "../core/member.h"
#include "../lib/i18n.h"
#include "../lib/kv.h"
#include "../lib/strbuf.h"

struct MHD_Connection;
struct arena;
struct hub;        /* sse */
struct hub_client; /* sse */
struct route;
struct store;
struct store_conn;
struct throttle;

#define REQ_BODY_MAX ((size_t)256 * 1024)
/* A plan to import (a JSON export of a large plan runs to a few MiB). */
#define REQ_IMPORT_BODY_MAX ((size_t)32 * 1024 * 1024)

/* Shared, long-lived server state. */
struct app {
	struct store *store;
	struct throttle *throttle;
	int tls_proxy;        /* cookies get Secure */
	char base_url[256];   /* http://host:port, for links printed on the console */
	int base_url_given;   /* serve --base-url was given: base_url is the address people really open */
	int mail_configured;  /* notifications: serve --smtp-url given */
	struct hub *hub;      /* sse: live events; set by server_start */
	char webhook_http_hosts[256]; /* drill: hosts a webhook may reach over plain http (serve --webhook-http-host) */
};

/* The plan's address for printed exports (the card's QR code): "" unless serve --base-url says it. */
static inline const char *app_public_url(const struct app *a)
{
	return a->base_url_given ? a->base_url : "";
}

enum req_state { REQ_NEW, REQ_DEFERRED, REQ_READY };

struct req;
typedef void (*req_work_fn)(struct req *r);

struct req {
	struct app *app;
	struct MHD_Connection *conn;
	struct arena *arena;
	enum req_state state;

	const char *method;
	const char *path; /* without the query */
	struct kv_list query;
	struct strbuf body;
	int body_too_big;
	int big_body; /* holds one of the few places for a file-sized body (server.c) */
	int big_busy; /* asked for one while all were taken: the usual cap applies */
	struct kv_list form; /* urlencoded body, parsed by the router for web routes */
	enum kf_lang lang;
	const char *client_ip;

	/* filled by the router before the handler runs */
	const struct route *route;
	struct store_conn *db;
	int authed;
	int via_token;
	struct user user;
	const char *session_hash; /* hash of the session cookie's token */
	const char *csrf;         /* the session's CSRF token */
	struct org org;           /* for /orgs/{org}/ and /o/{org}/ routes, with the caller's role */
	int64_t id;               /* the {id} path segment, 0 when none */

	/* the response */
	int status;
	const char *content_type;
	struct strbuf out;
	struct kv_list headers;
	req_work_fn deferred;
	void *job; /* the handler's data for its deferred work */
	struct hub_client *stream; /* sse: the answer is this client's event stream */
};

const char *req_header(struct req *r, const char *name);
const char *req_cookie(struct req *r, const char *name);
/* Adds a response header (value copied). */
void resp_header(struct req *r, const char *name, const char *value);
/* Sets a cookie; max_age < 0 deletes it. Adds Secure behind TLS. */
void resp_cookie(struct req *r, const char *name, const char *value, long max_age);
/* 303 See Other to a local path. */
void resp_redirect(struct req *r, const char *location);
/*
 * Runs work on a worker thread (slow jobs: password hashing); the connection
 * waits meanwhile. work fills the response like a handler.
 */
void req_defer(struct req *r, req_work_fn work);
/*
 * sse: answers with a text/event-stream fed by the hub: joins org's listeners
 * as the caller, with page open (NULL: no presence). NULL when out of memory.
 */
struct hub_client *resp_event_stream(struct req *r, const char *page);

#endif
