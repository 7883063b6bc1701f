/* page_tasks.c: tasks: the list per organisation with filters, "my tasks", the forms, and one-click tasks from findings and gaps. */
#include <stdio.h>
#include <string.h>

#include "../core/comment.h"
#include "../core/plan_check.h"
#include "../core/validate.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "check_view.h"
#include "html.h"
#include "page.h"
#include "task_view.h"
#include "web.h"
#include "web_resource.h"
#include "../lib/banned.h"

#define MSG_GONE N_("This task does not exist (any more).")

static const char *tasks_url(struct req *r, const char *rest)
{
	return arena_printf(r->arena, "/o/%lld/tasks%s", (long long)r->org.id, rest);
}

static const char *task_url(struct req *r, int64_t id, const char *rest)
{
	return arena_printf(r->arena, "/o/%lld/tasks/%lld%s", (long long)r->org.id, (long long)id, rest);
}

/* ---------------------------------------------------------------- shared views (task_view.h) */

void task_view_status(struct req *r, const struct task *t, const char *today)
{
	struct strbuf *o = &r->out;

	if (task_is_overdue(t, today)) {
		/* not colour alone: the badge says it in words */
		html_lit(o, "<span class=\"badge overdue\">");
		html_text(o, _(r->lang, "overdue"));
		html_lit(o, "</span> ");
	}
	html_text(o, _(r->lang, task_status_label(t->status)));
}

void task_view_table(struct req *r, const struct task *list, size_t n, const char *today)
{
	static const char *const columns[] = { N_("Task"), N_("Assigned to"), N_("Due on"), N_("Status"),
					       N_("Belongs to") };
	struct strbuf *o = &r->out;

	html_lit(o, "<div class=\"table-wrap\"><table class=\"tasks\"><thead><tr>");
	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		html_lit(o, "<th scope=\"col\">");
		html_text(o, _(r->lang, columns[c]));
		html_lit(o, "</th>");
	}
	html_lit(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct task *t = &list[i];
		const struct task_entity *e = task_entity_find(t->entity);

		html_lit(o, "<tr");
		if (task_is_overdue(t, today))
			html_attr(o, "class", "overdue");
		html_lit(o, "><th scope=\"row\"><a");
		html_attr(o, "href", task_url(r, t->id, ""));
		html_lit(o, ">");
		html_text(o, t->title);
		html_lit(o, "</a></th><td");
		html_attr(o, "data-label", _(r->lang, columns[1]));
		html_lit(o, ">");
		html_text(o, *t->assignee_name ? t->assignee_name : _(r->lang, "nobody yet"));
		html_lit(o, "</td><td");
		html_attr(o, "data-label", _(r->lang, columns[2]));
		html_lit(o, ">");
		if (t->due_date[0])
			html_date(o, t->due_date, r->lang == KF_LANG_DE);
		else
			html_lit(o, "–");
		html_lit(o, "</td><td");
		html_attr(o, "data-label", _(r->lang, columns[3]));
		html_lit(o, ">");
		task_view_status(r, t, today);
		html_lit(o, "</td><td");
		html_attr(o, "data-label", _(r->lang, columns[4]));
		html_lit(o, ">");
		if (e) {
			html_lit(o, "<a");
			html_attr(o, "href", arena_printf(r->arena, "/o/%lld/%s/%lld", (long long)r->org.id, e->path,
							  (long long)t->entity_id));
			html_lit(o, ">");
			if (*t->entity_name) {
				html_text(o, _(r->lang, comment_entity_label(t->entity)));
				html_lit(o, ": ");
				html_text(o, t->entity_name);
			} else {
				html_text_subst(o, _(r->lang, "Step %s: the linked item"),
						arena_printf(r->arena, "%d", t->step));
			}
			html_lit(o, "</a>");
		} else if (t->step) {
			html_text(o, _(r->lang, plan_step((enum plan_step)t->step)->title));
		} else {
			html_lit(o, "–");
		}
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
}

/* ---------------------------------------------------------------- the list */

