/* page_exercises.c: step 5: the plan review, the list of exercises, an exercise with its findings, and its forms. */
#include <stdio.h>
#include <string.h>

#include "../core/plan_check.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "exercise_view.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "web_resource.h"
#include "../lib/banned.h"

#define MSG_GONE N_("This exercise does not exist (any more).")

#define PURPOSE_OVERVIEW                                                                                              \
	N_("Exercises show whether the plan works in practice; their findings say what to improve, and a regular "   \
	   "review keeps the plan up to date.")

void exercise_view_url(struct req *r, int64_t exercise_id, char *out, size_t len)
{
	if (exercise_id)
		snprintf(out, len, "/o/%lld/exercises/%lld", (long long)r->org.id, (long long)exercise_id);
	else
		snprintf(out, len, "/o/%lld/exercises", (long long)r->org.id);
}

const char *exercise_view_contact_name(const struct contact *list, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			return list[i].name;
	return NULL;
}

const char *exercise_view_id_text(struct req *r, int64_t id)
{
	return id ? arena_printf(r->arena, "%lld", (long long)id) : "";
}

void exercise_view_badge(struct req *r, const char *css_class, const char *msgid)
{
	html_lit(&r->out, "<span");
	html_attr(&r->out, "class", css_class);
	html_lit(&r->out, ">");
	html_text(&r->out, _(r->lang, msgid));
	html_lit(&r->out, "</span>");
}

static void status_badge(struct req *r, const struct exercise *e)
{
	static const char *const classes[EXERCISE_STATUS__MAX] = { "badge", "badge ok", "badge later" };

	exercise_view_badge(r, classes[e->status], exercise_status_label(e->status));
}

/* ---------------------------------------------------------------- the review cycle */

static const char *const review_states[] = { "none", "ok", "overdue" };

/* "Letzte Überprüfung des Plans: … · nächste fällig: …" with a badge for the state. */
static void review_status_line(struct req *r, const struct plan_review *p, const char *today)
{
	struct strbuf *o = &r->out, date;
	enum review_state st;
	char next[11];

	st = review_next(p, today, next);
	html_lit(o, "<p class=\"review-status\" id=\"review-status\"");
	html_attr(o, "data-state", review_states[st]);
	html_lit(o, ">");
	if (st == REVIEW_NONE) {
		html_text(o, _(r->lang, "The plan has not been reviewed yet."));
		html_lit(o, " ");
		exercise_view_badge(r, "badge gap", N_("no review yet"));
		html_lit(o, "</p>");
		return;
	}
	sb_init(&date, 64);
	html_date(&date, p->last_review_date, r->lang == KF_LANG_DE);
	/* html_date escapes; the date is plain digits and dots, safe to substitute as text */
	html_text_subst(o, _(r->lang, "Last review of the plan: %s"), date.buf);
	html_lit(o, " · ");
	sb_reset(&date);
	html_date(&date, next, r->lang == KF_LANG_DE);
	html_text_subst(o, _(r->lang, "next due: %s"), date.buf);
	sb_release(&date);
	html_lit(o, " ");
	if (st == REVIEW_OVERDUE)
		exercise_view_badge(r, "badge gap", N_("overdue"));
	else
		exercise_view_badge(r, "badge ok", N_("up to date"));
	html_lit(o, "</p>");
}

