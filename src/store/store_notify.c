/* store_notify.c: in-app notifications, email preferences, reminders once per key, and the mail outbox. */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/strbuf.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

/* the language of emails: German until accounts carry a language of their own */
#define MAIL_LANG KF_LANG_DE
#define MAIL_TEXT_MAX ((size_t)16 * 1024)

enum kf_err store_outbox_enqueue(struct store_conn *c, int64_t org, const char *recipient, const char *subject,
				 const char *body, const char *link)
{
	struct query q;

	if (!mail_address_ok(recipient))
		return KF_EINVAL;
	q_start(&q, c, STMT_OUTBOX_INSERT);
	q_int(&q, 1, org);
	q_text(&q, 2, recipient);
	q_text(&q, 3, subject);
	q_text(&q, 4, body);
	q_text(&q, 5, link ? link : "");
	q_int(&q, 6, kf_now());
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

static enum kf_err pref_allows(struct store_conn *c, int64_t user, enum notify_kind kind, int *yes_r)
{
	struct notify_prefs p;
	enum kf_err err = store_notify_prefs_get(c, user, &p);

	*yes_r = !err && p.email[kind];
	return err;
}

/* subject and body of the email for one notification, in the mail language */
static enum kf_err queue_mail(struct store_conn *c, int64_t org, const char *email, const char *name,
			      const char *text, const char *param, const char *link)
{
	struct strbuf subject, body;
	struct arena *a = arena_new();
	struct org o = { 0 };
	enum kf_err err;

	if (!a)
		return KF_ENOMEM;
	sb_init(&subject, 1024);
	sb_init(&body, MAIL_TEXT_MAX);
	err = store_org_get(c, a, org, &o);
	if (!err) {
		sb_adds(&subject, "krisenfest: ");
		notify_render(&subject, MAIL_LANG, text, param);
		notify_render(&body, MAIL_LANG, N_("Hello %s,"), *name ? name : email);
		sb_adds(&body, "\n\n");
		notify_render(&body, MAIL_LANG, text, param);
		sb_adds(&body, "\n\n");
		notify_render(&body, MAIL_LANG, N_("Organisation: %s"), o.name);
		if (link && *link) {
			sb_adds(&body, "\n\n");
			sb_adds(&body, _(MAIL_LANG, "Open it in krisenfest:"));
		}
		/* a subject is one line */
		for (char *s = subject.buf; *s; s++)
			if (*s == '\n' || *s == '\r' || *s == '\t')
				*s = ' ';
		err = subject.failed || body.failed ? KF_ETOOBIG :
						     store_outbox_enqueue(c, org, email, subject.buf, body.buf, link);
	}
	sb_release(&subject);
	sb_release(&body);
	arena_free(a);
	return err;
}

enum kf_err store_notify(struct store_conn *c, int64_t org, int64_t user, enum notify_kind kind, const char *text,
			 const char *param, const char *link)
{
	struct query q;
	enum kf_err err;
	struct arena *a;
	const char *email = NULL, *name = NULL;
	int disabled = 1, mail = 0;

	if ((unsigned)kind >= NOTIFY_KIND__MAX || !text)
		return KF_EINVAL;
	q_start(&q, c, STMT_NOTIFICATION_INSERT);
	q_int(&q, 1, org);
	q_int(&q, 2, user);
	q_text(&q, 3, notify_kind_name(kind));
	q_text(&q, 4, text);
	q_text(&q, 5, param ? param : "");
	q_text(&q, 6, link ? link : "");
	q_int(&q, 7, kf_now());
	if (q_exec(&q) != 0)
		return KF_EDB;
	err = pref_allows(c, user, kind, &mail);
	if (err || !mail)
		return err;
	if (!(a = arena_new()))
		return KF_ENOMEM;
	q_start(&q, c, STMT_NOTIFY_USER);
	q_int(&q, 1, user);
	err = q_one(&q);
	if (!err) {
		email = q_col_text(&q, a, 0);
		name = q_col_text(&q, a, 1);
		disabled = (int)q_col_int(&q, 2);
	}
	err = q_end(&q, err);
	/* an address that cannot take mail keeps the in-app notification */
	if (!err && !disabled && mail_address_ok(email))
		err = queue_mail(c, org, email, name, text, param, link);
	arena_free(a);
	return err;
}

enum kf_err store_remind(struct store_conn *c, int64_t org, const char *key, enum notify_kind kind, const char *text,
			 const char *param, const char *link, int *notified_r)
{
	struct query q;
	enum kf_err err;
	enum db_step rc;
	int64_t users[64];
	size_t n = 0;

	*notified_r = 0;
	err = tx_begin(c);
	if (err)
		return err;
	q_start(&q, c, STMT_REMINDER_CLAIM);
	q_int(&q, 1, org);
	q_text(&q, 2, key);
	q_int(&q, 3, kf_now());
	if (q_exec(&q) != 0) {
		err = KF_EDB;
		goto out;
	}
	if (c->store->drv->changes(c->db) == 0)
		goto out; /* given before */
	q_start(&q, c, STMT_NOTIFY_MEMBERS);
	q_int(&q, 1, org);
	q_text(&q, 2, member_role_name(MEMBER_ADMIN));
	q_text(&q, 3, member_role_name(MEMBER_NOTFALLLEITER));
	while ((rc = q_step(&q)) == DB_ROW && n < sizeof(users) / sizeof(users[0]))
		users[n++] = q_col_int(&q, 0);
	q_done(&q);
	if (rc == DB_ERROR) {
		err = KF_EDB;
		goto out;
	}
	for (size_t i = 0; !err && i < n; i++)
		err = store_notify(c, org, users[i], kind, text, param, link);
	if (!err)
		*notified_r = (int)n;
out:
	if (err) {
		tx_rollback(c);
		*notified_r = 0;
		return err;
	}
	return tx_commit(c);
}

static void read_notification(struct query *q, struct arena *a, void *item)
{
	struct notification *n = item;
	const char *kind;

	n->id = q_col_int(q, 0);
	n->org_id = q_col_int(q, 1);
	n->user_id = q_col_int(q, 2);
	kind = q_col_text(q, a, 3);
	if (notify_kind_parse(kind, &n->kind) < 0)
		n->kind = NOTIFY_DUE;
	n->text = q_col_text(q, a, 4);
	n->param = q_col_text(q, a, 5);
	n->link = q_col_text(q, a, 6);
	n->created_at = q_col_int(q, 7);
	n->read_at = q_col_int(q, 8);
}

enum kf_err store_notification_list(struct store_conn *c, struct arena *a, int64_t user, int64_t org, int unread_only,
				    int limit, struct notification **list_r, size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_NOTIFICATION_LIST);
	q_int(&q, 1, user);
	q_int(&q, 2, org);
	q_int(&q, 3, unread_only ? 1 : 0);
	q_int(&q, 4, limit > 0 ? limit : 100);
	return q_list(&q, a, sizeof(**list_r), read_notification, (void **)list_r, n_r);
}

