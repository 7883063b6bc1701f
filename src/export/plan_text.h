/* plan_text.h: the plan as text for the printed exports: translations, dates, hours, euros, Markdown as plain text, and
 * the plan's lookups (who, how to reach). */
#ifndef KF_PLAN_TEXT_H
#define KF_PLAN_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "../lib/i18n.h"
#include "plan_doc.h"

struct arena;

/*
 * The context of every function here: the document, the reader's language and
 * the arena that holds the texts. Out of memory sets failed and the text is
 * "" (a render then fails as a whole), so callers need not check each text.
 */
struct plan_text {
	const struct plan_doc *doc;
	enum kf_lang lang;
	struct arena *a;
	int failed;
};

/* ---- texts (each allocates its result in t->a) */

/* The translation of msgid, "" for "" or NULL (the catalogue maps "" to its header). Static. */
const char *pt_tr(const struct plan_text *t, const char *msgid);
/* A printf result in the arena. */
const char *pt_fmt(struct plan_text *t, const char *f, ...) __attribute__((format(printf, 2, 3)));
/* tmpl with each "%s", in order, replaced by a1..a3 (translated templates are no printf formats). */
const char *pt_subst(struct plan_text *t, const char *tmpl, const char *a1, const char *a2, const char *a3);
/* "2026-11-28" as "28.11.2026" (German) or as it is (English); "" for "" or NULL. */
const char *pt_date_text(struct plan_text *t, const char *iso);
/* "2026-11-28 14:05" with the date part in the reader's style. */
const char *pt_datetime_text(struct plan_text *t, const char *s);
/* A unix time as a date; "" for 0. */
const char *pt_unix_date_text(struct plan_text *t, int64_t unix_time);
const char *pt_num(struct plan_text *t, int64_t v);
/* "4 h" for hours, "—" for -1. */
const char *pt_hours_text(struct plan_text *t, int64_t hours);
/* "90 min" / "1 h 30 min", "—" for -1. */
const char *pt_minutes_text(struct plan_text *t, int64_t minutes);
/* A whole number >= 0 with separators between thousands ("12.000" German, "12,000" English). */
const char *pt_thousands(struct plan_text *t, int64_t v);
/* Whole euros with separators between thousands ("12.000 €"), "—" for -1. */
const char *pt_euro_text(struct plan_text *t, int64_t v);
/* Markdown src as plain text (lists with bullets or numbers, one line per paragraph). */
const char *pt_md_plain(struct plan_text *t, const char *src);

/* ---- lookups in the document (NULL when the id is 0 or unknown) */

const struct contact *pt_contact_of(const struct plan_text *t, int64_t id);
const struct role *pt_role_of(const struct plan_text *t, int64_t id);
const struct system *pt_system_of(const struct plan_text *t, int64_t id);
const struct process *pt_process_of(const struct plan_text *t, int64_t id);
const struct backup *pt_backup_of(const struct plan_text *t, int64_t id);
const struct runbook *pt_runbook_of(const struct plan_text *t, int64_t system_id);
/* The first person the alarm chain calls (the first step's callee), or NULL. */
const struct contact *pt_first_callee(const struct plan_text *t);
/* 1 when a workaround of the document serves the process. */
int pt_has_workaround(const struct plan_text *t, int64_t process_id);

/* ---- orders for qsort */

/* Pointers to processes: shortest RTO first (none set last), then the higher cost per hour, then by name. */
int pt_process_by_rto(const void *x, const void *y);
/* Pointers to risks: highest score first, then by title. */
int pt_risk_by_score(const void *x, const void *y);

/* ---- who and how to reach (allocate in t->a) */

/* The contact's name, "—" for nobody. Static or borrowed. */
const char *pt_contact_name(const struct plan_text *t, int64_t id);
/* The number to dial first: the first mobile, else the first number; NULL when none. */
const struct phone *pt_best_phone(const struct contact *c);
/* "Erika Muster, 0171 3920011" (the first number to dial), else the email, else the name; "nobody yet" for NULL. */
const char *pt_person_reach(struct plan_text *t, const struct contact *c);
/* Every number of c, one per line: "Mobile: 0171 …"; "—" for none. */
const char *pt_phones_text(struct plan_text *t, const struct contact *c);
/* "Notfallleitung: Erika Muster, 0171 …" for a role. */
const char *pt_role_reach(struct plan_text *t, int64_t role_id);
/* The names of system ids joined with ", "; "—" for none. */
const char *pt_system_names(struct plan_text *t, const int64_t *ids, int n);

#endif
