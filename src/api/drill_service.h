/* drill_service.h: the reachability drill's steps shared by the API and the pages (api_drills.c). */
#ifndef KF_DRILL_SERVICE_H
#define KF_DRILL_SERVICE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/drill.h"
#include "../store/store.h"

struct req;

/* A contact of the alarm chain as the drill would reach it. */
struct drill_target {
	const struct contact *contact;
	const char *phone; /* the mobile number (or the first one), "" = none */
};

/* The people of the request organisation's alarm chain, in chain order. */
enum kf_err drill_targets(struct req *r, struct drill_target **list_r, size_t *n_r);
/*
 * Starts a drill: a fresh token per person with an email address, one mail
 * each, one webhook call each when the organisation set a webhook; all in one
 * transaction. KF_EINVAL when the chain names nobody.
 */
enum kf_err drill_start(struct req *r, const char *note, struct drill *out);

enum drill_confirm_result {
	DRILL_CONFIRM_OK,
	DRILL_CONFIRM_UNKNOWN, /* no such link (counted by the throttle) */
	DRILL_CONFIRM_ALREADY, /* info.confirmed_at says when */
	DRILL_CONFIRM_CLOSED,
	DRILL_CONFIRM_THROTTLED,
	DRILL_CONFIRM_ERROR
};

/* Looks the token up under the throttle (for GET and POST); info filled unless UNKNOWN/THROTTLED/ERROR. */
enum drill_confirm_result drill_confirm_lookup(struct req *r, const char *token, struct drill_token_info *info,
					       int64_t *retry_r);
/* Looks up and confirms once. */
enum drill_confirm_result drill_confirm(struct req *r, const char *token, struct drill_token_info *info,
					int64_t *retry_r);

#endif
