/* server.h: the HTTP server (libmicrohttpd) that serves UI and API. */
#ifndef KF_SERVER_H
#define KF_SERVER_H

struct app;
struct server;

/* Starts listening on addr:port with a pool of threads. Allocates. NULL on failure. */
struct server *server_start(struct app *app, const char *addr, unsigned short port);
/* Stops accepting, waits for running requests, frees the server. */
void server_stop(struct server *s);

#endif
