/* plan_steps.c: titles and purposes of the five plan steps. */
#include <stddef.h>

#include "../lib/i18n.h"
#include "plan_steps.h"
#include "../lib/banned.h"

static const struct plan_step_info steps[STEP__MAX] = {
	[STEP_NONE] = { STEP_NONE, N_("Overview"), N_("Your emergency plan at a glance."), "" },
	[STEP_RISKS] = { STEP_RISKS, N_("Recognise and assess risks"),
			 N_("Which failures would hit your business hardest, and what does an hour of standstill cost?"),
			 "risks" },
	[STEP_TEAM] = { STEP_TEAM, N_("Define the emergency team"),
			N_("Who leads in an emergency, who stands in, and how everybody can be reached."), "team" },
	[STEP_RECOVERY] = { STEP_RECOVERY, N_("Plan the recovery"),
			    N_("Backups, restore steps, the order of recovery, and how to keep working without IT."),
			    "recovery" }, /* step 3: runbooks, recovery order, workarounds */
	[STEP_DOCUMENT] = { STEP_DOCUMENT, N_("Document and communicate"),
			    N_("The handbook on paper, the emergency card for every wall, and a copy that works offline."),
			    "documents" },
	[STEP_EXERCISE] = { STEP_EXERCISE, N_("Practise, test, update"),
			    N_("Exercises, restore tests and yearly reviews keep the plan alive."), "exercises" },
};

const struct plan_step_info *plan_step(enum plan_step s)
{
	if ((int)s < 0 || s >= STEP__MAX)
		s = STEP_NONE;
	return &steps[s];
}
