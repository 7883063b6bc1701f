/* regfield.h: date fields shared by the registers of step 4 (copies, acknowledgements), from JSON and forms. */
#ifndef KF_REGFIELD_H
#define KF_REGFIELD_H

#include <jansson.h>

#include "fielderr.h"

struct arena;

#define REGFIELD_DATE_LEN 11 /* "YYYY-MM-DD" and its terminator */

/* A date string (or null when nullable, giving "") into buf[REGFIELD_DATE_LEN]; anything else is a field error. */
void regfield_date_json(const json_t *v, struct arena *a, const char *field, int nullable, char *buf,
			struct field_errors *fe);
/* A form value (NULL = empty) into buf[REGFIELD_DATE_LEN]; too long is a field error. */
void regfield_date_form(const char *v, const char *field, char *buf, struct field_errors *fe);
/* An id form value: empty gives 0, otherwise a positive id or a field error with msg. */
void regfield_id_form(const char *v, const char *field, const char *msg, int64_t *id_r, struct field_errors *fe);

#endif
