/* test_store.c: unit tests of the SQLite store: set-up, contacts, roles, tenancy, history, sessions, tokens. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kf_test.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/timeutil.h"
#include "../../src/store/store.h"

struct fix {
	char dir[64];
	char path[96];
	struct store *store;
	struct store_conn *c;
	struct arena *a;
	int64_t org, user, org2;
};

static int open_store(struct fix *f)
{
	snprintf(f->dir, sizeof(f->dir), "/tmp/kf-test-store-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/kf.db", f->dir);
	if (store_open(f->path, &f->store) != KF_OK)
		return -1;
	f->c = store_conn_get(f->store);
	f->a = arena_new();
	return f->c && f->a ? 0 : -1;
}

/* A fresh store without an instance. */
static int setup_empty(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));

	*state = f;
	return f ? open_store(f) : -1;
}

/* A fresh store with org 1 and its admin, plus a second organisation to check tenant isolation. */
static int setup(void **state)
{
	struct fix *f;

	if (setup_empty(state) < 0)
		return -1;
	f = *state;
	if (store_setup_instance(f->c, "Muster GmbH", "admin@example.org", "Ada Admin", "hash", &f->org, &f->user) !=
	    KF_OK)
		return -1;
	return store_org_create(f->c, "Andere AG", &f->org2) == KF_OK ? 0 : -1;
}

