/* test_notify.c: unit tests of notifications: retry schedule, message format, rendering, preferences, and the store (same transaction, once per key, outbox). */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "kf_test.h"
#include "../../src/core/mail.h"
#include "../../src/core/notify.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/strbuf.h"
#include "../../src/lib/timeutil.h"
#include "../../src/store/store-private.h"

static void test_retry_schedule(void **state)
{
	(void)state;
	assert_int_equal(mail_retry_at(1, 1000), 1000 + 60);
	assert_int_equal(mail_retry_at(2, 1000), 1000 + 300);
	assert_int_equal(mail_retry_at(3, 1000), 1000 + 1800);
	assert_int_equal(mail_retry_at(4, 1000), 1000 + 7200);
	assert_int_equal(mail_retry_at(5, 1000), 0);
	assert_int_equal(mail_retry_at(9, 1000), 0);
}

static void test_address(void **state)
{
	(void)state;
	assert_true(mail_address_ok("a@example.org"));
	assert_false(mail_address_ok(""));
	assert_false(mail_address_ok(NULL));
	assert_false(mail_address_ok("a@"));
	assert_false(mail_address_ok("@example.org"));
	assert_false(mail_address_ok("a b@example.org"));
	assert_false(mail_address_ok("a@example.org\r\nBcc: x@example.org"));
	assert_false(mail_address_ok("a@example.org>"));
	assert_false(mail_address_ok("a@x.org,b@y.org"));
}

static int b64val(char c)
{
	static const char t[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const char *p = strchr(t, c);

	return c && p ? (int)(p - t) : -1;
}

/* decodes base64 (skipping CR/LF) into out */
static size_t unbase64(const char *s, char *out, size_t max)
{
	unsigned v = 0;
	int bits = 0;
	size_t n = 0;

	for (; *s && *s != '='; s++) {
		int d = b64val(*s);

		if (d < 0)
			continue;
		v = (v << 6) | (unsigned)d;
		bits += 6;
		if (bits >= 8 && n + 1 < max) {
			bits -= 8;
			out[n++] = (char)((v >> bits) & 0xff);
		}
	}
	out[n] = '\0';
	return n;
}

static void test_format(void **state)
{
	struct outbox_mail m = { .id = 7, .recipient = "nora@example.org", .subject = "Prüfung fällig: Notfallplan „Bäckerei“ – bitte bis März erledigen, danke schön",
				 .body = "Hallo Nora,\n\nDie Prüfung ist fällig.\nÖffnen:", .link = "/o/1/exercises", .created_at = 5 };
	struct strbuf sb;
	char text[2048], *body, *subj;
	const char *p;

	(void)state;
	sb_init(&sb, 1 << 20);
	assert_int_equal(mail_format(&sb, &m, "kf@example.org", "https://plan.example.de", "Fußzeile", 0), 0);
	assert_non_null(strstr(sb.buf, "Date: Thu, 01 Jan 1970 00:00:00 +0000\r\n"));
	assert_non_null(strstr(sb.buf, "From: krisenfest <kf@example.org>\r\nTo: <nora@example.org>\r\n"));
	assert_non_null(strstr(sb.buf, "Message-ID: <outbox-7-5@example.org>\r\n"));
	assert_non_null(strstr(sb.buf, "Content-Type: text/plain; charset=UTF-8\r\n"));
	/* every line ends in CRLF and none is longer than 78 characters */
	for (p = sb.buf; *p;) {
		const char *nl = strchr(p, '\n');

		assert_non_null(nl);
		assert_true(nl > p ? nl[-1] == '\r' || nl == p : 1);
		assert_true(nl - p <= 78);
		p = nl + 1;
	}
	/* the subject is encoded words whose decoding gives it back */
	subj = strstr(sb.buf, "Subject: ");
	assert_non_null(subj);
	{
		char dec[512] = "", part[256];
		const char *w = subj;

		while ((w = strstr(w, "=?UTF-8?B?")) && w < strstr(subj, "Message-ID")) {
			char enc[128];
			const char *end = strstr(w + 10, "?=");

			assert_true(end - (w + 10) < (long)sizeof(enc));
			memcpy(enc, w + 10, (size_t)(end - (w + 10)));
			enc[end - (w + 10)] = '\0';
			unbase64(enc, part, sizeof(part));
			strncat(dec, part, sizeof(dec) - strlen(dec) - 1);
			w = end + 2;
		}
		assert_string_equal(dec, m.subject);
	}
	body = strstr(sb.buf, "\r\n\r\n");
	assert_non_null(body);
	unbase64(body + 4, text, sizeof(text));
	assert_string_equal(text, "Hallo Nora,\r\n\r\nDie Prüfung ist fällig.\r\nÖffnen:\r\nhttps://plan.example.de/o/1/exercises"
				  "\r\n\r\n-- \r\nFußzeile\r\n");
	sb_release(&sb);

	/* an address that could inject a header is refused */
	sb_init(&sb, 1 << 20);
	m.recipient = "x@example.org\r\nBcc: y@example.org";
	assert_int_equal(mail_format(&sb, &m, "kf@example.org", "", NULL, 0), -1);
	sb_release(&sb);
}

static void test_render(void **state)
{
	struct strbuf sb;

	(void)state;
	sb_init(&sb, 1024);
	notify_render(&sb, KF_LANG_EN, "Due on %s.", "01.03.2027");
	assert_string_equal(sb.buf, "Due on 01.03.2027.");
	sb_reset(&sb);
	notify_render(&sb, KF_LANG_EN, "No value here, 100%% sure.", "x");
	assert_string_equal(sb.buf, "No value here, 100%% sure.");
	sb_reset(&sb);
	notify_render(&sb, KF_LANG_EN, "%s and %s", "%s");
	assert_string_equal(sb.buf, "%s and %s");
	sb_release(&sb);
}

static void test_prefs_json(void **state)
{
	struct field_errors fe = { 0 };
	struct notify_prefs p;
	json_t *j;

	(void)state;
	notify_prefs_init(&p);
	j = json_loads("{\"email\": {\"due\": false}}", 0, NULL);
	notify_prefs_from_json(&p, j, &fe);
	json_decref(j);
	assert_int_equal(fe.n, 0);
	assert_false(p.email[NOTIFY_DUE]);
	assert_true(p.email[NOTIFY_MENTION]);
	j = json_loads("{\"email\": {\"due\": 1, \"x\": true}, \"y\": 1}", 0, NULL);
	notify_prefs_from_json(&p, j, &fe);
	json_decref(j);
	assert_field_error(&fe, "email.due");
	assert_field_error(&fe, "email.x");
	assert_field_error(&fe, "y");
}

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
	snprintf(f->dir, sizeof(f->dir), "/tmp/kf-test-notify-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/kf.db", f->dir);
	if (store_open(f->path, &f->store) != KF_OK)
		return -1;
	f->c = store_conn_get(f->store);
	f->a = arena_new();
	if (!f->c || !f->a)
		return -1;
	return store_setup_instance(f->c, "Muster GmbH", "admin@example.org", "Ada Admin", "hash", &f->org, &f->user);
}

