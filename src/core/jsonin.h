/* jsonin.h: typed reads of JSON values into struct fields, with field errors on wrong types. */
#ifndef KF_JSONIN_H
#define KF_JSONIN_H

#include <jansson.h>

#include "fielderr.h"

struct arena;

/* A string value (copied into the arena); anything else is a field error. 0 or -1. */
int jsonin_string(const json_t *v, struct arena *a, const char *field, const char **out, struct field_errors *fe);
int jsonin_bool(const json_t *v, const char *field, int *out, struct field_errors *fe);
/* A positive integer id, or null (gives 0). */
int jsonin_id_or_null(const json_t *v, const char *field, long long *out, struct field_errors *fe);
/* Keys every item carries that clients may send back unchanged (id, version, timestamps). */
int jsonin_is_readonly(const char *key);

#endif
