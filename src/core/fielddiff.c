/* fielddiff.c: which fields of an item changed between two JSON snapshots, as short texts for the history. */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/strbuf.h"
#include "fielddiff.h"
#include "../lib/banned.h"

static const char *const skipped[] = { "id", "version", "created_at", "updated_at" };

static int is_skipped(const char *key)
{
	for (size_t i = 0; i < sizeof(skipped) / sizeof(skipped[0]); i++)
		if (strcmp(key, skipped[i]) == 0)
			return 1;
	return 0;
}

static int is_blank(const json_t *v)
{
	return !v || json_is_null(v) || json_is_false(v) || (json_is_string(v) && json_string_length(v) == 0) ||
	       (json_is_array(v) && json_array_size(v) == 0) || (json_is_object(v) && json_object_size(v) == 0);
}

static void add_value(struct strbuf *sb, const json_t *v, int depth)
{
	const char *key;
	json_t *item;
	size_t i;

	if (depth > 8) {
		sb_adds(sb, "…");
		return;
	}
	switch (json_typeof(v)) {
	case JSON_STRING:
		sb_add(sb, json_string_value(v), json_string_length(v));
		break;
	case JSON_INTEGER:
		sb_addf(sb, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		break;
	case JSON_REAL:
		sb_addf(sb, "%g", json_real_value(v));
		break;
	case JSON_TRUE:
		sb_adds(sb, "true");
		break;
	case JSON_FALSE:
		sb_adds(sb, "false");
		break;
	case JSON_NULL:
		break;
	case JSON_ARRAY:
		json_array_foreach (v, i, item) {
			if (i)
				sb_adds(sb, ", ");
			add_value(sb, item, depth + 1);
		}
		break;
	case JSON_OBJECT:
		i = 0;
		if (depth)
			sb_addc(sb, '(');
		json_object_foreach ((json_t *)v, key, item) {
			if (is_skipped(key))
				continue;
			if (i++)
				sb_adds(sb, ", ");
			sb_addf(sb, "%s: ", key);
			add_value(sb, item, depth + 1);
		}
		if (depth)
			sb_addc(sb, ')');
		break;
	}
}

const char *fielddiff_value_text(const json_t *v, struct arena *a)
{
	struct strbuf sb;
	const char *out;
	size_t len;

	if (!v)
		return arena_strdup(a, "");
	sb_init(&sb, 64 * 1024);
	add_value(&sb, v, 0);
	len = sb.len;
	if (len > FIELDDIFF_VALUE_MAX) {
		len = FIELDDIFF_VALUE_MAX;
		while (len > 0 && ((unsigned char)sb.buf[len] & 0xC0) == 0x80)
			len--;
		out = arena_printf(a, "%.*s…", (int)len, sb.buf);
	} else {
		out = arena_strndup(a, sb.buf ? sb.buf : "", len);
	}
	sb_release(&sb);
	return out;
}

static int add(struct arena *a, struct fielddiff **list, size_t *n, size_t *cap, const char *key,
	       enum fielddiff_kind kind, const json_t *before, const json_t *after)
{
	struct fielddiff *d;

	*list = arena_array_grow(a, *list, *n, cap, sizeof(**list));
	if (!*list)
		return -1;
	d = &(*list)[(*n)++];
	d->field = arena_strdup(a, key);
	d->kind = kind;
	d->before = fielddiff_value_text(before, a);
	d->after = fielddiff_value_text(after, a);
	return d->field && d->before && d->after ? 0 : -1;
}

int fielddiff_compute(const json_t *before, const json_t *after, struct arena *a, struct fielddiff **list_r)
{
	struct fielddiff *list = NULL;
	size_t n = 0, cap = 0;
	const char *key;
	json_t *v, *w;

	*list_r = NULL;
	if (before && !json_is_object(before))
		before = NULL;
	if (after && !json_is_object(after))
		after = NULL;
	if (before)
		json_object_foreach ((json_t *)before, key, v) {
			if (is_skipped(key))
				continue;
			w = after ? json_object_get(after, key) : NULL;
			if (w && json_equal(v, w))
				continue;
			if (!w && is_blank(v))
				continue;
			if (add(a, &list, &n, &cap, key, w ? FIELDDIFF_CHANGED : FIELDDIFF_REMOVED, v, w) < 0)
				return -1;
		}
	if (after)
		json_object_foreach ((json_t *)after, key, w) {
			if (is_skipped(key) || (before && json_object_get(before, key)) || is_blank(w))
				continue;
			if (add(a, &list, &n, &cap, key, FIELDDIFF_ADDED, NULL, w) < 0)
				return -1;
		}
	*list_r = list;
	return (int)n;
}
