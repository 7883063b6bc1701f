/* mail.c: the retry schedule of the outbox and the formatting of a message for SMTP. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "mail.h"
#include "../lib/strbuf.h"
#include "../lib/banned.h"

int64_t mail_retry_at(int attempts, int64_t now)
{
	static const int64_t delay[MAIL_MAX_ATTEMPTS - 1] = { 60, 5 * 60, 30 * 60, 2 * 60 * 60 };

	if (attempts < 1)
		return now;
	if (attempts >= MAIL_MAX_ATTEMPTS)
		return 0;
	return now + delay[attempts - 1];
}

int mail_address_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	const char *at = s ? strchr(s, '@') : NULL;

	if (n == 0 || n > 254 || !at || at == s || !at[1])
		return 0;
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || *s == '<' || *s == '>' || *s == ',' || *s == ';' || *s == 0x7f)
			return 0;
	return 1;
}

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* base64 of n bytes, a CRLF after every line_max output characters (0 = one line) */
static void add_base64(struct strbuf *sb, const unsigned char *p, size_t n, int line_max)
{
	int col = 0;
	char q[4];

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16;

		if (i + 1 < n)
			v |= (unsigned)p[i + 1] << 8;
		if (i + 2 < n)
			v |= p[i + 2];
		q[0] = b64[(v >> 18) & 63];
		q[1] = b64[(v >> 12) & 63];
		q[2] = i + 1 < n ? b64[(v >> 6) & 63] : '=';
		q[3] = i + 2 < n ? b64[v & 63] : '=';
		sb_add(sb, q, 4);
		col += 4;
		if (line_max && col >= line_max && i + 3 < n) {
			sb_adds(sb, "\r\n");
			col = 0;
		}
	}
}

static int is_ascii_line(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x7f || (unsigned char)*s < ' ')
			return 0;
	return 1;
}

/* the subject as one header line: ASCII as it is, else RFC 2047 encoded words on folded lines */
static void add_subject(struct strbuf *sb, const char *s)
{
	size_t n = strlen(s), i = 0, take;

	sb_adds(sb, "Subject: ");
	if (is_ascii_line(s) && n <= 900) {
		sb_adds(sb, s);
		sb_adds(sb, "\r\n");
		return;
	}
	while (i < n) {
		/* at most 39 bytes per word (lines stay under 78 characters), never splitting a UTF-8 sequence */
		take = n - i > 39 ? 39 : n - i;
		while (take > 0 && i + take < n && ((unsigned char)s[i + take] & 0xc0) == 0x80)
			take--;
		if (take == 0)
			take = n - i;
		if (i)
			sb_adds(sb, "\r\n ");
		sb_adds(sb, "=?UTF-8?B?");
		add_base64(sb, (const unsigned char *)s + i, take, 0);
		sb_adds(sb, "?=");
		i += take;
	}
	sb_adds(sb, "\r\n");
}

/* text with every line ending as CRLF */
static void add_crlf_text(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		if (*s == '\r')
			continue;
		if (*s == '\n')
			sb_adds(sb, "\r\n");
		else
			sb_addc(sb, *s);
	}
}

int mail_format(struct strbuf *sb, const struct outbox_mail *m, const char *from, const char *base_url,
		const char *footer, int64_t now)
{
	struct strbuf text;
	char date[64];
	const char *domain;
	time_t t = (time_t)now;
	struct tm tm;
	int rc = -1;

	if (!mail_address_ok(from) || !mail_address_ok(m->recipient))
		return -1;
	gmtime_r(&t, &tm);
	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S +0000", &tm);
	domain = strchr(from, '@') + 1;
	sb_init(&text, 128 * 1024);
	add_crlf_text(&text, m->body);
	if (m->link && *m->link) {
		sb_adds(&text, "\r\n");
		sb_adds(&text, base_url ? base_url : "");
		sb_adds(&text, m->link);
	}
	if (footer && *footer) {
		sb_adds(&text, "\r\n\r\n-- \r\n");
		add_crlf_text(&text, footer);
	}
	sb_adds(&text, "\r\n");
	sb_addf(sb, "Date: %s\r\nFrom: krisenfest <%s>\r\nTo: <%s>\r\n", date, from, m->recipient);
	add_subject(sb, m->subject);
	sb_addf(sb, "Message-ID: <outbox-%lld-%lld@%s>\r\n", (long long)m->id, (long long)m->created_at, domain);
	sb_adds(sb, "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
		    "Content-Transfer-Encoding: base64\r\nAuto-Submitted: auto-generated\r\n\r\n");
	add_base64(sb, (const unsigned char *)text.buf, text.len, 76);
	sb_adds(sb, "\r\n");
	if (!text.failed && !sb->failed)
		rc = 0;
	sb_release(&text);
	return rc;
}
