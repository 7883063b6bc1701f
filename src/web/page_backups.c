/* page_backups.c: step 3: the backup register with its checks, one backup with its restore tests, the form. */
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

#define MSG_GONE N_("This backup does not exist (any more).")

#define PURPOSE_REGISTER                                                                                              \
	N_("Which data is backed up, how often and where the copies are kept, and whether a restore has really been " \
	   "tested. Gaps are shown with each backup.")

void backup_view_url(struct req *r, int64_t backup_id, char *out, size_t len)
{
	if (backup_id)
		snprintf(out, len, "/o/%lld/backups/%lld", (long long)r->org.id, (long long)backup_id);
	else
		snprintf(out, len, "/o/%lld/backups", (long long)r->org.id);
}

/* A badge whose text is already translated (and may hold values). */
static void badge_text(struct req *r, const char *css_class, const char *text)
{
	html_lit(&r->out, "<span");
	html_attr(&r->out, "class", css_class);
	html_lit(&r->out, ">");
	html_text(&r->out, text);
	html_lit(&r->out, "</span>");
}

static void cell(struct req *r, const char *column_msgid)
{
	html_lit(&r->out, "<td");
	html_attr(&r->out, "data-label", _(r->lang, column_msgid));
	html_lit(&r->out, ">");
}

static void term(struct req *r, const char *msgid)
{
	html_lit(&r->out, "<dt>");
	html_text(&r->out, _(r->lang, msgid));
	html_lit(&r->out, "</dt><dd>");
}

static const struct system *system_by_id(const struct system *list, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			return &list[i];
	return NULL;
}

/* "daily", or "every 12 h". */
static void frequency_text(struct req *r, int hours)
{
	const char *label = backup_frequency_label(hours);

	if (label)
		html_text(&r->out, _(r->lang, label));
	else
		html_text_subst(&r->out, _(r->lang, "every %s"), arena_printf(r->arena, "%d\u00a0h", hours));
}

static void system_names(struct req *r, const struct backup *b, const struct system *systems, size_t ns, int links)
{
	char href[80];
	int shown = 0;

	for (int i = 0; i < b->nsystems; i++) {
		const struct system *s = system_by_id(systems, ns, b->system_ids[i]);

		if (!s)
			continue;
		if (shown++)
			html_lit(&r->out, ", ");
		if (links) {
			snprintf(href, sizeof(href), "/o/%lld/systems/%lld", (long long)r->org.id, (long long)s->id);
			html_lit(&r->out, "<a");
			html_attr(&r->out, "href", href);
			html_lit(&r->out, ">");
			html_text(&r->out, s->name);
			html_lit(&r->out, "</a>");
		} else {
			html_text(&r->out, s->name);
		}
	}
	if (!shown) {
		html_lit(&r->out, "<span class=\"muted\">");
		html_text(&r->out, _(r->lang, "no IT system chosen"));
		html_lit(&r->out, "</span>");
	}
}

/* The 3-2-1 badge with the missing parts in words. */
static void badge_321(struct req *r, const struct backup *b)
{
	unsigned m = backup_check_321(b, NULL);

	html_lit(&r->out, "<span class=\"check-321\">");
	if (!m) {
		exercise_view_badge(r, "badge ok", N_("3-2-1 met"));
		html_lit(&r->out, "</span>");
		return;
	}
	exercise_view_badge(r, "badge gap", N_("3-2-1 not met"));
	html_lit(&r->out, " <small>");
	if (m & B321_COPIES)
		html_text_subst(&r->out, _(r->lang, "only %s of 3 copies"), arena_printf(r->arena, "%d", b->ncopies));
	if (m & B321_KINDS) {
		if (m & B321_COPIES)
			html_lit(&r->out, "; ");
		html_text(&r->out, _(r->lang, "only one kind of storage"));
	}
	if (m & B321_OFFSITE) {
		if (m & (B321_COPIES | B321_KINDS))
			html_lit(&r->out, "; ");
		html_text(&r->out, _(r->lang, "no copy off site, offline or in the cloud"));
	}
	html_lit(&r->out, "</small></span>");
}

