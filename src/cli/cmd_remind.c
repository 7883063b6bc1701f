/* cmd_remind.c: `krisenfest remind`: runs the reminder job now (the server runs it every hour by itself). */
#include <getopt.h>
#include <stdio.h>

#include "../lib/timeutil.h"
#include "../mail/remind.h"
#include "../store/store.h"
#include "cli.h"
#include "../lib/banned.h"

static const char help[] = N_(
	"Usage: krisenfest remind --data DIR\n"
	"\n"
	"Runs the reminders now: a plan review that is due or overdue and backups\n"
	"without a recent restore test become notifications for the admins and\n"
	"Notfallleiter of each organisation, with an email in the outbox. Each\n"
	"thing is told once (the review weekly while overdue), so running it often\n"
	"is harmless. `krisenfest serve` runs it every hour and sends the outbox.\n");

int cmd_remind(int argc, char **argv)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					       { "help", no_argument, NULL, 'h' },
					       { NULL, 0, NULL, 0 } };
	const char *dir = NULL;
	struct store_conn *conn = NULL;
	struct store *store;
	int c, rc = CLI_FAIL, given = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dir = optarg; break;
		case 'h': fputs(_(cli_lang(), help), stdout); return CLI_OK;
		default: fputs(_(cli_lang(), help), stderr); return CLI_USAGE;
		}
	}
	if (!dir || optind != argc) {
		fputs(_(cli_lang(), help), stderr);
		return CLI_USAGE;
	}
	store = cli_open_store("remind", dir, 1);
	if (!store)
		return CLI_FAIL;
	conn = store_conn_get(store);
	if (conn && remind_run(conn, kf_now(), &given) == KF_OK) {
		printf(_(cli_lang(), "Reminders written: %d\n"), given);
		rc = CLI_OK;
	} else {
		cli_error("remind", N_("the reminders could not be written."), NULL);
	}
	store_conn_put(conn);
	store_close(store);
	return rc;
}
