/* page_alarm.c: step 2, the alarm chain (who calls whom) and the alarm plan settings, with their forms. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "team_view.h"
#include "web.h"
#include "web_resource.h"
#include "../lib/banned.h"

#define MSG_NO_STEP N_("This alarm step does not exist (any more).")

static void alarm_url(struct req *r, char *out, size_t len)
{
	snprintf(out, len, "/o/%lld/alarm", (long long)r->org.id);
}

static const struct role *find_role(const struct team_view *tv, int64_t id)
{
	for (size_t i = 0; i < tv->nroles; i++)
		if (tv->roles[i].id == id)
			return &tv->roles[i];
	return NULL;
}

/* Escaped text of tmpl with each "%s" replaced, in order, by the escaped args. */
static void text_subst_n(struct strbuf *o, const char *tmpl, const char *const *args, int nargs)
{
	const char *p = tmpl, *hit;
	struct strbuf piece;
	int i = 0;

	sb_init(&piece, 4096);
	while ((hit = strstr(p, "%s")) != NULL) {
		sb_reset(&piece);
		sb_add(&piece, p, (size_t)(hit - p));
		html_text(o, piece.buf);
		html_text(o, i < nargs && args[i] ? args[i] : "");
		i++;
		p = hit + 2;
	}
	html_text(o, p);
	sb_release(&piece);
}

/* The first field error whose name starts with prefix ("declare_role_ids" finds "declare_role_ids[2]"). */
static const char *fe_prefix(const struct field_errors *fe, const char *prefix)
{
	size_t n = strlen(prefix);

	for (int i = 0; fe && i < fe->n; i++)
		if (strncmp(fe->e[i].field, prefix, n) == 0)
			return fe->e[i].msg;
	return NULL;
}

/* The number to dial: the first mobile, else the first number; NULL when none. */
static const struct phone *best_phone(const struct contact *c)
{
	for (int i = 0; i < c->nphones; i++)
		if (c->phones[i].kind == PHONE_MOBILE)
			return &c->phones[i];
	return c->nphones ? &c->phones[0] : NULL;
}

/* " (Phone, +49 170 …)" with a tap-to-call (or mailto:/sms:) link for the way this contact is reached. */
static void reach(struct req *r, const struct contact *c, enum alarm_channel ch)
{
	struct strbuf *o = &r->out, href;
	const struct phone *p = c ? best_phone(c) : NULL;

	html_lit(o, " (");
	html_text(o, _(r->lang, alarm_channel_label(ch)));
	sb_init(&href, 512);
	if (ch == CHANNEL_EMAIL && c && *c->email) {
		sb_adds(&href, "mailto:");
		html_url_part(&href, c->email);
		html_lit(o, ", ");
		page_link(r, href.buf, c->email, NULL);
	} else if (p) {
		sb_adds(&href, ch == CHANNEL_SMS ? "sms:" : "tel:");
		for (const char *s = p->number; *s; s++)
			if ((*s >= '0' && *s <= '9') || *s == '+')
				sb_addc(&href, *s);
		html_lit(o, ", ");
		page_link(r, href.buf, p->number, NULL);
	} else if (c) {
		html_lit(o, ", <span class=\"badge gap\">");
		html_text(o, _(r->lang, "no number"));
		html_lit(o, "</span>");
	}
	sb_release(&href);
	html_lit(o, ")");
}

/* "Notfallleitung (Erika Muster)" for a role, the name for a contact, NULL for nobody. */
static const char *caller_name(struct req *r, const struct team_view *tv, const struct alarm_step *s)
{
	const struct contact *c;
	const struct role *ro;

	if (s->caller_role_id) {
		ro = find_role(tv, s->caller_role_id);
		if (!ro)
			return "?";
		c = ro->primary_contact_id ? team_view_contact(tv, ro->primary_contact_id) : NULL;
		return c ? arena_printf(r->arena, "%s (%s)", ro->name, c->name) : ro->name;
	}
	if (s->caller_contact_id) {
		c = team_view_contact(tv, s->caller_contact_id);
		return c ? c->name : "?";
	}
	return NULL;
}

