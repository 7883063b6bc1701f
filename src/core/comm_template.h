/* comm_template.h: communication templates of step 4 (staff, customers, suppliers, public, authorities) and filling their placeholders. */
#ifndef KF_COMM_TEMPLATE_H
#define KF_COMM_TEMPLATE_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define COMM_TITLE_MAX 200
#define COMM_SUBJECT_MAX 500
#define COMM_BODY_MAX 10000

enum comm_audience {
	AUDIENCE_UNSET = -1,
	AUDIENCE_STAFF,
	AUDIENCE_CUSTOMERS,
	AUDIENCE_SUPPLIERS,
	AUDIENCE_PUBLIC,
	AUDIENCE_AUTHORITIES,
	AUDIENCE__MAX
};

/* Strings are owned by the arena the template was filled from. */
struct comm_template {
	int64_t id;
	int64_t version;
	enum comm_audience audience;
	const char *title;   /* how the team finds it: "IT-Ausfall – bitte so vorgehen" */
	const char *subject; /* subject line of the message, may hold placeholders */
	const char *body;    /* the message, may hold placeholders */
	int64_t created_at;
	int64_t updated_at;
};

void comm_template_init(struct comm_template *t);
const char *comm_audience_name(enum comm_audience a);
/* English label id ("Staff", ...). */
const char *comm_audience_label(enum comm_audience a);
int comm_audience_parse(const char *s, enum comm_audience *a_r);

void comm_template_from_json(struct comm_template *t, struct arena *a, const json_t *obj, int partial,
			     struct field_errors *fe);
/* Form fields: audience, title, subject, body. */
void comm_template_from_form(struct comm_template *t, const struct kv_list *form, struct field_errors *fe);
/* Every rule; trims title and subject. */
void comm_template_validate(struct comm_template *t, struct arena *a, struct field_errors *fe);
json_t *comm_template_to_json(const struct comm_template *t);

/*
 * The values of the placeholders, taken from the plan when a template is
 * shown. NULL or "" values are filled as "—". Plain text: nothing is
 * escaped here; whoever writes the result into HTML escapes it there.
 */
struct comm_values {
	const char *firma;                  /* {firma}: the organisation's name */
	const char *notfallleitung;         /* {notfallleitung}: primary person of the role "Notfallleitung" */
	const char *notfallleitung_telefon; /* {notfallleitung_telefon}: that person's first phone number */
	const char *datum;                  /* {datum}: today, "28.11.2026" */
	const char *treffpunkt;             /* {treffpunkt}: the alarm plan's meeting place */
};

#define COMM_UNKNOWN_MAX 16

/* Placeholders that are not known, each once ("{firmenname}"), in the order found. */
struct comm_unknown {
	int n;
	const char *names[COMM_UNKNOWN_MAX];
};

/*
 * Replaces every known placeholder of text in one pass (a value holding
 * "{datum}" is not filled again). A placeholder is "{", 1 to 40 characters
 * without braces or white space, "}". Unknown ones stay in the text as they
 * are and are added to unk (which may collect over several calls). The
 * result is allocated in a; NULL when out of memory.
 */
const char *comm_fill(struct arena *a, const char *text, const struct comm_values *v, struct comm_unknown *unk);


#endif