static int teardown(void **state)
{
	struct fix *f = *state;
	char p[128];

	if (!f)
		return 0;
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

/* A valid contact with one mobile number. */
static struct contact new_contact(const char *name)
{
	struct contact ct;

	contact_init(&ct);
	ct.name = name;
	ct.company = "Firma";
	ct.email = "x@example.org";
	ct.nphones = 1;
	ct.phones[0].kind = PHONE_MOBILE;
	ct.phones[0].number = "0171 1234567";
	return ct;
}

static int64_t make_contact(struct fix *f, int64_t org, const char *name)
{
	struct contact ct = new_contact(name);

	assert_int_equal(store_contact_create(f->c, f->a, org, f->user, &ct), KF_OK);
	return ct.id;
}

static int64_t history(struct fix *f, int64_t org, const char *entity, int64_t id)
{
	int64_t n = -1;

	assert_int_equal(store_history_count(f->c, org, entity, id, &n), KF_OK);
	return n;
}

static void test_open_and_setup_instance(void **state)
{
	struct fix *f = *state;
	int64_t org, user, org_b, user_b;
	int exists = -1;
	struct org o;
	enum member_role mr;
	struct org *orgs;
	size_t n;

	assert_true(store_schema_version(f->c) >= 1);
	assert_int_equal(store_instance_exists(f->c, &exists), KF_OK);
	assert_int_equal(exists, 0);
	assert_int_equal(store_setup_instance(f->c, "Muster GmbH", "admin@example.org", "Ada", "hash", &org, &user), KF_OK);
	assert_true(org > 0);
	assert_true(user > 0);
	assert_int_equal(store_instance_exists(f->c, &exists), KF_OK);
	assert_int_equal(exists, 1);
	assert_int_equal(store_setup_instance(f->c, "Zweite", "other@example.org", "Bob", "hash", &org_b, &user_b),
			 KF_EEXIST);
	/* the refused set-up left nothing behind */
	assert_int_equal(store_user_by_email(f->c, f->a, "other@example.org", &(struct user){ 0 }, NULL), KF_ENOTFOUND);
	assert_int_equal(store_org_get(f->c, f->a, org, &o), KF_OK);
	assert_string_equal(o.name, "Muster GmbH");
	assert_int_equal(store_membership_role(f->c, org, user, &mr), KF_OK);
	assert_int_equal(mr, MEMBER_ADMIN);
	assert_int_equal(store_user_orgs(f->c, f->a, user, &orgs, &n), KF_OK);
	assert_int_equal(n, 1);
	assert_int_equal(orgs[0].id, org);
	assert_int_equal(orgs[0].role, MEMBER_ADMIN);
	assert_int_equal(store_org_get(f->c, f->a, org + 100, &o), KF_ENOTFOUND);
}

static void test_reopen_keeps_data(void **state)
{
	struct fix *f = *state;
	int64_t id = make_contact(f, f->org, "Bleibt");
	struct contact got;
	int v = store_schema_version(f->c);

	store_conn_put(f->c);
	store_close(f->store);
	assert_int_equal(store_open(f->path, &f->store), KF_OK); /* migrations are not applied twice */
	f->c = store_conn_get(f->store);
	assert_non_null(f->c);
	assert_int_equal(store_schema_version(f->c), v);
	assert_int_equal(store_contact_get(f->c, f->a, f->org, id, &got), KF_OK);
	assert_string_equal(got.name, "Bleibt");
}

static void test_orgs(void **state)
{
	struct fix *f = *state;
	struct org *orgs, o;
	int64_t id;
	size_t n;

	assert_true(f->org2 > f->org);
	assert_int_equal(store_org_get(f->c, f->a, f->org2, &o), KF_OK);
	assert_string_equal(o.name, "Andere AG");
	assert_int_equal(store_org_create(f->c, "Dritte eG", &id), KF_OK);
	assert_int_equal(store_org_list(f->c, f->a, &orgs, &n), KF_OK);
	assert_int_equal(n, 3);
	assert_int_equal(orgs[0].id, f->org);
	assert_string_equal(orgs[0].name, "Muster GmbH");
	assert_int_equal(orgs[1].id, f->org2);
	assert_int_equal(orgs[2].id, id);
	assert_string_equal(orgs[2].name, "Dritte eG");
	/* the admin of org 1 is no member of the others */
	assert_int_equal(store_user_orgs(f->c, f->a, f->user, &orgs, &n), KF_OK);
	assert_int_equal(n, 1);
}

static void test_users_and_memberships(void **state)
{
	struct fix *f = *state;
	int64_t id, dup;
	struct user u;
	const char *hash;
	enum member_role mr;
	struct user *users;
	const char **mem;
	size_t n;

	assert_int_equal(store_user_create(f->c, "bob@example.org", "Bob", "h2", &id), KF_OK);
	assert_int_equal(store_user_create(f->c, "BOB@example.org", "Bob 2", "h3", &dup), KF_EEXIST);
	assert_int_equal(store_user_by_email(f->c, f->a, "Bob@Example.org", &u, &hash), KF_OK);
	assert_int_equal(u.id, id);
	assert_string_equal(u.name, "Bob");
	assert_string_equal(hash, "h2");
	assert_int_equal(store_user_by_id(f->c, f->a, id, &u), KF_OK);
	assert_string_equal(u.email, "bob@example.org");
	assert_int_equal(store_user_by_id(f->c, f->a, id + 100, &u), KF_ENOTFOUND);
	assert_int_equal(store_membership_role(f->c, f->org, id, &mr), KF_OK);
	assert_int_equal(mr, MEMBER_NONE);
	assert_int_equal(store_membership_set(f->c, f->org, id, MEMBER_EDITOR), KF_OK);
	assert_int_equal(store_membership_role(f->c, f->org, id, &mr), KF_OK);
	assert_int_equal(mr, MEMBER_EDITOR);
	assert_int_equal(store_membership_set(f->c, f->org, id, MEMBER_READER), KF_OK);
	assert_int_equal(store_membership_role(f->c, f->org, id, &mr), KF_OK);
	assert_int_equal(mr, MEMBER_READER);
	assert_int_equal(store_membership_role(f->c, f->org2, id, &mr), KF_OK);
	assert_int_equal(mr, MEMBER_NONE);
	assert_int_equal(store_user_list(f->c, f->a, &users, &mem, &n), KF_OK);
	assert_int_equal(n, 2);
	assert_string_equal(users[0].email, "admin@example.org");
	assert_string_equal(mem[0], "Muster GmbH (admin)");
	assert_string_equal(mem[1], "Muster GmbH (reader)");
}

static void test_settings(void **state)
{
	struct fix *f = *state;
	const char *v;

	assert_int_equal(store_setting_get(f->c, f->a, "k", &v), KF_ENOTFOUND);
	assert_int_equal(store_setting_set(f->c, "k", "v1"), KF_OK);
	assert_int_equal(store_setting_get(f->c, f->a, "k", &v), KF_OK);
	assert_string_equal(v, "v1");
	assert_int_equal(store_setting_set(f->c, "k", "v2"), KF_OK);
	assert_int_equal(store_setting_get(f->c, f->a, "k", &v), KF_OK);
	assert_string_equal(v, "v2");
	assert_int_equal(store_setting_delete(f->c, "k"), KF_OK);
	assert_int_equal(store_setting_get(f->c, f->a, "k", &v), KF_ENOTFOUND);
}

static void test_contact_create_get_list(void **state)
{
	struct fix *f = *state;
	struct contact ct = new_contact("Anna Müller"), got, *list;
	size_t n;

	ct.function = "Geschäftsführung";
	ct.notes = "Zeile 1\nZeile 2";
	ct.external = 1;
	snprintf(ct.last_verified, sizeof(ct.last_verified), "2026-01-10");
	ct.nphones = 3;
	ct.phones[1].kind = PHONE_OFFICE;
	ct.phones[1].number = "030 999";
	ct.phones[2].kind = PHONE_OTHER;
	ct.phones[2].number = "+49 89 1";
	assert_int_equal(store_contact_create(f->c, f->a, f->org, f->user, &ct), KF_OK);
	assert_true(ct.id > 0);
	assert_int_equal(ct.version, 1);
	assert_true(ct.created_at > 0);
	assert_int_equal(ct.created_at, ct.updated_at);

	assert_int_equal(store_contact_get(f->c, f->a, f->org, ct.id, &got), KF_OK);
	assert_int_equal(got.id, ct.id);
	assert_int_equal(got.version, 1);
	assert_string_equal(got.name, "Anna Müller");
	assert_string_equal(got.company, "Firma");
	assert_string_equal(got.function, "Geschäftsführung");
	assert_string_equal(got.email, "x@example.org");
	assert_string_equal(got.notes, "Zeile 1\nZeile 2");
	assert_int_equal(got.external, 1);
	assert_string_equal(got.last_verified, "2026-01-10");
	assert_int_equal(got.nphones, 3);
	assert_int_equal(got.phones[0].kind, PHONE_MOBILE);
	assert_string_equal(got.phones[0].number, "0171 1234567");
	assert_int_equal(got.phones[1].kind, PHONE_OFFICE);
	assert_string_equal(got.phones[1].number, "030 999");
	assert_int_equal(got.phones[2].kind, PHONE_OTHER);

	/* list: sorted by name regardless of case, phones attached to the right contact */
	make_contact(f, f->org, "bernd");
	make_contact(f, f->org, "Carla");
	ct = new_contact("Aaron");
	ct.nphones = 0;
	assert_int_equal(store_contact_create(f->c, f->a, f->org, f->user, &ct), KF_OK);
	assert_int_equal(store_contact_list(f->c, f->a, f->org, &list, &n), KF_OK);
	assert_int_equal(n, 4);
	assert_string_equal(list[0].name, "Aaron");
	assert_int_equal(list[0].nphones, 0);
	assert_string_equal(list[1].name, "Anna Müller");
	assert_int_equal(list[1].nphones, 3);
	assert_string_equal(list[1].phones[1].number, "030 999");
	assert_string_equal(list[2].name, "bernd");
	assert_int_equal(list[2].nphones, 1);
	assert_string_equal(list[3].name, "Carla");
	assert_int_equal(list[3].nphones, 1);
	assert_string_equal(list[1].last_verified, "2026-01-10");
	assert_string_equal(list[0].last_verified, "");

	assert_int_equal(store_contact_get(f->c, f->a, f->org, 9999, &got), KF_ENOTFOUND);
}

static void test_contact_max_phones(void **state)
{
	struct fix *f = *state;
	struct contact ct = new_contact("Viele Nummern"), got;
	char nums[CONTACT_MAX_PHONES][16];

	ct.nphones = CONTACT_MAX_PHONES;
	for (int i = 0; i < CONTACT_MAX_PHONES; i++) {
		snprintf(nums[i], sizeof(nums[i]), "0301000%d", i);
		ct.phones[i].kind = (enum phone_kind)(i % PHONE_KIND__MAX);
		ct.phones[i].number = nums[i];
	}
	assert_int_equal(store_contact_create(f->c, f->a, f->org, f->user, &ct), KF_OK);
	assert_int_equal(store_contact_get(f->c, f->a, f->org, ct.id, &got), KF_OK);
	assert_int_equal(got.nphones, CONTACT_MAX_PHONES);
	for (int i = 0; i < CONTACT_MAX_PHONES; i++) {
		assert_string_equal(got.phones[i].number, nums[i]);
		assert_int_equal(got.phones[i].kind, i % PHONE_KIND__MAX);
	}
}

static void test_contact_update_and_conflict(void **state)
{
	struct fix *f = *state;
	int64_t id = make_contact(f, f->org, "Alt");
	struct contact ct, cur, got;

	assert_int_equal(history(f, f->org, "contact", id), 1);
	assert_int_equal(store_contact_get(f->c, f->a, f->org, id, &ct), KF_OK);
	ct.name = "Neu";
	ct.nphones = 1;
	ct.phones[0].kind = PHONE_OFFICE;
	ct.phones[0].number = "040 1";
	assert_int_equal(store_contact_update(f->c, f->a, f->org, f->user, 1, &ct, &cur), KF_OK);
	assert_int_equal(ct.version, 2);
	assert_string_equal(ct.name, "Neu");
	assert_int_equal(history(f, f->org, "contact", id), 2);
	assert_int_equal(store_contact_get(f->c, f->a, f->org, id, &got), KF_OK);
	assert_int_equal(got.version, 2);
	assert_string_equal(got.name, "Neu");
	assert_int_equal(got.nphones, 1);
	assert_int_equal(got.phones[0].kind, PHONE_OFFICE);
	assert_string_equal(got.phones[0].number, "040 1");

	/* a second writer who saw version 1 */
	ct = got;
	ct.name = "Verloren";
	ct.nphones = 0;
	memset(&cur, 0, sizeof(cur));
	assert_int_equal(store_contact_update(f->c, f->a, f->org, f->user, 1, &ct, &cur), KF_ECONFLICT);
	assert_int_equal(cur.id, id);
	assert_int_equal(cur.version, 2);
	assert_string_equal(cur.name, "Neu");
	assert_int_equal(cur.nphones, 1);
	assert_int_equal(store_contact_get(f->c, f->a, f->org, id, &got), KF_OK);
	assert_int_equal(got.version, 2);
	assert_string_equal(got.name, "Neu");
	assert_int_equal(got.nphones, 1);
	assert_int_equal(history(f, f->org, "contact", id), 2);
	/* a version from the future is stale too */
	assert_int_equal(store_contact_update(f->c, f->a, f->org, f->user, 3, &ct, &cur), KF_ECONFLICT);

	/* updating something that does not exist */
	ct.id = 9999;
	assert_int_equal(store_contact_update(f->c, f->a, f->org, f->user, 1, &ct, &cur), KF_ENOTFOUND);
}

static void test_contact_delete(void **state)
{
	struct fix *f = *state;
	int64_t id = make_contact(f, f->org, "Weg"), keep = make_contact(f, f->org, "Bleibt");
	struct contact cur, got, *list;
	const char *used = "x";
	size_t n;

	assert_int_equal(store_contact_delete(f->c, f->a, f->org, f->user, id, 2, &cur, &used), KF_ECONFLICT);
	assert_int_equal(cur.version, 1);
	assert_int_equal(store_contact_get(f->c, f->a, f->org, id, &got), KF_OK);
	assert_int_equal(store_contact_delete(f->c, f->a, f->org, f->user, id, 1, &cur, &used), KF_OK);
	assert_null(used);
	assert_int_equal(history(f, f->org, "contact", id), 2);
	assert_int_equal(store_contact_get(f->c, f->a, f->org, id, &got), KF_ENOTFOUND);
	assert_int_equal(store_contact_list(f->c, f->a, f->org, &list, &n), KF_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, keep);
	/* deleting again, or updating the deleted one */
	assert_int_equal(store_contact_delete(f->c, f->a, f->org, f->user, id, 1, &cur, &used), KF_ENOTFOUND);
	assert_int_equal(store_contact_delete(f->c, f->a, f->org, f->user, id, 2, &cur, &used), KF_ENOTFOUND);
	got = new_contact("Zombie");
	got.id = id;
	assert_int_equal(store_contact_update(f->c, f->a, f->org, f->user, 2, &got, &cur), KF_ENOTFOUND);
	assert_int_equal(history(f, f->org, "contact", id), 2);
}

static void test_contact_other_org_not_found(void **state)
{
	struct fix *f = *state;
	int64_t id = make_contact(f, f->org, "Intern"), other = make_contact(f, f->org2, "Fremd");
	struct contact ct, cur, got, *list;
	const char *used;
	size_t n;

	/* org 2 cannot see, change or delete org 1's contact */
	assert_int_equal(store_contact_get(f->c, f->a, f->org2, id, &got), KF_ENOTFOUND);
	ct = new_contact("Gekapert");
	ct.id = id;
	assert_int_equal(store_contact_update(f->c, f->a, f->org2, f->user, 1, &ct, &cur), KF_ENOTFOUND);
	assert_int_equal(store_contact_delete(f->c, f->a, f->org2, f->user, id, 1, &cur, &used), KF_ENOTFOUND);
	assert_int_equal(store_contact_list(f->c, f->a, f->org2, &list, &n), KF_OK);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, other);
	assert_string_equal(list[0].name, "Fremd");
	/* and the other way round */
	assert_int_equal(store_contact_get(f->c, f->a, f->org, other, &got), KF_ENOTFOUND);
	/* an organisation that does not exist sees nothing */
	assert_int_equal(store_contact_get(f->c, f->a, f->org2 + 50, id, &got), KF_ENOTFOUND);
	assert_int_equal(store_contact_list(f->c, f->a, f->org2 + 50, &list, &n), KF_OK);
	assert_int_equal(n, 0);
	/* org 1's contact is untouched */
	assert_int_equal(store_contact_get(f->c, f->a, f->org, id, &got), KF_OK);
	assert_string_equal(got.name, "Intern");
	assert_int_equal(got.version, 1);
	assert_int_equal(got.nphones, 1);
	assert_int_equal(history(f, f->org, "contact", id), 1);
	assert_int_equal(history(f, f->org2, "contact", id), 0);
}