static int teardown(void **state)
{
	struct fix *f = *state;
	char p[128];

	arena_free(f->a);
	store_conn_put(f->c);
	store_close(f->store);
	snprintf(p, sizeof(p), "%s/kf.db", f->dir);
	unlink(p);
	snprintf(p, sizeof(p), "%s/kf.db-wal", f->dir);
	unlink(p);
	snprintf(p, sizeof(p), "%s/kf.db-shm", f->dir);
	unlink(p);
	rmdir(f->dir);
	free(f);
	return 0;
}

static size_t outbox_waiting(struct fix *f)
{
	int64_t w, s, x;

	assert_int_equal(store_outbox_counts(f->c, f->org, &w, &s, &x), KF_OK);
	return (size_t)w;
}

/* a rolled-back change takes its notification and its email with it */
static void test_same_transaction(void **state)
{
	struct fix *f = *state;
	int64_t n;

	assert_int_equal(tx_begin(f->c), KF_OK);
	assert_int_equal(store_notify(f->c, f->org, f->user, NOTIFY_ASSIGNMENT, "Task %s.", "A", "/o/1/"), KF_OK);
	tx_rollback(f->c);
	assert_int_equal(store_notification_unread_count(f->c, f->user, f->org, &n), KF_OK);
	assert_int_equal(n, 0);
	assert_int_equal(outbox_waiting(f), 0);

	assert_int_equal(tx_begin(f->c), KF_OK);
	assert_int_equal(store_notify(f->c, f->org, f->user, NOTIFY_ASSIGNMENT, "Task %s.", "A", "/o/1/"), KF_OK);
	assert_int_equal(tx_commit(f->c), KF_OK);
	assert_int_equal(store_notification_unread_count(f->c, f->user, f->org, &n), KF_OK);
	assert_int_equal(n, 1);
	assert_int_equal(outbox_waiting(f), 1);
}

