/* cmd_serve.c: `krisenfest serve`: runs the web server until SIGTERM or SIGINT. */
#include <getopt.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../http/request.h"
#include "../http/server.h"
#include "../http/throttle.h"
#include "../http/worker.h"
#include "../lib/arena.h"
#include "../lib/log.h"
#include "../lib/secret.h"
#include "../core/mail.h"
#include "../mail/mailer.h"
#include "../store/store.h"
#include "cli.h"
#include "../lib/banned.h"

static const char help[] = N_(
	"Usage: krisenfest serve --data DIR [--listen ADDR:PORT] [--tls-proxy] [--verbose]\n"
	"       [--base-url URL] [--smtp-url smtp://HOST:PORT --smtp-from ADDRESS\n"
	"       [--smtp-user NAME --smtp-password-file FILE]] [--mail-interval SECONDS]\n"
	"\n"
	"Serves the web pages and the JSON API (default 127.0.0.1:8080) until SIGTERM or Ctrl-C.\n"
	"On the first start of a new folder it prints a one-time set-up link.\n"
	"--tls-proxy marks cookies Secure, for use behind an HTTPS reverse proxy.\n"
	"--base-url is the address people open (https://plan.example.de); links in emails start with it.\n"
	"Without --smtp-url no email is sent: the outbox keeps the mails until mail is set up.\n"
	"The SMTP password is read from the first line of --smtp-password-file.\n");

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

/* The first line of path (the SMTP password), without its newline. Allocates (free()). */
static char *read_secret_file(const char *path)
{
	char line[1024];
	FILE *f = fopen(path, "r");
	char *s = NULL;

	if (!f)
		return NULL;
	if (fgets(line, sizeof(line), f)) {
		line[strcspn(line, "\r\n")] = '\0';
		s = strdup(line);
	}
	fclose(f);
	return s;
}

/* Checks the mail options; 0, or -1 after saying what is wrong. */
static int check_mail_options(const struct mailer_config *mc, const char *password_file)
{
	if (mc->smtp.url && strncmp(mc->smtp.url, "smtp://", 7) != 0 && strncmp(mc->smtp.url, "smtps://", 8) != 0) {
		cli_error("serve", N_("--smtp-url must look like smtp://mail.example.de:587 or smtps://...:465, not:"),
			  mc->smtp.url);
		return -1;
	}
	if (mc->smtp.url && !mail_address_ok(mc->smtp.from)) {
		cli_error("serve", N_("--smtp-url needs --smtp-from with the sender address, not:"),
			  mc->smtp.from ? mc->smtp.from : "");
		return -1;
	}
	if (!mc->smtp.user != !password_file) {
		cli_error("serve", N_("--smtp-user and --smtp-password-file go together."), NULL);
		return -1;
	}
	if (mc->interval_s < 1 || mc->interval_s > 3600) {
		cli_error("serve", N_("--mail-interval must be 1 to 3600 seconds."), NULL);
		return -1;
	}
	return 0;
}

/*
 * Worker threads: twice the processors, 4 to 8. The start page and the
 * Plan-Check wait in the same queue as exports and password hashing, so a
 * pool of only as many threads as processors would keep them waiting behind
 * two large handbooks; each password hash needs 64 MiB while it runs.
 */
static int worker_count(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN) * 2;

	return n < 4 ? 4 : n > 8 ? 8 : (int)n;
}

int cmd_serve(int argc, char **argv)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					       { "listen", required_argument, NULL, 'l' },
					       { "tls-proxy", no_argument, NULL, 't' },
					       { "verbose", no_argument, NULL, 'v' },
					       /* notifications */
					       { "base-url", required_argument, NULL, 'b' },
					       { "smtp-url", required_argument, NULL, 'U' },
					       { "smtp-from", required_argument, NULL, 'F' },
					       { "smtp-user", required_argument, NULL, 'u' },
					       { "smtp-password-file", required_argument, NULL, 'P' },
					       { "mail-interval", required_argument, NULL, 'i' },
					       { "webhook-http-host", required_argument, NULL, 'W' }, /* drill */
					       { "help", no_argument, NULL, 'h' },
					       { NULL, 0, NULL, 0 } };
	const char *dir = NULL, *listen = "127.0.0.1:8080", *base_url = NULL, *password_file = NULL;
	struct mailer_config mc = { .interval_s = 30, .remind_interval_s = 3600 };
	struct mailer *mailer = NULL;
	char *password = NULL;
	int curl_ready = 0;
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
		case 'b': base_url = optarg; break;
		case 'U': mc.smtp.url = optarg; break;
		case 'F': mc.smtp.from = optarg; break;
		case 'u': mc.smtp.user = optarg; break;
		case 'P': password_file = optarg; break;
		case 'i': mc.interval_s = (int)strtol(optarg, NULL, 10); break;
		case 'W': snprintf(app.webhook_http_hosts, sizeof(app.webhook_http_hosts), "%s", optarg); break; /* drill */
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
	if (base_url) {
		if (cli_base_url("serve", base_url, app.base_url, sizeof(app.base_url)) < 0)
			return CLI_USAGE;
		app.base_url_given = 1;
	}
	if (check_mail_options(&mc, password_file) < 0)
		return CLI_USAGE;
	if (password_file && !(password = read_secret_file(password_file))) {
		cli_error("serve", N_("the SMTP password file could not be read:"), password_file);
		return CLI_FAIL;
	}
	mc.smtp.password = password;
	mc.base_url = app.base_url;
	app.mail_configured = mc.smtp.url != NULL;
	/* libcurl's global state before any thread */
	if (smtp_global_init() < 0) {
		free(password);
		return CLI_FAIL;
	}
	curl_ready = 1;

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
	if (worker_start(worker_count(), 256) < 0)
		goto out;
	kf_log(KF_LOG_INFO, "%d worker threads for slow work (hashing, exports)", worker_count());
	workers = 1;
	server = server_start(&app, addr, port);
	if (!server)
		goto out;
	/* the mail thread: outbox and reminders, never on an HTTP thread */
	mailer = mailer_start(app.store, &mc);
	if (!mailer)
		goto out;
	if (!mc.smtp.url)
		kf_log(KF_LOG_INFO, "mail is not configured (--smtp-url): the outbox keeps the mails");
	kf_log(KF_LOG_INFO, "krisenfest serves %s (data in %s)", app.base_url, dir);
	if (sigwait(&sigs, &sig) == 0)
		kf_log(KF_LOG_INFO, "signal %d: shutting down", sig);
	rc = CLI_OK;
out:
	/* jobs finish first: they resume their suspended connections before the daemon stops */
	mailer_stop(mailer);
	if (workers)
		worker_stop();
	server_stop(server);
	store_conn_put(conn);
	store_close(app.store);
	throttle_free(app.throttle);
	if (curl_ready)
		smtp_global_release();
	free(password);
	return rc;
}
