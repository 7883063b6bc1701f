/* hyphenate.c: soft hyphens at the German hyphenation points of long words (Liang's algorithm over hyphen-de's patterns). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hyphenate.h"
#include "../lib/banned.h"

/*
 * Debian's hyphen-de, in libhyphen's two levels (Latin-1): first some
 * 69,000 patterns that mostly split compounds ("zeit1er1fassung"), then,
 * after the line NEXTLEVEL, TeX's German syllable patterns, applied to each
 * part. libhyphen's own loader needs seconds for the file; this one reads it
 * into two hash tables in a few milliseconds.
 */
#define PATTERNS "/usr/share/hyphen/hyph_de_DE.dic"
#define WORD_MIN 5   /* shorter words are never broken */
#define WORD_MAX 64  /* longer "words" (addresses, codes) are left to the layout */
#define LEFT_MIN 2   /* letters before a break at least */
#define RIGHT_MIN 3  /* and after it */
#define PART_MIN 2   /* letters of a compound's part on either side of a break inside it */
#define PAT_MAX 48   /* the longest pattern (letters) read; longer ones are skipped */
#define SOFT_HYPHEN "\xc2\xad"

/* A set of patterns: entries [len][letters][len + 1 values] in pool, found by hash (slot = offset + 1, 0 empty). */
struct patset {
	unsigned char *pool;
	size_t used, cap;
	uint32_t *slots;
	uint32_t nslots; /* a power of two */
	size_t count;
	int longest;
};

static pthread_once_t once = PTHREAD_ONCE_INIT;
static struct patset levels[2]; /* compounds, syllables; none loaded when the patterns are not installed */
static int loaded;

static uint32_t hash(const unsigned char *s, size_t n)
{
	uint32_t h = 2166136261u; /* FNV-1a */

	for (size_t i = 0; i < n; i++)
		h = (h ^ s[i]) * 16777619u;
	return h;
}

/* The values of the pattern with the letters s[0..n), or NULL. */
static const unsigned char *find(const struct patset *set, const unsigned char *s, size_t n)
{
	for (uint32_t i = hash(s, n) & (set->nslots - 1);; i = (i + 1) & (set->nslots - 1)) {
		const unsigned char *e;

		if (!set->slots[i])
			return NULL;
		e = set->pool + set->slots[i] - 1;
		if (e[0] == n && memcmp(e + 1, s, n) == 0)
			return e + 1 + n;
	}
}

/* Reads one pattern line ("ab3l", ".a1be") into set; wrong lines are skipped. 0, or -1 when memory ran out. */
static int add(struct patset *set, const char *line)
{
	unsigned char letters[PAT_MAX], values[PAT_MAX + 1];
	size_t len = 0, need;
	uint32_t i;

	memset(values, 0, sizeof(values));
	for (const unsigned char *s = (const unsigned char *)line; *s && *s != '\n' && *s != '\r'; s++) {
		if (*s >= '0' && *s <= '9')
			values[len] = (unsigned char)(*s - '0');
		else if (len < PAT_MAX && *s > ' ')
			letters[len++] = *s;
		else
			return 0;
	}
	if (!len || set->count >= set->nslots / 2)
		return 0;
	for (i = hash(letters, len) & (set->nslots - 1); set->slots[i]; i = (i + 1) & (set->nslots - 1))
		if (set->pool[set->slots[i] - 1] == len && memcmp(set->pool + set->slots[i], letters, len) == 0)
			return 0; /* the first one wins */
	need = 1 + len + len + 1;
	if (set->used + need > set->cap) {
		size_t cap = set->cap ? set->cap * 2 : 65536;
		unsigned char *pool = realloc(set->pool, cap);

		if (!pool)
			return -1;
		set->pool = pool;
		set->cap = cap;
	}
	set->pool[set->used] = (unsigned char)len;
	memcpy(set->pool + set->used + 1, letters, len);
	memcpy(set->pool + set->used + 1 + len, values, len + 1);
	set->slots[i] = (uint32_t)set->used + 1;
	set->used += need;
	set->count++;
	if ((int)len > set->longest)
		set->longest = (int)len;
	return 0;
}

static void free_levels(void)
{
	for (int l = 0; l < 2; l++) {
		free(levels[l].pool);
		free(levels[l].slots);
		memset(&levels[l], 0, sizeof(levels[l]));
	}
	loaded = 0;
}

