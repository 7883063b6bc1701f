/* html.h: the one HTML writer; every call escapes, except html_lit which takes only string literals. */
#ifndef KF_HTML_H
#define KF_HTML_H

#include <stdint.h>

#include "../lib/strbuf.h"

/* Text content: escapes & < > " '. */
void html_text(struct strbuf *sb, const char *s);
/* Formats, then escapes the whole result as text. */
void html_textf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Escaped text of tmpl with its first "%s" replaced by the escaped arg (for translated sentences). */
void html_text_subst(struct strbuf *sb, const char *tmpl, const char *arg);
/* A calendar date YYYY-MM-DD as the reader expects it: 01.10.2026 in German, 2026-10-01 otherwise. */
void html_date(struct strbuf *sb, const char *iso, int german);
/*
 * A moment (Unix seconds) as <time datetime="...Z">date, HH:MM</time> in
 * the server's local time zone (TZ; the people of one company share it):
 * "29.11.2026, 08:12" in German, "2026-11-29, 08:12" otherwise.
 */
void html_time(struct strbuf *sb, int64_t t, int german);
/* An attribute: ` name="escaped value"`. name must be a literal of ours. */
void html_attr(struct strbuf *sb, const char *name, const char *value);
/* Percent-encodes s for use inside a URL (then still written through html_attr). */
void html_url_part(struct strbuf *sb, const char *s);
/* Raw markup: accepts only string literals (the "" makes anything else a compile error). */
#define html_lit(sb, s) sb_add((sb), "" s, sizeof("" s) - 1)

#endif
