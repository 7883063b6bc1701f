/* notify.h: kinds of notifications, the per-user email preferences, and the text of a notification. */
#ifndef KF_NOTIFY_H
#define KF_NOTIFY_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/i18n.h"
#include "../lib/kv.h"

struct strbuf;

enum notify_kind {
	NOTIFY_MENTION,    /* someone named you in a comment */
	NOTIFY_ASSIGNMENT, /* a task or part of the plan was given to you */
	NOTIFY_APPROVAL,   /* a plan version waits for your approval, or was decided */
	NOTIFY_DUE,        /* something falls due: review, restore test, task */
	NOTIFY_KIND__MAX
};

/* "mention", "assignment", "approval", "due". */
const char *notify_kind_name(enum notify_kind k);
/* English label id for the UI, ending the sentence "Send me an email when ...". */
const char *notify_kind_label(enum notify_kind k);
/* 0 and the kind, or -1 for an unknown name. */
int notify_kind_parse(const char *s, enum notify_kind *k_r);

/*
 * One notification of one user. text is an English message id with at most
 * one "%s", which param fills; link is a path below the base URL ("" = none).
 * Strings are owned by the arena.
 */
struct notification {
	int64_t id;
	int64_t org_id;
	int64_t user_id;
	enum notify_kind kind;
	const char *text;
	const char *param;
	const char *link;
	int64_t created_at;
	int64_t read_at; /* 0 = unread */
};

/* Appends text translated into lang with param in place of its first "%s" (plain text, not escaped). */
void notify_render(struct strbuf *sb, enum kf_lang lang, const char *text, const char *param);
/* A new JSON object (caller owns it) with the text rendered in lang, or NULL when out of memory. */
json_t *notification_to_json(const struct notification *n, enum kf_lang lang);

/* Email on or off per kind; a user who never chose gets every kind by email. */
struct notify_prefs {
	int email[NOTIFY_KIND__MAX];
};

void notify_prefs_init(struct notify_prefs *p);
/* PUT/PATCH body {"email": {"mention": true, ...}}: the kinds given are changed, unknown ones are field errors. */
void notify_prefs_from_json(struct notify_prefs *p, const json_t *obj, struct field_errors *fe);
/* Form: a checkbox email_KIND per kind; an unticked box is off. */
void notify_prefs_from_form(struct notify_prefs *p, const struct kv_list *form);
json_t *notify_prefs_to_json(const struct notify_prefs *p);

#endif
