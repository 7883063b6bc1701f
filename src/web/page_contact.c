/* page_contact.c: creating, editing and deleting a contact through HTML forms. */
#include <stdio.h>
#include <string.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "html.h"
#include "page.h"
#include "team_view.h"
#include "web.h"
#include "web_resource.h"
#include "../lib/banned.h"

#define MSG_GONE N_("This contact does not exist (any more).")

/* The value saved meanwhile, shown only where it differs from the input. */
static const char *differs(const struct contact *saved, const char *mine, const char *theirs)
{
	return saved && strcmp(mine, theirs) != 0 ? theirs : NULL;
}

/* "Mobile +49 170 ..., Office 0761 ..." in the reader's language. */
static void phones_text(struct req *r, const struct contact *c, struct strbuf *out)
{
	for (int i = 0; i < c->nphones; i++)
		sb_addf(out, "%s%s %s", i ? ", " : "", _(r->lang, phone_kind_label(c->phones[i].kind)),
			c->phones[i].number);
}

static void phone_rows(struct req *r, const struct contact *c, const struct field_errors *fe, int readonly,
		       const struct contact *saved)
{
	struct strbuf *o = &r->out;
	int rows = c->nphones + 1, i, k;
	char name[32], kname[32], fkey[48];
	const char *theirs = NULL;

	if (rows < 3)
		rows = 3;
	if (rows > CONTACT_MAX_PHONES)
		rows = CONTACT_MAX_PHONES;
	if (readonly)
		rows = c->nphones;
	/* safe concurrent editing: the saved numbers as one group, when they differ from the input */
	if (saved) {
		struct strbuf mine, sb;

		sb_init(&mine, 4096);
		sb_init(&sb, 4096);
		phones_text(r, c, &mine);
		phones_text(r, saved, &sb);
		if (strcmp(mine.buf, sb.buf) != 0)
			theirs = arena_printf(r->arena, "%s", sb.buf);
		sb_release(&mine);
		sb_release(&sb);
	}
	html_lit(o, "<fieldset class=\"phones\"");
	if (theirs)
		form_saved_ref(r, "phones");
	html_lit(o, "><legend>");
	html_text(o, _(r->lang, "Phone numbers"));
	html_lit(o, "</legend><p class=\"hint\">");
	html_text(o, _(r->lang, "Mobile number first: in an emergency the office line may be down too."));
	html_lit(o, "</p>");
	for (i = 0; i < rows; i++) {
		const struct phone *p = i < c->nphones ? &c->phones[i] : NULL;
		struct option kinds[PHONE_KIND__MAX];
		struct field f;

		for (k = 0; k < PHONE_KIND__MAX; k++) {
			kinds[k].value = phone_kind_name((enum phone_kind)k);
			kinds[k].label = _(r->lang, phone_kind_label((enum phone_kind)k));
		}
		snprintf(kname, sizeof(kname), "phone_kind_%d", i);
		snprintf(name, sizeof(name), "phone_number_%d", i);
		html_lit(o, "<div class=\"phone-row\">");
		f = (struct field){ .name = kname, .label = N_("Kind of number %s"), .label_num = i + 1,
				    .value = phone_kind_name(p ? p->kind : PHONE_MOBILE), .readonly = readonly };
		snprintf(fkey, sizeof(fkey), "phones[%d].kind", i);
		f.error = fe_get(fe, fkey);
		form_select(r, &f, kinds, PHONE_KIND__MAX);
		f = (struct field){ .name = name, .label = N_("Number %s"), .label_num = i + 1, .value = p ? p->number : "",
				    .type = "tel", .readonly = readonly };
		snprintf(fkey, sizeof(fkey), "phones[%d].number", i);
		f.error = fe_get(fe, fkey);
		form_input(r, &f);
		html_lit(o, "</div>");
	}
	if (theirs) {
		struct kv_pair *pairs = ARENA_NEW(r->arena, struct kv_pair, 2 * (size_t)saved->nphones + 1);

		for (i = 0; pairs && i < saved->nphones; i++) {
			pairs[2 * i] = (struct kv_pair){ arena_printf(r->arena, "phone_kind_%d", i),
							 phone_kind_name(saved->phones[i].kind) };
			pairs[2 * i + 1] = (struct kv_pair){ arena_printf(r->arena, "phone_number_%d", i),
							     saved->phones[i].number };
		}
		if (pairs)
			form_saved_group(r, "phones", theirs, "phone_kind_* phone_number_*", pairs,
					 2 * (size_t)saved->nphones);
	}
	html_lit(o, "</fieldset>");
}

/*
 * The contact form. saved is the state someone else stored meanwhile (stale
 * edit) or NULL; then each differing field shows the saved value beside the input.
 */
