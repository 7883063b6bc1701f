/* mailer.h: the background thread of `krisenfest serve` that sends the outbox and runs the reminders. */
#ifndef KF_MAILER_H
#define KF_MAILER_H

#include "smtp.h"

struct store;
struct mailer;

struct mailer_config {
	struct smtp_config smtp; /* url NULL: mail is not configured, the outbox keeps the mails */
	const char *base_url;    /* put before the link of each mail */
	int interval_s;          /* seconds between looks at the outbox (1..3600) */
	int remind_interval_s;   /* seconds between reminder runs (3600 in service) */
};

/* Starts the thread (strings are copied). NULL when it cannot start. Allocates (mailer_stop frees). */
struct mailer *mailer_start(struct store *s, const struct mailer_config *cfg);
/* Wakes the thread, waits for the mail in flight, joins and frees. NULL is fine. */
void mailer_stop(struct mailer *m);

/* One pass over the due mails of the outbox (the thread's work; for tests). Returns how many were sent. */
int mailer_send_due(struct store *s, const struct mailer_config *cfg);

#endif
