/* fielddiff.h: which fields of an item changed between two JSON snapshots, as short texts for the history. */
#ifndef KF_FIELDDIFF_H
#define KF_FIELDDIFF_H

#include <stddef.h>
#include <jansson.h>

struct arena;

/* A value's text is cut after this many bytes (at a UTF-8 boundary) and ends with "…". */
#define FIELDDIFF_VALUE_MAX 300

enum fielddiff_kind { FIELDDIFF_CHANGED, FIELDDIFF_ADDED, FIELDDIFF_REMOVED };

struct fielddiff {
	const char *field;  /* the API field name */
	enum fielddiff_kind kind;
	const char *before; /* compact text ("" when added) */
	const char *after;  /* compact text ("" when removed) */
};

/*
 * Compares two JSON objects field by field (NULL or a non-object counts as
 * {}): fields present in both with different values are CHANGED, fields only
 * in after ADDED, only in before REMOVED. "id", "version", "created_at" and
 * "updated_at" are skipped; an added or removed field whose value is null,
 * "", [] or false is no change worth showing and is skipped too. Fields come
 * in the order of before, then the new ones of after. Values are texts:
 * strings as they are, null as "", numbers and booleans as JSON, arrays as
 * their elements joined by ", ", objects as "key: value" pairs joined by ", "
 * (nested in parentheses), e.g. [{"kind":"mobile","number":"0170"}] →
 * "(kind: mobile, number: 0170)". Allocates the list and texts in a.
 * Returns the number of entries, or -1 when out of memory.
 */
int fielddiff_compute(const json_t *before, const json_t *after, struct arena *a, struct fielddiff **list_r);

/* The compact text of one value as above (allocated in a; NULL when out of memory). */
const char *fielddiff_value_text(const json_t *v, struct arena *a);

#endif
