/* member.h: users, organisations and member roles (what each role may do). */
#ifndef KF_MEMBER_H
#define KF_MEMBER_H

#include <stdint.h>

/* Ordered: a higher role may do everything a lower one may. */
enum member_role { MEMBER_NONE = 0, MEMBER_READER = 1, MEMBER_EDITOR = 2, MEMBER_NOTFALLLEITER = 3, MEMBER_ADMIN = 4 };

struct user {
	int64_t id;
	const char *email;
	const char *name;
	int disabled;
};

struct org {
	int64_t id;
	const char *name;
	enum member_role role; /* the caller's role in it, where known */
};

const char *member_role_name(enum member_role r);
/* English label id for the UI. */
const char *member_role_label(enum member_role r);
/* 0 and the role, or -1 for an unknown name. */
int member_role_parse(const char *s, enum member_role *r_r);

#endif
