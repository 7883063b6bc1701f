/* page_templates.c: step 2's starter content: choose standard roles and authority contacts, adopt them at once. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../core/team_templates.h"
#include "../http/request.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "team_view.h"
#include "web.h"
#include "../lib/banned.h"

#define DEFAULT_REGION "BW"

static const char *chosen_region(struct req *r)
{
	const char *region = kv_get(&r->query, "region");

	return region && template_region_known(region) && strcmp(region, TEMPLATE_REGION_FEDERAL) != 0
		       ? region
		       : DEFAULT_REGION;
}

static int has_contact(const struct team_view *tv, const char *name)
{
	for (size_t i = 0; i < tv->ncontacts; i++)
		if (strcasecmp(tv->contacts[i].name, name) == 0)
			return 1;
	return 0;
}

static int has_role(const struct team_view *tv, const char *name)
{
	for (size_t i = 0; i < tv->nroles; i++)
		if (strcasecmp(tv->roles[i].name, name) == 0)
			return 1;
	return 0;
}

/* One checkbox row: checked when not there yet, disabled (with a note) when it is. */
static void choice(struct req *r, const char *input_name, const char *key, int exists, const char *title,
		   const char *detail1, const char *detail2)
{
	struct strbuf *o = &r->out;
	char id[64];

	snprintf(id, sizeof(id), "t-%s", key);
	html_lit(o, "<div class=\"field check choice\"><input type=\"checkbox\"");
	html_attr(o, "id", id);
	html_attr(o, "name", input_name);
	html_attr(o, "value", key);
	if (exists)
		html_lit(o, " disabled");
	else
		html_lit(o, " checked");
	html_lit(o, "><label");
	html_attr(o, "for", id);
	html_lit(o, "><strong>");
	html_text(o, title);
	html_lit(o, "</strong>");
	if (exists) {
		html_lit(o, " <span class=\"badge ok\">");
		html_text(o, _(r->lang, "already in your plan"));
		html_lit(o, "</span>");
	}
	if (detail1 && *detail1) {
		html_lit(o, "<br><span class=\"detail\">");
		html_text(o, detail1);
		html_lit(o, "</span>");
	}
	if (detail2 && *detail2) {
		html_lit(o, "<br><span class=\"detail\">");
		html_text_subst(o, _(r->lang, "Source: %s"), detail2);
		html_lit(o, "</span>");
	}
	html_lit(o, "</label></div>");
}

static void region_form(struct req *r, const char *region)
{
	struct strbuf *o = &r->out;
	char action[64];

	snprintf(action, sizeof(action), "/o/%lld/team/templates", (long long)r->org.id);
	html_lit(o, "<form method=\"get\" class=\"inline\"");
	html_attr(o, "action", action);
	html_lit(o, "><label for=\"f-region\">");
	html_text(o, _(r->lang, "Federal state of your company"));
	html_lit(o, "</label> <select id=\"f-region\" name=\"region\">");
	for (size_t i = 0; i < template_regions_count; i++) {
		html_lit(o, "<option");
		html_attr(o, "value", template_regions[i].code);
		if (strcmp(region, template_regions[i].code) == 0)
			html_lit(o, " selected");
		html_lit(o, ">");
		html_text(o, template_regions[i].name);
		html_lit(o, "</option>");
	}
	html_lit(o, "</select> <button type=\"submit\">");
	html_text(o, _(r->lang, "Show"));
	html_lit(o, "</button></form>");
}

static void templates_page(struct req *r, int status, const struct field_errors *fe)
{
	const char *region = chosen_region(r);
	struct strbuf *o = &r->out;
	char action[64], back[64], detail[256];
	struct team_view tv;

	if (team_view_load(r, &tv) < 0)
		return;
	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Starter content for the team"), STEP_TEAM,
		   N_("Standard emergency roles and the contacts of authorities and helplines you may need. Choose what fits, adopt it in one go, then adapt it."));
	/* only a tampered form or an empty choice gets here: say what was wrong */
	for (int i = 0; fe && i < fe->n; i++)
		page_notice(r, "error", _(r->lang, fe->e[i].msg));
	region_form(r, region);
	snprintf(action, sizeof(action), "/o/%lld/team/templates?region=%s", (long long)r->org.id, region);
	form_begin(r, action, r->csrf);
	html_lit(o, "<fieldset class=\"choices\"><legend>");
	html_text(o, _(r->lang, "Emergency roles"));
	html_lit(o, "</legend><p class=\"hint\">");
	html_text(o, _(r->lang, "After adopting, assign a responsible person and a deputy to each role."));
	html_lit(o, "</p>");
	for (size_t i = 0; i < role_templates_count; i++)
		choice(r, "role", role_templates[i].key, has_role(&tv, role_templates[i].name), role_templates[i].name,
		       role_templates[i].duties, NULL);
	html_lit(o, "</fieldset><fieldset class=\"choices\"><legend>");
	html_text(o, _(r->lang, "Authorities and helplines"));
	html_lit(o, "</legend><p class=\"hint\">");
	html_text(o, _(r->lang, "Numbers of authorities change. Each entry names its source; please check the numbers once and enter the date."));
	html_lit(o, "</p>");
	for (size_t i = 0; i < contact_templates_count; i++) {
		const struct contact_template *t = &contact_templates[i];

		if (strcmp(t->region, TEMPLATE_REGION_FEDERAL) != 0 && strcmp(t->region, region) != 0)
			continue;
		snprintf(detail, sizeof(detail), "%s · %s%s%s", t->function, t->phone, *t->email ? " · " : "", t->email);
		choice(r, "contact", t->key, has_contact(&tv, t->name), t->name, detail, t->source);
	}
	html_lit(o, "</fieldset>");
	team_view_url(r, back, sizeof(back));
	form_actions(r, N_("Adopt the selection"), back, NULL);
	form_end(r);
	page_end(r);
}

void web_team_templates(struct req *r)
{
	templates_page(r, 200, NULL);
}

void web_team_adopt(struct req *r)
{
	struct team_adoption ta = { .ncontacts = 0 };
	struct field_errors fe = { 0 };
	size_t created, skipped, nc = 0, nr = 0;
	char field[48], loc[96];

	for (size_t i = 0; i < r->form.n; i++) {
		const struct kv_pair *p = &r->form.items[i];

		if (strcmp(p->key, "contact") == 0) {
			snprintf(field, sizeof(field), "contacts[%zu]", nc++);
			team_adoption_add_contact(&ta, r->arena, p->val, field, &fe);
		} else if (strcmp(p->key, "role") == 0) {
			snprintf(field, sizeof(field), "roles[%zu]", nr++);
			team_adoption_add_role(&ta, p->val, field, &fe);
		}
	}
	if (!fe.n && ta.ncontacts + ta.nroles == 0)
		fe_add(&fe, "roles", N_("choose at least one template"));
	if (fe.n) {
		templates_page(r, 422, &fe);
		return;
	}
	if (store_team_adopt(r->db, r->arena, r->org.id, r->user.id, ta.contacts, ta.ncontacts, ta.roles, ta.nroles,
			     &created, &skipped) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	snprintf(loc, sizeof(loc), "/o/%lld/team?adopted=%zu", (long long)r->org.id, created);
	resp_redirect(r, loc);
}
