/* arena.h: per-request bump allocator; everything is freed at once with arena_free(). */
#ifndef KF_ARENA_H
#define KF_ARENA_H

#include <stddef.h>

struct arena;

/* Allocates; NULL when out of memory. */
struct arena *arena_new(void);
void arena_free(struct arena *a);
/* Zeroed memory from the arena, or NULL when out of memory or past the arena's cap. */
void *arena_alloc(struct arena *a, size_t n);
/*
 * Room for one more element in an arena array of n elements and *cap slots:
 * returns items itself while there is room, else a copy with twice the slots
 * (*cap updated), or NULL when out of memory.
 */
void *arena_array_grow(struct arena *a, void *items, size_t n, size_t *cap, size_t elem);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#define ARENA_NEW(a, type, n) ((type *)arena_alloc((a), sizeof(type) * (n)))

#endif
