/* webhook.h: the webhook calls of the reachability drill (SMS gateways), made by the mail thread. */
#ifndef KF_WEBHOOK_H
#define KF_WEBHOOK_H

#include <stddef.h>

struct store;

/* One JSON POST to url; 0 on a 2xx answer, else -1 with the reason in err. */
int webhook_post(const char *url, const char *json, char *err, size_t errlen);
/* One pass over the due webhook calls (same retries as the outbox). Returns how many were made. */
int webhook_send_due(struct store *s);

#endif
