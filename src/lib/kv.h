/* kv.h: an ordered list of key/value strings (form fields, query parameters). */
#ifndef KF_KV_H
#define KF_KV_H

#include <stddef.h>

struct arena;

struct kv_pair {
	const char *key;
	const char *val;
};

struct kv_list {
	struct kv_pair *items;
	size_t n;
	size_t cap;
};

/* Appends copies of key and val, allocated in the arena. 0 or -1. */
int kv_add(struct kv_list *l, struct arena *a, const char *key, size_t klen, const char *val, size_t vlen);
/* The first value of key, or NULL. */
const char *kv_get(const struct kv_list *l, const char *key);
/*
 * Parses application/x-www-form-urlencoded text (also query strings) into l.
 * Values are percent-decoded; '+' means space. -1 on malformed escapes or
 * when more than max_fields fields arrive.
 */
int kv_parse_urlencoded(struct kv_list *l, struct arena *a, const char *s, size_t len, size_t max_fields);

#endif
