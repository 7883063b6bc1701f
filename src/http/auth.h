/* auth.h: who is calling: session cookies and bearer tokens. */
#ifndef KF_AUTH_H
#define KF_AUTH_H

#include <stdint.h>

struct req;

#define SESSION_COOKIE "kf_session"
#define SESSION_LIFETIME (14 * 24 * 3600)

/*
 * Fills r->user, r->authed, r->csrf from a bearer token or the session
 * cookie. A bearer token that does not match answers 401 itself (returns -1);
 * a stale cookie is just ignored.
 */
int auth_identify(struct req *r);
/* Starts a session for user_id: stores it, sets the cookie, and r->csrf. 0 or -1. */
int auth_session_start(struct req *r, int64_t user_id);
/* Ends the current session and clears the cookie. */
void auth_session_end(struct req *r);

enum login_result { LOGIN_OK, LOGIN_WRONG, LOGIN_THROTTLED, LOGIN_ERROR };

/*
 * Checks email and password under the login throttle (slow: run it from a
 * deferred job). On LOGIN_OK *user_id_r is set; on LOGIN_THROTTLED
 * *retry_after_r holds the seconds to wait.
 */
enum login_result auth_check_login(struct req *r, const char *email, const char *password, int64_t *user_id_r,
				   int64_t *retry_after_r);
/* Sets Retry-After. */
void auth_retry_after(struct req *r, int64_t seconds);

#endif
