/* page.c: the page frame shared by every HTML page, and the form helpers. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/arena.h"
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

/*
 * sse: live updates and presence. Hidden; app.js opens the event stream, shows
 * who else has the page open and offers a reload when a change would disturb
 * unsaved input. The texts come from here so they are translated.
 */
static void live_box(struct req *r)
{
	struct strbuf *o = &r->out;
	char events[64], user[24];

	snprintf(events, sizeof(events), "/api/v1/orgs/%lld/events", (long long)r->org.id);
	snprintf(user, sizeof(user), "%lld", (long long)r->user.id);
	html_lit(o, "<div id=\"live\" class=\"live\" hidden");
	html_attr(o, "data-events", events);
	html_attr(o, "data-user", user);
	html_attr(o, "data-label", _(r->lang, "Also open by:"));
	html_attr(o, "data-changed-item", _(r->lang, "This entry was just changed by {name}."));
	html_attr(o, "data-changed-page", _(r->lang, "This page was just changed by {name}."));
	html_attr(o, "data-someone", _(r->lang, "someone"));
	html_attr(o, "data-reload", _(r->lang, "Show the new state"));
	html_lit(o, "><p class=\"presence\" hidden></p><div class=\"live-notice\" role=\"status\" hidden></div></div>\n");
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
	if (r->org.id && r->authed)
		live_box(r);
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

/* The saved-meanwhile value of a field: raw is its form value (NULL: nothing to take), text as shown. */
struct saved_view {
	const char *raw;
	const char *text;
};

static struct saved_view saved_view(const struct field *f, const struct option *opts, int nopts)
{
	struct saved_view v = { NULL, NULL };
	const char *mine = f->value ? f->value : "";

	if (f->saved_value) {
		if (strcmp(f->saved_value, mine) == 0)
			return v;
		v.raw = f->saved_value;
		v.text = f->saved ? f->saved : f->saved_value;
		for (int i = 0; opts && i < nopts; i++)
			if (strcmp(opts[i].value, v.raw) == 0 && !f->saved)
				v.text = opts[i].label;
		return v;
	}
	if (!f->saved)
		return v;
	v.text = f->saved;
	if (!opts) {
		v.raw = f->saved;
		return v;
	}
	/* a select whose page gave the saved label: its option is the value to take */
	for (int i = 0; i < nopts; i++)
		if (strcmp(opts[i].label, f->saved) == 0 || strcmp(opts[i].value, f->saved) == 0) {
			v.raw = opts[i].value;
			if (strcmp(v.raw, mine) == 0)
				v.text = NULL;
			break;
		}
	return v;
}

static void field_aria(struct req *r, const struct field *f, const struct saved_view *sv)
{
	struct strbuf *o = &r->out;
	int n = 0;

	if (f->error)
		html_lit(o, " aria-invalid=\"true\"");
	if (f->error || f->hint || sv->text) {
		html_lit(o, " aria-describedby=\"");
		if (f->error) {
			html_lit(o, "err-");
			html_text(o, f->name);
			n++;
		}
		if (f->hint) {
			if (n++)
				html_lit(o, " ");
			html_lit(o, "hint-");
			html_text(o, f->name);
		}
		if (sv->text) {
			if (n++)
				html_lit(o, " ");
			html_lit(o, "saved-");
			html_text(o, f->name);
		}
		html_lit(o, "\"");
	}
	if (f->required)
		html_lit(o, " required");
	if (f->readonly)
		html_lit(o, " readonly");
}

/* The block beside a field whose value someone saved meanwhile, with the choice mine/saved. */
static void saved_block(struct req *r, const char *group, const char *text, const char *clear,
			const struct kv_pair *pairs, size_t n, int choice)
{
	struct strbuf *o = &r->out;
	char name[96];

	html_lit(o, "<div class=\"saved\"");
	html_attr(o, "id", arena_printf(r->arena, "saved-%s", group));
	html_lit(o, "><p><strong>");
	html_text(o, _(r->lang, "Saved meanwhile by someone else:"));
	html_lit(o, "</strong> ");
	html_text(o, text && *text ? text : _(r->lang, "(empty)"));
	html_lit(o, "</p>");
	if (choice) {
		snprintf(name, sizeof(name), "_take:%s", group);
		html_lit(o, "<fieldset class=\"take\"><legend>");
		html_text(o, _(r->lang, "Which value should be saved?"));
		html_lit(o, "</legend><label><input type=\"radio\" value=\"mine\" checked");
		html_attr(o, "name", name);
		html_lit(o, "> ");
		html_text(o, _(r->lang, "Keep my input"));
		html_lit(o, "</label> <label><input type=\"radio\" value=\"saved\"");
		html_attr(o, "name", name);
		html_lit(o, "> ");
		html_text(o, _(r->lang, "Take the saved value"));
		html_lit(o, "</label></fieldset>");
		snprintf(name, sizeof(name), "_clear:%s", group);
		form_hidden(r, name, clear);
		for (size_t i = 0; i < n; i++) {
			snprintf(name, sizeof(name), "_saved:%s:%s", group, pairs[i].key);
			form_hidden(r, name, pairs[i].val);
		}
	}
	html_lit(o, "</div>");
}

static void field_tail(struct req *r, const struct field *f, const struct saved_view *sv)
{
	if (sv->text) {
		struct kv_pair pair = { f->name, sv->raw };

		saved_block(r, f->name, sv->text, f->name, &pair, 1, sv->raw && !f->readonly);
	}
	html_lit(&r->out, "</div>");
}

void form_saved_group(struct req *r, const char *group, const char *text, const char *clear,
		      const struct kv_pair *pairs, size_t n)
{
	saved_block(r, group, text, clear, pairs, n, r->org.role >= MEMBER_EDITOR);
}

void form_saved_ref(struct req *r, const char *group)
{
	html_lit(&r->out, " aria-describedby=\"saved-");
	html_text(&r->out, group);
	html_lit(&r->out, "\"");
}

void form_saved_field(struct req *r, const char *name, const char *text, const char *value)
{
	struct kv_pair pair = { name, value };

	form_saved_group(r, name, text, name, &pair, 1);
}

static int has_id(const int64_t *ids, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

int form_same_ids(const int64_t *a, int na, const int64_t *b, int nb)
{
	for (int i = 0; i < na; i++)
		if (!has_id(b, nb, a[i]))
			return 0;
	for (int i = 0; i < nb; i++)
		if (!has_id(a, na, b[i]))
			return 0;
	return 1;
}

void form_saved_ids(struct req *r, const char *name, const int64_t *ids, int n, const char *text)
{
	struct kv_pair *pairs = ARENA_NEW(r->arena, struct kv_pair, (size_t)n + 1);

	if (!pairs)
		return;
	for (int i = 0; i < n; i++)
		pairs[i] = (struct kv_pair){ name, arena_printf(r->arena, "%lld", (long long)ids[i]) };
	form_saved_group(r, name, text, name, pairs, (size_t)n);
}

void form_saved_check(struct req *r, const char *name, int saved)
{
	struct kv_pair pair = { name, "1" };

	form_saved_group(r, name, saved ? _(r->lang, "ticked") : _(r->lang, "not ticked"), name, &pair, saved ? 1 : 0);
}

void page_conflict_notice(struct req *r, const char *msgid)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<div class=\"notice warn\" role=\"alert\" id=\"conflict\"><p>");
	html_text(o, _(r->lang, msgid ? msgid : N_("Someone else changed this meanwhile.")));
	html_lit(o, "</p><p>");
	html_text(o, _(r->lang, "Your input is kept below. Beside each field that differs you see the saved value. Choose per "
				"field whether to keep your input or take the saved value, then save again."));
	html_lit(o, "</p></div>");
}

