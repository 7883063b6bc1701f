/* invite.h: accepting an invitation link, shared by the page /invite/{token} and the API. */
#ifndef KF_INVITE_H
#define KF_INVITE_H

#include <stdint.h>

#include "../core/invitation.h"

struct req;

enum invite_result {
	INVITE_OK,
	INVITE_UNKNOWN,  /* no such link (counted against the client's address, like a failed sign-in) */
	INVITE_EXPIRED,
	INVITE_USED,
	INVITE_REVOKED,
	INVITE_WRONG_PASSWORD,
	INVITE_THROTTLED,
	INVITE_ERROR
};

/*
 * Looks up the invitation of token (fast: fine on the HTTP thread) into inv
 * and says whether it can still be accepted. *has_account_r is 1 when its
 * address already has an account. On INVITE_THROTTLED *retry_r holds the
 * seconds to wait.
 */
enum invite_result invite_lookup(struct req *r, const char *token, struct invitation *inv, int *has_account_r,
				 int64_t *retry_r);

/*
 * Accepts a pending invitation (slow: run it from a deferred job). A new
 * address gets an account with name and password (both already checked); an
 * existing account proves itself with its password under the sign-in
 * throttle, unless the caller is signed in as that account. Starts a session
 * for the account when the caller is not signed in as it. *already_r is 1
 * when the account was a member already.
 */
enum invite_result invite_accept(struct req *r, const struct invitation *inv, const char *name, const char *password,
				 int *already_r, int64_t *retry_r);

/*
 * Creates an invitation into the request's organisation with a fresh
 * one-time token (only its hash is stored) and, once mail exists, sends it.
 * *link_r gets the link (shown once). Store errors as store_invitation_create.
 */
enum kf_err invite_create(struct req *r, struct invitation *inv, int days, const char **link_r);

/* The link to send: scheme://host/invite/TOKEN (the host of this request). Allocated in the request's arena. */
const char *invite_link(struct req *r, const char *token);

#endif