enum kf_err store_notification_unread_count(struct store_conn *c, int64_t user, int64_t org, int64_t *n_r)
{
	struct query q;
	enum kf_err err;

	*n_r = 0;
	q_start(&q, c, STMT_NOTIFICATION_UNREAD_COUNT);
	q_int(&q, 1, user);
	q_int(&q, 2, org);
	err = q_one(&q);
	if (!err)
		*n_r = q_col_int(&q, 0);
	return q_end(&q, err);
}

enum kf_err store_notification_read(struct store_conn *c, int64_t user, int64_t id)
{
	struct query q;
	enum kf_err err;

	q_start(&q, c, STMT_NOTIFICATION_EXISTS);
	q_int(&q, 1, user);
	q_int(&q, 2, id);
	err = q_end(&q, q_one(&q));
	if (err)
		return err;
	q_start(&q, c, STMT_NOTIFICATION_READ);
	q_int(&q, 1, user);
	q_int(&q, 2, id);
	q_int(&q, 3, kf_now());
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

enum kf_err store_notification_read_all(struct store_conn *c, int64_t user, int64_t org, int64_t *n_r)
{
	struct query q;

	*n_r = 0;
	q_start(&q, c, STMT_NOTIFICATION_READ_ALL);
	q_int(&q, 1, user);
	q_int(&q, 2, org);
	q_int(&q, 3, kf_now());
	if (q_exec(&q) != 0)
		return KF_EDB;
	*n_r = c->store->drv->changes(c->db);
	return KF_OK;
}

enum kf_err store_notify_prefs_get(struct store_conn *c, int64_t user, struct notify_prefs *p)
{
	struct query q;
	enum db_step rc;
	enum notify_kind k;

