/* page.h: the page frame (head, header, navigation by plan steps, footer) and form helpers. */
#ifndef KF_PAGE_H
#define KF_PAGE_H

#include "../core/fielderr.h"
#include "../core/plan_steps.h"

struct req;

/* Starts a page: title (message id, translated here), the step it belongs to, and its one-sentence purpose. */
void page_begin(struct req *r, const char *title, enum plan_step step, const char *purpose);
void page_end(struct req *r);
/* A notice box; kind is "ok", "warn" or "error". Text is escaped. */
void page_notice(struct req *r, const char *kind, const char *text);

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
	const char *saved;    /* on a stale edit: the value someone else saved meanwhile */
	int required;
	int readonly;
};

void form_input(struct req *r, const struct field *f);
void form_textarea(struct req *r, const struct field *f);
void form_hidden(struct req *r, const char *name, const char *value);
/* A <select>; options are value/label pairs (labels already translated or user data). */
struct option {
	const char *value;
	const char *label;
};
void form_select(struct req *r, const struct field *f, const struct option *opts, int nopts);
/* A submit button with text (message id). */
void form_submit(struct req *r, const char *label, const char *css_class);

#endif
