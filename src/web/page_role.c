/* page_role.c: creating, editing and deleting an emergency role through HTML forms. */
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

#define MSG_GONE N_("This role does not exist (any more).")

#define ROLE_FORM_DEPUTIES 3

/* Options for choosing a person: "nobody" first, then every contact. */
static struct option *people_options(struct req *r, const struct contact *list, size_t n)
{
	struct option *opts = ARENA_NEW(r->arena, struct option, n + 1);

	if (!opts)
		return NULL;
	opts[0].value = "";
	opts[0].label = _(r->lang, "— nobody —");
	for (size_t i = 0; i < n; i++) {
		opts[i + 1].value = arena_printf(r->arena, "%lld", (long long)list[i].id);
		opts[i + 1].label = *list[i].function ? arena_printf(r->arena, "%s (%s)", list[i].name, list[i].function)
						      : list[i].name;
	}
	return opts;
}

static const char *contact_name(const struct contact *list, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (list[i].id == id)
			return list[i].name;
	return "";
}

/* A select's value of a contact id: "" for none. */
static const char *id_value(struct req *r, int64_t id)
{
	return id ? arena_printf(r->arena, "%lld", (long long)id) : "";
}

/* The saved deputies as shown ("A, B"), when they differ from the input (in order); else NULL. */
static const char *deputies_saved_text(struct req *r, const struct role *ro, const struct role *saved,
				       const struct contact *contacts, size_t ncontacts)
{
	const char *text = "";
	int differ = ro->ndeputies != saved->ndeputies;

	for (int i = 0; i < saved->ndeputies && text; i++) {
		differ |= i < ro->ndeputies && ro->deputy_contact_ids[i] != saved->deputy_contact_ids[i];
		text = arena_printf(r->arena, "%s%s%s", text, i ? ", " : "",
				    contact_name(contacts, ncontacts, saved->deputy_contact_ids[i]));
	}
	return differ ? (text ? text : "") : NULL;
}

static void role_form(struct req *r, int status, const void *item, const struct field_errors *fe, const void *current)
{
	const struct role *ro = item, *saved = current;
	int is_new = ro->id == 0, readonly = r->org.role < MEMBER_EDITOR, ndep;
	struct strbuf *o = &r->out;
	char action[80], version[24], back[64], key[32], fkey[48];
	const char *deputies_theirs;
	struct contact *contacts;
	struct option *opts;
	size_t ncontacts;
	struct field f;

	if (store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts) != KF_OK ||
	    !(opts = people_options(r, contacts, ncontacts))) {
		web_error_page(r, 500, N_("The database could not be read. Please try again."));
		return;
	}
	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New emergency role") : readonly ? N_("Emergency role") : N_("Edit emergency role"),
		   STEP_TEAM, N_("A task in an emergency, the person who does it, and who stands in when that person cannot be reached."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this role meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this role. Editing needs the editor role."));
	if (!ncontacts && !readonly)
		page_notice(r, "warn", _(r->lang, "There are no contacts yet. Add people first, then assign them here."));
	form_error_summary(r, fe);
	if (is_new)
		snprintf(action, sizeof(action), "/o/%lld/roles/new", (long long)r->org.id);
	else
		snprintf(action, sizeof(action), "/o/%lld/roles/%lld", (long long)r->org.id, (long long)ro->id);
	form_begin(r, action, r->csrf);
	snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : ro->version));
	if (!is_new)
		form_hidden(r, "version", version);
	f = (struct field){ .name = "name", .label = N_("Name of the role"), .value = ro->name, .required = 1,
			    .readonly = readonly, .hint = N_("For example: emergency leader, technology, communication, data protection."),
			    .error = fe_get(fe, "name"),
			    .saved = saved && strcmp(saved->name, ro->name) ? saved->name : NULL };
	form_input(r, &f);
	f = (struct field){ .name = "duties", .label = N_("Duties"), .value = ro->duties, .readonly = readonly,
			    .hint = N_("What this role does in an emergency, in a few plain sentences."),
			    .error = fe_get(fe, "duties"),
			    .saved = saved && strcmp(saved->duties, ro->duties) ? saved->duties : NULL };
	form_textarea(r, &f);
	f = (struct field){ .name = "primary_contact_id", .label = N_("Responsible person"),
			    .value = ro->primary_contact_id ? arena_printf(r->arena, "%lld", (long long)ro->primary_contact_id) : "",
			    .readonly = readonly, .error = fe_get(fe, "primary_contact_id"),
			    .saved_value = saved ? id_value(r, saved->primary_contact_id) : NULL };
	form_select(r, &f, opts, (int)ncontacts + 1);
	deputies_theirs = saved ? deputies_saved_text(r, ro, saved, contacts, ncontacts) : NULL;
	html_lit(o, "<fieldset");
	if (deputies_theirs)
		form_saved_ref(r, "deputies");
	html_lit(o, "><legend>");
	html_text(o, _(r->lang, "Deputies"));
	html_lit(o, "</legend><p class=\"hint\">");
	html_text(o, _(r->lang, "In the order in which they step in when the responsible person cannot be reached."));
	html_lit(o, "</p>");
	ndep = ro->ndeputies + 1 > ROLE_FORM_DEPUTIES ? ro->ndeputies + 1 : ROLE_FORM_DEPUTIES;
	if (ndep > ROLE_MAX_DEPUTIES)
		ndep = ROLE_MAX_DEPUTIES;
	for (int i = 0; i < ndep; i++) {
		snprintf(key, sizeof(key), "deputy_%d", i);
		snprintf(fkey, sizeof(fkey), "deputy_contact_ids[%d]", i);
		f = (struct field){ .name = key, .label = N_("Deputy %s"), .label_num = i + 1, .readonly = readonly,
				    .value = i < ro->ndeputies ? arena_printf(r->arena, "%lld", (long long)ro->deputy_contact_ids[i]) : "",
				    .error = fe_get(fe, fkey) };
		form_select(r, &f, opts, (int)ncontacts + 1);
	}
	if (deputies_theirs) {
		struct kv_pair *pairs = ARENA_NEW(r->arena, struct kv_pair, (size_t)saved->ndeputies + 1);

		for (int i = 0; pairs && i < saved->ndeputies; i++)
			pairs[i] = (struct kv_pair){ arena_printf(r->arena, "deputy_%d", i),
						     id_value(r, saved->deputy_contact_ids[i]) };
		if (pairs)
			form_saved_group(r, "deputies", deputies_theirs, "deputy_*", pairs, (size_t)saved->ndeputies);
	}
	html_lit(o, "</fieldset>");
	team_view_url(r, back, sizeof(back));
	snprintf(action, sizeof(action), "/o/%lld/roles/%lld/delete", (long long)r->org.id, (long long)ro->id);
	form_actions(r, readonly ? NULL : is_new ? N_("Add role") : N_("Save"), back, is_new || readonly ? NULL : action);
	form_end(r);
	web_item_panel(r, "role", ro->id); /* comments: comments and history */
	page_end(r);
}

