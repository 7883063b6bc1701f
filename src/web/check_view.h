/* check_view.h: the Plan-Check for pages: loading it once, and its figures on the start page. */
#ifndef KF_CHECK_VIEW_H
#define KF_CHECK_VIEW_H

#include "../core/plan_check.h"

struct req;

/* Loads the whole plan of r->org into d (once) and runs the Plan-Check over it; -1 when it could not be read. */
int check_view_load(struct req *r, struct plan_data *d, struct plan_check *pc);
/* A step's progress bar with its percent from the Plan-Check; nothing for a step without checks. */
void check_view_step_progress(struct req *r, const struct plan_check *pc, enum plan_step s);
/* The start page's line: the plan's overall figure, the number of gaps, and the link to the Plan-Check. */
void check_view_home_summary(struct req *r, const struct plan_check *pc);

#endif
