/* strbuf.h: growable byte string with a hard size cap; the one string builder of krisenfest. */
#ifndef KF_STRBUF_H
#define KF_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

/*
 * Invariants: buf is never NULL and always NUL-terminated; len < alloc unless
 * alloc == 0 (then buf points at a shared empty string). Appending past max
 * or running out of memory leaves the content as it was, sets failed, and
 * returns -1; later appends are refused too, so one check at the end suffices.
 */
struct strbuf {
	char *buf;
	size_t len;
	size_t alloc;
	size_t max;
	int failed;
};

#define STRBUF_DEFAULT_MAX ((size_t)64 << 20)

void sb_init(struct strbuf *sb, size_t max);
/* Frees the buffer and re-initialises sb with the same cap. */
void sb_release(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
int sb_add(struct strbuf *sb, const void *data, size_t n);
/* Makes room for n bytes in all without changing the content (fewer copies for big pages). */
int sb_reserve(struct strbuf *sb, size_t n);
int sb_adds(struct strbuf *sb, const char *s);
int sb_addc(struct strbuf *sb, char c);
int sb_addf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int sb_vaddf(struct strbuf *sb, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Hands the buffer to the caller (free() it); sb is empty afterwards. Allocates. */
char *sb_detach(struct strbuf *sb, size_t *len_r);

#endif
