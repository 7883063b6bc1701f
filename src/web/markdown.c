/* markdown.c: Markdown to allow-listed HTML through md4c's parser callbacks (not md4c-html), every text escaped. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <md4c.h>

#include "html.h"
#include "markdown.h"
#include "../lib/banned.h"

#define LINK_DEPTH_MAX 32
#define MARKDOWN_PAD 16 /* NUL bytes after the copy of the input */

struct md_out {
	struct strbuf *sb;
	int img;                                 /* depth of images: no tags inside, their alt text stays */
	int links;                               /* open links (may exceed LINK_DEPTH_MAX; then none is written) */
	unsigned char link_written[LINK_DEPTH_MAX]; /* per open link: 1 when its <a> was written */
};

/* Escaped text of n bytes that need not end in NUL. */
static void esc(struct strbuf *sb, const char *s, size_t n)
{
	char buf[256];

	while (n) {
		size_t k = n < sizeof(buf) - 1 ? n : sizeof(buf) - 1;

		memcpy(buf, s, k);
		buf[k] = '\0';
		html_text(sb, buf);
		s += k;
		n -= k;
	}
}

/* Code point cp as UTF-8 into out (at least 4 bytes); U+FFFD for what is no character. Returns the length. */
static size_t utf8_put(unsigned long cp, char *out)
{
	if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

static const struct {
	const char *name;
	unsigned long cp;
} named[] = {
	{ "amp", '&' },      { "lt", '<' },        { "gt", '>' },       { "quot", '"' },     { "apos", '\'' },
	{ "nbsp", 0xA0 },    { "auml", 0xE4 },     { "ouml", 0xF6 },    { "uuml", 0xFC },    { "Auml", 0xC4 },
	{ "Ouml", 0xD6 },    { "Uuml", 0xDC },     { "szlig", 0xDF },   { "euro", 0x20AC },  { "ndash", 0x2013 },
	{ "mdash", 0x2014 }, { "hellip", 0x2026 }, { "bdquo", 0x201E }, { "ldquo", 0x201C }, { "rdquo", 0x201D },
	{ "laquo", 0xAB },   { "raquo", 0xBB },    { "copy", 0xA9 },    { "sect", 0xA7 },    { "deg", 0xB0 },
};

/*
 * An entity "&...;" of n bytes as UTF-8 into out (at least 4 bytes).
 * Returns the length, or 0 for an entity we do not know (shown as it was written).
 */
static size_t entity_decode(const char *s, size_t n, char *out)
{
	unsigned long cp = 0;
	size_t i;

	if (n < 3 || s[0] != '&' || s[n - 1] != ';')
		return 0;
	if (s[1] == '#') {
		int hex = n > 3 && (s[2] == 'x' || s[2] == 'X');

		i = hex ? 3 : 2;
		if (i >= n - 1)
			return 0;
		for (; i < n - 1; i++) {
			char ch = s[i];
			unsigned d;

			if (ch >= '0' && ch <= '9')
				d = (unsigned)(ch - '0');
			else if (hex && ch >= 'a' && ch <= 'f')
				d = (unsigned)(ch - 'a' + 10);
			else if (hex && ch >= 'A' && ch <= 'F')
				d = (unsigned)(ch - 'A' + 10);
			else
				return 0;
			cp = cp * (hex ? 16 : 10) + d;
			if (cp > 0x10FFFF)
				cp = 0x110000; /* stays out of range, no overflow */
		}
		return utf8_put(cp, out);
	}
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strlen(named[i].name) == n - 2 && memcmp(named[i].name, s + 1, n - 2) == 0)
			return utf8_put(named[i].cp, out);
	return 0;
}

static void text_entity(struct strbuf *sb, const char *s, size_t n)
{
	char buf[4];
	size_t k = entity_decode(s, n, buf);

	if (k)
		esc(sb, buf, k);
	else
		esc(sb, s, n);
}

