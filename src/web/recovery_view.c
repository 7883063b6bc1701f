/* recovery_view.c: links, Markdown blocks, targets and durations as the pages of step 3 show them. */
#include <string.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "html.h"
#include "markdown.h"
#include "recovery_view.h"
#include "../lib/banned.h"

const char *rv_url(struct req *r, const char *tail)
{
	return arena_printf(r->arena, "/o/%lld/%s", (long long)r->org.id, tail);
}

const char *rv_item_url(struct req *r, const char *kind, int64_t id, const char *tail)
{
	return arena_printf(r->arena, "/o/%lld/%s/%lld%s", (long long)r->org.id, kind, (long long)id, tail);
}

void rv_link(struct req *r, const char *href, const char *text, const char *css_class)
{
	html_lit(&r->out, "<a");
	if (css_class)
		html_attr(&r->out, "class", css_class);
	html_attr(&r->out, "href", href);
	html_lit(&r->out, ">");
	html_text(&r->out, text);
	html_lit(&r->out, "</a>");
}

void rv_markdown(struct req *r, const char *src)
{
	struct strbuf *o = &r->out;
	size_t mark;

	if (!src || !src[strspn(src, " \t\r\n")]) {
		html_lit(o, "<p class=\"muted\">");
		html_text(o, _(r->lang, "Not written down yet."));
		html_lit(o, "</p>");
		return;
	}
	html_lit(o, "<div class=\"md\">");
	mark = o->len;
	if (markdown_render(o, src, strlen(src)) < 0 && !o->failed) {
		/* too long for the renderer (not reached: the rules keep texts shorter): show it as plain text */
		o->len = mark;
		o->buf[mark] = '\0';
		html_lit(o, "<p class=\"multiline\">");
		html_text(o, src);
		html_lit(o, "</p>");
	}
	html_lit(o, "</div>");
}

void rv_target(struct req *r, int64_t hours)
{
	if (hours < 0) {
		html_lit(&r->out, "<span class=\"muted\">");
		html_text(&r->out, _(r->lang, "no target set yet"));
		html_lit(&r->out, "</span>");
		return;
	}
	html_text_subst(&r->out, _(r->lang, "Target: back within %s h"), rv_num(r, hours));
}

void rv_minutes(struct req *r, int64_t minutes)
{
	if (minutes < 0)
		return;
	if (minutes < 60)
		html_textf(&r->out, "%lld\u00a0min", (long long)minutes);
	else if (minutes % 60 == 0)
		html_textf(&r->out, "%lld\u00a0h", (long long)(minutes / 60));
	else
		html_textf(&r->out, "%lld\u00a0h %lld\u00a0min", (long long)(minutes / 60), (long long)(minutes % 60));
}

const char *rv_number_value(struct req *r, const struct field_errors *fe, const char *field, int64_t v)
{
	const char *sent = kv_get(&r->form, field);

	if (fe_get(fe, field) && sent)
		return sent;
	return v >= 0 ? rv_num(r, v) : "";
}

const char *rv_id_value(struct req *r, int64_t id)
{
	return id ? rv_num(r, id) : "";
}

const char *rv_num_value(struct req *r, int64_t v)
{
	return v >= 0 ? rv_num(r, v) : "";
}

const char *rv_num(struct req *r, int64_t v)
{
	return arena_printf(r->arena, "%lld", (long long)v);
}

const char *rv_field_error(struct req *r, const struct field_errors *fe, const char *field)
{
	const char *msg = fe_get(fe, field), *arg;

	if (!msg)
		return NULL;
	arg = fe_get_arg(fe, field);
	html_lit(&r->out, "<p class=\"error\"");
	html_attr(&r->out, "id", arena_printf(r->arena, "err-%s", field));
	html_lit(&r->out, ">");
	if (arg)
		html_text_subst(&r->out, _(r->lang, msg), arg);
	else
		html_text(&r->out, _(r->lang, msg));
	html_lit(&r->out, "</p>");
	return msg;
}

void rv_markdown_hint(struct req *r)
{
	html_lit(&r->out, "<p class=\"hint\">");
	html_text(&r->out, _(r->lang, "Texts may use simple formatting: *italic*, **bold**, lists with - or 1., "
				      "links as [text](https://…), phone numbers as [text](tel:…)."));
	html_lit(&r->out, "</p>");
}
