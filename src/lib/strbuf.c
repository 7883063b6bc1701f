/* strbuf.c: growable byte string with a hard size cap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"
#include "banned.h"

static char sb_empty[1];

void sb_init(struct strbuf *sb, size_t max)
{
	sb->buf = sb_empty;
	sb->len = 0;
	sb->alloc = 0;
	sb->max = max ? max : STRBUF_DEFAULT_MAX;
	sb->failed = 0;
}

void sb_release(struct strbuf *sb)
{
	size_t max = sb->max;

	if (sb->alloc)
		free(sb->buf);
	sb_init(sb, max);
}

void sb_reset(struct strbuf *sb)
{
	sb->len = 0;
	sb->failed = 0;
	if (sb->alloc)
		sb->buf[0] = '\0';
}

static int sb_grow(struct strbuf *sb, size_t extra)
{
	size_t want, nalloc;
	char *nbuf;

	if (sb->failed)
		return -1;
	if (extra > sb->max || sb->len + extra > sb->max) {
		sb->failed = 1;
		return -1;
	}
	want = sb->len + extra + 1;
	if (want <= sb->alloc)
		return 0;
	nalloc = sb->alloc ? sb->alloc : 64;
	while (nalloc < want)
		nalloc *= 2;
	nbuf = sb->alloc ? realloc(sb->buf, nalloc) : malloc(nalloc);
	if (!nbuf) {
		sb->failed = 1;
		return -1;
	}
	if (!sb->alloc)
		nbuf[0] = '\0';
	sb->buf = nbuf;
	sb->alloc = nalloc;
	return 0;
}

int sb_add(struct strbuf *sb, const void *data, size_t n)
{
	/* fast path: room is there (alloc > len + n also means the cap was checked when growing) */
	if (!(sb->alloc && n < sb->alloc - sb->len && sb->len + n <= sb->max && !sb->failed) && sb_grow(sb, n) < 0)
		return -1;
	if (n)
		memcpy(sb->buf + sb->len, data, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
	return 0;
}

int sb_adds(struct strbuf *sb, const char *s)
{
	return sb_add(sb, s, strlen(s));
}

int sb_addc(struct strbuf *sb, char c)
{
	if (sb->alloc && sb->len + 1 < sb->alloc && sb->len + 1 <= sb->max && !sb->failed) {
		sb->buf[sb->len++] = c;
		sb->buf[sb->len] = '\0';
		return 0;
	}
	return sb_add(sb, &c, 1);
}

int sb_reserve(struct strbuf *sb, size_t n)
{
	return n > sb->len ? sb_grow(sb, n - sb->len) : 0;
}

int sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0 || sb_grow(sb, (size_t)n) < 0)
		return -1;
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
	return 0;
}

int sb_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = sb_vaddf(sb, fmt, ap);
	va_end(ap);
	return rc;
}

char *sb_detach(struct strbuf *sb, size_t *len_r)
{
	char *out;

	if (len_r)
		*len_r = sb->len;
	if (!sb->alloc) {
		out = malloc(1);
		if (out)
			out[0] = '\0';
	} else {
		out = sb->buf;
	}
	sb_init(sb, sb->max);
	return out;
}
