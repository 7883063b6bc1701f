/* cmd_import.c: `krisenfest import FILE`: reads a JSON export into an empty organisation, all or nothing. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "../export/plan_import.h"
#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "cli.h"
#include "../lib/banned.h"

static const char help[] = N_(
	"Usage: krisenfest import --data DIR --org ORG-ID FILE\n"
	"       krisenfest import --check FILE\n"
	"\n"
	"Reads a JSON export of an emergency plan (krisenfest export json) into\n"
	"an organisation that has no plan yet, for example one just made with\n"
	"krisenfest init or krisenfest org add. FILE \"-\" reads the standard input.\n"
	"The whole file is checked first; each bad value is named by its place\n"
	"in the file (sections.contacts[3].email). Either every item is imported\n"
	"or nothing is. The items get new ids; the history names no user.\n"
	"--check only checks the file and says how many items it holds; it needs\n"
	"no database. A few rules of the database (one runbook per IT system, ...)\n"
	"are checked by the import itself.\n"
	"\n"
	"Exit status: 0 imported, 1 refused or failed, 2 wrong usage.\n");

/* Prints every error of errs, one per line: "  path: message". */
static void print_errors(const struct plan_json_errors *errs, struct arena *a, enum kf_lang L)
{
	for (int i = 0; i < errs->n; i++) {
		const char *text = plan_json_error_text(a, L, &errs->e[i]);

		fprintf(stderr, "  %s: %s\n", *errs->e[i].path ? errs->e[i].path : "(document)", text ? text : "");
	}
	if (errs->dropped)
		fprintf(stderr, "  %d %s\n", errs->dropped, _(L, "more errors not listed"));
}

int cmd_import(int argc, char **argv)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					       { "org", required_argument, NULL, 'g' },
					       { "check", no_argument, NULL, 'c' },
					       { "help", no_argument, NULL, 'h' },
					       { NULL, 0, NULL, 0 } };
	static struct plan_json_errors errs; /* large: not on the stack */
	const char *dir = NULL, *org_arg = NULL, *file;
	enum kf_lang L = cli_lang();
	struct store_conn *conn = NULL;
	struct store *store = NULL;
	struct arena *a = NULL;
	json_error_t jerr;
	json_t *in = NULL;
	struct org org;
	char today[11];
	size_t items = 0;
	int c, check = 0, rc = CLI_USAGE;
	enum kf_err err;
	int64_t org_id = 0;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dir = optarg; break;
		case 'g': org_arg = optarg; break;
		case 'c': check = 1; break;
		case 'h': fputs(_(L, help), stdout); return CLI_OK;
		default: fputs(_(L, help), stderr); return CLI_USAGE;
		}
	}
	if (optind != argc - 1 || (check ? dir || org_arg : !dir || !org_arg)) {
		fputs(_(L, help), stderr);
		return CLI_USAGE;
	}
	file = argv[optind];
	if (!check && !(org_id = cli_org_arg("import", org_arg)))
		return CLI_USAGE;
	rc = CLI_FAIL;
	in = strcmp(file, "-") == 0 ? json_loadf(stdin, JSON_REJECT_DUPLICATES, &jerr)
				    : json_load_file(file, JSON_REJECT_DUPLICATES, &jerr);
	if (!in) {
		char where[320];

		snprintf(where, sizeof(where), "%s (%d:%d: %s)", file, jerr.line, jerr.column, jerr.text);
		cli_error("import", N_("the file cannot be read as JSON:"), where);
		goto out;
	}
	memset(&errs, 0, sizeof(errs));
	if (!(a = arena_new()))
		goto out;
	kf_date_iso(kf_now(), today);
	if (check) {
		err = plan_import_check(in, a, today, &errs, &items);
		if (err == KF_EINVAL) {
			cli_error("import", N_("the file has these errors:"), file);
			print_errors(&errs, a, L);
		} else if (err) {
			cli_error("import", N_("the file could not be checked:"), kf_strerror(err));
		} else {
			printf(_(L, "The file is fine: %zu items to import.\n"), items);
			rc = CLI_OK;
		}
		goto out;
	}
	if (cli_open_org("import", dir, org_id, org_arg, a, &store, &conn, &org) < 0)
		goto out;
	err = plan_import(conn, a, org_id, 0, in, today, &errs, &items);
	if (err == KF_EEXIST) {
		cli_error("import", N_("this organisation already has a plan; import only into an empty one (krisenfest org add makes one):"),
			  org.name);
	} else if (err == KF_EINVAL) {
		cli_error("import", N_("nothing was imported; the file has these errors:"), file);
		print_errors(&errs, a, L);
	} else if (err) {
		cli_error("import", N_("nothing was imported:"), kf_strerror(err));
	} else {
		printf(_(L, "%zu items imported into \"%s\".\n"), items, org.name);
		rc = CLI_OK;
	}
out:
	json_decref(in);
	store_conn_put(conn);
	store_close(store);
	arena_free(a);
	return rc;
}