static void load(void)
{
	FILE *f = fopen(PATTERNS, "r");
	char line[256];
	int level = 0, ok = 1;

	if (!f)
		return; /* not installed: no hyphenation */
	levels[0].nslots = 1u << 18; /* ~69,000 patterns */
	levels[1].nslots = 1u << 15; /* ~8,700 */
	for (int l = 0; l < 2; l++)
		ok &= (levels[l].slots = calloc(levels[l].nslots, sizeof(uint32_t))) != NULL;
	ok &= fgets(line, sizeof(line), f) && strncmp(line, "ISO8859-1", 9) == 0;
	while (ok && fgets(line, sizeof(line), f)) {
		if (strncmp(line, "NEXTLEVEL", 9) == 0)
			level = 1;
		else if (line[0] >= 'A' && line[0] <= 'Z') /* COMPOUNDLEFTHYPHENMIN, NOHYPHEN, ...: settings, no patterns */
			continue;
		else if (line[0] != '#' && line[0] != '%' && line[0] != '\n')
			ok = add(&levels[level], line) == 0;
	}
	fclose(f);
	if (ok && levels[0].count && levels[1].count)
		loaded = 1;
	else
		free_levels();
}

void hyphenate_release(void)
{
	free_levels();
}

/*
 * The letter at s as one Latin-1 byte, lower-cased, with its UTF-8 length
 * in *len; 0 when it is no letter the patterns know (then *len is 1 or the
 * length of the UTF-8 sequence).
 */
static unsigned char letter(const unsigned char *s, int *len)
{
	unsigned cp;

	*len = 1;
	if (s[0] < 0x80) {
		if (s[0] >= 'A' && s[0] <= 'Z')
			return (unsigned char)(s[0] + 32);
		return s[0] >= 'a' && s[0] <= 'z' ? s[0] : 0;
	}
	if ((s[0] & 0xe0) == 0xc0 && (s[1] & 0xc0) == 0x80) {
		*len = 2;
		cp = ((s[0] & 0x1fu) << 6) | (s[1] & 0x3fu);
		if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
			return (unsigned char)(cp + 0x20); /* À..Þ to à..þ */
		return cp >= 0xdf && cp <= 0xff && cp != 0xf7 ? (unsigned char)cp : 0;
	}
	while (s[*len] && (s[*len] & 0xc0) == 0x80)
		(*len)++;
	return 0;
}

