/* mail.h: one email of the outbox, the retry schedule, and the message text as it goes over SMTP. */
#ifndef KF_MAIL_H
#define KF_MAIL_H

#include <stdint.h>

struct strbuf;

/* An email waiting in the outbox. Strings are owned by the arena. */
struct outbox_mail {
	int64_t id;
	int64_t org_id;
	const char *recipient;
	const char *subject;
	const char *body; /* plain text, UTF-8 */
	const char *link; /* path below the base URL, "" = none */
	int64_t created_at;
	int attempts;
	int64_t next_attempt_at;
	int64_t sent_at;   /* 0 = not sent */
	int64_t failed_at; /* 0 = not given up */
	const char *last_error;
};

/* The retries after a failed attempt: 1 min, 5 min, 30 min, 2 h; then the mail is given up. */
#define MAIL_MAX_ATTEMPTS 5

/*
 * When to try again after attempt number attempts (1 = the first) failed at
 * now; 0 when the mail is given up.
 */
int64_t mail_retry_at(int attempts, int64_t now);

/*
 * 1 when s may stand in a mail header as an address: one line, an @, no
 * spaces or angle brackets, at most 254 bytes.
 */
int mail_address_ok(const char *s);

/*
 * The whole message (RFC 5322, CRLF lines): Date, From, To, Subject (RFC 2047
 * when not ASCII), Message-ID, a UTF-8 plain text part in base64. The text
 * is the body, then on the next line the link (base_url + link) when there
 * is one (so the body may end with "Open it:"), then the footer. 0, or -1 when sb is full or an address is not ok.
 */
int mail_format(struct strbuf *sb, const struct outbox_mail *m, const char *from, const char *base_url,
		const char *footer, int64_t now);

#endif
