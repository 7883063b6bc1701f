/* plan_doc.h: the plan as one document with its stamp — the single source of every export (handbook, card, offline copy, JSON, registers). */
#ifndef KF_PLAN_DOC_H
#define KF_PLAN_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "../lib/err.h"

#include "../core/alarm_step.h"
#include "../core/plan_check.h"
#include "../core/plan_snapshot.h"
#include "../core/recovery_order.h"
#include "../core/restore_test.h"
#include "../core/risk_scale.h"

/*
 * What an export says about itself, printed on every page or file: which
 * plan version (or the working state, "Entwurf"), when it was made, and a
 * short hash of the content so that a copy can be matched with the copies
 * register.
 */
struct export_stamp {
	int draft;               /* 1: the working state (printed with the "Entwurf" watermark) */
	int64_t plan_version;    /* the approved version's number; 0 with draft */
	const char *approved_at; /* YYYY-MM-DD of the approval; "" with draft */
	const char *approved_by; /* name of the approver; "" with draft */
	const char *made_at;     /* YYYY-MM-DD HH:MM (local time) of the export */
	char hash[13];           /* first 12 hex digits of SHA-256 over the document's canonical JSON */
};

/*
 * The whole plan of one organisation. d holds the registers exactly as the
 * Plan-Check reads them; the rest are the parts that plan_data only counts
 * or leaves out. Everything is owned by the arena it was loaded into.
 */
struct plan_doc {
	int64_t org_id;
	const char *org_name;
	const char *base_url; /* the plan's address for the QR code ("" when not configured) */
	struct export_stamp stamp;
	struct plan_data d;
	const struct alarm_step *steps; /* the alarm chain in order */
	size_t nsteps;
	const struct restore_test *restore_tests; /* of every backup, newest first */
	size_t nrestore_tests;
	const struct recovery_overrides *overrides; /* never NULL after loading */
	const struct risk_settings *risk_settings;  /* never NULL after loading */
	const struct plan_version *versions; /* every submitted version, newest first (the change history) */
	size_t nversions;
	/*
	 * The approved version's snapshot (JSON text, plan_snapshot_json_full);
	 * NULL for the working state. The JSON export gives it as frozen; the
	 * typed registers are read from it by plan_doc_from_json. A snapshot that
	 * does not read leaves d, steps and restore_tests empty (typed = 0).
	 */
	const char *snapshot;
	int typed; /* 1: d, steps, restore_tests, overrides and risk_settings hold the plan */
};

struct store_conn;
struct arena;

/*
 * Loads the working state of organisation org (stamp.draft = 1, made_at now,
 * hash not yet computed) into doc, everything allocated in a. base_url may be
 * NULL.
 */
enum kf_err plan_doc_load_working(struct store_conn *c, struct arena *a, int64_t org, const char *base_url,
				  struct plan_doc *doc);
/* The same around a plan store_plan_load has read already (d is copied, not read again). */
enum kf_err plan_doc_working_from(struct store_conn *c, struct arena *a, int64_t org, const char *base_url,
				  const struct plan_data *d, struct plan_doc *doc);

/*
 * Loads the newest approved plan version of org: stamp.draft = 0, version
 * number, approval date and approver from the version, the snapshot, the
 * change history, and the typed registers read from the snapshot
 * (plan_doc_from_json; typed = 0 when it does not read). KF_ENOTFOUND when no
 * version has been approved yet.
 */
enum kf_err plan_doc_load_approved(struct store_conn *c, struct arena *a, int64_t org, const char *base_url,
				   struct plan_doc *doc);

#endif
