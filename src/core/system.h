/* system.h: an IT system of the impact analysis with the systems it depends on and its computed requirements. */
#ifndef KF_SYSTEM_H
#define KF_SYSTEM_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define SYSTEM_NAME_MAX 200
#define SYSTEM_TEXT_MAX 10000
#define SYSTEM_MAX_DEPS 64

enum system_type {
	SYSTEM_TYPE_UNSET = -1,
	SYSTEM_POWER,
	SYSTEM_NETWORK,
	SYSTEM_INTERNET,
	SYSTEM_STORAGE,
	SYSTEM_SERVER,
	SYSTEM_VIRTUALIZATION,
	SYSTEM_DIRECTORY,
	SYSTEM_DATABASE,
	SYSTEM_APPLICATION,
	SYSTEM_CLOUD,
	SYSTEM_EMAIL,
	SYSTEM_FILESERVER,
	SYSTEM_CLIENT,
	SYSTEM_OTHER,
	SYSTEM_TYPE__MAX
};

/* Strings are owned by the arena the system was filled from. Optional numbers are -1 when not given. */
struct system {
	int64_t id;
	int64_t version;
	const char *name;
	enum system_type type;
	const char *location;
	int64_t provider_contact_id; /* 0 = none */
	int64_t owner_contact_id;    /* 0 = nobody yet */
	int64_t rto_hours;           /* its own target, -1 = not given */
	int64_t rpo_hours;           /* its own target, -1 = not given */
	int ndeps;
	int64_t depends_on_ids[SYSTEM_MAX_DEPS]; /* the systems it needs (power, network, storage ...) */
	const char *notes;
	int64_t created_at;
	int64_t updated_at;
	/* computed by bia_compute over the organisation's graph (filled by the store on reads); read-only */
	int64_t required_rto_hours; /* -1 = nothing asks for one */
	int64_t required_rpo_hours;
	int nprocesses;             /* processes that need it, directly or through other systems */
	int spof;                   /* single point of failure: nprocesses >= 2 */
	int64_t cost_per_day;       /* sum of cost_per_day of those processes */
};

void system_init(struct system *s);

const char *system_type_name(enum system_type t);
const char *system_type_label(enum system_type t);
int system_type_parse(const char *s, enum system_type *t_r);

void system_from_json(struct system *s, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/* Form fields: name, type, location, provider_contact_id, owner_contact_id, rto_hours, rpo_hours, notes,
 * and one "depends_on" per chosen system id. */
void system_from_form(struct system *s, const struct kv_list *form, struct field_errors *fe);
/* Every rule that needs no database (no dependency twice, not on itself); trims the name. */
void system_validate(struct system *s, struct arena *a, struct field_errors *fe);
/* A new JSON object with the computed values (caller owns it), or NULL when out of memory. */
json_t *system_to_json(const struct system *s);

#endif
