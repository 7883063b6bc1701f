/* mention.h: finding @mentions in a comment's text and matching them to members. */
#ifndef KF_MENTION_H
#define KF_MENTION_H

#include <stddef.h>

struct arena;

/* At most this many different mentions are taken from one text; more are ignored. */
#define MENTION_MAX 20
/* A mention's token is at most this many bytes; a longer one is no mention. */
#define MENTION_TOKEN_MAX 100

/*
 * Finds the mentions in text: "@" at the start or after a character that is
 * no letter, digit, ".", "_", "-" or "@" (so mail addresses are no mentions),
 * followed by a token of letters (any non-ASCII byte counts as one), digits,
 * ".", "_" and "-" (a trailing "." or "-" is dropped), or by a quoted name
 * "@\"Anna Schmidt\"" (no newline inside). Tokens are returned once each
 * (case-insensitively), in order, allocated in a; at most MENTION_MAX.
 * Returns the number of tokens (0..MENTION_MAX), or -1 when out of memory.
 */
int mention_parse(const char *text, struct arena *a, const char ***tokens_r);

/*
 * 1 when token names the member: equal, ignoring ASCII case, to the local
 * part of email, to the whole name, to the name with its spaces removed, or
 * with its spaces replaced by "." or "_" ("anna.schmidt" for "Anna Schmidt").
 */
int mention_matches(const char *token, const char *name, const char *email);

#endif
