/* server.c: libmicrohttpd glue: request state, body caps, deferred jobs, responses and headers. */
#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/log.h"
#include "../store/store.h"
#include "hub.h"
#include "request.h"
#include "router.h"
#include "server.h"
#include "worker.h"
#include "../lib/banned.h"

/*
 * Memory per connection (MHD's pool). Every connection touches half of it at
 * once for its read buffer, so it is what an idle event stream costs. It also
 * bounds the request headers: 20 KiB takes a single header line of 9 KiB
 * (nginx and Apache stop at 8 KiB) and about 15 KiB of headers in all; larger
 * ones are answered 431. Bodies are not bound by it (REQ_BODY_MAX).
 */
#define HTTP_POOL_SIZE ((size_t)20 * 1024)
/* sse: the reader's buffer where chunked encoding is not used (HTTP/1.0); events larger than it go in pieces */
#define STREAM_BLOCK_SIZE 1024

struct server {
	struct MHD_Daemon *daemon;
	struct app *app;
	/* sse: the hub and its heartbeat thread */
	struct hub *hub;
	pthread_t beat;
	int beating, stopping;
	unsigned beat_seconds;
	pthread_mutex_t beat_mu;
	pthread_cond_t beat_cv;
};

/* Pages must never run inline script or be framed; assets come only from us. */
static const char csp[] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			  "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const char *req_header(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_HEADER_KIND, name);
}

const char *req_cookie(struct req *r, const char *name)
{
	return MHD_lookup_connection_value(r->conn, MHD_COOKIE_KIND, name);
}

void resp_header(struct req *r, const char *name, const char *value)
{
	kv_add(&r->headers, r->arena, name, strlen(name), value, strlen(value));
}

void resp_cookie(struct req *r, const char *name, const char *value, long max_age)
{
	const char *proto = req_header(r, "X-Forwarded-Proto");
	int secure = r->app->tls_proxy || (proto && strcmp(proto, "https") == 0);
	char *c;

	c = arena_printf(r->arena, "%s=%s; Path=/; HttpOnly; SameSite=Lax; Max-Age=%ld%s", name, value,
			 max_age < 0 ? 0L : max_age, secure ? "; Secure" : "");
	if (c)
		resp_header(r, "Set-Cookie", c);
}

void resp_redirect(struct req *r, const char *location)
{
	r->status = 303;
	resp_header(r, "Location", location);
	r->content_type = "text/plain; charset=utf-8";
	sb_reset(&r->out);
	sb_adds(&r->out, location);
}

void req_defer(struct req *r, req_work_fn work)
{
	r->deferred = work;
}

static enum MHD_Result collect_query_arg(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	struct req *r = cls;

	(void)kind;
	if (r->query.n >= 50)
		return MHD_NO;
	if (!value)
		value = "";
	kv_add(&r->query, r->arena, key, strlen(key), value, strlen(value));
	return MHD_YES;
}

/* sse: the hub parks an idle stream's connection and wakes it when there is news (STACK.md 5.1). */
static void stream_suspend(void *ctx)
{
	MHD_suspend_connection(ctx);
}

static void stream_resume(void *ctx)
{
	MHD_resume_connection(ctx);
}

static const struct hub_wake_ops stream_ops = {stream_suspend, stream_resume};

struct hub_client *resp_event_stream(struct req *r, const char *page)
{
	r->stream = hub_join(r->app->hub, r->org.id, r->user.id, *r->user.name ? r->user.name : r->user.email, page,
			     &stream_ops, r->conn);
	return r->stream;
}

static ssize_t stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	ssize_t n = hub_read(cls, buf, max);

	(void)pos;
	return n < 0 ? MHD_CONTENT_READER_END_OF_STREAM : n;
}

static void stream_free(void *cls)
{
	hub_leave(cls);
}

static void add_security_headers(struct MHD_Response *resp)
{
	MHD_add_response_header(resp, "Content-Security-Policy", csp);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "Referrer-Policy", "same-origin");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
}

