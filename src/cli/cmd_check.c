/* cmd_check.c: `krisenfest check`: the Plan-Check of one organisation in the terminal (or as JSON). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "../core/plan_check.h"
#include "../lib/arena.h"
#include "../export/export.h"
#include "../store/store.h"
#include "cli.h"
#include "../lib/banned.h"

static const char help[] = N_(
	"Usage: krisenfest check --data DIR --org ORG-ID [--json]\n"
	"\n"
	"Runs the Plan-Check of an organisation: how complete each step of the\n"
	"emergency plan is, and one line per gap with the page where it is fixed.\n"
	"--json prints the same as GET /api/v1/orgs/ORG-ID/check.\n"
	"\n"
	"Exit status: 0 no gaps, 1 gaps found, 2 wrong usage or the check could not run.\n");

static void print_text(const struct plan_check *pc, struct arena *a, enum kf_lang L, int64_t org)
{
	printf(_(L, "Plan-Check: %d%% complete, gaps found: %zu\n"), pc->percent, pc->ngaps);
	for (int s = STEP_RISKS; s < STEP__MAX; s++) {
		const struct plan_step_score *sc = &pc->steps[s];
		const char *title = _(L, plan_step((enum plan_step)s)->title);

		if (sc->checks)
			printf(_(L, "Step %d, %s: %d%% (%zu of %zu checks passed)\n"), s, title, sc->percent, sc->passed,
			       sc->checks);
		else
			printf(_(L, "Step %d, %s: no checks yet\n"), s, title);
	}
	for (size_t i = 0; i < pc->ngaps; i++) {
		const struct plan_gap *g = &pc->gaps[i];
		const char *text = plan_gap_text(a, L, g), *href = plan_gap_href(a, org, g);

		printf("[%d] %s: %s → %s\n", (int)g->step, _(L, g->level == PLAN_WARNING ? "Warning" : "Gap"),
		       text ? text : g->msgid, href ? href : g->link);
	}
}

int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					       { "org", required_argument, NULL, 'o' },
					       { "json", no_argument, NULL, 'j' },
					       { "help", no_argument, NULL, 'h' },
					       { NULL, 0, NULL, 0 } };
	const char *dir = NULL, *org_arg = NULL;
	enum kf_lang L = cli_lang();
	struct store_conn *conn = NULL;
	struct store *store = NULL;
	struct arena *a = NULL;
	struct plan_data d;
	struct plan_check pc;
	struct org org;
	int c, json = 0, rc = CLI_USAGE;
	int64_t org_id;

	optind = 1;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dir = optarg; break;
		case 'o': org_arg = optarg; break;
		case 'j': json = 1; break;
		case 'h': fputs(_(L, help), stdout); return CLI_OK;
		default: fputs(_(L, help), stderr); return CLI_USAGE;
		}
	}
	if (optind < argc || !dir || !org_arg) {
		fputs(_(L, help), stderr);
		return CLI_USAGE;
	}
	if (!(org_id = cli_org_arg("check", org_arg)))
		return CLI_USAGE;
	a = arena_new();
	if (!a)
		goto out;
	if (cli_open_org("check", dir, org_id, org_arg, a, &store, &conn, &org) < 0)
		goto out;
	if (export_plan_load(conn, a, org_id, &d) != KF_OK || plan_check_run(&d, a, &pc) < 0) {
		cli_error("check", N_("the database could not be read."), NULL);
		goto out;
	}
	if (json) {
		json_t *obj = plan_check_to_json(&pc, a, L, org_id);
		char *s = obj ? json_dumps(obj, JSON_INDENT(2)) : NULL;

		json_decref(obj);
		if (!s) {
			cli_error("check", N_("out of memory."), NULL);
			goto out;
		}
		puts(s);
		free(s);
	} else {
		print_text(&pc, a, L, org_id);
	}
	rc = pc.ngaps ? CLI_FAIL : CLI_OK;
out:
	store_conn_put(conn);
	store_close(store);
	arena_free(a);
	return rc;
}
