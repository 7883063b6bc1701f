/* page_recovery.c: step 3 overview: the recovery order as one checklist, links to backups, runbooks and workarounds, the override form, the start-page card. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "recovery_view.h"
#include "web.h"
#include "../lib/banned.h"

#define MSG_DB_READ N_("The database could not be read. Please try again.")
#define MSG_DB_WRITE N_("The database could not be written. Please try again.")

/* What the overview and the card show. */
struct recovery_page {
	struct recovery_result res;
	struct recovery_overrides *overrides;
	struct runbook *runbooks;
	size_t nrunbooks;
	struct workaround *workarounds;
	size_t nworkarounds;
	struct process *processes;
	size_t nprocesses;
};

static int load(struct req *r, struct recovery_page *p)
{
	if (store_recovery_order(r->db, r->arena, r->org.id, &p->res, &p->overrides) != KF_OK ||
	    store_runbook_list(r->db, r->arena, r->org.id, &p->runbooks, &p->nrunbooks) != KF_OK ||
	    store_workaround_list(r->db, r->arena, r->org.id, &p->workarounds, &p->nworkarounds) != KF_OK ||
	    store_process_list(r->db, r->arena, r->org.id, &p->processes, &p->nprocesses) != KF_OK)
		return -1;
	return 0;
}

static const struct runbook *runbook_of(const struct recovery_page *p, int64_t system_id)
{
	for (size_t i = 0; i < p->nrunbooks; i++)
		if (p->runbooks[i].system_id == system_id)
			return &p->runbooks[i];
	return NULL;
}

static size_t systems_with_runbook(const struct recovery_page *p)
{
	size_t k = 0;

	for (size_t i = 0; i < p->res.n; i++)
		k += runbook_of(p, p->res.entries[i].system->id) != NULL;
	return k;
}

static size_t processes_with_workaround(const struct recovery_page *p, int64_t *first_without_r)
{
	size_t k = 0;

	*first_without_r = 0;
	for (size_t i = 0; i < p->nprocesses; i++) {
		int has = 0;

		for (size_t w = 0; w < p->nworkarounds && !has; w++)
			has = p->workarounds[w].process_id == p->processes[i].id;
		k += has;
		if (!has && !*first_without_r)
			*first_without_r = p->processes[i].id;
	}
	return k;
}

/* The override of system id in the list, or NULL. */
static const struct recovery_override *override_of(const struct recovery_overrides *o, int64_t system_id)
{
	for (int i = 0; i < o->n; i++)
		if (o->items[i].system_id == system_id)
			return &o->items[i];
	return NULL;
}

/* ---------------------------------------------------------------- the checklist */

static void warnings(struct req *r, const struct recovery_result *res)
{
	struct strbuf *o = &r->out;

	if (!res->nwarnings)
		return;
	html_lit(o, "<div class=\"notice warn\" role=\"status\"><p>");
	html_text(o, _(r->lang, "Some fixed places could not be kept, because they would break a dependency:"));
	html_lit(o, "</p><ul>");
	for (int i = 0; i < res->nwarnings; i++) {
		const struct recovery_warning *w = &res->warnings[i];

		html_lit(o, "<li><strong>");
		html_text(o, w->system->name);
		html_lit(o, "</strong> – ");
		html_text_subst(o, _(r->lang, "place %s:"), rv_num(r, w->override->position));
		html_lit(o, " ");
		html_text_subst(o, _(r->lang, recovery_problem_msgid(w->problem)), w->other ? w->other->name : "?");
		html_lit(o, "</li>");
	}
	html_lit(o, "</ul></div>");
}

static void checklist(struct req *r, const struct recovery_page *p)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<ol class=\"recovery-order\">");
	for (size_t i = 0; i < p->res.n; i++) {
		const struct recovery_entry *e = &p->res.entries[i];
		const struct runbook *rb = runbook_of(p, e->system->id);

		html_lit(o, "<li><strong>");
		html_text(o, e->system->name);
		html_lit(o, "</strong> – ");
		rv_target(r, e->system->required_rto_hours);
		html_lit(o, " – ");
		if (rb) {
			rv_link(r, rv_item_url(r, "runbooks", rb->id, ""), _(r->lang, "View the runbook"), NULL);
		} else if (r->org.role >= MEMBER_EDITOR) {
			html_lit(o, "<span class=\"badge gap\">");
			html_text(o, _(r->lang, "Gap"));
			html_lit(o, "</span> ");
			rv_link(r, arena_printf(r->arena, "/o/%lld/runbooks/new?system=%lld", (long long)r->org.id,
						(long long)e->system->id),
				_(r->lang, "Write runbook"), NULL);
		} else {
			html_lit(o, "<span class=\"badge gap\">");
			html_text(o, _(r->lang, "no runbook yet"));
			html_lit(o, "</span>");
		}
		if (e->override) {
			html_lit(o, "<br><small class=\"pinned\">");
			html_text_subst(o, _(r->lang, "Place fixed by the team: %s"), e->override->reason);
			html_lit(o, "</small>");
		}
		html_lit(o, "</li>");
	}
	html_lit(o, "</ol>");
}

