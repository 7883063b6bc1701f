/* api_exports.c: GET /orgs/{org}/exports (the kinds with the stamps) and /exports/{kind} (the file), also behind the download page. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "../core/jsonin.h"
#include "../core/passphrase.h"
#include "../export/export.h"
#include "../http/request.h"
#include "../http/router.h"
#include "../lib/arena.h"
#include "../lib/kv.h"
#include "../store/store.h"
#include "api.h"
#include "api_exports.h"
#include "../lib/banned.h"

/* What the worker makes. */
struct export_job {
	const struct export_kind *kind;
	enum export_choice choice;
	int bom;
	char *passphrase; /* a sealed file: a copy in the arena, wiped once the file is made; never logged */
};

/* The stamp of a loaded document as JSON. */
static json_t *stamp_json(const struct plan_doc *doc)
{
	json_t *j = export_json_doc(doc, 1), *st = json_object_get(j, "stamp");

	json_incref(st);
	json_decref(j);
	return st;
}

void api_export_list(struct req *r)
{
	struct plan_doc working, approved;
	json_t *list = json_array(), *obj;
	enum kf_err err;
	int have_approved;
	size_t n;
	const struct export_kind *k = export_kinds(&n);

	err = export_doc_load(r->db, r->arena, r->org.id, app_public_url(r->app), 0, &working);
	if (!err) {
		err = export_doc_load(r->db, r->arena, r->org.id, app_public_url(r->app), 1, &approved);
		have_approved = err == KF_OK;
		if (err == KF_ENOTFOUND)
			err = KF_OK;
	}
	if (err || !list) {
		json_decref(list);
		api_store_error(r, err ? (int)err : KF_ENOMEM);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		char href[160];

		snprintf(href, sizeof(href), "/api/v1/orgs/%lld/exports/%s", (long long)r->org.id, k[i].name);
		json_array_append_new(
			list, json_pack("{s:s, s:s, s:s, s:s, s:b, s:b, s:b, s:s}", "kind", k[i].name, "label",
					i18n_tr(r->lang, k[i].label), "purpose", i18n_tr(r->lang, k[i].purpose),
					"media_type", k[i].mime, "approved_default", k[i].approved_default,
					"approved_available", have_approved && (!k[i].needs_typed || approved.typed), "bom_option",
					k[i].bom_option, "href", href));
		json_object_set_new(json_array_get(list, i), "sealed_option", json_boolean(k[i].render_sealed != NULL));
	}
	obj = json_pack("{s:o, s:o, s:o}", "working", stamp_json(&working), "approved",
			have_approved ? stamp_json(&approved) : json_null(), "exports", list);
	api_json(r, 200, obj);
}


static void get_work(struct req *r)
{
	const struct export_job *job = r->job;
	struct plan_doc doc;
	struct strbuf body;
	const char *name;
	char hdr[320];
	enum kf_err err;

	struct export_opts opts = { job->bom, job->passphrase };

	sb_init(&body, STRBUF_DEFAULT_MAX);
	err = export_make(r->db, r->arena, r->org.id, app_public_url(r->app), job->kind, job->choice, r->lang, &opts, &doc,
			  &body);
	if (job->passphrase)
		sodium_memzero(job->passphrase, strlen(job->passphrase));
	if (err == KF_ENOTFOUND) {
		router_fail(r, 409, "no_approved_version",
			    N_("No version of the plan has been approved yet. Export the working state (draft) instead, or have the plan approved first."));
	} else if (err == KF_EINVAL) {
		router_fail(r, 409, "approved_not_available",
			    N_("This export can only show the working state for now, not the approved version."));
	} else if (err == KF_ETOOBIG) {
		router_fail(r, 500, "too_large", N_("The export is too large."));
	} else if (err) {
		router_fail(r, 500, "internal", N_("The export could not be made. Please try again."));
	} else if (!(name = export_file_name(r->arena, job->kind, &doc, job->passphrase != NULL))) {
		router_fail(r, 500, "internal", N_("The export could not be made. Please try again."));
	} else {
		sb_release(&r->out);
		r->out = body; /* hand the buffer over */
		sb_init(&body, STRBUF_DEFAULT_MAX);
		r->status = 200;
		r->content_type = job->kind->mime;
		snprintf(hdr, sizeof(hdr), "attachment; filename=\"%s\"", name);
		resp_header(r, "Content-Disposition", hdr);
		snprintf(hdr, sizeof(hdr), "W/\"%s\"", doc.stamp.hash);
		resp_header(r, "ETag", hdr);
		resp_header(r, "X-Krisenfest-Stamp", doc.stamp.hash);
		if (doc.stamp.draft)
			snprintf(hdr, sizeof(hdr), "draft");
		else
			snprintf(hdr, sizeof(hdr), "%lld", (long long)doc.stamp.plan_version);
		resp_header(r, "X-Krisenfest-Plan-Version", hdr);
	}
	sb_release(&body);
}

