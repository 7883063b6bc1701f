/* invitation.h: an invitation into an organisation (email, role, one-time link) and the checks of member input. */
#ifndef KF_INVITATION_H
#define KF_INVITATION_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "member.h"

struct arena;

#define INVITATION_DAYS_DEFAULT 7
#define INVITATION_DAYS_MAX 30

enum invitation_status { INVITATION_PENDING, INVITATION_EXPIRED, INVITATION_USED, INVITATION_REVOKED, INVITATION__MAX };

struct invitation {
	int64_t id;
	int64_t version;
	const char *email;
	enum member_role role;
	int64_t expires_at;
	int64_t used_at;    /* 0 = not used */
	int64_t revoked_at; /* 0 = not revoked */
	int64_t created_at;
	/* read-only, filled by the store */
	const char *invited_by_name; /* name or email of the inviting admin, "" when unknown */
	int64_t org_id;
	const char *org_name; /* filled on a lookup by token */
};

/* A member of an organisation as the members list shows it; id is the user's id. */
struct member {
	int64_t id;
	int64_t version;
	const char *email;
	const char *name;
	enum member_role role;
	int64_t created_at;
};

/* A role a member may have (reader..admin): 0, or -1 with a field error. */
int member_role_input(struct field_errors *fe, const char *field, const char *s, enum member_role *role_r);

/*
 * The input of a new invitation: email (trimmed, a valid address), role and
 * the days until the link expires (empty = INVITATION_DAYS_DEFAULT, else
 * 1..INVITATION_DAYS_MAX). Every bad field is named in fe. days_r gets the days.
 */
void invitation_input(struct invitation *inv, struct arena *a, const char *email, const char *role, const char *days,
		      int *days_r, struct field_errors *fe);
/* The same from a JSON body {email, role, expires_in_days}; unknown keys are field errors. */
void invitation_from_json(struct invitation *inv, struct arena *a, const json_t *body, int *days_r,
			  struct field_errors *fe);

enum invitation_status invitation_status(const struct invitation *inv, int64_t now);
/* "pending", "expired", "used", "revoked" */
const char *invitation_status_name(enum invitation_status s);
/* English label id for the UI. */
const char *invitation_status_label(enum invitation_status s);

json_t *invitation_to_json(const struct invitation *inv, int64_t now);
json_t *member_to_json(const struct member *m);

#endif
