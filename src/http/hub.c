/* hub.c: live events in memory: per-client queues of SSE text, presence per organisation and page. */
#include <jansson.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/strbuf.h"
#include "../lib/timeutil.h"
#include "hub.h"
#include "../lib/banned.h"

struct chunk {
	struct chunk *next;
	int64_t hid; /* 0: not a change (presence, heartbeat, reload) */
	size_t len, off;
	char data[];
};

struct hub_client {
	struct hub *hub;
	struct hub_client *prev, *next;
	int64_t org, user;
	char *name, *page;
	const struct hub_wake_ops *ops;
	void *ctx;
	int suspended, ending;
	struct chunk *head, *tail;
	size_t queued;
};

struct hub {
	pthread_mutex_t mu;
	struct hub_client *clients;
	size_t n;
	int closed;
};

struct hub *hub_new(void)
{
	struct hub *h = calloc(1, sizeof(*h));

	if (h && pthread_mutex_init(&h->mu, NULL) != 0) {
		free(h);
		h = NULL;
	}
	return h;
}

void hub_free(struct hub *h)
{
	if (!h)
		return;
	pthread_mutex_destroy(&h->mu);
	free(h);
}

static struct chunk *chunk_new(int64_t hid, const char *data, size_t len)
{
	struct chunk *k = malloc(sizeof(*k) + len);

	if (!k)
		return NULL;
	k->next = NULL;
	k->hid = hid;
	k->len = len;
	k->off = 0;
	memcpy(k->data, data, len);
	return k;
}

static void queue_clear(struct hub_client *c)
{
	struct chunk *k, *next;

	for (k = c->head; k; k = next) {
		next = k->next;
		free(k);
	}
	c->head = c->tail = NULL;
	c->queued = 0;
}

static void wake(struct hub_client *c)
{
	if (c->suspended) {
		c->suspended = 0;
		c->ops->resume(c->ctx);
	}
}

static const char reload_event[] = "event: reload\ndata: {}\n\n";

/* Appends to the client's queue (lock held); a client too far behind gets a reload event and its stream ends. */
static void enqueue(struct hub_client *c, int64_t hid, const char *data, size_t len)
{
	struct chunk *k;

	if (c->ending)
		return;
	if (c->queued >= HUB_QUEUE_MAX) {
		queue_clear(c);
		data = reload_event;
		len = sizeof(reload_event) - 1;
		hid = 0;
		c->ending = 1;
	}
	k = chunk_new(hid, data, len);
	if (!k) {
		c->ending = 1; /* out of memory: end the stream; the browser reconnects and replays */
	} else {
		if (c->tail)
			c->tail->next = k;
		else
			c->head = k;
		c->tail = k;
		c->queued++;
	}
	wake(c);
}

/* "id: N\nevent: change\ndata: {...}\n\n" into sb. */
static int format_change(struct strbuf *sb, const struct store_change *ch)
{
	char at[32];
	json_t *o;
	char *s;
	int rc;

	kf_time_iso(ch->at, at);
	o = json_pack("{s:s, s:I, s:s, s:I, s:s, s:s}", "entity", ch->entity ? ch->entity : "", "id",
		      (json_int_t)ch->entity_id, "action", ch->action ? ch->action : "", "version",
		      (json_int_t)ch->version, "by", ch->by ? ch->by : "", "at", at);
	s = o ? json_dumps(o, JSON_COMPACT) : NULL;
	json_decref(o);
	if (!s)
		return -1;
	rc = sb_addf(sb, "id: %lld\nevent: change\ndata: %s\n\n", (long long)ch->hid, s);
	free(s);
	return rc;
}

void hub_publish(void *ctx, const struct store_change *ch)
{
	struct hub *h = ctx;
	struct hub_client *c;
	struct strbuf sb;

	sb_init(&sb, 64 * 1024);
	if (format_change(&sb, ch) == 0) {
		pthread_mutex_lock(&h->mu);
		for (c = h->clients; c; c = c->next)
			if (c->org == ch->org)
				enqueue(c, ch->hid, sb.buf, sb.len);
		pthread_mutex_unlock(&h->mu);
	}
	sb_release(&sb);
}

/* Tells every client on c's page who else has it open (lock held; c may be leaving). */
static void presence_update(struct hub *h, struct hub_client *c, int leaving)
{
	struct hub_client *x, *y;
	struct strbuf sb;
	json_t *users, *o;
	char *s = NULL;

	if (!c->page)
		return;
	users = json_array();
	/* the distinct users on the page, with their ids so each receiver can be left out */
	for (x = h->clients; users && x && json_array_size(users) < HUB_PRESENCE_MAX; x = x->next) {
		int seen = 0;

		if (x->org != c->org || !x->page || strcmp(x->page, c->page) != 0 || (leaving && x == c))
			continue;
		for (y = h->clients; y != x; y = y->next)
			if (y->user == x->user && y->org == x->org && y->page && strcmp(y->page, x->page) == 0 &&
			    !(leaving && y == c))
				seen = 1;
		if (!seen)
			json_array_append_new(users, json_pack("{s:I, s:s}", "id", (json_int_t)x->user, "name", x->name));
	}
	o = users ? json_pack("{s:s, s:o}", "page", c->page, "users", users) : NULL;
	if (o)
		s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	if (!s)
		return;
	sb_init(&sb, 64 * 1024);
	if (sb_addf(&sb, "event: presence\ndata: %s\n\n", s) == 0)
		for (x = h->clients; x; x = x->next)
			if (x->org == c->org && x->page && strcmp(x->page, c->page) == 0 && !(leaving && x == c))
				enqueue(x, 0, sb.buf, sb.len);
	sb_release(&sb);
	free(s);
}

