/* plan_text.c: the plan as text for the printed exports (moved out of the handbook so that the card and later outputs
 * share it). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <md4c.h>

#include "plan_text.h"
#include "../core/backup.h"
#include "../core/risk.h"
#include "../lib/arena.h"
#include "../lib/strbuf.h"
#include "../lib/timeutil.h"
#include "../lib/banned.h"

/* The translation of msgid, "" for "" (the catalogue maps "" to its header). */
const char *pt_tr(const struct plan_text *t, const char *msgid)
{
	return msgid && *msgid ? i18n_tr(t->lang, msgid) : "";
}

/* An arena copy of a printf result; "" (and failed set) when out of memory. */
const char *pt_fmt(struct plan_text *t, const char *f, ...)
{
	struct strbuf sb;
	const char *s;
	va_list ap;

	sb_init(&sb, 1 << 20);
	va_start(ap, f);
	sb_vaddf(&sb, f, ap);
	va_end(ap);
	s = sb.failed ? NULL : arena_strdup(t->a, sb.buf);
	sb_release(&sb);
	if (!s) {
		t->failed = 1;
		return "";
	}
	return s;
}

/* tmpl with each "%s", in order, replaced by args (translated templates are no printf formats). */
const char *pt_subst(struct plan_text *t, const char *tmpl, const char *a1, const char *a2, const char *a3)
{
	const char *s = backup_subst(t->a, tmpl, a1, a2, a3);

	if (!s) {
		t->failed = 1;
		return "";
	}
	return s;
}

/* "2026-11-28" as "28.11.2026" (German) or as it is (English), in the arena. */
const char *pt_date_text(struct plan_text *t, const char *iso)
{
	char buf[16];

	if (!iso || !*iso)
		return "";
	if (t->lang != KF_LANG_DE)
		return iso;
	kf_date_german(iso, buf);
	return pt_fmt(t, "%s", buf);
}

/* "2026-11-28 14:05" with the date part in the reader's style. */
const char *pt_datetime_text(struct plan_text *t, const char *s)
{
	char day[11];

	if (!s || strlen(s) < 10)
		return s ? s : "";
	memcpy(day, s, 10);
	day[10] = 0;
	return pt_fmt(t, "%s%s", pt_date_text(t, day), s + 10);
}

const char *pt_unix_date_text(struct plan_text *t, int64_t unix_time)
{
	char day[11];

	if (unix_time <= 0)
		return "";
	kf_date_iso(unix_time, day);
	return pt_date_text(t, day);
}

const char *pt_num(struct plan_text *t, int64_t v)
{
	return pt_fmt(t, "%lld", (long long)v);
}

/* "4 h" for hours, "—" for -1. */
const char *pt_hours_text(struct plan_text *t, int64_t hours)
{
	return hours < 0 ? "—" : pt_fmt(t, "%lld h", (long long)hours);
}

const char *pt_minutes_text(struct plan_text *t, int64_t minutes)
{
	const char *s;

	if (minutes < 0)
		return "—";
	s = backup_minutes_text(t->a, minutes);
	if (!s)
		t->failed = 1;
	return s ? s : "";
}

/* A whole number with dots (German) or commas between thousands ("12.000"). */
const char *pt_thousands(struct plan_text *t, int64_t v)
{
	char digits[32], out[48];
	size_t n, j = 0;

	snprintf(digits, sizeof(digits), "%lld", (long long)v);
	n = strlen(digits);
	for (size_t i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			out[j++] = t->lang == KF_LANG_DE ? '.' : ',';
		out[j++] = digits[i];
	}
	out[j] = 0;
	return pt_fmt(t, "%s", out);
}

/* Whole euros with dots between thousands ("12.000 €"). */
const char *pt_euro_text(struct plan_text *t, int64_t v)
{
	if (v < 0)
		return "—";
	return pt_fmt(t, "%s €", pt_thousands(t, v));
}

/* ---------------------------------------------------------------- Markdown as plain text */

struct md_plain {
	struct strbuf *sb;
	int ol_start[8]; /* next number per list level; 0 = bullets */
	int depth;
};

