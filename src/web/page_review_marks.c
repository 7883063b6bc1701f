/* page_review_marks.c: "this chapter should be reviewed" on the chapter pages, the review section's list, the start page's line, and "chapter reviewed". */
#include <stdio.h>
#include <string.h>

#include "../core/chapter.h"
#include "../core/plan_check.h"
#include "../http/request.h"
#include "../http/router.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

/* "IT system "ERP" changed on 12.03.2026" */
static void mark_reason(struct req *r, const struct review_mark *m)
{
	struct strbuf *o = &r->out;
	char day[11];

	html_text_subst(o, _(r->lang, review_mark_reason(m)), m->item_name);
	html_lit(o, " ");
	kf_date_iso(m->created_at, day);
	html_lit(o, "<span class=\"when\">");
	{
		struct strbuf date;

		sb_init(&date, 64);
		html_date(&date, day, r->lang == KF_LANG_DE);
		/* html_date escapes; the date is plain digits and dots, safe to substitute as text */
		html_text_subst(o, _(r->lang, "on %s"), date.buf);
		sb_release(&date);
	}
	html_lit(o, "</span>");
}

/* The reasons of one chapter: inline for one, a list for several. */
static void mark_reasons(struct req *r, const struct review_mark *marks, size_t n, int ch, size_t count)
{
	struct strbuf *o = &r->out;

	if (count > 1)
		html_lit(o, "<ul class=\"review-reasons\">");
	else
		html_lit(o, " ");
	for (size_t i = 0; i < n; i++) {
		if (marks[i].chapter != ch)
			continue;
		if (count > 1)
			html_lit(o, "<li>");
		mark_reason(r, &marks[i]);
		if (count > 1)
			html_lit(o, "</li>");
		else
			html_lit(o, ".");
	}
	if (count > 1)
		html_lit(o, "</ul>");
}

/* The "Mark as reviewed" button of a chapter; from names the page to return to. */
static void clear_button(struct req *r, const struct chapter_info *info, const char *from)
{
	char action[96];

	if (r->org.role < MEMBER_EDITOR)
		return;
	snprintf(action, sizeof(action), "/o/%lld/review/marks/%s/clear", (long long)r->org.id, info->key);
	html_lit(&r->out, "<div class=\"review-clear\">");
	form_begin(r, action, r->csrf);
	form_hidden(r, "from", from);
	form_submit(r, N_("Mark as reviewed"), "button");
	form_end(r);
	html_lit(&r->out, "</div>");
}

static size_t count_of(const struct review_mark *marks, size_t n, int ch)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += marks[i].chapter == ch;
	return k;
}

void web_review_notice(struct req *r, enum chapter ch, const char *from)
{
	const struct chapter_info *info = chapter_get(ch);
	struct strbuf *o = &r->out;
	struct review_mark *marks;
	const char *done;
	size_t n, count;

	done = kv_get(&r->query, "chapter_reviewed");
	if (info && done && strcmp(done, info->key) == 0)
		page_notice(r, "ok", _(r->lang, "The chapter was marked as reviewed."));
	/* the page works without its notice; a read error only leaves the notice out */
	if (!info || store_review_marks_list(r->db, r->arena, r->org.id, &marks, &n) != KF_OK)
		return;
	count = count_of(marks, n, ch);
	if (!count)
		return;
	html_lit(o, "<div role=\"status\" class=\"notice review-notice\"");
	html_attr(o, "data-chapter", info->key);
	html_lit(o, "><p><strong>");
	html_text(o, _(r->lang, "This chapter should be reviewed:"));
	html_lit(o, "</strong>");
	if (count == 1)
		mark_reasons(r, marks, n, ch, count);
	html_lit(o, "</p>");
	if (count > 1)
		mark_reasons(r, marks, n, ch, count);
	clear_button(r, info, from);
	html_lit(o, "</div>");
}