/* A role naming primary and deputies (0 ends the deputy list). */
static struct role new_role(const char *name, int64_t primary, int64_t d0, int64_t d1)
{
	struct role r;

	role_init(&r);
	r.name = name;
	r.duties = "Pflichten";
	r.primary_contact_id = primary;
	if (d0)
		r.deputy_contact_ids[r.ndeputies++] = d0;
	if (d1)
		r.deputy_contact_ids[r.ndeputies++] = d1;
	return r;
}

static void test_roles_with_deputies_in_order(void **state)
{
	struct fix *f = *state;
	const char *used_by = NULL;
	int64_t a = make_contact(f, f->org, "A"), b = make_contact(f, f->org, "B"), c = make_contact(f, f->org, "C");
	struct role r = new_role("Notfallleitung", a, c, b), got, cur, *list;
	struct field_errors fe = { 0 };
	size_t n;

	assert_int_equal(store_role_create(f->c, f->a, f->org, f->user, &r, &fe), KF_OK);
	assert_int_equal(fe.n, 0);
	assert_true(r.id > 0);
	assert_int_equal(r.version, 1);
	assert_int_equal(history(f, f->org, "role", r.id), 1);
	assert_int_equal(store_role_get(f->c, f->a, f->org, r.id, &got), KF_OK);
	assert_string_equal(got.name, "Notfallleitung");
	assert_string_equal(got.duties, "Pflichten");
	assert_int_equal(got.primary_contact_id, a);
	assert_int_equal(got.ndeputies, 2);
	assert_int_equal(got.deputy_contact_ids[0], c);
	assert_int_equal(got.deputy_contact_ids[1], b);

	/* a role without anybody yet */
	struct role empty = new_role("Kommunikation", 0, 0, 0);

	assert_int_equal(store_role_create(f->c, f->a, f->org, f->user, &empty, &fe), KF_OK);
	assert_int_equal(store_role_list(f->c, f->a, f->org, &list, &n), KF_OK);
	assert_int_equal(n, 2);
	assert_string_equal(list[0].name, "Kommunikation");
	assert_int_equal(list[0].primary_contact_id, 0);
	assert_int_equal(list[0].ndeputies, 0);
	assert_string_equal(list[1].name, "Notfallleitung");
	assert_int_equal(list[1].ndeputies, 2);
	assert_int_equal(list[1].deputy_contact_ids[0], c);
	assert_int_equal(list[1].deputy_contact_ids[1], b);

	/* update: reorder, drop primary */
	got.primary_contact_id = 0;
	got.ndeputies = 3;
	got.deputy_contact_ids[0] = b;
	got.deputy_contact_ids[1] = a;
	got.deputy_contact_ids[2] = c;
	assert_int_equal(store_role_update(f->c, f->a, f->org, f->user, 1, &got, &cur, &fe), KF_OK);
	assert_int_equal(got.version, 2);
	assert_int_equal(history(f, f->org, "role", r.id), 2);
	assert_int_equal(store_role_get(f->c, f->a, f->org, r.id, &got), KF_OK);
	assert_int_equal(got.primary_contact_id, 0);
	assert_int_equal(got.ndeputies, 3);
	assert_int_equal(got.deputy_contact_ids[0], b);
	assert_int_equal(got.deputy_contact_ids[1], a);
	assert_int_equal(got.deputy_contact_ids[2], c);

	/* stale update */
	got.name = "Verloren";
	got.ndeputies = 0;
	assert_int_equal(store_role_update(f->c, f->a, f->org, f->user, 1, &got, &cur, &fe), KF_ECONFLICT);
	assert_int_equal(cur.version, 2);
	assert_string_equal(cur.name, "Notfallleitung");
	assert_int_equal(cur.ndeputies, 3);
	assert_int_equal(store_role_get(f->c, f->a, f->org, r.id, &got), KF_OK);
	assert_int_equal(got.ndeputies, 3);
	assert_int_equal(history(f, f->org, "role", r.id), 2);

	/* delete */
	assert_int_equal(store_role_delete(f->c, f->a, f->org, f->user, r.id, 1, &cur, &used_by), KF_ECONFLICT);
	assert_int_equal(store_role_delete(f->c, f->a, f->org, f->user, r.id, 2, &cur, &used_by), KF_OK);
	assert_int_equal(history(f, f->org, "role", r.id), 3);
	assert_int_equal(store_role_get(f->c, f->a, f->org, r.id, &got), KF_ENOTFOUND);
	assert_int_equal(store_role_delete(f->c, f->a, f->org, f->user, r.id, 3, &cur, &used_by), KF_ENOTFOUND);
	assert_int_equal(store_role_list(f->c, f->a, f->org, &list, &n), KF_OK);
	assert_int_equal(n, 1);
}

