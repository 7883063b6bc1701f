/* hyphenate.c: soft hyphens at the German hyphenation points of long words (libhyphen with hyphen-de's patterns). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <hyphen.h>

#include "hyphenate.h"
#include "../lib/banned.h"

#define PATTERNS "/usr/share/hyphen/hyph_de_DE.dic" /* Debian: hyphen-de; Latin-1 */
#define WORD_MIN 5   /* shorter words are never broken */
#define WORD_MAX 64  /* longer "words" (addresses, codes) are left to the layout */
#define SOFT_HYPHEN "\xc2\xad"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static HyphenDict *dict;

static void load(void)
{
	dict = hnj_hyphen_load(PATTERNS); /* NULL when not installed: no hyphenation */
}

void hyphenate_release(void)
{
	if (dict)
		hnj_hyphen_free(dict);
	dict = NULL;
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

/* Appends the word at w (n letters) to out with its soft hyphens; returns the new end of out. */
static char *put_word(char *out, const unsigned char *w, int n)
{
	char latin[WORD_MAX + 1], hyphens[WORD_MAX + 5];
	char **rep = NULL;
	int *pos = NULL, *cut = NULL, len;
	const unsigned char *s = w;

	for (int i = 0; i < n; i++, s += len)
		latin[i] = (char)letter(s, &len);
	latin[n] = '\0';
	memset(hyphens, 0, sizeof(hyphens));
	if (hnj_hyphen_hyphenate3(dict, latin, n, hyphens, NULL, &rep, &pos, &cut, 2, 3, 2, 2) != 0)
		memset(hyphens, 0, sizeof(hyphens));
	s = w;
	for (int i = 0; i < n; i++, s += len) {
		letter(s, &len);
		memcpy(out, s, (size_t)len);
		out += len;
		/* odd: a break after letter i; a break with a spelling change (rep) is left out */
		if ((hyphens[i] & 1) && i + 1 < n && (!rep || !rep[i])) {
			memcpy(out, SOFT_HYPHEN, 2);
			out += 2;
		}
	}
	if (rep) {
		for (int i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
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
	if (!dict || !text)
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
