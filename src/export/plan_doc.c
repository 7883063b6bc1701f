/* plan_doc.c: loads the working state of a plan as one document for the exports. */
#include <string.h>
#include <time.h>

#include "plan_doc.h"
#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "../lib/banned.h"

/* "YYYY-MM-DD HH:MM" of now, in the server's local time (what people read on paper). */
static const char *made_now(struct arena *a)
{
	time_t t = (time_t)kf_now();
	struct tm tm;
	char buf[32];

	if (!localtime_r(&t, &tm) || strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M", &tm) == 0)
		return arena_strdup(a, "");
	return arena_strdup(a, buf);
}

/* Appends the restore tests of every backup (each list is newest first). */
static enum kf_err load_restore_tests(struct store_conn *c, struct arena *a, int64_t org, struct plan_doc *doc)
{
	struct restore_test *all = NULL, *list;
	size_t n = 0, cap = 0, nlist;
	enum kf_err err;

	for (size_t i = 0; i < doc->d.nbackups; i++) {
		if ((err = store_restore_test_list(c, a, org, doc->d.backups[i].id, &list, &nlist)))
			return err;
		for (size_t j = 0; j < nlist; j++) {
			all = arena_array_grow(a, all, n, &cap, sizeof(*all));
			if (!all)
				return KF_ENOMEM;
			all[n++] = list[j];
		}
	}
	doc->restore_tests = all;
	doc->nrestore_tests = n;
	return KF_OK;
}

enum kf_err plan_doc_load_working(struct store_conn *c, struct arena *a, int64_t org, const char *base_url,
				  struct plan_doc *doc)
{
	struct recovery_overrides *ov = ARENA_NEW(a, struct recovery_overrides, 1);
	struct risk_settings *rs = ARENA_NEW(a, struct risk_settings, 1);
	struct alarm_step *steps;
	struct plan_version *versions;
	struct org o;
	enum kf_err err;

	memset(doc, 0, sizeof(*doc));
	if (!ov || !rs)
		return KF_ENOMEM;
	if ((err = store_org_get(c, a, org, &o)) || (err = store_plan_load(c, a, org, &doc->d)) ||
	    (err = store_alarm_step_list(c, a, org, &steps, &doc->nsteps)) ||
	    (err = store_recovery_overrides_get(c, a, org, ov)) || (err = store_risk_settings_get(c, org, rs)) ||
	    (err = store_plan_version_list(c, a, org, &versions, &doc->nversions)) ||
	    (err = load_restore_tests(c, a, org, doc)))
		return err;
	doc->org_id = org;
	doc->org_name = o.name;
	doc->base_url = base_url ? arena_strdup(a, base_url) : "";
	doc->steps = steps;
	doc->overrides = ov;
	doc->risk_settings = rs;
	doc->versions = versions;
	doc->stamp.draft = 1;
	doc->stamp.approved_at = "";
	doc->stamp.approved_by = "";
	doc->stamp.made_at = made_now(a);
	if (!doc->base_url || !doc->stamp.made_at)
		return KF_ENOMEM;
	return KF_OK;
}
