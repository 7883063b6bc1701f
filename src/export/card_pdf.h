/* card_pdf.h: the IT-Notfallkarte, one A4 page for every workplace: the IT emergency number, what to do, what to
 * report, whom to call, and a QR code to the plan. */
#ifndef KF_CARD_PDF_H
#define KF_CARD_PDF_H

#include "../lib/err.h"
#include "../lib/i18n.h"
#include "../lib/strbuf.h"
#include "plan_doc.h"

/*
 * Renders the card of doc in lang and appends the PDF bytes (one A4 page) to
 * out. Without doc->base_url there is no QR code; without an alarm chain the
 * card says that the number is missing instead of printing one. With
 * doc->stamp.draft an "ENTWURF" watermark. Pure: reads only doc. Allocates
 * only while it runs. KF_OK, KF_ENOMEM, KF_ETOOBIG (out's cap) or KF_EIO.
 */
enum kf_err card_pdf_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);

#endif