void form_input(struct req *r, const struct field *f)
{
	struct saved_view sv = saved_view(f, NULL, 0);
	char id[64];

	field_head(r, f, id, sizeof(id));
	html_lit(&r->out, "<input");
	html_attr(&r->out, "type", f->type ? f->type : "text");
	html_attr(&r->out, "id", id);
	html_attr(&r->out, "name", f->name);
	html_attr(&r->out, "value", f->value);
	if (f->autocomplete)
		html_attr(&r->out, "autocomplete", f->autocomplete);
	field_aria(r, f, &sv);
	html_lit(&r->out, ">");
	field_tail(r, f, &sv);
}

void form_textarea(struct req *r, const struct field *f)
{
	struct saved_view sv = saved_view(f, NULL, 0);
	char id[64];

	field_head(r, f, id, sizeof(id));
	html_lit(&r->out, "<textarea rows=\"5\"");
	html_attr(&r->out, "id", id);
	html_attr(&r->out, "name", f->name);
	field_aria(r, f, &sv);
	html_lit(&r->out, ">");
	html_text(&r->out, f->value);
	html_lit(&r->out, "</textarea>");
	field_tail(r, f, &sv);
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
	struct saved_view sv = saved_view(f, opts, nopts);
	char id[64];

	field_head(r, f, id, sizeof(id));
	html_lit(&r->out, "<select");
	html_attr(&r->out, "id", id);
	html_attr(&r->out, "name", f->name);
	field_aria(r, f, &sv);
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
	field_tail(r, f, &sv);
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

/* Is key one of the fields listed in clear (space separated, a trailing '*' matches a prefix)? */
static int cleared(const char *clear, const char *key)
{
	size_t klen = strlen(key);

	while (clear && *clear) {
		size_t n = strcspn(clear, " ");

		if (n && clear[n - 1] == '*' ? strncmp(key, clear, n - 1) == 0
		    : n == klen && strncmp(key, clear, n) == 0)
			return 1;
		clear += n;
		clear += strspn(clear, " ");
	}
	return 0;
}

/* Where the user chose "take the saved value", the saved form fields replace the posted ones. */
static void take_saved(struct req *r)
{
	struct kv_list *l = &r->form, out = { 0 };
	char key[128];
	int any = 0;

	for (size_t i = 0; i < l->n; i++)
		if (strncmp(l->items[i].key, "_take:", 6) == 0 && strcmp(l->items[i].val, "saved") == 0)
			any = 1;
	if (!any)
		return;
	for (size_t i = 0; i < l->n; i++) {
		const struct kv_pair *p = &l->items[i];
		int drop = 0;

		for (size_t j = 0; p->key[0] != '_' && !drop && j < l->n; j++) {
			const struct kv_pair *t = &l->items[j];

			if (strncmp(t->key, "_take:", 6) || strcmp(t->val, "saved"))
				continue;
			snprintf(key, sizeof(key), "_clear:%s", t->key + 6);
			drop = cleared(kv_get(l, key), p->key);
		}
		if (!drop && kv_add(&out, r->arena, p->key, strlen(p->key), p->val, strlen(p->val)) < 0)
			return;
	}
	for (size_t i = 0; i < l->n; i++) {
		const struct kv_pair *p = &l->items[i];
		const char *group, *name;
		const char *take;

		if (strncmp(p->key, "_saved:", 7) != 0 || !(name = strchr(p->key + 7, ':')))
			continue;
		group = p->key + 7;
		snprintf(key, sizeof(key), "_take:%.*s", (int)(name - group), group);
		take = kv_get(l, key);
		if (take && strcmp(take, "saved") == 0 &&
		    kv_add(&out, r->arena, name + 1, strlen(name + 1), p->val, strlen(p->val)) < 0)
			return;
	}
	*l = out;
}

long long page_form_version(struct req *r, long long min)
{
	const char *v;

	take_saved(r);
	v = kv_get(&r->form, "version");
	long long version = -1;

	if (!v || sscanf(v, "%lld", &version) != 1 || version < min) {
		web_error_page(r, 400, N_("The form is incomplete. Please open the page again."));
		return -1;
	}
	return version;
}

void page_link(struct req *r, const char *href, const char *text, const char *css_class)
{
	html_lit(&r->out, "<a");
	if (css_class)
		html_attr(&r->out, "class", css_class);
	html_attr(&r->out, "href", href);
	html_lit(&r->out, ">");
	html_text(&r->out, text);
	html_lit(&r->out, "</a>");
}

void page_section_head(struct req *r, const char *id, const char *title, const char *add_href, const char *add_label,
		       const char *css_class)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<section");
	html_attr(o, "aria-labelledby", id);
	html_lit(o, "><div class=\"section-head\"><h2");
	html_attr(o, "id", id);
	html_lit(o, ">");
	html_text(o, _(r->lang, title));
	html_lit(o, "</h2>");
	if (add_href && r->org.role >= MEMBER_EDITOR)
		page_link(r, add_href, _(r->lang, add_label), css_class);
	html_lit(o, "</div>");
}