static void contact_form(struct req *r, int status, const void *item, const struct field_errors *fe,
			 const void *current)
{
	const struct contact *c = item, *saved = current;
	int is_new = c->id == 0, readonly = r->org.role < MEMBER_EDITOR;
	struct strbuf *o = &r->out;
	char action[80], version[24], back[64];
	struct field f;

	r->status = status;
	sb_reset(o);
	page_begin(r, is_new ? N_("New contact") : readonly ? N_("Contact") : N_("Edit contact"), STEP_TEAM,
		   N_("A person or company your team may need to reach in an emergency."));
	if (saved)
		page_conflict_notice(r, N_("Someone else changed this contact meanwhile."));
	if (readonly)
		page_notice(r, "ok", _(r->lang, "You can read this contact. Editing needs the editor role."));
	form_error_summary(r, fe);
	if (is_new)
		snprintf(action, sizeof(action), "/o/%lld/contacts/new", (long long)r->org.id);
	else
		snprintf(action, sizeof(action), "/o/%lld/contacts/%lld", (long long)r->org.id, (long long)c->id);
	form_begin(r, action, r->csrf);
	snprintf(version, sizeof(version), "%lld", (long long)(saved ? saved->version : c->version));
	if (!is_new)
		form_hidden(r, "version", version);
	f = (struct field){ .name = "name", .label = N_("Name"), .value = c->name, .required = 1, .readonly = readonly,
			    .error = fe_get(fe, "name"), .saved = differs(saved, c->name, saved ? saved->name : "") };
	form_input(r, &f);
	f = (struct field){ .name = "function", .label = N_("Function"), .value = c->function, .readonly = readonly,
			    .hint = N_("For example: managing director, IT partner, internet provider."),
			    .error = fe_get(fe, "function"),
			    .saved = differs(saved, c->function, saved ? saved->function : "") };
	form_input(r, &f);
	f = (struct field){ .name = "company", .label = N_("Company"), .value = c->company, .readonly = readonly,
			    .error = fe_get(fe, "company"),
			    .saved = differs(saved, c->company, saved ? saved->company : "") };
	form_input(r, &f);
	phone_rows(r, c, fe, readonly, saved);
	f = (struct field){ .name = "email", .label = N_("Email"), .value = c->email, .type = "email",
			    .readonly = readonly, .error = fe_get(fe, "email"),
			    .saved = differs(saved, c->email, saved ? saved->email : "") };
	form_input(r, &f);
	html_lit(o, "<div class=\"field check\"><input type=\"checkbox\" id=\"f-external\" name=\"external\" value=\"1\"");
	if (c->external)
		html_lit(o, " checked");
	if (readonly)
		html_lit(o, " disabled");
	if (saved && !saved->external != !c->external)
		form_saved_ref(r, "external");
	html_lit(o, "><label for=\"f-external\">");
	html_text(o, _(r->lang, "External (not employed by us: IT partner, provider, authority)"));
	html_lit(o, "</label>");
	if (saved && !saved->external != !c->external)
		form_saved_check(r, "external", saved->external);
	html_lit(o, "</div>");
	f = (struct field){ .name = "last_verified", .label = N_("Details last checked on"), .value = c->last_verified,
			    .type = "date", .readonly = readonly,
			    .hint = N_("When did someone last confirm that these numbers work? Check every 6 months."),
			    .error = fe_get(fe, "last_verified"),
			    .saved = differs(saved, c->last_verified, saved ? saved->last_verified : "") };
	form_input(r, &f);
	f = (struct field){ .name = "notes", .label = N_("Notes"), .value = c->notes, .readonly = readonly,
			    .hint = N_("Availability, customer number, contract number, anything that helps on the bad day."),
			    .error = fe_get(fe, "notes"), .saved = differs(saved, c->notes, saved ? saved->notes : "") };
	form_textarea(r, &f);
	team_view_url(r, back, sizeof(back));
	snprintf(action, sizeof(action), "/o/%lld/contacts/%lld/delete", (long long)r->org.id, (long long)c->id);
	form_actions(r, readonly ? NULL : is_new ? N_("Add contact") : N_("Save"), back,
		     is_new || readonly ? NULL : action);
	form_end(r);
	web_item_panel(r, "contact", c->id); /* comments: comments and history */
	page_end(r);
}

void web_contact_new(struct req *r)
{
	struct contact c;

	contact_init(&c);
	contact_form(r, 200, &c, NULL, NULL);
}

/* Reads and validates the posted form; 0 when it is fine. */
static int read_form(struct req *r, void *item, struct field_errors *fe)
{
	struct contact *c = item;
	char today[11];

	contact_from_form(c, r->arena, &r->form, fe);
	kf_date_iso(kf_now(), today);
	contact_validate(c, r->arena, today, fe);
	return fe->n ? -1 : 0;
}

static void confirm_page(struct req *r, int status, const void *item, int changed, const char *used_by)
{
	const struct contact *c = item;
	char action[96], back[64];
	struct delete_confirmation dc = {
		.title = N_("Delete contact"),
		.question = N_("Do you really want to delete the contact \"%s\"?"),
		.name = c->name,
		.note = N_("The change history keeps a record of it."),
		.changed = changed ? N_("Someone else changed this contact meanwhile. Please check it again.") : NULL,
		.blocked = used_by ? N_("This contact cannot be deleted because it is still named here: %s. "
					"Assign these roles or alarm steps to someone else first.") : NULL,
		.blocked_by = used_by,
		.action = action,
		.version = c->version,
		.back = back,
		.step = STEP_TEAM,
	};

	snprintf(action, sizeof(action), "/o/%lld/contacts/%lld/delete", (long long)r->org.id, (long long)c->id);
	team_view_url(r, back, sizeof(back));
	page_confirm_delete(r, status, &dc);
}

static void back(struct req *r, char *buf, size_t len, const void *item)
{
	(void)item;
	team_view_url(r, buf, len);
}

static const struct web_resource contacts = {
	.item = &store_item_contact, .gone_msgid = MSG_GONE, .read_form = read_form, .form = contact_form,
	.confirm = confirm_page, .back = back,
};

void web_contact_create(struct req *r) { web_res_create(r, &contacts); }
void web_contact_edit(struct req *r) { web_res_edit(r, &contacts); }
void web_contact_update(struct req *r) { web_res_update(r, &contacts); }
void web_contact_confirm_delete(struct req *r) { web_res_confirm_delete(r, &contacts); }
void web_contact_delete(struct req *r) { web_res_delete(r, &contacts); }
