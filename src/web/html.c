/* html.c: escaping HTML writer. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "html.h"
#include "../lib/timeutil.h"
#include "../lib/banned.h"

void html_text(struct strbuf *sb, const char *s)
{
	const char *run = s;

	if (!s)
		return;
	for (;;) {
		const char *rep;

		s += strcspn(s, "&<>\"'");
		if (!*s)
			break;
		switch (*s) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: rep = ""; break; /* not reached: strcspn stops only at the five above */
		}
		sb_add(sb, run, (size_t)(s - run));
		sb_adds(sb, rep);
		run = ++s;
	}
	sb_add(sb, run, (size_t)(s - run));
}

void html_textf(struct strbuf *sb, const char *fmt, ...)
{
	struct strbuf tmp;
	va_list ap;

	sb_init(&tmp, sb->max);
	va_start(ap, fmt);
	sb_vaddf(&tmp, fmt, ap);
	va_end(ap);
	html_text(sb, tmp.buf);
	sb_release(&tmp);
}

void html_attr(struct strbuf *sb, const char *name, const char *value)
{
	sb_addc(sb, ' ');
	sb_adds(sb, name);
	sb_adds(sb, "=\"");
	html_text(sb, value ? value : "");
	sb_addc(sb, '"');
}

void html_url_part(struct strbuf *sb, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr("-._~", c)) {
			sb_addc(sb, (char)c);
		} else {
			sb_addc(sb, '%');
			sb_addc(sb, hex[c >> 4]);
			sb_addc(sb, hex[c & 15]);
		}
	}
}

void html_text_subst(struct strbuf *sb, const char *tmpl, const char *arg)
{
	const char *at = strstr(tmpl, "%s");
	struct strbuf head;

	if (!at) {
		html_text(sb, tmpl);
		return;
	}
	sb_init(&head, sb->max);
	sb_add(&head, tmpl, (size_t)(at - tmpl));
	html_text(sb, head.buf);
	sb_release(&head);
	html_text(sb, arg ? arg : "");
	html_text(sb, at + 2);
}

void html_time(struct strbuf *sb, int64_t t, int german)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char iso[24], day[11], clock[6];

	kf_time_iso(t, iso);
	if (!localtime_r(&tt, &tm) || !strftime(day, sizeof(day), "%Y-%m-%d", &tm) ||
	    !strftime(clock, sizeof(clock), "%H:%M", &tm)) {
		html_text(sb, iso);
		return;
	}
	sb_adds(sb, "<time datetime=\"");
	html_text(sb, iso);
	sb_adds(sb, "\">");
	html_date(sb, day, german);
	sb_adds(sb, ", ");
	html_text(sb, clock);
	sb_adds(sb, "</time>");
}

void html_date(struct strbuf *sb, const char *iso, int german)
{
	if (german && strlen(iso) == 10 && iso[4] == '-' && iso[7] == '-' && strspn(iso, "0123456789-") == 10) {
		sb_add(sb, iso + 8, 2);
		sb_addc(sb, '.');
		sb_add(sb, iso + 5, 2);
		sb_addc(sb, '.');
		sb_add(sb, iso, 4);
		return;
	}
	html_text(sb, iso);
}
