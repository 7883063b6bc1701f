/* page_plan_versions.c: the "Freigabe" page: plan versions, submitting, approving or returning (four-eyes), comparing. */
#include <stdio.h>
#include <string.h>

#include "../core/plan_snapshot.h"
#include "../core/validate.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "web.h"
#include "../lib/banned.h"

#define MISSING N_("This version does not exist.")

static void when(struct req *r, int64_t t)
{
	char iso[24];

	kf_time_iso(t, iso);
	iso[10] = '\0';
	html_date(&r->out, iso, r->lang == KF_LANG_DE);
}

static void num_text(struct req *r, const char *tmpl, int64_t n)
{
	char s[24];

	snprintf(s, sizeof(s), "%lld", (long long)n);
	html_text_subst(&r->out, _(r->lang, tmpl), s);
}

/* The approved version and whether the plan changed since; on the start page (with_link) it leads here. */
void web_plan_version_state(struct req *r, int with_link)
{
	struct strbuf *o = &r->out;
	struct plan_version v;
	int changed = 0;
	char href[64];

	if (store_plan_version_approved_head(r->db, r->arena, r->org.id, &v) != KF_OK ||
	    store_plan_changed_since(r->db, r->org.id, &v, &changed) != KF_OK)
		return;
	snprintf(href, sizeof(href), "/o/%lld/plan-versions", (long long)r->org.id);
	html_lit(o, "<p class=\"plan-version-state\" id=\"plan-version-state\">");
	if (changed) {
		html_lit(o, "<span class=\"badge gap\">");
		num_text(r, N_("Changed since the approved version %s"), v.number);
		html_lit(o, "</span> ");
	} else {
		html_lit(o, "<span class=\"badge ok\">");
		num_text(r, N_("Version %s is approved"), v.number);
		html_lit(o, "</span> ");
	}
	if (!with_link) {
		html_lit(o, "</p>");
		return;
	}
	html_lit(o, "<a");
	html_attr(o, "href", href);
	html_lit(o, ">");
	html_text(o, _(r->lang, "Versions and approval"));
	html_lit(o, "</a></p>");
}

/* Approve and return forms for a waiting version (only for approvers other than the submitter). */
static void decide_forms(struct req *r, const struct plan_version *v, const struct field_errors *fe,
			 const char *comment)
{
	struct strbuf *o = &r->out;
	char action[96], version[24];
	int may = 0;

	if (store_plan_approver(r->db, r->org.id, r->user.id, &may, NULL) != KF_OK || !may)
		return;
	if (v->submitted_by == r->user.id) {
		html_lit(o, "<p class=\"hint\">");
		html_text(o, _(r->lang, "You submitted this version yourself, so another person approves it "
					"(four-eyes principle)."));
		html_lit(o, "</p>");
		return;
	}
	snprintf(version, sizeof(version), "%lld", (long long)v->version);
	snprintf(action, sizeof(action), "/o/%lld/plan-versions/%lld/approve", (long long)r->org.id,
		 (long long)v->number);
	form_begin(r, action, r->csrf);
	form_hidden(r, "version", version);
	form_submit(r, N_("Approve version"), NULL);
	form_end(r);
	snprintf(action, sizeof(action), "/o/%lld/plan-versions/%lld/return", (long long)r->org.id,
		 (long long)v->number);
	form_begin(r, action, r->csrf);
	form_error_summary(r, fe);
	form_hidden(r, "version", version);
	form_textarea(r, &(struct field){ .name = "comment", .label = N_("Comment for returning"), .value = comment,
					 .hint = N_("What must be changed before the version can be approved."),
					 .error = fe_get(fe, "comment"), .required = 1 });
	form_submit(r, N_("Return with comment"), "secondary");
	form_end(r);
}

static void version_row(struct req *r, const struct plan_version *v)
{
	struct strbuf *o = &r->out;
	char id[32];

	snprintf(id, sizeof(id), "version-%lld", (long long)v->number);
	html_lit(o, "<tr");
	html_attr(o, "id", id);
	html_lit(o, "><td>");
	num_text(r, N_("Version %s"), v->number);
	html_lit(o, "</td><td>");
	when(r, v->submitted_at);
	html_lit(o, "<br>");
	html_text(o, v->submitted_by_name);
	html_lit(o, "</td><td><span");
	html_attr(o, "class", v->status == PLAN_VERSION_APPROVED ? "badge ok" :
			      v->status == PLAN_VERSION_RETURNED ? "badge gap" :
								   "badge later");
	html_lit(o, ">");
	html_text(o, _(r->lang, plan_version_status_label(v->status)));
	html_lit(o, "</span>");
	if (v->decided_at) {
		html_lit(o, "<br>");
		when(r, v->decided_at);
		html_lit(o, ", ");
		html_text(o, v->decided_by_name);
	}
	html_lit(o, "</td><td>");
	html_text(o, v->note);
	if (*v->comment) {
		html_lit(o, "<p class=\"comment\"><strong>");
		html_text(o, _(r->lang, "Comment:"));
		html_lit(o, "</strong> ");
		html_text(o, v->comment);
		html_lit(o, "</p>");
	}
	html_lit(o, "</td></tr>");
}