/* The event stream: the hub's client becomes the response's reader and is freed with it. */
static enum MHD_Result queue_stream(struct req *r)
{
	struct hub_client *c = r->stream;
	struct MHD_Response *resp;
	enum MHD_Result ret;

	r->stream = NULL;
	resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, STREAM_BLOCK_SIZE, stream_read, c, stream_free);
	if (!resp) {
		hub_leave(c);
		return MHD_NO;
	}
	MHD_add_response_header(resp, "Content-Type", "text/event-stream; charset=utf-8");
	MHD_add_response_header(resp, "Cache-Control", "no-store");
	MHD_add_response_header(resp, "X-Accel-Buffering", "no"); /* nginx: do not buffer the stream */
	add_security_headers(resp);
	ret = MHD_queue_response(r->conn, 200, resp);
	kf_log(KF_LOG_DEBUG, "%s %s stream %s", r->method, r->path, r->client_ip);
	MHD_destroy_response(resp);
	return ret;
}

/*
 * Requests that may send a file-sized body (an import) at the same time: at
 * most BIG_BODIES_MAX, so that nobody fills the memory with them before the
 * router has even looked at who is asking. Another one meanwhile gets the
 * usual cap, and a larger body then a "busy" answer (big_busy).
 */
#define BIG_BODIES_MAX 2
static atomic_int big_bodies;

static size_t body_cap(struct req *r)
{
	size_t max = router_body_max(r->method, r->path);

	if (max <= REQ_BODY_MAX)
		return max;
	if (atomic_fetch_add(&big_bodies, 1) < BIG_BODIES_MAX) {
		r->big_body = 1;
		return max;
	}
	atomic_fetch_sub(&big_bodies, 1);
	r->big_busy = 1;
	return REQ_BODY_MAX;
}

static struct req *req_new(struct app *app, struct MHD_Connection *conn, const char *url, const char *method)
{
	const union MHD_ConnectionInfo *ci;
	struct arena *a = arena_new();
	struct req *r;
	const char *q;
	char ip[INET6_ADDRSTRLEN] = "unknown";

	if (!a)
		return NULL;
	r = arena_alloc(a, sizeof(*r));
	if (!r) {
		arena_free(a);
		return NULL;
	}
	r->app = app;
	r->conn = conn;
	r->arena = a;
	r->method = arena_strdup(a, method);
	/* MHD hands over the path without the query; the arguments come decoded from MHD */
	q = strchr(url, '?');
	r->path = q ? arena_strndup(a, url, (size_t)(q - url)) : arena_strdup(a, url);
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, collect_query_arg, r);
	sb_init(&r->body, body_cap(r));
	sb_init(&r->out, 0);
	r->status = 200;
	r->content_type = "text/html; charset=utf-8";
	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr) {
		if (ci->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr, ip, sizeof(ip));
		else if (ci->client_addr->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr, ip, sizeof(ip));
	}
	r->client_ip = arena_strdup(a, ip);
	if (!r->method || !r->path || !r->client_ip) {
		arena_free(a);
		return NULL;
	}
	return r;
}

static void req_free(struct req *r)
{
	if (r->big_body)
		atomic_fetch_sub(&big_bodies, 1);
	if (r->stream)
		hub_leave(r->stream);
	if (r->db)
		store_conn_put(r->db);
	sb_release(&r->body);
	sb_release(&r->out);
	arena_free(r->arena);
}

static enum MHD_Result queue_response(struct req *r)
{
	struct MHD_Response *resp;
	enum MHD_Result ret;
	size_t len;
	char *body;