static void chain_item(struct req *r, const struct team_view *tv, const struct alarm_step *s)
{
	const struct contact *callee = team_view_contact(tv, s->callee_contact_id), *esc;
	const char *caller = caller_name(r, tv, s), *args[2];
	struct strbuf *o = &r->out;
	char href[96], minutes[16];
	int phone = s->channel == CHANNEL_PHONE;

	snprintf(href, sizeof(href), "step-%lld", (long long)s->id);
	html_lit(o, "<li");
	html_attr(o, "id", href);
	html_lit(o, "><p class=\"sentence\">");
	if (caller) {
		args[0] = caller;
		args[1] = callee ? callee->name : "?";
		text_subst_n(o, _(r->lang, phone ? N_("%s calls %s") : N_("%s informs %s")), args, 2);
	} else {
		args[0] = callee ? callee->name : "?";
		text_subst_n(o,
			     _(r->lang, phone ? N_("Whoever notices the emergency calls %s")
					      : N_("Whoever notices the emergency informs %s")),
			     args, 1);
	}
	reach(r, callee, s->channel);
	html_lit(o, ".</p>");
	if (s->escalate_after_minutes > 0) {
		esc = team_view_contact(tv, s->escalate_to_contact_id);
		snprintf(minutes, sizeof(minutes), "%d", s->escalate_after_minutes);
		args[0] = minutes;
		args[1] = esc ? esc->name : "?";
		html_lit(o, "<p class=\"escalate\">");
		text_subst_n(o, _(r->lang, N_("No answer after %s minutes: on to %s")), args, 2);
		reach(r, esc, s->channel);
		html_lit(o, ".</p>");
	}
	if (*s->note) {
		html_lit(o, "<p class=\"duties\">");
		html_text(o, s->note);
		html_lit(o, "</p>");
	}
	snprintf(href, sizeof(href), "/o/%lld/alarm/steps/%lld", (long long)r->org.id, (long long)s->id);
	html_lit(o, "<p class=\"edit\">");
	page_link(r, href, r->org.role >= MEMBER_EDITOR ? _(r->lang, "Edit step") : _(r->lang, "Show step"), NULL);
	html_lit(o, "</p></li>");
}

static void missing(struct req *r, const char *msgid)
{
	html_lit(&r->out, "<span class=\"badge gap\">");
	html_text(&r->out, _(r->lang, msgid));
	html_lit(&r->out, "</span>");
}

/* A term and its text (kept line breaks), or "not set yet". */
static void plan_entry(struct req *r, const char *term, const char *text)
{
	html_lit(&r->out, "<dt>");
	html_text(&r->out, _(r->lang, term));
	html_lit(&r->out, "</dt><dd class=\"multiline\">");
	if (*text)
		html_text(&r->out, text);
	else
		missing(r, N_("not set yet"));
	html_lit(&r->out, "</dd>");
}

/* A role's name with its responsible person. */
static void role_with_person(struct req *r, const struct team_view *tv, int64_t role_id)
{
	const struct role *ro = find_role(tv, role_id);
	const struct contact *c;
	char href[80];

	if (!ro) {
		missing(r, N_("nobody yet"));
		return;
	}
	snprintf(href, sizeof(href), "/o/%lld/roles/%lld", (long long)r->org.id, (long long)ro->id);
	page_link(r, href, ro->name, NULL);
	c = ro->primary_contact_id ? team_view_contact(tv, ro->primary_contact_id) : NULL;
	if (c) {
		html_lit(&r->out, ": ");
		html_text(&r->out, c->name);
		reach(r, c, CHANNEL_PHONE);
	}
}

