/* test_demo.c: the demo company of `krisenfest init --demo` passes every validator on any day, has exactly its built-in gaps, and a refused item fails. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <unistd.h>

#include "kf_test.h"
#include "../../src/cli/cli.h"
#include "../../src/core/plan_check.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/timeutil.h"
#include "../../src/store/store.h"

struct fix {
	char dir[64];
	char path[96];
	struct store *store;
	struct store_conn *c;
	struct arena *a;
	int64_t org, user;
};

static int setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));

	*state = f;
	if (!f)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/kf-test-demo-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/kf.db", f->dir);
	if (store_open(f->path, &f->store) != KF_OK)
		return -1;
	f->c = store_conn_get(f->store);
	f->a = arena_new();
	if (!f->c || !f->a)
		return -1;
	return store_setup_instance(f->c, "Muster Metallbau GmbH", "demo@example.com", "Demo", "hash", &f->org, &f->user) ==
			       KF_OK
		       ? 0
		       : -1;
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

/* Today: the Plan-Check lists exactly the three gaps built in (plus the warnings of single points of failure). */
static void test_demo_gaps(void **state)
{
	struct fix *f = *state;
	struct plan_data d;
	struct plan_check pc;
	char today[11];
	size_t ngaps = 0, nspof = 0;

	kf_date_iso(kf_now(), today);
	assert_int_equal(demo_fill(f->c, f->a, f->org, f->user, today), 0);
	assert_int_equal(store_plan_load(f->c, f->a, f->org, &d), KF_OK);
	assert_int_equal(plan_check_run(&d, f->a, &pc), 0);
	for (size_t i = 0; i < pc.ngaps; i++) {
		const struct plan_gap *g = &pc.gaps[i];

		if (g->level == PLAN_WARNING && strcmp(g->kind, "no_drill") == 0)
			continue; /* drill: the demo has no reachability drill */
		if (g->level == PLAN_WARNING) {
			assert_string_equal(g->kind, "critical_system_spof");
			nspof++;
			continue;
		}
		switch (ngaps++) {
		case 0: assert_string_equal(g->kind, "person_without_mobile"); assert_string_equal(g->item, "Oliver Hahn"); break;
		case 1: assert_string_equal(g->kind, "backup_never_tested"); assert_string_equal(g->item, "Website (Hosting-Paket)"); break;
		case 2: assert_string_equal(g->kind, "critical_system_without_runbook"); assert_string_equal(g->item, "Telefonanlage (Cloud)"); break;
		default: fail_msg("unexpected gap %s (%s)", g->kind, g->item ? g->item : "");
		}
	}
	assert_int_equal(ngaps, 3);
	assert_int_equal(nspof, 9);
	assert_int_equal(pc.steps[STEP_DOCUMENT].percent, 100);
	assert_int_equal(pc.steps[STEP_EXERCISE].percent, 100);
}

/* The dates lie relative to today: the validators accept the demo on a leap day and across a year's turn. */
static void test_demo_any_day(void **state)
{
	static const char *const days[] = { "2028-02-29", "2027-01-01", "2026-03-01" };
	struct fix *f = *state;

	for (size_t i = 0; i < sizeof(days) / sizeof(days[0]); i++) {
		int64_t org;

		assert_int_equal(store_org_create(f->c, days[i], &org), KF_OK);
		assert_int_equal(demo_fill(f->c, f->a, org, f->user, days[i]), 0);
	}
}

/* A refused item fails the whole demo: a second one in the same organisation meets its alarm chain; a broken date fails too. */
static void test_demo_refused(void **state)
{
	struct fix *f = *state;
	char today[11];

	kf_date_iso(kf_now(), today);
	assert_int_equal(demo_fill(f->c, f->a, f->org, f->user, today), 0);
	assert_int_equal(demo_fill(f->c, f->a, f->org, f->user, today), -1);
	assert_int_equal(demo_fill(f->c, f->a, f->org, f->user, "not a date"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_demo_gaps, setup, teardown),
		cmocka_unit_test_setup_teardown(test_demo_any_day, setup, teardown),
		cmocka_unit_test_setup_teardown(test_demo_refused, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