	if (r->out.failed) {
		/* the page outgrew its cap or memory ran out: fail this request, not the server */
		sb_release(&r->out);
		sb_adds(&r->out, "Internal error\n");
		r->status = 500;
		r->content_type = "text/plain; charset=utf-8";
	}
	body = sb_detach(&r->out, &len);
	if (!body)
		return MHD_NO;
	resp = MHD_create_response_from_buffer(len, body, MHD_RESPMEM_MUST_FREE);
	if (!resp) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, "Content-Type", r->content_type);
	add_security_headers(resp);
	if (!kv_get(&r->headers, "Cache-Control"))
		MHD_add_response_header(resp, "Cache-Control", "no-store");
	for (size_t i = 0; i < r->headers.n; i++)
		MHD_add_response_header(resp, r->headers.items[i].key, r->headers.items[i].val);
	ret = MHD_queue_response(r->conn, (unsigned)r->status, resp);
	kf_log(KF_LOG_DEBUG, "%s %s %d %zu %s", r->method, r->path, r->status, len, r->client_ip);
	MHD_destroy_response(resp);
	return ret;
}

static void run_deferred(void *arg)
{
	struct req *r = arg;

	r->deferred(r);
	r->state = REQ_READY;
	MHD_resume_connection(r->conn);
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url, const char *method,
				  const char *version, const char *upload_data, size_t *upload_data_size,
				  void **req_cls)
{
	struct req *r = *req_cls;

	(void)version;
	if (!r) {
		/* first call: headers only; answering now would cost keep-alive (STACK.md 5.1) */
		const char *cl;

		r = req_new(cls, conn, url, method);
		if (!r)
			return MHD_NO;
		*req_cls = r;
		cl = req_header(r, "Content-Length");
		if (cl && strtoull(cl, NULL, 10) > r->body.max)
			r->body_too_big = 1;
		return MHD_YES;
	}
	if (r->state == REQ_READY)
		return queue_response(r);
	if (r->stream) /* sse: not expected here, but never leak a client */
		return queue_stream(r);
	if (*upload_data_size) {
		if (!r->body_too_big && sb_add(&r->body, upload_data, *upload_data_size) < 0)
			r->body_too_big = 1;
		*upload_data_size = 0;
		return MHD_YES;
	}
	router_dispatch(r);
	if (r->deferred) {
		r->state = REQ_DEFERRED;
		MHD_suspend_connection(conn);
		if (worker_submit(run_deferred, r) < 0) {
			r->deferred = NULL;
			r->state = REQ_READY;
			router_fail(r, 503, "busy", N_("The server is busy. Please try again in a moment."));
			MHD_resume_connection(conn);
		}
		return MHD_YES;
	}
	if (r->stream && r->status == 200) {
		/*
		 * sse: the hub client holds all the stream needs; the request (its
		 * database connection, arena and buffers) goes back now, not when
		 * the stream ends hours later
		 */
		enum MHD_Result ret = queue_stream(r);

		req_free(r);
		*req_cls = NULL;
		return ret;
	}
	if (r->stream) { /* the handler failed after joining */
		hub_leave(r->stream);
		r->stream = NULL;
	}
	return queue_response(r);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **req_cls, enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)conn;
	(void)toe;
	if (*req_cls) {
		req_free(*req_cls);
		*req_cls = NULL;
	}
}

__attribute__((format(printf, 2, 0))) static void on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	char line[512];

	(void)cls;
	vsnprintf(line, sizeof(line), fmt, ap);
	line[strcspn(line, "\n")] = '\0';
	kf_log(KF_LOG_WARN, "http: %s", line);
}

/* sse: a comment line to idle streams every beat_seconds, so dead clients are found. */
static void *heartbeat_main(void *arg)
{
	struct server *s = arg;
	struct timespec until;

	pthread_mutex_lock(&s->beat_mu);
	while (!s->stopping) {
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += s->beat_seconds;
		while (!s->stopping && pthread_cond_timedwait(&s->beat_cv, &s->beat_mu, &until) == 0)
			;
		if (!s->stopping)
			hub_heartbeat(s->hub);
	}
	pthread_mutex_unlock(&s->beat_mu);
	return NULL;
}

