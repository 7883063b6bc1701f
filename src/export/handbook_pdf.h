/* handbook_pdf.h: the Notfallhandbuch (IT emergency handbook) of a plan document as a print-ready A4 PDF. */
#ifndef KF_HANDBOOK_PDF_H
#define KF_HANDBOOK_PDF_H

#include "../lib/err.h"
#include "../lib/i18n.h"
#include "../lib/strbuf.h"
#include "plan_doc.h"

/*
 * Renders the handbook of doc in lang and appends the PDF bytes to out:
 * cover, contents with page numbers, the chapters in the order an emergency
 * needs them and the appendices; header and footer with version, date and
 * "page x of y" on every page but the cover; with doc->stamp.draft an
 * "ENTWURF" watermark on every page. Pure: reads only doc (no store, no
 * clock). Allocates only while it runs. KF_OK, KF_ENOMEM, KF_ETOOBIG (out's
 * cap) or KF_EIO (cairo failed).
 */
enum kf_err handbook_pdf_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);

#define HANDBOOK_CHAPTERS 15

/* What the layout gave, for tests and the export's log: pages, and each chapter's title and first page. */
struct handbook_layout {
	int npages;
	const char *number[HANDBOOK_CHAPTERS]; /* "1" .. "9", "A" .. "F" */
	const char *title[HANDBOOK_CHAPTERS];  /* translated, static (catalogue) */
	int page[HANDBOOK_CHAPTERS];           /* 1-based, the cover is page 1 */
};

/* handbook_pdf_render that also fills lay_r (may be NULL). */
enum kf_err handbook_pdf_render_layout(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out,
				       struct handbook_layout *lay_r);

#endif
