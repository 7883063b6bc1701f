/* test_hub.c: unit tests of the live-event hub: subscribe, publish, org isolation, replay and its cap, presence. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kf_test.h"
#include "../../src/http/hub.h"

struct fake_conn {
	int suspended, resumes;
};

static void fake_suspend(void *ctx)
{
	((struct fake_conn *)ctx)->suspended = 1;
}

static void fake_resume(void *ctx)
{
	((struct fake_conn *)ctx)->suspended = 0;
	((struct fake_conn *)ctx)->resumes++;
}

static const struct hub_wake_ops ops = {fake_suspend, fake_resume};

/* Everything queued for c, as one string (static buffer). */
static const char *drain(struct hub_client *c)
{
	static char buf[256 * 1024];
	size_t n = 0;
	ssize_t k;

	while ((k = hub_read(c, buf + n, 100)) > 0)
		n += (size_t)k;
	buf[n] = '\0';
	return buf;
}

static struct store_change change(int64_t hid, int64_t org)
{
	struct store_change ch = {hid, org, 7, 2, 1700000000, "contact", "update", "Bea Bearbeiterin"};

	return ch;
}

static void test_publish_reaches_only_its_org(void **state)
{
	struct hub *h = hub_new();
	struct fake_conn f1 = {0}, f2 = {0};
	struct hub_client *a = hub_join(h, 1, 10, "Anna", NULL, &ops, &f1);
	struct hub_client *b = hub_join(h, 2, 11, "Otto", NULL, &ops, &f2);
	struct store_change ch = change(42, 1);
	const char *s;

	(void)state;
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(hub_count(h), 2);
	assert_string_equal(drain(a), ": ok\n\n");
	assert_int_equal(f1.suspended, 1); /* nothing left: parked */
	drain(b);
	hub_publish(h, &ch);
	assert_int_equal(f1.suspended, 0); /* woken */
	assert_int_equal(f1.resumes, 1);
	s = drain(a);
	assert_non_null(strstr(s, "id: 42\nevent: change\ndata: {"));
	assert_non_null(strstr(s, "\"entity\":\"contact\""));
	assert_non_null(strstr(s, "\"by\":\"Bea Bearbeiterin\""));
	assert_non_null(strstr(s, "\"at\":\"2023-11-14T22:13:20Z\""));
	assert_string_equal(drain(b), "");
	assert_int_equal(f2.resumes, 0);
	hub_leave(a);
	hub_leave(b);
	assert_int_equal(hub_count(h), 0);
	hub_free(h);
}

static void test_replay_comes_first_without_duplicates(void **state)
{
	struct hub *h = hub_new();
	struct fake_conn f = {0};
	struct hub_client *c = hub_join(h, 1, 10, "Anna", NULL, &ops, &f);
	struct store_change live5 = change(5, 1), live6 = change(6, 1);
	struct store_change missed[] = {change(4, 1), change(5, 1)};
	const char *s;

	(void)state;
	/* live changes arrive while the replay is read from the store */
	hub_publish(h, &live5);
	hub_publish(h, &live6);
	assert_int_equal(hub_replay(c, missed, 2), 0);
	s = drain(c);
	assert_non_null(strstr(s, "id: 4\n"));
	assert_true(strstr(s, "id: 4\n") < strstr(s, "id: 5\n"));
	assert_true(strstr(s, "id: 5\n") < strstr(s, "id: 6\n"));
	assert_null(strstr(strstr(s, "id: 5\n") + 1, "id: 5\n")); /* 5 once */
	hub_leave(c);
	hub_free(h);
}

static void test_replay_cap_sends_reload(void **state)
{
	struct hub *h = hub_new();
	struct fake_conn f = {0};
	struct hub_client *c = hub_join(h, 1, 10, "Anna", NULL, &ops, &f);
	struct store_change *many = calloc(HUB_REPLAY_MAX + 1, sizeof(*many));
	const char *s;

	(void)state;
	assert_non_null(many);
	for (int i = 0; i <= HUB_REPLAY_MAX; i++)
		many[i] = change(i + 1, 1);
	assert_int_equal(hub_replay(c, many, HUB_REPLAY_MAX + 1), 0);
	s = drain(c);
	assert_non_null(strstr(s, "event: reload\n"));
	assert_null(strstr(s, "id: "));
	assert_int_equal(hub_read(c, (char[8]){0}, 8), -1); /* the stream ends */
	free(many);
	hub_leave(c);
	hub_free(h);
}

