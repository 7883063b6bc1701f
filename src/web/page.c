/* page.c: the page frame shared by every HTML page, and the form helpers. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

static void step_nav(struct req *r, enum plan_step current)
{
	struct strbuf *o = &r->out;
	char href[64];

	html_lit(o, "<nav class=\"steps\"");
	html_attr(o, "aria-label", _(r->lang, "The five steps of the plan"));
	html_lit(o, "><ol>");
	for (int s = STEP_NONE; s < STEP__MAX; s++) {
		const struct plan_step_info *info = plan_step((enum plan_step)s);

		html_lit(o, "<li>");
		if (info->path) {
			snprintf(href, sizeof(href), "/o/%lld/%s", (long long)r->org.id, info->path);
			html_lit(o, "<a");
			html_attr(o, "href", href);
			if ((int)current == s)
				html_lit(o, " aria-current=\"page\"");
			html_lit(o, ">");
		} else {
			html_lit(o, "<span class=\"later\">");
		}
		if (s != STEP_NONE)
			html_textf(o, "%d ", s);
		html_text(o, _(r->lang, info->title));
		if (info->path) {
			html_lit(o, "</a>");
		} else {
			html_lit(o, " <small>(");
			html_text(o, _(r->lang, "coming soon"));
			html_lit(o, ")</small></span>");
		}
		html_lit(o, "</li>");
	}
	html_lit(o, "</ol></nav>");
}

void page_begin(struct req *r, const char *title, enum plan_step step, const char *purpose)
{
	struct strbuf *o = &r->out;

	r->content_type = "text/html; charset=utf-8";
	sb_reserve(o, 32 * 1024);
	html_lit(o, "<!doctype html>\n<html");
	html_attr(o, "lang", i18n_code(r->lang));
	html_lit(o, "><head><meta charset=\"utf-8\">"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
		    "<title>");
	html_text(o, _(r->lang, title));
	if (r->org.id) {
		html_lit(o, " · ");
		html_text(o, r->org.name);
	}
	html_lit(o, " · krisenfest</title>"
		    "<link rel=\"stylesheet\" href=\"/assets/style.css\">"
		    "<script src=\"/assets/app.js\" defer></script></head>\n<body>");
	html_lit(o, "<a class=\"skip\" href=\"#main\">");
	html_text(o, _(r->lang, "Skip to content"));
	html_lit(o, "</a><header class=\"top\"><a class=\"brand\" href=\"/\">krisenfest</a>");
	if (r->org.id) {
		html_lit(o, "<span class=\"org\">");
		html_text(o, r->org.name);
		html_lit(o, "</span>");
	}
	/* members: invitations and members: admins reach the members page from every page */
	if (r->org.id && r->org.role >= MEMBER_ADMIN) {
		char members[48];

		snprintf(members, sizeof(members), "/o/%lld/members", (long long)r->org.id);
		html_lit(o, "<a class=\"members-link\"");
		html_attr(o, "href", members);
		html_lit(o, ">");
		html_text(o, _(r->lang, "Members"));
		html_lit(o, "</a>");
	}
	if (r->authed) {
		html_lit(o, "<div class=\"user\"><span class=\"who\">");
		html_text(o, *r->user.name ? r->user.name : r->user.email);
		html_lit(o, "</span>");
		web_tasks_header_link(r); /* tasks */
		web_notify_header_link(r); /* notifications */
		form_begin(r, "/logout", r->csrf);
		html_lit(o, "<button type=\"submit\" class=\"link\">");
		html_text(o, _(r->lang, "Sign out"));
		html_lit(o, "</button></form></div>");
	}
	html_lit(o, "</header>\n");
	if (r->org.id)
		step_nav(r, step);
	html_lit(o, "<main id=\"main\">");
	if (step > STEP_NONE) {
		html_lit(o, "<p class=\"step-label\">");
		html_textf(o, _(r->lang, "Step %d of 5"), (int)step);
		html_lit(o, "</p>");
	}
	html_lit(o, "<h1>");
	html_text(o, _(r->lang, title));
	html_lit(o, "</h1>");
	if (purpose) {
		html_lit(o, "<p class=\"purpose\">");
		html_text(o, _(r->lang, purpose));
		html_lit(o, "</p>");
	}
}

void page_end(struct req *r)
{
	html_lit(&r->out, "</main><footer><p>krisenfest · ");
	html_text(&r->out, _(r->lang, "Your IT emergency plan, built together."));
	html_lit(&r->out, "</p></footer></body></html>\n");
}

