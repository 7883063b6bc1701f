/* api_util.c: JSON answers, error bodies, request bodies and If-Match for every API handler. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/err.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

void api_json(struct req *r, int status, json_t *obj)
{
	char *s = obj ? json_dumps(obj, JSON_COMPACT) : NULL;

	json_decref(obj);
	r->status = status;
	r->content_type = "application/json";
	sb_reset(&r->out);
	if (!s) {
		r->status = 500;
		sb_adds(&r->out, "{\"error\":{\"code\":\"internal\",\"message\":\"out of memory\"}}");
		return;
	}
	sb_adds(&r->out, s);
	sb_addc(&r->out, '\n');
	free(s);
}

static json_t *error_object(struct req *r, const char *code, const char *msgid)
{
	return json_pack("{s:s, s:s}", "code", code, "message", i18n_tr(r->lang, msgid));
}

void api_error(struct req *r, int status, const char *code, const char *msgid)
{
	api_json(r, status, json_pack("{s:o}", "error", error_object(r, code, msgid)));
}

void api_error_fields(struct req *r, const struct field_errors *fe)
{
	json_t *err = error_object(r, "validation_failed", N_("Some fields are not valid."));
	json_t *fields = json_object();

	for (int i = 0; i < fe->n; i++) {
		const char *msg = i18n_tr(r->lang, fe->e[i].msg), *pct = fe->e[i].arg ? strstr(msg, "%s") : NULL;
		struct strbuf sb;

		if (!pct) {
			json_object_set_new(fields, fe->e[i].field, json_string(msg));
			continue;
		}
		/* "would create a cycle: %s" filled with its value */
		sb_init(&sb, 4096);
		sb_add(&sb, msg, (size_t)(pct - msg));
		sb_adds(&sb, fe->e[i].arg);
		sb_adds(&sb, pct + 2);
		json_object_set_new(fields, fe->e[i].field, json_string(sb.failed ? msg : sb.buf));
		sb_release(&sb);
	}
	json_object_set_new(err, "fields", fields);
	api_json(r, 422, json_pack("{s:o}", "error", err));
}

json_t *api_body_object(struct req *r)
{
	json_error_t jerr;
	json_t *obj, *err;

	obj = json_loadb(r->body.buf, r->body.len, JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
	if (!obj) {
		err = error_object(r, "malformed_json", N_("The body is not valid JSON."));
		json_object_set_new(err, "detail", json_string(jerr.text));
		json_object_set_new(err, "line", json_integer(jerr.line));
		json_object_set_new(err, "column", json_integer(jerr.column));
		json_object_set_new(err, "position", json_integer(jerr.position));
		api_json(r, 400, json_pack("{s:o}", "error", err));
		return NULL;
	}
	if (!json_is_object(obj)) {
		json_decref(obj);
		api_error(r, 400, "bad_request", N_("The body must be a JSON object."));
		return NULL;
	}
	return obj;
}

int64_t api_if_match(struct req *r)
{
	const char *h = req_header(r, "If-Match");
	long long v;
	char tail;

	if (!h || !*h) {
		api_error(r, 428, "precondition_required",
			  N_("Send the version you edited in the If-Match header, e.g. If-Match: \"3\"."));
		return -1;
	}
	if (strncmp(h, "W/", 2) == 0)
		h += 2;
	if ((sscanf(h, "\"%lld\"%c", &v, &tail) == 1 || sscanf(h, "%lld%c", &v, &tail) == 1) && v >= 0)
		return v;
	api_error(r, 400, "bad_request", N_("The If-Match header must hold a version, e.g. \"3\"."));
	return -1;
}

void api_etag(struct req *r, int64_t version)
{
	char etag[32];

	snprintf(etag, sizeof(etag), "\"%lld\"", (long long)version);
	resp_header(r, "ETag", etag);
}

void api_conflict(struct req *r, json_t *current)
{
	json_t *err = error_object(r, "version_conflict",
				   N_("Someone else changed this item meanwhile. The current state is attached."));

	if (current && json_is_object(current))
		api_etag(r, json_integer_value(json_object_get(current, "version")));
	api_json(r, 412, json_pack("{s:o, s:o}", "error", err, "current", current ? current : json_null()));
}

void api_store_error(struct req *r, int err)
{
	switch (err) {
	case KF_ENOTFOUND:
		api_error(r, 404, "not_found", N_("This item does not exist."));
		break;
	case KF_ENOMEM:
		api_error(r, 500, "internal", N_("The server ran out of memory. Please try again."));
		break;
	default:
		api_error(r, 500, "internal", N_("The database could not be written. Please try again."));
		break;
	}
}

void api_healthz(struct req *r)
{
	int exists;

	/* healthy means the database answers, not just that the process runs */
	if (store_instance_exists(r->db, &exists) != KF_OK) {
		api_json(r, 503, json_pack("{s:s, s:s}", "status", "error", "detail", "database unavailable"));
		return;
	}
	api_json(r, 200, json_pack("{s:s}", "status", "ok"));
}
