/* throttle.h: login throttling per account and per client address. */
#ifndef KF_THROTTLE_H
#define KF_THROTTLE_H

#include <stdint.h>

#define THROTTLE_WINDOW 900      /* seconds */
#define THROTTLE_ACCOUNT_MAX 5   /* failures per account in the window */
#define THROTTLE_ADDRESS_MAX 20  /* failures per address in the window */

struct throttle;

struct throttle *throttle_new(void);
void throttle_free(struct throttle *t);
/* 0 when a login may be tried now, else the seconds until it may (for Retry-After). */
int64_t throttle_check(struct throttle *t, const char *account, const char *address);
void throttle_failed(struct throttle *t, const char *account, const char *address);
/* A good login clears the account's count (not the address's). */
void throttle_succeeded(struct throttle *t, const char *account);

#endif