/*
 * sse: every stream holds a connection and a file descriptor: allow 10,000
 * connections, as far as the descriptor limit (raised to its hard limit) allows.
 */
static unsigned connection_limit(void)
{
	struct rlimit rl;
	rlim_t want = 10000 + 64;

	if (getrlimit(RLIMIT_NOFILE, &rl) != 0)
		return 1000;
	if (rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur < want) {
		rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ? want : rl.rlim_max;
		setrlimit(RLIMIT_NOFILE, &rl);
		getrlimit(RLIMIT_NOFILE, &rl);
	}
	if (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur >= want)
		return 10000;
	if (rl.rlim_cur < 128)
		return 64;
	kf_log(KF_LOG_WARN, "only %llu file descriptors (ulimit -n): at most %llu connections",
	       (unsigned long long)rl.rlim_cur, (unsigned long long)(rl.rlim_cur - 64));
	return (unsigned)(rl.rlim_cur - 64);
}

struct server *server_start(struct app *app, const char *addr, unsigned short port)
{
	struct sockaddr_in sin;
	struct server *s;
	const char *beat = getenv("KRISENFEST_SSE_HEARTBEAT");

	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons(port);
	if (inet_pton(AF_INET, addr, &sin.sin_addr) != 1) {
		kf_log(KF_LOG_ERROR, "not an IPv4 address: %s", addr);
		return NULL;
	}
	s = calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->app = app;
	s->hub = hub_new();
	s->beat_seconds = beat && strtoul(beat, NULL, 10) > 0 ? (unsigned)strtoul(beat, NULL, 10) : 15;
	if (!s->hub || pthread_mutex_init(&s->beat_mu, NULL) != 0) {
		hub_free(s->hub);
		free(s);
		return NULL;
	}
	pthread_cond_init(&s->beat_cv, NULL);
	app->hub = s->hub;
	store_set_listener(app->store, hub_publish, s->hub);
	s->daemon = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME |
					     MHD_USE_ERROR_LOG,
				     port, NULL, NULL, on_request, app, MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, NULL,
				     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sin,
				     MHD_OPTION_THREAD_POOL_SIZE, (unsigned)2, MHD_OPTION_CONNECTION_LIMIT, connection_limit(),
				     MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)1024, MHD_OPTION_CONNECTION_TIMEOUT,
				     (unsigned)60, MHD_OPTION_CONNECTION_MEMORY_LIMIT, HTTP_POOL_SIZE,
				     MHD_OPTION_NOTIFY_COMPLETED, on_completed, NULL, MHD_OPTION_END);
	if (!s->daemon) {
		kf_log(KF_LOG_ERROR, "cannot listen on %s:%u (port in use?)", addr, port);
		goto fail;
	}
	if (pthread_create(&s->beat, NULL, heartbeat_main, s) != 0) {
		MHD_stop_daemon(s->daemon);
		goto fail;
	}
	s->beating = 1;
	return s;
fail:
	store_set_listener(app->store, NULL, NULL);
	app->hub = NULL;
	hub_free(s->hub);
	pthread_cond_destroy(&s->beat_cv);
	pthread_mutex_destroy(&s->beat_mu);
	free(s);
	return NULL;
}

void server_stop(struct server *s)
{
	if (!s)
		return;
	if (s->beating) {
		pthread_mutex_lock(&s->beat_mu);
		s->stopping = 1;
		pthread_cond_signal(&s->beat_cv);
		pthread_mutex_unlock(&s->beat_mu);
		pthread_join(s->beat, NULL);
	}
	/* sse: end every stream and resume its connection before the daemon stops (STACK.md 5.1) */
	store_set_listener(s->app->store, NULL, NULL);
	hub_shutdown(s->hub);
	MHD_stop_daemon(s->daemon);
	s->app->hub = NULL;
	hub_free(s->hub);
	pthread_cond_destroy(&s->beat_cv);
	pthread_mutex_destroy(&s->beat_mu);
	free(s);
}
