/* api_import.c: POST /orgs/{org}/import: a JSON export read into an empty organisation, on a worker, all or nothing. */
#include <string.h>

#include <jansson.h>

#include "../export/plan_import.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "api.h"
#include "../lib/banned.h"

void api_import(struct req *r)
{
	struct plan_json_errors *errs = ARENA_NEW(r->arena, struct plan_json_errors, 1);
	json_t *in, *list;
	char today[11];
	size_t items = 0;
	enum kf_err err;

	if (!errs) {
		api_store_error(r, KF_ENOMEM);
		return;
	}
	if (!(in = api_body_object(r))) /* a large document: parsed here, not on the HTTP thread */
		return;
	memset(errs, 0, sizeof(*errs));
	kf_date_iso(kf_now(), today);
	err = plan_import(r->db, r->arena, r->org.id, r->user.id, in, today, errs, &items);
	json_decref(in);
	if (err == KF_EEXIST) {
		api_error(r, 409, "not_empty",
			  N_("This organisation already has a plan. A plan can only be imported into a new, empty organisation."));
	} else if (err == KF_EINVAL) {
		list = plan_json_errors_to_json(errs, r->arena, r->lang);
		api_json(r, 422,
			 json_pack("{s:{s:s, s:s, s:o*}}", "error", "code", "invalid_plan", "message",
				   i18n_tr(r->lang, N_("Nothing was imported: the file has errors. Each one is named by its place in the file.")),
				   "errors", list));
	} else if (err) {
		api_store_error(r, err);
	} else {
		api_json(r, 200, json_pack("{s:I}", "items_imported", (json_int_t)items));
	}
}
