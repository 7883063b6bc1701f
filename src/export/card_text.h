/* card_text.h: what the IT-Notfallkarte and the wallet cards say, taken from the plan: the IT emergency number, whom to
 * call, the first steps and what to report. */
#ifndef KF_CARD_TEXT_H
#define KF_CARD_TEXT_H

#include <stddef.h>

#include "plan_text.h"

#define CARD_CALLEES_MAX 5

/* The person behind the IT emergency number. */
struct card_emergency {
	const struct contact *who; /* NULL: the plan names nobody yet */
	const struct phone *phone; /* NULL: who has no phone number */
	const char *via;	   /* "" or the role through which who was chosen (no alarm chain yet) */
	int escalate_minutes;	   /* > 0: no answer after this many minutes: call escalate_to */
	const struct contact *escalate_to;
};

/*
 * The IT emergency number: the first callee of the alarm chain (with its
 * escalation); without a chain the primary person of the first role that
 * may declare an emergency. Fills e_r.
 */
void card_emergency_of(const struct plan_text *t, struct card_emergency *e_r);

/* The first people the alarm chain calls, each once, in order: up to max into out; returns how many. */
size_t card_callees(const struct plan_text *t, const struct contact **out, size_t max);

/* "IT-Koordinator" for a callee: the role it fills, else its function, else its company; "" for none. */
const char *card_contact_label(const struct plan_text *t, const struct contact *c);

/* The first steps for everybody (msgids, NULL-terminated), the short ones for the wallet card, and what to report. */
extern const char *const card_first_steps[];
extern const char *const card_first_steps_short[];
extern const char *const card_report_questions[];

/* The plan's address for the QR code: base_url + "/o/<org>/" in t's arena; NULL when no base_url is set. */
const char *card_plan_url(struct plan_text *t);

#endif