static void compare_form(struct req *r, const struct plan_version *list, size_t n, int64_t from, int64_t to)
{
	struct strbuf *o = &r->out;
	char action[64];
	static const char *const names[] = { "from", "to" };
	static const char *const labels[] = { N_("Compare version"), N_("with version") };

	snprintf(action, sizeof(action), "/o/%lld/plan-versions/compare", (long long)r->org.id);
	html_lit(o, "<form method=\"get\" class=\"compare-form\"");
	html_attr(o, "action", action);
	html_lit(o, "><div class=\"inline-form\">");
	for (int k = 0; k < 2; k++) {
		int64_t sel = k == 0 ? from : to;

		html_lit(o, "<label");
		html_attr(o, "for", names[k]);
		html_lit(o, ">");
		html_text(o, _(r->lang, labels[k]));
		html_lit(o, "</label><select");
		html_attr(o, "name", names[k]);
		html_attr(o, "id", names[k]);
		html_lit(o, ">");
		for (size_t i = n; i-- > 0;) {
			char val[24];

			snprintf(val, sizeof(val), "%lld", (long long)list[i].number);
			html_lit(o, "<option");
			html_attr(o, "value", val);
			if (list[i].number == sel)
				html_lit(o, " selected");
			html_lit(o, ">");
			html_text(o, val);
			html_lit(o, "</option>");
		}
		html_lit(o, "</select>");
	}
	html_lit(o, "<button type=\"submit\" class=\"secondary\">");
	html_text(o, _(r->lang, "Compare"));
	html_lit(o, "</button></div></form>");
}

static void render(struct req *r, int status, const struct field_errors *fe, const char *comment)
{
	struct strbuf *o = &r->out;
	struct plan_version *list;
	const struct plan_version *pending = NULL;
	char action[64];
	size_t n;
	enum kf_err err;

	err = store_plan_version_list(r->db, r->arena, r->org.id, &list, &n);
	if (err) {
		web_store_error(r, err, MISSING, 0);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (list[i].status == PLAN_VERSION_SUBMITTED)
			pending = &list[i];
	r->status = status;
	page_begin(r, N_("Versions and approval"), STEP_DOCUMENT,
		   N_("The Notfallleiter submits the plan as a version; another person approves it (four-eyes "
		      "principle). The approved version is the one that counts."));
	if (kv_get(&r->query, "submitted"))
		page_notice(r, "ok", _(r->lang, "The version was submitted. The approvers were notified."));
	if (kv_get(&r->query, "approved"))
		page_notice(r, "ok", _(r->lang, "The version is approved."));
	if (kv_get(&r->query, "returned"))
		page_notice(r, "ok", _(r->lang, "The version was returned with your comment."));
	if (kv_get(&r->query, "refused"))
		page_notice(r, "error", _(r->lang, kv_get(&r->query, "own") ?
							   N_("You submitted this version yourself. Another person must approve it "
							      "(four-eyes principle).") :
							   N_("This version can no longer be decided, or you may not approve it.")));
	web_plan_version_state(r, 0);
	if (pending) {
		html_lit(o, "<section class=\"card\" aria-labelledby=\"h-pending\"><h2 id=\"h-pending\">");
		num_text(r, N_("Version %s waits for approval"), pending->number);
		html_lit(o, "</h2><p>");
		html_text(o, pending->note);
		html_lit(o, "</p>");
		decide_forms(r, pending, fe, comment);
		html_lit(o, "</section>");
	} else if (r->org.role >= MEMBER_NOTFALLLEITER) {
		snprintf(action, sizeof(action), "/o/%lld/plan-versions", (long long)r->org.id);
		html_lit(o, "<section aria-labelledby=\"h-submit\"><h2 id=\"h-submit\">");
		html_text(o, _(r->lang, "Submit the current plan for approval"));
		html_lit(o, "</h2>");
		form_begin(r, action, r->csrf);
		form_error_summary(r, fe);
		form_textarea(r, &(struct field){ .name = "note", .label = N_("Note"),
						 .hint = N_("What changed since the last version, in a sentence or two."),
						 .value = comment, .error = fe_get(fe, "note") });
		form_submit(r, N_("Submit version"), NULL);
		form_end(r);
		html_lit(o, "</section>");
	}
	html_lit(o, "<section aria-labelledby=\"h-versions\"><h2 id=\"h-versions\">");
	html_text(o, _(r->lang, "Versions"));
	html_lit(o, "</h2>");
	if (!n) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No version yet. When the plan is ready, the Notfallleiter submits it here."));
		html_lit(o, "</p>");
	} else {
		html_lit(o, "<div class=\"table-wrap\"><table class=\"plan-versions\"><thead><tr><th scope=\"col\">");
		html_text(o, _(r->lang, "Version"));
		html_lit(o, "</th><th scope=\"col\">");
		html_text(o, _(r->lang, "Submitted"));
		html_lit(o, "</th><th scope=\"col\">");
		html_text(o, _(r->lang, "Status"));
		html_lit(o, "</th><th scope=\"col\">");
		html_text(o, _(r->lang, "Note"));
		html_lit(o, "</th></tr></thead><tbody>");
		for (size_t i = 0; i < n; i++)
			version_row(r, &list[i]);
		html_lit(o, "</tbody></table></div>");
		if (n >= 2)
			compare_form(r, list, n, list[1].number, list[0].number);
	}
	html_lit(o, "</section>");
	page_end(r);
}

