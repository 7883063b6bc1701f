/* role.h: an emergency role (Notfallrolle) with its duties, primary person and ordered deputies. */
#ifndef KF_ROLE_H
#define KF_ROLE_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define ROLE_MAX_DEPUTIES 10
#define ROLE_NAME_MAX 200
#define ROLE_DUTIES_MAX 10000

struct role {
	int64_t id;
	int64_t version;
	const char *name;
	const char *duties;
	int64_t primary_contact_id; /* 0 = nobody yet */
	int ndeputies;
	int64_t deputy_contact_ids[ROLE_MAX_DEPUTIES]; /* in order of substitution */
	int64_t created_at;
	int64_t updated_at;
};

void role_init(struct role *r);
void role_from_json(struct role *r, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/* Form fields: name, duties, primary_contact_id, deputy_0 .. deputy_9 (empty = none). */
void role_from_form(struct role *r, const struct kv_list *form, struct field_errors *fe);
/* Rules that need no database: lengths, no repeated deputy, primary not also deputy. */
void role_validate(struct role *r, struct arena *a, struct field_errors *fe);
json_t *role_to_json(const struct role *r);

#endif
