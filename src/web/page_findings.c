/* page_findings.c: step 5: the form to add, edit and delete a finding of an exercise. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "exercise_view.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "web_resource.h"
#include "../lib/banned.h"

#define MSG_GONE N_("This finding does not exist (any more).")

static const char *text_saved(const struct finding *saved, const char *mine, const char *theirs)
{
	return saved && strcmp(mine, theirs) != 0 ? theirs : NULL;
}

static void finding_form(struct req *r, int status, const void *item, const struct field_errors *fe,
			 const void *current)
{
	const struct finding *f = item, *saved = current;
	int is_new = f->id == 0, readonly = r->org.role < MEMBER_EDITOR;
	struct option sevs[FINDING_SEVERITY__MAX], stats[FINDING_STATUS__MAX], *people;
	struct strbuf *o = &r->out;
	char action[96], version[24], back[80];
	struct contact *contacts;
	struct exercise e;
	struct field fl;
	size_t ncontacts;
	enum kf_err err;

	err = store_exercise_get(r->db, r->arena, r->org.id, f->exercise_id, &e);
	if (err) {
		web_store_error(r, err, N_("This exercise does not exist (any more)."), 0);
		return;
	}
	if (store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK ||
	    !(people = ARENA_NEW(r->arena, struct option, ncontacts + 1))) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	people[0].value = "";
	people[0].label = _(r->lang, "— nobody yet —");
	for (size_t i = 0; i < ncontacts; i++) {
		people[i + 1].value = exercise_view_id_text(r, contacts[i].id);
		people[i + 1].label = contacts[i].name;
	}
	for (int i = 0; i < FINDING_SEVERITY__MAX; i++) {
		sevs[i].value = finding_severity_name((enum finding_severity)i);
		sevs[i].label = _(r->lang, finding_severity_label((enum finding_severity)i));
	}
	for (int i = 0; i < FINDING_STATUS__MAX; i++) {
		stats[i].value = finding_status_name((enum finding_status)i);
		stats[i].label = _(r->lang, finding_status_label((enum finding_status)i));
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New finding") : readonly ? N_("Finding") : N_("Edit finding"), STEP_EXERCISE,
		   N_("Something the exercise showed that must get better: who sees to it, and by when."));
	html_lit(o, "<p class=\"lead\">");
	html_text_subst(o, _(r->lang, "From the exercise \"%s\"."), e.title);
	html_lit(o, "</p>");
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this finding meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this finding. Editing needs the editor role."));
	form_error_summary(r, fe);
	if (is_new)
		snprintf(action, sizeof(action), "/o/%lld/exercises/%lld/findings/new", (long long)r->org.id,
			 (long long)f->exercise_id);
	else
		snprintf(action, sizeof(action), "/o/%lld/findings/%lld", (long long)r->org.id, (long long)f->id);
	form_begin(r, action, r->csrf);
	if (!is_new) {
		snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : f->version));
		form_hidden(r, "version", version);
	}
	fl = (struct field){ .name = "title", .label = N_("Title"), .value = f->title, .required = 1,
			     .readonly = readonly, .hint = N_("For example: the mobile number of the IT provider was outdated."),
			     .error = fe_get(fe, "title"), .saved = text_saved(saved, f->title, saved ? saved->title : "") };
	form_input(r, &fl);
	fl = (struct field){ .name = "description", .label = N_("Description"), .value = f->description,
			     .readonly = readonly, .hint = N_("What happened, and what should be done?"),
			     .error = fe_get(fe, "description"),
			     .saved = text_saved(saved, f->description, saved ? saved->description : "") };
	form_textarea(r, &fl);
	html_lit(o, "<div class=\"scale-row\">");
	fl = (struct field){ .name = "severity", .label = N_("Severity"), .value = finding_severity_name(f->severity),
			     .readonly = readonly, .error = fe_get(fe, "severity"),
			     .saved_value = saved ? finding_severity_name(saved->severity) : NULL };
	form_select(r, &fl, sevs, FINDING_SEVERITY__MAX);
	fl = (struct field){ .name = "status", .label = N_("Status"), .value = finding_status_name(f->status),
			     .readonly = readonly, .error = fe_get(fe, "status"),
			     .saved_value = saved ? finding_status_name(saved->status) : NULL };
	form_select(r, &fl, stats, FINDING_STATUS__MAX);
	html_lit(o, "</div>");
	fl = (struct field){ .name = "responsible_contact_id", .label = N_("Responsible"),
			     .value = exercise_view_id_text(r, f->responsible_contact_id), .readonly = readonly,
			     .hint = N_("Who sees to it that it gets fixed?"), .error = fe_get(fe, "responsible_contact_id") };
	if (saved)
		fl.saved_value = exercise_view_id_text(r, saved->responsible_contact_id);
	form_select(r, &fl, people, (int)ncontacts + 1);
	fl = (struct field){ .name = "due_date", .label = N_("Due on"), .type = "date", .value = f->due_date,
			     .readonly = readonly, .error = fe_get(fe, "due_date"),
			     .saved = text_saved(saved, f->due_date, saved ? saved->due_date : "") };
	form_input(r, &fl);
	exercise_view_url(r, f->exercise_id, back, sizeof(back));
	snprintf(action, sizeof(action), "/o/%lld/findings/%lld/delete", (long long)r->org.id, (long long)f->id);
	form_actions(r, readonly ? NULL : is_new ? N_("Add finding") : N_("Save"), back,
		     is_new || readonly ? NULL : action);
	form_end(r);
	if (!is_new)
		web_finding_tasks(r, f->id); /* its tasks, with "create as task" from the finding */
	web_item_panel(r, "finding", f->id); /* comments and history */
	page_end(r);
}

