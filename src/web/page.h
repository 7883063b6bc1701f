/* page.h: the page frame (head, header, navigation by plan steps, footer) and form helpers. */
#ifndef KF_PAGE_H
#define KF_PAGE_H

#include <stdint.h>

#include "../core/fielderr.h"
#include "../lib/kv.h"
#include "../core/plan_steps.h"

struct req;

/* Starts a page: title (message id, translated here), the step it belongs to, and its one-sentence purpose. */
void page_begin(struct req *r, const char *title, enum plan_step step, const char *purpose);
void page_end(struct req *r);
/* A notice box; kind is "ok", "warn" or "error". Text is escaped. */
void page_notice(struct req *r, const char *kind, const char *text);
/* The hidden "version" field of a posted edit form (at least min); -1 after answering 400. */
long long page_form_version(struct req *r, long long min);

/* <form method="post" action="..."> with the CSRF field of the session (or pre-session). */
void form_begin(struct req *r, const char *action, const char *csrf);
void form_end(struct req *r);
/* Field error summary at the top of a form, linking to each field. */
void form_error_summary(struct req *r, const struct field_errors *fe);

struct field {
	const char *name;     /* form name and id */
	const char *label;    /* message id; with label_num, a template whose %s becomes the number */
	int label_num;
	const char *value;
	const char *type;     /* "text", "email", "tel", "date", "password"; NULL = text */
	const char *hint;     /* message id or NULL */
	const char *error;    /* message id or NULL */
	const char *autocomplete;
	const char *saved;    /* on a stale edit: the value someone else saved meanwhile, as shown (NULL: same) */
	const char *saved_value; /* on a stale edit: the saved item's form value; shown with a choice when it
				    differs from value (a select shows its label) */
	int required;
	int readonly;
};

/*
 * Safe concurrent editing (docs/style.md rule 16): on a stale edit every field
 * whose saved value differs shows it beside the input (id "saved-NAME", tied to
 * the input by aria-describedby) with a radio pair "_take:NAME" = mine/saved and
 * the saved value in hidden "_saved:NAME:NAME". page_form_version() applies the
 * choices before a handler reads the form, so "take saved" works without JS.
 */
void form_input(struct req *r, const struct field *f);
void form_textarea(struct req *r, const struct field *f);
void form_hidden(struct req *r, const char *name, const char *value);
/* A <select>; options are value/label pairs (labels already translated or user data). */
struct option {
	const char *value;
	const char *label;
};
void form_select(struct req *r, const struct field *f, const struct option *opts, int nopts);
/*
 * The saved-meanwhile block for a field made of several form fields (a
 * checkbox list, phone rows): text is the saved state as shown; clear names
 * the posted fields it replaces (space separated, a trailing '*' matches a
 * prefix); pairs are the saved state as form fields. Put aria-describedby
 * "saved-GROUP" on the group's fieldset (form_saved_ref).
 */
void form_saved_group(struct req *r, const char *group, const char *text, const char *clear,
		      const struct kv_pair *pairs, size_t n);
/* " aria-describedby=\"saved-GROUP\"" for a group's fieldset when it shows a saved block. */
void form_saved_ref(struct req *r, const char *group);
/* The saved block of one field drawn by the page itself (a table cell): text as shown, value as form value. */
void form_saved_field(struct req *r, const char *name, const char *text, const char *value);
/* Do the two id lists hold the same ids (in any order)? */
int form_same_ids(const int64_t *a, int na, const int64_t *b, int nb);
/* The saved block of a checkbox list of ids (form key name): the saved ids, and text naming them as shown. */
void form_saved_ids(struct req *r, const char *name, const int64_t *ids, int n, const char *text);
/* The saved block of a single checkbox (value "1"): saved is its saved state, which differs from the input. */
void form_saved_check(struct req *r, const char *name, int saved);
/* The notice at the top of a form posted with a stale version (role="alert"); msgid or NULL for the default. */
void page_conflict_notice(struct req *r, const char *msgid);
/* A link <a class href>text</a>; text is already translated (or user data), css_class may be NULL. */
void page_link(struct req *r, const char *href, const char *text, const char *css_class);
/*
 * Opens a <section> labelled by its <h2 id> title (message id) and, for
 * editors, with the link that adds an item (add_href NULL: none); the caller
 * closes the section.
 */
void page_section_head(struct req *r, const char *id, const char *title, const char *add_href, const char *add_label,
		       const char *css_class);
/* A submit button with text (message id). */
void form_submit(struct req *r, const char *label, const char *css_class);

/*
 * The buttons under an edit form: submit (NULL for a read-only view: "Back"
 * instead of "Cancel"), the way back, and a link to the delete confirmation
 * when delete_href is not NULL.
 */
void form_actions(struct req *r, const char *submit_msgid, const char *back_href, const char *delete_href);

/* A page that asks before deleting an item; every text is a message id. */
struct delete_confirmation {
	const char *title;      /* "Delete contact" */
	const char *question;   /* "Do you really want to delete ... \"%s\"?" */
	const char *name;       /* the item's name, fills %s */
	const char *note;       /* what deleting means, or NULL */
	const char *changed;    /* shown when someone changed the item meanwhile, or NULL */
	const char *blocked;    /* template with %s naming what blocks the deletion, or NULL */
	const char *blocked_by; /* fills the %s of blocked */
	const char *action;     /* where the form posts */
	int64_t version;
	const char *back;
	enum plan_step step;
};
void page_confirm_delete(struct req *r, int status, const struct delete_confirmation *dc);

#endif
