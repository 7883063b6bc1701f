/* page_members.c: the members page for admins (invite, change roles, remove, revoke) and the invitation link page. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "../core/validate.h"
#include "../http/auth.h"
#include "../http/invite.h"
#include "../http/request.h"
#include "../http/router.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/secret.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

#define PRE_COOKIE "kf_pre"
#define LAST_ADMIN_MSG N_("An organisation needs at least one administrator. Make another member an administrator first.")

static const enum member_role assignable[] = { MEMBER_READER, MEMBER_EDITOR, MEMBER_NOTFALLLEITER, MEMBER_ADMIN };
#define NASSIGNABLE ((int)(sizeof(assignable) / sizeof(assignable[0])))

/* What the members page shows besides the lists: the new link, a notice, the invite form's input and errors. */
struct members_view {
	const char *link;         /* a link just created (shown once), or NULL */
	const struct invitation *created;
	const char *notice;       /* message id of an ok notice, or NULL */
	const char *error;        /* message id of an error notice, or NULL */
	const char *email, *role, *days;
	const struct field_errors *fe;
};

static void date_of(struct req *r, int64_t t)
{
	char iso[16];

	kf_date_iso(t, iso);
	html_date(&r->out, iso, r->lang == KF_LANG_DE);
}

static void role_options(struct req *r, struct option *opts)
{
	for (int i = 0; i < NASSIGNABLE; i++) {
		opts[i].value = member_role_name(assignable[i]);
		opts[i].label = _(r->lang, member_role_label(assignable[i]));
	}
}

static void new_link_box(struct req *r, const struct members_view *v)
{
	struct strbuf *o = &r->out;

	html_lit(o, "<div class=\"notice ok invite-link\" role=\"status\"><p>");
	if (r->app->mail_configured) /* the mail thread sends it; the link stays here for when it gets lost */
		html_text_subst(o, _(r->lang, "The invitation for %s is on its way by email. If it does not arrive, "
					      "send this link yourself. It works once and is shown only now:"),
				v->created->email);
	else
		html_text_subst(o, _(r->lang, "The invitation for %s is ready. Email is not set up on this server, so "
					      "send this link to the person yourself (by email or chat). It works once and "
					      "is shown only now:"),
				v->created->email);
	html_lit(o, "</p><p><label for=\"invite-link\">");
	html_text(o, _(r->lang, "Invitation link"));
	html_lit(o, "</label><input type=\"text\" id=\"invite-link\" readonly class=\"copy\"");
	html_attr(o, "value", v->link);
	html_lit(o, "></p><p class=\"hint\">");
	{
		char iso[16], shown[32];
		struct strbuf d;

		kf_date_iso(v->created->expires_at, iso);
		sb_init(&d, sizeof(shown));
		html_date(&d, iso, r->lang == KF_LANG_DE);
		snprintf(shown, sizeof(shown), "%s", d.failed ? iso : d.buf);
		sb_release(&d);
		html_text_subst(o, _(r->lang, "Valid until %s."), shown);
	}
	html_lit(o, "</p></div>");
}

static void invite_form(struct req *r, const struct members_view *v)
{
	struct strbuf *o = &r->out;
	struct option opts[NASSIGNABLE];
	struct field f;
	char action[64];

	role_options(r, opts);
	html_lit(o, "<section class=\"invite\" aria-labelledby=\"h-invite\"><h2 id=\"h-invite\">");
	html_text(o, _(r->lang, "Invite someone"));
	html_lit(o, "</h2>");
	form_error_summary(r, v->fe);
	snprintf(action, sizeof(action), "/o/%lld/members/invite", (long long)r->org.id);
	form_begin(r, action, r->csrf);
	f = (struct field){ .name = "email", .label = N_("Email"), .value = v->email ? v->email : "", .type = "email",
			    .required = 1, .autocomplete = "off", .error = fe_get(v->fe, "email") };
	form_input(r, &f);
	f = (struct field){ .name = "role", .label = N_("Role"), .value = v->role ? v->role : "editor",
			    .hint = N_("Readers see the plan, editors change it, emergency leaders also lead in an emergency, administrators also manage members."),
			    .error = fe_get(v->fe, "role") };
	form_select(r, &f, opts, NASSIGNABLE);
	f = (struct field){ .name = "expires_in_days", .label = N_("Link valid for (days)"),
			    .value = v->days ? v->days : "7", .type = "number", .hint = N_("From 1 to 30 days."),
			    .error = fe_get(v->fe, "expires_in_days") };
	form_input(r, &f);
	form_submit(r, N_("Create invitation link"), NULL);
	form_end(r);
	html_lit(o, "</section>");
}

