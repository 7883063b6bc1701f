/* hub.h: live events in memory: who listens to which organisation and page, and what each listener still has to receive. */
#ifndef KF_HUB_H
#define KF_HUB_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "../store/store.h"

struct hub;
struct hub_client;

/* How the hub parks and wakes a listener's connection; both run under the hub's lock. */
struct hub_wake_ops {
	void (*suspend)(void *ctx);
	void (*resume)(void *ctx);
};

#define HUB_REPLAY_MAX 500 /* missed events replayed on reconnect; more: the client is told to reload */
#define HUB_QUEUE_MAX 1000 /* events waiting for one slow client before it is told to reload */
#define HUB_PRESENCE_MAX 20 /* names listed in a presence event */

/* A hub without listeners. Allocates; NULL when out of memory. */
struct hub *hub_new(void);
/* Frees the hub; every client must have left. */
void hub_free(struct hub *h);
/* Queues a committed change for every client of ch->org (a store_listener_fn; ctx is the hub). */
void hub_publish(void *ctx, const struct store_change *ch);
/*
 * A new listener of org as user (name shown to others). page: the page it has
 * open, or NULL (no presence). Tells the others on the page. Allocates; NULL
 * when out of memory.
 */
struct hub_client *hub_join(struct hub *h, int64_t org, int64_t user, const char *name, const char *page,
			    const struct hub_wake_ops *ops, void *ctx);
/*
 * Queues missed changes (sorted by hid) ahead of the live ones, dropping live
 * ones that the replay contains. More than HUB_REPLAY_MAX: a reload event
 * instead. 0, or -1 when out of memory.
 */
int hub_replay(struct hub_client *c, const struct store_change *chs, size_t n);
/* Copies queued bytes: > 0 bytes; 0 nothing yet (the connection is suspended); -1 end of stream. */
ssize_t hub_read(struct hub_client *c, char *buf, size_t max);
/* Removes and frees the client; tells the others on its page. */
void hub_leave(struct hub_client *c);
/* A comment line to every idle client, so dead connections are found. */
void hub_heartbeat(struct hub *h);
/* Ends every stream (readers get -1) and refuses new ones. */
void hub_shutdown(struct hub *h);
/* Number of connected clients. */
size_t hub_count(struct hub *h);

#endif
