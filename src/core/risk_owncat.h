/* risk_owncat.h: an organisation's own risk category, beside the six built-in ones. */
#ifndef KF_RISK_OWNCAT_H
#define KF_RISK_OWNCAT_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define RISK_OWNCAT_NAME_MAX 100
#define RISK_OWNCAT_TEXT_MAX 2000

/* Strings are owned by the arena the category was filled from. */
struct risk_owncat {
	int64_t id;
	int64_t version;
	const char *name;
	const char *description;
	int64_t created_at;
	int64_t updated_at;
};

void risk_owncat_init(struct risk_owncat *c);
/* JSON (partial: only the given keys change c); unknown keys and wrong types are field errors. */
void risk_owncat_from_json(struct risk_owncat *c, struct arena *a, const json_t *obj, int partial,
			   struct field_errors *fe);
/* Form fields: name, description. */
void risk_owncat_from_form(struct risk_owncat *c, const struct kv_list *form);
/* Name required (trimmed, one line, at most 100 characters), description at most 2000. */
void risk_owncat_validate(struct risk_owncat *c, struct arena *a, struct field_errors *fe);
/* The API value of a risk's category: "custom:<id>". */
json_t *risk_owncat_to_json(const struct risk_owncat *c);

#endif
