/* acknowledgement.h: a staff member's confirmation that they know the emergency card and where the plan is (step 4). */
#ifndef KF_ACKNOWLEDGEMENT_H
#define KF_ACKNOWLEDGEMENT_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "regfield.h"
#include "../lib/kv.h"

struct arena;

#define ACK_NOTES_MAX 2000
#define ACK_BULK_MAX 500 /* people confirmed at once through the page */

enum ack_how { ACK_HOW_UNSET = -1, ACK_SIGNATURE, ACK_BRIEFING, ACK_EMAIL, ACK_OTHER, ACK_HOW__MAX };

/* One per internal contact (staff member). Strings are owned by the arena. */
struct acknowledgement {
	int64_t id;
	int64_t version;
	int64_t contact_id;                    /* an internal contact of the organisation */
	char confirmed_on[REGFIELD_DATE_LEN];  /* not in the future */
	enum ack_how how;
	const char *notes;
	int64_t created_at;
	int64_t updated_at;
};

void ack_init(struct acknowledgement *k);
const char *ack_how_name(enum ack_how h);
/* English label id ("Signature", ...). */
const char *ack_how_label(enum ack_how h);
int ack_how_parse(const char *s, enum ack_how *h_r);

void ack_from_json(struct acknowledgement *k, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/* Form fields: contact_id, confirmed_on, how, notes. */
void ack_from_form(struct acknowledgement *k, const struct kv_list *form, struct field_errors *fe);
/* Every rule that needs no database. today is YYYY-MM-DD. */
void ack_validate(struct acknowledgement *k, const char *today, struct field_errors *fe);
json_t *ack_to_json(const struct acknowledgement *k);

/*
 * The form that confirms several people at once: every "contact" value (a
 * contact id, at most ACK_BULK_MAX, no repeats), one confirmed_on and one
 * how. Each acknowledgement of out (room for ACK_BULK_MAX) is filled and
 * validated; *n_r is their number. Field errors name contact, confirmed_on, how.
 */
void ack_bulk_from_form(const struct kv_list *form, const char *today, struct acknowledgement *out, size_t *n_r,
			struct field_errors *fe);

/* "x of y": how many of the internal contact ids have an acknowledgement in list. */
size_t ack_count_confirmed(const struct acknowledgement *list, size_t n, const int64_t *staff, size_t nstaff);

#endif