static int read_form(struct req *r, void *item, struct field_errors *fe)
{
	struct finding *f = item;

	if (!f->id) /* new: under /exercises/{id}/findings/new the path id is the exercise's */
		f->exercise_id = r->id;
	finding_from_form(f, &r->form, fe);
	finding_validate(f, r->arena, fe);
	if (fe->n)
		store_finding_check_refs(r->db, f, r->org.id, fe);
	return fe->n ? -1 : 0;
}

/* Under /exercises/{id}/findings/new the path id is the exercise's. */
void web_finding_new(struct req *r)
{
	struct finding f;

	finding_init(&f);
	f.exercise_id = r->id;
	finding_form(r, 200, &f, NULL, NULL);
}

static void confirm_page(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct finding *f = item;
	char action[96], back[80];
	struct delete_confirmation dc = {
		.title = N_("Delete finding"),
		.question = N_("Do you really want to delete the finding \"%s\"?"),
		.name = f->title,
		.note = N_("The change history keeps a record of it."),
		.changed = changed ? N_("Someone else changed this finding meanwhile. Please check it again.") : NULL,
		.action = action,
		.version = f->version,
		.back = back,
		.step = STEP_EXERCISE,
	};

	(void)blockers;
	snprintf(action, sizeof(action), "/o/%lld/findings/%lld/delete", (long long)r->org.id, (long long)f->id);
	exercise_view_url(r, f->exercise_id, back, sizeof(back));
	page_confirm_delete(r, status, &dc);
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	exercise_view_url(r, ((const struct finding *)item)->exercise_id, buf, len);
}

static void keep(void *item, const void *stored)
{
	((struct finding *)item)->exercise_id = ((const struct finding *)stored)->exercise_id;
}

static const struct web_resource findings = {
	.item = &store_item_finding, .gone_msgid = MSG_GONE,
	.create_gone_msgid = N_("This exercise does not exist (any more)."), .confirm_db_error = 1, .keep = keep,
	.read_form = read_form, .form = finding_form, .confirm = confirm_page, .back = back,
};

void web_finding_create(struct req *r) { web_res_create(r, &findings); }
void web_finding_edit(struct req *r) { web_res_edit(r, &findings); }
void web_finding_update(struct req *r) { web_res_update(r, &findings); }
void web_finding_confirm_delete(struct req *r) { web_res_confirm_delete(r, &findings); }
void web_finding_delete(struct req *r) { web_res_delete(r, &findings); }