/* ---------------------------------------------------------------- the override form */

/* One cell's saved value on a stale edit: the saved text when it differs from mine, else NULL. */
static const char *cell_saved(const struct recovery_overrides *saved, const char *mine, const char *theirs)
{
	return saved && strcmp(mine, theirs) != 0 ? theirs : NULL;
}

/* One system's row; sv is its saved override (NULL: none) when saved holds the state stored meanwhile. */
static void override_row(struct req *r, const struct recovery_entry *e, const struct recovery_override *ov,
			 const struct field_errors *fe, int readonly, const struct recovery_overrides *saved,
			 const struct recovery_override *sv)
{
	struct strbuf *o = &r->out;
	const char *pos = ov && ov->position > 0 ? rv_num(r, ov->position) : "", *reason = ov ? ov->reason : "";
	const char *saved_pos = cell_saved(saved, pos, sv && sv->position > 0 ? rv_num(r, sv->position) : ""),
		   *saved_reason = cell_saved(saved, reason, sv ? sv->reason : "");
	int64_t id = e->system->id;
	const char *pos_field = arena_printf(r->arena, "position-%lld", (long long)id),
		   *reason_field = arena_printf(r->arena, "reason-%lld", (long long)id);
	const char *pos_err = fe_get(fe, pos_field), *reason_err = fe_get(fe, reason_field);

	html_lit(o, "<tr><th scope=\"row\">");
	html_text(o, e->system->name);
	html_lit(o, " <small>");
	html_text_subst(o, _(r->lang, "computed: place %s"), rv_num(r, e->computed_position));
	html_lit(o, "</small></th><td");
	html_attr(o, "data-label", _(r->lang, "Fixed place"));
	html_attr(o, "class", pos_err ? "field invalid" : "field");
	html_lit(o, "><label class=\"vh\"");
	html_attr(o, "for", arena_printf(r->arena, "f-%s", pos_field));
	html_lit(o, ">");
	html_text_subst(o, _(r->lang, "Fixed place of %s"), e->system->name);
	html_lit(o, "</label>");
	rv_field_error(r, fe, pos_field);
	html_lit(o, "<input type=\"number\" min=\"1\"");
	html_attr(o, "id", arena_printf(r->arena, "f-%s", pos_field));
	html_attr(o, "name", pos_field);
	html_attr(o, "value", pos);
	if (pos_err) {
		html_lit(o, " aria-invalid=\"true\"");
		html_attr(o, "aria-describedby", arena_printf(r->arena, "err-%s", pos_field));
	} else if (saved_pos) {
		form_saved_ref(r, pos_field);
	}
	if (readonly)
		html_lit(o, " readonly");
	html_lit(o, ">");
	if (saved_pos)
		form_saved_field(r, pos_field, saved_pos, saved_pos);
	html_lit(o, "</td><td");
	html_attr(o, "data-label", _(r->lang, "Reason"));
	html_attr(o, "class", reason_err ? "field invalid" : "field");
	html_lit(o, "><label class=\"vh\"");
	html_attr(o, "for", arena_printf(r->arena, "f-%s", reason_field));
	html_lit(o, ">");
	html_text_subst(o, _(r->lang, "Reason for the place of %s"), e->system->name);
	html_lit(o, "</label>");
	rv_field_error(r, fe, reason_field);
	html_lit(o, "<input type=\"text\"");
	html_attr(o, "id", arena_printf(r->arena, "f-%s", reason_field));
	html_attr(o, "name", reason_field);
	html_attr(o, "value", reason);
	if (reason_err) {
		html_lit(o, " aria-invalid=\"true\"");
		html_attr(o, "aria-describedby", arena_printf(r->arena, "err-%s", reason_field));
	} else if (saved_reason) {
		form_saved_ref(r, reason_field);
	}
	if (readonly)
		html_lit(o, " readonly");
	html_lit(o, ">");
	if (saved_reason)
		form_saved_field(r, reason_field, saved_reason, saved_reason);
	html_lit(o, "</td></tr>");
}

/*
 * input: what the form shows (the stored overrides, or what was sent back); version: the one the form carries;
 * saved: the overrides stored meanwhile (stale edit) or NULL.
 */