/* Last test (date, result) and a badge for its age. */
static void test_status(struct req *r, const struct backup *b)
{
	const struct backup_facts *f = &b->facts;
	enum backup_test_state st = backup_test_state(f, f->today, BACKUP_TEST_MAX_AGE_MONTHS);

	html_lit(&r->out, "<span class=\"test-status\"");
	html_attr(&r->out, "data-state", backup_test_state_name(st));
	html_lit(&r->out, ">");
	if (st == BACKUP_TEST_NEVER) {
		exercise_view_badge(r, "badge gap", N_("never tested"));
		html_lit(&r->out, "</span>");
		return;
	}
	html_date(&r->out, f->last_test_date, r->lang == KF_LANG_DE);
	html_lit(&r->out, ": ");
	html_text(&r->out, _(r->lang, restore_result_label(f->last_test_result)));
	html_lit(&r->out, " ");
	if (st == BACKUP_TEST_NO_SUCCESS)
		exercise_view_badge(r, "badge gap", N_("never successful"));
	else if (st == BACKUP_TEST_TOO_OLD)
		badge_text(r, "badge gap",
			   backup_subst(r->arena, _(r->lang, "last success more than %s months ago"),
					arena_printf(r->arena, "%d", BACKUP_TEST_MAX_AGE_MONTHS), NULL, NULL));
	else
		exercise_view_badge(r, "badge ok", N_("tested recently"));
	html_lit(&r->out, "</span>");
}

static const char *hours_text(struct req *r, int64_t h)
{
	return arena_printf(r->arena, "%lld\u00a0h", (long long)h);
}

/* The RTO and RPO badges: target against what was measured and how often backups run. */
static void target_badges(struct req *r, const struct backup *b)
{
	const struct backup_facts *f = &b->facts;
	const char *t;

	html_lit(&r->out, "<span class=\"targets\"");
	html_attr(&r->out, "data-rto", backup_target_state_name(backup_rto_state(b)));
	html_attr(&r->out, "data-rpo", backup_target_state_name(backup_rpo_state(b)));
	html_lit(&r->out, ">");
	switch (backup_rto_state(b)) {
	case BACKUP_TARGET_OK:
		t = backup_subst(r->arena, _(r->lang, "RTO met: restore %s of %s"),
				 backup_minutes_text(r->arena, f->last_success_minutes),
				 hours_text(r, f->required_rto_hours), NULL);
		badge_text(r, "badge ok", t ? t : "");
		break;
	case BACKUP_TARGET_GAP:
		t = backup_subst(r->arena, _(r->lang, "RTO gap: restore %s instead of %s"),
				 backup_minutes_text(r->arena, f->last_success_minutes),
				 hours_text(r, f->required_rto_hours), NULL);
		badge_text(r, "badge gap", t ? t : "");
		break;
	case BACKUP_TARGET_NOT_MEASURED:
		exercise_view_badge(r, "badge gap", N_("RTO: restore time unknown"));
		break;
	default:
		html_lit(&r->out, "<span class=\"muted\">");
		html_text(&r->out, _(r->lang, "no RTO set"));
		html_lit(&r->out, "</span>");
		break;
	}
	html_lit(&r->out, " ");
	switch (backup_rpo_state(b)) {
	case BACKUP_TARGET_OK:
		t = backup_subst(r->arena, _(r->lang, "RPO met: every %s, allowed %s"), hours_text(r, b->frequency_hours),
				 hours_text(r, f->required_rpo_hours), NULL);
		badge_text(r, "badge ok", t ? t : "");
		break;
	case BACKUP_TARGET_GAP:
		t = backup_subst(r->arena, _(r->lang, "RPO gap: every %s instead of %s"),
				 hours_text(r, b->frequency_hours), hours_text(r, f->required_rpo_hours), NULL);
		badge_text(r, "badge gap", t ? t : "");
		break;
	default:
		html_lit(&r->out, "<span class=\"muted\">");
		html_text(&r->out, _(r->lang, "no RPO set"));
		html_lit(&r->out, "</span>");
		break;
	}
	html_lit(&r->out, "</span>");
}

static void copies_text(struct req *r, const struct backup *b)
{
	if (!b->ncopies) {
		html_lit(&r->out, "<span class=\"muted\">");
		html_text(&r->out, _(r->lang, "no copies named"));
		html_lit(&r->out, "</span>");
		return;
	}
	html_lit(&r->out, "<ul class=\"copies\">");
	for (int i = 0; i < b->ncopies; i++) {
		html_lit(&r->out, "<li><strong>");
		html_text(&r->out, _(r->lang, backup_copy_kind_label(b->copies[i].kind)));
		html_lit(&r->out, ":</strong> ");
		html_text(&r->out, b->copies[i].media);
		html_lit(&r->out, "</li>");
	}
	html_lit(&r->out, "</ul>");
}

/* ---------------------------------------------------------------- the register */