static void test_role_names_missing_contact(void **state)
{
	struct fix *f = *state;
	int64_t a = make_contact(f, f->org, "A"), gone = make_contact(f, f->org, "Gone"),
		foreign = make_contact(f, f->org2, "Fremd");
	struct field_errors fe = { 0 };
	struct role r = new_role("Leitung", 9999, a, 8888), *list, cur;
	struct contact ccur;
	const char *used;
	size_t n;

	assert_int_equal(store_role_create(f->c, f->a, f->org, f->user, &r, &fe), KF_EINVAL);
	assert_field_error_is(&fe, "primary_contact_id", "is not a contact of this organisation");
	assert_null(fe_get(&fe, "deputy_contact_ids[0]"));
	assert_field_error_is(&fe, "deputy_contact_ids[1]", "is not a contact of this organisation");
	assert_int_equal(store_role_list(f->c, f->a, f->org, &list, &n), KF_OK);
	assert_int_equal(n, 0); /* nothing stored */

	/* a contact of another organisation is no contact here */
	memset(&fe, 0, sizeof(fe));
	r = new_role("Leitung", foreign, 0, 0);
	assert_int_equal(store_role_create(f->c, f->a, f->org, f->user, &r, &fe), KF_EINVAL);
	assert_field_error(&fe, "primary_contact_id");
	memset(&fe, 0, sizeof(fe));
	r = new_role("Leitung", a, foreign, 0);
	assert_int_equal(store_role_create(f->c, f->a, f->org, f->user, &r, &fe), KF_EINVAL);
	assert_field_error(&fe, "deputy_contact_ids[0]");

	/* nor is a deleted one */
	assert_int_equal(store_contact_delete(f->c, f->a, f->org, f->user, gone, 1, &ccur, &used), KF_OK);
	memset(&fe, 0, sizeof(fe));
	r = new_role("Leitung", gone, 0, 0);
	assert_int_equal(store_role_create(f->c, f->a, f->org, f->user, &r, &fe), KF_EINVAL);
	assert_field_error(&fe, "primary_contact_id");

	/* update checks too, and leaves the role as it was */
	memset(&fe, 0, sizeof(fe));
	r = new_role("Leitung", a, 0, 0);
	assert_int_equal(store_role_create(f->c, f->a, f->org, f->user, &r, &fe), KF_OK);
	r.deputy_contact_ids[r.ndeputies++] = foreign;
	assert_int_equal(store_role_update(f->c, f->a, f->org, f->user, 1, &r, &cur, &fe), KF_EINVAL);
	assert_field_error(&fe, "deputy_contact_ids[0]");
	assert_int_equal(store_role_get(f->c, f->a, f->org, r.id, &cur), KF_OK);
	assert_int_equal(cur.version, 1);
	assert_int_equal(cur.ndeputies, 0);
	assert_int_equal(history(f, f->org, "role", r.id), 1);
}