static void test_slow_client_is_told_to_reload(void **state)
{
	struct hub *h = hub_new();
	struct fake_conn f = {0};
	struct hub_client *c = hub_join(h, 1, 10, "Anna", NULL, &ops, &f);
	const char *s;

	(void)state;
	for (int i = 1; i <= HUB_QUEUE_MAX + 5; i++) {
		struct store_change ch = change(i, 1);

		hub_publish(h, &ch);
	}
	s = drain(c);
	assert_string_equal(s, "event: reload\ndata: {}\n\n");
	hub_leave(c);
	hub_free(h);
}

static void test_presence_per_page(void **state)
{
	struct hub *h = hub_new();
	struct fake_conn f1 = {0}, f2 = {0}, f3 = {0}, f4 = {0};
	struct hub_client *a = hub_join(h, 1, 10, "Anna", "/o/1/team", &ops, &f1);
	struct hub_client *b, *c, *d;
	const char *s;

	(void)state;
	s = drain(a);
	assert_non_null(strstr(s, "event: presence\ndata: {\"page\":\"/o/1/team\",\"users\":[{\"id\":10,\"name\":\"Anna\"}]}"));
	b = hub_join(h, 1, 11, "Bea Bearbeiterin", "/o/1/team", &ops, &f2);
	c = hub_join(h, 1, 12, "Carl", "/o/1/risks", &ops, &f3);
	d = hub_join(h, 2, 13, "Otto", "/o/1/team", &ops, &f4); /* another organisation */
	s = drain(a);
	assert_non_null(strstr(s, "Bea Bearbeiterin"));
	assert_null(strstr(s, "Carl"));
	assert_null(strstr(s, "Otto"));
	assert_non_null(strstr(drain(b), "Anna"));
	assert_null(strstr(drain(c), "Anna"));
	assert_null(strstr(drain(d), "Anna"));
	/* the same user twice (two tabs) is listed once */
	{
		struct fake_conn f5 = {0};
		struct hub_client *b2 = hub_join(h, 1, 11, "Bea Bearbeiterin", "/o/1/team", &ops, &f5);

		s = drain(a);
		assert_non_null(strstr(s, "Bea Bearbeiterin"));
		assert_null(strstr(strstr(s, "Bea Bearbeiterin") + 1, "Bea Bearbeiterin"));
		hub_leave(b2);
	}
	drain(a);
	hub_leave(b);
	s = drain(a);
	assert_non_null(strstr(s, "\"users\":[{\"id\":10,\"name\":\"Anna\"}]"));
	hub_leave(a);
	hub_leave(c);
	hub_leave(d);
	hub_free(h);
}

static void test_shutdown_ends_streams(void **state)
{
	struct hub *h = hub_new();
	struct fake_conn f = {0};
	struct hub_client *c = hub_join(h, 1, 10, "Anna", NULL, &ops, &f);
	char buf[64];

	(void)state;
	drain(c);
	assert_int_equal(f.suspended, 1);
	hub_heartbeat(h);
	assert_int_equal(f.suspended, 0);
	assert_string_equal(drain(c), ":\n\n");
	hub_shutdown(h);
	assert_int_equal(f.suspended, 0);
	assert_int_equal(hub_read(c, buf, sizeof(buf)), -1);
	hub_leave(c);
	hub_free(h);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_publish_reaches_only_its_org),
		cmocka_unit_test(test_replay_comes_first_without_duplicates),
		cmocka_unit_test(test_replay_cap_sends_reload),
		cmocka_unit_test(test_slow_client_is_told_to_reload),
		cmocka_unit_test(test_presence_per_page),
		cmocka_unit_test(test_shutdown_ends_streams),
	};

	return cmocka_run_group_tests_name("hub", tests, NULL, NULL);
}