void web_alarm(struct req *r)
{
	struct strbuf *o = &r->out;
	struct alarm_step *steps;
	struct alarm_plan plan;
	struct team_view tv;
	char href[80];
	size_t n;

	if (team_view_load(r, &tv) < 0)
		return;
	if (store_alarm_step_list(r->db, r->arena, r->org.id, &steps, &n) != KF_OK ||
	    store_alarm_plan_get(r->db, r->arena, r->org.id, &plan) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	page_begin(r, N_("Alarm chain"), STEP_TEAM,
		   N_("Who calls whom when an emergency happens, where the crisis team meets, and who may declare the emergency."));
	web_review_notice(r, CHAPTER_ALARM, "alarm"); /* review marks */

	snprintf(href, sizeof(href), "/o/%lld/alarm/steps/new", (long long)r->org.id);
	page_section_head(r, "h-chain", N_("Who calls whom"), href, N_("Add step"), "button");
	if (!n) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No alarm chain yet. Start with the first call: whom does the person who notices "
					"the emergency call?"));
		html_lit(o, "</p>");
	} else {
		html_lit(o, "<ol class=\"chain\">");
		for (size_t i = 0; i < n; i++)
			chain_item(r, &tv, &steps[i]);
		html_lit(o, "</ol>");
	}
	html_lit(o, "</section>");

	snprintf(href, sizeof(href), "/o/%lld/alarm/plan", (long long)r->org.id);
	page_section_head(r, "h-meet", N_("Where the crisis team meets"), href, N_("Edit places and responsibilities"), "button");
	html_lit(o, "<dl class=\"plan\">");
	plan_entry(r, N_("Meeting place"), plan.meeting_place);
	plan_entry(r, N_("Fallback place (when the office cannot be used)"), plan.meeting_fallback);
	plan_entry(r, N_("Phone or video bridge"), plan.phone_bridge);
	html_lit(o, "</dl></section>");

	page_section_head(r, "h-declare", N_("Who may declare an emergency"), NULL, NULL, "button");
	if (!plan.ndeclare_roles) {
		html_lit(o, "<p>");
		missing(r, N_("nobody yet"));
		html_lit(o, "</p>");
	} else {
		html_lit(o, "<ul class=\"roles\">");
		for (int i = 0; i < plan.ndeclare_roles; i++) {
			html_lit(o, "<li>");
			role_with_person(r, &tv, plan.declare_role_ids[i]);
			html_lit(o, "</li>");
		}
		html_lit(o, "</ul>");
	}
	html_lit(o, "<dl class=\"plan\">");
	plan_entry(r, N_("On which criteria"), plan.declare_criteria);
	html_lit(o, "</dl></section>");

	page_section_head(r, "h-breach", N_("Who reports data breaches"), NULL, NULL, "button");
	html_lit(o, "<p class=\"rule\">");
	html_text(o, _(r->lang, "When personal data may have been lost or seen by strangers (for example stolen customer "
				"data), the data-protection authority must be told within 72 hours of becoming aware of it "
				"(GDPR Art. 33)."));
	html_lit(o, "</p><p>");
	role_with_person(r, &tv, plan.breach_report_role_id);
	html_lit(o, "</p>");
	if (*plan.breach_notes) {
		html_lit(o, "<p class=\"multiline\">");
		html_text(o, plan.breach_notes);
		html_lit(o, "</p>");
	}
	html_lit(o, "</section>");
	/* drill: the reachability drill of this chain */
	snprintf(href, sizeof(href), "/o/%lld/drills", (long long)r->org.id);
	page_section_head(r, "h-drill", N_("Reachability drills"), NULL, NULL, "button");
	html_lit(o, "<p>");
	html_text(o, _(r->lang, "A test alarm along the alarm chain: everybody confirms with one click, and you see who "
				"was not reached."));
	html_lit(o, " <a");
	html_attr(o, "href", href);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Reachability drills"));
	html_lit(o, "</a></p></section>");
	page_end(r);
}

/* ---------------------------------------------------------------- step form */

static const char *id_text(struct req *r, int64_t id)
{
	return id ? arena_printf(r->arena, "%lld", (long long)id) : "";
}

static const char *caller_value(struct req *r, const struct alarm_step *s)
{
	if (s->caller_role_id)
		return arena_printf(r->arena, "role:%lld", (long long)s->caller_role_id);
	if (s->caller_contact_id)
		return arena_printf(r->arena, "contact:%lld", (long long)s->caller_contact_id);
	return "";
}

static const char *contact_label(struct req *r, const struct contact *c)
{
	return *c->function ? arena_printf(r->arena, "%s (%s)", c->name, c->function) : c->name;
}