static void test_role_check_people(void **state)
{
	struct fix *f = *state;
	int64_t a = make_contact(f, f->org, "A"), foreign = make_contact(f, f->org2, "Fremd");
	struct field_errors fe = { 0 };
	struct role r = new_role("Leitung", a, a, 0);

	assert_int_equal(store_role_check_people(f->c, &r, f->org, &fe), KF_OK);
	assert_int_equal(fe.n, 0);
	r = new_role("Leitung", foreign, a, 7777);
	assert_int_equal(store_role_check_people(f->c, &r, f->org, &fe), KF_EINVAL);
	assert_field_error_is(&fe, "primary_contact_id", "is not a contact of this organisation");
	assert_null(fe_get(&fe, "deputy_contact_ids[0]"));
	assert_field_error_is(&fe, "deputy_contact_ids[1]", "is not a contact of this organisation");
	memset(&fe, 0, sizeof(fe));
	assert_int_equal(store_role_check_people(f->c, &r, f->org2, &fe), KF_EINVAL);
	assert_null(fe_get(&fe, "primary_contact_id"));
	assert_field_error(&fe, "deputy_contact_ids[0]");
}

static void test_role_other_org_not_found(void **state)
{
	struct fix *f = *state;
	const char *used_by = NULL;
	int64_t a = make_contact(f, f->org, "A");
	struct field_errors fe = { 0 };
	struct role r = new_role("Leitung", a, 0, 0), got, cur, *list;
	size_t n;

	assert_int_equal(store_role_create(f->c, f->a, f->org, f->user, &r, &fe), KF_OK);
	assert_int_equal(store_role_get(f->c, f->a, f->org2, r.id, &got), KF_ENOTFOUND);
	assert_int_equal(store_role_update(f->c, f->a, f->org2, f->user, 1, &r, &cur, &fe), KF_ENOTFOUND);
	assert_int_equal(store_role_delete(f->c, f->a, f->org2, f->user, r.id, 1, &cur, &used_by), KF_ENOTFOUND);
	assert_int_equal(store_role_list(f->c, f->a, f->org2, &list, &n), KF_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_role_get(f->c, f->a, f->org, r.id, &got), KF_OK);
	assert_int_equal(got.version, 1);
}