int markdown_link_allowed(const char *href, size_t len)
{
	static const char *const schemes[] = { "http://", "https://", "mailto:", "tel:" };

	for (size_t i = 0; i < sizeof(schemes) / sizeof(schemes[0]); i++) {
		size_t k = strlen(schemes[i]), j;

		if (len <= k)
			continue;
		for (j = 0; j < k; j++) {
			char ch = href[j];

			if (ch >= 'A' && ch <= 'Z')
				ch = (char)(ch - 'A' + 'a');
			if (ch != schemes[i][j])
				break;
		}
		if (j == k)
			return 1;
	}
	return 0;
}

/* The link target with its entities decoded, in sb; -1 when it holds a NUL character. */
static int href_of(const MD_ATTRIBUTE *at, struct strbuf *sb)
{
	for (size_t i = 0; at->substr_offsets[i] < at->size; i++) {
		MD_OFFSET from = at->substr_offsets[i], to = at->substr_offsets[i + 1];
		const char *s = at->text + from;
		size_t n = to - from;
		char buf[4];
		size_t k;

		switch (at->substr_types[i]) {
		case MD_TEXT_ENTITY:
			k = entity_decode(s, n, buf);
			if (k)
				sb_add(sb, buf, k);
			else
				sb_add(sb, s, n);
			break;
		case MD_TEXT_NULLCHAR:
			return -1;
		default:
			sb_add(sb, s, n);
			break;
		}
	}
	return sb->failed || memchr(sb->buf, '\0', sb->len) ? -1 : 0;
}

/* Writes <a href> for an allowed target; returns 1 when it did. */
static int link_open(struct md_out *o, const MD_SPAN_A_DETAIL *d)
{
	struct strbuf href;
	int ok;

	sb_init(&href, MARKDOWN_INPUT_MAX + 1);
	ok = href_of(&d->href, &href) == 0 && markdown_link_allowed(href.buf, href.len);
	if (ok) {
		html_lit(o->sb, "<a");
		html_attr(o->sb, "href", href.buf);
		html_lit(o->sb, " rel=\"noopener noreferrer\">");
	}
	sb_release(&href);
	return ok;
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct md_out *o = userdata;
	struct strbuf *sb = o->sb;

	switch (type) {
	case MD_BLOCK_QUOTE:
		html_lit(sb, "<blockquote>\n");
		break;
	case MD_BLOCK_UL:
		html_lit(sb, "<ul>\n");
		break;
	case MD_BLOCK_OL: {
		const MD_BLOCK_OL_DETAIL *d = detail;
		char start[16];

		html_lit(sb, "<ol");
		if (d->start != 1) {
			snprintf(start, sizeof(start), "%u", d->start);
			html_attr(sb, "start", start);
		}
		html_lit(sb, ">\n");
		break;
	}
	case MD_BLOCK_LI:
		html_lit(sb, "<li>");
		break;
	case MD_BLOCK_H: {
		const MD_BLOCK_H_DETAIL *d = detail;

		if (d->level <= 1)
			html_lit(sb, "<h3>");
		else if (d->level == 2)
			html_lit(sb, "<h4>");
		else
			html_lit(sb, "<h5>");
		break;
	}
	case MD_BLOCK_CODE:
		html_lit(sb, "<pre><code>");
		break;
	case MD_BLOCK_P:
		html_lit(sb, "<p>");
		break;
	default:
		break; /* the document itself; rules, raw HTML blocks and tables are left out */
	}
	return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct md_out *o = userdata;
	struct strbuf *sb = o->sb;

	switch (type) {
	case MD_BLOCK_QUOTE:
		html_lit(sb, "</blockquote>\n");
		break;
	case MD_BLOCK_UL:
		html_lit(sb, "</ul>\n");
		break;
	case MD_BLOCK_OL:
		html_lit(sb, "</ol>\n");
		break;
	case MD_BLOCK_LI:
		html_lit(sb, "</li>\n");
		break;
	case MD_BLOCK_H: {
		const MD_BLOCK_H_DETAIL *d = detail;

		if (d->level <= 1)
			html_lit(sb, "</h3>\n");
		else if (d->level == 2)
			html_lit(sb, "</h4>\n");
		else
			html_lit(sb, "</h5>\n");
		break;
	}
	case MD_BLOCK_CODE:
		html_lit(sb, "</code></pre>\n");
		break;
	case MD_BLOCK_P:
		html_lit(sb, "</p>\n");
		break;
	default:
		break;
	}
	return 0;
}