static void override_form(struct req *r, const struct recovery_page *p, const struct recovery_overrides *input,
			  int64_t version, const struct field_errors *fe, const struct recovery_overrides *saved)
{
	static const char *const columns[] = { N_("IT system"), N_("Fixed place"), N_("Reason") };
	int readonly = r->org.role < MEMBER_EDITOR;
	struct strbuf *o = &r->out;

	html_lit(o, "<section aria-labelledby=\"h-overrides\"><h2 id=\"h-overrides\">");
	html_text(o, _(r->lang, "Change the order"));
	html_lit(o, "</h2><p class=\"hint\">");
	html_text(o, _(r->lang, "If the team wants a system earlier or later, give it a fixed place and say why. A place that would put a system before something it needs is not applied; you then see a warning above."));
	html_lit(o, "</p>");
	form_error_summary(r, fe);
	form_begin(r, rv_url(r, "recovery/overrides"), r->csrf);
	form_hidden(r, "version", rv_num(r, version));
	html_lit(o, "<div class=\"table-wrap\"><table class=\"overrides\"><thead><tr>");
	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		html_lit(o, "<th scope=\"col\">");
		html_text(o, _(r->lang, columns[c]));
		html_lit(o, "</th>");
	}
	html_lit(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < p->res.n; i++)
		override_row(r, &p->res.entries[i], override_of(input, p->res.entries[i].system->id), fe, readonly, saved,
			     saved ? override_of(saved, p->res.entries[i].system->id) : NULL);
	html_lit(o, "</tbody></table></div>");
	if (!readonly) {
		html_lit(o, "<div class=\"actions\">");
		form_submit(r, N_("Save the order"), NULL);
		html_lit(o, "</div>");
	}
	form_end(r);
	html_lit(o, "</section>");
}

/* ---------------------------------------------------------------- the page */

