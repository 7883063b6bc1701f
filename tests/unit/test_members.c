/* test_members.c: unit tests of invitations and members: input checks, status, the last admin, single use, tenancy. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "kf_test.h"
#include "../../src/core/invitation.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/timeutil.h"
#include "../../src/store/store.h"

struct fix {
	char dir[64];
	char path[96];
	struct store *store;
	struct store_conn *c;
	struct arena *a;
	int64_t org, admin, org2;
};

static int setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));

	*state = f;
	if (!f)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/kf-test-members-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/kf.db", f->dir);
	if (store_open(f->path, &f->store) != KF_OK || !(f->c = store_conn_get(f->store)) || !(f->a = arena_new()))
		return -1;
	if (store_setup_instance(f->c, "Muster GmbH", "admin@example.org", "Ada", "hash", &f->org, &f->admin) != KF_OK)
		return -1;
	return store_org_create(f->c, "Andere AG", &f->org2) == KF_OK ? 0 : -1;
}

static int teardown(void **state)
{
	struct fix *f = *state;
	char p[128];

	store_conn_put(f->c);
	store_close(f->store);
	arena_free(f->a);
	unlink(f->path);
	snprintf(p, sizeof(p), "%s-wal", f->path);
	unlink(p);
	snprintf(p, sizeof(p), "%s-shm", f->path);
	unlink(p);
	rmdir(f->dir);
	free(f);
	return 0;
}

static void test_input_names_every_field(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe = { 0 };
	struct invitation inv;
	int days = 0;

	(void)state;
	invitation_input(&inv, a, " Erika@Example.org ", "editor", "", &days, &fe);
	assert_int_equal(fe.n, 0);
	assert_string_equal(inv.email, "Erika@Example.org");
	assert_int_equal(inv.role, MEMBER_EDITOR);
	assert_int_equal(days, INVITATION_DAYS_DEFAULT);

	invitation_input(&inv, a, "kein-at", "chef", "31", &days, &fe);
	assert_int_equal(fe.n, 3);
	assert_field_error(&fe, "email");
	assert_field_error(&fe, "role");
	assert_field_error(&fe, "expires_in_days");

	memset(&fe, 0, sizeof(fe));
	invitation_input(&inv, a, "", "none", "0", &days, &fe);
	assert_field_error_is(&fe, "email", "must not be empty");
	assert_field_error(&fe, "role"); /* "none" is no role a member can have */
	assert_field_error(&fe, "expires_in_days");

	memset(&fe, 0, sizeof(fe));
	invitation_input(&inv, a, "a@b.de", "admin", "30", &days, &fe);
	assert_int_equal(fe.n, 0);
	assert_int_equal(days, 30);
	memset(&fe, 0, sizeof(fe));
	invitation_input(&inv, a, "a@b.de", "reader", "1x", &days, &fe);
	assert_field_error(&fe, "expires_in_days");
	arena_free(a);
}

static void test_status(void **state)
{
	struct invitation inv = { .expires_at = 1000 };

	(void)state;
	assert_int_equal(invitation_status(&inv, 999), INVITATION_PENDING);
	assert_int_equal(invitation_status(&inv, 1000), INVITATION_EXPIRED);
	inv.used_at = 500;
	assert_int_equal(invitation_status(&inv, 999), INVITATION_USED);
	inv.revoked_at = 600;
	assert_int_equal(invitation_status(&inv, 999), INVITATION_REVOKED);
	assert_string_equal(invitation_status_name(INVITATION_EXPIRED), "expired");
}

static struct invitation new_invitation(struct fix *f, int64_t org, const char *email, enum member_role role,
					const char *hash)
{
	struct invitation inv = { .email = email, .role = role };

	assert_int_equal(store_invitation_create(f->c, f->a, org, f->admin, &inv, hash, 7, NULL), KF_OK);
	return inv;
}

static void test_last_admin_is_kept(void **state)
{
	struct fix *f = *state;
	struct member m, cur;
	int64_t history = 0;

	assert_int_equal(store_member_set_role(f->c, f->a, f->org, f->admin, f->admin, 1, MEMBER_EDITOR, &m, &cur), KF_EPERM);
	assert_int_equal(store_member_remove(f->c, f->a, f->org, f->admin, f->admin, 1, &cur), KF_EPERM);
	assert_int_equal(store_member_set_role(f->c, f->a, f->org, f->admin, f->admin, 9, MEMBER_ADMIN, &m, &cur), KF_ECONFLICT);
	/* an admin may stay admin (no-op role change) */
	assert_int_equal(store_member_set_role(f->c, f->a, f->org, f->admin, f->admin, 1, MEMBER_ADMIN, &m, &cur), KF_OK);
	assert_int_equal(m.version, 2);
	assert_int_equal(store_history_count(f->c, f->org, "member", f->admin, &history), KF_OK);
	assert_int_equal(history, 1);
	/* refusals wrote nothing */
	assert_int_equal(store_member_get(f->c, f->a, f->org, f->admin, &m), KF_OK);
	assert_int_equal(m.role, MEMBER_ADMIN);
}