static void register_table(struct req *r, const struct backup *list, size_t n, const struct system *systems,
			   size_t ns)
{
	static const char *const columns[] = { N_("Backup"), N_("IT systems"), N_("Frequency"),
					       N_("Copies and 3-2-1 rule"), N_("Last restore test"),
					       N_("Target vs actual") };
	struct strbuf *o = &r->out;
	char href[80];

	html_lit(o, "<div class=\"table-wrap\"><table class=\"backups\"><thead><tr>");
	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		html_lit(o, "<th scope=\"col\">");
		html_text(o, _(r->lang, columns[c]));
		html_lit(o, "</th>");
	}
	html_lit(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct backup *b = &list[i];

		backup_view_url(r, b->id, href, sizeof(href));
		html_lit(o, "<tr><th scope=\"row\"><a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, b->title);
		html_lit(o, "</a></th>");
		cell(r, N_("IT systems"));
		system_names(r, b, systems, ns, 0);
		html_lit(o, "</td>");
		cell(r, N_("Frequency"));
		frequency_text(r, b->frequency_hours);
		html_lit(o, "</td>");
		cell(r, N_("Copies and 3-2-1 rule"));
		badge_321(r, b);
		copies_text(r, b);
		html_lit(o, "</td>");
		cell(r, N_("Last restore test"));
		test_status(r, b);
		html_lit(o, "</td>");
		cell(r, N_("Target vs actual"));
		target_badges(r, b);
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
}

void web_backups(struct req *r)
{
	struct strbuf *o = &r->out;
	struct backup *list;
	struct system *systems;
	size_t n, ns, with_gaps = 0;
	char href[80];

	if (store_backup_list(r->db, r->arena, r->org.id, &list, &n) != KF_OK ||
	    store_system_list(r->db, r->arena, r->org.id, &systems, &ns) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	for (size_t i = 0; i < n; i++) {
		struct backup_gap gaps[BACKUP_GAPS_MAX];

		if (backup_gaps(&list[i], list[i].facts.today, gaps, BACKUP_GAPS_MAX) > 0)
			with_gaps++;
	}
	page_begin(r, N_("Backups"), STEP_RECOVERY, PURPOSE_REGISTER);
	web_review_notice(r, CHAPTER_BACKUPS, "backups"); /* review marks */
	html_lit(o, "<p class=\"hint\">");
	html_text(o, _(r->lang, "3-2-1 rule: at least 3 copies, on at least 2 different kinds of storage, at least 1 "
				"of them outside the office (off site, offline or in the cloud)."));
	html_lit(o, "</p>");
	snprintf(href, sizeof(href), "/o/%lld/backups/new", (long long)r->org.id);
	page_section_head(r, "h-backups", N_("Backup register"), href, N_("Add backup"), "button primary");
	if (n == 0) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No backups yet. Start with the data you could least do without: accounting, "
					"customer files, email."));
		html_lit(o, "</p>");
	} else {
		html_lit(o, "<p id=\"backup-summary\">");
		if (with_gaps)
			html_text_subst(o, _(r->lang, "Backups with gaps: %s"),
					arena_printf(r->arena, "%zu / %zu", with_gaps, n));
		else
			html_text(o, _(r->lang, "No gaps found in the backups."));
		html_lit(o, "</p>");
		register_table(r, list, n, systems, ns);
	}
	html_lit(o, "</section>");
	page_end(r);
}

/* ---------------------------------------------------------------- one backup */

static void tests_table(struct req *r, const struct restore_test *list, size_t n, const struct contact *contacts,
			size_t ncontacts)
{
	static const char *const columns[] = { N_("Date"), N_("Result"), N_("Restore time"), N_("Tested by"),
					       N_("Notes") };
	static const char *const classes[RESTORE_RESULT__MAX] = { "badge ok", "badge gap", "badge spof" };
	struct strbuf *o = &r->out;
	char href[80];

	html_lit(o, "<div class=\"table-wrap\"><table class=\"restore-tests\"><thead><tr>");
	for (size_t c = 0; c < sizeof(columns) / sizeof(columns[0]); c++) {
		html_lit(o, "<th scope=\"col\">");
		html_text(o, _(r->lang, columns[c]));
		html_lit(o, "</th>");
	}
	html_lit(o, "</tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct restore_test *t = &list[i];
		const char *who = exercise_view_contact_name(contacts, ncontacts, t->tested_by_contact_id);

		snprintf(href, sizeof(href), "/o/%lld/restore-tests/%lld", (long long)r->org.id, (long long)t->id);
		html_lit(o, "<tr><th scope=\"row\"><a");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_date(o, t->date, r->lang == KF_LANG_DE);
		html_lit(o, "</a></th>");
		cell(r, N_("Result"));
		exercise_view_badge(r, classes[t->result], restore_result_label(t->result));
		html_lit(o, "</td>");
		cell(r, N_("Restore time"));
		if (t->duration_minutes >= 0)
			html_text(o, backup_minutes_text(r->arena, t->duration_minutes));
		else {
			html_lit(o, "<span class=\"muted\">");
			html_text(o, _(r->lang, "not measured"));
			html_lit(o, "</span>");
		}
		html_lit(o, "</td>");
		cell(r, N_("Tested by"));
		html_text(o, who ? who : "—");
		html_lit(o, "</td>");
		cell(r, N_("Notes"));
		html_lit(o, "<span class=\"multiline\">");
		html_text(o, t->notes);
		html_lit(o, "</span></td></tr>");
	}
	html_lit(o, "</tbody></table></div>");
}

