/* page_asset.c: serves the embedded assets with ETag revalidation. */
#include <string.h>

#include "../http/request.h"
#include "../http/router.h"
#include "../lib/i18n.h"
#include "asset.h"
#include "web.h"
#include "../lib/banned.h"

void web_asset(struct req *r)
{
	const char *name = router_segment(r, "name"), *inm;

	for (const struct asset *a = assets; name && a->name; a++) {
		if (strcmp(a->name, name) != 0)
			continue;
		resp_header(r, "ETag", a->etag);
		resp_header(r, "Cache-Control", "public, max-age=3600, must-revalidate");
		inm = req_header(r, "If-None-Match");
		if (inm && strcmp(inm, a->etag) == 0) {
			r->status = 304;
			return;
		}
		r->content_type = a->mime;
		sb_add(&r->out, a->data, a->len);
		return;
	}
	r->status = 404;
	r->content_type = "text/plain; charset=utf-8";
	sb_adds(&r->out, "not found\n");
}
