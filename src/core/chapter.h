/* chapter.h: the plan's chapters as the user sees them, and which changes mark which chapters "needs review". */
#ifndef KF_CHAPTER_H
#define KF_CHAPTER_H

#include <stddef.h>
#include <stdint.h>

#include "plan_steps.h"
#include "../lib/i18n.h"

struct arena;

/* Numbers are fixed (history records name a chapter by number + 1); new chapters go at the end. */
enum chapter {
	CHAPTER_RISKS = 0,
	CHAPTER_SYSTEMS = 1,       /* business processes and IT systems */
	CHAPTER_TEAM = 2,          /* contacts and emergency roles */
	CHAPTER_ALARM = 3,         /* the alarm chain */
	CHAPTER_BACKUPS = 4,
	CHAPTER_RUNBOOKS = 5,      /* runbooks and the recovery order */
	CHAPTER_WORKAROUNDS = 6,
	CHAPTER_COMMUNICATION = 7, /* communication templates */
	CHAPTER_EXERCISES = 8,
	CHAPTER__MAX
};

struct chapter_info {
	enum chapter chapter;
	const char *key;       /* stable API and database name: "systems" */
	const char *label;     /* English message id: "Processes and IT systems" */
	const char *path;      /* the page where it is reviewed, below /o/{org}/: "systems" */
	enum plan_step step;   /* the plan step it belongs to */
	const char *gap_msgid; /* the Plan-Check's sentence for it (no %s) */
};

/* The chapter's facts; NULL for a number out of range. */
const struct chapter_info *chapter_get(int ch);
/* The chapter named key, or -1 when there is none. */
int chapter_by_key(const char *key);

/* What kind of change happened; the rule table maps each to chapters. */
enum change_kind {
	CHANGE_SYSTEM,   /* an IT system was created, changed or deleted */
	CHANGE_PROVIDER, /* an external contact, or a contact named as a system's provider */
	CHANGE_PERSON,   /* an internal contact (a person of the company) */
	CHANGE_ROLE,     /* an emergency role */
	CHANGE__MAX
};

/* Facts about a change that some rules need (bits). */
#define CHANGE_F_WORKAROUND 1u /* a workaround's process needs the changed system */
#define CHANGE_F_PEOPLE 2u     /* who holds a role changed: created, deleted, holder or deputies */

/* One rule: a change of kind (with all facts of need) marks chapter. */
struct chapter_rule {
	enum change_kind kind;
	unsigned need;
	enum chapter chapter;
};

/* The rule table; *n_r its length. */
const struct chapter_rule *chapter_rules(size_t *n_r);
/* The chapters (bit 1u << chapter) that a change of kind with facts marks. */
unsigned chapter_marks(enum change_kind kind, unsigned facts);

/* An open "needs review" mark of a chapter: which item changed how, and when. Strings owned by the arena. */
struct review_mark {
	int64_t id;
	int chapter; /* enum chapter */
	const char *item_type; /* "system", "contact", "role" */
	int64_t item_id;
	const char *item_name; /* the name when marked (the item may be gone since) */
	const char *action;    /* "create", "update", "delete" */
	int64_t created_at;    /* the latest change that marked it */
	int64_t created_by;    /* 0 = unknown */
};

/*
 * The reason as an English message id with one %s for the item's name
 * ("IT system \"%s\" changed"); a generic one for unknown types or actions.
 */
const char *review_mark_reason(const struct review_mark *m);
/* The reason in lang with the item's name filled in (plain text, in a); NULL when out of memory. */
const char *review_mark_text(struct arena *a, enum kf_lang lang, const struct review_mark *m);

#endif