static void test_contact_delete_in_use(void **state)
{
	struct fix *f = *state;
	int64_t a = make_contact(f, f->org, "A"), b = make_contact(f, f->org, "B");
	struct field_errors fe = { 0 };
	struct role r1 = new_role("Zentrale", a, 0, 0), r2 = new_role("Ausweich", b, a, 0), r3 = new_role("IT", 0, b, 0),
		    rcur;
	struct contact cur, got;
	const char *used = NULL;

	assert_int_equal(store_role_create(f->c, f->a, f->org, f->user, &r1, &fe), KF_OK);
	assert_int_equal(store_role_create(f->c, f->a, f->org, f->user, &r2, &fe), KF_OK);
	assert_int_equal(store_role_create(f->c, f->a, f->org, f->user, &r3, &fe), KF_OK);

	/* a is primary of one role and deputy of another */
	assert_int_equal(store_contact_delete(f->c, f->a, f->org, f->user, a, 1, &cur, &used), KF_EINUSE);
	assert_non_null(used);
	assert_string_equal(used, "Ausweich, Zentrale");
	assert_int_equal(cur.id, a);
	assert_int_equal(store_contact_get(f->c, f->a, f->org, a, &got), KF_OK);
	assert_int_equal(got.version, 1);
	assert_int_equal(history(f, f->org, "contact", a), 1);

	/* b only as deputy of IT (and primary of Ausweich) */
	used = NULL;
	assert_int_equal(store_contact_delete(f->c, f->a, f->org, f->user, b, 1, &cur, &used), KF_EINUSE);
	assert_string_equal(used, "Ausweich, IT");

	/* once the roles are gone (deleted roles do not count) the contact can go */
	assert_int_equal(store_role_delete(f->c, f->a, f->org, f->user, r1.id, 1, &rcur, &used), KF_OK);
	assert_int_equal(store_role_delete(f->c, f->a, f->org, f->user, r2.id, 1, &rcur, &used), KF_OK);
	used = "x";
	assert_int_equal(store_contact_delete(f->c, f->a, f->org, f->user, a, 1, &cur, &used), KF_OK);
	assert_null(used);
}

