/* contact.h: a person or company the team may need to reach, and its rules. */
#ifndef KF_CONTACT_H
#define KF_CONTACT_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

enum phone_kind { PHONE_MOBILE, PHONE_OFFICE, PHONE_PRIVATE, PHONE_OTHER, PHONE_KIND__MAX };

#define CONTACT_MAX_PHONES 10
#define CONTACT_NAME_MAX 200
#define CONTACT_NOTES_MAX 10000

struct phone {
	enum phone_kind kind;
	const char *number;
};

/* Strings are owned by the arena the contact was filled from; never NULL once filled. */
struct contact {
	int64_t id;
	int64_t version;
	const char *name;
	const char *company;
	const char *function;
	const char *email;
	const char *notes;
	int external;
	char last_verified[11]; /* "" when never verified */
	int nphones;
	struct phone phones[CONTACT_MAX_PHONES];
	int64_t created_at;
	int64_t updated_at;
};

void contact_init(struct contact *c);
const char *phone_kind_name(enum phone_kind k);
/* English label id for the UI ("Mobile", ...). */
const char *phone_kind_label(enum phone_kind k);
/* 0 and the kind, or -1 for an unknown name. */
int phone_kind_parse(const char *s, enum phone_kind *k_r);

/*
 * Applies a JSON object to c. With partial (PATCH) only given keys change c;
 * otherwise c is reset first (PUT, POST). Unknown keys and wrong types are
 * field errors; the rules are checked by contact_validate afterwards.
 */
void contact_from_json(struct contact *c, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/* Reads the fields of the contact form (see web/page_contact.c) into c. */
void contact_from_form(struct contact *c, struct arena *a, const struct kv_list *form, struct field_errors *fe);
/* Checks every rule; trims single-line text. today is YYYY-MM-DD. */
void contact_validate(struct contact *c, struct arena *a, const char *today, struct field_errors *fe);
/* A new JSON object (caller owns the reference), or NULL when out of memory. */
json_t *contact_to_json(const struct contact *c);

#endif