/* The gaps of one backup as sentences, or that there are none. */
static void gaps_section(struct req *r, const struct backup *b)
{
	struct backup_gap gaps[BACKUP_GAPS_MAX];
	struct strbuf *o = &r->out;
	int n = backup_gaps(b, b->facts.today, gaps, BACKUP_GAPS_MAX);

	html_lit(o, "<section aria-labelledby=\"h-checks\"><h2 id=\"h-checks\">");
	html_text(o, _(r->lang, "Checks"));
	html_lit(o, "</h2><p>");
	badge_321(r, b);
	html_lit(o, "</p><p>");
	test_status(r, b);
	html_lit(o, "</p><p>");
	target_badges(r, b);
	html_lit(o, "</p>");
	if (!n) {
		html_lit(o, "<p class=\"notice ok\" id=\"backup-gaps\">");
		html_text(o, _(r->lang, "No gaps: the copies follow 3-2-1, the last restore test is recent, and the "
					"targets of the IT systems are met."));
		html_lit(o, "</p>");
	} else {
		html_lit(o, "<ul class=\"gaps\" id=\"backup-gaps\">");
		for (int i = 0; i < n; i++) {
			const char *text = backup_gap_text(r->arena, r->lang, &gaps[i]);

			html_lit(o, "<li");
			html_attr(o, "data-gap", backup_gap_code(gaps[i].kind));
			html_lit(o, ">");
			exercise_view_badge(r, "badge gap", N_("Gap"));
			html_lit(o, " ");
			html_text(o, text ? text : "");
			html_lit(o, "</li>");
		}
		html_lit(o, "</ul>");
	}
	html_lit(o, "</section>");
}

void web_backup_show(struct req *r)
{
	struct strbuf *o = &r->out;
	struct restore_test *tests;
	struct contact *contacts;
	struct system *systems;
	struct backup b;
	size_t ntests, ncontacts, ns;
	enum kf_err err;
	const char *who;
	char href[96];

	err = store_backup_get(r->db, r->arena, r->org.id, r->id, &b);
	if (!err)
		err = store_restore_test_list(r->db, r->arena, r->org.id, b.id, &tests, &ntests);
	if (err) {
		web_store_error(r, err, MSG_GONE, 0);
		return;
	}
	if (store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK ||
	    store_system_list(r->db, r->arena, r->org.id, &systems, &ns) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	page_begin(r, N_("Backup"), STEP_RECOVERY,
		   N_("What this backup covers, where its copies are, and how the restore tests went."));
	html_lit(o, "<h2 class=\"backup-title\">");
	html_text(o, b.title);
	html_lit(o, "</h2>");
	if (r->org.role >= MEMBER_EDITOR) {
		html_lit(o, "<div class=\"actions\">");
		snprintf(href, sizeof(href), "/o/%lld/backups/%lld/edit", (long long)r->org.id, (long long)b.id);
		page_link(r, href, _(r->lang, "Edit backup"), "button");
		snprintf(href, sizeof(href), "/o/%lld/backups/%lld/delete", (long long)r->org.id, (long long)b.id);
		page_link(r, href, _(r->lang, "Delete"), "button danger");
		html_lit(o, "</div>");
	}
	html_lit(o, "<dl class=\"plan backup\">");
	term(r, N_("IT systems"));
	system_names(r, &b, systems, ns, 1);
	html_lit(o, "</dd>");
	term(r, N_("Tool or method"));
	html_text(o, *b.method ? b.method : "—");
	html_lit(o, "</dd>");
	term(r, N_("Frequency"));
	frequency_text(r, b.frequency_hours);
	html_lit(o, "</dd>");
	term(r, N_("Copies"));
	copies_text(r, &b);
	html_lit(o, "</dd>");
	term(r, N_("Retention"));
	if (b.retention_days >= 0)
		html_text_subst(o, _(r->lang, "%s days"), arena_printf(r->arena, "%d", b.retention_days));
	else
		html_text(o, "—");
	html_lit(o, "</dd>");
	term(r, N_("Encrypted"));
	html_text(o, b.encrypted ? _(r->lang, "yes") : _(r->lang, "no"));
	html_lit(o, "</dd>");
	term(r, N_("Responsible"));
	who = exercise_view_contact_name(contacts, ncontacts, b.responsible_contact_id);
	html_text(o, who ? who : "—");
	html_lit(o, "</dd>");
	term(r, N_("Notes"));
	html_lit(o, "<span class=\"multiline\">");
	html_text(o, *b.notes ? b.notes : "—");
	html_lit(o, "</span></dd></dl>");

	gaps_section(r, &b);

	snprintf(href, sizeof(href), "/o/%lld/backups/%lld/restore-tests/new", (long long)r->org.id,
		 (long long)b.id);
	page_section_head(r, "h-tests", N_("Restore tests"), href, N_("Record restore test"), "button primary");
	if (!ntests) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No restore test yet. Restore a few files or a whole system from this backup, "
					"measure how long it takes, and note the result here."));
		html_lit(o, "</p>");
	} else {
		tests_table(r, tests, ntests, contacts, ncontacts);
	}
	html_lit(o, "</section><p>");
	backup_view_url(r, 0, href, sizeof(href));
	page_link(r, href, _(r->lang, "Back to the backups"), "button secondary");
	html_lit(o, "</p>");
	web_item_panel(r, "backup", b.id); /* comments: comments and history */
	page_end(r);
}

