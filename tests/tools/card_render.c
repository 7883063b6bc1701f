/* card_render.c: test tool: renders the IT-Notfallkarte and the wallet cards of an organisation to PDF files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <pango/pangocairo.h>

#include "../../src/export/card_pdf.h"
#include "../../src/export/pdf_text.h"
#include "../../src/export/plan_doc.h"
#include "../../src/export/wallet_pdf.h"
#include "../../src/lib/arena.h"
#include "../../src/lib/i18n.h"
#include "../../src/lib/secret.h"
#include "../../src/store/store.h"
#include "../../src/lib/banned.h"

/*
 * usage: card_render [--lang de|en] [--approved] [--base-url URL] DBFILE ORGID CARD.pdf WALLET.pdf
 *
 * Prints "url URL" (the plan's address in the QR code, "-" for none), "cards N" and "sheets N" (of the wallet
 * cards). --approved prints the stamp of an approved version 7 instead of the draft.
 */

static int usage(void)
{
	fprintf(stderr, "usage: card_render [--lang de|en] [--approved] [--base-url URL] DBFILE ORGID CARD.pdf WALLET.pdf\n");
	return 2;
}

static int write_file(const char *path, const struct strbuf *sb)
{
	FILE *f = fopen(path, "wb");

	if (!f || fwrite(sb->buf, 1, sb->len, f) != sb->len || fclose(f) != 0) {
		fprintf(stderr, "card_render: cannot write %s\n", path);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	enum kf_lang lang = KF_LANG_DE;
	struct store *store = NULL;
	struct store_conn *conn = NULL;
	struct arena *a = NULL;
	struct plan_doc doc;
	struct strbuf card, wallet;
	const char *base_url = NULL;
	int approved = 0, rc = 1, i = 1, ncards;
	enum kf_err err;

	for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
		if (strcmp(argv[i], "--lang") == 0 && i + 1 < argc)
			lang = strcmp(argv[++i], "en") == 0 ? KF_LANG_EN : KF_LANG_DE;
		else if (strcmp(argv[i], "--approved") == 0)
			approved = 1;
		else if (strcmp(argv[i], "--base-url") == 0 && i + 1 < argc)
			base_url = argv[++i];
		else
			return usage();
	}
	if (argc - i != 4)
		return usage();
	if (kf_secret_init() < 0 || i18n_init() < 0 || !(a = arena_new()))
		return 1;
	sb_init(&card, (size_t)16 << 20);
	sb_init(&wallet, (size_t)16 << 20);
	if (store_open(argv[i], &store) != KF_OK || !(conn = store_conn_get(store))) {
		fprintf(stderr, "card_render: cannot open %s\n", argv[i]);
		goto out;
	}
	err = plan_doc_load_working(conn, a, strtoll(argv[i + 1], NULL, 10), base_url, &doc);
	if (err) {
		fprintf(stderr, "card_render: loading the plan: %s\n", kf_strerror(err));
		goto out;
	}
	if (approved) {
		doc.stamp.draft = 0;
		doc.stamp.plan_version = 7;
		doc.stamp.approved_at = "2026-11-20";
		doc.stamp.approved_by = "Erika Mustermann";
	}
	memcpy(doc.stamp.hash, "5f3a9c0e21d7", 13);
	if ((err = card_pdf_render(&doc, lang, &card)) || (err = wallet_pdf_render(&doc, lang, &wallet))) {
		fprintf(stderr, "card_render: rendering: %s\n", kf_strerror(err));
		goto out;
	}
	ncards = wallet_pdf_cards(&doc);
	printf("url %s\ncards %d\nsheets %d\n", *doc.base_url ? doc.base_url : "-", ncards,
	       (ncards + WALLET_PER_SHEET - 1) / WALLET_PER_SHEET);
	if (write_file(argv[i + 2], &card) < 0 || write_file(argv[i + 3], &wallet) < 0)
		goto out;
	rc = 0;
out:
	sb_release(&card);
	sb_release(&wallet);
	store_conn_put(conn);
	store_close(store);
	arena_free(a);
	i18n_release();
	pdf_text_release_process_caches();
	return rc;
}