static void review_form(struct req *r, const struct plan_review *p, const struct field_errors *fe,
			const struct plan_review *saved, const struct contact *contacts, size_t ncontacts,
			const char *today)
{
	struct strbuf *o = &r->out;
	char action[80], version[24];
	struct option *people;
	struct field f;

	people = ARENA_NEW(r->arena, struct option, ncontacts + 1);
	if (!people)
		return;
	people[0].value = "";
	people[0].label = _(r->lang, "— nobody —");
	for (size_t i = 0; i < ncontacts; i++) {
		people[i + 1].value = exercise_view_id_text(r, contacts[i].id);
		people[i + 1].label = contacts[i].name;
	}
	html_lit(o, "<details class=\"review-form\"");
	if ((fe && fe->n) || saved)
		html_lit(o, " open");
	html_lit(o, "><summary>");
	html_text(o, _(r->lang, "Record a review"));
	html_lit(o, "</summary>");
	if (saved)
		page_conflict_notice(r, N_("Someone else recorded a review meanwhile."));
	form_error_summary(r, fe);
	snprintf(action, sizeof(action), "/o/%lld/exercises/review", (long long)r->org.id);
	form_begin(r, action, r->csrf);
	snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : p->version));
	form_hidden(r, "version", version);
	f = (struct field){ .name = "last_review_date", .label = N_("Reviewed on"), .type = "date", .required = 1,
			    .value = fe || saved ? p->last_review_date : today,
			    .hint = N_("The day the team went through the whole plan and brought it up to date."),
			    .error = fe_get(fe, "last_review_date"),
			    .saved = saved && strcmp(saved->last_review_date, p->last_review_date) ? saved->last_review_date
												    : NULL };
	form_input(r, &f);
	f = (struct field){ .name = "review_interval_months", .label = N_("Review again after how many months"),
			    .type = "number", .value = arena_printf(r->arena, "%d", p->review_interval_months),
			    .hint = N_("1 to 36. At least once a year (12) is recommended, and after big changes to the IT."),
			    .error = fe_get(fe, "review_interval_months"),
			    .saved_value = saved ? arena_printf(r->arena, "%d", saved->review_interval_months) : NULL };
	form_input(r, &f);
	f = (struct field){ .name = "reviewer_contact_id", .label = N_("Reviewed by"),
			    .value = exercise_view_id_text(r, p->reviewer_contact_id),
			    .error = fe_get(fe, "reviewer_contact_id") };
	if (saved)
		f.saved_value = exercise_view_id_text(r, saved->reviewer_contact_id);
	form_select(r, &f, people, (int)ncontacts + 1);
	f = (struct field){ .name = "notes", .label = N_("Notes"), .value = p->notes,
			    .hint = N_("What was changed, and what is still to do."), .error = fe_get(fe, "notes"),
			    .saved = saved && strcmp(saved->notes, p->notes) ? saved->notes : NULL };
	form_textarea(r, &f);
	html_lit(o, "<div class=\"actions\">");
	form_submit(r, N_("Save review"), NULL);
	html_lit(o, "</div>");
	form_end(r);
	html_lit(o, "</details>");
}

/* ---------------------------------------------------------------- the overview of step 5 */

static void cell(struct req *r, const char *column_msgid)
{
	html_lit(&r->out, "<td");
	html_attr(&r->out, "data-label", _(r->lang, column_msgid));
	html_lit(&r->out, ">");
}

static void exercises_table(struct req *r, const struct exercise *list, size_t n)
{
	static const char *const columns[] = { N_("Exercise"), N_("Type"), N_("Date"), N_("Status"),
					       N_("Open findings") };
	struct strbuf *o = &r->out;
	char href[80];

	html_lit(o, "<div class=\"table-wrap\"><table class=\"exercises\"><thead><tr>");
	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		html_lit(o, "<th scope=\"col\">");
		html_text(o, _(r->lang, columns[c]));
		html_lit(o, "</th>");
	}
	html_lit(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct exercise *e = &list[i];

		exercise_view_url(r, e->id, href, sizeof(href));
		html_lit(o, "<tr><th scope=\"row\"><a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, e->title);
		html_lit(o, "</a></th>");
		cell(r, N_("Type"));
		html_text(o, _(r->lang, exercise_type_label(e->type)));
		html_lit(o, "</td>");
		cell(r, N_("Date"));
		html_date(o, e->date, r->lang == KF_LANG_DE);
		html_lit(o, "</td>");
		cell(r, N_("Status"));
		status_badge(r, e);
		html_lit(o, "</td>");
		cell(r, N_("Open findings"));
		if (e->open_findings) {
			html_lit(o, "<span class=\"badge gap\">");
			html_textf(o, "%d", e->open_findings);
			html_lit(o, "</span>");
		} else {
			html_lit(o, "0");
		}
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
}

/* The overview; review_input/fe/saved are set when a review form came back with mistakes or a conflict. */
static void exercises_page(struct req *r, int status, const struct plan_review *review_input,
			   const struct field_errors *fe, const struct plan_review *saved)
{
	struct strbuf *o = &r->out;
	struct plan_review stored;
	struct exercise *list;
	struct contact *contacts;
	size_t n, ncontacts;
	char href[64], today[11];

	kf_date_iso(kf_now(), today);
	if (store_exercise_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK ||
	    store_review_get(r->db, r->arena, r->org.id, &stored) != KF_OK ||
	    store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Practise, test, update"), STEP_EXERCISE, PURPOSE_OVERVIEW);
	if (kv_get(&r->query, "reviewed"))
		page_notice(r, "ok", _(r->lang, "The review was recorded."));

	html_lit(o, "<section aria-labelledby=\"h-review\" class=\"review\"><h2 id=\"h-review\">");
	html_text(o, _(r->lang, "Review of the plan"));
	html_lit(o, "</h2>");
	review_status_line(r, saved ? saved : &stored, today);
	if (stored.reviewer_contact_id && !saved) {
		const char *who = exercise_view_contact_name(contacts, ncontacts, stored.reviewer_contact_id);

		if (who) {
			html_lit(o, "<p class=\"hint\">");
			html_text_subst(o, _(r->lang, "Reviewed by %s."), who);
			html_lit(o, "</p>");
		}
	}
	if (r->org.role >= MEMBER_EDITOR)
		review_form(r, review_input ? review_input : &stored, fe, saved, contacts, ncontacts, today);
	web_review_marks_section(r); /* review marks */
	html_lit(o, "</section>");

	snprintf(href, sizeof(href), "/o/%lld/exercises/new", (long long)r->org.id);
	page_section_head(r, "h-exercises", N_("Exercises"), href, N_("Plan an exercise"), "button primary");
	if (n == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No exercises yet. Start small: a one-hour tabletop in which the team talks "
					"through a scenario, or a test whether the alarm chain reaches everybody."));
		html_lit(o, "</p>");
	} else {
		exercises_table(r, list, n);
	}
	html_lit(o, "</section>");
	page_end(r);
}

