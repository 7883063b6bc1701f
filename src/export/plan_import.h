/* plan_import.h: a JSON export read back into an empty organisation, all or nothing, with new ids for every item. */
#ifndef KF_PLAN_IMPORT_H
#define KF_PLAN_IMPORT_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "../lib/err.h"
#include "plan_doc_json.h"

struct store_conn;
struct arena;

/*
 * Imports the plan document in (a JSON export, a plan version's snapshot or
 * a bare sections object) into organisation org, which must hold no plan
 * yet. The document is read and checked first (plan_doc_from_json, every
 * bad value in errs by its JSON path); then every item is created through
 * the store's own create functions, references turned from the document's
 * ids into the new ones, all in one transaction written as actor (0: no
 * user, for the command line). Nothing is kept unless everything is.
 *
 * KF_OK with *items_r the number of items created; KF_EEXIST when org
 * already holds a plan; KF_EINVAL with errs; a store failure otherwise.
 */
enum kf_err plan_import(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const json_t *in,
			const char *today, struct plan_json_errors *errs, size_t *items_r);

/*
 * Checks in as plan_import does before it writes (every value, every
 * reference, no dependency cycle), without a database: KF_OK with
 * *items_r the number of items an import would create, KF_EINVAL with
 * errs. The rules of the database (one runbook per system, ...) are the
 * import's.
 */
enum kf_err plan_import_check(const json_t *in, struct arena *a, const char *today, struct plan_json_errors *errs,
			      size_t *items_r);

/* 1 when org holds no item of the plan and none of its settings were ever written; -1 on a store failure. */
int plan_import_org_is_empty(struct store_conn *c, struct arena *a, int64_t org);

/*
 * The same for an organisation whose working state doc is loaded already
 * (plan_doc_load_working): the store is asked only for the own risk
 * categories, which the document does not hold (and only when everything
 * else is empty).
 */
int plan_import_doc_is_empty(struct store_conn *c, struct arena *a, const struct plan_doc *doc);

/*
 * 1 when the registers d (store_plan_load) hold no item and the alarm plan
 * and the review were never written: the part of the check that needs no
 * more than d (the start page's hint; plan_import_doc_is_empty decides).
 */
int plan_import_data_is_empty(const struct plan_data *d);

#endif
