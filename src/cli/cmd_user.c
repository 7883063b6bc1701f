/* cmd_user.c: `krisenfest user add|list|passwd|invite`: accounts and invitations from the command line. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/validate.h"
#include "../lib/arena.h"
#include "../lib/secret.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "cli.h"
#include "../lib/banned.h"

static const char help[] = N_(
	"Usage: krisenfest user add --data DIR --email EMAIL [--name NAME] --org ORG-ID --role ROLE --password-stdin\n"
	"       krisenfest user list --data DIR\n"
	"       krisenfest user passwd --data DIR --email EMAIL --password-stdin\n"
	"       krisenfest user invite --data DIR --org ORG-ID --email EMAIL --role ROLE [--days N] [--base-url URL]\n"
	"\n"
	"ROLE is one of reader, editor, notfallleiter, admin. When EMAIL already has an account,\n"
	"it joins the organisation with ROLE and keeps its password.\n"
	"Passwords (at least 10 characters) are read from the first line of standard input.\n"
	"Setting a password ends all sessions of that user.\n"
	"invite prints a one-time link (valid for N days, default 7) with which EMAIL sets a password\n"
	"and joins; URL is the address people open krisenfest with (default http://127.0.0.1:8080).\n");

struct user_args {
	const char *dir, *email, *name, *org, *role;
	const char *days, *base_url; /* members: invitations */
	int pw_stdin;
};

static int parse_args(int argc, char **argv, struct user_args *ua)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					       { "email", required_argument, NULL, 'e' },
					       { "name", required_argument, NULL, 'n' },
					       { "org", required_argument, NULL, 'o' },
					       { "role", required_argument, NULL, 'r' },
					       { "password-stdin", no_argument, NULL, 'p' },
					       { "days", required_argument, NULL, 'D' },
					       { "base-url", required_argument, NULL, 'b' },
					       { "help", no_argument, NULL, 'h' },
					       { NULL, 0, NULL, 0 } };
	int c;

	memset(ua, 0, sizeof(*ua));
	ua->name = "";
	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': ua->dir = optarg; break;
		case 'e': ua->email = optarg; break;
		case 'n': ua->name = optarg; break;
		case 'o': ua->org = optarg; break;
		case 'r': ua->role = optarg; break;
		case 'p': ua->pw_stdin = 1; break;
		case 'D': ua->days = optarg; break;
		case 'b': ua->base_url = optarg; break;
		case 'h': fputs(_(cli_lang(), help), stdout); return 1;
		default: fputs(_(cli_lang(), help), stderr); return -1;
		}
	}
	if (optind != argc || !ua->dir) {
		fputs(_(cli_lang(), help), stderr);
		return -1;
	}
	return 0;
}

/* Reads and checks the password, then hashes it into hash. 0 or -1 (message printed). */
static int read_hashed_password(char *hash)
{
	struct field_errors fe = { 0 };
	char *pw = cli_read_password();
	int rc = -1;

	if (!pw) {
		cli_error("user", N_("could not read the password from standard input."), NULL);
		return -1;
	}
	if (validate_password(&fe, "password", pw) < 0)
		fprintf(stderr, "krisenfest user: --password-stdin %s\n", i18n_tr(cli_lang(), fe.e[0].msg));
	else if (kf_password_hash(pw, hash) < 0)
		cli_error("user", N_("not enough memory to hash the password."), NULL);
	else
		rc = 0;
	memset(pw, 0, strlen(pw));
	free(pw);
	return rc;
}

static int user_add(struct store_conn *conn, struct arena *a, struct user_args *ua)
{
	struct field_errors fe = { 0 };
	char hash[KF_PASSWORD_HASH_LEN];
	enum member_role role;
	long long org_id;
	int64_t user_id;
	struct user existing;
	struct org org;
	enum kf_err err;

	if (!ua->email || !ua->org || !ua->role || !ua->pw_stdin) {
		fputs(_(cli_lang(), help), stderr);
		return CLI_USAGE;
	}
	if (validate_line(&fe, "email", a, ua->email, 1, 254, &ua->email) == 0)
		validate_email(&fe, "email", ua->email);
	validate_line(&fe, "name", a, ua->name, 0, 200, &ua->name);
	for (int i = 0; i < fe.n; i++)
		fprintf(stderr, "krisenfest user: --%s %s\n", fe.e[i].field, i18n_tr(cli_lang(), fe.e[i].msg));
	if (fe.n)
		return CLI_USAGE;
	if (member_role_parse(ua->role, &role) < 0) {
		cli_error("user", N_("--role must be one of reader, editor, notfallleiter, admin."), NULL);
		return CLI_USAGE;
	}
	if (parse_id(ua->org, &org_id) < 0 || store_org_get(conn, a, org_id, &org) != KF_OK) {
		cli_error("user", N_("there is no organisation with this id:"), ua->org);
		return CLI_FAIL;
	}
	if (store_user_by_email(conn, a, ua->email, &existing, NULL) == KF_OK) {
		/* an existing account joins another organisation; its password stays */
		if (store_membership_set(conn, org_id, existing.id, role) != KF_OK) {
			cli_error("user", N_("the database could not be written."), NULL);
			return CLI_FAIL;
		}
		printf(_(cli_lang(), "%s already had an account; it is now a member of \"%s\" as %s. "
				     "The password was not changed.\n"),
		       existing.email, org.name, member_role_name(role));
		return CLI_OK;
	}
	if (read_hashed_password(hash) < 0)
		return CLI_USAGE;
	err = store_user_create(conn, ua->email, ua->name, hash, &user_id);
	if (err == KF_EEXIST) {
		cli_error("user", N_("a user with this email exists already:"), ua->email);
		return CLI_FAIL;
	}
	if (err || store_membership_set(conn, org_id, user_id, role) != KF_OK) {
		cli_error("user", N_("the database could not be written."), NULL);
		return CLI_FAIL;
	}
	printf(_(cli_lang(), "Added %s to \"%s\" as %s.\n"), ua->email, org.name, member_role_name(role));
	return CLI_OK;
}