static int enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	struct md_out *o = userdata;
	struct strbuf *sb = o->sb;

	if (type == MD_SPAN_A) {
		int written = !o->img && o->links < LINK_DEPTH_MAX && link_open(o, detail);

		if (o->links < LINK_DEPTH_MAX)
			o->link_written[o->links] = (unsigned char)written;
		o->links++;
		return 0;
	}
	if (type == MD_SPAN_IMG) {
		o->img++;
		return 0;
	}
	if (o->img)
		return 0;
	switch (type) {
	case MD_SPAN_EM:
		html_lit(sb, "<em>");
		break;
	case MD_SPAN_STRONG:
		html_lit(sb, "<strong>");
		break;
	case MD_SPAN_CODE:
		html_lit(sb, "<code>");
		break;
	default:
		break;
	}
	return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	struct md_out *o = userdata;
	struct strbuf *sb = o->sb;

	(void)detail;
	if (type == MD_SPAN_A) {
		if (o->links > 0) {
			o->links--;
			if (o->links < LINK_DEPTH_MAX && o->link_written[o->links])
				html_lit(sb, "</a>");
		}
		return 0;
	}
	if (type == MD_SPAN_IMG) {
		if (o->img > 0)
			o->img--;
		return 0;
	}
	if (o->img)
		return 0;
	switch (type) {
	case MD_SPAN_EM:
		html_lit(sb, "</em>");
		break;
	case MD_SPAN_STRONG:
		html_lit(sb, "</strong>");
		break;
	case MD_SPAN_CODE:
		html_lit(sb, "</code>");
		break;
	default:
		break;
	}
	return 0;
}

static int text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE size, void *userdata)
{
	struct md_out *o = userdata;
	struct strbuf *sb = o->sb;

	switch (type) {
	case MD_TEXT_NULLCHAR:
		html_lit(sb, "\xEF\xBF\xBD");
		break;
	case MD_TEXT_BR:
		if (o->img)
			html_lit(sb, " ");
		else
			html_lit(sb, "<br>\n");
		break;
	case MD_TEXT_SOFTBR:
		if (o->img)
			html_lit(sb, " ");
		else
			html_lit(sb, "\n");
		break;
	case MD_TEXT_ENTITY:
		text_entity(sb, s, size);
		break;
	default:
		esc(sb, s, size); /* normal text, code, and raw HTML (which MD_FLAG_NOHTML keeps from coming) */
		break;
	}
	return 0;
}

int markdown_render(struct strbuf *sb, const char *src, size_t len)
{
	MD_PARSER parser = {
		.abi_version = 0,
		.flags = MD_FLAG_NOHTML,
		.enter_block = enter_block,
		.leave_block = leave_block,
		.enter_span = enter_span,
		.leave_span = leave_span,
		.text = text,
	};
	struct md_out o = { .sb = sb };
	char *copy;
	int rc;

	if (len > MARKDOWN_INPUT_MAX)
		return -1;
	/* md4c gets a copy that ends in NUL bytes, so a look past the end reads nothing but NUL */
	copy = calloc(1, len + MARKDOWN_PAD);
	if (!copy)
		return -1;
	memcpy(copy, src, len);
	rc = md_parse(copy, (MD_SIZE)len, &parser, &o);
	free(copy);
	if (rc != 0)
		return -1;
	return sb->failed ? -1 : 0;
}
