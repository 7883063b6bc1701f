/* team_check.h: how complete the emergency team is, and the concrete gaps (a first slice of Plan-Check). */
#ifndef KF_TEAM_CHECK_H
#define KF_TEAM_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "contact.h"
#include "role.h"

enum team_gap_kind {
	GAP_NO_CONTACTS,
	GAP_NO_ROLES,
	GAP_ROLE_WITHOUT_PRIMARY,
	GAP_ROLE_WITHOUT_DEPUTY,
	GAP_PERSON_WITHOUT_MOBILE,
	GAP_CONTACT_NOT_VERIFIED,
	GAP_NO_ALARM_CHAIN,
	GAP_NOBODY_DECLARES,
	GAP_NOBODY_REPORTS_BREACHES,
};

#define TEAM_VERIFY_MONTHS 6

struct team_gap {
	enum team_gap_kind kind;
	int64_t item_id;       /* role or contact, 0 for the whole step */
	const char *item_name; /* borrowed from the input */
};

struct team_check {
	size_t checks;  /* how many things were checked */
	size_t passed;  /* how many of them are fine */
	int percent;    /* passed * 100 / checks, rounded down; 0 with no checks */
	size_t ngaps;
	struct team_gap *gaps; /* caller-provided array of capacity max_gaps */
	size_t max_gaps;
	size_t gaps_total; /* all gaps, also those that did not fit */
};

/*
 * Checks the team: at least one contact and one role; each role has a
 * primary person and a deputy; each internal person has a mobile number;
 * each contact was verified in the last TEAM_VERIFY_MONTHS months.
 * today is YYYY-MM-DD. Fills tc (whose gaps/max_gaps the caller sets).
 */
void team_check_run(const struct contact *contacts, size_t ncontacts, const struct role *roles, size_t nroles,
		    const char *today, struct team_check *tc);
/*
 * Adds the alarm plan's checks to a finished team check: an alarm chain with
 * at least one step, a role that may declare an emergency, and a role that
 * reports data breaches. Updates the percentage.
 */
void team_check_alarm(struct team_check *tc, size_t nsteps, int ndeclare_roles, int64_t breach_role_id);
/* English message id describing a gap kind ("%s has no deputy"). */
const char *team_gap_message(enum team_gap_kind k);
/* YYYY-MM-DD of the date months before day (clamped to the month's end). */
void date_months_before(const char *day, int months, char *out);

#endif