static void members_table(struct req *r, const struct member *list, size_t n)
{
	struct strbuf *o = &r->out;
	char action[96], id[32], version[24], href[96];

	html_lit(o, "<section aria-labelledby=\"h-members\"><h2 id=\"h-members\">");
	html_text(o, _(r->lang, "Members"));
	html_lit(o, "</h2><div class=\"table-wrap\"><table class=\"members\"><thead><tr><th scope=\"col\">");
	html_text(o, _(r->lang, "Name"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Email"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Role"));
	html_lit(o, "</th><th scope=\"col\"><span class=\"visually-hidden\">");
	html_text(o, _(r->lang, "Actions"));
	html_lit(o, "</span></th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct member *m = &list[i];

		snprintf(action, sizeof(action), "/o/%lld/members/%lld", (long long)r->org.id, (long long)m->id);
		snprintf(id, sizeof(id), "role-%lld", (long long)m->id);
		snprintf(version, sizeof(version), "%lld", (long long)m->version);
		snprintf(href, sizeof(href), "/o/%lld/members/%lld/remove", (long long)r->org.id, (long long)m->id);
		html_lit(o, "<tr><td>");
		html_text(o, *m->name ? m->name : "–");
		if (m->id == r->user.id) {
			html_lit(o, " <span class=\"badge\">");
			html_text(o, _(r->lang, "you"));
			html_lit(o, "</span>");
		}
		html_lit(o, "</td><td>");
		html_text(o, m->email);
		html_lit(o, "</td><td>");
		form_begin(r, action, r->csrf);
		form_hidden(r, "version", version);
		html_lit(o, "<div class=\"inline-form\"><label class=\"visually-hidden\"");
		html_attr(o, "for", id);
		html_lit(o, ">");
		html_text_subst(o, _(r->lang, "Role of %s"), *m->name ? m->name : m->email);
		html_lit(o, "</label><select name=\"role\"");
		html_attr(o, "id", id);
		html_lit(o, ">");
		for (int k = 0; k < NASSIGNABLE; k++) {
			html_lit(o, "<option");
			html_attr(o, "value", member_role_name(assignable[k]));
			if (assignable[k] == m->role)
				html_lit(o, " selected");
			html_lit(o, ">");
			html_text(o, _(r->lang, member_role_label(assignable[k])));
			html_lit(o, "</option>");
		}
		html_lit(o, "</select>");
		form_submit(r, N_("Save role"), "secondary");
		html_lit(o, "</div>");
		form_end(r);
		html_lit(o, "</td><td>");
		web_member_approver_form(r, m->id, m->role == MEMBER_ADMIN); /* approval */
		html_lit(o, "<a class=\"button danger\"");
		html_attr(o, "href", href);
		html_lit(o, ">");
		html_text(o, _(r->lang, "Remove"));
		html_lit(o, "</a></td></tr>");
	}
	html_lit(o, "</tbody></table></div></section>");
}

