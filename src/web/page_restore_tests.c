/* page_restore_tests.c: step 3: the form to record, edit and delete a restore test of a backup. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "backup_view.h"
#include "exercise_view.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "web_resource.h"
#include "../lib/banned.h"

#define MSG_GONE N_("This restore test does not exist (any more).")

static const char *text_saved(const struct restore_test *saved, const char *mine, const char *theirs)
{
	return saved && strcmp(mine, theirs) != 0 ? theirs : NULL;
}

static void test_form(struct req *r, int status, const void *item, const struct field_errors *fe, const void *current)
{
	const struct restore_test *t = item, *saved = current;
	int is_new = t->id == 0, readonly = r->org.role < MEMBER_EDITOR;
	struct option results[RESTORE_RESULT__MAX], *people;
	struct strbuf *o = &r->out;
	char action[96], version[24], back[80];
	const char *duration;
	struct contact *contacts;
	struct backup b;
	struct field fl;
	size_t ncontacts;
	enum kf_err err;

	err = store_backup_get(r->db, r->arena, r->org.id, t->backup_id, &b);
	if (err) {
		web_store_error(r, err, N_("This backup does not exist (any more)."), 0);
		return;
	}
	if (store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK ||
	    !(people = ARENA_NEW(r->arena, struct option, ncontacts + 1))) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	people[0].value = "";
	people[0].label = _(r->lang, "— nobody named —");
	for (size_t i = 0; i < ncontacts; i++) {
		people[i + 1].value = exercise_view_id_text(r, contacts[i].id);
		people[i + 1].label = contacts[i].name;
	}
	for (int i = 0; i < RESTORE_RESULT__MAX; i++) {
		results[i].value = restore_result_name((enum restore_result)i);
		results[i].label = _(r->lang, restore_result_label((enum restore_result)i));
	}
	duration = t->duration_minutes >= 0 ? arena_printf(r->arena, "%d", t->duration_minutes) : "";
	if (r->form.n && kv_get(&r->form, "duration_minutes"))
		duration = kv_get(&r->form, "duration_minutes"); /* keep what was typed, also when it was refused */
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("Record restore test") : readonly ? N_("Restore test") : N_("Edit restore test"),
		   STEP_RECOVERY,
		   N_("A backup only counts once a restore has worked: when it was tried, how it went, and how long it "
		      "took until the data was back."));
	html_lit(o, "<p class=\"lead\">");
	html_text_subst(o, _(r->lang, "Backup: \"%s\"."), b.title);
	html_lit(o, "</p>");
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this restore test meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this restore test. Editing needs the editor role."));
	form_error_summary(r, fe);
	if (is_new)
		snprintf(action, sizeof(action), "/o/%lld/backups/%lld/restore-tests/new", (long long)r->org.id,
			 (long long)t->backup_id);
	else
		snprintf(action, sizeof(action), "/o/%lld/restore-tests/%lld", (long long)r->org.id, (long long)t->id);
	form_begin(r, action, r->csrf);
	if (!is_new) {
		snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : t->version));
		form_hidden(r, "version", version);
	}
	html_lit(o, "<div class=\"scale-row\">");
	fl = (struct field){ .name = "date", .label = N_("Tested on"), .type = "date", .value = t->date, .required = 1,
			     .readonly = readonly, .error = fe_get(fe, "date"),
			     .saved = text_saved(saved, t->date, saved ? saved->date : "") };
	form_input(r, &fl);
	fl = (struct field){ .name = "result", .label = N_("Result"), .value = restore_result_name(t->result),
			     .readonly = readonly, .error = fe_get(fe, "result"),
			     .saved_value = saved ? restore_result_name(saved->result) : NULL };
	form_select(r, &fl, results, RESTORE_RESULT__MAX);
	html_lit(o, "</div>");
	fl = (struct field){ .name = "duration_minutes", .label = N_("Restore time (minutes)"), .type = "number",
			     .value = duration, .readonly = readonly,
			     .hint = N_("From the start of the restore until the data could be used again. Needed to compare "
					"with the recovery time (RTO) of the IT systems."),
			     .error = fe_get(fe, "duration_minutes") };
	if (saved)
		fl.saved_value = saved->duration_minutes >= 0 ? arena_printf(r->arena, "%d", saved->duration_minutes) : "";
	form_input(r, &fl);
	fl = (struct field){ .name = "tested_by_contact_id", .label = N_("Tested by"),
			     .value = exercise_view_id_text(r, t->tested_by_contact_id), .readonly = readonly,
			     .error = fe_get(fe, "tested_by_contact_id") };
	if (saved)
		fl.saved_value = exercise_view_id_text(r, saved->tested_by_contact_id);
	form_select(r, &fl, people, (int)ncontacts + 1);
	fl = (struct field){ .name = "notes", .label = N_("Notes"), .value = t->notes, .readonly = readonly,
			     .hint = N_("What was restored, what was missing, what to do better next time."),
			     .error = fe_get(fe, "notes"), .saved = text_saved(saved, t->notes, saved ? saved->notes : "") };
	form_textarea(r, &fl);
	backup_view_url(r, t->backup_id, back, sizeof(back));
	snprintf(action, sizeof(action), "/o/%lld/restore-tests/%lld/delete", (long long)r->org.id, (long long)t->id);
	form_actions(r, readonly ? NULL : is_new ? N_("Record restore test") : N_("Save"), back,
		     is_new || readonly ? NULL : action);
	form_end(r);
	web_item_panel(r, "restore_test", t->id); /* comments: comments and history */
	page_end(r);
}

