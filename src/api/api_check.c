/* api_check.c: GET /orgs/{org}/check: the Plan-Check as JSON, its messages in the request's language. */
#include <stddef.h>

#include "../core/plan_check.h"
#include "../export/export.h"
#include "../http/request.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

void api_check(struct req *r)
{
	struct plan_data d;
	struct plan_check pc;
	enum kf_err err;
	json_t *obj;

	err = export_plan_load(r->db, r->arena, r->org.id, &d);
	if (err) {
		api_store_error(r, err);
		return;
	}
	if (plan_check_run(&d, r->arena, &pc) < 0 || !(obj = plan_check_to_json(&pc, r->arena, r->lang, r->org.id))) {
		api_store_error(r, KF_ENOMEM);
		return;
	}
	api_json(r, 200, obj);
}