/* ---------------------------------------------------------------- the form */

/* The posted value of name while the form comes back (errors, conflict), else fallback. */
static const char *posted(struct req *r, const char *name, const char *fallback)
{
	const char *v = r->form.n ? kv_get(&r->form, name) : NULL;

	return v ? v : fallback;
}

static int has_id(const int64_t *ids, int n, int64_t id)
{
	for (int i = 0; i < n; i++)
		if (ids[i] == id)
			return 1;
	return 0;
}

/* The first error among field and field[0..max]. */
static const char *list_error(const struct field_errors *fe, const char *field, int max)
{
	const char *err = fe_get(fe, field);
	char key[48];

	for (int i = 0; i <= max && !err; i++) {
		snprintf(key, sizeof(key), "%s[%d]", field, i);
		err = fe_get(fe, key);
	}
	return err;
}

static void system_boxes(struct req *r, const struct backup *b, const struct system *systems, size_t ns,
			 const struct field_errors *fe, int readonly, const struct backup *saved)
{
	const char *err = list_error(fe, "system_ids", BACKUP_MAX_SYSTEMS);
	int differ = saved && !form_same_ids(b->system_ids, b->nsystems, saved->system_ids, saved->nsystems);
	struct strbuf *o = &r->out;
	char id[48];

	html_lit(o, "<fieldset");
	html_attr(o, "class", err ? "threats invalid" : "threats");
	if (err)
		html_lit(o, " aria-describedby=\"err-system_ids\"");
	else if (differ)
		form_saved_ref(r, "system");
	html_lit(o, "><legend>");
	html_text(o, _(r->lang, "IT systems whose data it covers"));
	html_lit(o, "</legend><p class=\"hint\">");
	html_text(o, _(r->lang, "Their required recovery times (RTO, RPO) from step 1 are compared with the restore "
				"tests and the backup frequency."));
	html_lit(o, "</p>");
	if (err) {
		html_lit(o, "<p class=\"error\" id=\"err-system_ids\">");
		html_text(o, _(r->lang, err));
		html_lit(o, "</p>");
	}
	html_lit(o, "<div class=\"threat-list\">");
	for (size_t i = 0; i < ns; i++) {
		snprintf(id, sizeof(id), "system-%lld", (long long)systems[i].id);
		html_lit(o, "<div class=\"field check\"><input type=\"checkbox\" name=\"system\"");
		html_attr(o, "id", id);
		html_attr(o, "value", exercise_view_id_text(r, systems[i].id));
		if (has_id(b->system_ids, b->nsystems, systems[i].id))
			html_lit(o, " checked");
		if (readonly)
			html_lit(o, " disabled");
		html_lit(o, "><label");
		html_attr(o, "for", id);
		html_lit(o, ">");
		html_text(o, systems[i].name);
		html_lit(o, "</label></div>");
	}
	html_lit(o, "</div>");
	if (!ns) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No IT systems yet. Add them in step 1 (IT systems), then choose them here."));
		html_lit(o, "</p>");
	}
	if (differ) {
		const char *text = "";

		for (int i = 0; i < saved->nsystems && text; i++)
			for (size_t j = 0; j < ns && text; j++)
				if (systems[j].id == saved->system_ids[i])
					text = arena_printf(r->arena, "%s%s%s", text, *text ? ", " : "", systems[j].name);
		form_saved_ids(r, "system", saved->system_ids, saved->nsystems, text ? text : "");
	}
	html_lit(o, "</fieldset>");
}