void api_export_get(struct req *r)
{
	const char *kind = router_segment(r, "kind"), *version = kv_get(&r->query, "version"),
		   *bom = kv_get(&r->query, "bom");
	struct export_job *job = ARENA_NEW(r->arena, struct export_job, 1);
	struct field_errors fe = { 0 };

	if (!job) {
		api_store_error(r, KF_ENOMEM);
		return;
	}
	job->kind = export_kind_find(kind);
	if (!job->kind) {
		router_fail(r, 404, "unknown_export",
			    N_("There is no export of this kind. The list of exports shows every kind there is."));
		return;
	}
	if (export_choice_parse(version, &job->choice) < 0)
		fe_add(&fe, "version", N_("must be \"approved\" or \"draft\""));
	if (kv_get(&r->query, "passphrase"))
		fe_add(&fe, "passphrase", N_("never goes into an address: send it in the body of a POST"));
	if (bom && strcmp(bom, "0") != 0 && strcmp(bom, "1") != 0)
		fe_add(&fe, "bom", N_("must be 0 or 1"));
	else if (bom && strcmp(bom, "1") == 0 && !job->kind->bom_option)
		fe_add(&fe, "bom", N_("only CSV files can start with a byte order mark"));
	if (fe.n) {
		if (r->route && r->route->kind == KIND_API)
			api_error_fields(r, &fe);
		else
			router_fail(r, 422, "validation_failed", N_("This download address is not valid."));
		return;
	}
	job->bom = bom && strcmp(bom, "1") == 0;
	r->job = job;
	req_defer(r, get_work);
}

int api_export_sealed_start(struct req *r, const struct export_kind *k, enum export_choice choice, char *pass)
{
	struct export_job *job = ARENA_NEW(r->arena, struct export_job, 1);

	if (!job)
		return -1;
	job->kind = k;
	job->choice = choice;
	job->passphrase = pass;
	r->job = job;
	req_defer(r, get_work);
	return 0;
}

void api_export_sealed(struct req *r)
{
	const struct export_kind *k = export_kind_find(router_segment(r, "kind"));
	const char *pass = NULL, *version = NULL, *key;
	struct field_errors fe = { 0 };
	enum export_choice choice = EXPORT_DEFAULT;
	json_t *obj, *v;

	if (!k) {
		router_fail(r, 404, "unknown_export",
			    N_("There is no export of this kind. The list of exports shows every kind there is."));
		return;
	}
	obj = api_body_object(r);
	sodium_memzero(r->body.buf, r->body.len); /* the passphrase is in there: parsed, then gone */
	if (!obj)
		return;
	json_object_foreach(obj, key, v) {
		if (strcmp(key, "passphrase") == 0)
			jsonin_string(v, r->arena, "passphrase", &pass, &fe);
		else if (strcmp(key, "version") == 0)
			jsonin_string(v, r->arena, "version", &version, &fe);
		else
			fe_add(&fe, key, N_("is not a field of this request"));
	}
	/* jansson's copy: wipe what it holds of the passphrase */
	if ((v = json_object_get(obj, "passphrase")) && json_is_string(v))
		sodium_memzero((char *)json_string_value(v), json_string_length(v));
	json_decref(obj);
	if (!k->render_sealed)
		fe_add(&fe, "passphrase", N_("this export cannot be sealed with a passphrase"));
	else if (!fe_get(&fe, "passphrase"))
		validate_passphrase(&fe, "passphrase", pass);
	if (!fe_get(&fe, "version") && export_choice_parse(version, &choice) < 0)
		fe_add(&fe, "version", N_("must be \"approved\" or \"draft\""));
	if (fe.n) {
		if (pass)
			sodium_memzero((char *)pass, strlen(pass));
		api_error_fields(r, &fe);
		return;
	}
	/* pass is the request arena's own copy (jsonin_string): the worker wipes it after sealing */
	if (api_export_sealed_start(r, k, choice, (char *)pass) < 0)
		api_store_error(r, KF_ENOMEM);
}