static void invitations_table(struct req *r, const struct invitation *list, size_t n)
{
	struct strbuf *o = &r->out;
	int64_t now = kf_now();
	char action[96], version[24];

	html_lit(o, "<section aria-labelledby=\"h-invitations\"><h2 id=\"h-invitations\">");
	html_text(o, _(r->lang, "Invitations"));
	html_lit(o, "</h2>");
	if (n == 0) {
		html_lit(o, "<p>");
		html_text(o, _(r->lang, "No invitations yet."));
		html_lit(o, "</p></section>");
		return;
	}
	html_lit(o, "<div class=\"table-wrap\"><table class=\"invitations\"><thead><tr><th scope=\"col\">");
	html_text(o, _(r->lang, "Email"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Role"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Status"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Valid until"));
	html_lit(o, "</th><th scope=\"col\">");
	html_text(o, _(r->lang, "Invited by"));
	html_lit(o, "</th><th scope=\"col\"><span class=\"visually-hidden\">");
	html_text(o, _(r->lang, "Actions"));
	html_lit(o, "</span></th></tr></thead><tbody>");
	for (size_t i = 0; i < n; i++) {
		const struct invitation *inv = &list[i];
		enum invitation_status st = invitation_status(inv, now);

		html_lit(o, "<tr><td>");
		html_text(o, inv->email);
		html_lit(o, "</td><td>");
		html_text(o, _(r->lang, member_role_label(inv->role)));
		html_lit(o, "</td><td><span");
		html_attr(o, "class", st == INVITATION_PENDING ? "badge status-pending" : "badge status-done");
		html_lit(o, ">");
		html_text(o, _(r->lang, invitation_status_label(st)));
		html_lit(o, "</span></td><td>");
		date_of(r, inv->expires_at);
		html_lit(o, "</td><td>");
		html_text(o, inv->invited_by_name);
		html_lit(o, "</td><td>");
		if (st == INVITATION_PENDING) {
			snprintf(action, sizeof(action), "/o/%lld/invitations/%lld/revoke", (long long)r->org.id,
				 (long long)inv->id);
			snprintf(version, sizeof(version), "%lld", (long long)inv->version);
			form_begin(r, action, r->csrf);
			form_hidden(r, "version", version);
			form_submit(r, N_("Revoke"), "secondary");
			form_end(r);
		}
		html_lit(o, "</td></tr>");
	}
	html_lit(o, "</tbody></table></div></section>");
}

static void members_page(struct req *r, int status, const struct members_view *v)
{
	struct invitation *invs = NULL;
	struct member *members = NULL;
	size_t nm = 0, ni = 0;
	enum kf_err err;

	err = store_member_list(r->db, r->arena, r->org.id, &members, &nm);
	if (!err)
		err = store_invitation_list(r->db, r->arena, r->org.id, &invs, &ni);
	if (err) {
		web_store_error(r, err, N_("This organisation does not exist (any more)."), 0);
		return;
	}
	r->status = status;
	sb_reset(&r->out);
	page_begin(r, N_("Members"), STEP_NONE,
		   N_("Who works on the plan, and what each person may do. Invite colleagues with a one-time link."));
	if (v->error)
		page_notice(r, "error", _(r->lang, v->error));
	if (v->notice)
		page_notice(r, "ok", _(r->lang, v->notice));
	if (v->link)
		new_link_box(r, v);
	invite_form(r, v);
	members_table(r, members, nm);
	invitations_table(r, invs, ni);
	/* admins also bring back deleted items: the members page is their place for managing the organisation */
	html_lit(&r->out, "<p class=\"more\">");
	page_link(r, arena_printf(r->arena, "/o/%lld/deleted", (long long)r->org.id), _(r->lang, "Restore deleted items"),
		  NULL);
	html_lit(&r->out, "</p>");
	page_end(r);
}

void web_members(struct req *r)
{
	struct members_view v = { 0 };
	const char *done = kv_get(&r->query, "done");

	if (done && strcmp(done, "role") == 0)
		v.notice = N_("The role was changed.");
	else if (done && strcmp(done, "removed") == 0)
		v.notice = N_("The member was removed. Their access to this organisation ended at once.");
	else if (done && strcmp(done, "revoked") == 0)
		v.notice = N_("The invitation was revoked; its link no longer works.");
	members_page(r, 200, &v);
}

static void back_to_members(struct req *r, const char *done)
{
	char loc[96];

	snprintf(loc, sizeof(loc), "/o/%lld/members?done=%s", (long long)r->org.id, done);
	resp_redirect(r, loc);
}

void web_member_invite(struct req *r)
{
	struct field_errors fe = { 0 };
	struct members_view v = { 0 };
	struct invitation inv;
	const char *link = NULL;
	enum kf_err err;
	int days = INVITATION_DAYS_DEFAULT;

	v.email = kv_get(&r->form, "email");
	v.role = kv_get(&r->form, "role");
	v.days = kv_get(&r->form, "expires_in_days");
	v.fe = &fe;
	invitation_input(&inv, r->arena, v.email, v.role, v.days, &days, &fe);
	if (fe.n) {
		members_page(r, 422, &v);
		return;
	}
	err = invite_create(r, &inv, days, &link);
	if (err == KF_EEXIST) {
		fe_add(&fe, "email", N_("is already a member of this organisation"));
		members_page(r, 422, &v);
		return;
	}
	if (err) {
		web_store_error(r, err, N_("This organisation does not exist (any more)."), 1);
		return;
	}
	/* the link is shown this once; only its hash is stored */
	v = (struct members_view){ .link = link, .created = &inv };
	members_page(r, 201, &v);
}

void web_member_update(struct req *r)
{
	struct field_errors fe = { 0 };
	struct members_view v = { 0 };
	struct member m, current;
	enum member_role role = MEMBER_NONE;
	long long version;
	enum kf_err err;

	version = page_form_version(r, 1);
	if (version < 0)
		return;
	if (member_role_input(&fe, "role", kv_get(&r->form, "role"), &role) < 0) {
		v.error = N_("Please choose one of the offered roles.");
		members_page(r, 422, &v);
		return;
	}
	err = store_member_set_role(r->db, r->arena, r->org.id, r->user.id, r->id, version, role, &m, &current);
	if (err == KF_EPERM) {
		v.error = LAST_ADMIN_MSG;
		members_page(r, 409, &v);
		return;
	}
	if (err == KF_ECONFLICT) {
		v.error = N_("Someone else changed this member meanwhile. Please check the role again.");
		members_page(r, 409, &v);
		return;
	}
	if (err) {
		web_store_error(r, err, N_("This person is no member (any more)."), 1);
		return;
	}
	if (r->id == r->user.id && role < MEMBER_ADMIN) {
		char loc[48];

		snprintf(loc, sizeof(loc), "/o/%lld/", (long long)r->org.id); /* no admin any more: the members page is closed now */
		resp_redirect(r, loc);
		return;
	}
	back_to_members(r, "role");
}

static void confirm_remove_page(struct req *r, int status, const struct member *m, const char *problem)
{
	struct strbuf *o = &r->out;
	char action[96], back[64], version[24];

	snprintf(action, sizeof(action), "/o/%lld/members/%lld/remove", (long long)r->org.id, (long long)m->id);
	snprintf(back, sizeof(back), "/o/%lld/members", (long long)r->org.id);
	snprintf(version, sizeof(version), "%lld", (long long)m->version);
	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Remove member"), STEP_NONE, NULL);
	if (problem) {
		html_lit(o, "<div class=\"notice error\" role=\"alert\"><p>");
		html_text(o, _(r->lang, problem));
		html_lit(o, "</p></div>");
	}
	html_lit(o, "<p class=\"lead\">");
	html_text_subst(o, _(r->lang, "Do you really want to remove %s from this organisation?"),
			*m->name ? m->name : m->email);
	html_lit(o, "</p><p>");
	html_text(o, _(r->lang, "Their access ends at once. Their account stays, and so does everything they wrote "
				"into the plan. You can invite them again later."));
	html_lit(o, "</p>");
	form_begin(r, action, r->csrf);
	form_hidden(r, "version", version);
	html_lit(o, "<div class=\"actions\"><a class=\"button secondary\"");
	html_attr(o, "href", back);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Cancel"));
	html_lit(o, "</a>");
	if (!problem || strcmp(problem, LAST_ADMIN_MSG) != 0)
		form_submit(r, N_("Yes, remove"), "danger");
	html_lit(o, "</div>");
	form_end(r);
	page_end(r);
}

void web_member_confirm_remove(struct req *r)
{
	struct member m;
	enum kf_err err;

	err = store_member_get(r->db, r->arena, r->org.id, r->id, &m);
	if (err) {
		web_store_error(r, err, N_("This person is no member (any more)."), 0);
		return;
	}
	confirm_remove_page(r, 200, &m, NULL);
}

void web_member_remove(struct req *r)
{
	struct member current;
	long long version;
	enum kf_err err;

	version = page_form_version(r, 1);
	if (version < 0)
		return;
	err = store_member_remove(r->db, r->arena, r->org.id, r->user.id, r->id, version, &current);
	if (err == KF_EPERM) {
		confirm_remove_page(r, 409, &current, LAST_ADMIN_MSG);
		return;
	}
	if (err == KF_ECONFLICT) {
		confirm_remove_page(r, 409, &current,
				    N_("Someone else changed this member meanwhile. Please check again before removing."));
		return;
	}
	if (err) {
		web_store_error(r, err, N_("This person is no member (any more)."), 1);
		return;
	}
	if (r->id == r->user.id) {
		resp_redirect(r, "/"); /* removed oneself: this organisation is closed now */
		return;
	}
	back_to_members(r, "removed");
}

void web_invitation_revoke(struct req *r)
{
	struct members_view v = { 0 };
	struct invitation current;
	long long version;
	enum kf_err err;

	version = page_form_version(r, 1);
	if (version < 0)
		return;
	err = store_invitation_revoke(r->db, r->arena, r->org.id, r->user.id, r->id, version, &current);
	if (err == KF_ECONFLICT || err == KF_EINVAL) {
		v.error = N_("This invitation was changed meanwhile (used, revoked or replaced). Please check the list.");
		members_page(r, 409, &v);
		return;
	}
	if (err) {
		web_store_error(r, err, N_("This invitation does not exist."), 1);
		return;
	}
	back_to_members(r, "revoked");
}

/* ---------------------------------------------------------------- the invitation link */

/* The pre-session CSRF token (as on the sign-in page). */
static const char *pre_token(struct req *r)
{
	const char *have = req_cookie(r, PRE_COOKIE);
	char token[KF_TOKEN_LEN];

	if (have && strlen(have) >= 32 && strlen(have) < 64)
		return have;
	kf_random_token(token);
	resp_cookie(r, PRE_COOKIE, token, 3600);
	return arena_strdup(r->arena, token);
}

static void invite_refused_page(struct req *r, enum invite_result res, int64_t retry)
{
	const char *msg;
	int status = 410;

	switch (res) {
	case INVITE_EXPIRED:
		msg = N_("This invitation link has expired. Please ask your administrator for a new one.");
		break;
	case INVITE_USED:
		msg = N_("This invitation link was already used. Please sign in, or ask your administrator for a new one.");
		break;
	case INVITE_REVOKED:
		msg = N_("This invitation was withdrawn. Please ask your administrator for a new one.");
		break;
	case INVITE_THROTTLED:
		auth_retry_after(r, retry);
		status = 429;
		msg = N_("Too many failed attempts. Please wait a few minutes and try again.");
		break;
	case INVITE_UNKNOWN:
		status = 404;
		msg = N_("This invitation link is not valid. Please check that you copied all of it.");
		break;
	default:
		status = 500;
		msg = N_("The database could not be read. Please try again.");
		break;
	}
	r->status = status;
	sb_reset(&r->out);
	page_begin(r, N_("Invitation"), STEP_NONE, NULL);
	html_lit(&r->out, "<p class=\"lead\" id=\"invite-problem\">");
	html_text(&r->out, _(r->lang, msg));
	html_lit(&r->out, "</p><p><a href=\"/login\">");
	html_text(&r->out, _(r->lang, "Go to the sign-in page"));
	html_lit(&r->out, "</a></p>");
	page_end(r);
}

struct invite_input {
	const char *token;
	const char *name;
	const char *password;
	const char *password2;
	int has_account;
	struct invitation inv;
};

static void invite_page(struct req *r, int status, const struct invite_input *in, const struct field_errors *fe,
			const char *error)
{
	struct strbuf *o = &r->out;
	int same_user = in->has_account && r->authed && strcasecmp(r->user.email, in->inv.email) == 0;
	const char *action = arena_printf(r->arena, "/invite/%s", in->token);
	struct field f;

	r->status = status;
	sb_reset(o);
	page_begin(r, N_("Invitation"), STEP_NONE, NULL);
	html_lit(o, "<p class=\"lead\">");
	html_text_subst(o, _(r->lang, "You are invited to work on the IT emergency plan of %s."), in->inv.org_name);
	html_lit(o, " ");
	html_text_subst(o, _(r->lang, "Your role: %s."), _(r->lang, member_role_label(in->inv.role)));
	html_lit(o, "</p>");
	if (error)
		page_notice(r, "error", _(r->lang, error));
	form_error_summary(r, fe);
	form_begin(r, action ? action : "/", pre_token(r));
	if (same_user) {
		html_lit(o, "<p>");
		html_text_subst(o, _(r->lang, "You are signed in as %s."), r->user.email);
		html_lit(o, "</p>");
		form_submit(r, N_("Join the organisation"), NULL);
	} else if (in->has_account) {
		html_lit(o, "<p>");
		html_text_subst(o, _(r->lang, "You already have an account with %s. Sign in with its password to join."),
				in->inv.email);
		html_lit(o, "</p>");
		f = (struct field){ .name = "email", .label = N_("Email"), .value = in->inv.email, .type = "email",
				    .autocomplete = "username", .readonly = 1 };
		form_input(r, &f);
		f = (struct field){ .name = "password", .label = N_("Password"), .value = "", .type = "password",
				    .required = 1, .autocomplete = "current-password", .error = fe_get(fe, "password") };
		form_input(r, &f);
		form_submit(r, N_("Sign in and join"), NULL);
	} else {
		html_lit(o, "<p>");
		html_text(o, _(r->lang, "Choose your name and a password. You sign in with your email and this password."));
		html_lit(o, "</p>");
		f = (struct field){ .name = "email", .label = N_("Email"), .value = in->inv.email, .type = "email",
				    .autocomplete = "username", .readonly = 1 };
		form_input(r, &f);
		f = (struct field){ .name = "name", .label = N_("Your name"), .value = in->name, .autocomplete = "name",
				    .error = fe_get(fe, "name") };
		form_input(r, &f);
		f = (struct field){ .name = "password", .label = N_("Password"), .value = "", .type = "password",
				    .required = 1, .autocomplete = "new-password", .hint = N_("At least 10 characters."),
				    .error = fe_get(fe, "password") };
		form_input(r, &f);
		f = (struct field){ .name = "password2", .label = N_("Repeat the password"), .value = "", .type = "password",
				    .required = 1, .autocomplete = "new-password", .error = fe_get(fe, "password2") };
		form_input(r, &f);
		form_submit(r, N_("Create account and join"), NULL);
	}
	form_end(r);
	page_end(r);
}

void web_invite_form(struct req *r)
{
	struct invite_input *in = ARENA_NEW(r->arena, struct invite_input, 1);
	enum invite_result res;
	int64_t retry = 0;

	if (!in) {
		web_error_page(r, 500, N_("The server ran out of memory. Please try again."));
		return;
	}
	in->token = router_segment(r, "token");
	in->name = "";
	res = invite_lookup(r, in->token, &in->inv, &in->has_account, &retry);
	if (res != INVITE_OK) {
		invite_refused_page(r, res, retry);
		return;
	}
	invite_page(r, 200, in, NULL, NULL);
}

static void invite_work(struct req *r)
{
	struct invite_input *in = r->job;
	int64_t retry = 0;
	int already = 0;
	enum invite_result res;
	char loc[48];

	res = invite_accept(r, &in->inv, in->name, in->password, &already, &retry);
	if (res == INVITE_WRONG_PASSWORD) {
		invite_page(r, 401, in, NULL, N_("The password is wrong."));
		return;
	}
	if (res == INVITE_THROTTLED) {
		auth_retry_after(r, retry);
		invite_page(r, 429, in, NULL, N_("Too many failed sign-in attempts. Please wait a few minutes and try again."));
		return;
	}
	if (res != INVITE_OK) {
		invite_refused_page(r, res, retry);
		return;
	}
	snprintf(loc, sizeof(loc), "/o/%lld/", (long long)in->inv.org_id);
	resp_redirect(r, loc);
}

void web_invite_accept(struct req *r)
{
	struct invite_input *in = ARENA_NEW(r->arena, struct invite_input, 1);
	struct field_errors fe = { 0 };
	enum invite_result res;
	int64_t retry = 0;
	const char *v;

	if (!in) {
		web_error_page(r, 500, N_("The server ran out of memory. Please try again."));
		return;
	}
	in->token = router_segment(r, "token");
	in->name = (v = kv_get(&r->form, "name")) ? v : "";
	in->password = (v = kv_get(&r->form, "password")) ? v : "";
	in->password2 = (v = kv_get(&r->form, "password2")) ? v : "";
	res = invite_lookup(r, in->token, &in->inv, &in->has_account, &retry);
	if (res != INVITE_OK) {
		invite_refused_page(r, res, retry);
		return;
	}
	if (in->has_account) {
		if (!(r->authed && strcasecmp(r->user.email, in->inv.email) == 0) && !*in->password)
			fe_add(&fe, "password", N_("must not be empty"));
	} else {
		validate_line(&fe, "name", r->arena, in->name, 0, 200, &in->name);
		validate_password(&fe, "password", in->password);
		if (strcmp(in->password, in->password2) != 0)
			fe_add(&fe, "password2", N_("does not match the password"));
	}
	if (fe.n) {
		invite_page(r, 422, in, &fe, NULL);
		return;
	}
	r->job = in;
	req_defer(r, invite_work);
}