static void filter_link(struct req *r, const char *href, const char *label, int current)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<li><a");
	html_attr(o, "href", href);
	if (current)
		html_attr(o, "aria-current", "page");
	html_lit(o, ">");
	html_text(o, _(r->lang, label));
	html_lit(o, "</a></li>");
}

static void tasks_page(struct req *r, int mine)
{
	const char *filter = kv_get(&r->query, "filter"), *stepv = kv_get(&r->query, "step");
	struct strbuf *o = &r->out;
	struct task_filter f;
	struct task *list;
	char today[11];
	long long step = 0;
	size_t n;

	kf_date_iso(kf_now(), today);
	task_filter_init(&f);
	f.today = today;
	if (!filter)
		filter = "";
	if (mine) {
		f.assignee_id = r->user.id;
		f.open_only = strcmp(filter, "all") != 0;
	} else if (strcmp(filter, "mine") == 0) {
		f.assignee_id = r->user.id;
	} else if (strcmp(filter, "open") == 0) {
		f.open_only = 1;
	} else if (strcmp(filter, "overdue") == 0) {
		f.overdue_only = 1;
	}
	if (stepv && *stepv && parse_id(stepv, &step) == 0 && step <= 5)
		f.step = (int)step;
	if (store_task_list(r->db, r->arena, r->org.id, &f, &list, &n) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	page_begin(r, mine ? N_("My tasks") : N_("Tasks"), STEP_NONE,
		   mine ? N_("What you were asked to do for the emergency plan, the most urgent first.")
			: N_("Who does which part of the emergency plan, and by when."));
	html_lit(o, "<nav class=\"filters\"");
	html_attr(o, "aria-label", _(r->lang, "Filter"));
	html_lit(o, "><ul>");
	if (mine) {
		filter_link(r, tasks_url(r, "/mine"), N_("Still to do"), !*filter);
		filter_link(r, tasks_url(r, "/mine?filter=all"), N_("All of mine"), strcmp(filter, "all") == 0);
		filter_link(r, tasks_url(r, ""), N_("All tasks of the team"), 0);
	} else {
		filter_link(r, tasks_url(r, ""), N_("All"), !*filter && !step);
		filter_link(r, tasks_url(r, "?filter=mine"), N_("Mine"), strcmp(filter, "mine") == 0);
		filter_link(r, tasks_url(r, "?filter=open"), N_("Open"), strcmp(filter, "open") == 0);
		filter_link(r, tasks_url(r, "?filter=overdue"), N_("Overdue"), strcmp(filter, "overdue") == 0);
		for (int s = STEP_RISKS; s < STEP__MAX; s++)
			filter_link(r, arena_printf(r->arena, "/o/%lld/tasks?step=%d", (long long)r->org.id, s),
				    plan_step((enum plan_step)s)->title, step == s);
	}
	html_lit(o, "</ul></nav>");
	if (f.step) {
		html_lit(o, "<p class=\"lead\">");
		html_text_subst(o, _(r->lang, "Tasks of step: %s"), _(r->lang, plan_step((enum plan_step)f.step)->title));
		html_lit(o, "</p>");
	}
	if (r->org.role >= MEMBER_EDITOR) {
		html_lit(o, "<p><a class=\"button primary\"");
		html_attr(o, "href", f.step ? arena_printf(r->arena, "/o/%lld/tasks/new?step=%d", (long long)r->org.id, f.step)
					    : tasks_url(r, "/new"));
		html_lit(o, ">");
		html_text(o, _(r->lang, "New task"));
		html_lit(o, "</a></p>");
	}
	if (n == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, mine ? "You have no open tasks." : "No tasks match."));
		html_lit(o, "</p>");
	} else {
		task_view_table(r, list, n, today);
	}
	page_end(r);
}

void web_tasks(struct req *r)
{
	tasks_page(r, 0);
}

void web_tasks_mine(struct req *r)
{
	tasks_page(r, 1);
}

/* ---------------------------------------------------------------- the form */

static const char *id_text(struct req *r, int64_t id)
{
	return id ? arena_printf(r->arena, "%lld", (long long)id) : "";
}

static const char *text_saved(const struct task *saved, const char *mine, const char *theirs)
{
	return saved && strcmp(mine, theirs) != 0 ? theirs : NULL;
}

