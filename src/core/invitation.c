/* invitation.c: checks of invitations and member roles, their status and JSON form. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "invitation.h"
#include "jsonin.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const status_names[] = { "pending", "expired", "used", "revoked" };
static const char *const status_labels[] = { N_("pending"), N_("expired"), N_("used"), N_("revoked") };

int member_role_input(struct field_errors *fe, const char *field, const char *s, enum member_role *role_r)
{
	if (!s || !*s) {
		fe_add(fe, field, N_("must not be empty"));
		return -1;
	}
	if (member_role_parse(s, role_r) < 0) {
		fe_add(fe, field, N_("must be one of reader, editor, notfallleiter, admin"));
		return -1;
	}
	return 0;
}

static void days_input(const char *days, int *days_r, struct field_errors *fe)
{
	long v = 0;
	const char *p;

	*days_r = INVITATION_DAYS_DEFAULT;
	if (!days || !*days)
		return;
	for (p = days; *p; p++) {
		if (*p < '0' || *p > '9' || p - days > 3) {
			fe_add(fe, "expires_in_days", N_("must be a whole number of days from 1 to 30"));
			return;
		}
		v = v * 10 + (*p - '0');
	}
	if (v < 1 || v > INVITATION_DAYS_MAX) {
		fe_add(fe, "expires_in_days", N_("must be a whole number of days from 1 to 30"));
		return;
	}
	*days_r = (int)v;
}

void invitation_input(struct invitation *inv, struct arena *a, const char *email, const char *role, const char *days,
		      int *days_r, struct field_errors *fe)
{
	memset(inv, 0, sizeof(*inv));
	inv->email = "";
	inv->role = MEMBER_READER;
	if (validate_line(fe, "email", a, email ? email : "", 1, 254, &inv->email) == 0)
		validate_email(fe, "email", inv->email);
	member_role_input(fe, "role", role, &inv->role);
	days_input(days, days_r, fe);
}

void invitation_from_json(struct invitation *inv, struct arena *a, const json_t *body, int *days_r,
			  struct field_errors *fe)
{
	const char *email = "", *role = "", *key;
	const json_t *v;
	char days[16] = "";

	json_object_foreach((json_t *)body, key, v) {
		if (strcmp(key, "email") == 0) {
			jsonin_string(v, a, "email", &email, fe);
		} else if (strcmp(key, "role") == 0) {
			jsonin_string(v, a, "role", &role, fe);
		} else if (strcmp(key, "expires_in_days") == 0) {
			if (json_is_integer(v) && json_integer_value(v) >= 0 && json_integer_value(v) < 100000)
				snprintf(days, sizeof(days), "%lld", (long long)json_integer_value(v));
			else if (!json_is_null(v))
				snprintf(days, sizeof(days), "x");
		} else if (!jsonin_is_readonly(key)) {
			fe_add(fe, key, N_("is not a known field"));
		}
	}
	/* a field with a wrong type keeps its first error: fe_add drops the second */
	invitation_input(inv, a, email, role, days, days_r, fe);
}

enum invitation_status invitation_status(const struct invitation *inv, int64_t now)
{
	if (inv->revoked_at)
		return INVITATION_REVOKED;
	if (inv->used_at)
		return INVITATION_USED;
	if (inv->expires_at <= now)
		return INVITATION_EXPIRED;
	return INVITATION_PENDING;
}

const char *invitation_status_name(enum invitation_status s)
{
	return (int)s >= 0 && s < INVITATION__MAX ? status_names[s] : "expired";
}

const char *invitation_status_label(enum invitation_status s)
{
	return (int)s >= 0 && s < INVITATION__MAX ? status_labels[s] : status_labels[INVITATION_EXPIRED];
}

static json_t *time_or_null(int64_t t)
{
	char iso[32];

	if (!t)
		return json_null();
	kf_time_iso(t, iso);
	return json_string(iso);
}

json_t *invitation_to_json(const struct invitation *inv, int64_t now)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:s}", "id", (json_int_t)inv->id, "version",
			 (json_int_t)inv->version, "email", inv->email, "role", member_role_name(inv->role), "status",
			 invitation_status_name(invitation_status(inv, now)), "expires_at", time_or_null(inv->expires_at),
			 "used_at", time_or_null(inv->used_at), "revoked_at", time_or_null(inv->revoked_at), "created_at",
			 time_or_null(inv->created_at), "invited_by", inv->invited_by_name ? inv->invited_by_name : "");
}

json_t *member_to_json(const struct member *m)
{
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:o}", "id", (json_int_t)m->id, "version", (json_int_t)m->version,
			 "email", m->email, "name", m->name, "role", member_role_name(m->role), "created_at",
			 time_or_null(m->created_at));
}
