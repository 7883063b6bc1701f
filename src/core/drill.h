/* drill.h: the reachability drill: a test alarm along the alarm chain that each person confirms by a one-time link. */
#ifndef KF_DRILL_H
#define KF_DRILL_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "alarm_step.h"
#include "contact.h"
#include "fielderr.h"
#include "role.h"

struct arena;

#define DRILL_NOTE_MAX 1000
#define DRILL_WEBHOOK_URL_MAX 500
/* A drill that was not closed counts as over this long after its start (for the Plan-Check). */
#define DRILL_OPEN_SECONDS (24 * 3600)

/* One person who got (or, without email address, could not get) the test alarm. Strings in the arena. */
struct drill_recipient {
	int64_t id;
	int64_t contact_id;
	const char *name;  /* the contact's name when the drill started */
	const char *email; /* "" = no address: not mailed, named as a gap */
	int64_t sent_at;      /* 0 = not sent (yet) */
	int64_t confirmed_at; /* 0 = not confirmed */
};

struct drill {
	int64_t id;
	int64_t version;
	int64_t started_at;
	int64_t started_by;
	const char *started_by_name; /* "" when unknown */
	const char *note;
	int64_t closed_at; /* 0 = open */
	struct drill_recipient *recipients;
	size_t nrecipients;
	size_t nconfirmed;
};

/* The organisation's drill settings (one item with version; id and version 0 before the first write). */
struct drill_settings {
	int64_t id;
	int64_t version;
	const char *webhook_url; /* "" = no webhook */
	int64_t created_at;
	int64_t updated_at;
};

/* 1 when the drill is over: closed, or started more than DRILL_OPEN_SECONDS before now. */
int drill_is_over(const struct drill *d, int64_t now);

/*
 * The people of the alarm chain, in chain order, each once: per step the
 * caller (a contact, or the person and deputies of the caller role), the
 * callee and the escalation contact. ids into out (room for max); returns
 * how many.
 */
size_t drill_chain_contacts(const struct alarm_step *steps, size_t nsteps, const struct role *roles, size_t nroles,
			    int64_t *out, size_t max);

/*
 * Checks a webhook URL: "" (none) is fine; otherwise https://HOST[:PORT]/...,
 * or http:// only to a host named in http_hosts (comma-separated host names,
 * from `serve --webhook-http-host`; NULL = none). No spaces, user info or
 * control characters; at most DRILL_WEBHOOK_URL_MAX bytes. NULL when fine,
 * else the English message id of the problem.
 */
const char *drill_webhook_url_problem(const char *url, const char *http_hosts);

/* Reads {"webhook_url": "..."} (a full replace) and checks it; errors into fe. */
void drill_settings_from_json(struct drill_settings *s, struct arena *a, const json_t *obj, const char *http_hosts,
			      struct field_errors *fe);
json_t *drill_settings_to_json(const struct drill_settings *s);
/* The drill as JSON; with recipients when with_recipients. */
json_t *drill_to_json(const struct drill *d, int with_recipients);

/* The JSON body of one webhook call (malloc'd, free with free()); NULL when out of memory. */
char *drill_webhook_payload(const char *org, int64_t drill, const char *name, const char *phone, const char *text,
			    const char *confirm_url);

#endif
