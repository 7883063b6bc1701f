/* throttle.c: counts failed logins in a fixed window, in memory, behind one mutex. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../lib/timeutil.h"
#include "throttle.h"
#include "../lib/banned.h"

#define THROTTLE_SLOTS 16384

struct slot {
	char key[272]; /* "a:" + account (emails have at most 254 bytes) or "i:" + address; "" = free */
	int failures;
	int64_t window_start;
};

struct throttle {
	pthread_mutex_t mu;
	struct slot slots[THROTTLE_SLOTS];
};

struct throttle *throttle_new(void)
{
	struct throttle *t = calloc(1, sizeof(*t));

	if (t && pthread_mutex_init(&t->mu, NULL) != 0) {
		free(t);
		return NULL;
	}
	return t;
}

void throttle_free(struct throttle *t)
{
	if (!t)
		return;
	pthread_mutex_destroy(&t->mu);
	free(t);
}

static unsigned slot_hash(const char *s)
{
	unsigned h = 5381;

	for (; *s; s++)
		h = h * 33 + (unsigned char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
	return h;
}

/*
 * The slot for key; with create, a free or expired slot is taken over, else
 * the oldest one that is not locking anybody, so flooding the table with new
 * names neither grows memory nor lifts a lock. NULL when every slot of the
 * probe run holds a live lock (the caller then treats key as locked).
 */
static struct slot *slot_find(struct throttle *t, const char *kind, const char *value, int create, int64_t now)
{
	char key[272];
	unsigned i, h;
	struct slot *oldest = NULL;

	snprintf(key, sizeof(key), "%s:%s", kind, value ? value : "");
	h = slot_hash(key);
	for (i = 0; i < 16; i++) {
		struct slot *s = &t->slots[(h + i) % THROTTLE_SLOTS];

		if (s->key[0] && strcasecmp(s->key, key) == 0) {
			if (now - s->window_start >= THROTTLE_WINDOW) {
				s->failures = 0;
				s->window_start = now;
			}
			return s;
		}
		if (s->key[0] && now - s->window_start >= THROTTLE_WINDOW)
			s->key[0] = '\0'; /* expired: free again */
		if (!s->key[0]) {
			if (!oldest || oldest->key[0])
				oldest = s;
		} else if (s->failures < THROTTLE_ACCOUNT_MAX &&
			   (!oldest || (oldest->key[0] && s->window_start < oldest->window_start))) {
			oldest = s;
		}
	}
	if (!create || !oldest)
		return NULL;
	memcpy(oldest->key, key, sizeof(key));
	oldest->failures = 0;
	oldest->window_start = now;
	return oldest;
}

static int64_t wait_for(const struct slot *s, int max, int64_t now)
{
	if (!s || s->failures < max)
		return 0;
	return s->window_start + THROTTLE_WINDOW - now;
}

int64_t throttle_check(struct throttle *t, const char *account, const char *address)
{
	int64_t now = kf_monotonic(), wa, wi;

	pthread_mutex_lock(&t->mu);
	wa = wait_for(slot_find(t, "a", account, 0, now), THROTTLE_ACCOUNT_MAX, now);
	wi = wait_for(slot_find(t, "i", address, 0, now), THROTTLE_ADDRESS_MAX, now);
	if (!wa && !slot_find(t, "a", account, 1, now))
		wa = THROTTLE_WINDOW; /* no room to count this account's failures: fail closed */
	pthread_mutex_unlock(&t->mu);
	return wa > wi ? wa : wi;
}

void throttle_failed(struct throttle *t, const char *account, const char *address)
{
	int64_t now = kf_monotonic();

	struct slot *s;

	pthread_mutex_lock(&t->mu);
	if ((s = slot_find(t, "a", account, 1, now)))
		s->failures++;
	if ((s = slot_find(t, "i", address, 1, now)))
		s->failures++;
	pthread_mutex_unlock(&t->mu);
}

void throttle_succeeded(struct throttle *t, const char *account)
{
	struct slot *s;

	pthread_mutex_lock(&t->mu);
	s = slot_find(t, "a", account, 0, kf_monotonic());
	if (s)
		s->failures = 0;
	pthread_mutex_unlock(&t->mu);
}