void web_role_new(struct req *r)
{
	struct role ro;

	role_init(&ro);
	role_form(r, 200, &ro, NULL, NULL);
}

static int read_form(struct req *r, void *item, struct field_errors *fe)
{
	struct role *ro = item;

	role_from_form(ro, &r->form, fe);
	role_validate(ro, r->arena, fe);
	if (fe->n)
		store_role_check_people(r->db, ro, r->org.id, fe);
	return fe->n ? -1 : 0;
}

/* What still names the role (a readable list), or NULL. */
static const char *role_users(struct req *r, int64_t id)
{
	const char *used_by = NULL;

	return store_role_used_by(r->db, r->arena, r->org.id, id, &used_by) == KF_OK ? used_by : NULL;
}

/* The delete question; the first one looks up what blocks the deletion itself. */
static void confirm_page(struct req *r, int status, const void *item, int changed, const char *blockers)
{
	const struct role *ro = item;
	const char *used_by = status == 200 ? role_users(r, ro->id) : blockers;
	char action[96], back[64];
	struct delete_confirmation dc = {
		.title = N_("Delete emergency role"),
		.question = N_("Do you really want to delete the role \"%s\"?"),
		.name = ro->name,
		.note = N_("The people stay in the contact list. The change history keeps a record of the role."),
		.changed = changed ? N_("Someone else changed this role meanwhile. Please check it again.") : NULL,
		.blocked = used_by ? N_("This role cannot be deleted because the alarm chain names it: %s. "
					"Change the alarm chain first.") : NULL,
		.blocked_by = used_by,
		.action = action,
		.version = ro->version,
		.back = back,
		.step = STEP_TEAM,
	};

	snprintf(action, sizeof(action), "/o/%lld/roles/%lld/delete", (long long)r->org.id, (long long)ro->id);
	team_view_url(r, back, sizeof(back));
	page_confirm_delete(r, status, &dc);
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	(void)item;
	team_view_url(r, buf, len);
}

static const struct web_resource roles = {
	.item = &store_item_role, .gone_msgid = MSG_GONE, .read_form = read_form, .form = role_form,
	.confirm = confirm_page, .back = back,
};

void web_role_create(struct req *r) { web_res_create(r, &roles); }
void web_role_edit(struct req *r) { web_res_edit(r, &roles); }
void web_role_update(struct req *r) { web_res_update(r, &roles); }
void web_role_confirm_delete(struct req *r) { web_res_confirm_delete(r, &roles); }
void web_role_delete(struct req *r) { web_res_delete(r, &roles); }
