/* remind.h: the daily reminder job: what falls due in each organisation becomes a notification (and email). */
#ifndef KF_REMIND_H
#define KF_REMIND_H

#include <stdint.h>

#include "../lib/err.h"

struct store_conn;

/* Days before the review date when the reminder comes. */
#define REMIND_REVIEW_DAYS_BEFORE 14

/*
 * Checks every organisation on the day of now and notifies its admins and
 * Notfallleiter once per thing (store_remind keys), so running it every hour
 * or twice a day tells nothing twice:
 * - the plan review: 14 days before its date, then weekly while overdue;
 * - backups without a recent successful restore test: once a month, one
 *   notification listing them.
 * *given_r counts the notifications written. Stops at the first store failure.
 */
enum kf_err remind_run(struct store_conn *c, int64_t now, int *given_r);

#endif
