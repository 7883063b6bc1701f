/* cmd_init.c: `krisenfest init`: a new instance with its organisation and first admin. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/validate.h"
#include "../lib/arena.h"
#include "../lib/secret.h"
#include "../lib/strbuf.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "cli.h"
#include "../lib/banned.h"

static const char help[] = N_(
	"Usage: krisenfest init --data DIR --org NAME --admin-email EMAIL [--admin-name NAME] --password-stdin\n"
	"       krisenfest init --demo --data DIR [--org NAME] [--admin-email EMAIL] [--password-stdin]\n"
	"\n"
	"Creates the database in DIR, the organisation and its first administrator.\n"
	"The password (at least 10 characters) is read from the first line of standard input.\n"
	"A folder that already holds an instance is left unchanged.\n"
	"\n"
	"--demo fills the organisation with an invented sample company (Muster Metallbau GmbH,\n"
	"25 staff) to try krisenfest with: every step filled, a few gaps left for the Plan-Check.\n"
	"Without --password-stdin a password is made up and printed with the login.\n");

#define DEMO_ORG "Muster Metallbau GmbH"
#define DEMO_EMAIL "demo@example.com"
#define DEMO_NAME "Demo-Zugang"
#define DEMO_PASSWORD_LEN 16

/* Removes DIR/krisenfest.db and its journal files (a demo that failed in a folder that had none). */
static void remove_database(const char *dir)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	struct strbuf path;

	for (size_t i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		sb_init(&path, 4096);
		sb_addf(&path, "%s/krisenfest.db%s", dir, suffixes[i]);
		if (!path.failed)
			unlink(path.buf);
		sb_release(&path);
	}
}

/* 1 when DIR/krisenfest.db exists. */
static int database_exists(const char *dir)
{
	struct strbuf path;
	struct stat st;
	int found;

	sb_init(&path, 4096);
	sb_addf(&path, "%s/krisenfest.db", dir);
	found = !path.failed && stat(path.buf, &st) == 0;
	sb_release(&path);
	return found;
}

/* Prints each field error as "--option: message". */
static void print_field_errors(const struct field_errors *fe)
{
	for (int i = 0; i < fe->n; i++) {
		const char *opt = strcmp(fe->e[i].field, "org") == 0	      ? "--org"
				  : strcmp(fe->e[i].field, "email") == 0    ? "--admin-email"
				  : strcmp(fe->e[i].field, "name") == 0     ? "--admin-name"
									    : "--password-stdin";

		fprintf(stderr, "krisenfest init: %s %s\n", opt, i18n_tr(cli_lang(), fe->e[i].msg));
	}
}

/* What was made, and for a demo the login: made_up is the password made up ("" when given, NULL for no demo). */
static void print_created(const char *org, int64_t org_id, const char *email, const char *made_up)
{
	enum kf_lang L = cli_lang();

	/* the fallbacks only quiet gcc 12's -Wformat-overflow in sanitizer builds; both are always set here */
	printf(_(L, "Created organisation \"%s\" (id %lld) with the administrator %s.\n"), org ? org : "",
	       (long long)org_id, email ? email : "");
	if (made_up && !*made_up)
		printf(_(L, "Demo company ready. Log in as %s with the password you gave.\n"), email);
	else if (made_up)
		printf(_(L, "Demo company ready. Log in as %s with the password: %s\n"), email, made_up);
}

int cmd_init(int argc, char **argv)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					       { "org", required_argument, NULL, 'o' },
					       { "admin-email", required_argument, NULL, 'e' },
					       { "admin-name", required_argument, NULL, 'n' },
					       { "password-stdin", no_argument, NULL, 'p' },
					       { "demo", no_argument, NULL, 'D' },
					       { "help", no_argument, NULL, 'h' },
					       { NULL, 0, NULL, 0 } };
	const char *dir = NULL, *org = NULL, *email = NULL, *name = "";
	int pw_stdin = 0, c, rc = CLI_FAIL, exists = 0, demo = 0, had_db = 0, drop_db = 0;
	char today[11], token[KF_TOKEN_LEN];
	struct field_errors fe = { 0 };
	char hash[KF_PASSWORD_HASH_LEN];
	struct store_conn *conn = NULL;
	struct store *store = NULL;
	struct arena *a = NULL;
	int64_t org_id, user_id;
	char *password = NULL;
	enum kf_err err;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dir = optarg; break;
		case 'o': org = optarg; break;
		case 'e': email = optarg; break;
		case 'n': name = optarg; break;
		case 'p': pw_stdin = 1; break;
		case 'D': demo = 1; break;
		case 'h': fputs(_(cli_lang(), help), stdout); return CLI_OK;
		default: fputs(_(cli_lang(), help), stderr); return CLI_USAGE;
		}
	}
	if (demo) {
		org = org ? org : DEMO_ORG;
		email = email ? email : DEMO_EMAIL;
		name = *name ? name : DEMO_NAME;
	}
	if (!dir || !org || !email || (!pw_stdin && !demo) || optind != argc) {
		fputs(_(cli_lang(), help), stderr);
		return CLI_USAGE;
	}
	a = arena_new();
	if (pw_stdin) {
		password = cli_read_password();
	} else {
		kf_random_token(token);
		token[DEMO_PASSWORD_LEN] = '\0';
		password = strdup(token);
	}
	if (!a || !password) {
		cli_error("init", N_("could not read the password from standard input."), NULL);
		goto out;
	}
	validate_line(&fe, "org", a, org, 1, 200, &org);
	if (validate_line(&fe, "email", a, email, 1, 254, &email) == 0)
		validate_email(&fe, "email", email);
	validate_line(&fe, "name", a, name, 0, 200, &name);
	validate_password(&fe, "password", password);
	if (fe.n) {
		print_field_errors(&fe);
		rc = CLI_USAGE;
		goto out;
	}
	had_db = database_exists(dir);
	store = cli_open_store("init", dir, 0);
	if (!store || !(conn = store_conn_get(store)))
		goto out;
	if (store_instance_exists(conn, &exists) != KF_OK)
		goto out;
	if (exists) {
		cli_error("init", N_("this folder already holds a krisenfest instance; nothing was changed:"), dir);
		goto out;
	}
	if (kf_password_hash(password, hash) < 0) {
		cli_error("init", N_("not enough memory to hash the password."), NULL);
		goto out;
	}
	err = store_setup_instance(conn, org, email, name, hash, &org_id, &user_id);
	if (err == KF_EEXIST) {
		cli_error("init", N_("this folder already holds a krisenfest instance; nothing was changed:"), dir);
		goto out;
	}
	if (err) {
		cli_error("init", N_("the database could not be written."), NULL);
		goto out;
	}
	if (demo) {
		kf_date_iso(kf_now(), today);
		if (demo_fill(conn, a, org_id, user_id, today) < 0) {
			drop_db = !had_db;
			cli_error("init", N_("the demo company could not be created; nothing was kept in this folder:"), dir);
			goto out;
		}
	}
	print_created(org, org_id, email, demo ? (pw_stdin ? "" : password) : NULL);
	rc = CLI_OK;
out:
	if (password) {
		memset(password, 0, strlen(password));
		free(password);
	}
	store_conn_put(conn);
	store_close(store);
	if (drop_db)
		remove_database(dir);
	arena_free(a);
	return rc;
}
