/* risk_templates.h: starter catalogue for step 1: typical risks of a small company, ready to adopt and adapt. */
#ifndef KF_RISK_TEMPLATES_H
#define KF_RISK_TEMPLATES_H

#include <stddef.h>

#include "fielderr.h"
#include "risk.h"

#define RISK_TEMPLATE_MAX_REFS 4

/* German content (data, not UI messages). */
struct risk_template {
	const char *key;   /* stable id used by the API */
	const char *title;
	enum risk_category category;
	int likelihood;    /* suggestion for a typical small company */
	int impact;
	const char *threat_refs[RISK_TEMPLATE_MAX_REFS + 1]; /* NULL-terminated, BSI G 0.x ids */
	const char *description;
	const char *measures;
	const char *immediate_actions;
};

extern const struct risk_template risk_templates[];
extern const size_t risk_templates_count;

/* NULL when key is unknown. */
const struct risk_template *risk_template_find(const char *key);

#define RISK_ADOPTION_MAX 32

/* What a team chose to adopt, as risks ready to store. */
struct risk_adoption {
	struct risk risks[RISK_ADOPTION_MAX];
	size_t n;
};

/* Adds the template with key; an unknown or repeated key is a field error named field ("risks[2]"). */
void risk_adoption_add(struct risk_adoption *ra, const char *key, const char *field, struct field_errors *fe);

#endif
