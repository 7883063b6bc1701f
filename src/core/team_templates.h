/* team_templates.h: starter content for step 2: standard emergency roles and the authorities' contacts. */
#ifndef KF_TEAM_TEMPLATES_H
#define KF_TEAM_TEMPLATES_H

#include <stddef.h>

#include "contact.h"
#include "fielderr.h"
#include "role.h"

struct arena;

/* Regions for authority contacts: federal ones are always offered. */
#define TEMPLATE_REGION_FEDERAL "DE"

struct contact_template {
	const char *key;      /* stable id used by the API */
	const char *region;   /* "DE" (federal) or a Land: "BW", "BY", "BE" */
	const char *name;
	const char *company;
	const char *function;
	const char *phone;    /* office line */
	const char *email;    /* "" when none */
	const char *notes;
	const char *source;   /* where the data comes from */
};

struct role_template {
	const char *key;
	const char *name;
	const char *duties;
};

extern const struct contact_template contact_templates[];
extern const size_t contact_templates_count;
extern const struct role_template role_templates[];
extern const size_t role_templates_count;

struct region_info {
	const char *code;
	const char *name; /* German name of the Land */
};
extern const struct region_info template_regions[];
extern const size_t template_regions_count;

/* NULL when key is unknown. */
const struct contact_template *contact_template_find(const char *key);
const struct role_template *role_template_find(const char *key);
/* 1 when region is one we ship contacts for (DE included). */
int template_region_known(const char *region);

/* What a team chose to adopt, as items ready to store. */
struct team_adoption {
	struct contact contacts[16];
	size_t ncontacts;
	struct role roles[16];
	size_t nroles;
};

/*
 * Adds the template with key to the adoption; an unknown or repeated key is a
 * field error named field ("contacts[2]"). Adopted contacts are external,
 * carry the source in their notes and start as never checked.
 */
void team_adoption_add_contact(struct team_adoption *ta, struct arena *a, const char *key, const char *field,
			       struct field_errors *fe);
void team_adoption_add_role(struct team_adoption *ta, const char *key, const char *field, struct field_errors *fe);

#endif