void page_notice(struct req *r, const char *kind, const char *text)
{
	html_lit(&r->out, "<div role=\"status\"");
	html_attr(&r->out, "class", strcmp(kind, "error") == 0 ? "notice error" :
				    strcmp(kind, "warn") == 0  ? "notice warn" : "notice ok");
	html_lit(&r->out, "><p>");
	html_text(&r->out, text);
	html_lit(&r->out, "</p></div>");
}

void form_begin(struct req *r, const char *action, const char *csrf)
{
	html_lit(&r->out, "<form method=\"post\"");
	html_attr(&r->out, "action", action);
	html_lit(&r->out, ">");
	form_hidden(r, "_csrf", csrf ? csrf : "");
}

void form_end(struct req *r)
{
	html_lit(&r->out, "</form>");
}

void form_error_summary(struct req *r, const struct field_errors *fe)
{
	if (!fe || !fe->n)
		return;
	html_lit(&r->out, "<div class=\"notice error\" role=\"alert\" id=\"error-summary\"><p>");
	html_text(&r->out, _(r->lang, "Not saved yet. Please check the marked fields."));
	html_lit(&r->out, "</p></div>");
}

/* label, hint and error, shared by every kind of field */
static void field_head(struct req *r, const struct field *f, char *id, size_t idlen)
{
	struct strbuf *o = &r->out;

	snprintf(id, idlen, "f-%s", f->name);
	html_lit(o, "<div");
	html_attr(o, "class", f->error ? "field invalid" : "field");
	html_lit(o, "><label");
	html_attr(o, "for", id);
	html_lit(o, ">");
	if (f->label_num) {
		char num[16];

		snprintf(num, sizeof(num), "%d", f->label_num);
		html_text_subst(o, _(r->lang, f->label), num);
	} else {
		html_text(o, _(r->lang, f->label));
	}
	if (f->required) {
		html_lit(o, " <span class=\"req\">(");
		html_text(o, _(r->lang, "required"));
		html_lit(o, ")</span>");
	}
	html_lit(o, "</label>");
	if (f->hint) {
		html_lit(o, "<p class=\"hint\" id=\"hint-");
		html_text(o, f->name);
		html_lit(o, "\">");
		html_text(o, _(r->lang, f->hint));
		html_lit(o, "</p>");
	}
	if (f->error) {
		html_lit(o, "<p class=\"error\" id=\"err-");
		html_text(o, f->name);
		html_lit(o, "\">");
		html_text(o, _(r->lang, f->error));
		html_lit(o, "</p>");
	}
}

static void field_aria(struct req *r, const struct field *f)
{
	struct strbuf *o = &r->out;

	if (f->error)
		html_lit(o, " aria-invalid=\"true\"");
	if (f->error || f->hint) {
		html_lit(o, " aria-describedby=\"");
		if (f->error) {
			html_lit(o, "err-");
			html_text(o, f->name);
		}
		if (f->hint) {
			if (f->error)
				html_lit(o, " ");
			html_lit(o, "hint-");
			html_text(o, f->name);
		}
		html_lit(o, "\"");
	}
	if (f->required)
		html_lit(o, " required");
	if (f->readonly)
		html_lit(o, " readonly");
}

static void field_tail(struct req *r, const struct field *f)
{
	struct strbuf *o = &r->out;

	if (f->saved) {
		html_lit(o, "<p class=\"saved\"><strong>");
		html_text(o, _(r->lang, "Saved meanwhile by someone else:"));
		html_lit(o, "</strong> ");
		html_text(o, *f->saved ? f->saved : _(r->lang, "(empty)"));
		html_lit(o, "</p>");
	}
	html_lit(o, "</div>");
}

void form_input(struct req *r, const struct field *f)
{
	char id[64];

	field_head(r, f, id, sizeof(id));
	html_lit(&r->out, "<input");
	html_attr(&r->out, "type", f->type ? f->type : "text");
	html_attr(&r->out, "id", id);
	html_attr(&r->out, "name", f->name);
	html_attr(&r->out, "value", f->value);
	if (f->autocomplete)
		html_attr(&r->out, "autocomplete", f->autocomplete);
	field_aria(r, f);
	html_lit(&r->out, ">");
	field_tail(r, f);
}