static int md_enter(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct md_plain *m = ud;

	switch (type) {
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		if (m->depth < 7)
			m->depth++;
		m->ol_start[m->depth] = type == MD_BLOCK_OL ? (int)((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
		if (m->sb->len && m->sb->buf[m->sb->len - 1] != '\n')
			sb_addc(m->sb, '\n');
		break;
	case MD_BLOCK_LI:
		for (int i = 1; i < m->depth; i++)
			sb_adds(m->sb, "   ");
		if (m->ol_start[m->depth])
			sb_addf(m->sb, "%d. ", m->ol_start[m->depth]++);
		else
			sb_adds(m->sb, "• ");
		break;
	case MD_BLOCK_HR:
		sb_adds(m->sb, "———\n");
		break;
	default:
		break;
	}
	return 0;
}

static int md_leave(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct md_plain *m = ud;

	(void)detail;
	switch (type) {
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		if (m->depth > 0)
			m->depth--;
		break;
	case MD_BLOCK_P:
	case MD_BLOCK_H:
	case MD_BLOCK_CODE:
	case MD_BLOCK_LI:
	case MD_BLOCK_QUOTE:
	case MD_BLOCK_TR:
		if (m->sb->len && m->sb->buf[m->sb->len - 1] != '\n')
			sb_addc(m->sb, '\n');
		break;
	case MD_BLOCK_TD:
	case MD_BLOCK_TH:
		sb_adds(m->sb, "  ");
		break;
	default:
		break;
	}
	return 0;
}

static int md_span(MD_SPANTYPE type, void *detail, void *ud)
{
	(void)type, (void)detail, (void)ud;
	return 0;
}

/* The few entities people type; others stay as written. */
static void md_entity(struct strbuf *sb, const char *t, size_t n)
{
	static const struct {
		const char *name, *text;
	} known[] = {{"&amp;", "&"},  {"&lt;", "<"},   {"&gt;", ">"},	{"&quot;", "\""}, {"&nbsp;", " "},
		     {"&auml;", "ä"}, {"&ouml;", "ö"}, {"&uuml;", "ü"}, {"&szlig;", "ß"}, {"&euro;", "€"}};

	for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		if (strlen(known[i].name) == n && memcmp(known[i].name, t, n) == 0) {
			sb_adds(sb, known[i].text);
			return;
		}
	sb_add(sb, t, n);
}

static int md_text(MD_TEXTTYPE type, const MD_CHAR *text, MD_SIZE size, void *ud)
{
	struct md_plain *m = ud;

	switch (type) {
	case MD_TEXT_BR:
		sb_addc(m->sb, '\n');
		break;
	case MD_TEXT_SOFTBR:
		sb_addc(m->sb, ' ');
		break;
	case MD_TEXT_NULLCHAR:
		break;
	case MD_TEXT_ENTITY:
		md_entity(m->sb, text, size);
		break;
	default:
		sb_add(m->sb, text, size);
		break;
	}
	return 0;
}

/* Markdown src as plain text (lists with bullets or numbers, one line per paragraph), in the arena. */
const char *pt_md_plain(struct plan_text *t, const char *src)
{
	struct strbuf sb;
	struct md_plain m = {.sb = &sb};
	MD_PARSER p = {.abi_version = 0,
		       .flags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH,
		       .enter_block = md_enter,
		       .leave_block = md_leave,
		       .enter_span = md_span,
		       .leave_span = md_span,
		       .text = md_text};
	const char *s;
	size_t n = src ? strlen(src) : 0;

	if (!n)
		return "";
	sb_init(&sb, 1 << 20);
	if (md_parse(src, (MD_SIZE)n, &p, &m) != 0)
		sb_add(&sb, src, n);
	while (sb.len && sb.buf[sb.len - 1] == '\n')
		sb.buf[--sb.len] = 0;
	s = sb.failed ? NULL : arena_strdup(t->a, sb.buf);
	sb_release(&sb);
	if (!s)
		t->failed = 1;
	return s ? s : "";
}

/* ---------------------------------------------------------------- lookups */

const struct contact *pt_contact_of(const struct plan_text *t, int64_t id)
{
	for (size_t i = 0; id && i < t->doc->d.ncontacts; i++)
		if (t->doc->d.contacts[i].id == id)
			return &t->doc->d.contacts[i];
	return NULL;
}

const struct role *pt_role_of(const struct plan_text *t, int64_t id)
{
	for (size_t i = 0; id && i < t->doc->d.nroles; i++)
		if (t->doc->d.roles[i].id == id)
			return &t->doc->d.roles[i];
	return NULL;
}

const struct system *pt_system_of(const struct plan_text *t, int64_t id)
{
	for (size_t i = 0; id && i < t->doc->d.nsystems; i++)
		if (t->doc->d.systems[i].id == id)
			return &t->doc->d.systems[i];
	return NULL;
}

const struct process *pt_process_of(const struct plan_text *t, int64_t id)
{
	for (size_t i = 0; id && i < t->doc->d.nprocesses; i++)
		if (t->doc->d.processes[i].id == id)
			return &t->doc->d.processes[i];
	return NULL;
}

const struct backup *pt_backup_of(const struct plan_text *t, int64_t id)
{
	for (size_t i = 0; id && i < t->doc->d.nbackups; i++)
		if (t->doc->d.backups[i].id == id)
			return &t->doc->d.backups[i];
	return NULL;
}

const char *pt_contact_name(const struct plan_text *t, int64_t id)
{
	const struct contact *c = pt_contact_of(t, id);

	return c ? c->name : "—";
}

/* The number to dial first: the first mobile, else the first number; NULL when none. */
const struct phone *pt_best_phone(const struct contact *c)
{
	for (int i = 0; i < c->nphones; i++)
		if (c->phones[i].kind == PHONE_MOBILE)
			return &c->phones[i];
	return c->nphones ? &c->phones[0] : NULL;
}

/* "Erika Muster, 0171 3920011" (the first number to dial), or the name alone. */
const char *pt_person_reach(struct plan_text *t, const struct contact *c)
{
	const struct phone *p;

	if (!c)
		return pt_tr(t, N_("nobody yet"));
	p = pt_best_phone(c);
	if (p)
		return pt_fmt(t, "%s, %s", c->name, p->number);
	if (*c->email)
		return pt_fmt(t, "%s, %s", c->name, c->email);
	return c->name;
}

/* Every number of c, one per line: "Mobile: 0171 …". */
const char *pt_phones_text(struct plan_text *t, const struct contact *c)
{
	struct strbuf sb;
	const char *s;

	if (!c->nphones)
		return "—";
	sb_init(&sb, 64 * 1024);
	for (int i = 0; i < c->nphones; i++)
		sb_addf(&sb, "%s%s: %s", i ? "\n" : "", pt_tr(t, phone_kind_label(c->phones[i].kind)),
			c->phones[i].number);
	s = sb.failed ? NULL : arena_strdup(t->a, sb.buf);
	sb_release(&sb);
	if (!s)
		t->failed = 1;
	return s ? s : "";
}

/* "Notfallleitung: Erika Muster, 0171 …" for a role. */
const char *pt_role_reach(struct plan_text *t, int64_t role_id)
{
	const struct role *r = pt_role_of(t, role_id);

	if (!r)
		return pt_tr(t, N_("nobody yet"));
	if (!r->primary_contact_id)
		return pt_fmt(t, "%s: %s", r->name, pt_tr(t, N_("nobody yet")));
	return pt_fmt(t, "%s: %s", r->name, pt_person_reach(t, pt_contact_of(t, r->primary_contact_id)));
}

/* Joins the names of system ids with ", ". */
const char *pt_system_names(struct plan_text *t, const int64_t *ids, int n)
{
	struct strbuf sb;
	const char *s;
	int k = 0;

	if (n <= 0)
		return "—";
	sb_init(&sb, 64 * 1024);
	for (int i = 0; i < n; i++) {
		const struct system *sys = pt_system_of(t, ids[i]);

		if (sys)
			sb_addf(&sb, "%s%s", k++ ? ", " : "", sys->name);
	}
	s = sb.failed ? NULL : arena_strdup(t->a, k ? sb.buf : "—");
	sb_release(&sb);
	if (!s)
		t->failed = 1;
	return s ? s : "";
}

const struct runbook *pt_runbook_of(const struct plan_text *t, int64_t system_id)
{
	for (size_t i = 0; i < t->doc->d.nrunbooks; i++)
		if (t->doc->d.runbooks[i].system_id == system_id)
			return &t->doc->d.runbooks[i];
	return NULL;
}

/* The first person the chain calls (the first step's callee), or NULL. */
const struct contact *pt_first_callee(const struct plan_text *t)
{
	return t->doc->nsteps ? pt_contact_of(t, t->doc->steps[0].callee_contact_id) : NULL;
}

int pt_has_workaround(const struct plan_text *t, int64_t process_id)
{
	for (size_t i = 0; i < t->doc->d.nworkarounds; i++)
		if (t->doc->d.workarounds[i].process_id == process_id)
			return 1;
	return 0;
}

/* ---------------------------------------------------------------- orders */

int pt_process_by_rto(const void *x, const void *y)
{
	const struct process *a = *(const struct process *const *)x, *b = *(const struct process *const *)y;
	int64_t ra = a->rto_hours < 0 ? INT64_MAX : a->rto_hours, rb = b->rto_hours < 0 ? INT64_MAX : b->rto_hours;

	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (a->cost_per_hour != b->cost_per_hour)
		return a->cost_per_hour > b->cost_per_hour ? -1 : 1;
	return strcmp(a->name, b->name);
}

int pt_risk_by_score(const void *x, const void *y)
{
	const struct risk *a = *(const struct risk *const *)x, *b = *(const struct risk *const *)y;
	int sa = risk_score(a), sb = risk_score(b);

	if (sa != sb)
		return sb - sa;
	return strcmp(a->title, b->title);
}
