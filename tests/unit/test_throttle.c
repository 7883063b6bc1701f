/* test_throttle.c: unit tests of login throttling per account and per client address. */
#include <stdio.h>

#include "kf_test.h"
#include "../../src/http/throttle.h"

static int setup(void **state)
{
	*state = throttle_new();
	return *state ? 0 : -1;
}

static int teardown(void **state)
{
	throttle_free(*state);
	return 0;
}

static void fail_n(struct throttle *t, const char *account, const char *address, int n)
{
	for (int i = 0; i < n; i++)
		throttle_failed(t, account, address);
}

static void test_fresh_is_free(void **state)
{
	assert_int_equal(throttle_check(*state, "alice@example.org", "192.0.2.1"), 0);
	assert_int_equal(throttle_check(*state, "", ""), 0);
	assert_int_equal(throttle_check(*state, NULL, NULL), 0);
}

static void test_five_failures_lock_account(void **state)
{
	struct throttle *t = *state;
	int64_t wait;

	/* from different addresses, so only the account counts */
	for (int i = 0; i < THROTTLE_ACCOUNT_MAX - 1; i++) {
		char addr[32];

		snprintf(addr, sizeof(addr), "198.51.100.%d", i);
		throttle_failed(t, "alice@example.org", addr);
		assert_int_equal(throttle_check(t, "alice@example.org", "192.0.2.1"), 0);
	}
	throttle_failed(t, "alice@example.org", "198.51.100.99");
	wait = throttle_check(t, "alice@example.org", "192.0.2.1");
	assert_true(wait > 0);
	assert_true(wait <= THROTTLE_WINDOW);
	/* whatever address the next try comes from */
	assert_true(throttle_check(t, "alice@example.org", "203.0.113.7") > 0);
	/* account names are e-mail addresses: case does not matter */
	assert_true(throttle_check(t, "Alice@Example.ORG", "203.0.113.7") > 0);
}

static void test_other_accounts_stay_free(void **state)
{
	struct throttle *t = *state;

	fail_n(t, "alice@example.org", "192.0.2.1", THROTTLE_ACCOUNT_MAX);
	assert_true(throttle_check(t, "alice@example.org", "192.0.2.1") > 0);
	assert_int_equal(throttle_check(t, "bob@example.org", "192.0.2.1"), 0);
	assert_int_equal(throttle_check(t, "bob@example.org", "192.0.2.2"), 0);
	assert_int_equal(throttle_check(t, "alice@example.org.evil", "192.0.2.2"), 0);
}

static void test_twenty_failures_lock_address(void **state)
{
	struct throttle *t = *state;
	char account[64];

	/* 20 accounts, 1 failure each, all from one address */
	for (int i = 0; i < THROTTLE_ADDRESS_MAX; i++) {
		assert_int_equal(throttle_check(t, "new@example.org", "192.0.2.66"), 0);
		snprintf(account, sizeof(account), "user%d@example.org", i);
		throttle_failed(t, account, "192.0.2.66");
	}
	assert_true(throttle_check(t, "new@example.org", "192.0.2.66") > 0);
	assert_true(throttle_check(t, "new@example.org", "192.0.2.66") <= THROTTLE_WINDOW);
	/* the same account from another address may try */
	assert_int_equal(throttle_check(t, "new@example.org", "192.0.2.67"), 0);
	assert_int_equal(throttle_check(t, "user0@example.org", "192.0.2.67"), 0);
}

static void test_success_clears_account(void **state)
{
	struct throttle *t = *state;

	fail_n(t, "carol@example.org", "192.0.2.5", THROTTLE_ACCOUNT_MAX - 1);
	throttle_succeeded(t, "carol@example.org");
	fail_n(t, "carol@example.org", "192.0.2.5", THROTTLE_ACCOUNT_MAX - 1);
	assert_int_equal(throttle_check(t, "carol@example.org", "192.0.2.6"), 0);
	throttle_failed(t, "carol@example.org", "192.0.2.5");
	assert_true(throttle_check(t, "carol@example.org", "192.0.2.6") > 0);
	throttle_succeeded(t, "carol@example.org");
	assert_int_equal(throttle_check(t, "carol@example.org", "192.0.2.6"), 0);
	/* succeeded for an account never seen is harmless */
	throttle_succeeded(t, "nobody@example.org");
	assert_int_equal(throttle_check(t, "nobody@example.org", "192.0.2.6"), 0);
}

static void test_success_does_not_clear_address(void **state)
{
	struct throttle *t = *state;
	char account[64];

	for (int i = 0; i < THROTTLE_ADDRESS_MAX; i++) {
		snprintf(account, sizeof(account), "u%d", i);
		throttle_failed(t, account, "192.0.2.9");
	}
	throttle_succeeded(t, "u0");
	assert_true(throttle_check(t, "u0", "192.0.2.9") > 0);
}

static void test_many_keys_do_not_break_table(void **state)
{
	struct throttle *t = *state;
	char account[64], addr[64];

	/* more keys than the table has slots: must neither crash nor lock innocent accounts */
	for (int i = 0; i < 5000; i++) {
		snprintf(account, sizeof(account), "flood%d@example.org", i);
		snprintf(addr, sizeof(addr), "10.0.%d.%d", i / 256, i % 256);
		throttle_failed(t, account, addr);
	}
	assert_int_equal(throttle_check(t, "innocent@example.org", "192.0.2.200"), 0);
	fail_n(t, "dave@example.org", "192.0.2.201", THROTTLE_ACCOUNT_MAX);
	assert_true(throttle_check(t, "dave@example.org", "192.0.2.202") > 0);
}

static void test_flood_does_not_lift_a_lock(void **state)
{
	struct throttle *t = *state;
	char account[64], addr[64];

	/* an attacker who locked an account cannot free it by filling the table with new names */
	fail_n(t, "erika@example.org", "192.0.2.30", THROTTLE_ACCOUNT_MAX);
	assert_true(throttle_check(t, "erika@example.org", "192.0.2.31") > 0);
	for (int i = 0; i < 20000; i++) {
		snprintf(account, sizeof(account), "flood%d@example.org", i);
		snprintf(addr, sizeof(addr), "10.%d.%d.%d", i / 65536, (i / 256) % 256, i % 256);
		throttle_failed(t, account, addr);
	}
	assert_true(throttle_check(t, "erika@example.org", "192.0.2.32") > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fresh_is_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_five_failures_lock_account, setup, teardown),
		cmocka_unit_test_setup_teardown(test_other_accounts_stay_free, setup, teardown),
		cmocka_unit_test_setup_teardown(test_twenty_failures_lock_address, setup, teardown),
		cmocka_unit_test_setup_teardown(test_success_clears_account, setup, teardown),
		cmocka_unit_test_setup_teardown(test_success_does_not_clear_address, setup, teardown),
		cmocka_unit_test_setup_teardown(test_many_keys_do_not_break_table, setup, teardown),
		cmocka_unit_test_setup_teardown(test_flood_does_not_lift_a_lock, setup, teardown),
	};

	return cmocka_run_group_tests_name("throttle", tests, NULL, NULL);
}