void web_review_marks_section(struct req *r)
{
	struct strbuf *o = &r->out;
	struct review_mark *marks;
	char href[96];
	size_t n;

	if (kv_get(&r->query, "chapter_reviewed"))
		page_notice(r, "ok", _(r->lang, "The chapter was marked as reviewed."));
	if (store_review_marks_list(r->db, r->arena, r->org.id, &marks, &n) != KF_OK)
		return;
	html_lit(o, "<div class=\"review-marks\" id=\"review-marks\"><h3>");
	html_text(o, _(r->lang, "Chapters to review after changes"));
	html_lit(o, "</h3>");
	if (!n) {
		html_lit(o, "<p class=\"hint\">");
		html_text(o, _(r->lang, "No chapter needs a review after recent changes."));
		html_lit(o, "</p></div>");
		return;
	}
	html_lit(o, "<p class=\"hint\">");
	html_text(o, _(r->lang, "These chapters were affected by changes to IT systems, providers or people since the "
				"last review. Recording a review of the plan clears all of them."));
	html_lit(o, "</p><ul class=\"review-marks-list\">");
	for (int ch = 0; ch < CHAPTER__MAX; ch++) {
		const struct chapter_info *info = chapter_get(ch);
		size_t count = count_of(marks, n, ch);

		if (!count)
			continue;
		snprintf(href, sizeof(href), "/o/%lld/%s", (long long)r->org.id, info->path);
		html_lit(o, "<li");
		html_attr(o, "data-chapter", info->key);
		html_lit(o, "><a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, _(r->lang, info->label));
		html_lit(o, "</a>:");
		mark_reasons(r, marks, n, ch, count);
		clear_button(r, info, "exercises");
		html_lit(o, "</li>");
	}
	html_lit(o, "</ul></div>");
}

void web_review_marks_card(struct req *r, const struct plan_data *d, enum plan_step step)
{
	struct strbuf *o = &r->out;
	int first = 1;
	char href[96];

	for (int ch = 0; ch < CHAPTER__MAX; ch++) {
		const struct chapter_info *info = chapter_get(ch);

		if (info->step != step || !count_of(d->marks, d->nmarks, ch))
			continue;
		if (first) {
			html_lit(o, "<p class=\"review-marks-line\"><span class=\"badge gap\">");
			html_text(o, _(r->lang, "review"));
			html_lit(o, "</span> ");
			html_text(o, _(r->lang, "Should be reviewed after changes:"));
			html_lit(o, " ");
		} else {
			html_lit(o, ", ");
		}
		first = 0;
		snprintf(href, sizeof(href), "/o/%lld/%s", (long long)r->org.id, info->path);
		html_lit(o, "<a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, _(r->lang, info->label));
		html_lit(o, "</a>");
	}
	if (!first)
		html_lit(o, "</p>");
}

/* Pages a "Mark as reviewed" button may lead back to (besides the chapter's own page). */
static const char *const back_pages[] = { "exercises", "processes", "recovery" };

void web_review_marks_clear(struct req *r)
{
	int ch = chapter_by_key(router_segment(r, "chapter"));
	const struct chapter_info *info = chapter_get(ch);
	const char *from = kv_get(&r->form, "from"), *page;
	char back[160];
	int64_t n;

	if (!info) {
		web_error_page(r, 404, N_("There is no chapter of this name."));
		return;
	}
	if (store_review_marks_clear(r->db, r->org.id, r->user.id, (enum chapter)ch, &n) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	page = info->path;
	for (size_t i = 0; from && i < sizeof(back_pages) / sizeof(back_pages[0]); i++)
		if (strcmp(from, back_pages[i]) == 0)
			page = back_pages[i];
	if (strcmp(page, "exercises") == 0)
		snprintf(back, sizeof(back), "/o/%lld/exercises?chapter_reviewed=%s#review-marks", (long long)r->org.id,
			 info->key);
	else
		snprintf(back, sizeof(back), "/o/%lld/%s?chapter_reviewed=%s", (long long)r->org.id, page, info->key);
	resp_redirect(r, back);
}