void web_exercises(struct req *r)
{
	exercises_page(r, 200, NULL, NULL, NULL);
}

void web_review_update(struct req *r)
{
	struct field_errors fe = { 0 };
	struct plan_review p, current;
	long long version;
	enum kf_err err;
	char back[80], today[11];

	kf_date_iso(kf_now(), today);
	version = page_form_version(r, 0);
	if (version < 0)
		return;
	review_init(&p);
	p.version = version;
	review_from_form(&p, &r->form, &fe);
	if (!p.last_review_date[0] && !fe_get(&fe, "last_review_date"))
		fe_add(&fe, "last_review_date", N_("is required (YYYY-MM-DD)"));
	review_validate(&p, today, &fe);
	if (fe.n) {
		store_review_check_refs(r->db, &p, r->org.id, &fe);
		exercises_page(r, 422, &p, &fe, NULL);
		return;
	}
	err = store_review_put(r->db, r->arena, r->org.id, r->user.id, version, &p, &current, &fe);
	if (err == KF_ECONFLICT) {
		exercises_page(r, 409, &p, NULL, &current);
		return;
	}
	if (err == KF_EINVAL) {
		exercises_page(r, 422, &p, &fe, NULL);
		return;
	}
	if (err) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	snprintf(back, sizeof(back), "/o/%lld/exercises?reviewed=1", (long long)r->org.id);
	resp_redirect(r, back);
}

/* ---------------------------------------------------------------- one exercise */

static void term(struct req *r, const char *msgid)
{
	html_lit(&r->out, "<dt>");
	html_text(&r->out, _(r->lang, msgid));
	html_lit(&r->out, "</dt><dd>");
}

static void people_list(struct req *r, const int64_t *ids, int n, const struct contact *contacts, size_t ncontacts)
{
	const char *name;

	if (!n) {
		html_text(&r->out, _(r->lang, "nobody named"));
		return;
	}
	for (int i = 0; i < n; i++) {
		name = exercise_view_contact_name(contacts, ncontacts, ids[i]);
		if (i)
			html_lit(&r->out, ", ");
		html_text(&r->out, name ? name : "?");
	}
}

static void text_entry(struct req *r, const char *msgid, const char *text)
{
	term(r, msgid);
	if (*text) {
		html_lit(&r->out, "<span class=\"multiline\">");
		html_text(&r->out, text);
		html_lit(&r->out, "</span>");
	} else {
		html_text(&r->out, "—");
	}
	html_lit(&r->out, "</dd>");
}

static void hours_entry(struct req *r, const char *msgid, int hours)
{
	term(r, msgid);
	if (hours >= 0)
		html_textf(&r->out, "%d %s", hours, _(r->lang, hours == 1 ? N_("hour") : N_("hours")));
	else
		html_text(&r->out, _(r->lang, "not measured"));
	html_lit(&r->out, "</dd>");
}

