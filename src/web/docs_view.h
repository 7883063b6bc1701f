/* docs_view.h: the registers of step 4 loaded once for a page: copies, acknowledgements, templates, and the staff. */
#ifndef KF_DOCS_VIEW_H
#define KF_DOCS_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "../store/store.h"

struct req;

struct docs_view {
	const struct plan_copy *copies;
	size_t ncopies;
	size_t nstale;
	int64_t plan_changed_at;
	const struct acknowledgement *acks;
	size_t nacks;
	const struct comm_template *templates;
	size_t ntemplates;
	const struct contact *contacts;
	size_t ncontacts;
	int64_t *staff; /* ids of the internal contacts, by name */
	size_t nstaff;
	size_t nconfirmed; /* staff members with an acknowledgement */
};

/*
 * Loads the registers of r->org; -1 when the database could not be read (no
 * page written). compare_stamps: also compare the copies' noted stamps with
 * the plan's current ones (hashes the plan: only on a worker, see req_defer).
 */
int docs_view_load(struct req *r, struct docs_view *dv, int compare_stamps);
struct plan_data;
/* The same from a plan loaded already (store_plan_load): no further queries. -1 when out of memory. */
int docs_view_from_plan(struct req *r, struct docs_view *dv, const struct plan_data *d);
/* The contact with id, or NULL. */
const struct contact *docs_view_contact(const struct docs_view *dv, int64_t id);
/* The acknowledgement of contact id, or NULL. */
const struct acknowledgement *docs_view_ack_of(const struct docs_view *dv, int64_t contact_id);
/* "/o/{org}/documents" followed by rest ("" or "/copies/new"), into out. */
void docs_url(struct req *r, char *out, size_t len, const char *rest);
/* A badge: "stale" (needs attention) or "current", always with text. */
void docs_stale_badge(struct req *r, int stale);
/* wire: "v3 · Stamp 1a2b3c4d5e6f" of a copy with a noted stamp (and "differs from the current plan" when so); nothing without. */
void docs_copy_stamp(struct req *r, const struct plan_copy *p);
/* A link styled as a button (label a message id). */
void docs_button(struct req *r, const char *href, const char *label, int primary);
/* "x of y staff members have confirmed" with a progress bar. */
void docs_ack_progress(struct req *r, const struct docs_view *dv);

#endif
