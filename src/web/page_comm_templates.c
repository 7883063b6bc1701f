/* page_comm_templates.c: step 4, communication templates: each with its filled text ready to copy, the form, and the starters. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../core/comm_starter.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "docs_view.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "web_resource.h"
#include "../lib/banned.h"

#define MSG_GONE N_("This template does not exist (any more).")

static void tpl_url(struct req *r, char *out, size_t len, int64_t id, const char *suffix)
{
	char rest[64];

	snprintf(rest, sizeof(rest), "/templates/%lld%s", (long long)id, suffix);
	docs_url(r, out, len, rest);
}

static int load_values(struct req *r, struct comm_values *v)
{
	char today[11];

	kf_date_iso(kf_now(), today);
	return store_comm_values(r->db, r->arena, r->org.id, today, v) == KF_OK ? 0 : -1;
}

/* The list of unknown placeholders as "{a}, {b}". */
static const char *unknown_list(struct req *r, const struct comm_unknown *unk)
{
	struct strbuf sb;
	const char *s;

	sb_init(&sb, 4096);
	for (int i = 0; i < unk->n; i++)
		sb_addf(&sb, "%s%s", i ? ", " : "", unk->names[i]);
	s = arena_strdup(r->arena, sb.buf);
	sb_release(&sb);
	return s ? s : "";
}

/*
 * The filled text of t: subject and body in read-only fields, ready to copy
 * (works without JavaScript), and a warning naming unknown placeholders.
 * The values are plain text; they are escaped here, on output.
 */
static void filled_preview(struct req *r, const struct comm_template *t, const struct comm_values *v, const char *idp)
{
	struct comm_unknown unk = { 0 };
	struct strbuf *o = &r->out;
	const char *subject = comm_fill(r->arena, t->subject, v, &unk);
	const char *body = comm_fill(r->arena, t->body, v, &unk);
	char id[48];

	if (unk.n) {
		html_lit(o, "<p class=\"notice warn unknown\">");
		html_text_subst(o, _(r->lang, "Unknown placeholders stay as they are — please check the spelling: %s"),
				unknown_list(r, &unk));
		html_lit(o, "</p>");
	}
	if (*t->subject) {
		snprintf(id, sizeof(id), "%s-subject", idp);
		html_lit(o, "<div class=\"field\"><label");
		html_attr(o, "for", id);
		html_lit(o, ">");
		html_text(o, _(r->lang, "Subject, ready to copy"));
		html_lit(o, "</label><input type=\"text\" readonly class=\"copytext\"");
		html_attr(o, "id", id);
		html_attr(o, "value", subject ? subject : "");
		html_lit(o, "></div>");
	}
	snprintf(id, sizeof(id), "%s-body", idp);
	html_lit(o, "<div class=\"field\"><label");
	html_attr(o, "for", id);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Text, ready to copy"));
	html_lit(o, "</label><p class=\"hint\">");
	html_text(o, _(r->lang, "Click into the field, select everything (Ctrl+A) and copy it (Ctrl+C)."));
	html_lit(o, "</p><textarea readonly rows=\"12\" class=\"copytext\"");
	html_attr(o, "id", id);
	html_lit(o, ">");
	html_text(o, body ? body : "");
	html_lit(o, "</textarea></div>");
}

static void placeholder_help(struct req *r)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<details class=\"placeholders\"><summary>");
	html_text(o, _(r->lang, "Placeholders that are filled in from the plan"));
	html_lit(o, "</summary><dl><dt>{firma}</dt><dd>");
	html_text(o, _(r->lang, "the name of your company"));
	html_lit(o, "</dd><dt>{notfallleitung}</dt><dd>");
	html_text(o, _(r->lang, "the person of the role \"Notfallleitung\""));
	html_lit(o, "</dd><dt>{notfallleitung_telefon}</dt><dd>");
	html_text(o, _(r->lang, "their phone number (mobile first)"));
	html_lit(o, "</dd><dt>{datum}</dt><dd>");
	html_text(o, _(r->lang, "today's date"));
	html_lit(o, "</dd><dt>{treffpunkt}</dt><dd>");
	html_text(o, _(r->lang, "the crisis meeting place of the alarm plan"));
	html_lit(o, "</dd></dl></details>");
}