static void step_form(struct req *r, int status, const void *item, const struct field_errors *fe, const void *current)
{
	const struct alarm_step *s = item, *saved = current;
	int is_new = s->id == 0, readonly = r->org.role < MEMBER_EDITOR, npos, ncallers, npeople, nchan;
	struct option *positions, *callers, *people, chans[CHANNEL__MAX];
	struct strbuf *o = &r->out;
	char action[96], version[24], back[64];
	struct alarm_step *steps;
	struct team_view tv;
	struct field f;
	size_t nsteps;

	if (team_view_load(r, &tv) < 0)
		return;
	if (store_alarm_step_list(r->db, r->arena, r->org.id, &steps, &nsteps) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	npos = (int)nsteps + (is_new ? 1 : 0);
	if (npos < 1)
		npos = 1;
	positions = ARENA_NEW(r->arena, struct option, (size_t)npos);
	callers = ARENA_NEW(r->arena, struct option, 1 + tv.nroles + tv.ncontacts);
	people = ARENA_NEW(r->arena, struct option, 1 + tv.ncontacts);
	if (!positions || !callers || !people) {
		web_error_page(r, 500, N_("The server ran out of memory. Please try again."));
		return;
	}
	for (int i = 0; i < npos; i++) {
		positions[i].value = arena_printf(r->arena, "%d", i + 1);
		positions[i].label = positions[i].value;
	}
	callers[0].value = "";
	callers[0].label = _(r->lang, "Whoever notices the emergency (first step only)");
	ncallers = 1;
	for (size_t i = 0; i < tv.nroles; i++, ncallers++) {
		callers[ncallers].value = arena_printf(r->arena, "role:%lld", (long long)tv.roles[i].id);
		callers[ncallers].label = arena_printf(r->arena, "%s: %s", _(r->lang, "Role"), tv.roles[i].name);
	}
	people[0].value = "";
	people[0].label = _(r->lang, "— nobody —");
	npeople = 1;
	for (size_t i = 0; i < tv.ncontacts; i++, ncallers++, npeople++) {
		callers[ncallers].value = arena_printf(r->arena, "contact:%lld", (long long)tv.contacts[i].id);
		callers[ncallers].label = contact_label(r, &tv.contacts[i]);
		people[npeople].value = id_text(r, tv.contacts[i].id);
		people[npeople].label = callers[ncallers].label;
	}
	for (nchan = 0; nchan < CHANNEL__MAX; nchan++) {
		chans[nchan].value = alarm_channel_name((enum alarm_channel)nchan);
		chans[nchan].label = _(r->lang, alarm_channel_label((enum alarm_channel)nchan));
	}

	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New alarm step") : readonly ? N_("Alarm step") : N_("Edit alarm step"), STEP_TEAM,
		   N_("One call in the alarm chain: who calls whom, how, and whom to call when nobody answers."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this step meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this step. Editing needs the editor role."));
	if (!tv.ncontacts && !readonly)
		page_notice(r, "warn", _(r->lang, "There are no contacts yet. Add people first, then build the chain."));
	form_error_summary(r, fe);
	if (is_new)
		snprintf(action, sizeof(action), "/o/%lld/alarm/steps/new", (long long)r->org.id);
	else
		snprintf(action, sizeof(action), "/o/%lld/alarm/steps/%lld", (long long)r->org.id, (long long)s->id);
	form_begin(r, action, r->csrf);
	if (!is_new) {
		snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : s->version));
		form_hidden(r, "version", version);
	}

	f = (struct field){ .name = "position", .label = N_("Place in the chain"), .readonly = readonly,
			    .value = s->position ? arena_printf(r->arena, "%d", s->position) : positions[npos - 1].value,
			    .hint = N_("1 is the first call. The other steps move up or down."),
			    .error = fe_get(fe, "position"),
			    .saved_value = saved ? arena_printf(r->arena, "%d", saved->position) : NULL };
	form_select(r, &f, positions, npos);
	f = (struct field){ .name = "caller", .label = N_("Who calls"), .value = caller_value(r, s), .readonly = readonly,
			    .hint = N_("A role (whoever fills it at the time) or a person."),
			    .error = fe_get(fe, "caller_role_id") ? fe_get(fe, "caller_role_id") : fe_get(fe, "caller_contact_id"),
			    .saved_value = saved ? caller_value(r, saved) : NULL };
	form_select(r, &f, callers, ncallers);
	people[0].label = _(r->lang, "— please choose —");
	f = (struct field){ .name = "callee_contact_id", .label = N_("Whom they call"), .required = 1, .readonly = readonly,
			    .value = id_text(r, s->callee_contact_id), .error = fe_get(fe, "callee_contact_id"),
			    .saved_value = saved ? id_text(r, saved->callee_contact_id) : NULL };
	form_select(r, &f, people, npeople);
	f = (struct field){ .name = "channel", .label = N_("How"), .readonly = readonly,
			    .value = alarm_channel_name(s->channel), .error = fe_get(fe, "channel"),
			    .saved_value = saved ? alarm_channel_name(saved->channel) : NULL };
	form_select(r, &f, chans, nchan);
	html_lit(o, "<fieldset><legend>");
	html_text(o, _(r->lang, "When nobody answers"));
	html_lit(o, "</legend>");
	f = (struct field){ .name = "escalate_after_minutes", .label = N_("Wait how many minutes"), .type = "number",
			    .readonly = readonly, .value = arena_printf(r->arena, "%d", s->escalate_after_minutes),
			    .hint = N_("0 means: no escalation. At most 1440 (one day)."),
			    .error = fe_get(fe, "escalate_after_minutes"),
			    .saved_value = saved ? arena_printf(r->arena, "%d", saved->escalate_after_minutes) : NULL };
	form_input(r, &f);
	people[0].label = _(r->lang, "— nobody —");
	f = (struct field){ .name = "escalate_to_contact_id", .label = N_("Then call"), .readonly = readonly,
			    .value = id_text(r, s->escalate_to_contact_id), .error = fe_get(fe, "escalate_to_contact_id"),
			    .saved_value = saved ? id_text(r, saved->escalate_to_contact_id) : NULL };
	form_select(r, &f, people, npeople);
	html_lit(o, "</fieldset>");
	f = (struct field){ .name = "note", .label = N_("Note"), .value = s->note, .readonly = readonly,
			    .hint = N_("For example: what to say, or what to do when the line is busy."),
			    .error = fe_get(fe, "note"),
			    .saved_value = saved ? saved->note : NULL };
	form_textarea(r, &f);
	alarm_url(r, back, sizeof(back));
	snprintf(action, sizeof(action), "/o/%lld/alarm/steps/%lld/delete", (long long)r->org.id, (long long)s->id);
	form_actions(r, readonly ? NULL : is_new ? N_("Add step") : N_("Save"), back, is_new || readonly ? NULL : action);
	form_end(r);
	web_item_panel(r, "alarm_step", s->id); /* comments: comments and history */
	page_end(r);
}