static void page(struct req *r, int status, const struct recovery_page *p, const struct recovery_overrides *input,
		 int64_t version, const struct field_errors *fe, const struct recovery_overrides *saved)
{
	struct strbuf *o = &r->out;
	int64_t first_without;
	size_t with_rb = systems_with_runbook(p), with_wa = processes_with_workaround(p, &first_without);

	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Plan the recovery"), STEP_RECOVERY,
		   N_("What comes back first after a failure, how each IT system is brought back, and how work goes on meanwhile."));
	web_review_notice(r, CHAPTER_RUNBOOKS, "recovery"); /* review marks */
	if (kv_get(&r->query, "saved"))
		page_notice(r, "ok", _(r->lang, "Saved."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed the order meanwhile."));

	html_lit(o, "<section aria-labelledby=\"h-order\"><h2 id=\"h-order\">");
	html_text(o, _(r->lang, "Recovery order"));
	html_lit(o, "</h2><p class=\"hint\">");
	html_text(o, _(r->lang, "Computed from the dependencies: a system comes after what it needs. Among the others, the one that must be back soonest comes first, then the one whose standstill costs most."));
	html_lit(o, "</p>");
	if (p->res.n == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No IT systems yet. Record them and their dependencies in step 1; the order then follows here."));
		html_lit(o, "</p><p>");
		rv_link(r, rv_url(r, "systems"), _(r->lang, "IT systems and dependencies"), "button primary");
		html_lit(o, "</p>");
	} else {
		warnings(r, &p->res);
		checklist(r, p);
	}
	html_lit(o, "</section>");

	html_lit(o, "<section aria-labelledby=\"h-backups\"><h2 id=\"h-backups\">");
	html_text(o, _(r->lang, "Backups"));
	html_lit(o, "</h2><p>");
	html_text(o, _(r->lang, "What is backed up, where the copies are, and whether a restore has been tested."));
	html_lit(o, "</p><p>");
	rv_link(r, rv_url(r, "backups"), _(r->lang, "Open the backup register"), "button");
	html_lit(o, "</p></section>");

	html_lit(o, "<section aria-labelledby=\"h-runbooks\"><h2 id=\"h-runbooks\">");
	html_text(o, _(r->lang, "Recovery runbooks"));
	html_lit(o, "</h2><p>");
	html_textf(o, _(r->lang, "IT systems with a runbook: %zu of %zu"), with_rb, p->res.n);
	html_lit(o, "</p><p>");
	rv_link(r, rv_url(r, "runbooks"), _(r->lang, "Open the runbooks"), "button");
	html_lit(o, "</p></section>");

	html_lit(o, "<section aria-labelledby=\"h-workarounds\"><h2 id=\"h-workarounds\">");
	html_text(o, _(r->lang, "Workarounds"));
	html_lit(o, "</h2><p>");
	html_textf(o, _(r->lang, "Business processes with a workaround: %zu of %zu"), with_wa, p->nprocesses);
	html_lit(o, "</p><p>");
	rv_link(r, rv_url(r, "workarounds"), _(r->lang, "Open the workarounds"), "button");
	html_lit(o, "</p></section>");

	if (p->res.n)
		override_form(r, p, input, version, fe, saved);
	page_end(r);
}

void web_recovery(struct req *r)
{
	struct recovery_page p;

	if (load(r, &p) < 0) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	page(r, 200, &p, p.overrides, p.overrides->version, NULL, NULL);
}

void web_recovery_overrides_update(struct req *r)
{
	struct recovery_overrides *input = ARENA_NEW(r->arena, struct recovery_overrides, 1),
				  *current = ARENA_NEW(r->arena, struct recovery_overrides, 1);
	struct field_errors fe = { 0 };
	struct recovery_page p;
	struct system *systems;
	long long version;
	enum kf_err err;
	size_t n;

	version = page_form_version(r, 0);
	if (version < 0)
		return;
	if (!input || !current || store_system_list(r->db, r->arena, r->org.id, &systems, &n) != KF_OK) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	recovery_overrides_init(input);
	recovery_overrides_from_form(input, &r->form, systems, n, &fe);
	err = store_recovery_overrides_check(r->db, r->arena, input, r->org.id, 1, &fe);
	if (!err)
		err =
		    store_recovery_overrides_put(r->db, r->arena, r->org.id, r->user.id, version, input, current, &fe);
	if (err == KF_OK) {
		resp_redirect(r, rv_url(r, "recovery?saved=1#h-order"));
		return;
	}
	if (err != KF_EINVAL && err != KF_ECONFLICT) {
		web_error_page(r, 500, MSG_DB_WRITE);
		return;
	}
	if (load(r, &p) < 0) {
		web_error_page(r, 500, MSG_DB_READ);
		return;
	}
	if (err == KF_ECONFLICT)
		page(r, 409, &p, input, current->version, NULL, current);
	else
		page(r, 422, &p, input, version, &fe, NULL);
}

/* ---------------------------------------------------------------- the start page's card */

int web_recovery_card(struct req *r, const struct plan_data *d)
{
	struct strbuf *o = &r->out;
	struct recovery_page p;
	const struct system *next_system = NULL;
	int64_t first_without;
	size_t with_rb;
	const char *href;

	(void)d; /* the order needs the overrides and the workarounds, which the plan does not hold */
	if (load(r, &p) < 0)
		return -1;
	with_rb = systems_with_runbook(&p);
	processes_with_workaround(&p, &first_without);
	for (size_t i = 0; i < p.res.n && !next_system; i++)
		if (!runbook_of(&p, p.res.entries[i].system->id))
			next_system = p.res.entries[i].system;
	if (p.res.n) {
		html_lit(o, "<div class=\"progress\"><progress");
		html_attr(o, "max", rv_num(r, (int64_t)p.res.n));
		html_attr(o, "value", rv_num(r, (int64_t)with_rb));
		html_attr(o, "aria-label", _(r->lang, "IT systems with a runbook"));
		html_lit(o, "></progress></div>");
	}
	html_lit(o, "<p class=\"counts\">");
	html_textf(o, _(r->lang, "IT systems with a runbook: %zu of %zu"), with_rb, p.res.n);
	html_lit(o, " · ");
	html_textf(o, _(r->lang, "Workarounds: %zu"), p.nworkarounds);
	html_lit(o, "</p>");
	if (p.res.nwarnings) {
		html_lit(o, "<ul class=\"gaps\"><li><span class=\"badge gap\">");
		html_text(o, _(r->lang, "Gap"));
		html_lit(o, "</span> ");
		html_text_subst(o, _(r->lang, "Fixed places that could not be kept: %s"), rv_num(r, p.res.nwarnings));
		html_lit(o, "</li></ul>");
	}
	html_lit(o, "<p>");
	if (r->org.role >= MEMBER_EDITOR && p.res.n == 0) {
		rv_link(r, rv_url(r, "systems"), _(r->lang, "Record the IT systems first"), "button primary");
	} else if (r->org.role >= MEMBER_EDITOR && next_system) {
		href = arena_printf(r->arena, "/o/%lld/runbooks/new?system=%lld", (long long)r->org.id,
				    (long long)next_system->id);
		html_lit(o, "<a class=\"button primary\"");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text_subst(o, _(r->lang, "Write the runbook for %s"), next_system->name);
		html_lit(o, "</a>");
	} else if (r->org.role >= MEMBER_EDITOR && first_without) {
		href = arena_printf(r->arena, "/o/%lld/workarounds/new?process=%lld", (long long)r->org.id,
				    (long long)first_without);
		rv_link(r, href, _(r->lang, "Add a workaround"), "button primary");
	} else {
		rv_link(r, rv_url(r, "recovery"), _(r->lang, "Open step 3"), "button primary");
	}
	html_lit(o, "</p>");
	return 0;
}