static void findings_table(struct req *r, const struct finding *list, size_t n, const struct contact *contacts,
			   size_t ncontacts)
{
	static const char *const columns[] = { N_("Finding"), N_("Severity"), N_("Status"), N_("Responsible"),
					       N_("Due on") };
	static const char *const sev_classes[FINDING_SEVERITY__MAX] = { "badge lvl-low", "badge lvl-medium",
									 "badge lvl-high" };
	struct strbuf *o = &r->out;
	char href[80], today[11];

	kf_date_iso(kf_now(), today);
	html_lit(o, "<div class=\"table-wrap\"><table class=\"findings\"><thead><tr>");
	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		html_lit(o, "<th scope=\"col\">");
		html_text(o, _(r->lang, columns[c]));
		html_lit(o, "</th>");
	}
	html_lit(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct finding *f = &list[i];
		const char *who = exercise_view_contact_name(contacts, ncontacts, f->responsible_contact_id);

		snprintf(href, sizeof(href), "/o/%lld/findings/%lld", (long long)r->org.id, (long long)f->id);
		html_lit(o, "<tr><th scope=\"row\"><a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, f->title);
		html_lit(o, "</a></th>");
		cell(r, N_("Severity"));
		exercise_view_badge(r, sev_classes[f->severity], finding_severity_label(f->severity));
		html_lit(o, "</td>");
		cell(r, N_("Status"));
		exercise_view_badge(r, f->status == FINDING_DONE ? "badge ok" : "badge", finding_status_label(f->status));
		html_lit(o, "</td>");
		cell(r, N_("Responsible"));
		if (who)
			html_text(o, who);
		else if (finding_is_open(f))
			exercise_view_badge(r, "badge gap", N_("nobody yet"));
		html_lit(o, "</td>");
		cell(r, N_("Due on"));
		if (f->due_date[0]) {
			html_date(o, f->due_date, r->lang == KF_LANG_DE);
			if (finding_is_open(f) && strcmp(f->due_date, today) < 0) {
				html_lit(o, " ");
				exercise_view_badge(r, "badge gap", N_("overdue"));
			}
		}
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
}

void web_exercise_show(struct req *r)
{
	struct strbuf *o = &r->out;
	struct contact *contacts;
	struct finding *findings;
	struct exercise e;
	struct risk risk;
	size_t ncontacts, nfindings;
	enum kf_err err;
	char href[96];

	err = store_exercise_get(r->db, r->arena, r->org.id, r->id, &e);
	if (!err)
		err = store_finding_list(r->db, r->arena, r->org.id, e.id, &findings, &nfindings);
	if (err) {
		web_store_error(r, err, MSG_GONE, 0);
		return;
	}
	if (store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK ||
	    (e.scenario_risk_id && store_risk_get(r->db, r->arena, r->org.id, e.scenario_risk_id, &risk) != KF_OK)) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	page_begin(r, N_("Exercise"), STEP_EXERCISE,
		   N_("What was practised, who took part, what went well and what is to improve."));
	if (kv_get(&r->query, "saved"))
		page_notice(r, "ok", _(r->lang, "Saved."));
	html_lit(o, "<h2 class=\"exercise-title\">");
	html_text(o, e.title);
	html_lit(o, " ");
	status_badge(r, &e);
	html_lit(o, "</h2>");
	if (r->org.role >= MEMBER_EDITOR) {
		html_lit(o, "<div class=\"actions\">");
		snprintf(href, sizeof(href), "/o/%lld/exercises/%lld/edit", (long long)r->org.id, (long long)e.id);
		page_link(r, href, _(r->lang, "Edit exercise"), "button");
		snprintf(href, sizeof(href), "/o/%lld/exercises/%lld/delete", (long long)r->org.id, (long long)e.id);
		page_link(r, href, _(r->lang, "Delete"), "button danger");
		html_lit(o, "</div>");
	}
	html_lit(o, "<dl class=\"plan exercise\">");
	term(r, N_("Type"));
	html_text(o, _(r->lang, exercise_type_label(e.type)));
	html_lit(o, "</dd>");
	term(r, N_("Date"));
	html_date(o, e.date, r->lang == KF_LANG_DE);
	if (e.duration_minutes >= 0)
		html_textf(o, " · %d %s", e.duration_minutes, _(r->lang, "minutes"));
	html_lit(o, "</dd>");
	term(r, N_("Scenario"));
	if (e.scenario_risk_id) {
		snprintf(href, sizeof(href), "/o/%lld/risks/%lld", (long long)r->org.id, (long long)e.scenario_risk_id);
		html_lit(o, "<a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, risk.title);
		html_lit(o, "</a>");
	} else {
		html_text(o, "—");
	}
	html_lit(o, "</dd>");
	term(r, N_("Participants"));
	people_list(r, e.participant_ids, e.nparticipants, contacts, ncontacts);
	html_lit(o, "</dd>");
	term(r, N_("Observers"));
	people_list(r, e.observer_ids, e.nobservers, contacts, ncontacts);
	html_lit(o, "</dd>");
	text_entry(r, N_("Goals"), e.goals);
	text_entry(r, N_("What went well"), e.went_well);
	text_entry(r, N_("What is to improve"), e.to_improve);
	hours_entry(r, N_("Achieved recovery time"), e.achieved_rto_hours);
	hours_entry(r, N_("Achieved data loss (RPO)"), e.achieved_rpo_hours);
	html_lit(o, "</dl>");

	snprintf(href, sizeof(href), "/o/%lld/exercises/%lld/findings/new", (long long)r->org.id,
		 (long long)e.id);
	page_section_head(r, "h-findings", N_("Findings"), href, N_("Add finding"), "button primary");
	if (!nfindings) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No findings yet. Note here what did not work or took too long, whom it concerns, "
					"and by when it is to be fixed."));
		html_lit(o, "</p>");
	} else {
		findings_table(r, findings, nfindings, contacts, ncontacts);
	}
	html_lit(o, "</section><p>");
	exercise_view_url(r, 0, href, sizeof(href));
	page_link(r, href, _(r->lang, "Back to the exercises"), "button secondary");
	html_lit(o, "</p>");
	web_item_panel(r, "exercise", e.id); /* comments: comments and history */
	page_end(r);
}

