/* validate.h: one validator per kind of domain field, shared by forms, JSON and CLI. */
#ifndef KF_VALIDATE_H
#define KF_VALIDATE_H

#include <stddef.h>

#include "fielderr.h"

struct arena;

/* Number of Unicode code points in s, or -1 when s is not valid UTF-8. */
long utf8_length(const char *s);

/*
 * Text fields: s must be valid UTF-8 without control characters (multiline
 * allows newline and tab) and hold min..max code points. The checks add a
 * field error and return -1 on failure, else 0. Single-line text is trimmed
 * first (the trimmed copy goes to *out, allocated in a).
 */
int validate_line(struct field_errors *fe, const char *field, struct arena *a, const char *s,
		  long min, long max, const char **out);
int validate_multiline(struct field_errors *fe, const char *field, const char *s, long max);
int validate_email(struct field_errors *fe, const char *field, const char *s);
int validate_phone_number(struct field_errors *fe, const char *field, const char *s);
/* YYYY-MM-DD, a real date, not after today (YYYY-MM-DD). */
int validate_past_date(struct field_errors *fe, const char *field, const char *s, const char *today);
int validate_password(struct field_errors *fe, const char *field, const char *s);
/* Parses a positive decimal id; 0 on success. */
int parse_id(const char *s, long long *id_r);

#define PASSWORD_MIN 10
#define PASSWORD_MAX 200

#endif
