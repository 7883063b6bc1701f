/* fielderr.h: the list of bad input fields with a message id each, filled by validators. */
#ifndef KF_FIELDERR_H
#define KF_FIELDERR_H

#define FIELD_ERRORS_MAX 32

struct field_error {
	char field[48];   /* API name, e.g. "phones[1].kind" */
	const char *msg;  /* English message id, translated where shown */
	const char *arg;  /* NULL, or a value that fills the "%s" of the translated msg */
};

struct field_errors {
	int n;
	struct field_error e[FIELD_ERRORS_MAX];
};

/* Adds an error; a second error for the same field is dropped (the first says enough). */
void fe_add(struct field_errors *fe, const char *field, const char *msg);
/* An error whose message id holds one "%s", filled with arg (kept by pointer: arena or static) where shown. */
void fe_add_arg(struct field_errors *fe, const char *field, const char *msg, const char *arg);
/* The message id for field, or NULL (also when fe is NULL). */
const char *fe_get(const struct field_errors *fe, const char *field);
/* The arg of field's error, or NULL. */
const char *fe_get_arg(const struct field_errors *fe, const char *field);

#endif
