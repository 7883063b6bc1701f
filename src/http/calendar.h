/* calendar.h: making a member's secret calendar link, shared by the settings page and the API. */
#ifndef KF_HTTP_CALENDAR_H
#define KF_HTTP_CALENDAR_H

#include "../store/store.h"

struct req;

/* scheme://host this request came to (its Host header when that is a plain host), else the server's base URL. */
const char *calendar_base_url(struct req *r);
/*
 * Makes a new secret link for the caller in the request's organisation; an
 * earlier one stops working. Only the token's hash is stored; *url_r gets
 * the full link .../cal/TOKEN.ics (shown once, in the request's arena).
 */
enum kf_err calendar_link_new(struct req *r, struct calendar_link *out, const char **url_r);

#endif
