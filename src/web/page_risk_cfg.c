/* page_risk_cfg.c: step 1, the risk scale of the organisation (with a confirmation before rescaling) and own categories. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

#define MSG_DB_READ N_("The database could not be read. Please try again.")
#define MSG_NO_CATEGORY N_("This category does not exist (any more).")

static const char *url(struct req *r, const char *tail)
{
	return arena_printf(r->arena, "/o/%lld/risks%s", (long long)r->org.id, tail);
}

/* "1 selten, 2 mittel, ..." of one axis of a scale. */
static void axis_text(struct req *r, enum risk_scale_kind s, const char *(*label)(enum risk_scale_kind, int))
{
	for (int v = 1; v <= risk_scale_size(s); v++) {
		html_textf(&r->out, "%s%d ", v > 1 ? ", " : "", v);
		html_text(&r->out, _(r->lang, label(s, v)));
	}
}

/* ---------------------------------------------------------------- scale */

/*
 * The scale form; saved is what someone else stored meanwhile (stale edit) or
 * NULL: then a differing scale shows the saved one with the choice.
 */
static void settings_form(struct req *r, int status, const struct risk_settings *s, const struct field_errors *fe,
			  const struct risk_settings *saved)
{
	int differs = saved && saved->scale != s->scale;
	int readonly = r->org.role < MEMBER_EDITOR;
	struct strbuf *o = &r->out;
	char version[24];

	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Risk scale"), STEP_RISKS,
		   N_("How finely you rate likelihood and impact: five steps each, or four steps as in BSI standard 200-3."));
	if (saved)
		page_conflict_notice(r, NULL);
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read the risk scale. Changing it needs the editor role."));
	form_error_summary(r, fe);
	form_begin(r, url(r, "/settings"), r->csrf);
	snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : s->version));
	form_hidden(r, "version", version);
	html_lit(o, "<fieldset id=\"scale\"");
	if (fe_get(fe, "scale"))
		html_lit(o, " class=\"invalid\" aria-describedby=\"err-scale\"");
	else if (differs)
		form_saved_ref(r, "scale");
	html_lit(o, "><legend>");
	html_text(o, _(r->lang, "Scale"));
	html_lit(o, "</legend>");
	if (fe_get(fe, "scale")) {
		html_lit(o, "<p class=\"error\" id=\"err-scale\">");
		html_text(o, _(r->lang, fe_get(fe, "scale")));
		html_lit(o, "</p>");
	}
	for (int i = 0; i < RISK_SCALE__MAX; i++) {
		enum risk_scale_kind k = (enum risk_scale_kind)i;
		char id[16];

		snprintf(id, sizeof(id), "scale-%d", i);
		html_lit(o, "<div class=\"field check\"><input type=\"radio\" name=\"scale\"");
		html_attr(o, "id", id);
		html_attr(o, "value", risk_scale_name(k));
		if (s->scale == k)
			html_lit(o, " checked");
		if (readonly)
			html_lit(o, " disabled");
		html_lit(o, "><label");
		html_attr(o, "for", id);
		html_lit(o, "><strong>");
		html_text(o, _(r->lang, risk_scale_label(k)));
		html_lit(o, "</strong><br><span class=\"hint\">");
		html_text(o, _(r->lang, "Likelihood:"));
		html_lit(o, " ");
		axis_text(r, k, risk_scale_likelihood_label);
		html_lit(o, "<br>");
		html_text(o, _(r->lang, "Impact:"));
		html_lit(o, " ");
		axis_text(r, k, risk_scale_impact_label);
		html_lit(o, "<br>");
		html_text(o, k == RISK_SCALE_5X5
				     ? _(r->lang, "Levels by score (likelihood × impact): low 1–4, medium 5–9, high 10–16, critical 20–25.")
				     : _(r->lang, "Levels by score (likelihood × impact): low 1–3, medium 4–6, high 8–9, critical 12–16."));
		html_lit(o, "</span></label></div>");
	}
	if (differs)
		form_saved_field(r, "scale", _(r->lang, risk_scale_label(saved->scale)), risk_scale_name(saved->scale));
	html_lit(o, "</fieldset><p class=\"hint\">");
	html_text(o, _(r->lang, "If risks exist already, you see before saving how their values will be mapped to the new scale."));
	html_lit(o, "</p>");
	form_actions(r, readonly ? NULL : N_("Save"), url(r, ""), NULL);
	form_end(r);
	page_end(r);
}

void web_risk_settings(struct req *r)
{
	struct risk_settings s;

	if (store_risk_settings_get(r->db, r->org.id, &s) != KF_OK) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	settings_form(r, 200, &s, NULL, NULL);
}

