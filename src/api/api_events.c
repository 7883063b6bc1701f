/* api_events.c: GET /orgs/{org}/events: the organisation's changes and presence as Server-Sent Events. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../http/hub.h"
#include "../http/request.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

/* A page of this organisation: "/o/{org}" or below, printable ASCII, at most 200 bytes. */
static int page_ok(int64_t org, const char *page)
{
	char prefix[32];
	size_t n = (size_t)snprintf(prefix, sizeof(prefix), "/o/%lld", (long long)org);

	if (strlen(page) > 200 || strncmp(page, prefix, n) != 0 || (page[n] != '\0' && page[n] != '/'))
		return 0;
	for (const char *p = page; *p; p++)
		if ((unsigned char)*p <= 0x20 || (unsigned char)*p >= 0x7f)
			return 0;
	return 1;
}

/* The event id a reconnecting client saw last (Last-Event-ID, or ?last_id=), or -1 when none. */
static int64_t last_event_id(struct req *r)
{
	const char *s = req_header(r, "Last-Event-ID");
	char *end;
	long long v;

	if (!s || !*s)
		s = kv_get(&r->query, "last_id");
	if (!s || !*s || *s < '0' || *s > '9')
		return -1;
	v = strtoll(s, &end, 10);
	return *end == '\0' && v >= 0 ? (int64_t)v : -1;
}

void api_events(struct req *r)
{
	const char *page = kv_get(&r->query, "page");
	struct store_change *chs = NULL;
	struct hub_client *c;
	int64_t last = last_event_id(r);
	size_t n = 0;
	int err;

	if (page && *page && !page_ok(r->org.id, page)) {
		api_error(r, 400, "bad_request", N_("page must be a path of this organisation, such as /o/1/contacts."));
		return;
	}
	/* join first, then read what was missed: hub_replay drops live events that the replay holds */
	c = resp_event_stream(r, page && *page ? page : NULL);
	if (!c) {
		api_store_error(r, KF_ENOMEM);
		return;
	}
	if (last < 0)
		return;
	err = store_changes_since(r->db, r->arena, r->org.id, last, HUB_REPLAY_MAX + 1, &chs, &n);
	if (err || hub_replay(c, chs, n) < 0) {
		hub_leave(c);
		r->stream = NULL;
		api_store_error(r, err ? err : KF_ENOMEM);
	}
}
