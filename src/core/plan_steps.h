/* plan_steps.h: the five steps of the emergency plan, the spine of navigation and progress. */
#ifndef KF_PLAN_STEPS_H
#define KF_PLAN_STEPS_H

enum plan_step {
	STEP_NONE = 0,
	STEP_RISKS = 1,
	STEP_TEAM = 2,
	STEP_RECOVERY = 3,
	STEP_DOCUMENT = 4,
	STEP_EXERCISE = 5,
	STEP__MAX
};

struct plan_step_info {
	enum plan_step step;
	const char *title;   /* English message id */
	const char *summary; /* one sentence: what this step is for */
	const char *path;    /* page below /o/{org}/, NULL while the step is not built yet */
};

const struct plan_step_info *plan_step(enum plan_step s);

#endif