/* "On site: NAS, offline: USB disk" of a backup's copies, as one line. */
static const char *copies_line(struct req *r, const struct backup *b)
{
	const char *s = "";

	for (int i = 0; i < b->ncopies && s; i++)
		s = arena_printf(r->arena, "%s%s%s: %s", s, i ? ", " : "",
				 _(r->lang, backup_copy_kind_label(b->copies[i].kind)), b->copies[i].media);
	return s ? s : "";
}

static void copy_rows(struct req *r, const struct backup *b, const struct field_errors *fe, int readonly,
		      const struct backup *saved)
{
	const char *theirs = saved ? copies_line(r, saved) : NULL;
	struct option kinds[BACKUP_COPY_KIND__MAX];
	struct strbuf *o = &r->out;
	int rows = b->ncopies + 1;
	char kname[32], mname[32], fkey[48];
	const char *err = fe_get(fe, "copies");

	if (rows < 3)
		rows = 3;
	if (rows > BACKUP_MAX_COPIES)
		rows = BACKUP_MAX_COPIES;
	if (readonly)
		rows = b->ncopies;
	for (int k = 0; k < BACKUP_COPY_KIND__MAX; k++) {
		kinds[k].value = backup_copy_kind_name((enum backup_copy_kind)k);
		kinds[k].label = _(r->lang, backup_copy_kind_label((enum backup_copy_kind)k));
	}
	if (theirs && strcmp(theirs, copies_line(r, b)) == 0)
		theirs = NULL;
	html_lit(o, "<fieldset class=\"copies\"");
	if (theirs)
		form_saved_ref(r, "copies");
	html_lit(o, "><legend>");
	html_text(o, _(r->lang, "Copies and where they are kept"));
	html_lit(o, "</legend><p class=\"hint\">");
	html_text(o, _(r->lang, "One row per copy, for example: on site \"NAS in the server room\", offline \"USB disk "
				"in the safe\", cloud \"online backup service\". Leave rows empty that you do not need."));
	html_lit(o, "</p>");
	if (err) {
		html_lit(o, "<p class=\"error\" id=\"err-copies\">");
		html_text(o, _(r->lang, err));
		html_lit(o, "</p>");
	}
	for (int i = 0; i < rows; i++) {
		const struct backup_copy *c = i < b->ncopies ? &b->copies[i] : NULL;
		struct field f;

		snprintf(kname, sizeof(kname), "copy_kind_%d", i);
		snprintf(mname, sizeof(mname), "copy_media_%d", i);
		html_lit(o, "<div class=\"phone-row\">");
		f = (struct field){ .name = kname, .label = N_("Kind of copy %s"), .label_num = i + 1,
				    .value = backup_copy_kind_name(c ? c->kind : (i == 0 ? BACKUP_COPY_ONSITE : BACKUP_COPY_OFFSITE)),
				    .readonly = readonly };
		snprintf(fkey, sizeof(fkey), "copies[%d].kind", i);
		f.error = fe_get(fe, fkey);
		form_select(r, &f, kinds, BACKUP_COPY_KIND__MAX);
		f = (struct field){ .name = mname, .label = N_("Medium and place %s"), .label_num = i + 1,
				    .value = c ? c->media : "", .readonly = readonly };
		snprintf(fkey, sizeof(fkey), "copies[%d].media", i);
		f.error = fe_get(fe, fkey);
		form_input(r, &f);
		html_lit(o, "</div>");
	}
	if (theirs) {
		struct kv_pair *pairs = ARENA_NEW(r->arena, struct kv_pair, 2 * (size_t)saved->ncopies + 1);

		for (int i = 0; pairs && i < saved->ncopies; i++) {
			pairs[2 * i] = (struct kv_pair){ arena_printf(r->arena, "copy_kind_%d", i),
							 backup_copy_kind_name(saved->copies[i].kind) };
			pairs[2 * i + 1] = (struct kv_pair){ arena_printf(r->arena, "copy_media_%d", i),
							     saved->copies[i].media };
		}
		if (pairs)
			form_saved_group(r, "copies", theirs, "copy_kind_* copy_media_*", pairs, 2 * (size_t)saved->ncopies);
	}
	html_lit(o, "</fieldset>");
}

