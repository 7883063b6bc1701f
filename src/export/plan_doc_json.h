/* plan_doc_json.h: reads a plan version's snapshot or a JSON export back into the typed plan document, every bad value named by its JSON path. */
#ifndef KF_PLAN_DOC_JSON_H
#define KF_PLAN_DOC_JSON_H

#include <jansson.h>

#include "../lib/i18n.h"
#include "plan_doc.h"

/* At most this many errors are kept; the rest are only counted. */
#define PLAN_JSON_ERRORS_MAX 100

struct plan_json_error {
	char path[192];  /* "sections.contacts[3].phones[0].number" */
	const char *msg; /* English message id, at most one "%s" filled with arg */
	const char *arg; /* NULL, or static / arena */
};

struct plan_json_errors {
	int n;       /* kept errors */
	int dropped; /* errors beyond PLAN_JSON_ERRORS_MAX, counted only */
	struct plan_json_error e[PLAN_JSON_ERRORS_MAX];
};

/* Adds an error at path (the first PLAN_JSON_ERRORS_MAX are kept). */
void plan_json_error_add(struct plan_json_errors *errs, const char *path, const char *msg, const char *arg);

/*
 * Turns a JSON export document ({"format": "krisenfest-plan", "schema": 1,
 * "sections": ...}), a snapshot ({"format": 1, "sections": ...}) or a bare
 * sections object into the typed registers of doc (d, steps, restore_tests,
 * overrides, risk_settings): every item through its core X_from_json and
 * X_validate, ids, versions and times kept from the JSON, every reference
 * checked against the items of the document, the computed values (system
 * roll-up, risk costs, backup facts, open findings) computed again by the
 * core functions as of today (YYYY-MM-DD). Missing sections read as empty.
 * Only the registers are touched: org, stamp, versions and snapshot stay.
 * Everything is allocated in a. KF_OK and doc->typed = 1; KF_EINVAL with
 * every bad value in errs (doc's registers then undefined); KF_ENOMEM.
 */
enum kf_err plan_doc_from_json(const json_t *in, struct arena *a, const char *today, struct plan_doc *doc,
			       struct plan_json_errors *errs);

/* The error's message in lang with its %s filled (in a; NULL when out of memory). */
const char *plan_json_error_text(struct arena *a, enum kf_lang lang, const struct plan_json_error *e);
/* [{"path": ..., "message": ...}, ...] in lang (plus {"path": "", "message": "... more"} when dropped). NULL when out of memory. */
json_t *plan_json_errors_to_json(const struct plan_json_errors *errs, struct arena *a, enum kf_lang lang);

#endif