	notify_prefs_init(p);
	q_start(&q, c, STMT_NOTIFY_PREF_LIST);
	q_int(&q, 1, user);
	while ((rc = q_step(&q)) == DB_ROW)
		if (notify_kind_parse(c->store->drv->col_text(q.st, 0), &k) == 0)
			p->email[k] = q_col_int(&q, 1) != 0;
	q_done(&q);
	return rc == DB_DONE ? KF_OK : KF_EDB;
}

enum kf_err store_notify_prefs_put(struct store_conn *c, int64_t user, const struct notify_prefs *p)
{
	struct query q;
	enum kf_err err = tx_begin(c);

	for (int k = 0; !err && k < NOTIFY_KIND__MAX; k++) {
		q_start(&q, c, STMT_NOTIFY_PREF_SET);
		q_int(&q, 1, user);
		q_text(&q, 2, notify_kind_name((enum notify_kind)k));
		q_int(&q, 3, p->email[k] ? 1 : 0);
		if (q_exec(&q) != 0)
			err = KF_EDB;
	}
	if (err) {
		tx_rollback(c);
		return err;
	}
	return tx_commit(c);
}

static void read_mail(struct query *q, struct arena *a, void *item)
{
	struct outbox_mail *m = item;

	m->id = q_col_int(q, 0);
	m->org_id = q_col_int(q, 1);
	m->recipient = q_col_text(q, a, 2);
	m->subject = q_col_text(q, a, 3);
	m->body = q_col_text(q, a, 4);
	m->link = q_col_text(q, a, 5);
	m->created_at = q_col_int(q, 6);
	m->attempts = (int)q_col_int(q, 7);
	m->next_attempt_at = q_col_int(q, 8);
	m->sent_at = q_col_int(q, 9);
	m->failed_at = q_col_int(q, 10);
	m->last_error = q_col_text(q, a, 11);
}

enum kf_err store_outbox_due(struct store_conn *c, struct arena *a, int64_t now, int limit, struct outbox_mail **list_r,
			     size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_OUTBOX_DUE);
	q_int(&q, 1, now);
	q_int(&q, 2, limit > 0 ? limit : 20);
	return q_list(&q, a, sizeof(**list_r), read_mail, (void **)list_r, n_r);
}

enum kf_err store_outbox_sent(struct store_conn *c, int64_t id, int64_t now)
{
	struct query q;

	q_start(&q, c, STMT_OUTBOX_SENT);
	q_int(&q, 1, id);
	q_int(&q, 2, now);
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

enum kf_err store_outbox_failed(struct store_conn *c, int64_t id, int64_t retry_at, const char *error, int64_t now)
{
	struct query q;

	q_start(&q, c, retry_at ? STMT_OUTBOX_ATTEMPT_FAILED : STMT_OUTBOX_GIVE_UP);
	q_int(&q, 1, id);
	q_int(&q, 2, retry_at ? retry_at : now);
	q_text(&q, 3, error ? error : "");
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

enum kf_err store_outbox_counts(struct store_conn *c, int64_t org, int64_t *waiting_r, int64_t *sent_r,
				int64_t *failed_r)
{
	struct query q;
	enum kf_err err;

	*waiting_r = *sent_r = *failed_r = 0;
	q_start(&q, c, STMT_OUTBOX_COUNTS);
	q_int(&q, 1, org);
	err = q_one(&q);
	if (!err) {
		*waiting_r = q_col_int(&q, 0);
		*sent_r = q_col_int(&q, 1);
		*failed_r = q_col_int(&q, 2);
	}
	return q_end(&q, err);
}