static const char *text_saved(const struct backup *saved, const char *mine, const char *theirs)
{
	return saved && strcmp(mine, theirs) != 0 ? theirs : NULL;
}

static void backup_form(struct req *r, int status, const void *item, const struct field_errors *fe, const void *current)
{
	const struct backup *b = item, *saved = current;
	int is_new = b->id == 0, readonly = r->org.role < MEMBER_EDITOR;
	static const int presets[] = { BACKUP_HOURLY, BACKUP_DAILY, BACKUP_WEEKLY, BACKUP_MONTHLY };
	struct option freqs[5], *people;
	struct strbuf *o = &r->out;
	char action[96], version[24], back[80];
	const char *freq_sel = "custom", *freq_num, *saved_sel = "custom", *saved_num = "";
	struct contact *contacts;
	struct system *systems;
	size_t ncontacts, ns;
	struct field f;

	if (store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK ||
	    store_system_list(r->db, r->arena, r->org.id, &systems, &ns) != KF_OK ||
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
	for (int i = 0; i < 4; i++) {
		freqs[i].value = arena_printf(r->arena, "%d", presets[i]);
		freqs[i].label = _(r->lang, backup_frequency_label(presets[i]));
		if (b->frequency_hours == presets[i])
			freq_sel = freqs[i].value;
		if (saved && saved->frequency_hours == presets[i])
			saved_sel = freqs[i].value;
	}
	freqs[4].value = "custom";
	freqs[4].label = _(r->lang, "other: every … hours (enter below)");
	freq_num = strcmp(freq_sel, "custom") == 0 && b->frequency_hours > 0
			   ? arena_printf(r->arena, "%d", b->frequency_hours) : "";
	if (is_new && !r->form.n && !b->frequency_hours)
		freq_sel = freqs[1].value; /* daily is the usual start */
	freq_sel = posted(r, "frequency", freq_sel);
	freq_num = posted(r, "frequency_hours", freq_num);
	if (saved && strcmp(saved_sel, "custom") == 0 && saved->frequency_hours > 0)
		saved_num = arena_printf(r->arena, "%d", saved->frequency_hours);

	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New backup") : readonly ? N_("Backup") : N_("Edit backup"), STEP_RECOVERY,
		   N_("What is backed up, how often, and where each copy is kept."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this backup meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this backup. Editing needs the editor role."));
	form_error_summary(r, fe);
	if (is_new)
		snprintf(action, sizeof(action), "/o/%lld/backups/new", (long long)r->org.id);
	else
		snprintf(action, sizeof(action), "/o/%lld/backups/%lld/edit", (long long)r->org.id, (long long)b->id);
	form_begin(r, action, r->csrf);
	if (!is_new) {
		snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : b->version));
		form_hidden(r, "version", version);
	}
	f = (struct field){ .name = "title", .label = N_("What is backed up"), .value = b->title, .required = 1,
			    .readonly = readonly,
			    .hint = N_("For example: file server (all shares), accounting database, email mailboxes."),
			    .error = fe_get(fe, "title"), .saved = text_saved(saved, b->title, saved ? saved->title : "") };
	form_input(r, &f);
	system_boxes(r, b, systems, ns, fe, readonly, saved);
	f = (struct field){ .name = "method", .label = N_("Tool or method"), .value = b->method, .readonly = readonly,
			    .hint = N_("For example: Veeam to the NAS, Windows Server Backup, online backup of the provider."),
			    .error = fe_get(fe, "method"), .saved = text_saved(saved, b->method, saved ? saved->method : "") };
	form_input(r, &f);
	html_lit(o, "<div class=\"scale-row\">");
	f = (struct field){ .name = "frequency", .label = N_("How often"), .value = freq_sel, .readonly = readonly,
			    .saved_value = saved ? saved_sel : NULL };
	form_select(r, &f, freqs, 5);
	f = (struct field){ .name = "frequency_hours", .label = N_("Every how many hours (for \"other\")"),
			    .type = "number", .value = freq_num, .readonly = readonly,
			    .hint = N_("1 to 8760. Every 12 hours: 12."), .error = fe_get(fe, "frequency_hours"),
			    .saved_value = saved ? saved_num : NULL };
	form_input(r, &f);
	html_lit(o, "</div>");
	copy_rows(r, b, fe, readonly, saved);
	f = (struct field){ .name = "retention_days", .label = N_("Retention (days)"), .type = "number",
			    .value = posted(r, "retention_days",
					    b->retention_days >= 0 ? arena_printf(r->arena, "%d", b->retention_days) : ""),
			    .readonly = readonly, .hint = N_("How long old backups are kept. Empty when not known."),
			    .error = fe_get(fe, "retention_days"),
			    .saved_value = !saved ? NULL : saved->retention_days >= 0
								 ? arena_printf(r->arena, "%d", saved->retention_days) : "" };
	form_input(r, &f);
	html_lit(o, "<div class=\"field check\"><input type=\"checkbox\" id=\"f-encrypted\" name=\"encrypted\" value=\"1\"");
	if (b->encrypted)
		html_lit(o, " checked");
	if (readonly)
		html_lit(o, " disabled");
	if (saved && !saved->encrypted != !b->encrypted)
		form_saved_ref(r, "encrypted");
	html_lit(o, "><label for=\"f-encrypted\">");
	html_text(o, _(r->lang, "The backup is encrypted (and the key is kept safe outside the backup)"));
	html_lit(o, "</label>");
	if (saved && !saved->encrypted != !b->encrypted)
		form_saved_check(r, "encrypted", saved->encrypted);
	html_lit(o, "</div>");
	f = (struct field){ .name = "responsible_contact_id", .label = N_("Responsible"),
			    .value = exercise_view_id_text(r, b->responsible_contact_id), .readonly = readonly,
			    .hint = N_("Who checks that the backup runs?"), .error = fe_get(fe, "responsible_contact_id"),
			    .saved_value = saved ? exercise_view_id_text(r, saved->responsible_contact_id) : NULL };
	form_select(r, &f, people, (int)ncontacts + 1);
	f = (struct field){ .name = "notes", .label = N_("Notes"), .value = b->notes, .readonly = readonly,
			    .hint = N_("Where the password or key is kept, who to ask at the IT partner, anything else."),
			    .error = fe_get(fe, "notes"), .saved = text_saved(saved, b->notes, saved ? saved->notes : "") };
	form_textarea(r, &f);
	backup_view_url(r, b->id, back, sizeof(back));
	snprintf(action, sizeof(action), "/o/%lld/backups/%lld/delete", (long long)r->org.id, (long long)b->id);
	form_actions(r, readonly ? NULL : is_new ? N_("Add backup") : N_("Save"), back,
		     is_new || readonly ? NULL : action);
	form_end(r);
	page_end(r);
}