void web_comm_templates(struct req *r)
{
	struct strbuf *o = &r->out;
	struct comm_template *list;
	struct comm_values v;
	char href[96], idp[32];
	size_t n;

	if (store_comm_template_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK || load_values(r, &v) < 0) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	page_begin(r, N_("Templates for communication"), STEP_DOCUMENT,
		   N_("Prepared messages for the emergency, filled in with the names and numbers of your plan, ready to copy."));
	web_review_notice(r, CHAPTER_COMMUNICATION, "documents/templates"); /* review marks */
	if (kv_get(&r->query, "adopted"))
		page_notice(r, "ok", _(r->lang, "The templates were adopted. Read them through and adapt them to your company."));
	if (r->org.role >= MEMBER_EDITOR) {
		html_lit(o, "<div class=\"actions\">");
		docs_url(r, href, sizeof(href), "/templates/new");
		docs_button(r, href, N_("Add template"), n > 0);
		docs_url(r, href, sizeof(href), "/templates/starter");
		docs_button(r, href, N_("Adopt starter templates"), n == 0);
		html_lit(o, "</div>");
	}
	placeholder_help(r);
	if (n == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No templates yet. Adopt the five starter templates and adapt them."));
		html_lit(o, "</p>");
	}
	for (size_t i = 0; i < n; i++) {
		const struct comm_template *t = &list[i];

		snprintf(idp, sizeof(idp), "t-%lld", (long long)t->id);
		html_lit(o, "<article class=\"card template\"");
		html_attr(o, "id", idp);
		html_lit(o, "><h2>");
		html_text(o, t->title);
		html_lit(o, " <span class=\"badge\">");
		html_text(o, _(r->lang, comm_audience_label(t->audience)));
		html_lit(o, "</span></h2>");
		filled_preview(r, t, &v, idp);
		tpl_url(r, href, sizeof(href), t->id, "");
		html_lit(o, "<p><a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, r->org.role >= MEMBER_EDITOR ? _(r->lang, "Edit template") : _(r->lang, "Show template"));
		html_lit(o, "</a></p></article>");
	}
	docs_url(r, href, sizeof(href), "");
	html_lit(o, "<p><a");
	html_attr(o, "href", href);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Back to step 4"));
	html_lit(o, "</a></p>");
	page_end(r);
}

static const char *text_saved(const struct comm_template *saved, const char *mine, const char *theirs)
{
	return saved && strcmp(mine, theirs) != 0 ? theirs : NULL;
}

static void tpl_form(struct req *r, int status, const void *item, const struct field_errors *fe, const void *current)
{
	const struct comm_template *t = item, *saved = current;
	int is_new = t->id == 0, readonly = r->org.role < MEMBER_EDITOR;
	struct option auds[AUDIENCE__MAX + 1];
	struct strbuf *o = &r->out;
	char action[96], version[24], back[96];
	struct comm_values v;
	struct field f;

	if (load_values(r, &v) < 0) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	auds[0].value = "";
	auds[0].label = _(r->lang, "— please choose —");
	for (int i = 0; i < AUDIENCE__MAX; i++) {
		auds[i + 1].value = comm_audience_name((enum comm_audience)i);
		auds[i + 1].label = _(r->lang, comm_audience_label((enum comm_audience)i));
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New template") : readonly ? N_("Template") : N_("Edit template"), STEP_DOCUMENT,
		   N_("A prepared message for the emergency; placeholders in braces are filled in from the plan."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this template meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this template. Editing needs the editor role."));
	form_error_summary(r, fe);
	if (is_new)
		docs_url(r, action, sizeof(action), "/templates/new");
	else
		tpl_url(r, action, sizeof(action), t->id, "");
	form_begin(r, action, r->csrf);
	snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : t->version));
	if (!is_new)
		form_hidden(r, "version", version);
	f = (struct field){ .name = "audience", .label = N_("For whom?"), .value = comm_audience_name(t->audience),
			    .required = 1, .readonly = readonly, .error = fe_get(fe, "audience"),
			    .saved_value = saved ? comm_audience_name(saved->audience) : NULL };
	form_select(r, &f, auds, AUDIENCE__MAX + 1);
	f = (struct field){ .name = "title", .label = N_("Title"), .value = t->title, .required = 1, .readonly = readonly,
			    .hint = N_("How the team finds it, e.g. IT outage – please proceed like this."),
			    .error = fe_get(fe, "title"), .saved = text_saved(saved, t->title, saved ? saved->title : "") };
	form_input(r, &f);
	f = (struct field){ .name = "subject", .label = N_("Subject"), .value = t->subject, .readonly = readonly,
			    .error = fe_get(fe, "subject"),
			    .saved = text_saved(saved, t->subject, saved ? saved->subject : "") };
	form_input(r, &f);
	f = (struct field){ .name = "body", .label = N_("Text"), .value = t->body, .required = 1, .readonly = readonly,
			    .hint = N_("Placeholders: {firma}, {notfallleitung}, {notfallleitung_telefon}, {datum}, {treffpunkt}."),
			    .error = fe_get(fe, "body"), .saved = text_saved(saved, t->body, saved ? saved->body : "") };
	form_textarea(r, &f);
	docs_url(r, back, sizeof(back), "/templates");
	tpl_url(r, action, sizeof(action), t->id, "/delete");
	form_actions(r, readonly ? NULL : is_new ? N_("Add template") : N_("Save"), back, is_new || readonly ? NULL : action);
	form_end(r);
	if (!is_new && !saved && !fe) {
		html_lit(o, "<section class=\"card\" aria-labelledby=\"h-preview\"><h2 id=\"h-preview\">");
		html_text(o, _(r->lang, "Preview with the values of your plan"));
		html_lit(o, "</h2>");
		filled_preview(r, t, &v, "preview");
		html_lit(o, "</section>");
	}
	web_item_panel(r, "comm_template", t->id); /* comments: comments and history */
	page_end(r);
}

void web_comm_template_new(struct req *r)
{
	struct comm_template t;

	comm_template_init(&t);
	tpl_form(r, 200, &t, NULL, NULL);
}

static int read_form(struct req *r, void *item, struct field_errors *fe)
{
	struct comm_template *t = item;

	comm_template_from_form(t, &r->form, fe);
	comm_template_validate(t, r->arena, fe);
	return fe->n ? -1 : 0;
}

static void confirm_page(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct comm_template *t = item;
	char action[96], back[96];
	struct delete_confirmation dc = {
		.title = N_("Delete template"),
		.question = N_("Do you really want to delete the template \"%s\"?"),
		.name = t->title,
		.note = N_("The change history keeps a record of it."),
		.changed = changed ? N_("Someone else changed this template meanwhile. Please check it again.") : NULL,
		.action = action,
		.version = t->version,
		.back = back,
		.step = STEP_DOCUMENT,
	};

	(void)blockers;
	tpl_url(r, action, sizeof(action), t->id, "/delete");
	docs_url(r, back, sizeof(back), "/templates");
	page_confirm_delete(r, status, &dc);
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	docs_url(r, buf, len, item ? "" : "/templates");
	if (item)
		snprintf(buf + strlen(buf), len - strlen(buf), "/templates#t-%lld",
			 (long long)((const struct comm_template *)item)->id);
}

static const struct web_resource templates = {
	.item = &store_item_comm_template, .gone_msgid = MSG_GONE, .create_gone_msgid = MSG_GONE,
	.read_form = read_form, .form = tpl_form, .confirm = confirm_page, .back = back,
};

void web_comm_template_create(struct req *r) { web_res_create(r, &templates); }
void web_comm_template_edit(struct req *r) { web_res_edit(r, &templates); }
void web_comm_template_update(struct req *r) { web_res_update(r, &templates); }
void web_comm_template_confirm_delete(struct req *r) { web_res_confirm_delete(r, &templates); }
void web_comm_template_delete(struct req *r) { web_res_delete(r, &templates); }

/* ---- the starter templates */

static int has_title(const struct comm_template *list, size_t n, const char *title)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(list[i].title, title) == 0)
			return 1;
	return 0;
}

