/* wallet_pdf.h: wallet cards (credit-card size) per emergency role and one for all staff, ten per A4 sheet with cut
 * marks. */
#ifndef KF_WALLET_PDF_H
#define KF_WALLET_PDF_H

#include "../lib/err.h"
#include "../lib/i18n.h"
#include "../lib/strbuf.h"
#include "plan_doc.h"

/* The card size (ISO/IEC 7810 ID-1) in millimetres, and how many go on one A4 sheet. */
#define WALLET_W_MM	 85.6
#define WALLET_H_MM	 54.0
#define WALLET_COLS	 2
#define WALLET_ROWS	 5
#define WALLET_PER_SHEET (WALLET_COLS * WALLET_ROWS)

/* How many cards doc gives: one for all staff, then one per emergency role. */
int wallet_pdf_cards(const struct plan_doc *doc);

/*
 * Renders the wallet cards of doc in lang and appends the PDF bytes to out:
 * WALLET_PER_SHEET cards per A4 page (2 columns × 5 rows) with cut marks in
 * the margins, as many pages as needed. Each card: "IT-Notfall", the company,
 * the IT emergency number, and the card's role with its duties (shrunk to fit,
 * cut with "…" when still too long) or, on the card for all staff, the first
 * steps and whom to call. Pure: reads only doc. KF_OK, KF_ENOMEM, KF_ETOOBIG
 * or KF_EIO.
 */
enum kf_err wallet_pdf_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);

#endif
