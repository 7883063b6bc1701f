/* cli.h: the command table and helpers shared by the subcommands. */
#ifndef KF_CLI_H
#define KF_CLI_H

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
/* 1 when argv holds --help or -h. */
int cli_wants_help(int argc, char **argv);

int cmd_init(int argc, char **argv);
int cmd_serve(int argc, char **argv);
int cmd_org(int argc, char **argv);
int cmd_user(int argc, char **argv);
int cmd_token(int argc, char **argv);
int cmd_check(int argc, char **argv); /* plan check */
int cmd_remind(int argc, char **argv); /* notifications */

#endif