static int read_step_form(struct req *r, void *item, struct field_errors *fe)
{
	struct alarm_step *s = item;

	alarm_step_from_form(s, &r->form, fe);
	alarm_step_validate(s, fe);
	if (fe->n)
		store_alarm_step_check_refs(r->db, s, r->org.id, fe);
	return fe->n ? -1 : 0;
}

void web_alarm_step_new(struct req *r)
{
	struct alarm_step s;

	alarm_step_init(&s);
	step_form(r, 200, &s, NULL, NULL);
}

static void step_confirm_page(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct alarm_step *s = item;
	char action[96], back[64];
	struct delete_confirmation dc = {
		.title = N_("Delete alarm step"),
		.question = N_("Do you really want to delete step %s of the alarm chain?"),
		.name = arena_printf(r->arena, "%d", s->position),
		.note = N_("The steps after it move up. The change history keeps a record of the step."),
		.changed = changed ? N_("Someone else changed this step meanwhile. Please check it again.") : NULL,
		.action = action,
		.version = s->version,
		.back = back,
		.step = STEP_TEAM,
	};

	(void)blockers;
	snprintf(action, sizeof(action), "/o/%lld/alarm/steps/%lld/delete", (long long)r->org.id, (long long)s->id);
	alarm_url(r, back, sizeof(back));
	page_confirm_delete(r, status, &dc);
}

static void step_back(struct req *r, char *buf, size_t len, const void *item)
{
	(void)item;
	alarm_url(r, buf, len);
}

static const struct web_resource alarm_steps = {
	.item = &store_item_alarm_step, .gone_msgid = MSG_NO_STEP, .create_gone_msgid = MSG_NO_STEP,
	.confirm_db_error = 1, .read_form = read_step_form, .form = step_form, .confirm = step_confirm_page,
	.back = step_back,
};

void web_alarm_step_create(struct req *r) { web_res_create(r, &alarm_steps); }
void web_alarm_step_edit(struct req *r) { web_res_edit(r, &alarm_steps); }
void web_alarm_step_update(struct req *r) { web_res_update(r, &alarm_steps); }
void web_alarm_step_confirm_delete(struct req *r) { web_res_confirm_delete(r, &alarm_steps); }
void web_alarm_step_delete(struct req *r) { web_res_delete(r, &alarm_steps); }

