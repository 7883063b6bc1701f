/* smtp.h: sending one message over SMTP with libcurl (on the mail thread only). */
#ifndef KF_SMTP_H
#define KF_SMTP_H

#include <stddef.h>

struct smtp_config {
	const char *url;      /* smtp://host:port or smtps://host:port */
	const char *from;     /* envelope and From: address */
	const char *user;     /* NULL = no login */
	const char *password; /* with user */
};

/* Call once at start, before any thread: curl_global_init. 0 or -1. */
int smtp_global_init(void);
void smtp_global_release(void);
/*
 * Sends msg (a whole RFC 5322 message with CRLF lines) to one recipient.
 * 0, or -1 with a short reason in err (errlen bytes). Blocks up to about 40 s.
 */
int smtp_send(const struct smtp_config *cfg, const char *recipient, const char *msg, size_t len, char *err,
	      size_t errlen);

#endif
