/* page_risk_templates.c: step 1's starter catalogue: choose typical scenarios and adopt them at once. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../core/risk_templates.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

static int has_risk(const struct risk *list, size_t n, const char *title)
{
	for (size_t i = 0; i < n; i++)
		if (strcasecmp(list[i].title, title) == 0)
			return 1;
	return 0;
}

/* One scenario: checked when not there yet, disabled (with a note) when it is. */
static void choice(struct req *r, const struct risk_template *t, int exists)
{
	struct strbuf *o = &r->out;
	int score = t->likelihood * t->impact;
	char id[64];

	snprintf(id, sizeof(id), "t-%s", t->key);
	html_lit(o, "<div class=\"field check choice\"><input type=\"checkbox\" name=\"risk\"");
	html_attr(o, "id", id);
	html_attr(o, "value", t->key);
	if (exists)
		html_lit(o, " disabled");
	else
		html_lit(o, " checked");
	html_lit(o, "><label");
	html_attr(o, "for", id);
	html_lit(o, "><strong>");
	html_text(o, t->title);
	html_lit(o, "</strong>");
	if (exists) {
		html_lit(o, " <span class=\"badge ok\">");
		html_text(o, _(r->lang, "already in your plan"));
		html_lit(o, "</span>");
	}
	html_lit(o, "<br><span class=\"detail\">");
	html_text(o, _(r->lang, risk_category_label(t->category)));
	html_lit(o, " · ");
	html_textf(o, _(r->lang, "suggested: likelihood %d, impact %d"), t->likelihood, t->impact);
	html_lit(o, " · ");
	html_textf(o, "%d ", score);
	html_text(o, _(r->lang, risk_level_label(risk_level_of_score(score))));
	html_lit(o, "</span><br><span class=\"detail\">");
	html_text(o, t->description);
	html_lit(o, "</span></label></div>");
}

static void templates_page(struct req *r, int status, const struct field_errors *fe)
{
	struct strbuf *o = &r->out;
	char action[64], back[64];
	struct risk *list;
	size_t n;

	if (store_risk_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Typical risks of small companies"), STEP_RISKS,
		   N_("Fourteen scenarios that hit small companies most often, each with first steps for the emergency. Choose what fits, adopt it in one go, then adapt it."));
	/* only a tampered form or an empty choice gets here: say what was wrong */
	for (int i = 0; fe && i < fe->n; i++)
		page_notice(r, "error", _(r->lang, fe->e[i].msg));
	snprintf(action, sizeof(action), "/o/%lld/risks/templates", (long long)r->org.id);
	form_begin(r, action, r->csrf);
	html_lit(o, "<fieldset class=\"choices\"><legend>");
	html_text(o, _(r->lang, "Scenarios"));
	html_lit(o, "</legend><p class=\"hint\">");
	html_text(o, _(r->lang, "The ratings are suggestions for a typical small company. After adopting, adjust them and name an owner for each risk."));
	html_lit(o, "</p>");
	for (size_t i = 0; i < risk_templates_count; i++)
		choice(r, &risk_templates[i], has_risk(list, n, risk_templates[i].title));
	html_lit(o, "</fieldset>");
	snprintf(back, sizeof(back), "/o/%lld/risks", (long long)r->org.id);
	form_actions(r, N_("Adopt the selection"), back, NULL);
	form_end(r);
	page_end(r);
}

void web_risk_templates(struct req *r)
{
	templates_page(r, 200, NULL);
}

void web_risk_adopt(struct req *r)
{
	struct risk_adoption *ra = ARENA_NEW(r->arena, struct risk_adoption, 1);
	struct field_errors fe = { 0 };
	size_t created, skipped, nr = 0;
	char field[48], loc[96];

	if (!ra) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	ra->n = 0;
	for (size_t i = 0; i < r->form.n; i++) {
		const struct kv_pair *p = &r->form.items[i];

		if (strcmp(p->key, "risk") != 0)
			continue;
		snprintf(field, sizeof(field), "risks[%zu]", nr++);
		risk_adoption_add(ra, p->val, field, &fe);
	}
	if (!fe.n && ra->n == 0)
		fe_add(&fe, "risks", N_("choose at least one template"));
	if (fe.n) {
		templates_page(r, 422, &fe);
		return;
	}
	if (store_risk_adopt(r->db, r->arena, r->org.id, r->user.id, ra->risks, ra->n, &created, &skipped) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	snprintf(loc, sizeof(loc), "/o/%lld/risks?adopted=%zu", (long long)r->org.id, created);
	resp_redirect(r, loc);
}
