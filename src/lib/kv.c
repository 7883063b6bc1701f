/* kv.c: ordered key/value lists and the urlencoded form parser. */
#include <string.h>

#include "arena.h"
#include "kv.h"
#include "banned.h"

int kv_add(struct kv_list *l, struct arena *a, const char *key, size_t klen, const char *val, size_t vlen)
{
	struct kv_pair *items;

	if (l->n == l->cap) {
		size_t ncap = l->cap ? l->cap * 2 : 16;

		items = ARENA_NEW(a, struct kv_pair, ncap);
		if (!items)
			return -1;
		if (l->n)
			memcpy(items, l->items, l->n * sizeof(*items));
		l->items = items;
		l->cap = ncap;
	}
	l->items[l->n].key = arena_strndup(a, key, klen);
	l->items[l->n].val = arena_strndup(a, val, vlen);
	if (!l->items[l->n].key || !l->items[l->n].val)
		return -1;
	l->n++;
	return 0;
}

const char *kv_get(const struct kv_list *l, const char *key)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i].key, key) == 0)
			return l->items[i].val;
	return NULL;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes in place into out (which may alias in); returns the decoded length or -1. */
static long url_decode(const char *in, size_t len, char *out)
{
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		if (in[i] == '+') {
			out[o++] = ' ';
		} else if (in[i] == '%') {
			int hi, lo;

			if (i + 2 >= len)
				return -1;
			hi = hexval(in[i + 1]);
			lo = hexval(in[i + 2]);
			if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) /* %00 would cut the value short */
				return -1;
			out[o++] = (char)(hi * 16 + lo);
			i += 2;
		} else {
			out[o++] = in[i];
		}
	}
	return (long)o;
}

int kv_parse_urlencoded(struct kv_list *l, struct arena *a, const char *s, size_t len, size_t max_fields)
{
	size_t pos = 0;

	while (pos < len) {
		const char *amp = memchr(s + pos, '&', len - pos);
		size_t end = amp ? (size_t)(amp - s) : len;
		const char *eq = memchr(s + pos, '=', end - pos);
		size_t kend = eq ? (size_t)(eq - s) : end;
		char *kbuf, *vbuf;
		long klen, vlen;

		if (end > pos) {
			if (l->n >= max_fields)
				return -1;
			kbuf = arena_strndup(a, s + pos, kend - pos);
			vbuf = eq ? arena_strndup(a, eq + 1, end - kend - 1) : arena_strdup(a, "");
			if (!kbuf || !vbuf)
				return -1;
			klen = url_decode(kbuf, strlen(kbuf), kbuf);
			vlen = url_decode(vbuf, strlen(vbuf), vbuf);
			if (klen < 0 || vlen < 0)
				return -1;
			if (kv_add(l, a, kbuf, (size_t)klen, vbuf, (size_t)vlen) < 0)
				return -1;
		}
		pos = end + 1;
	}
	return 0;
}