/* ---------------------------------------------------------------- the exercise form */

static int has_id(const int64_t *ids, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* The first field error whose name starts with prefix ("participant_ids" finds "participant_ids[2]"). */
static const char *fe_prefix(const struct field_errors *fe, const char *prefix)
{
	size_t n = strlen(prefix);

	for (int i = 0; fe && i < fe->n; i++)
		if (strncmp(fe->e[i].field, prefix, n) == 0)
			return fe->e[i].msg;
	return NULL;
}

static const char *names_of(struct req *r, const int64_t *ids, int n, const struct contact *contacts, size_t nc)
{
	const char *s = "", *name;

	for (int i = 0; i < n && s; i++) {
		name = exercise_view_contact_name(contacts, nc, ids[i]);
		s = arena_printf(r->arena, "%s%s%s", s, i ? ", " : "", name ? name : "?");
	}
	return s ? s : "";
}

/* Contacts as checkboxes named name; field is the API name for errors ("participant_ids"). */
static void people_boxes(struct req *r, const char *name, const char *field, const char *legend, const char *hint,
			 const int64_t *ids, int n, const int64_t *saved_ids, int nsaved, int has_saved,
			 const struct contact *contacts, size_t ncontacts, const struct field_errors *fe, int readonly)
{
	const char *err = fe_prefix(fe, field);
	struct strbuf *o = &r->out;
	int differ = has_saved && !form_same_ids(ids, n, saved_ids, nsaved);
	char id[64], errid[64];

	snprintf(errid, sizeof(errid), "err-%s", field);
	html_lit(o, "<fieldset");
	html_attr(o, "class", err ? "people invalid" : "people");
	if (err)
		html_attr(o, "aria-describedby", errid);
	else if (differ)
		form_saved_ref(r, name);
	html_lit(o, "><legend>");
	html_text(o, _(r->lang, legend));
	html_lit(o, "</legend><p class=\"hint\">");
	html_text(o, _(r->lang, hint));
	html_lit(o, "</p>");
	if (err) {
		html_lit(o, "<p class=\"error\"");
		html_attr(o, "id", errid);
		html_lit(o, ">");
		html_text(o, _(r->lang, err));
		html_lit(o, "</p>");
	}
	if (!ncontacts) {
		html_lit(o, "<p class=\"hint\">");
		html_text(o, _(r->lang, "There are no contacts yet. Add the people on the team page first."));
		html_lit(o, "</p>");
	}
	html_lit(o, "<div class=\"people-list\">");
	for (size_t i = 0; i < ncontacts; i++) {
		snprintf(id, sizeof(id), "f-%s-%lld", name, (long long)contacts[i].id);
		html_lit(o, "<div class=\"field check\"><input type=\"checkbox\"");
		html_attr(o, "name", name);
		html_attr(o, "id", id);
		html_attr(o, "value", exercise_view_id_text(r, contacts[i].id));
		if (has_id(ids, n, contacts[i].id))
			html_lit(o, " checked");
		if (readonly)
			html_lit(o, " disabled");
		html_lit(o, "><label");
		html_attr(o, "for", id);
		html_lit(o, ">");
		html_text(o, contacts[i].name);
		html_lit(o, "</label></div>");
	}
	html_lit(o, "</div>");
	if (differ)
		form_saved_ids(r, name, saved_ids, nsaved, names_of(r, saved_ids, nsaved, contacts, ncontacts));
	html_lit(o, "</fieldset>");
}

static const char *num_text(struct req *r, int v)
{
	return v >= 0 ? arena_printf(r->arena, "%d", v) : "";
}

static const char *num_saved(struct req *r, const struct exercise *saved, int mine, int theirs)
{
	if (!saved || mine == theirs)
		return NULL;
	return num_text(r, theirs);
}

static const char *text_saved(const struct exercise *saved, const char *mine, const char *theirs)
{
	return saved && strcmp(mine, theirs) != 0 ? theirs : NULL;
}

static void exercise_form(struct req *r, int status, const void *item, const struct field_errors *fe,
			  const void *current)
{
	const struct exercise *e = item, *saved = current;
	int is_new = e->id == 0, readonly = r->org.role < MEMBER_EDITOR;
	struct option types[EXERCISE_TYPE__MAX + 1], stats[EXERCISE_STATUS__MAX], *risks_opt;
	struct strbuf *o = &r->out;
	char action[96], version[24], back[80];
	struct contact *contacts;
	struct risk *risks;
	size_t ncontacts, nrisks;
	struct field f;

	if (store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK ||
	    store_risk_list(r->db, r->arena, r->org.id, &risks, &nrisks) != KF_OK ||
	    !(risks_opt = ARENA_NEW(r->arena, struct option, nrisks + 1))) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	types[0].value = "";
	types[0].label = _(r->lang, "— please choose —");
	for (int i = 0; i < EXERCISE_TYPE__MAX; i++) {
		types[i + 1].value = exercise_type_name((enum exercise_type)i);
		types[i + 1].label = _(r->lang, exercise_type_label((enum exercise_type)i));
	}
	for (int i = 0; i < EXERCISE_STATUS__MAX; i++) {
		stats[i].value = exercise_status_name((enum exercise_status)i);
		stats[i].label = _(r->lang, exercise_status_label((enum exercise_status)i));
	}
	risks_opt[0].value = "";
	risks_opt[0].label = _(r->lang, "— no scenario from the risk register —");
	for (size_t i = 0; i < nrisks; i++) {
		risks_opt[i + 1].value = exercise_view_id_text(r, risks[i].id);
		risks_opt[i + 1].label = risks[i].title;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("Plan an exercise") : readonly ? N_("Exercise") : N_("Edit exercise"), STEP_EXERCISE,
		   N_("What is practised, when, and who takes part. After the exercise, note what went well and what is "
		      "to improve."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this exercise meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this exercise. Editing needs the editor role."));
	form_error_summary(r, fe);
	if (is_new)
		snprintf(action, sizeof(action), "/o/%lld/exercises/new", (long long)r->org.id);
	else
		snprintf(action, sizeof(action), "/o/%lld/exercises/%lld/edit", (long long)r->org.id, (long long)e->id);
	form_begin(r, action, r->csrf);
	if (!is_new) {
		snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : e->version));
		form_hidden(r, "version", version);
	}
	f = (struct field){ .name = "title", .label = N_("Title"), .value = e->title, .required = 1, .readonly = readonly,
			    .hint = N_("For example: ransomware tabletop with the whole team, restore test of the file server."),
			    .error = fe_get(fe, "title"), .saved = text_saved(saved, e->title, saved ? saved->title : "") };
	form_input(r, &f);
	f = (struct field){ .name = "type", .label = N_("Kind of exercise"), .value = exercise_type_name(e->type),
			    .required = 1, .readonly = readonly, .error = fe_get(fe, "type"),
			    .hint = N_("A tabletop talks a scenario through; a test checks one thing for real (alarm chain, "
				       "restore); a full drill plays the emergency through."),
			    .saved_value = saved ? exercise_type_name(saved->type) : NULL };
	form_select(r, &f, types, EXERCISE_TYPE__MAX + 1);
	html_lit(o, "<div class=\"scale-row\">");
	f = (struct field){ .name = "date", .label = N_("Date"), .type = "date", .value = e->date, .required = 1,
			    .readonly = readonly, .hint = N_("A date in the future means: planned."),
			    .error = fe_get(fe, "date"), .saved = text_saved(saved, e->date, saved ? saved->date : "") };
	form_input(r, &f);
	f = (struct field){ .name = "status", .label = N_("Status"), .value = exercise_status_name(e->status),
			    .readonly = readonly, .error = fe_get(fe, "status"),
			    .saved_value = saved ? exercise_status_name(saved->status) : NULL };
	form_select(r, &f, stats, EXERCISE_STATUS__MAX);
	html_lit(o, "</div>");
	f = (struct field){ .name = "scenario_risk_id", .label = N_("Scenario"),
			    .value = exercise_view_id_text(r, e->scenario_risk_id), .readonly = readonly,
			    .hint = N_("Optional: which risk of your register is practised?"),
			    .error = fe_get(fe, "scenario_risk_id") };
	if (saved)
		f.saved_value = exercise_view_id_text(r, saved->scenario_risk_id);
	form_select(r, &f, risks_opt, (int)nrisks + 1);
	f = (struct field){ .name = "goals", .label = N_("Goals"), .value = e->goals, .readonly = readonly,
			    .hint = N_("What should the exercise show? For example: everybody is reached within 30 minutes."),
			    .error = fe_get(fe, "goals"), .saved = text_saved(saved, e->goals, saved ? saved->goals : "") };
	form_textarea(r, &f);
	people_boxes(r, "participant", "participant_ids", N_("Participants"), N_("Who takes part in the exercise?"),
		     e->participant_ids, e->nparticipants, saved ? saved->participant_ids : NULL,
		     saved ? saved->nparticipants : 0, saved != NULL, contacts, ncontacts, fe, readonly);
	people_boxes(r, "observer", "observer_ids", N_("Observers"),
		     N_("Who watches and takes notes without taking part? A person either takes part or observes."),
		     e->observer_ids, e->nobservers, saved ? saved->observer_ids : NULL, saved ? saved->nobservers : 0,
		     saved != NULL, contacts, ncontacts, fe, readonly);
	html_lit(o, "<fieldset><legend>");
	html_text(o, _(r->lang, "After the exercise"));
	html_lit(o, "</legend>");
	f = (struct field){ .name = "went_well", .label = N_("What went well"), .value = e->went_well,
			    .readonly = readonly, .error = fe_get(fe, "went_well"),
			    .saved = text_saved(saved, e->went_well, saved ? saved->went_well : "") };
	form_textarea(r, &f);
	f = (struct field){ .name = "to_improve", .label = N_("What is to improve"), .value = e->to_improve,
			    .readonly = readonly, .hint = N_("Each point that someone must fix becomes a finding on the exercise page."),
			    .error = fe_get(fe, "to_improve"),
			    .saved = text_saved(saved, e->to_improve, saved ? saved->to_improve : "") };
	form_textarea(r, &f);
	f = (struct field){ .name = "achieved_rto_hours", .label = N_("Achieved recovery time (hours)"), .type = "number",
			    .value = num_text(r, e->achieved_rto_hours), .readonly = readonly,
			    .hint = N_("Measured in the exercise: how many hours until the system ran again? Empty when not measured."),
			    .error = fe_get(fe, "achieved_rto_hours"),
			    .saved = num_saved(r, saved, e->achieved_rto_hours, saved ? saved->achieved_rto_hours : -1) };
	form_input(r, &f);
	f = (struct field){ .name = "achieved_rpo_hours", .label = N_("Achieved data loss (hours, RPO)"), .type = "number",
			    .value = num_text(r, e->achieved_rpo_hours), .readonly = readonly,
			    .hint = N_("Measured in the exercise: the restored data was how many hours old? Empty when not measured."),
			    .error = fe_get(fe, "achieved_rpo_hours"),
			    .saved = num_saved(r, saved, e->achieved_rpo_hours, saved ? saved->achieved_rpo_hours : -1) };
	form_input(r, &f);
	f = (struct field){ .name = "duration_minutes", .label = N_("Duration (minutes)"), .type = "number",
			    .value = num_text(r, e->duration_minutes), .readonly = readonly,
			    .error = fe_get(fe, "duration_minutes"),
			    .saved = num_saved(r, saved, e->duration_minutes, saved ? saved->duration_minutes : -1) };
	form_input(r, &f);
	html_lit(o, "</fieldset>");
	exercise_view_url(r, e->id, back, sizeof(back));
	snprintf(action, sizeof(action), "/o/%lld/exercises/%lld/delete", (long long)r->org.id, (long long)e->id);
	form_actions(r, readonly ? NULL : is_new ? N_("Plan exercise") : N_("Save"), back,
		     is_new || readonly ? NULL : action);
	form_end(r);
	page_end(r);
}

static int read_form(struct req *r, void *item, struct field_errors *fe)
{
	struct exercise *e = item;
	char today[11];

	kf_date_iso(kf_now(), today);
	exercise_from_form(e, &r->form, fe);
	exercise_validate(e, r->arena, today, fe);
	if (fe->n)
		store_exercise_check_refs(r->db, e, r->org.id, fe);
	return fe->n ? -1 : 0;
}

void web_exercise_new(struct req *r)
{
	struct exercise e;

	exercise_init(&e);
	exercise_form(r, 200, &e, NULL, NULL);
}

/* "2" open findings as text for the blocked notice, or NULL when none. */
static const char *open_count(struct req *r, const struct exercise *e)
{
	return e->open_findings ? arena_printf(r->arena, "%d", e->open_findings) : NULL;
}

/* The delete question; it names the open findings that block it (the store's list is not needed). */
static void confirm_page(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct exercise *e = item;
	const char *blocked_by = open_count(r, e);
	char action[96], back[80];
	struct delete_confirmation dc = {
		.title = N_("Delete exercise"),
		.question = N_("Do you really want to delete the exercise \"%s\"?"),
		.name = e->title,
		.note = N_("Its findings that are done stay in the change history."),
		.changed = changed ? N_("Someone else changed this exercise meanwhile. Please check it again.") : NULL,
		.blocked = blocked_by ? N_("This exercise still has open findings (%s). Mark them done or delete them "
					   "first.")
				      : NULL,
		.blocked_by = blocked_by,
		.action = action,
		.version = e->version,
		.back = back,
		.step = STEP_EXERCISE,
	};

	(void)blockers;
	snprintf(action, sizeof(action), "/o/%lld/exercises/%lld/delete", (long long)r->org.id, (long long)e->id);
	exercise_view_url(r, e->id, back, sizeof(back));
	page_confirm_delete(r, status, &dc);
}

/* ---------------------------------------------------------------- the card on the start page */

int web_exercises_card(struct req *r, const struct plan_data *d)
{
	const struct exercise *next = NULL, *list = d->exercises;
	struct strbuf *o = &r->out;
	struct plan_review review;
	int64_t open_findings = 0;
	const char *today = d->today;
	size_t n = d->nexercises;
	char href[80];

	for (size_t i = 0; i < d->nfindings; i++)
		open_findings += finding_is_open(&d->findings[i]);
	if (d->review)
		review = *d->review;
	else
		review_init(&review);
	/* the list begins with the planned exercises, soonest first */
	for (size_t i = 0; i < n && !next; i++)
		if (list[i].status == EXERCISE_PLANNED && strcmp(list[i].date, today) >= 0)
			next = &list[i];
	html_lit(o, "<p class=\"counts\">");
	if (next) {
		html_text_subst(o, _(r->lang, "Next exercise: %s"), next->title);
		html_lit(o, " (");
		html_date(o, next->date, r->lang == KF_LANG_DE);
		html_lit(o, ")");
	} else {
		html_text(o, _(r->lang, "No exercise planned."));
	}
	html_lit(o, "</p><p>");
	if (open_findings)
		html_text_subst(o, _(r->lang, "Open findings: %s"), arena_printf(r->arena, "%lld", (long long)open_findings));
	else
		html_text(o, _(r->lang, "No open findings."));
	html_lit(o, "</p>");
	review_status_line(r, &review, today);
	if (n == 0 && r->org.role >= MEMBER_EDITOR) {
		snprintf(href, sizeof(href), "/o/%lld/exercises/new", (long long)r->org.id);
		html_lit(o, "<p>");
		page_link(r, href, _(r->lang, "Plan the first exercise"), "button primary");
	} else {
		exercise_view_url(r, 0, href, sizeof(href));
		html_lit(o, "<p>");
		page_link(r, href, _(r->lang, "Open the exercises"), "button primary");
	}
	html_lit(o, "</p>");
	return 0;
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	exercise_view_url(r, item ? ((const struct exercise *)item)->id : 0, buf, len);
}

static const struct web_resource exercises = {
	.item = &store_item_exercise, .gone_msgid = MSG_GONE, .create_gone_msgid = MSG_GONE, .confirm_db_error = 1,
	.read_form = read_form, .form = exercise_form, .confirm = confirm_page, .back = back,
};

void web_exercise_create(struct req *r) { web_res_create(r, &exercises); }
void web_exercise_edit(struct req *r) { web_res_edit(r, &exercises); }
void web_exercise_update(struct req *r) { web_res_update(r, &exercises); }
void web_exercise_confirm_delete(struct req *r) { web_res_confirm_delete(r, &exercises); }
void web_exercise_delete(struct req *r) { web_res_delete(r, &exercises); }