/* 1 when s starts a letter beyond Latin-1 (Ł, ő, Greek, ...); punctuation, dashes and symbols (U+2000 on) are none. */
static int foreign_letter(const unsigned char *s)
{
	unsigned cp;

	if ((s[0] & 0xe0) == 0xc0 && (s[1] & 0xc0) == 0x80)
		cp = ((s[0] & 0x1fu) << 6) | (s[1] & 0x3fu);
	else if ((s[0] & 0xf0) == 0xe0 && (s[1] & 0xc0) == 0x80 && (s[2] & 0xc0) == 0x80)
		cp = ((s[0] & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
	else
		return 0;
	return cp >= 0x100 && cp < 0x2000;
}

/*
 * Liang's algorithm: the values of every pattern of set found in ".word."
 * (word = latin[0..n)) are laid over the gaps between the letters; an odd
 * value allows a break there. points[k] is the value of the gap before w[k]
 * of ".word.", so the gap after letter i is points[i + 2].
 */
static void break_points(const struct patset *set, const unsigned char *latin, int n, unsigned char *points)
{
	unsigned char w[WORD_MAX + 2];
	int len = n + 2;

	w[0] = '.';
	memcpy(w + 1, latin, (size_t)n);
	w[n + 1] = '.';
	memset(points, 0, (size_t)len + 1);
	for (int i = 0; i < len; i++)
		for (int j = i + 1; j <= len && j - i <= set->longest; j++) {
			const unsigned char *v = find(set, w + i, (size_t)(j - i));

			for (int k = 0; v && k <= j - i; k++)
				if (v[k] > points[i + k])
					points[i + k] = v[k];
		}
}

/*
 * The break values of the word (cut[i] > 0: a break after letter i): the
 * first level splits it into parts (mostly the words of a compound), the
 * syllable patterns then break each part, PART_MIN letters from its edges.
 */
static void word_cuts(const unsigned char *latin, int n, unsigned char *cut)
{
	unsigned char points[WORD_MAX + 3];
	int start = 0;

	break_points(&levels[0], latin, n, points);
	memset(cut, 0, (size_t)n);
	for (int i = 0; i + 1 < n; i++)
		if ((points[i + 2] & 1) && i + 1 >= PART_MIN && n - (i + 1) >= PART_MIN)
			cut[i] = 9; /* a compound's seam: the strongest break */
	for (int i = 0; i < n; i++) {
		int plen;

		if (!cut[i] && i != n - 1)
			continue;
		plen = i + 1 - start;
		if (plen >= 2 * PART_MIN) {
			break_points(&levels[1], latin + start, plen, points);
			for (int k = 0; k + 1 < plen; k++)
				if ((points[k + 2] & 1) && k + 1 >= PART_MIN && plen - (k + 1) >= PART_MIN)
					cut[start + k] = points[k + 2];
		}
		start = i + 1;
	}
	for (int i = 0; i < n; i++) /* the edges of the whole word */
		if (i + 1 < LEFT_MIN || n - (i + 1) < RIGHT_MIN)
			cut[i] = 0;
}

static int vowel(unsigned char c)
{
	return strchr("aeiouy", c) || c == 0xe4 || c == 0xf6 || c == 0xfc || (c >= 0xe0 && c <= 0xef) ||
	       (c >= 0xf2 && c <= 0xfd && c != 0xf7);
}

/*
 * The breaks of the word (cut[i] > 0: a break after letter i, its pattern
 * value), each part between two breaks keeping a vowel: the patterns alone
 * would split "Inter-ne-t-anschluss"; of the two breaks around such a part
 * the weaker one goes ("Inter-net-anschluss").
 */
static void cuts(const unsigned char *latin, int n, unsigned char *cut)
{
	int changed = 1;

	word_cuts(latin, n, cut);
	while (changed) {
		int prev = -1; /* the break before the part, -1 = the word's start */

		changed = 0;
		for (int i = 0; i < n && !changed; i++) {
			int has_vowel = 0, next;

			if (!cut[i] && i != n - 1)
				continue;
			/* the part is latin[prev + 1 .. i] */
			for (int k = prev + 1; k <= i; k++)
				has_vowel |= vowel(latin[k]);
			next = i == n - 1 ? -1 : i;
			if (!has_vowel && (prev >= 0 || next >= 0)) {
				if (prev < 0 || (next >= 0 && cut[next] < cut[prev]))
					cut[next] = 0;
				else
					cut[prev] = 0;
				changed = 1;
			}
			prev = i;
		}
	}
}

/* Appends the word at w (n letters) to out with its soft hyphens; returns the new end of out. */
static char *put_word(char *out, const unsigned char *w, int n)
{
	unsigned char latin[WORD_MAX], cut[WORD_MAX];
	const unsigned char *s = w;
	int len;

	for (int i = 0; i < n; i++, s += len)
		latin[i] = letter(s, &len);
	cuts(latin, n, cut);
	s = w;
	for (int i = 0; i < n; i++, s += len) {
		letter(s, &len);
		memcpy(out, s, (size_t)len);
		out += len;
		if (cut[i]) {
			memcpy(out, SOFT_HYPHEN, 2);
			out += 2;
		}
	}
	return out;
}

/* 1 when the token t (n bytes, no white space) is an address: a URL, an e-mail address, a host name. */
static int is_address(const unsigned char *t, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (t[i] == '/' || t[i] == '@' || (t[i] == '.' && i + 1 < n && t[i + 1] > ' ' && t[i + 1] != '.'))
			return 1;
	return 0;
}

/* Copies the token t (n bytes) to *o with soft hyphens in its long words; sets *changed when it added any. */
static void put_token(char **o, const unsigned char *t, size_t n, int *changed)
{
	const unsigned char *s = t, *end = t + n;

	if (is_address(t, n)) { /* a hyphen would change the address */
		memcpy(*o, t, n);
		*o += n;
		return;
	}
	while (s < end) {
		const unsigned char *w = s;
		int letters = 0, len;

		while (s < end && letter(s, &len)) {
			letters++;
			s += len;
		}
		if (s < end && foreign_letter(s)) { /* a letter the patterns do not know: the word stays as it is */
			while (s < end && (letter(s, &len) || foreign_letter(s)))
				s += len;
			letters = -1;
		}
		if (letters >= WORD_MIN && letters <= WORD_MAX) {
			char *before = *o;

			*o = put_word(*o, w, letters);
			*changed |= (size_t)(*o - before) != (size_t)(s - w);
		} else if (s != w) {
			memcpy(*o, w, (size_t)(s - w));
			*o += s - w;
		}
		if (s < end) { /* the character after the word (a hyphen, a bracket, ...) as it is */
			letter(s, &len);
			if (s + len > end)
				len = (int)(end - s);
			memcpy(*o, s, (size_t)len);
			*o += len;
			s += len;
		}
	}
}

char *hyphenate_soft(const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	char *out, *o;
	int changed = 0;

	pthread_once(&once, load);
	if (!loaded || !text)
		return NULL;
	/* at most one soft hyphen (2 bytes) after every byte */
	if (!(out = malloc(strlen(text) * 3 + 1)))
		return NULL;
	o = out;
	while (*s) {
		size_t n = 0;

		while (s[n] && s[n] != ' ' && s[n] != '\n' && s[n] != '\t')
			n++;
		put_token(&o, s, n, &changed);
		s += n;
		while (*s == ' ' || *s == '\n' || *s == '\t')
			*o++ = (char)*s++;
	}
	*o = '\0';
	if (!changed) {
		free(out);
		return NULL;
	}
	return out;
}
