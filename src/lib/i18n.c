/* i18n.c: reads msgfmt's .mo format into a hash table, per language. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "i18n.h"
#include "banned.h"

/* generated from po/de.po by msgfmt + xxd */
extern unsigned char de_mo[];
extern unsigned int de_mo_len;

struct catalog {
	const char **keys;
	const char **vals;
	size_t cap;
};

static struct catalog catalogs[KF_LANG__MAX];

static uint32_t hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static uint32_t mo_u32(const unsigned char *p, int swap)
{
	uint32_t v;

	memcpy(&v, p, 4);
	if (swap)
		v = __builtin_bswap32(v);
	return v;
}

static void catalog_put(struct catalog *c, const char *k, const char *v)
{
	size_t i = hash_str(k) & (c->cap - 1);

	while (c->keys[i])
		i = (i + 1) & (c->cap - 1);
	c->keys[i] = k;
	c->vals[i] = v;
}

/* The .mo strings are NUL-terminated inside the embedded blob, so entries point into it. */
static int catalog_load(struct catalog *c, const unsigned char *mo, size_t len)
{
	uint32_t magic, n, otab, ttab, i, olen, ooff, tlen, toff;
	int swap;

	if (len < 28)
		return -1;
	magic = mo_u32(mo, 0);
	if (magic == 0x950412de)
		swap = 0;
	else if (magic == 0xde120495)
		swap = 1;
	else
		return -1;
	n = mo_u32(mo + 8, swap);
	otab = mo_u32(mo + 12, swap);
	ttab = mo_u32(mo + 16, swap);
	if (n > 100000 || otab > len || ttab > len || len - otab < (size_t)n * 8 || len - ttab < (size_t)n * 8)
		return -1;
	c->cap = 16;
	while (c->cap < (size_t)n * 2)
		c->cap *= 2;
	c->keys = calloc(c->cap, sizeof(char *));
	c->vals = calloc(c->cap, sizeof(char *));
	if (!c->keys || !c->vals)
		return -1;
	for (i = 0; i < n; i++) {
		olen = mo_u32(mo + otab + i * 8, swap);
		ooff = mo_u32(mo + otab + i * 8 + 4, swap);
		tlen = mo_u32(mo + ttab + i * 8, swap);
		toff = mo_u32(mo + ttab + i * 8 + 4, swap);
		if (ooff > len || olen >= len - ooff || toff > len || tlen >= len - toff)
			return -1;
		if (mo[ooff + olen] != '\0' || mo[toff + tlen] != '\0')
			return -1;
		if (olen == 0 || tlen == 0) /* header entry, or untranslated */
			continue;
		catalog_put(c, (const char *)mo + ooff, (const char *)mo + toff);
	}
	return 0;
}

int i18n_init(void)
{
	if (catalogs[KF_LANG_DE].keys)
		return 0;
	if (catalog_load(&catalogs[KF_LANG_DE], de_mo, de_mo_len) < 0) {
		i18n_release();
		return -1;
	}
	return 0;
}

void i18n_release(void)
{
	int i;

	for (i = 0; i < KF_LANG__MAX; i++) {
		free(catalogs[i].keys);
		free(catalogs[i].vals);
		memset(&catalogs[i], 0, sizeof(catalogs[i]));
	}
}

const char *i18n_tr(enum kf_lang lang, const char *msgid)
{
	const struct catalog *c;
	size_t i;

	if ((int)lang < 0 || lang >= KF_LANG__MAX)
		return msgid;
	c = &catalogs[lang];
	if (!c->keys)
		return msgid;
	for (i = hash_str(msgid) & (c->cap - 1); c->keys[i]; i = (i + 1) & (c->cap - 1))
		if (strcmp(c->keys[i], msgid) == 0)
			return c->vals[i];
	return msgid;
}

enum kf_lang i18n_from_accept_language(const char *h)
{
	/* the first of de/en that the browser names wins; quality values are rarely ordered otherwise */
	while (h && *h) {
		while (*h == ' ' || *h == ',')
			h++;
		if (strncasecmp(h, "de", 2) == 0)
			return KF_LANG_DE;
		if (strncasecmp(h, "en", 2) == 0)
			return KF_LANG_EN;
		h = strchr(h, ',');
	}
	return KF_LANG_DE;
}

const char *i18n_code(enum kf_lang lang)
{
	return lang == KF_LANG_EN ? "en" : "de";
}