static void test_history_grows_per_write(void **state)
{
	struct fix *f = *state;
	struct contact ct = new_contact("H"), cur;
	const char *used;

	assert_int_equal(history(f, f->org, "contact", 12345), 0);
	assert_int_equal(store_contact_create(f->c, f->a, f->org, f->user, &ct), KF_OK);
	assert_int_equal(history(f, f->org, "contact", ct.id), 1);
	for (int i = 1; i <= 4; i++) {
		ct.notes = i % 2 ? "odd" : "even";
		assert_int_equal(store_contact_update(f->c, f->a, f->org, f->user, i, &ct, &cur), KF_OK);
		assert_int_equal(history(f, f->org, "contact", ct.id), i + 1);
	}
	assert_int_equal(store_contact_delete(f->c, f->a, f->org, f->user, ct.id, 5, &cur, &used), KF_OK);
	assert_int_equal(history(f, f->org, "contact", ct.id), 6);
	assert_int_equal(history(f, f->org, "role", ct.id), 0);
}

static void test_sessions(void **state)
{
	struct fix *f = *state;
	int64_t now = kf_now();
	struct user u;
	const char *csrf;

	assert_int_equal(store_session_create(f->c, "hash-live", f->user, "csrf-1", now + 3600), KF_OK);
	assert_int_equal(store_session_create(f->c, "hash-old", f->user, "csrf-2", now - 1), KF_OK);
	assert_int_equal(store_session_lookup(f->c, f->a, "hash-live", &u, &csrf), KF_OK);
	assert_int_equal(u.id, f->user);
	assert_string_equal(u.email, "admin@example.org");
	assert_string_equal(u.name, "Ada Admin");
	assert_string_equal(csrf, "csrf-1");
	assert_int_equal(store_session_lookup(f->c, f->a, "hash-old", &u, &csrf), KF_ENOTFOUND);
	assert_int_equal(store_session_lookup(f->c, f->a, "nope", &u, &csrf), KF_ENOTFOUND);
	assert_int_equal(store_session_lookup(f->c, f->a, "", &u, &csrf), KF_ENOTFOUND);
	assert_int_equal(store_session_purge(f->c), KF_OK);
	assert_int_equal(store_session_lookup(f->c, f->a, "hash-live", &u, &csrf), KF_OK);
	assert_int_equal(store_session_delete(f->c, "hash-live"), KF_OK);
	assert_int_equal(store_session_lookup(f->c, f->a, "hash-live", &u, &csrf), KF_ENOTFOUND);
	assert_int_equal(store_session_delete(f->c, "hash-live"), KF_OK); /* idempotent */

	/* a new password ends all sessions of the user */
	assert_int_equal(store_session_create(f->c, "hash-a", f->user, "c", now + 3600), KF_OK);
	assert_int_equal(store_session_create(f->c, "hash-b", f->user, "c", now + 3600), KF_OK);
	assert_int_equal(store_user_set_password(f->c, f->user, "newhash"), KF_OK);
	assert_int_equal(store_session_lookup(f->c, f->a, "hash-a", &u, &csrf), KF_ENOTFOUND);
	assert_int_equal(store_session_lookup(f->c, f->a, "hash-b", &u, &csrf), KF_ENOTFOUND);
	{
		const char *h;

		assert_int_equal(store_user_by_email(f->c, f->a, "admin@example.org", &u, &h), KF_OK);
		assert_string_equal(h, "newhash");
	}
}

static void test_tokens(void **state)
{
	struct fix *f = *state;
	struct user u;

	assert_int_equal(store_token_create(f->c, f->user, "CI", "tokhash-1"), KF_OK);
	assert_int_equal(store_token_lookup(f->c, f->a, "tokhash-1", &u), KF_OK);
	assert_int_equal(u.id, f->user);
	assert_string_equal(u.email, "admin@example.org");
	assert_int_equal(store_token_lookup(f->c, f->a, "tokhash-2", &u), KF_ENOTFOUND);
	/* the hash is unique */
	assert_int_not_equal(store_token_create(f->c, f->user, "again", "tokhash-1"), KF_OK);
	/* a token is not a session and the other way round */
	assert_int_equal(store_session_lookup(f->c, f->a, "tokhash-1", &u, &(const char *){ NULL }), KF_ENOTFOUND);
}

static void test_many_contacts_list(void **state)
{
	struct fix *f = *state;
	struct contact *list;
	char name[32];
	size_t n;

	/* more than the first list allocation, to exercise growth */
	for (int i = 0; i < 70; i++) {
		snprintf(name, sizeof(name), "Person %03d", i);
		make_contact(f, f->org, name);
	}
	assert_int_equal(store_contact_list(f->c, f->a, f->org, &list, &n), KF_OK);
	assert_int_equal(n, 70);
	for (size_t i = 0; i < n; i++) {
		snprintf(name, sizeof(name), "Person %03zu", i);
		assert_string_equal(list[i].name, name);
		assert_int_equal(list[i].nphones, 1);
	}
}

/* sse: what the store's listener was told */
static struct {
	int n;
	int64_t ids[8];
	char by[8][64];
} heard;

static void listen_changes(void *ctx, const struct store_change *ch)
{
	(void)ctx;
	if (heard.n < 8) {
		heard.ids[heard.n] = ch->entity_id;
		snprintf(heard.by[heard.n], sizeof(heard.by[0]), "%s", ch->by);
	}
	heard.n++;
}