void form_textarea(struct req *r, const struct field *f)
{
	char id[64];

	field_head(r, f, id, sizeof(id));
	html_lit(&r->out, "<textarea rows=\"5\"");
	html_attr(&r->out, "id", id);
	html_attr(&r->out, "name", f->name);
	field_aria(r, f);
	html_lit(&r->out, ">");
	html_text(&r->out, f->value);
	html_lit(&r->out, "</textarea>");
	field_tail(r, f);
}

void form_hidden(struct req *r, const char *name, const char *value)
{
	html_lit(&r->out, "<input type=\"hidden\"");
	html_attr(&r->out, "name", name);
	html_attr(&r->out, "value", value);
	html_lit(&r->out, ">");
}

void form_select(struct req *r, const struct field *f, const struct option *opts, int nopts)
{
	char id[64];

	field_head(r, f, id, sizeof(id));
	html_lit(&r->out, "<select");
	html_attr(&r->out, "id", id);
	html_attr(&r->out, "name", f->name);
	field_aria(r, f);
	html_lit(&r->out, ">");
	for (int i = 0; i < nopts; i++) {
		html_lit(&r->out, "<option");
		html_attr(&r->out, "value", opts[i].value);
		if (f->value && strcmp(f->value, opts[i].value) == 0)
			html_lit(&r->out, " selected");
		html_lit(&r->out, ">");
		html_text(&r->out, opts[i].label);
		html_lit(&r->out, "</option>");
	}
	html_lit(&r->out, "</select>");
	field_tail(r, f);
}

void form_submit(struct req *r, const char *label, const char *css_class)
{
	html_lit(&r->out, "<button type=\"submit\"");
	html_attr(&r->out, "class", css_class ? css_class : "primary");
	html_lit(&r->out, ">");
	html_text(&r->out, _(r->lang, label));
	html_lit(&r->out, "</button>");
}

void form_actions(struct req *r, const char *submit_msgid, const char *back_href, const char *delete_href)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<div class=\"actions\">");
	if (submit_msgid)
		form_submit(r, submit_msgid, NULL);
	html_lit(o, "<a class=\"button secondary\"");
	html_attr(o, "href", back_href);
	html_lit(o, ">");
	html_text(o, submit_msgid ? _(r->lang, "Cancel") : _(r->lang, "Back"));
	html_lit(o, "</a>");
	if (delete_href) {
		html_lit(o, "<a class=\"button danger\"");
		html_attr(o, "href", delete_href);
		html_lit(o, ">");
		html_text(o, _(r->lang, "Delete"));
		html_lit(o, "</a>");
	}
	html_lit(o, "</div>");
}

void page_confirm_delete(struct req *r, int status, const struct delete_confirmation *dc)
{
	struct strbuf *o = &r->out;
	char version[24];

	r->status = status;
	sb_reset(o);
	page_begin(r, dc->title, dc->step, NULL);
	if (dc->changed)
		page_notice(r, "warn", _(r->lang, dc->changed));
	if (dc->blocked) {
		html_lit(o, "<div class=\"notice error\" role=\"alert\"><p>");
		html_text_subst(o, _(r->lang, dc->blocked), dc->blocked_by);
		html_lit(o, "</p></div>");
	}
	html_lit(o, "<p class=\"lead\">");
	html_text_subst(o, _(r->lang, dc->question), dc->name);
	html_lit(o, "</p>");
	if (dc->note) {
		html_lit(o, "<p>");
		html_text(o, _(r->lang, dc->note));
		html_lit(o, "</p>");
	}
	snprintf(version, sizeof(version), "%lld", (long long)dc->version);
	form_begin(r, dc->action, r->csrf);
	form_hidden(r, "version", version);
	/* the safe way out comes first; the destructive button only when deleting is possible */
	html_lit(o, "<div class=\"actions\"><a class=\"button secondary\"");
	html_attr(o, "href", dc->back);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Cancel"));
	html_lit(o, "</a>");
	if (!dc->blocked)
		form_submit(r, N_("Yes, delete"), "danger");
	html_lit(o, "</div>");
	form_end(r);
	page_end(r);
}

long long page_form_version(struct req *r, long long min)
{
	const char *v = kv_get(&r->form, "version");
	long long version = -1;

	if (!v || sscanf(v, "%lld", &version) != 1 || version < min) {
		web_error_page(r, 400, N_("The form is incomplete. Please open the page again."));
		return -1;
	}
	return version;
}