static int read_form(struct req *r, void *item, struct field_errors *fe)
{
	struct restore_test *t = item;
	char today[11];

	if (!t->id) /* new: under /backups/{id}/restore-tests/new the path id is the backup's */
		t->backup_id = r->id;
	kf_date_iso(kf_now(), today);
	restore_test_from_form(t, &r->form, fe);
	restore_test_validate(t, today, fe);
	if (fe->n)
		store_restore_test_check_refs(r->db, t, r->org.id, fe);
	return fe->n ? -1 : 0;
}

/* Under /backups/{id}/restore-tests/new the path id is the backup's. */
void web_restore_test_new(struct req *r)
{
	struct restore_test t;

	restore_test_init(&t);
	t.backup_id = r->id;
	kf_date_iso(kf_now(), t.date);
	test_form(r, 200, &t, NULL, NULL);
}

static void confirm_page(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct restore_test *t = item;
	char action[96], back[80], name[64];
	struct delete_confirmation dc = {
		.title = N_("Delete restore test"),
		.question = N_("Do you really want to delete the restore test of %s?"),
		.name = name,
		.note = N_("The change history keeps a record of it."),
		.changed = changed ? N_("Someone else changed this restore test meanwhile. Please check it again.") : NULL,
		.action = action,
		.version = t->version,
		.back = back,
		.step = STEP_RECOVERY,
	};

	(void)blockers;
	if (r->lang == KF_LANG_DE)
		kf_date_german(t->date, name);
	else
		snprintf(name, sizeof(name), "%s", t->date);
	snprintf(action, sizeof(action), "/o/%lld/restore-tests/%lld/delete", (long long)r->org.id, (long long)t->id);
	backup_view_url(r, t->backup_id, back, sizeof(back));
	page_confirm_delete(r, status, &dc);
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	backup_view_url(r, ((const struct restore_test *)item)->backup_id, buf, len);
}

static void keep(void *item, const void *stored)
{
	((struct restore_test *)item)->backup_id = ((const struct restore_test *)stored)->backup_id;
}

static const struct web_resource tests = {
	.item = &store_item_restore_test, .gone_msgid = MSG_GONE,
	.create_gone_msgid = N_("This backup does not exist (any more)."), .confirm_db_error = 1, .keep = keep,
	.read_form = read_form, .form = test_form, .confirm = confirm_page, .back = back,
};

void web_restore_test_create(struct req *r) { web_res_create(r, &tests); }
void web_restore_test_edit(struct req *r) { web_res_edit(r, &tests); }
void web_restore_test_update(struct req *r) { web_res_update(r, &tests); }
void web_restore_test_confirm_delete(struct req *r) { web_res_confirm_delete(r, &tests); }
void web_restore_test_delete(struct req *r) { web_res_delete(r, &tests); }
