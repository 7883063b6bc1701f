/* cmd_org.c: `krisenfest org add|list`: further organisations on one instance (IT-partner mode). */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../core/validate.h"
#include "../lib/arena.h"
#include "../store/store.h"
#include "cli.h"
#include "../lib/banned.h"

static const char help[] = N_(
	"Usage: krisenfest org add --data DIR --name NAME\n"
	"       krisenfest org list --data DIR\n"
	"\n"
	"Adds another organisation to an instance and prints its id; add members with\n"
	"krisenfest user add --org ID. Organisations never see each other's data.\n");

int cmd_org(int argc, char **argv)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					       { "name", required_argument, NULL, 'n' },
					       { "help", no_argument, NULL, 'h' },
					       { NULL, 0, NULL, 0 } };
	const char *dir = NULL, *name = NULL, *verb;
	struct field_errors fe = { 0 };
	struct store_conn *conn = NULL;
	struct store *store = NULL;
	struct arena *a = NULL;
	int c, rc = CLI_FAIL;
	struct org *orgs;
	int64_t id;
	size_t n;

	if (argc < 2 || (strcmp(argv[1], "add") != 0 && strcmp(argv[1], "list") != 0)) {
		if (cli_wants_help(argc, argv)) {
			fputs(_(cli_lang(), help), stdout);
			return CLI_OK;
		}
		fputs(_(cli_lang(), help), stderr);
		return CLI_USAGE;
	}
	verb = argv[1];
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dir = optarg; break;
		case 'n': name = optarg; break;
		case 'h': fputs(_(cli_lang(), help), stdout); return CLI_OK;
		default: fputs(_(cli_lang(), help), stderr); return CLI_USAGE;
		}
	}
	if (!dir || (strcmp(verb, "add") == 0 && !name)) {
		fputs(_(cli_lang(), help), stderr);
		return CLI_USAGE;
	}
	a = arena_new();
	if (!a)
		goto out;
	if (name && validate_line(&fe, "name", a, name, 1, 200, &name) < 0) {
		fprintf(stderr, "krisenfest org: --name %s\n", i18n_tr(cli_lang(), fe.e[0].msg));
		rc = CLI_USAGE;
		goto out;
	}
	store = cli_open_store("org", dir, 1);
	if (!store || !(conn = store_conn_get(store)))
		goto out;
	if (strcmp(verb, "add") == 0) {
		if (store_org_create(conn, name, &id) != KF_OK) {
			cli_error("org", N_("the database could not be written."), NULL);
			goto out;
		}
		printf("%lld\n", (long long)id);
	} else {
		if (store_org_list(conn, a, &orgs, &n) != KF_OK) {
			cli_error("org", N_("the database could not be read."), NULL);
			goto out;
		}
		for (size_t i = 0; i < n; i++)
			printf("%lld\t%s\n", (long long)orgs[i].id, orgs[i].name);
	}
	rc = CLI_OK;
out:
	store_conn_put(conn);
	store_close(store);
	arena_free(a);
	return rc;
}
