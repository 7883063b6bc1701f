/* comm_starter.h: the five shipped communication templates of step 4 (German content), ready to adopt and adapt. */
#ifndef KF_COMM_STARTER_H
#define KF_COMM_STARTER_H

#include <stddef.h>

#include "comm_template.h"
#include "fielderr.h"

/* German content (data, not UI messages). */
struct comm_starter {
	const char *key; /* stable id used by the API */
	enum comm_audience audience;
	const char *title;
	const char *subject;
	const char *body;
};

extern const struct comm_starter comm_starters[];
extern const size_t comm_starters_count;

/* NULL when key is unknown. */
const struct comm_starter *comm_starter_find(const char *key);

#define COMM_ADOPTION_MAX 16

/* What a team chose to adopt, as templates ready to store. */
struct comm_adoption {
	struct comm_template items[COMM_ADOPTION_MAX];
	size_t n;
};

/* Adds the starter with key; an unknown or repeated key is a field error named field ("templates[2]"). */
void comm_adoption_add(struct comm_adoption *ca, const char *key, const char *field, struct field_errors *fe);

#endif
