/* cli.h: the command table and helpers shared by the subcommands. */
#ifndef KF_CLI_H
#define KF_CLI_H

#include <stdint.h>

#include "../lib/i18n.h"

struct store;

/* Exit codes: 0 ok, 1 refused or failed, 2 wrong usage. */
enum { CLI_OK = 0, CLI_FAIL = 1, CLI_USAGE = 2 };

int cli_main(int argc, char **argv);
/* German unless LANGUAGE/LC_ALL/LANG ask for English. */
enum kf_lang cli_lang(void);
/* Prints "krisenfest CMD: message" to stderr; msgid is translated. */
void cli_error(const char *cmd, const char *msgid, const char *detail);
/* Reads one line (the password) from stdin without its newline. Allocates (free()). */
char *cli_read_password(void);
/* Opens DIR/krisenfest.db; with must_exist, refuses a directory without a database. */
struct store *cli_open_store(const char *cmd, const char *dir, int must_exist);
/*
 * Checks a --base-url (http:// or https://, no spaces, shorter than len) and
 * copies it without trailing slashes into buf: 0, or -1 after saying what is
 * wrong on stderr.
 */
int cli_base_url(const char *cmd, const char *url, char *buf, size_t len);
/* The organisation id of --org, or 0 when it is no positive whole number. */
int64_t cli_parse_org(const char *s);
/* cli_parse_org, saying on stderr what --org needs when it is 0. */
int64_t cli_org_arg(const char *cmd, const char *s);
struct org;
struct arena;
struct store_conn;
/*
 * Opens DIR's database and a connection, and reads organisation org_id into
 * org_r: 0, or -1 after saying what is wrong (no database, no such
 * organisation: org_arg, as typed). The caller puts back what it got.
 */
int cli_open_org(const char *cmd, const char *dir, int64_t org_id, const char *org_arg, struct arena *a,
		 struct store **store_r, struct store_conn **conn_r, struct org *org_r);
/* 1 when argv holds --help or -h. */
int cli_wants_help(int argc, char **argv);

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_org(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_check(int argc, char **argv); /* plan check */
int cmd_remind(int argc, char **argv); /* notifications */
int cmd_export(int argc, char **argv); /* exports */
int cmd_import(int argc, char **argv); /* exports: re-import */

struct arena;
struct store_conn;
/*
 * Fills organisation org with the demo company (demo.c), every item through
 * its core validator and the store as a user's input; actor writes the
 * history. today is YYYY-MM-DD (dates lie relative to it). 0, or -1 after
 * printing which item was refused and why (the caller drops the database).
 */
int demo_fill(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *today);

#endif
