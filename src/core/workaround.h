/* workaround.h: a workaround (Notbetrieb) of a business process: how people keep working while the IT is down. */
#ifndef KF_WORKAROUND_H
#define KF_WORKAROUND_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define WORKAROUND_TITLE_MAX 200
#define WORKAROUND_TEXT_MAX 10000   /* procedure, preparation (code points; well below the Markdown cap) */
#define WORKAROUND_HOURS_MAX 100000

/* Strings are owned by the arena the workaround was filled from; never NULL once initialised. */
struct workaround {
	int64_t id;
	int64_t version;
	int64_t process_id;             /* required: the business process it keeps going */
	const char *title;              /* required */
	const char *procedure;          /* Markdown, required: paper forms, printed lists, phones, external IT */
	const char *preparation;        /* Markdown: what must be ready beforehand */
	int64_t sustainable_hours;      /* how long it can be kept up, -1 = not known */
	int64_t responsible_contact_id; /* 0 = nobody named */
	int64_t created_at;
	int64_t updated_at;
};

void workaround_init(struct workaround *w);
/* JSON (partial: only the given keys change w); unknown keys and wrong types are field errors; "html" is ignored. */
void workaround_from_json(struct workaround *w, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/* Form fields: process_id, title, procedure, preparation, sustainable_hours, responsible_contact_id. */
void workaround_from_form(struct workaround *w, const struct kv_list *form, struct field_errors *fe);
/* Every rule that needs no database; trims the title. */
void workaround_validate(struct workaround *w, struct arena *a, struct field_errors *fe);
/* A new JSON object (caller owns it), or NULL when out of memory. */
json_t *workaround_to_json(const struct workaround *w);

#endif