static void test_accept_once(void **state)
{
	struct fix *f = *state;
	struct invitation inv = new_invitation(f, f->org, "neu@example.org", MEMBER_READER, "h1"), found;
	int64_t uid = 0, uid2 = 0;
	int already = 1;
	struct member m;

	assert_int_equal(store_invitation_by_token(f->c, f->a, "h1", &found), KF_OK);
	assert_int_equal(found.org_id, f->org);
	assert_string_equal(found.org_name, "Muster GmbH");
	assert_int_equal(store_invitation_accept(f->c, f->a, &found, 0, "Neu", "pwhash", &uid, &already), KF_OK);
	assert_int_equal(already, 0);
	assert_int_equal(store_member_get(f->c, f->a, f->org, uid, &m), KF_OK);
	assert_int_equal(m.role, MEMBER_READER);
	/* a second use: refused, nothing created */
	assert_int_equal(store_invitation_accept(f->c, f->a, &found, uid, "", "", &uid2, &already), KF_ECONFLICT);
	assert_int_equal(store_invitation_get(f->c, f->a, f->org, inv.id, &found), KF_OK);
	assert_int_equal(invitation_status(&found, kf_now()), INVITATION_USED);
	/* the address is a member now: a new invitation is refused */
	inv = (struct invitation){ .email = "NEU@example.org", .role = MEMBER_EDITOR };
	assert_int_equal(store_invitation_create(f->c, f->a, f->org, f->admin, &inv, "h2", 7, NULL), KF_EEXIST);
}

/* The invitation's email is queued with it, and a refused invitation queues none. */
static void test_invitation_mail_same_transaction(void **state)
{
	struct fix *f = *state;
	struct outbox_mail mail = { .subject = "Einladung", .body = "Bitte", .link = "/invite/t" };
	struct invitation inv = { .email = "neu@example.org", .role = MEMBER_EDITOR };
	int64_t waiting = -1, sent, failed;

	assert_int_equal(store_invitation_create(f->c, f->a, f->org, f->admin, &inv, "hm1", 7, &mail), KF_OK);
	assert_int_equal(store_outbox_counts(f->c, f->org, &waiting, &sent, &failed), KF_OK);
	assert_int_equal(waiting, 1);
	/* the admin's own address is a member already: refused, nothing queued */
	inv = (struct invitation){ .email = "admin@example.org", .role = MEMBER_EDITOR };
	assert_int_equal(store_invitation_create(f->c, f->a, f->org, f->admin, &inv, "hm2", 7, &mail), KF_EEXIST);
	assert_int_equal(store_outbox_counts(f->c, f->org, &waiting, &sent, &failed), KF_OK);
	assert_int_equal(waiting, 1);
}

static void test_revoke_and_replace(void **state)
{
	struct fix *f = *state;
	struct invitation a = new_invitation(f, f->org, "x@example.org", MEMBER_EDITOR, "ha"), b, cur;
	int64_t uid = 0;
	int already;

	b = new_invitation(f, f->org, "x@example.org", MEMBER_READER, "hb");
	assert_int_equal(store_invitation_get(f->c, f->a, f->org, a.id, &cur), KF_OK);
	assert_int_equal(invitation_status(&cur, kf_now()), INVITATION_REVOKED);
	assert_int_equal(store_invitation_accept(f->c, f->a, &a, 0, "", "pw", &uid, &already), KF_ECONFLICT);
	assert_int_equal(store_invitation_revoke(f->c, f->a, f->org, f->admin, b.id, 7, &cur), KF_ECONFLICT);
	assert_int_equal(store_invitation_revoke(f->c, f->a, f->org2, f->admin, b.id, 1, &cur), KF_ENOTFOUND);
	assert_int_equal(store_invitation_revoke(f->c, f->a, f->org, f->admin, b.id, 1, &cur), KF_OK);
	assert_int_equal(store_invitation_revoke(f->c, f->a, f->org, f->admin, b.id, 2, &cur), KF_EINVAL);
}

static void test_other_org_not_found(void **state)
{
	struct fix *f = *state;
	struct invitation inv = new_invitation(f, f->org, "y@example.org", MEMBER_EDITOR, "hy"), cur;
	struct invitation *list;
	struct member m;
	size_t n = 9;

	assert_int_equal(store_invitation_get(f->c, f->a, f->org2, inv.id, &cur), KF_ENOTFOUND);
	assert_int_equal(store_invitation_list(f->c, f->a, f->org2, &list, &n), KF_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_member_get(f->c, f->a, f->org2, f->admin, &m), KF_ENOTFOUND);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_input_names_every_field),
		cmocka_unit_test(test_status),
		cmocka_unit_test_setup_teardown(test_last_admin_is_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_accept_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_invitation_mail_same_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_revoke_and_replace, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_org_not_found, setup, teardown),
	};

	return cmocka_run_group_tests_name("members", tests, NULL, NULL);
}