/* ---------------------------------------------------------------- plan settings form */

static int names_declare_role(const struct alarm_plan *p, int64_t id)
{
	for (int i = 0; i < p->ndeclare_roles; i++)
		if (p->declare_role_ids[i] == id)
			return 1;
	return 0;
}

/* "A, B" of the roles allowed to declare, for the saved-meanwhile note. */
static const char *declare_names(struct req *r, const struct team_view *tv, const struct alarm_plan *p)
{
	const char *s = "";

	for (int i = 0; i < p->ndeclare_roles; i++) {
		const struct role *ro = find_role(tv, p->declare_role_ids[i]);

		s = arena_printf(r->arena, "%s%s%s", s, i ? ", " : "", ro ? ro->name : "?");
		if (!s)
			return "";
	}
	return s;
}

static void text_field(struct req *r, const char *name, const char *label, const char *hint, const char *value,
		       const char *saved_value, const struct field_errors *fe, int readonly, int multiline)
{
	struct field f = { .name = name, .label = label, .hint = hint, .value = value, .readonly = readonly,
			   .error = fe_get(fe, name),
			   .saved_value = saved_value };

	if (multiline)
		form_textarea(r, &f);
	else
		form_input(r, &f);
}

static void plan_form(struct req *r, int status, const struct alarm_plan *p, const struct field_errors *fe,
		      const struct alarm_plan *saved)
{
	int readonly = r->org.role < MEMBER_EDITOR, nroles, declare_differs;
	struct strbuf *o = &r->out;
	char action[80], version[24], back[64], id[48];
	const char *err;
	struct option *roles;
	struct team_view tv;
	struct field f;

	if (team_view_load(r, &tv) < 0)
		return;
	roles = ARENA_NEW(r->arena, struct option, 1 + tv.nroles);
	if (!roles) {
		web_error_page(r, 500, N_("The server ran out of memory. Please try again."));
		return;
	}
	roles[0].value = "";
	roles[0].label = _(r->lang, "— nobody yet —");
	for (nroles = 1; nroles <= (int)tv.nroles; nroles++) {
		roles[nroles].value = id_text(r, tv.roles[nroles - 1].id);
		roles[nroles].label = tv.roles[nroles - 1].name;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, readonly ? N_("Meeting places and responsibilities") : N_("Edit meeting places and responsibilities"),
		   STEP_TEAM, N_("Where the crisis team meets, who may declare an emergency, and who reports data breaches."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed these settings meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read these settings. Editing needs the editor role."));
	form_error_summary(r, fe);
	snprintf(action, sizeof(action), "/o/%lld/alarm/plan", (long long)r->org.id);
	form_begin(r, action, r->csrf);
	snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : p->version));
	form_hidden(r, "version", version);

	html_lit(o, "<h2>");
	html_text(o, _(r->lang, "Where the crisis team meets"));
	html_lit(o, "</h2>");
	text_field(r, "meeting_place", N_("Meeting place"), N_("Room and address, for example: meeting room 1, Hauptstraße 5."),
		   p->meeting_place, saved ? saved->meeting_place : NULL, fe, readonly, 1);
	text_field(r, "meeting_fallback", N_("Fallback place (when the office cannot be used)"),
		   N_("For example after a fire or a power outage: the home of the managing director, a partner company."),
		   p->meeting_fallback, saved ? saved->meeting_fallback : NULL, fe, readonly, 1);
	text_field(r, "phone_bridge", N_("Phone or video bridge"),
		   N_("Dial-in number with PIN, or a video link, that works without your own network."), p->phone_bridge,
		   saved ? saved->phone_bridge : NULL, fe, readonly, 0);

	html_lit(o, "<h2>");
	html_text(o, _(r->lang, "Who may declare an emergency"));
	html_lit(o, "</h2>");
	err = fe_prefix(fe, "declare_role_ids");
	declare_differs = saved && !form_same_ids(p->declare_role_ids, p->ndeclare_roles, saved->declare_role_ids,
						  saved->ndeclare_roles);
	html_lit(o, "<fieldset");
	if (err)
		html_lit(o, " aria-describedby=\"err-declare_role_ids\"");
	else if (declare_differs)
		form_saved_ref(r, "declare_role");
	html_lit(o, "><legend>");
	html_text(o, _(r->lang, "Roles that may declare an emergency"));
	html_lit(o, "</legend>");
	if (err) {
		html_lit(o, "<p class=\"error\" id=\"err-declare_role_ids\">");
		html_text(o, _(r->lang, err));
		html_lit(o, "</p>");
	}
	if (!tv.nroles) {
		html_lit(o, "<p class=\"hint\">");
		html_text(o, _(r->lang, "There are no roles yet. Add roles on the team page first."));
		html_lit(o, "</p>");
	}
	for (size_t i = 0; i < tv.nroles; i++) {
		snprintf(id, sizeof(id), "f-declare_role-%lld", (long long)tv.roles[i].id);
		html_lit(o, "<div class=\"field check\"><input type=\"checkbox\" name=\"declare_role\"");
		html_attr(o, "id", id);
		html_attr(o, "value", id_text(r, tv.roles[i].id));
		if (names_declare_role(p, tv.roles[i].id))
			html_lit(o, " checked");
		if (readonly)
			html_lit(o, " disabled");
		html_lit(o, "><label");
		html_attr(o, "for", id);
		html_lit(o, ">");
		html_text(o, tv.roles[i].name);
		html_lit(o, "</label></div>");
	}
	if (declare_differs)
		form_saved_ids(r, "declare_role", saved->declare_role_ids, saved->ndeclare_roles,
			       declare_names(r, &tv, saved));
	html_lit(o, "</fieldset>");
	text_field(r, "declare_criteria", N_("On which criteria"),
		   N_("For example: an important system is down for more than 4 hours, a ransom note appears, customer "
		      "data may be stolen."),
		   p->declare_criteria, saved ? saved->declare_criteria : NULL, fe, readonly, 1);

	html_lit(o, "<h2>");
	html_text(o, _(r->lang, "Who reports data breaches"));
	html_lit(o, "</h2><p class=\"hint\">");
	html_text(o, _(r->lang, "When personal data may have been lost or seen by strangers (for example stolen customer "
				"data), the data-protection authority must be told within 72 hours of becoming aware of it "
				"(GDPR Art. 33)."));
	html_lit(o, "</p>");
	f = (struct field){ .name = "breach_report_role_id", .label = N_("Role that reports to the authority"),
			    .value = id_text(r, p->breach_report_role_id), .readonly = readonly,
			    .error = fe_get(fe, "breach_report_role_id"),
			    .saved_value = saved ? id_text(r, saved->breach_report_role_id) : NULL };
	form_select(r, &f, roles, nroles);
	text_field(r, "breach_notes", N_("Notes on reporting"),
		   N_("For example: the online form of the authority, who informs the people affected."), p->breach_notes,
		   saved ? saved->breach_notes : NULL, fe, readonly, 1);
	alarm_url(r, back, sizeof(back));
	form_actions(r, readonly ? NULL : N_("Save"), back, NULL);
	form_end(r);
	page_end(r);
}

