/* mailer.c: the mail thread: due mails of the outbox go out over SMTP with retries; reminders once an hour. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mailer.h"
#include "remind.h"
#include "webhook.h" /* drill */
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/log.h"
#include "../lib/strbuf.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "../lib/banned.h"

#define MAIL_BATCH 20
#define MAIL_MESSAGE_MAX ((size_t)256 * 1024)

struct mailer {
	struct store *store;
	struct mailer_config cfg;
	char *url, *from, *user, *password, *base_url;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cond;
	int stop;
};

static void send_one(struct store_conn *c, const struct mailer_config *cfg, const struct outbox_mail *m, int *sent)
{
	struct strbuf msg;
	char err[256];
	int64_t now = kf_now(), retry;
	int rc;

	sb_init(&msg, MAIL_MESSAGE_MAX);
	if (mail_format(&msg, m, cfg->smtp.from, cfg->base_url,
			_(KF_LANG_DE, "This message comes from krisenfest. You choose which emails you receive under "
				      "Notifications, Email settings."),
			now) < 0) {
		/* a message that cannot be built will not get better: give it up at once */
		store_outbox_failed(c, m->id, 0, "message could not be built (address or size)", now);
		kf_log(KF_LOG_ERROR, "mail %lld given up: message could not be built", (long long)m->id);
		sb_release(&msg);
		return;
	}
	rc = smtp_send(&cfg->smtp, m->recipient, msg.buf, msg.len, err, sizeof(err));
	sb_release(&msg);
	now = kf_now();
	if (rc == 0) {
		if (store_outbox_sent(c, m->id, now) == KF_OK)
			(*sent)++;
		kf_log(KF_LOG_INFO, "mail %lld sent", (long long)m->id);
		return;
	}
	retry = mail_retry_at(m->attempts + 1, now);
	store_outbox_failed(c, m->id, retry, err, now);
	if (retry)
		kf_log(KF_LOG_INFO, "mail %lld not sent (attempt %d, retry in %lld s): %s", (long long)m->id,
		       m->attempts + 1, (long long)(retry - now), err);
	else
		kf_log(KF_LOG_ERROR, "mail %lld given up after %d attempts: %s", (long long)m->id, m->attempts + 1, err);
}

int mailer_send_due(struct store *s, const struct mailer_config *cfg)
{
	struct store_conn *c;
	struct outbox_mail *list;
	struct arena *a;
	size_t n = 0;
	int sent = 0;

	if (!cfg->smtp.url)
		return 0;
	c = store_conn_get(s);
	a = arena_new();
	if (c && a && store_outbox_due(c, a, kf_now(), MAIL_BATCH, &list, &n) == KF_OK)
		for (size_t i = 0; i < n; i++)
			send_one(c, cfg, &list[i], &sent);
	arena_free(a);
	store_conn_put(c);
	return sent;
}

static void run_reminders(struct store *s)
{
	struct store_conn *c = store_conn_get(s);
	int given = 0;

	if (!c)
		return;
	if (remind_run(c, kf_now(), &given) == KF_OK && given)
		kf_log(KF_LOG_INFO, "reminders: %d notifications", given);
	store_conn_put(c);
}

static void *mailer_main(void *arg)
{
	struct mailer *m = arg;
	int64_t next_remind = kf_monotonic(), now;
	struct timespec until;
	int stop;

	for (;;) {
		now = kf_monotonic();
		if (now >= next_remind) {
			run_reminders(m->store);
			next_remind = now + m->cfg.remind_interval_s;
		}
		mailer_send_due(m->store, &m->cfg);
		webhook_send_due(m->store); /* drill: webhook calls, also without SMTP */
		clock_gettime(CLOCK_MONOTONIC, &until);
		until.tv_sec += m->cfg.interval_s;
		pthread_mutex_lock(&m->mu);
		while (!m->stop) {
			if (pthread_cond_timedwait(&m->cond, &m->mu, &until) == ETIMEDOUT)
				break;
		}
		stop = m->stop;
		pthread_mutex_unlock(&m->mu);
		if (stop)
			break;
	}
	return NULL;
}

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

static void mailer_free(struct mailer *m)
{
	free(m->url);
	free(m->from);
	free(m->user);
	free(m->password);
	free(m->base_url);
	free(m);
}

struct mailer *mailer_start(struct store *s, const struct mailer_config *cfg)
{
	struct mailer *m = calloc(1, sizeof(*m));
	pthread_condattr_t ca;

	if (!m)
		return NULL;
	m->store = s;
	m->cfg = *cfg;
	m->url = dup_or_null(cfg->smtp.url);
	m->from = dup_or_null(cfg->smtp.from);
	m->user = dup_or_null(cfg->smtp.user);
	m->password = dup_or_null(cfg->smtp.password);
	m->base_url = dup_or_null(cfg->base_url ? cfg->base_url : "");
	m->cfg.smtp.url = m->url;
	m->cfg.smtp.from = m->from;
	m->cfg.smtp.user = m->user;
	m->cfg.smtp.password = m->password;
	m->cfg.base_url = m->base_url;
	if (m->cfg.interval_s < 1)
		m->cfg.interval_s = 30;
	if (m->cfg.remind_interval_s < 1)
		m->cfg.remind_interval_s = 3600;
	if (pthread_condattr_init(&ca) != 0) {
		mailer_free(m);
		return NULL;
	}
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	if (pthread_mutex_init(&m->mu, NULL) != 0 || pthread_cond_init(&m->cond, &ca) != 0 ||
	    pthread_create(&m->thread, NULL, mailer_main, m) != 0) {
		pthread_condattr_destroy(&ca);
		kf_log(KF_LOG_ERROR, "cannot start the mail thread");
		mailer_free(m);
		return NULL;
	}
	pthread_condattr_destroy(&ca);
	return m;
}

void mailer_stop(struct mailer *m)
{
	if (!m)
		return;
	pthread_mutex_lock(&m->mu);
	m->stop = 1;
	pthread_cond_signal(&m->cond);
	pthread_mutex_unlock(&m->mu);
	pthread_join(m->thread, NULL);
	pthread_cond_destroy(&m->cond);
	pthread_mutex_destroy(&m->mu);
	mailer_free(m);
}