struct hub_client *hub_join(struct hub *h, int64_t org, int64_t user, const char *name, const char *page,
			    const struct hub_wake_ops *ops, void *ctx)
{
	struct hub_client *c = calloc(1, sizeof(*c));

	if (!c)
		return NULL;
	c->hub = h;
	c->org = org;
	c->user = user;
	c->ops = ops;
	c->ctx = ctx;
	c->name = strdup(name ? name : "");
	c->page = page && *page ? strdup(page) : NULL;
	if (!c->name || (page && *page && !c->page)) {
		free(c->name);
		free(c->page);
		free(c);
		return NULL;
	}
	pthread_mutex_lock(&h->mu);
	/* the first bytes open the stream at once, so clients know they are connected */
	enqueue(c, 0, ": ok\n\n", 6);
	if (h->closed)
		c->ending = 1;
	c->next = h->clients;
	if (h->clients)
		h->clients->prev = c;
	h->clients = c;
	h->n++;
	presence_update(h, c, 0);
	pthread_mutex_unlock(&h->mu);
	return c;
}

int hub_replay(struct hub_client *c, const struct store_change *chs, size_t n)
{
	struct hub *h = c->hub;
	struct chunk *head = NULL, *tail = NULL, *k, *next;
	size_t count = 0;
	int64_t upto = 0;
	struct strbuf sb;
	int rc = 0;

	sb_init(&sb, 64 * 1024);
	if (n > HUB_REPLAY_MAX) {
		head = tail = chunk_new(0, reload_event, sizeof(reload_event) - 1);
		count = 1;
		rc = head ? 0 : -1;
	}
	for (size_t i = 0; n <= HUB_REPLAY_MAX && i < n && rc == 0; i++) {
		sb_reset(&sb);
		if (format_change(&sb, &chs[i]) < 0 || !(k = chunk_new(chs[i].hid, sb.buf, sb.len))) {
			rc = -1;
			break;
		}
		if (tail)
			tail->next = k;
		else
			head = k;
		tail = k;
		count++;
		if (chs[i].hid > upto)
			upto = chs[i].hid;
	}
	sb_release(&sb);
	if (rc < 0) {
		for (k = head; k; k = next) {
			next = k->next;
			free(k);
		}
		return -1;
	}
	pthread_mutex_lock(&h->mu);
	/* live changes that the replay already holds are dropped; the rest follow it */
	{
		struct chunk **pp = &c->head, *last = NULL;

		while (*pp) {
			k = *pp;
			if (k->hid && k->hid <= upto) {
				*pp = k->next;
				free(k);
				c->queued--;
			} else {
				last = k;
				pp = &k->next;
			}
		}
		c->tail = last;
	}
	if (head) {
		tail->next = c->head;
		c->head = head;
		if (!c->tail)
			c->tail = tail;
		c->queued += count;
		if (n > HUB_REPLAY_MAX)
			c->ending = 1;
	}
	wake(c);
	pthread_mutex_unlock(&h->mu);
	return 0;
}

ssize_t hub_read(struct hub_client *c, char *buf, size_t max)
{
	struct hub *h = c->hub;
	size_t n = 0;
	ssize_t rc;

	pthread_mutex_lock(&h->mu);
	while (c->head && n < max) {
		struct chunk *k = c->head;
		size_t take = k->len - k->off;

		if (take > max - n)
			take = max - n;
		memcpy(buf + n, k->data + k->off, take);
		n += take;
		k->off += take;
		if (k->off == k->len) {
			c->head = k->next;
			if (!c->head)
				c->tail = NULL;
			c->queued--;
			free(k);
		}
	}
	if (n > 0) {
		rc = (ssize_t)n;
	} else if (c->ending || h->closed) {
		rc = -1;
	} else {
		/* returning 0 without suspending would spin (STACK.md 5.1) */
		c->suspended = 1;
		c->ops->suspend(c->ctx);
		rc = 0;
	}
	pthread_mutex_unlock(&h->mu);
	return rc;
}

void hub_leave(struct hub_client *c)
{
	struct hub *h;

	if (!c)
		return;
	h = c->hub;
	pthread_mutex_lock(&h->mu);
	presence_update(h, c, 1);
	if (c->prev)
		c->prev->next = c->next;
	else
		h->clients = c->next;
	if (c->next)
		c->next->prev = c->prev;
	h->n--;
	pthread_mutex_unlock(&h->mu);
	queue_clear(c);
	free(c->name);
	free(c->page);
	free(c);
}

void hub_heartbeat(struct hub *h)
{
	struct hub_client *c;

	pthread_mutex_lock(&h->mu);
	for (c = h->clients; c; c = c->next)
		if (!c->head)
			enqueue(c, 0, ":\n\n", 3);
	pthread_mutex_unlock(&h->mu);
}

void hub_shutdown(struct hub *h)
{
	struct hub_client *c;

	pthread_mutex_lock(&h->mu);
	h->closed = 1;
	for (c = h->clients; c; c = c->next) {
		c->ending = 1;
		wake(c);
	}
	pthread_mutex_unlock(&h->mu);
}

size_t hub_count(struct hub *h)
{
	size_t n;

	pthread_mutex_lock(&h->mu);
	n = h->n;
	pthread_mutex_unlock(&h->mu);
	return n;
}