void web_plan_versions(struct req *r)
{
	struct field_errors fe = { 0 };

	render(r, 200, &fe, "");
}

void web_plan_version_submit(struct req *r)
{
	struct field_errors fe = { 0 };
	struct plan_version v;
	const char *note = kv_get(&r->form, "note");
	char loc[80];
	enum kf_err err;

	if (plan_version_note_input(&fe, "note", r->arena, note, 0, &note) < 0) {
		render(r, 422, &fe, kv_get(&r->form, "note"));
		return;
	}
	err = store_plan_version_submit(r->db, r->arena, r->org.id, r->user.id, note, &v);
	if (err == KF_EEXIST) {
		fe_add(&fe, "note", N_("cannot be submitted: a version is already waiting for approval"));
		render(r, 409, &fe, note);
		return;
	}
	if (err) {
		web_store_error(r, err, MISSING, 1);
		return;
	}
	snprintf(loc, sizeof(loc), "/o/%lld/plan-versions?submitted=1", (long long)r->org.id);
	resp_redirect(r, loc);
}

static void decide(struct req *r, int approve)
{
	struct field_errors fe = { 0 };
	struct plan_version v, current;
	const char *comment = kv_get(&r->form, "comment");
	long long version;
	char loc[96];
	enum kf_err err;
	int own = 0;

	version = page_form_version(r, 1);
	if (version < 0)
		return;
	if (plan_version_note_input(&fe, "comment", r->arena, comment, !approve, &comment) < 0) {
		render(r, 422, &fe, kv_get(&r->form, "comment"));
		return;
	}
	err = store_plan_version_decide(r->db, r->arena, r->org.id, r->user.id, r->id, version, approve, comment, &v,
					&current, &own);
	if (err == KF_EPERM || err == KF_EINVAL || err == KF_ECONFLICT) {
		snprintf(loc, sizeof(loc), "/o/%lld/plan-versions?refused=1%s", (long long)r->org.id, own ? "&own=1" : "");
		resp_redirect(r, loc);
		return;
	}
	if (err) {
		web_store_error(r, err, MISSING, 1);
		return;
	}
	snprintf(loc, sizeof(loc), "/o/%lld/plan-versions?%s=1", (long long)r->org.id,
		 approve ? "approved" : "returned");
	resp_redirect(r, loc);
}

void web_plan_version_approve(struct req *r)
{
	decide(r, 1);
}

void web_plan_version_return(struct req *r)
{
	decide(r, 0);
}

