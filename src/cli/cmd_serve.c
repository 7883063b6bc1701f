/* cmd_serve.c: `krisenfest serve`: runs the web server until SIGTERM or SIGINT. */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../http/request.h"
#include "../http/server.h"
#include "../http/throttle.h"
#include "../http/worker.h"
#include "../lib/arena.h"
#include "../lib/log.h"
#include "../lib/secret.h"
#include "../store/store.h"
#include "cli.h"
#include "../lib/banned.h"

static const char help[] = N_(
	"Usage: krisenfest serve --data DIR [--listen ADDR:PORT] [--tls-proxy] [--verbose]\n"
	"\n"
	"Serves the web pages and the JSON API (default 127.0.0.1:8080) until SIGTERM or Ctrl-C.\n"
	"On the first start of a new folder it prints a one-time set-up link.\n"
	"--tls-proxy marks cookies Secure, for use behind an HTTPS reverse proxy.\n");

#define SETUP_SETTING "setup_token_hash"

static int parse_listen(const char *s, char *addr, size_t addrlen, unsigned short *port)
{
	const char *colon = strrchr(s, ':');
	unsigned long p;
	char *end;

	if (!colon || (size_t)(colon - s) >= addrlen || colon == s)
		return -1;
	memcpy(addr, s, (size_t)(colon - s));
	addr[colon - s] = '\0';
	p = strtoul(colon + 1, &end, 10);
	if (*end || p == 0 || p > 65535)
		return -1;
	*port = (unsigned short)p;
	return 0;
}

/* A fresh instance gets a one-time set-up link; its token is stored only as a hash. */
static int announce_setup(struct store_conn *conn, const struct app *app)
{
	char token[KF_TOKEN_LEN], hash[KF_TOKEN_HASH_LEN];
	int exists = 0;

	if (store_instance_exists(conn, &exists) != KF_OK)
		return -1;
	if (exists)
		return 0;
	kf_random_token(token);
	kf_token_hash(token, hash);
	if (store_setting_set(conn, SETUP_SETTING, hash) != KF_OK)
		return -1;
	printf("\n%s\n\n    %s/setup?token=%s\n\n", _(cli_lang(), "krisenfest is not set up yet. Open this link once "
							"to create your organisation and the first administrator:"),
	       app->base_url, token);
	fflush(stdout);
	return 0;
}

int cmd_serve(int argc, char **argv)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					       { "listen", required_argument, NULL, 'l' },
					       { "tls-proxy", no_argument, NULL, 't' },
					       { "verbose", no_argument, NULL, 'v' },
					       { "help", no_argument, NULL, 'h' },
					       { NULL, 0, NULL, 0 } };
	const char *dir = NULL, *listen = "127.0.0.1:8080";
	struct store_conn *conn = NULL;
	struct server *server = NULL;
	struct app app = { 0 };
	int c, rc = CLI_FAIL, sig = 0, workers = 0;
	unsigned short port;
	char addr[64];
	sigset_t sigs;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dir = optarg; break;
		case 'l': listen = optarg; break;
		case 't': app.tls_proxy = 1; break;
		case 'v': kf_log_set_level(KF_LOG_DEBUG); break;
		case 'h': fputs(_(cli_lang(), help), stdout); return CLI_OK;
		default: fputs(_(cli_lang(), help), stderr); return CLI_USAGE;
		}
	}
	if (!dir || optind != argc) {
		fputs(_(cli_lang(), help), stderr);
		return CLI_USAGE;
	}
	if (parse_listen(listen, addr, sizeof(addr), &port) < 0) {
		cli_error("serve", N_("--listen must look like 127.0.0.1:8080, not:"), listen);
		return CLI_USAGE;
	}
	snprintf(app.base_url, sizeof(app.base_url), "http://%s:%u",
		 strcmp(addr, "0.0.0.0") == 0 ? "127.0.0.1" : addr, (unsigned)port);

	/* signals are taken by sigwait below, so block them before any thread starts */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGTERM);
	sigaddset(&sigs, SIGINT);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);

	app.store = cli_open_store("serve", dir, 0);
	app.throttle = throttle_new();
	if (!app.store || !app.throttle || !(conn = store_conn_get(app.store)))
		goto out;
	if (announce_setup(conn, &app) < 0) {
		cli_error("serve", N_("the database could not be written."), NULL);
		goto out;
	}
	store_conn_put(conn);
	conn = NULL;
	if (worker_start(2, 256) < 0)
		goto out;
	workers = 1;
	server = server_start(&app, addr, port);
	if (!server)
		goto out;
	kf_log(KF_LOG_INFO, "krisenfest serves %s (data in %s)", app.base_url, dir);
	if (sigwait(&sigs, &sig) == 0)
		kf_log(KF_LOG_INFO, "signal %d: shutting down", sig);
	rc = CLI_OK;
out:
	/* jobs finish first: they resume their suspended connections before the daemon stops */
	if (workers)
		worker_stop();
	server_stop(server);
	store_conn_put(conn);
	store_close(app.store);
	throttle_free(app.throttle);
	return rc;
}