static void link_line(struct req *r, const struct task *t)
{
	const struct task_entity *e = task_entity_find(t->entity);
	struct strbuf *o = &r->out;

	if (!e && !t->finding_id)
		return;
	html_lit(o, "<p class=\"lead\">");
	if (e) {
		html_lit(o, "<a");
		html_attr(o, "href", arena_printf(r->arena, "/o/%lld/%s/%lld", (long long)r->org.id, e->path,
						  (long long)t->entity_id));
		html_lit(o, ">");
		html_text_subst(o, _(r->lang, "Open the linked item (step %s)"), arena_printf(r->arena, "%d", e->step));
		html_lit(o, "</a>");
	}
	if (t->finding_id) {
		if (e)
			html_lit(o, " · ");
		html_lit(o, "<a");
		html_attr(o, "href", arena_printf(r->arena, "/o/%lld/findings/%lld", (long long)r->org.id,
						  (long long)t->finding_id));
		html_lit(o, ">");
		html_text(o, _(r->lang, "Made from an exercise finding"));
		html_lit(o, "</a>");
	}
	html_lit(o, "</p>");
}

static void task_form(struct req *r, int status, const void *item, const struct field_errors *fe, const void *current)
{
	const struct task *t = item, *saved = current;
	int is_new = t->id == 0, readonly = r->org.role < MEMBER_EDITOR;
	struct option stats[TASK_STATUS__MAX], steps[STEP__MAX], *people;
	struct strbuf *o = &r->out;
	struct member *members;
	size_t nmembers;
	struct field fl;
	char today[11];

	kf_date_iso(kf_now(), today);
	if (store_member_list(r->db, r->arena, r->org.id, &members, &nmembers) != KF_OK ||
	    !(people = ARENA_NEW(r->arena, struct option, nmembers + 1))) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	people[0].value = "";
	people[0].label = _(r->lang, "— nobody yet —");
	for (size_t i = 0; i < nmembers; i++) {
		people[i + 1].value = id_text(r, members[i].id);
		people[i + 1].label = *members[i].name ? members[i].name : members[i].email;
	}
	for (int i = 0; i < TASK_STATUS__MAX; i++) {
		stats[i].value = task_status_name((enum task_status)i);
		stats[i].label = _(r->lang, task_status_label((enum task_status)i));
	}
	steps[0].value = "";
	steps[0].label = _(r->lang, "— no step —");
	for (int s = STEP_RISKS; s < STEP__MAX; s++) {
		steps[s].value = arena_printf(r->arena, "%d", s);
		steps[s].label = arena_printf(r->arena, "%d %s", s, _(r->lang, plan_step((enum plan_step)s)->title));
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New task") : readonly ? N_("Task") : N_("Edit task"), STEP_NONE,
		   N_("A part of the emergency plan that someone sees to, by a given date."));
	if (kv_get(&r->query, "created"))
		page_notice(r, "ok", _(r->lang, "The task was created. Check the title, choose who does it and by when."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this task meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this task. Editing needs the editor role."));
	if (!is_new && task_is_overdue(t, today)) {
		html_lit(o, "<p class=\"overdue-note\"><span class=\"badge overdue\">");
		html_text(o, _(r->lang, "overdue"));
		html_lit(o, "</span> ");
		html_text(o, _(r->lang, "The due date of this task has passed."));
		html_lit(o, "</p>");
	}
	link_line(r, t);
	form_error_summary(r, fe);
	form_begin(r, is_new ? tasks_url(r, "/new") : task_url(r, t->id, ""), r->csrf);
	if (!is_new)
		form_hidden(r, "version", arena_printf(r->arena, "%lld", (long long)(saved ? saved->version : t->version)));
	form_hidden(r, "entity", t->entity);
	form_hidden(r, "entity_id", id_text(r, t->entity_id));
	if (fe_get(fe, "entity") || fe_get(fe, "entity_id")) {
		html_lit(o, "<p class=\"field-error\" id=\"err-entity_id\">");
		html_text(o, _(r->lang, "The linked item:"));
		html_lit(o, " ");
		html_text(o, _(r->lang, fe_get(fe, "entity_id") ? fe_get(fe, "entity_id") : fe_get(fe, "entity")));
		html_lit(o, "</p>");
	}
	fl = (struct field){ .name = "title", .label = N_("Title"), .value = t->title, .required = 1,
			     .readonly = readonly, .hint = N_("For example: enter the new mobile number of the IT provider."),
			     .error = fe_get(fe, "title"), .saved = text_saved(saved, t->title, saved ? saved->title : "") };
	form_input(r, &fl);
	fl = (struct field){ .name = "description", .label = N_("Description"), .value = t->description,
			     .readonly = readonly, .hint = N_("What exactly is to be done?"),
			     .error = fe_get(fe, "description"),
			     .saved = text_saved(saved, t->description, saved ? saved->description : "") };
	form_textarea(r, &fl);
	fl = (struct field){ .name = "assignee_id", .label = N_("Assigned to"), .value = id_text(r, t->assignee_id),
			     .readonly = readonly, .hint = N_("A member of your organisation; they are notified."),
			     .error = fe_get(fe, "assignee_id"),
			     .saved = saved && saved->assignee_id != t->assignee_id ? saved->assignee_name : NULL,
			     .saved_value = saved ? id_text(r, saved->assignee_id) : NULL };
	form_select(r, &fl, people, (int)nmembers + 1);
	html_lit(o, "<div class=\"scale-row\">");
	fl = (struct field){ .name = "due_date", .label = N_("Due on"), .type = "date", .value = t->due_date,
			     .readonly = readonly, .error = fe_get(fe, "due_date"),
			     .saved = text_saved(saved, t->due_date, saved ? saved->due_date : "") };
	form_input(r, &fl);
	fl = (struct field){ .name = "status", .label = N_("Status"), .value = task_status_name(t->status),
			     .readonly = readonly, .error = fe_get(fe, "status"),
			     .saved_value = saved ? task_status_name(saved->status) : NULL };
	form_select(r, &fl, stats, TASK_STATUS__MAX);
	html_lit(o, "</div>");
	if (!*t->entity) {
		fl = (struct field){ .name = "step", .label = N_("Step"), .value = t->step ? id_text(r, t->step) : "",
				     .readonly = readonly, .hint = N_("Which step of the plan the task belongs to."),
				     .error = fe_get(fe, "step"),
				     .saved_value = saved ? (saved->step ? id_text(r, saved->step) : "") : NULL };
		form_select(r, &fl, steps, STEP__MAX);
	} else {
		form_hidden(r, "step", id_text(r, t->step));
	}
	form_actions(r, readonly ? NULL : is_new ? N_("Add task") : N_("Save"), tasks_url(r, ""),
		     is_new || readonly ? NULL : task_url(r, t->id, "/delete"));
	form_end(r);
	page_end(r);
}

static int read_form(struct req *r, void *item, struct field_errors *fe)
{
	struct task *t = item;

	task_from_form(t, &r->form, fe);
	task_validate(t, r->arena, fe);
	if (fe->n)
		store_task_check_refs(r->db, t, r->org.id, fe);
	return fe->n ? -1 : 0;
}

void web_task_new(struct req *r)
{
	struct task t;
	long long id;
	const char *v;

	task_init(&t);
	/* prefilled from an item page: /tasks/new?entity=system&entity_id=7 or ?step=2 */
	if ((v = kv_get(&r->query, "entity")) && task_entity_find(v) &&
	    parse_id(kv_get(&r->query, "entity_id") ? kv_get(&r->query, "entity_id") : "", &id) == 0) {
		t.entity = task_entity_find(v)->name;
		t.entity_id = id;
		t.step = task_entity_find(v)->step;
	} else if ((v = kv_get(&r->query, "step")) && parse_id(v, &id) == 0 && id <= 5) {
		t.step = (int)id;
	}
	task_form(r, 200, &t, NULL, NULL);
}

static void created(struct req *r, const struct task *t)
{
	resp_redirect(r, task_url(r, t->id, "?created=1"));
}

static void confirm_page(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct task *t = item;
	struct delete_confirmation dc = {
		.title = N_("Delete task"),
		.question = N_("Do you really want to delete the task \"%s\"?"),
		.name = t->title,
		.note = N_("The change history keeps a record of it."),
		.changed = changed ? N_("Someone else changed this task meanwhile. Please check it again.") : NULL,
		.action = task_url(r, t->id, "/delete"),
		.version = t->version,
		.back = task_url(r, t->id, ""),
		.step = STEP_NONE,
	};

	(void)blockers;
	page_confirm_delete(r, status, &dc);
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	(void)item;
	snprintf(buf, len, "%s", tasks_url(r, ""));
}

static void keep(void *item, const void *stored)
{
	((struct task *)item)->finding_id = ((const struct task *)stored)->finding_id;
}

static const struct web_resource tasks = {
	.item = &store_item_task, .gone_msgid = MSG_GONE, .create_gone_msgid = MSG_GONE, .confirm_db_error = 1,
	.keep = keep, .read_form = read_form, .form = task_form, .confirm = confirm_page, .back = back,
};

void web_task_create(struct req *r) { web_res_create(r, &tasks); }
void web_task_edit(struct req *r) { web_res_edit(r, &tasks); }
void web_task_update(struct req *r) { web_res_update(r, &tasks); }
void web_task_confirm_delete(struct req *r) { web_res_confirm_delete(r, &tasks); }
void web_task_delete(struct req *r) { web_res_delete(r, &tasks); }

/* ---------------------------------------------------------------- one click: from a finding, from a gap */

/* Creates the prefilled task and goes to its form; a title too long for a task is cut at a character boundary. */
static void create_prefilled(struct req *r, struct task *t)
{
	struct field_errors fe = { 0 };
	enum kf_err err;

	task_validate(t, r->arena, &fe);
	if (fe_get(&fe, "title")) {
		char *cut = arena_strdup(r->arena, t->title);
		size_t len = cut ? strlen(cut) : 0;

		while (cut && utf8_length(cut) > TASK_TITLE_MAX - 1 && len > 0) {
			do
				len--;
			while (len > 0 && ((unsigned char)cut[len] & 0xC0) == 0x80);
			cut[len] = '\0';
		}
		t->title = cut ? arena_printf(r->arena, "%s…", cut) : "";
		memset(&fe, 0, sizeof(fe));
		task_validate(t, r->arena, &fe);
	}
	err = fe.n ? KF_EINVAL : store_task_create(r->db, r->arena, r->org.id, r->user.id, t, &fe);
	if (err == KF_EINVAL) {
		task_form(r, 422, t, &fe, NULL);
		return;
	}
	if (err) {
		web_store_error(r, err, MSG_GONE, 1);
		return;
	}
	created(r, t);
}

void web_task_from_finding(struct req *r)
{
	struct finding f;
	struct task t;
	enum kf_err err;

	err = store_finding_get(r->db, r->arena, r->org.id, r->id, &f);
	if (err) {
		web_store_error(r, err, N_("This finding does not exist (any more)."), 1);
		return;
	}
	task_init(&t);
	t.title = f.title;
	t.description = f.description;
	t.entity = "finding";
	t.entity_id = f.id;
	t.finding_id = f.id;
	t.step = STEP_EXERCISE;
	snprintf(t.due_date, sizeof(t.due_date), "%s", f.due_date);
	create_prefilled(r, &t);
}

/* Posted: kind and link of a gap (link as in the Plan-Check, below /o/{org}/). */
void web_task_from_gap(struct req *r)
{
	const char *kind = kv_get(&r->form, "kind"), *link = kv_get(&r->form, "link");
	const struct plan_gap *g = NULL;
	struct plan_check pc;
	struct plan_data d;
	struct task t;

	if (!kind || !link) {
		web_error_page(r, 400, N_("The form was incomplete. Please try again."));
		return;
	}
	if (check_view_load(r, &d, &pc) < 0) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	for (size_t i = 0; i < pc.ngaps && !g; i++)
		if (strcmp(pc.gaps[i].kind, kind) == 0 && strcmp(pc.gaps[i].link, link) == 0)
			g = &pc.gaps[i];
	if (!g) {
		web_error_page(r, 404, N_("This gap is no longer there: it was fixed meanwhile."));
		return;
	}
	task_init(&t);
	t.title = plan_gap_text(r->arena, r->lang, g);
	if (!t.title) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	t.step = (int)g->step;
	{
		/* "systems/7" links the task to system 7; a link without id only names the step */
		const char *slash = strrchr(g->link, '/');
		long long id;

		if (slash && parse_id(slash + 1, &id) == 0) {
			const struct task_entity *e =
				task_entity_by_path(arena_strndup(r->arena, g->link, (size_t)(slash - g->link)));

			if (e) {
				t.entity = e->name;
				t.entity_id = id;
			}
		}
	}
	create_prefilled(r, &t);
}

/* ---------------------------------------------------------------- start page and header */

void web_tasks_step_line(struct req *r, const struct plan_data *d, int step)
{
	struct strbuf *o = &r->out;
	size_t open = 0, overdue = 0;

	for (size_t i = 0; i < d->ntasks; i++) {
		if (d->tasks[i].step != step || !task_is_open(&d->tasks[i]))
			continue;
		open++;
		overdue += task_is_overdue(&d->tasks[i], d->today);
	}
	if (!open)
		return;
	html_lit(o, "<p class=\"step-tasks\"");
	html_attr(o, "id", arena_printf(r->arena, "step-tasks-%d", step));
	html_attr(o, "data-open", arena_printf(r->arena, "%zu", open));
	html_attr(o, "data-overdue", arena_printf(r->arena, "%zu", overdue));
	html_lit(o, "><a");
	html_attr(o, "href", arena_printf(r->arena, "/o/%lld/tasks?step=%d&filter=open", (long long)r->org.id, step));
	html_lit(o, ">");
	if (open == 1)
		html_text(o, _(r->lang, "1 open task"));
	else
		html_text_subst(o, _(r->lang, "%s open tasks"), arena_printf(r->arena, "%zu", open));
	if (overdue) {
		html_lit(o, ", ");
		html_text_subst(o, _(r->lang, "%s overdue"), arena_printf(r->arena, "%zu", overdue));
	}
	html_lit(o, "</a>");
	if (overdue) {
		html_lit(o, " <span class=\"badge overdue\">");
		html_text(o, _(r->lang, "overdue"));
		html_lit(o, "</span>");
	}
	html_lit(o, "</p>");
}

void web_tasks_header_link(struct req *r)
{
	struct strbuf *o = &r->out;

	if (!r->authed || !r->org.id)
		return;
	html_lit(o, "<a class=\"mytasks\"");
	html_attr(o, "href", tasks_url(r, "/mine"));
	html_lit(o, " id=\"mytasks-link\">");
	html_text(o, _(r->lang, "My tasks"));
	html_lit(o, "</a>");
}

void web_finding_tasks(struct req *r, int64_t finding_id)
{
	struct strbuf *o = &r->out;
	struct task_filter f;
	struct task *list;
	char today[11];
	size_t n;

	kf_date_iso(kf_now(), today);
	task_filter_init(&f);
	f.finding_id = finding_id;
	if (store_task_list(r->db, r->arena, r->org.id, &f, &list, &n) != KF_OK)
		return;
	html_lit(o, "<section class=\"item-tasks\" aria-labelledby=\"h-finding-tasks\"><h2 id=\"h-finding-tasks\">");
	html_text(o, _(r->lang, "Tasks"));
	html_lit(o, "</h2>");
	if (n)
		task_view_table(r, list, n, today);
	if (r->org.role >= MEMBER_EDITOR) {
		form_begin(r, arena_printf(r->arena, "/o/%lld/findings/%lld/task", (long long)r->org.id,
					   (long long)finding_id), r->csrf);
		form_submit(r, N_("Create as task"), NULL);
		form_end(r);
	}
	html_lit(o, "</section>");
}

void web_gap_task_button(struct req *r, const struct plan_gap *g)
{
	if (r->org.role < MEMBER_EDITOR)
		return;
	form_begin(r, tasks_url(r, "/from-gap"), r->csrf);
	form_hidden(r, "kind", g->kind);
	form_hidden(r, "link", g->link);
	form_submit(r, N_("Create as task"), "small");
	form_end(r);
}