static void test_prefs_and_mail(void **state)
{
	struct fix *f = *state;
	struct notify_prefs p;
	struct outbox_mail *due;
	size_t n;

	notify_prefs_init(&p);
	p.email[NOTIFY_MENTION] = 0;
	assert_int_equal(store_notify_prefs_put(f->c, f->user, &p), KF_OK);
	assert_int_equal(store_notify(f->c, f->org, f->user, NOTIFY_MENTION, "Mentioned in %s.", "X", ""), KF_OK);
	assert_int_equal(outbox_waiting(f), 0);
	assert_int_equal(store_notify(f->c, f->org, f->user, NOTIFY_DUE, "Due: %s.", "Prüfung", "/o/1/x"), KF_OK);
	assert_int_equal(store_outbox_due(f->c, f->a, kf_now(), 10, &due, &n), KF_OK);
	assert_int_equal(n, 1);
	assert_string_equal(due[0].recipient, "admin@example.org");
	assert_non_null(strstr(due[0].subject, "Prüfung"));
	assert_non_null(strstr(due[0].body, "Ada Admin"));
	assert_non_null(strstr(due[0].body, "Muster GmbH"));
	assert_string_equal(due[0].link, "/o/1/x");

	/* a failure moves the next attempt; a mail not yet due is not handed out; sent is final */
	assert_int_equal(store_outbox_failed(f->c, due[0].id, kf_now() + 60, "refused", kf_now()), KF_OK);
	assert_int_equal(store_outbox_due(f->c, f->a, kf_now(), 10, &due, &n), KF_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_outbox_due(f->c, f->a, kf_now() + 61, 10, &due, &n), KF_OK);
	assert_int_equal(n, 1);
	assert_int_equal(due[0].attempts, 1);
	assert_string_equal(due[0].last_error, "refused");
	assert_int_equal(store_outbox_sent(f->c, due[0].id, kf_now()), KF_OK);
	assert_int_equal(store_outbox_due(f->c, f->a, kf_now() + 100000, 10, &due, &n), KF_OK);
	assert_int_equal(n, 0);

	/* a bad recipient is refused */
	assert_int_equal(store_outbox_enqueue(f->c, f->org, "kaputt", "S", "B", ""), KF_EINVAL);
}

static void test_remind_once(void **state)
{
	struct fix *f = *state;
	int given;

	assert_int_equal(store_remind(f->c, f->org, "k1", NOTIFY_DUE, "Due %s", "x", "", &given), KF_OK);
	assert_int_equal(given, 1);
	assert_int_equal(store_remind(f->c, f->org, "k1", NOTIFY_DUE, "Due %s", "x", "", &given), KF_OK);
	assert_int_equal(given, 0);
	assert_int_equal(store_remind(f->c, f->org, "k2", NOTIFY_DUE, "Due %s", "x", "", &given), KF_OK);
	assert_int_equal(given, 1);
}

static void test_read_own_only(void **state)
{
	struct fix *f = *state;
	struct notification *list;
	int64_t other, n;
	size_t cnt;

	assert_int_equal(store_user_create(f->c, "b@example.org", "B", "hash", &other), KF_OK);
	assert_int_equal(store_membership_set(f->c, f->org, other, MEMBER_READER), KF_OK);
	assert_int_equal(store_notify(f->c, f->org, f->user, NOTIFY_DUE, "A %s", "", ""), KF_OK);
	assert_int_equal(store_notification_list(f->c, f->a, f->user, f->org, 0, 10, &list, &cnt), KF_OK);
	assert_int_equal(cnt, 1);
	assert_int_equal(store_notification_read(f->c, other, list[0].id), KF_ENOTFOUND);
	assert_int_equal(store_notification_read_all(f->c, other, 0, &n), KF_OK);
	assert_int_equal(n, 0);
	assert_int_equal(store_notification_unread_count(f->c, f->user, 0, &n), KF_OK);
	assert_int_equal(n, 1);
	assert_int_equal(store_notification_read(f->c, f->user, list[0].id), KF_OK);
	assert_int_equal(store_notification_unread_count(f->c, f->user, 0, &n), KF_OK);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_retry_schedule),
		cmocka_unit_test(test_address),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_render),
		cmocka_unit_test(test_prefs_json),
		cmocka_unit_test_setup_teardown(test_same_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_prefs_and_mail, setup, teardown),
		cmocka_unit_test_setup_teardown(test_remind_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_read_own_only, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
