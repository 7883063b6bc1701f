/* calendar.c: a member's secret calendar link: a fresh random token, its hash stored, the full link shown once. */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/secret.h"
#include "calendar.h"
#include "request.h"
#include "../lib/banned.h"

/* 1 when host is a plain host[:port] (nothing that could break out of a URL). */
static int host_ok(const char *host)
{
	if (!host || !*host || strlen(host) > 200)
		return 0;
	for (const char *s = host; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '.' ||
		      *s == '-' || *s == ':' || *s == '[' || *s == ']'))
			return 0;
	return 1;
}

const char *calendar_base_url(struct req *r)
{
	const char *host = req_header(r, "Host"), *proto = req_header(r, "X-Forwarded-Proto");
	int secure = r->app->tls_proxy || (proto && strcmp(proto, "https") == 0);

	if (!host_ok(host))
		return r->app->base_url;
	return arena_printf(r->arena, "%s://%s", secure ? "https" : "http", host);
}

enum kf_err calendar_link_new(struct req *r, struct calendar_link *out, const char **url_r)
{
	char token[KF_TOKEN_LEN], hash[KF_TOKEN_HASH_LEN];
	enum kf_err err;

	*url_r = NULL;
	kf_random_token(token);
	kf_token_hash(token, hash);
	err = store_calendar_link_create(r->db, r->org.id, r->user.id, hash, out);
	if (!err) {
		const char *base = calendar_base_url(r);

		*url_r = base ? arena_printf(r->arena, "%s/cal/%s.ics", base, token) : NULL;
		if (!*url_r)
			err = KF_ENOMEM;
	}
	explicit_bzero(token, sizeof(token));
	return err;
}
