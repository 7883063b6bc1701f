/* cli.c: dispatches `krisenfest COMMAND`, prints help, and holds helpers for the subcommands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../lib/strbuf.h"
#include "../store/store.h"
#include "cli.h"
#include "../lib/banned.h"

struct command {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
#define CMD(name, fn, summary) { name, fn, summary },
#include "commands.def"
#undef CMD
};

enum kf_lang cli_lang(void)
{
	const char *vars[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

	for (size_t i = 0; i < sizeof(vars) / sizeof(vars[0]); i++) {
		const char *v = getenv(vars[i]);

		if (v && *v && strcmp(v, "C") != 0 && strncmp(v, "C.", 2) != 0 && strcmp(v, "POSIX") != 0)
			return strncmp(v, "en", 2) == 0 ? KF_LANG_EN : KF_LANG_DE;
	}
	return KF_LANG_DE;
}

void cli_error(const char *cmd, const char *msgid, const char *detail)
{
	fprintf(stderr, "krisenfest %s: %s%s%s\n", cmd, i18n_tr(cli_lang(), msgid), detail ? " " : "",
		detail ? detail : "");
}

char *cli_read_password(void)
{
	struct strbuf sb;
	int ch;

	sb_init(&sb, 4096);
	while ((ch = getchar()) != EOF && ch != '\n')
		if (sb_addc(&sb, (char)ch) < 0)
			break;
	if (sb.failed) {
		sb_release(&sb);
		return NULL;
	}
	if (sb.len && sb.buf[sb.len - 1] == '\r')
		sb.buf[--sb.len] = '\0';
	return sb_detach(&sb, NULL);
}

/* Creates dir and its missing parents (mode 0700). 0 or -1. */
static int mkdir_p(const char *dir)
{
	struct strbuf path;
	struct stat st;
	int rc = 0;

	sb_init(&path, 4096);
	if (sb_adds(&path, dir) < 0) {
		sb_release(&path);
		return -1;
	}
	for (char *p = path.buf + 1; rc == 0; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char saved = *p;

		*p = '\0';
		if (mkdir(path.buf, 0700) != 0 && (stat(path.buf, &st) != 0 || !S_ISDIR(st.st_mode)))
			rc = -1;
		*p = saved;
		if (saved == '\0')
			break;
	}
	sb_release(&path);
	return rc;
}

int cli_base_url(const char *cmd, const char *url, char *buf, size_t len)
{
	size_t n = strlen(url);

	if ((strncmp(url, "http://", 7) != 0 && strncmp(url, "https://", 8) != 0) || n >= len ||
	    strpbrk(url, " \t\r\n")) {
		cli_error(cmd, N_("--base-url must look like https://plan.example.de, not:"), url);
		return -1;
	}
	while (n > 8 && url[n - 1] == '/')
		n--;
	memcpy(buf, url, n);
	buf[n] = '\0';
	return 0;
}

struct store *cli_open_store(const char *cmd, const char *dir, int must_exist)
{
	struct store *s = NULL;
	struct strbuf path;
	struct stat st;

	if (!dir || !*dir) {
		cli_error(cmd, N_("needs --data DIR (the folder that holds the database)."), NULL);
		return NULL;
	}
	sb_init(&path, 4096);
	sb_addf(&path, "%s/krisenfest.db", dir);
	if (must_exist && stat(path.buf, &st) != 0) {
		cli_error(cmd, N_("there is no krisenfest database in this folder:"), dir);
		goto out;
	}
	if (!must_exist && mkdir_p(dir) != 0) {
		cli_error(cmd, N_("cannot create the data folder:"), dir);
		goto out;
	}
	if (store_open(path.buf, &s) != KF_OK) {
		cli_error(cmd, N_("cannot open the database:"), path.buf);
		s = NULL;
	}
out:
	sb_release(&path);
	return s;
}

int64_t cli_org_arg(const char *cmd, const char *s)
{
	int64_t id = cli_parse_org(s);

	if (!id)
		cli_error(cmd, N_("--org needs the id of an organisation (krisenfest org list shows them):"), s);
	return id;
}

int cli_open_org(const char *cmd, const char *dir, int64_t org_id, const char *org_arg, struct arena *a,
		 struct store **store_r, struct store_conn **conn_r, struct org *org_r)
{
	enum kf_err err;

	*store_r = cli_open_store(cmd, dir, 1);
	if (!*store_r || !(*conn_r = store_conn_get(*store_r)))
		return -1;
	err = store_org_get(*conn_r, a, org_id, org_r);
	if (err == KF_ENOTFOUND)
		cli_error(cmd, N_("there is no organisation with this id:"), org_arg);
	else if (err)
		cli_error(cmd, N_("the database could not be read."), NULL);
	return err ? -1 : 0;
}

int64_t cli_parse_org(const char *s)
{
	char *end;
	long long v;

	if (!s || *s < '0' || *s > '9')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v <= 0)
		return 0;
	return (int64_t)v;
}

int cli_wants_help(int argc, char **argv)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
			return 1;
	return 0;
}

static void usage(FILE *f)
{
	enum kf_lang L = cli_lang();

	fprintf(f, "%s\n\n", _(L, "krisenfest: the IT emergency plan of your company, built together."));
	fprintf(f, "%s\n", _(L, "Usage: krisenfest COMMAND [OPTIONS]   (krisenfest COMMAND --help for details)"));
	fprintf(f, "\n%s\n", _(L, "Commands:"));
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, i18n_tr(L, commands[i].summary));
}

int cli_main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return CLI_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0) {
		usage(stdout);
		return CLI_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("krisenfest %s\n", KF_VERSION);
		return CLI_OK;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	cli_error(argv[1], N_("is not a command. See krisenfest --help."), NULL);
	return CLI_USAGE;
}