static void starter_page(struct req *r, int status, const struct field_errors *fe)
{
	struct strbuf *o = &r->out;
	struct comm_template *list;
	char action[96], back[96], id[64];
	size_t n;

	if (store_comm_template_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Starter templates for communication"), STEP_DOCUMENT,
		   N_("Five calm, factual messages, one for each audience. Choose what fits, adopt it in one go, then adapt it."));
	for (int i = 0; fe && i < fe->n; i++)
		page_notice(r, "error", _(r->lang, fe->e[i].msg));
	docs_url(r, action, sizeof(action), "/templates/starter");
	form_begin(r, action, r->csrf);
	html_lit(o, "<fieldset class=\"choices\"><legend>");
	html_text(o, _(r->lang, "Templates"));
	html_lit(o, "</legend>");
	for (size_t i = 0; i < comm_starters_count; i++) {
		const struct comm_starter *s = &comm_starters[i];
		int exists = has_title(list, n, s->title);

		snprintf(id, sizeof(id), "s-%s", s->key);
		html_lit(o, "<div class=\"field check choice\"><input type=\"checkbox\" name=\"template\"");
		html_attr(o, "id", id);
		html_attr(o, "value", s->key);
		if (exists)
			html_lit(o, " disabled");
		else
			html_lit(o, " checked");
		html_lit(o, "><label");
		html_attr(o, "for", id);
		html_lit(o, "><strong>");
		html_text(o, s->title);
		html_lit(o, "</strong> <span class=\"badge\">");
		html_text(o, _(r->lang, comm_audience_label(s->audience)));
		html_lit(o, "</span>");
		if (exists) {
			html_lit(o, " <span class=\"badge ok\">");
			html_text(o, _(r->lang, "already in your plan"));
			html_lit(o, "</span>");
		}
		html_lit(o, "<br><span class=\"detail\">");
		html_text(o, s->subject);
		html_lit(o, "</span></label></div>");
	}
	html_lit(o, "</fieldset>");
	docs_url(r, back, sizeof(back), "/templates");
	form_actions(r, N_("Adopt the selection"), back, NULL);
	form_end(r);
	page_end(r);
}