/* One row of the mapping table: old value and label → new value and label. */
static void map_row(struct req *r, enum risk_scale_kind from, enum risk_scale_kind to, int v,
		    const char *(*label)(enum risk_scale_kind, int))
{
	int nv = risk_scale_map(from, to, v);

	html_lit(&r->out, "<tr><td>");
	html_textf(&r->out, "%d ", v);
	html_text(&r->out, _(r->lang, label(from, v)));
	html_lit(&r->out, "</td><td>→ ");
	html_textf(&r->out, "%d ", nv);
	html_text(&r->out, _(r->lang, label(to, nv)));
	html_lit(&r->out, "</td></tr>");
}

static void map_table(struct req *r, enum risk_scale_kind from, enum risk_scale_kind to, const char *caption,
		      const char *(*label)(enum risk_scale_kind, int))
{
	struct strbuf *o = &r->out;

	html_lit(o, "<div class=\"table-wrap\"><table class=\"rescale-map\"><caption>");
	html_text(o, _(r->lang, caption));
	html_lit(o, "</caption><thead><tr><th scope=\"col\">");
	html_text(o, _(r->lang, "Now"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Afterwards"));
	html_lit(o, "</th></tr></thead><tbody>");
	for (int v = 1; v <= risk_scale_size(from); v++)
		map_row(r, from, to, v, label);
	html_lit(o, "</tbody></table></div>");
}

/* Asks before rescaling: the mapping of both axes and every risk with its values now and afterwards. */
static void confirm_rescale(struct req *r, const struct risk_settings *now, enum risk_scale_kind to)
{
	struct strbuf *o = &r->out;
	struct risk *list;
	char version[24];
	size_t n;

	if (store_risk_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	r->status = 200;
	sb_reset(o);
	page_begin(r, N_("Change the risk scale?"), STEP_RISKS,
		   N_("Your risks were rated on the current scale. Their likelihood and impact will be mapped to the new scale as shown below."));
	html_lit(o, "<p>");
	html_text_subst(o, _(r->lang, "From: %s"), _(r->lang, risk_scale_label(now->scale)));
	html_lit(o, "<br>");
	html_text_subst(o, _(r->lang, "To: %s"), _(r->lang, risk_scale_label(to)));
	html_lit(o, "</p><div class=\"rescale-maps\">");
	map_table(r, now->scale, to, N_("Likelihood"), risk_scale_likelihood_label);
	map_table(r, now->scale, to, N_("Impact"), risk_scale_impact_label);
	html_lit(o, "</div><h2>");
	html_text(o, _(r->lang, "Your risks afterwards"));
	html_lit(o, "</h2><div class=\"table-wrap\"><table class=\"risks\"><thead><tr><th scope=\"col\">");
	html_text(o, _(r->lang, "Risk"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Likelihood"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Impact"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Level"));
	html_lit(o, "</th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		struct risk after = list[i];

		risk_rescale(&after, to);
		html_lit(o, "<tr><th scope=\"row\">");
		html_text(o, list[i].title);
		html_lit(o, "</th><td>");
		html_textf(o, "%d → %d", list[i].likelihood, after.likelihood);
		html_lit(o, "</td><td>");
		html_textf(o, "%d → %d", list[i].impact, after.impact);
		html_lit(o, "</td><td>");
		html_text(o, _(r->lang, risk_level_label(risk_level_of(&list[i]))));
		html_lit(o, " → ");
		html_text(o, _(r->lang, risk_level_label(risk_level_of(&after))));
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div><p class=\"hint\">");
	html_text(o, _(r->lang, "The change history keeps the old values of every risk."));
	html_lit(o, "</p>");
	form_begin(r, url(r, "/settings"), r->csrf);
	snprintf(version, sizeof(version), "%lld", (long long)now->version);
	form_hidden(r, "version", version);
	form_hidden(r, "scale", risk_scale_name(to));
	form_hidden(r, "confirm_rescale", "1");
	form_actions(r, N_("Change scale and map the risks"), url(r, "/settings"), NULL);
	form_end(r);
	page_end(r);
}

void web_risk_settings_update(struct req *r)
{
	struct field_errors fe = { 0 };
	struct risk_settings s, current;
	const char *confirm = kv_get(&r->form, "confirm_rescale");
	long long version;
	size_t rescaled;
	enum kf_err err;

	version = page_form_version(r, 0);
	if (version < 0)
		return;
	if (store_risk_settings_get(r->db, r->org.id, &s) != KF_OK) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	current = s;
	risk_settings_from_form(&s, &r->form, &fe);
	if (fe.n) {
		settings_form(r, 422, &s, &fe, NULL);
		return;
	}
	err = store_risk_settings_put(r->db, r->arena, r->org.id, r->user.id, version, &s,
				      confirm && strcmp(confirm, "1") == 0, &current, &rescaled, &fe);
	if (err == KF_ECONFLICT) {
		settings_form(r, 409, &s, NULL, &current);
		return;
	}
	if (err == KF_EINVAL && fe_get(&fe, "confirm_rescale")) {
		confirm_rescale(r, &current, s.scale);
		return;
	}
	if (err) {
		web_store_error(r, err, MSG_DB_READ, 1);
		return;
	}
	resp_redirect(r, url(r, "?scale=saved"));
}

/* ---------------------------------------------------------------- own categories */

static void category_fields(struct req *r, const struct risk_owncat *k, const struct field_errors *fe, int readonly,
			    const struct risk_owncat *saved)
{
	struct field f;

	f = (struct field){ .name = "name", .label = N_("Name"), .value = k->name, .required = 1, .readonly = readonly,
			    .hint = N_("For example: supply chain, quality, data protection."), .error = fe_get(fe, "name"),
			    .saved_value = saved ? saved->name : NULL };
	form_input(r, &f);
	f = (struct field){ .name = "description", .label = N_("Description"), .value = k->description,
			    .readonly = readonly, .error = fe_get(fe, "description"),
			    .saved_value = saved ? saved->description : NULL };
	form_textarea(r, &f);
}

static void categories_page(struct req *r, int status, const struct risk_owncat *draft, const struct field_errors *fe)
{
	int readonly = r->org.role < MEMBER_EDITOR;
	struct strbuf *o = &r->out;
	struct risk_owncat *list;
	size_t n;

	if (store_risk_owncat_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Risk categories"), STEP_RISKS,
		   N_("Besides the six built-in categories you can sort your risks into categories of your own."));
	html_lit(o, "<h2>");
	html_text(o, _(r->lang, "Built-in categories"));
	html_lit(o, "</h2><ul class=\"plain\">");
	for (int i = 0; i < RISK_CAT__MAX; i++) {
		html_lit(o, "<li>");
		html_text(o, _(r->lang, risk_category_label((enum risk_category)i)));
		html_lit(o, "</li>");
	}
	html_lit(o, "</ul><h2>");
	html_text(o, _(r->lang, "Own categories"));
	html_lit(o, "</h2>");
	if (n == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No own categories yet."));
		html_lit(o, "</p>");
	} else {
		html_lit(o, "<ul class=\"plain owncats\">");
		for (size_t i = 0; i < n; i++) {
			html_lit(o, "<li><a");
			html_attr(o, "href", url(r, arena_printf(r->arena, "/categories/%lld", (long long)list[i].id)));
			html_lit(o, ">");
			html_text(o, list[i].name);
			html_lit(o, "</a>");
			if (*list[i].description) {
				html_lit(o, " <span class=\"hint\">");
				html_text(o, list[i].description);
				html_lit(o, "</span>");
			}
			html_lit(o, "</li>");
		}
		html_lit(o, "</ul>");
	}
	if (!readonly) {
		html_lit(o, "<h2>");
		html_text(o, _(r->lang, "Add an own category"));
		html_lit(o, "</h2>");
		form_error_summary(r, fe);
		form_begin(r, url(r, "/categories"), r->csrf);
		category_fields(r, draft, fe, 0, NULL);
		form_actions(r, N_("Add category"), url(r, ""), NULL);
		form_end(r);
	} else {
		html_lit(o, "<div class=\"actions\">");
		page_link(r, url(r, ""), _(r->lang, "Back"), "button");
		html_lit(o, "</div>");
	}
	page_end(r);
}

void web_risk_categories(struct req *r)
{
	struct risk_owncat k;

	risk_owncat_init(&k);
	categories_page(r, 200, &k, NULL);
}

void web_risk_category_create(struct req *r)
{
	struct field_errors fe = { 0 };
	struct risk_owncat k;
	enum kf_err err;

	risk_owncat_init(&k);
	risk_owncat_from_form(&k, &r->form);
	risk_owncat_validate(&k, r->arena, &fe);
	if (fe.n) {
		categories_page(r, 422, &k, &fe);
		return;
	}
	err = store_risk_owncat_create(r->db, r->arena, r->org.id, r->user.id, &k, &fe);
	if (err == KF_EINVAL) {
		categories_page(r, 422, &k, &fe);
		return;
	}
	if (err) {
		web_store_error(r, err, MSG_NO_CATEGORY, 1);
		return;
	}
	resp_redirect(r, url(r, "/categories"));
}

static void category_form(struct req *r, int status, const struct risk_owncat *k, const struct field_errors *fe,
			  const struct risk_owncat *saved)
{
	int readonly = r->org.role < MEMBER_EDITOR;
	char version[24];

	r->status = status;
	sb_reset(&r->out);
	page_begin(r, readonly ? N_("Risk category") : N_("Edit risk category"), STEP_RISKS,
		   N_("An own category of your organisation for sorting risks."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this category meanwhile."));
	form_error_summary(r, fe);
	form_begin(r, url(r, arena_printf(r->arena, "/categories/%lld", (long long)k->id)), r->csrf);
	snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : k->version));
	form_hidden(r, "version", version);
	category_fields(r, k, fe, readonly, saved);
	form_actions(r, readonly ? NULL : N_("Save"), url(r, "/categories"),
		     readonly ? NULL : url(r, arena_printf(r->arena, "/categories/%lld/delete", (long long)k->id)));
	form_end(r);
	web_item_panel(r, "risk_category", k->id); /* comments: comments and history */
	page_end(r);
}

void web_risk_category_edit(struct req *r)
{
	struct risk_owncat k;
	enum kf_err err;

	err = store_risk_owncat_get(r->db, r->arena, r->org.id, r->id, &k);
	if (err) {
		web_store_error(r, err, MSG_NO_CATEGORY, 0);
		return;
	}
	category_form(r, 200, &k, NULL, NULL);
}

void web_risk_category_update(struct req *r)
{
	struct field_errors fe = { 0 };
	struct risk_owncat k, current;
	long long version;
	enum kf_err err;

	if ((version = page_form_version(r, 1)) < 0)
		return;
	risk_owncat_init(&k);
	k.id = r->id;
	k.version = version;
	risk_owncat_from_form(&k, &r->form);
	risk_owncat_validate(&k, r->arena, &fe);
	if (fe.n) {
		category_form(r, 422, &k, &fe, NULL);
		return;
	}
	err = store_risk_owncat_update(r->db, r->arena, r->org.id, r->user.id, version, &k, &current, &fe);
	if (err == KF_ECONFLICT) {
		category_form(r, 409, &k, NULL, &current);
		return;
	}
	if (err == KF_EINVAL) {
		category_form(r, 422, &k, &fe, NULL);
		return;
	}
	if (err) {
		web_store_error(r, err, MSG_NO_CATEGORY, 1);
		return;
	}
	resp_redirect(r, url(r, "/categories"));
}

static void category_confirm(struct req *r, int status, const struct risk_owncat *k, int changed, const char *used_by)
{
	struct delete_confirmation dc = {
		.title = N_("Delete risk category"),
		.question = N_("Do you really want to delete the category \"%s\"?"),
		.name = k->name,
		.note = N_("The change history keeps a record of it."),
		.changed = changed ? N_("Someone else changed this category meanwhile. Please check it again.") : NULL,
		.blocked = used_by ? N_("It cannot be deleted yet, because these risks use it: %s. Give them another category first.") : NULL,
		.blocked_by = used_by,
		.action = url(r, arena_printf(r->arena, "/categories/%lld/delete", (long long)k->id)),
		.version = k->version,
		.back = url(r, "/categories"),
		.step = STEP_RISKS,
	};

	page_confirm_delete(r, status, &dc);
}

void web_risk_category_confirm_delete(struct req *r)
{
	const char *used_by = NULL;
	struct risk_owncat k;

	if (store_risk_owncat_get(r->db, r->arena, r->org.id, r->id, &k) != KF_OK) {
		web_error_page(r, 404, MSG_NO_CATEGORY);
		return;
	}
	if (store_risk_owncat_used_by(r->db, r->arena, r->org.id, k.id, &used_by) != KF_OK) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	category_confirm(r, 200, &k, 0, used_by);
}

void web_risk_category_delete(struct req *r)
{
	const char *used_by = NULL;
	struct risk_owncat current;
	long long version;
	enum kf_err err;

	if ((version = page_form_version(r, 1)) < 0)
		return;
	err = store_risk_owncat_delete(r->db, r->arena, r->org.id, r->user.id, r->id, version, &current, &used_by);
	if (err == KF_ECONFLICT || err == KF_EINUSE) {
		category_confirm(r, 409, &current, err == KF_ECONFLICT, used_by);
		return;
	}
	if (err) {
		web_store_error(r, err, MSG_NO_CATEGORY, 1);
		return;
	}
	resp_redirect(r, url(r, "/categories"));
}
