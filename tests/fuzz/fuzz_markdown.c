/* fuzz_markdown.c: libFuzzer target for the safe Markdown renderer: no crash, and only allow-listed tags and link schemes come out. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/lib/strbuf.h"
#include "../../src/web/markdown.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const allowed[] = {
	"<p>", "</p>", "<h3>", "</h3>", "<h4>", "</h4>", "<h5>", "</h5>", "<ul>", "</ul>", "<ol>", "<ol start=\"",
	"</ol>", "<li>", "</li>", "<em>", "</em>", "<strong>", "</strong>", "<code>", "</code>", "<pre>", "</pre>",
	"<blockquote>", "</blockquote>", "<br>", "<a href=\"", "</a>",
};

/* Every tag is one of ours and every link target has an allowed scheme; else the run fails. */
static void check(const char *html, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		size_t k, n = sizeof(allowed) / sizeof(allowed[0]);

		if (html[i] != '<')
			continue;
		for (k = 0; k < n; k++)
			if (strncmp(html + i, allowed[k], strlen(allowed[k])) == 0)
				break;
		if (k == n)
			abort();
		if (strncmp(html + i, "<a href=\"", 9) == 0 && !markdown_link_allowed(html + i + 9, len - i - 9))
			abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct strbuf sb;

	sb_init(&sb, 8 * 1024 * 1024);
	if (markdown_render(&sb, (const char *)data, size) == 0)
		check(sb.buf, sb.len);
	else if (size <= MARKDOWN_INPUT_MAX && !sb.failed)
		abort(); /* only too long input or a full buffer may fail */
	sb_release(&sb);
	return 0;
}