static int user_list(struct store_conn *conn, struct arena *a)
{
	const char **memberships;
	struct user *users;
	size_t n;

	if (store_user_list(conn, a, &users, &memberships, &n) != KF_OK) {
		cli_error("user", N_("the database could not be read."), NULL);
		return CLI_FAIL;
	}
	for (size_t i = 0; i < n; i++)
		printf("%s\t%s\t%s%s\n", users[i].email, users[i].name, memberships[i],
		       users[i].disabled ? "\t(disabled)" : "");
	return CLI_OK;
}

static int user_passwd(struct store_conn *conn, struct arena *a, struct user_args *ua)
{
	char hash[KF_PASSWORD_HASH_LEN];
	struct user u;

	if (!ua->email || !ua->pw_stdin) {
		fputs(_(cli_lang(), help), stderr);
		return CLI_USAGE;
	}
	if (store_user_by_email(conn, a, ua->email, &u, NULL) != KF_OK) {
		cli_error("user", N_("there is no user with this email:"), ua->email);
		return CLI_FAIL;
	}
	if (read_hashed_password(hash) < 0)
		return CLI_USAGE;
	if (store_user_set_password(conn, u.id, hash) != KF_OK) {
		cli_error("user", N_("the database could not be written."), NULL);
		return CLI_FAIL;
	}
	printf(_(cli_lang(), "The password of %s was changed.\n"), u.email);
	return CLI_OK;
}

/* members: invitations: a one-time link, printed for the administrator to pass on */
static int user_invite(struct store_conn *conn, struct arena *a, struct user_args *ua)
{
	char token[KF_TOKEN_LEN], hash[KF_TOKEN_HASH_LEN], until[16];
	struct field_errors fe = { 0 };
	char base[256];
	struct invitation inv;
	long long org_id;
	struct org org;
	enum kf_err err;
	int days;

	if (!ua->email || !ua->org || !ua->role) {
		fputs(_(cli_lang(), help), stderr);
		return CLI_USAGE;
	}
	invitation_input(&inv, a, ua->email, ua->role, ua->days, &days, &fe);
	for (int i = 0; i < fe.n; i++)
		fprintf(stderr, "krisenfest user: --%s %s\n", strcmp(fe.e[i].field, "expires_in_days") == 0 ? "days" : fe.e[i].field,
			i18n_tr(cli_lang(), fe.e[i].msg));
	if (fe.n)
		return CLI_USAGE;
	if (cli_base_url("user", ua->base_url ? ua->base_url : "http://127.0.0.1:8080", base, sizeof(base)) < 0)
		return CLI_USAGE;
	if (parse_id(ua->org, &org_id) < 0 || store_org_get(conn, a, org_id, &org) != KF_OK) {
		cli_error("user", N_("there is no organisation with this id:"), ua->org);
		return CLI_FAIL;
	}
	kf_random_token(token);
	kf_token_hash(token, hash);
	err = store_invitation_create(conn, a, org_id, 0, &inv, hash, days, NULL);
	if (err == KF_EEXIST) {
		cli_error("user", N_("this email is already a member of the organisation:"), inv.email);
		return CLI_FAIL;
	}
	if (err) {
		cli_error("user", N_("the database could not be written."), NULL);
		return CLI_FAIL;
	}
	kf_date_iso(inv.expires_at, until);
	fprintf(stderr, _(cli_lang(), "Invitation for %s to \"%s\" as %s, valid until %s. Send this link (it works once):\n"),
		inv.email, org.name, member_role_name(inv.role), until);
	printf("%s/invite/%s\n", base, token);
	return CLI_OK;
}

int cmd_user(int argc, char **argv)
{
	struct store_conn *conn = NULL;
	struct store *store = NULL;
	struct user_args ua;
	struct arena *a = NULL;
	const char *verb;
	int rc = CLI_FAIL, p;

	if (argc < 2 || argv[1][0] == '-') {
		if (cli_wants_help(argc, argv)) {
			fputs(_(cli_lang(), help), stdout);
			return CLI_OK;
		}
		fputs(_(cli_lang(), help), stderr);
		return CLI_USAGE;
	}
	verb = argv[1];
	if (strcmp(verb, "add") != 0 && strcmp(verb, "list") != 0 && strcmp(verb, "passwd") != 0 &&
	    strcmp(verb, "invite") != 0) {
		fputs(_(cli_lang(), help), stderr);
		return CLI_USAGE;
	}
	p = parse_args(argc - 1, argv + 1, &ua);
	if (p)
		return p > 0 ? CLI_OK : CLI_USAGE;
	a = arena_new();
	store = a ? cli_open_store("user", ua.dir, 1) : NULL;
	if (!store || !(conn = store_conn_get(store)))
		goto out;
	if (strcmp(verb, "add") == 0)
		rc = user_add(conn, a, &ua);
	else if (strcmp(verb, "list") == 0)
		rc = user_list(conn, a);
	else if (strcmp(verb, "invite") == 0)
		rc = user_invite(conn, a, &ua);
	else
		rc = user_passwd(conn, a, &ua);
out:
	store_conn_put(conn);
	store_close(store);
	arena_free(a);
	return rc;
}
