/* test_markdown.c: safe Markdown: allow-listed tags only, javascript: links neutralised, raw HTML escaped, nesting, headings shifted, the input cap. */
#include "kf_test.h"

#include <stdlib.h>

#include "../../src/web/markdown.h"

/* The HTML of src (a fresh buffer each time; caller frees). */
static char *render(const char *src)
{
	struct strbuf sb;
	size_t len;

	sb_init(&sb, STRBUF_DEFAULT_MAX);
	assert_int_equal(markdown_render(&sb, src, strlen(src)), 0);
	assert_sane_strbuf(&sb);
	return sb_detach(&sb, &len);
}

#define assert_renders(src, want)                                   \
	do {                                                        \
		char *got_ = render(src);                           \
		assert_string_equal(got_, (want));                  \
		free(got_);                                         \
	} while (0)

static void test_blocks_and_spans(void **state)
{
	(void)state;
	assert_renders("Hallo *Welt* und **fett** mit `code`.",
		       "<p>Hallo <em>Welt</em> und <strong>fett</strong> mit <code>code</code>.</p>\n");
	/* headings are shifted below the page's own: # → h3, ## → h4, deeper → h5 */
	assert_renders("# Eins\n## Zwei\n### Drei\n###### Sechs",
		       "<h3>Eins</h3>\n<h4>Zwei</h4>\n<h5>Drei</h5>\n<h5>Sechs</h5>\n");
	assert_renders("- a\n- b\n", "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n");
	assert_renders("3. drei\n4. vier\n", "<ol start=\"3\">\n<li>drei</li>\n<li>vier</li>\n</ol>\n");
	assert_renders("```sh\nrm -rf <x> & \"y\"\n```\n", "<pre><code>rm -rf &lt;x&gt; &amp; &quot;y&quot;\n</code></pre>\n");
	assert_renders("Zeile  \nnächste\nweiter", "<p>Zeile<br>\nnächste\nweiter</p>\n");
	/* rules are left out; entities decoded then escaped again */
	assert_renders("a\n\n---\n\nb", "<p>a</p>\n<p>b</p>\n");
	assert_renders("&auml; &amp; &lt;b&gt; &#65; &#x263A; &#0; &bogus;",
		       "<p>ä &amp; &lt;b&gt; A ☺ \xEF\xBF\xBD &amp;bogus;</p>\n");
	assert_renders("", "");
}

static void test_nesting(void **state)
{
	(void)state;
	assert_renders("> Zitat\n> - mit *Liste*\n>   1. und **tief**\n",
		       "<blockquote>\n<p>Zitat</p>\n<ul>\n<li>mit <em>Liste</em><ol>\n<li>und <strong>tief</strong></li>\n"
		       "</ol>\n</li>\n</ul>\n</blockquote>\n");
	assert_renders("***beides***", "<p><em><strong>beides</strong></em></p>\n");
	/* deep nesting renders without trouble */
	{
		char src[2001];
		char *got;

		memset(src, '>', 2000);
		src[2000] = '\0';
		got = render(src);
		assert_non_null(strstr(got, "<blockquote>"));
		free(got);
	}
}

static void test_raw_html_escaped(void **state)
{
	(void)state;
	assert_renders("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
	assert_renders("<div onclick=\"x()\">\n\nText\n\n</div>",
		       "<p>&lt;div onclick=&quot;x()&quot;&gt;</p>\n<p>Text</p>\n<p>&lt;/div&gt;</p>\n");
	assert_renders("a <img src=x onerror=alert(1)> b", "<p>a &lt;img src=x onerror=alert(1)&gt; b</p>\n");
	/* images show their alt text only */
	assert_renders("![Plan *A*](http://example.org/x.png)", "<p>Plan A</p>\n");
}

static void test_links(void **state)
{
	(void)state;
	assert_renders("[Hotline](https://example.org/a?b=1&c=2)",
		       "<p><a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">Hotline</a></p>\n");
	assert_renders("[anrufen](tel:+49301234) [Mail](MAILTO:it@example.org) <http://example.org>",
		       "<p><a href=\"tel:+49301234\" rel=\"noopener noreferrer\">anrufen</a> "
		       "<a href=\"MAILTO:it@example.org\" rel=\"noopener noreferrer\">Mail</a> "
		       "<a href=\"http://example.org\" rel=\"noopener noreferrer\">http://example.org</a></p>\n");
	/* everything else is plain text: javascript:, data:, relative, hidden behind entities or case */
	assert_renders("[klick](javascript:alert(1))", "<p>klick</p>\n");
	assert_renders("[klick](JaVaScRiPt:alert(1))", "<p>klick</p>\n");
	assert_renders("[klick](&#106;avascript:alert(1))", "<p>klick</p>\n");
	assert_renders("[x](data:text/html;base64,PHNjcmlwdD4=) [y](/o/1/team) [z](ftp://a)", "<p>x y z</p>\n");
	assert_renders("<javascript:alert(1)>", "<p>javascript:alert(1)</p>\n"); /* an autolink of another scheme: text */
	assert_renders("[*fett*](vbscript:x)", "<p><em>fett</em></p>\n");
	/* an attribute cannot be broken out of */
	assert_renders("[a](http://x/\"onmouseover=alert(1))",
		       "<p><a href=\"http://x/&quot;onmouseover=alert(1)\" rel=\"noopener noreferrer\">a</a></p>\n");
	assert_int_equal(markdown_link_allowed("http://", 7), 0);
	assert_int_equal(markdown_link_allowed("https://a", 9), 1);
	assert_int_equal(markdown_link_allowed(" https://a", 10), 0);
}

static void test_caps(void **state)
{
	struct strbuf sb;
	char *big;

	(void)state;
	big = malloc(MARKDOWN_INPUT_MAX + 2);
	assert_non_null(big);
	memset(big, 'a', MARKDOWN_INPUT_MAX + 1);
	big[MARKDOWN_INPUT_MAX + 1] = '\0';
	sb_init(&sb, STRBUF_DEFAULT_MAX);
	/* one byte too many: refused whole, nothing written */
	assert_int_equal(markdown_render(&sb, big, MARKDOWN_INPUT_MAX + 1), -1);
	assert_int_equal(sb.len, 0);
	/* exactly at the cap: rendered */
	assert_int_equal(markdown_render(&sb, big, MARKDOWN_INPUT_MAX), 0);
	assert_int_equal(sb.len, MARKDOWN_INPUT_MAX + strlen("<p></p>\n"));
	sb_release(&sb);
	/* a full output buffer fails the rendering */
	sb_init(&sb, 100);
	assert_int_equal(markdown_render(&sb, big, 1000), -1);
	sb_release(&sb);
	free(big);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks_and_spans), cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_raw_html_escaped), cmocka_unit_test(test_links),
		cmocka_unit_test(test_caps),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
