/* cmd_token.c: `krisenfest token create`: an API token for a user, shown once. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "../core/validate.h"
#include "../lib/arena.h"
#include "../lib/secret.h"
#include "../store/store.h"
#include "cli.h"
#include "../lib/banned.h"

static const char help[] = N_(
	"Usage: krisenfest token create --data DIR --email EMAIL --name NAME\n"
	"\n"
	"Creates an API token for the user with EMAIL and prints it once.\n"
	"Only a hash of it is stored, so keep it safe. Use it as: Authorization: Bearer TOKEN\n");

int cmd_token(int argc, char **argv)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					       { "email", required_argument, NULL, 'e' },
					       { "name", required_argument, NULL, 'n' },
					       { "help", no_argument, NULL, 'h' },
					       { NULL, 0, NULL, 0 } };
	const char *dir = NULL, *email = NULL, *name = NULL;
	char token[KF_TOKEN_LEN], hash[KF_TOKEN_HASH_LEN];
	struct field_errors fe = { 0 };
	struct store_conn *conn = NULL;
	struct store *store = NULL;
	struct arena *a = NULL;
	int c, rc = CLI_FAIL;
	struct user u;

	if (argc < 2 || strcmp(argv[1], "create") != 0) {
		if (cli_wants_help(argc, argv)) {
			fputs(_(cli_lang(), help), stdout);
			return CLI_OK;
		}
		fputs(_(cli_lang(), help), stderr);
		return CLI_USAGE;
	}
	optind = 1;
	while ((c = getopt_long(argc - 1, argv + 1, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dir = optarg; break;
		case 'e': email = optarg; break;
		case 'n': name = optarg; break;
		case 'h': fputs(_(cli_lang(), help), stdout); return CLI_OK;
		default: fputs(_(cli_lang(), help), stderr); return CLI_USAGE;
		}
	}
	if (!dir || !email || !name) {
		fputs(_(cli_lang(), help), stderr);
		return CLI_USAGE;
	}
	a = arena_new();
	if (!a)
		goto out;
	if (validate_line(&fe, "name", a, name, 1, 200, &name) < 0) {
		fprintf(stderr, "krisenfest token: --name %s\n", i18n_tr(cli_lang(), fe.e[0].msg));
		rc = CLI_USAGE;
		goto out;
	}
	store = cli_open_store("token", dir, 1);
	if (!store || !(conn = store_conn_get(store)))
		goto out;
	if (store_user_by_email(conn, a, email, &u, NULL) != KF_OK) {
		cli_error("token", N_("there is no user with this email:"), email);
		goto out;
	}
	kf_random_token(token);
	kf_token_hash(token, hash);
	if (store_token_create(conn, u.id, name, hash) != KF_OK) {
		cli_error("token", N_("the database could not be written."), NULL);
		goto out;
	}
	printf("%s\n", token);
	rc = CLI_OK;
out:
	store_conn_put(conn);
	store_close(store);
	arena_free(a);
	return rc;
}