static void test_changes_reach_listener_after_commit(void **state)
{
	struct fix *f = *state;
	struct contact ct[2] = {new_contact("Team A"), new_contact("Team B")}, cur;
	size_t created = 0, skipped = 0;
	int64_t id;

	memset(&heard, 0, sizeof(heard));
	store_set_listener(f->store, listen_changes, NULL);
	/* one transaction with two records: both named after the actor (looked up once, after the commit) */
	assert_int_equal(store_team_adopt(f->c, f->a, f->org, f->user, ct, 2, NULL, 0, &created, &skipped), KF_OK);
	assert_int_equal(created, 2);
	assert_int_equal(heard.n, 2);
	assert_string_equal(heard.by[0], "Ada Admin");
	assert_string_equal(heard.by[1], "Ada Admin");
	/* a refused write tells nothing; a change without an actor has no name */
	id = make_contact(f, f->org, "Solo");
	assert_int_equal(heard.n, 3);
	assert_int_equal(heard.ids[2], id);
	ct[0] = new_contact("Solo neu");
	ct[0].id = id;
	assert_int_equal(store_contact_update(f->c, f->a, f->org, f->user, 7, &ct[0], &cur), KF_ECONFLICT);
	assert_int_equal(heard.n, 3);
	ct[1] = new_contact("Niemand");
	assert_int_equal(store_contact_create(f->c, f->a, f->org, 0, &ct[1]), KF_OK);
	assert_int_equal(heard.n, 4);
	assert_string_equal(heard.by[3], "");
	store_set_listener(f->store, NULL, NULL);
}

/* A batch: writes inside it are one transaction; an inner refusal or a rollback keeps none of them. */
static void test_batch_all_or_nothing(void **state)
{
	struct fix *f = *state;
	struct contact *list, cur, ct;
	struct role r;
	struct field_errors fe = { 0 };
	size_t n;

	memset(&heard, 0, sizeof(heard));
	store_set_listener(f->store, listen_changes, NULL);
	/* committed: both kept, and the listener hears them only at the end */
	assert_int_equal(store_batch_begin(f->c), KF_OK);
	make_contact(f, f->org, "Eins");
	make_contact(f, f->org, "Zwei");
	assert_int_equal(heard.n, 0);
	assert_int_equal(store_batch_commit(f->c), KF_OK);
	assert_int_equal(heard.n, 2);
	assert_int_equal(store_contact_list(f->c, f->a, f->org, &list, &n), KF_OK);
	assert_int_equal(n, 2);

	/* an inner write refused (a stale version): the commit rolls back the whole batch */
	assert_int_equal(store_batch_begin(f->c), KF_OK);
	make_contact(f, f->org, "Drei");
	ct = new_contact("Eins neu");
	ct.id = list[0].id;
	assert_int_equal(store_contact_update(f->c, f->a, f->org, f->user, 9, &ct, &cur), KF_ECONFLICT);
	assert_int_not_equal(store_batch_commit(f->c), KF_OK);
	assert_int_equal(store_contact_list(f->c, f->a, f->org, &list, &n), KF_OK);
	assert_int_equal(n, 2);
	assert_int_equal(heard.n, 2); /* nothing of it was news */

	/* a role naming a missing contact is refused inside the batch: nothing kept either */
	assert_int_equal(store_batch_begin(f->c), KF_OK);
	make_contact(f, f->org, "Vier");
	role_init(&r);
	r.name = "Notfallleitung";
	r.primary_contact_id = 999;
	assert_int_equal(store_role_create(f->c, f->a, f->org, f->user, &r, &fe), KF_EINVAL);
	store_batch_rollback(f->c);
	assert_int_equal(store_contact_list(f->c, f->a, f->org, &list, &n), KF_OK);
	assert_int_equal(n, 2);

	/* a batch left open when the connection goes back: rolled back, the connection usable again */
	assert_int_equal(store_batch_begin(f->c), KF_OK);
	make_contact(f, f->org, "Fünf");
	store_conn_put(f->c);
	f->c = store_conn_get(f->store);
	assert_int_equal(store_contact_list(f->c, f->a, f->org, &list, &n), KF_OK);
	assert_int_equal(n, 2);
	make_contact(f, f->org, "Sechs");
	assert_int_equal(store_contact_list(f->c, f->a, f->org, &list, &n), KF_OK);
	assert_int_equal(n, 3);
	store_set_listener(f->store, NULL, NULL);
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_and_setup_instance, setup_empty, teardown),
		T(test_reopen_keeps_data),
		T(test_orgs),
		T(test_users_and_memberships),
		T(test_settings),
		T(test_contact_create_get_list),
		T(test_contact_max_phones),
		T(test_contact_update_and_conflict),
		T(test_contact_delete),
		T(test_contact_other_org_not_found),
		T(test_roles_with_deputies_in_order),
		T(test_role_names_missing_contact),
		T(test_role_check_people),
		T(test_role_other_org_not_found),
		T(test_contact_delete_in_use),
		T(test_history_grows_per_write),
		T(test_sessions),
		T(test_tokens),
		T(test_many_contacts_list),
		T(test_changes_reach_listener_after_commit),
		T(test_batch_all_or_nothing),
	};

	return cmocka_run_group_tests_name("store", tests, NULL, NULL);
}
