/* cmd_export.c: `krisenfest export KIND`: writes one export (JSON, CSV, vCard, ...) of an organisation to a file. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "../core/passphrase.h"
#include "../export/export.h"
#include "../export/pdf_text.h"
#include "../lib/arena.h"
#include "../store/store.h"
#include "cli.h"
#include "../lib/banned.h"

static const char help[] = N_(
	"Usage: krisenfest export KIND --data DIR --org ORG-ID [-o FILE] [--approved | --draft] [--bom]\n"
	"                         [--passphrase-file FILE | --passphrase-stdin] [--base-url URL]\n"
	"       krisenfest export --list\n"
	"\n"
	"Writes one export of the emergency plan: the whole plan as JSON, the\n"
	"contacts as vCard, each register as CSV. -o FILE names the file (\"-\" or\n"
	"nothing: the terminal). --approved prints the approved version, --draft\n"
	"the working state; without either the kind's default is printed. --bom\n"
	"starts a CSV file with a byte order mark, so Excel reads the umlauts.\n"
	"--passphrase-file FILE (or --passphrase-stdin) locks the offline copy\n"
	"(offline.html) with the passphrase in the first line of FILE (or of the\n"
	"standard input); at least 12 characters. It is never an argument, so it\n"
	"does not show up in the process list or the shell history.\n"
	"--base-url URL is the address people open (https://plan.example.de): the\n"
	"QR code of the emergency card (card.pdf) leads there; without it the card\n"
	"has no QR code.\n"
	"The stamp (version, date, short hash) is printed on stderr.\n"
	"--list shows every kind.\n"
	"\n"
	"Exit status: 0 written, 1 refused or failed, 2 wrong usage.\n");

static void list_kinds(enum kf_lang L)
{
	size_t n;
	const struct export_kind *k = export_kinds(&n);

	for (size_t i = 0; i < n; i++)
		printf("%-22s %s\n", k[i].name, _(L, k[i].label));
}

/*
 * Reads the passphrase: the first line of path ("-": standard input),
 * without its line end, into buf. 0, or -1 when it cannot be read or is
 * longer than buf holds.
 */
static int read_passphrase(const char *path, char *buf, size_t len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	size_t n;
	int ok;

	if (!f)
		return -1;
	ok = fgets(buf, (int)len, f) != NULL;
	if (f != stdin)
		fclose(f);
	if (!ok)
		buf[0] = '\0';
	n = strlen(buf);
	if (n == len - 1 && buf[n - 1] != '\n')
		return -1; /* longer than any allowed passphrase */
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	return 0;
}

static int write_file(const char *path, const struct strbuf *out)
{
	FILE *f = (!path || strcmp(path, "-") == 0) ? stdout : fopen(path, "wb");
	int ok;

	if (!f)
		return -1;
	ok = fwrite(out->buf, 1, out->len, f) == out->len;
	if (f == stdout)
		ok = fflush(f) == 0 && ok;
	else
		ok = fclose(f) == 0 && ok;
	return ok ? 0 : -1;
}

