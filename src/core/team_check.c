/* team_check.c: completeness and gaps of the emergency team. */
#include <stdio.h>
#include <string.h>

#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "team_check.h"
#include "../lib/banned.h"

static void gap(struct team_check *tc, enum team_gap_kind kind, int64_t id, const char *name)
{
	tc->gaps_total++;
	if (tc->ngaps < tc->max_gaps && tc->gaps) {
		tc->gaps[tc->ngaps].kind = kind;
		tc->gaps[tc->ngaps].item_id = id;
		tc->gaps[tc->ngaps].item_name = name;
		tc->ngaps++;
	}
}

static void check(struct team_check *tc, int ok, enum team_gap_kind kind, int64_t id, const char *name)
{
	tc->checks++;
	if (ok)
		tc->passed++;
	else
		gap(tc, kind, id, name);
}

void date_months_before(const char *day, int months, char *out)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d, max;

	if (months < 0)
		months = 0;
	if (kf_date_parse(day, &y, &m, &d) < 0) {
		snprintf(out, 11, "0000-00-00");
		return;
	}
	m -= months;
	while (m < 1) {
		m += 12;
		y--;
	}
	max = mdays[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
	if (d > max)
		d = max;
	{
		char tmp[40];

		snprintf(tmp, sizeof(tmp), "%04d-%02d-%02d", y % 10000, m, d);
		memcpy(out, tmp, 11);
	}
}

static int has_mobile(const struct contact *c)
{
	for (int i = 0; i < c->nphones; i++)
		if (c->phones[i].kind == PHONE_MOBILE)
			return 1;
	return 0;
}

void team_check_run(const struct contact *contacts, size_t ncontacts, const struct role *roles, size_t nroles,
		    const char *today, struct team_check *tc)
{
	char oldest_ok[11];
	size_t i;

	tc->checks = tc->passed = tc->ngaps = tc->gaps_total = 0;
	date_months_before(today, TEAM_VERIFY_MONTHS, oldest_ok);
	check(tc, nroles > 0, GAP_NO_ROLES, 0, NULL);
	check(tc, ncontacts > 0, GAP_NO_CONTACTS, 0, NULL);
	for (i = 0; i < nroles; i++) {
		check(tc, roles[i].primary_contact_id != 0, GAP_ROLE_WITHOUT_PRIMARY, roles[i].id, roles[i].name);
		check(tc, roles[i].ndeputies > 0, GAP_ROLE_WITHOUT_DEPUTY, roles[i].id, roles[i].name);
	}
	for (i = 0; i < ncontacts; i++) {
		if (!contacts[i].external)
			check(tc, has_mobile(&contacts[i]), GAP_PERSON_WITHOUT_MOBILE, contacts[i].id, contacts[i].name);
		check(tc, contacts[i].last_verified[0] && strcmp(contacts[i].last_verified, oldest_ok) >= 0,
		      GAP_CONTACT_NOT_VERIFIED, contacts[i].id, contacts[i].name);
	}
	tc->percent = tc->checks ? (int)(tc->passed * 100 / tc->checks) : 0;
}

void team_check_alarm(struct team_check *tc, size_t nsteps, int ndeclare_roles, int64_t breach_role_id)
{
	check(tc, nsteps > 0, GAP_NO_ALARM_CHAIN, 0, NULL);
	check(tc, ndeclare_roles > 0, GAP_NOBODY_DECLARES, 0, NULL);
	check(tc, breach_role_id != 0, GAP_NOBODY_REPORTS_BREACHES, 0, NULL);
	tc->percent = tc->checks ? (int)(tc->passed * 100 / tc->checks) : 0;
}

const char *team_gap_message(enum team_gap_kind k)
{
	switch (k) {
	case GAP_NO_CONTACTS: return N_("No contacts yet: start with the people who must be called first.");
	case GAP_NO_ROLES: return N_("No emergency roles yet: who leads, who stands in, who talks to customers?");
	case GAP_ROLE_WITHOUT_PRIMARY: return N_("Role \"%s\" has nobody assigned.");
	case GAP_ROLE_WITHOUT_DEPUTY: return N_("Role \"%s\" has no deputy.");
	case GAP_PERSON_WITHOUT_MOBILE: return N_("%s has no mobile number.");
	case GAP_CONTACT_NOT_VERIFIED: return N_("The details of %s were not checked in the last 6 months.");
	case GAP_NO_ALARM_CHAIN: return N_("There is no alarm chain yet: who calls whom when the emergency starts?");
	case GAP_NOBODY_DECLARES: return N_("Nobody is named who may declare an emergency.");
	case GAP_NOBODY_REPORTS_BREACHES: return N_("Nobody is named who reports data breaches to the authority within 72 hours.");
	}
	return "";
}