void web_comm_starter(struct req *r)
{
	starter_page(r, 200, NULL);
}

void web_comm_adopt(struct req *r)
{
	struct comm_adoption *ca = ARENA_NEW(r->arena, struct comm_adoption, 1);
	struct field_errors fe = { 0 };
	size_t created, skipped, nr = 0;
	char field[48], loc[96];

	if (!ca) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	ca->n = 0;
	for (size_t i = 0; i < r->form.n; i++) {
		const struct kv_pair *p = &r->form.items[i];

		if (strcmp(p->key, "template") != 0)
			continue;
		snprintf(field, sizeof(field), "templates[%zu]", nr++);
		comm_adoption_add(ca, p->val, field, &fe);
	}
	if (!fe.n && ca->n == 0)
		fe_add(&fe, "templates", N_("choose at least one template"));
	if (fe.n) {
		starter_page(r, 422, &fe);
		return;
	}
	if (store_comm_template_adopt(r->db, r->arena, r->org.id, r->user.id, ca->items, ca->n, &created, &skipped) !=
	    KF_OK) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	docs_url(r, loc, sizeof(loc), "");
	snprintf(loc + strlen(loc), sizeof(loc) - strlen(loc), "/templates?adopted=%zu", created);
	resp_redirect(r, loc);
}