int cmd_export(int argc, char **argv)
{
	static const struct option opts[] = { { "data", required_argument, NULL, 'd' },
					       { "org", required_argument, NULL, 'g' },
					       { "output", required_argument, NULL, 'o' },
					       { "approved", no_argument, NULL, 'a' },
					       { "draft", no_argument, NULL, 'w' },
					       { "bom", no_argument, NULL, 'b' },
					       { "list", no_argument, NULL, 'l' },
					       { "passphrase-file", required_argument, NULL, 'p' },
					       { "passphrase-stdin", no_argument, NULL, 's' },
					       { "base-url", required_argument, NULL, 'u' },
					       { "help", no_argument, NULL, 'h' },
					       { NULL, 0, NULL, 0 } };
	const char *dir = NULL, *org_arg = NULL, *file = NULL, *pass_file = NULL, *base_arg = NULL;
	char base_url[256] = "";
	/* 4 bytes per code point at most, the line end, the NUL */
	static char pass[PASSPHRASE_MAX * 4 + 3];
	struct export_opts eo = { 0, NULL };
	struct field_errors fe = { 0 };
	enum export_choice choice = EXPORT_DEFAULT;
	enum kf_lang L = cli_lang();
	const struct export_kind *k;
	struct store_conn *conn = NULL;
	struct store *store = NULL;
	struct arena *a = NULL;
	struct plan_doc doc;
	struct strbuf out;
	struct org org;
	int c, bom = 0, list = 0, both = 0, rc = CLI_USAGE;
	enum kf_err err;
	int64_t org_id;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd': dir = optarg; break;
		case 'g': org_arg = optarg; break;
		case 'o': file = optarg; break;
		case 'a': both |= choice == EXPORT_DRAFT; choice = EXPORT_APPROVED; break;
		case 'w': both |= choice == EXPORT_APPROVED; choice = EXPORT_DRAFT; break;
		case 'b': bom = 1; break;
		case 'l': list = 1; break;
		case 'p': both |= pass_file != NULL; pass_file = optarg; break;
		case 's': both |= pass_file != NULL; pass_file = "-"; break;
		case 'u': base_arg = optarg; break;
		case 'h': fputs(_(L, help), stdout); return CLI_OK;
		default: fputs(_(L, help), stderr); return CLI_USAGE;
		}
	}
	eo.bom = bom;
	if (list) {
		list_kinds(L);
		return CLI_OK;
	}
	if (optind != argc - 1 || !dir || !org_arg || both) {
		fputs(_(L, help), stderr);
		return CLI_USAGE;
	}
	k = export_kind_find(argv[optind]);
	if (!k) {
		cli_error("export", N_("there is no such export (krisenfest export --list shows them):"), argv[optind]);
		return CLI_USAGE;
	}
	if (bom && !k->bom_option) {
		cli_error("export", N_("--bom is only for CSV files, not for:"), k->name);
		return CLI_USAGE;
	}
	if (pass_file && !k->render_sealed) {
		cli_error("export", N_("only the offline copy can be locked with a passphrase, not:"), k->name);
		return CLI_USAGE;
	}
	if (base_arg && cli_base_url("export", base_arg, base_url, sizeof(base_url)) < 0)
		return CLI_USAGE;
	if (!(org_id = cli_org_arg("export", org_arg)))
		return CLI_USAGE;
	if (pass_file) {
		if (read_passphrase(pass_file, pass, sizeof(pass)) < 0) {
			cli_error("export", N_("cannot read the passphrase from:"), pass_file);
			return CLI_FAIL;
		}
		if (validate_passphrase(&fe, "passphrase", pass) < 0) {
			sodium_memzero(pass, sizeof(pass));
			cli_error("export", N_("the passphrase:"), _(L, fe_get(&fe, "passphrase")));
			return CLI_USAGE;
		}
		eo.passphrase = pass;
	}
	sb_init(&out, STRBUF_DEFAULT_MAX);
	rc = CLI_FAIL;
	a = arena_new();
	if (!a)
		goto out;
	if (cli_open_org("export", dir, org_id, org_arg, a, &store, &conn, &org) < 0)
		goto out;
	err = export_make(conn, a, org_id, base_url, k, choice, L, &eo, &doc, &out);
	if (err == KF_ENOTFOUND) {
		cli_error("export", N_("no version of the plan has been approved yet; export the working state with --draft."), NULL);
		goto out;
	}
	if (err == KF_EINVAL) {
		cli_error("export", N_("this export can only print the working state for now; use --draft:"), k->name);
		goto out;
	}
	if (err) {
		cli_error("export", N_("the export could not be made:"), kf_strerror(err));
		goto out;
	}
	if (write_file(file, &out) < 0) {
		cli_error("export", N_("cannot write the file:"), file);
		goto out;
	}
	fprintf(stderr, "%s\n", export_stamp_line(a, &doc, L));
	rc = CLI_OK;
out:
	sodium_memzero(pass, sizeof(pass));
	sb_release(&out);
	store_conn_put(conn);
	store_close(store);
	arena_free(a);
	pdf_text_release_process_caches(); /* the command ends: a leak check sees only our own memory */
	return rc;
}