static int read_form(struct req *r, void *item, struct field_errors *fe)
{
	struct backup *b = item;

	backup_from_form(b, &r->form, fe);
	backup_validate(b, r->arena, fe);
	if (fe->n)
		store_backup_check_refs(r->db, b, r->org.id, fe);
	return fe->n ? -1 : 0;
}

void web_backup_new(struct req *r)
{
	struct backup b;

	backup_init(&b);
	backup_form(r, 200, &b, NULL, NULL);
}

static void confirm_page(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct backup *b = item;
	char action[96], back[80];
	struct delete_confirmation dc = {
		.title = N_("Delete backup"),
		.question = N_("Do you really want to delete the backup \"%s\"?"),
		.name = b->title,
		.note = N_("Its restore tests go with it. The change history keeps a record of both."),
		.changed = changed ? N_("Someone else changed this backup meanwhile. Please check it again.") : NULL,
		.action = action,
		.version = b->version,
		.back = back,
		.step = STEP_RECOVERY,
	};

	(void)blockers;
	snprintf(action, sizeof(action), "/o/%lld/backups/%lld/delete", (long long)r->org.id, (long long)b->id);
	backup_view_url(r, b->id, back, sizeof(back));
	page_confirm_delete(r, status, &dc);
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	backup_view_url(r, item ? ((const struct backup *)item)->id : 0, buf, len);
}

static const struct web_resource backups = {
	.item = &store_item_backup, .gone_msgid = MSG_GONE, .create_gone_msgid = MSG_GONE, .confirm_db_error = 1,
	.read_form = read_form, .form = backup_form, .confirm = confirm_page, .back = back,
};

void web_backup_create(struct req *r) { web_res_create(r, &backups); }
void web_backup_edit(struct req *r) { web_res_edit(r, &backups); }
void web_backup_update(struct req *r) { web_res_update(r, &backups); }
void web_backup_confirm_delete(struct req *r) { web_res_confirm_delete(r, &backups); }
void web_backup_delete(struct req *r) { web_res_delete(r, &backups); }
