/* member.c: names of member roles. */
#include <string.h>

#include "../lib/i18n.h"
#include "member.h"
#include "../lib/banned.h"

static const char *const role_names[] = { "none", "reader", "editor", "notfallleiter", "admin" };
static const char *const role_labels[] = { N_("no access"), N_("Reader"), N_("Editor"), N_("Emergency leader"),
					   N_("Administrator") };

const char *member_role_name(enum member_role r)
{
	return (int)r >= 0 && r <= MEMBER_ADMIN ? role_names[r] : "none";
}

const char *member_role_label(enum member_role r)
{
	return (int)r >= 0 && r <= MEMBER_ADMIN ? role_labels[r] : role_labels[0];
}

int member_role_parse(const char *s, enum member_role *r_r)
{
	for (int i = MEMBER_READER; i <= MEMBER_ADMIN; i++)
		if (strcmp(s, role_names[i]) == 0) {
			*r_r = (enum member_role)i;
			return 0;
		}
	return -1;
}