void web_plan_version_compare(struct req *r)
{
	struct strbuf *o = &r->out;
	struct plan_version from, to, *list;
	struct plan_diff *d;
	long long nf = 0, nt = 0;
	size_t n, nlist;
	json_t *jf, *jt;
	char title[96];
	int rc;

	if (parse_id(kv_get(&r->query, "from") ? kv_get(&r->query, "from") : "", &nf) != 0 ||
	    parse_id(kv_get(&r->query, "to") ? kv_get(&r->query, "to") : "", &nt) != 0) {
		/* no versions chosen yet: the list has the form */
		snprintf(title, sizeof(title), "/o/%lld/plan-versions", (long long)r->org.id);
		resp_redirect(r, title);
		return;
	}
	if (store_plan_version_get(r->db, r->arena, r->org.id, nf, &from) != KF_OK ||
	    store_plan_version_get(r->db, r->arena, r->org.id, nt, &to) != KF_OK ||
	    store_plan_version_list(r->db, r->arena, r->org.id, &list, &nlist) != KF_OK) {
		web_error_page(r, 404, MISSING);
		return;
	}
	jf = json_loads(from.snapshot, 0, NULL);
	jt = json_loads(to.snapshot, 0, NULL);
	rc = jf && jt ? plan_snapshot_compare(jf, jt, r->arena, &d, &n) : -1;
	if (rc < 0) {
		json_decref(jf);
		json_decref(jt);
		web_store_error(r, KF_ENOMEM, MISSING, 0);
		return;
	}
	r->status = 200;
	page_begin(r, N_("Compare versions"), STEP_DOCUMENT,
		   N_("What was added, removed or changed between two versions of the plan."));
	snprintf(title, sizeof(title), "%lld", nf);
	html_lit(o, "<h2 id=\"compare-title\">");
	html_text_subst(o, _(r->lang, "Compare version %s"), title);
	snprintf(title, sizeof(title), "%lld", nt);
	html_lit(o, " ");
	html_text_subst(o, _(r->lang, "with version %s"), title);
	html_lit(o, "</h2>");
	compare_form(r, list, nlist, nf, nt);
	if (!n) {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No differences: both versions hold the same plan."));
		html_lit(o, "</p>");
	} else {
		html_lit(o, "<div class=\"table-wrap\"><table class=\"plan-diff\"><thead><tr><th scope=\"col\">");
		html_text(o, _(r->lang, "Part of the plan"));
		html_lit(o, "</th><th scope=\"col\">");
		html_text(o, _(r->lang, "Item"));
		html_lit(o, "</th><th scope=\"col\">");
		html_text(o, _(r->lang, "Change"));
		html_lit(o, "</th></tr></thead><tbody>");
		for (size_t i = 0; i < n; i++) {
			html_lit(o, "<tr");
			html_attr(o, "class", plan_diff_kind_name(d[i].kind));
			html_lit(o, "><td>");
			html_text(o, _(r->lang, plan_snapshot_section_label(d[i].section)));
			html_lit(o, "</td><td>");
			html_text(o, *d[i].name ? d[i].name : "–");
			html_lit(o, "</td><td>");
			if (d[i].kind == PLAN_DIFF_ADDED)
				html_text(o, _(r->lang, "added"));
			else if (d[i].kind == PLAN_DIFF_REMOVED)
				html_text(o, _(r->lang, "removed"));
			else {
				html_text(o, _(r->lang, "changed:"));
				html_lit(o, " <span class=\"fields\">");
				for (size_t f = 0; f < d[i].nfields; f++) {
					if (f)
						html_lit(o, ", ");
					html_text(o, d[i].fields[f]);
				}
				html_lit(o, "</span>");
			}
			html_lit(o, "</td></tr>");
		}
		html_lit(o, "</tbody></table></div>");
	}
	page_end(r);
	json_decref(jf);
	json_decref(jt);
}

/* The approver mark on the members page: a small form per member who is no admin. */
void web_member_approver_form(struct req *r, int64_t user, int is_admin)
{
	char action[96];
	int may = 0, flag = 0;

	if (is_admin || store_plan_approver(r->db, r->org.id, user, &may, &flag) != KF_OK)
		return;
	snprintf(action, sizeof(action), "/o/%lld/members/%lld/approver", (long long)r->org.id, (long long)user);
	form_begin(r, action, r->csrf);
	form_hidden(r, "may_approve", flag ? "0" : "1");
	form_submit(r, flag ? N_("Remove approval right") : N_("May approve plan versions"), "secondary");
	form_end(r);
}

void web_member_approver(struct req *r)
{
	const char *v = kv_get(&r->form, "may_approve");
	char loc[64];
	enum kf_err err;

	err = store_plan_approver_set(r->db, r->org.id, r->user.id, r->id, v && strcmp(v, "1") == 0);
	if (err) {
		web_store_error(r, err, N_("This page does not exist, or you have no access to it."), 1);
		return;
	}
	snprintf(loc, sizeof(loc), "/o/%lld/members", (long long)r->org.id);
	resp_redirect(r, loc);
}
