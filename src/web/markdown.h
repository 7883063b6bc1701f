/* markdown.h: safe Markdown for the plan's texts: md4c parses, our own renderer writes only allow-listed HTML. */
#ifndef KF_MARKDOWN_H
#define KF_MARKDOWN_H

#include <stddef.h>

#include "../lib/strbuf.h"

/* Longer input is refused whole; the validators keep stored texts below it. */
#define MARKDOWN_INPUT_MAX ((size_t)64 * 1024)

/*
 * Renders len bytes of Markdown (CommonMark, raw HTML off) as HTML into sb.
 * Only these come out: paragraphs, headings as h3–h5 (# → h3, ## → h4,
 * deeper → h5), ordered and unordered lists, emphasis, strong, inline code,
 * code blocks, block quotes and line breaks; links only to http:, https:,
 * mailto: and tel: (any other link shows its text only); images show their
 * alt text only; raw HTML is text. Every text and attribute is escaped
 * through html.h. 0, or -1 when the input is longer than MARKDOWN_INPUT_MAX
 * (nothing is written) or md4c or sb failed (sb may hold a partial result).
 */
int markdown_render(struct strbuf *sb, const char *src, size_t len);

/* 1 when href (len bytes) starts with one of the allowed link schemes, case-insensitively. */
int markdown_link_allowed(const char *href, size_t len);

#endif
