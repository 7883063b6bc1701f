/* team_view.h: the emergency team loaded once for a page: contacts, roles and their check. */
#ifndef KF_TEAM_VIEW_H
#define KF_TEAM_VIEW_H

#include <stddef.h>

#include "../core/team_check.h"

struct req;

#define TEAM_VIEW_GAPS 50

struct team_view {
	const struct contact *contacts;
	size_t ncontacts;
	const struct role *roles;
	size_t nroles;
	struct team_gap gaps[TEAM_VIEW_GAPS];
	struct team_check check;
};

/* Loads and checks the team of r->org; answers an error page and returns -1 on failure. */
int team_view_load(struct req *r, struct team_view *tv);
struct plan_data;
/* The same from a plan loaded already (store_plan_load): no further queries. */
void team_view_from_plan(struct team_view *tv, const struct plan_data *d);
/* The address of the team page of r->org. */
void team_view_url(struct req *r, char *out, size_t len);
/* The contact with id, or NULL. */
const struct contact *team_view_contact(const struct team_view *tv, int64_t id);
/* A list of at most max gaps, each linking to where it is fixed. */
void team_view_gaps(struct req *r, const struct team_view *tv, size_t max);
/* A progress bar with its figure in text. */
void team_view_progress(struct req *r, int percent);

#endif
