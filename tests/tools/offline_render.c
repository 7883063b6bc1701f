/* offline_render.c: test tool: writes the offline copy of an organisation's plan (plain, or sealed with a passphrase). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/export/offline_html.h"
#include "../../src/export/plan_doc.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/i18n.h"
#include "../../src/store/store.h"
#include "../../src/lib/banned.h"

/*
 * usage: offline_render [--lang de|en] [--base-url URL] DBFILE ORGID OUT.html [PASSPHRASE [PLAIN.html]]
 *
 * Loads the working state of ORGID from DBFILE and writes the offline copy
 * to OUT.html: plain, or with PASSPHRASE sealed. PLAIN.html (with a
 * passphrase) also gets the plain document of the same load, so a test can
 * compare it with what the sealed file opens to (the stamp's time is the same).
 */

static int write_file(const char *path, const struct strbuf *sb)
{
	FILE *f = fopen(path, "wb");
	int ok;

	if (!f)
		return -1;
	ok = fwrite(sb->buf, 1, sb->len, f) == sb->len;
	return fclose(f) == 0 && ok ? 0 : -1;
}

int main(int argc, char **argv)
{
	enum kf_lang lang = KF_LANG_DE;
	const char *base_url = NULL;
	struct store *store = NULL;
	struct store_conn *conn = NULL;
	struct arena *a = NULL;
	struct plan_doc doc;
	struct strbuf out, plain;
	int i = 1, rc = 1;
	long long org;
	char *end;

	for (; i < argc && strncmp(argv[i], "--", 2) == 0; i += 2) {
		if (i + 1 >= argc)
			goto usage;
		if (strcmp(argv[i], "--lang") == 0)
			lang = strcmp(argv[i + 1], "en") == 0 ? KF_LANG_EN : KF_LANG_DE;
		else if (strcmp(argv[i], "--base-url") == 0)
			base_url = argv[i + 1];
		else
			goto usage;
	}
	if (argc - i < 3 || argc - i > 5)
		goto usage;
	errno = 0;
	org = strtoll(argv[i + 1], &end, 10);
	if (errno || *end || org <= 0)
		goto usage;
	sb_init(&out, STRBUF_DEFAULT_MAX);
	sb_init(&plain, STRBUF_DEFAULT_MAX);
	if (i18n_init() < 0 || !(a = arena_new()) || store_open(argv[i], &store) != KF_OK ||
	    !(conn = store_conn_get(store))) {
		fprintf(stderr, "offline_render: cannot open %s\n", argv[i]);
		goto out;
	}
	if (plan_doc_load_working(conn, a, org, base_url, &doc) != KF_OK) {
		fprintf(stderr, "offline_render: cannot load organisation %lld\n", org);
		goto out;
	}
	if (offline_html_render(&doc, lang, argc - i >= 4 ? argv[i + 3] : NULL, &out) != KF_OK ||
	    write_file(argv[i + 2], &out) < 0) {
		fprintf(stderr, "offline_render: cannot render or write %s\n", argv[i + 2]);
		goto out;
	}
	if (argc - i == 5 && (offline_html_document(&doc, lang, &plain) != KF_OK || write_file(argv[i + 4], &plain) < 0)) {
		fprintf(stderr, "offline_render: cannot render or write %s\n", argv[i + 4]);
		goto out;
	}
	printf("bytes %zu\n", out.len);
	rc = 0;
out:
	sb_release(&out);
	sb_release(&plain);
	store_conn_put(conn);
	store_close(store);
	arena_free(a);
	i18n_release();
	return rc;
usage:
	fputs("usage: offline_render [--lang de|en] [--base-url URL] DBFILE ORGID OUT.html [PASSPHRASE [PLAIN.html]]\n",
	      stderr);
	return 2;
}
