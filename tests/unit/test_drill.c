/* test_drill.c: the reachability drill's rules without a database: webhook URL, who is in the chain, JSON. */
#include <stdlib.h>
#include <string.h>
#include "kf_test.h"
#include "../../src/core/drill.h"
#include "../../src/lib/arena.h"

static void ok(const char *url, const char *hosts)
{
	const char *p = drill_webhook_url_problem(url, hosts);

	if (p)
		fail_msg("%s refused: %s", url, p);
}

static void bad(const char *url, const char *hosts)
{
	if (!drill_webhook_url_problem(url, hosts))
		fail_msg("%s accepted", url);
}

static void test_webhook_url(void **state)
{
	char longurl[600];

	(void)state;
	ok("", NULL);
	ok("https://sms.example.de/hook", NULL);
	ok("https://sms.example.de:8443/hook?key=abc", NULL);
	ok("https://[2001:db8::1]/hook", NULL);
	/* plain http only to a host the administrator allowed */
	bad("http://sms.example.de/hook", NULL);
	bad("http://sms.example.de/hook", "127.0.0.1");
	ok("http://127.0.0.1:9000/hook", "127.0.0.1");
	ok("http://gateway.lan/hook", "127.0.0.1,gateway.lan");
	bad("http://gateway.lan.evil.de/hook", "gateway.lan");
	bad("http://127.0.0.1.evil.de/", "127.0.0.1");
	/* other schemes, user info, spaces, control characters, no host */
	bad("ftp://sms.example.de/", NULL);
	bad("file:///etc/passwd", NULL);
	bad("sms.example.de/hook", NULL);
	bad("https://user:pw@sms.example.de/", NULL);
	bad("https://127.0.0.1@evil.de/", "127.0.0.1");
	bad("https://sms.example.de/a b", NULL);
	bad("https://sms.example.de/\r\nX: 1", NULL);
	bad("https:///hook", NULL);
	bad("https://sms_example.de/", NULL);
	memset(longurl, 'a', sizeof(longurl) - 1);
	memcpy(longurl, "https://", 8);
	longurl[sizeof(longurl) - 1] = '\0';
	bad(longurl, NULL);
}

static void test_settings_from_json(void **state)
{
	struct arena *a = arena_new();
	struct field_errors fe = { 0 };
	struct drill_settings s = { 0 };
	json_t *j;

	(void)state;
	j = json_pack("{s:s}", "webhook_url", " https://sms.example.de/hook ");
	drill_settings_from_json(&s, a, j, NULL, &fe);
	json_decref(j);
	assert_int_equal(fe.n, 0);
	assert_string_equal(s.webhook_url, "https://sms.example.de/hook");
	j = json_pack("{s:s, s:i}", "webhook_url", "http://sms.example.de/", "other", 1);
	drill_settings_from_json(&s, a, j, NULL, &fe);
	json_decref(j);
	assert_int_equal(fe.n, 2);
	assert_non_null(fe_get(&fe, "webhook_url"));
	assert_non_null(fe_get(&fe, "other"));
	arena_free(a);
}

static void test_chain_contacts(void **state)
{
	struct alarm_step s[3];
	struct role r;
	int64_t ids[10];
	size_t n;

	(void)state;
	for (int i = 0; i < 3; i++)
		alarm_step_init(&s[i]);
	role_init(&r);
	r.id = 5;
	r.primary_contact_id = 1;
	r.ndeputies = 1;
	r.deputy_contact_ids[0] = 2;
	s[0].callee_contact_id = 3; /* whoever notices calls 3 */
	s[1].caller_role_id = 5;    /* the role (1, deputy 2) calls 4, escalating to 3 */
	s[1].callee_contact_id = 4;
	s[1].escalate_after_minutes = 10;
	s[1].escalate_to_contact_id = 3;
	s[2].caller_contact_id = 4;
	s[2].callee_contact_id = 6;
	n = drill_chain_contacts(s, 3, &r, 1, ids, 10);
	assert_int_equal(n, 5);
	assert_int_equal(ids[0], 3);
	assert_int_equal(ids[1], 1);
	assert_int_equal(ids[2], 2);
	assert_int_equal(ids[3], 4);
	assert_int_equal(ids[4], 6);
	/* room for two only */
	assert_int_equal(drill_chain_contacts(s, 3, &r, 1, ids, 2), 2);
}

static void test_over_and_json(void **state)
{
	struct drill_recipient rs[1] = { { .contact_id = 3, .name = "Anna", .email = "a@example.org", .sent_at = 1000,
					    .confirmed_at = 1090 } };
	struct drill d = { .id = 2, .version = 1, .started_at = 1000, .note = "", .started_by_name = "Chef",
			   .recipients = rs, .nrecipients = 1, .nconfirmed = 1 };
	json_t *j;
	char *payload;

	(void)state;
	assert_false(drill_is_over(&d, 1000 + DRILL_OPEN_SECONDS));
	assert_true(drill_is_over(&d, 1001 + DRILL_OPEN_SECONDS));
	d.closed_at = 1500;
	assert_true(drill_is_over(&d, 1600));
	j = drill_to_json(&d, 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(json_object_get(j, "recipients"), 0),
							    "seconds_to_confirm")),
			 90);
	json_decref(j);
	payload = drill_webhook_payload("Bäckerei", 2, "Anna", "0171 1", "Test", "https://x/drill/confirm/T");
	assert_non_null(payload);
	assert_non_null(strstr(payload, "\"contact_name\":\"Anna\""));
	assert_non_null(strstr(payload, "\"drill\":2"));
	free(payload);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_webhook_url),
		cmocka_unit_test(test_settings_from_json),
		cmocka_unit_test(test_chain_contacts),
		cmocka_unit_test(test_over_and_json),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