void web_alarm_plan_edit(struct req *r)
{
	struct alarm_plan p;

	if (store_alarm_plan_get(r->db, r->arena, r->org.id, &p) != KF_OK) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	plan_form(r, 200, &p, NULL, NULL);
}

void web_alarm_plan_update(struct req *r)
{
	struct field_errors fe = { 0 };
	struct alarm_plan p, current;
	long long version;
	enum kf_err err;
	char back[64];

	version = page_form_version(r, 0);
	if (version < 0)
		return;
	alarm_plan_init(&p);
	p.version = version;
	alarm_plan_from_form(&p, &r->form, &fe);
	alarm_plan_validate(&p, &fe);
	if (fe.n) {
		store_alarm_plan_check_roles(r->db, &p, r->org.id, &fe);
		plan_form(r, 422, &p, &fe, NULL);
		return;
	}
	err = store_alarm_plan_put(r->db, r->arena, r->org.id, r->user.id, version, &p, &current, &fe);
	if (err == KF_ECONFLICT) {
		plan_form(r, 409, &p, NULL, &current);
		return;
	}
	if (err == KF_EINVAL) {
		plan_form(r, 422, &p, &fe, NULL);
		return;
	}
	if (err) {
		web_error_page(r, 500, N_("The database could not be written. Please try again."));
		return;
	}
	alarm_url(r, back, sizeof(back));
	resp_redirect(r, back);
}
