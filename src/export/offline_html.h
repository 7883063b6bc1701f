/* offline_html.h: the offline copy of the plan: one self-contained HTML file, optionally sealed with a passphrase. */
#ifndef KF_OFFLINE_HTML_H
#define KF_OFFLINE_HTML_H

#include "../lib/err.h"
#include "../lib/i18n.h"
#include "../lib/strbuf.h"
#include "plan_doc.h"

/*
 * Renders the whole plan of doc as one HTML5 document into out (appends):
 * inline CSS, no script, no request to anywhere (a Content-Security-Policy
 * of default-src 'none' says so to the browser), a table of contents with
 * in-page anchors, chapters in the order an emergency needs them, a print
 * stylesheet (each chapter on a new page, no navigation).
 *
 * With a passphrase (not NULL, not ""), that document is sealed
 * (offline_crypt.h: PBKDF2-HMAC-SHA256, 600,000 rounds, AES-256-GCM) and out
 * gets the small outer page instead: an explanation, the passphrase form,
 * the sealed bytes in data attributes and an inline script that opens them
 * with WebCrypto and replaces the page with the plan document. The layout
 * is docs/offline-format.md. Sealing is about 0.3 s of CPU: call it from a
 * worker (req_defer), never on an HTTP thread. The passphrase is not kept.
 *
 * KF_ENOMEM when out of memory or out's cap was hit; KF_EIO when OpenSSL
 * failed. out may hold a partial result on failure.
 */
enum kf_err offline_html_render(const struct plan_doc *doc, enum kf_lang lang, const char *passphrase,
				struct strbuf *out);

/* The same without the passphrase: the plain document, also what a sealed file holds. */
enum kf_err offline_html_document(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);

#endif
