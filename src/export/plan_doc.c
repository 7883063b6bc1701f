/* plan_doc.c: loads the working state of a plan as one document for the exports. */
#include <string.h>
#include <time.h>

#include "plan_doc.h"
#include "plan_doc_json.h"
#include "../lib/arena.h"
#include "../lib/log.h"
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

enum kf_err plan_doc_load_working(struct store_conn *c, struct arena *a, int64_t org, const char *base_url,
				  struct plan_doc *doc)
{
	struct plan_data d;
	enum kf_err err = store_plan_load(c, a, org, &d);

	return err ? err : plan_doc_working_from(c, a, org, base_url, &d, doc);
}

enum kf_err plan_doc_working_from(struct store_conn *c, struct arena *a, int64_t org, const char *base_url,
				  const struct plan_data *d, struct plan_doc *doc)
{
	struct recovery_overrides *ov = ARENA_NEW(a, struct recovery_overrides, 1);
	struct risk_settings *rs = ARENA_NEW(a, struct risk_settings, 1);
	struct alarm_step *steps;
	struct restore_test *tests;
	struct plan_version *versions;
	struct org o;
	enum kf_err err;

	memset(doc, 0, sizeof(*doc));
	if (!ov || !rs)
		return KF_ENOMEM;
	doc->d = *d;
	if ((err = store_org_get(c, a, org, &o)) || (err = store_alarm_step_list(c, a, org, &steps, &doc->nsteps)) ||
	    (err = store_recovery_overrides_get(c, a, org, ov)) || (err = store_risk_settings_get(c, org, rs)) ||
	    (err = store_plan_version_list(c, a, org, &versions, &doc->nversions)) ||
	    (err = store_restore_test_list_all(c, a, org, &doc->d, &tests, &doc->nrestore_tests)))
		return err;
	doc->restore_tests = tests;
	doc->typed = 1;
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

/*
 * The typed registers of an approved version, read from its snapshot by the
 * same validators as any input. A snapshot that does not read (written by an
 * older server with other rules) leaves the document untyped: the JSON
 * export still gives it, the other kinds refuse it (export_render).
 */
static enum kf_err approved_typed(struct arena *a, int64_t org, int64_t number, const char *today,
				  struct plan_doc *doc)
{
	struct plan_json_errors *errs = ARENA_NEW(a, struct plan_json_errors, 1);
	const struct recovery_overrides *ov = doc->overrides;
	const struct risk_settings *rs = doc->risk_settings;
	json_t *snap = json_loads(doc->snapshot, 0, NULL);
	enum kf_err err;

	if (!errs || !snap) {
		json_decref(snap);
		return KF_ENOMEM;
	}
	memset(errs, 0, sizeof(*errs));
	err = plan_doc_from_json(snap, a, today, doc, errs);
	json_decref(snap);
	if (err == KF_EINVAL) {
		kf_log(KF_LOG_WARN, "org %lld: plan version %lld does not read as a plan (%s: %s); its exports other than JSON are refused",
			 (long long)org, (long long)number, errs->e[0].path, errs->e[0].msg);
		memset(&doc->d, 0, sizeof(doc->d));
		doc->d.today = today;
		doc->steps = NULL;
		doc->nsteps = 0;
		doc->restore_tests = NULL;
		doc->nrestore_tests = 0;
		doc->overrides = ov;
		doc->risk_settings = rs;
		doc->typed = 0;
		return KF_OK;
	}
	return err;
}

enum kf_err plan_doc_load_approved(struct store_conn *c, struct arena *a, int64_t org, const char *base_url,
				   struct plan_doc *doc)
{
	struct recovery_overrides *ov = ARENA_NEW(a, struct recovery_overrides, 1);
	struct risk_settings *rs = ARENA_NEW(a, struct risk_settings, 1);
	char *approved_at = arena_alloc(a, 11), *today = arena_alloc(a, 11);
	struct plan_version v, *versions;
	struct org o;
	enum kf_err err;

	memset(doc, 0, sizeof(*doc));
	if (!ov || !rs || !approved_at || !today)
		return KF_ENOMEM;
	if ((err = store_org_get(c, a, org, &o)) || (err = store_plan_version_get(c, a, org, 0, &v)) ||
	    (err = store_plan_version_list(c, a, org, &versions, &doc->nversions)))
		return err;
	memset(ov, 0, sizeof(*ov));
	risk_settings_init(rs);
	kf_date_iso(v.decided_at, approved_at);
	kf_date_iso(kf_now(), today);
	doc->org_id = org;
	doc->org_name = o.name;
	doc->base_url = base_url ? arena_strdup(a, base_url) : "";
	doc->d.today = today;
	doc->overrides = ov;
	doc->risk_settings = rs;
	doc->versions = versions;
	doc->snapshot = v.snapshot;
	doc->typed = 0;
	if (doc->snapshot && (err = approved_typed(a, org, v.number, today, doc)))
		return err;
	doc->stamp.draft = 0;
	doc->stamp.plan_version = v.number;
	doc->stamp.approved_at = approved_at;
	doc->stamp.approved_by = v.decided_by_name ? v.decided_by_name : "";
	doc->stamp.made_at = made_now(a);
	if (!doc->base_url || !doc->stamp.made_at || !doc->snapshot)
		return KF_ENOMEM;
	return KF_OK;
}
