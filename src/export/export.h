/* export.h: the table of export kinds (JSON, CSV per register, vCard, later PDF, card, ...) and the stamp every export carries. */
#ifndef KF_EXPORT_H
#define KF_EXPORT_H

#include <stddef.h>
#include <jansson.h>

#include "../lib/err.h"
#include "../lib/i18n.h"
#include "../lib/strbuf.h"
#include "plan_doc.h"

/* Renders doc into out (appends). KF_ENOMEM when out failed; never a partial success. */
typedef enum kf_err (*export_render_fn)(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
/*
 * Renders doc sealed with passphrase (never NULL or "", checked by
 * validate_passphrase) into out. The passphrase is neither kept nor logged.
 * Slow (key derivation): only ever on a worker.
 */
typedef enum kf_err (*export_seal_fn)(const struct plan_doc *doc, enum kf_lang lang, const char *passphrase,
				      struct strbuf *out);

/* How one export is made, beyond its kind: the same for the API, the download page and the CLI. */
struct export_opts {
	int bom;                /* 1: a CSV starts with a UTF-8 byte order mark (only kinds with bom_option) */
	const char *passphrase; /* NULL or "": plain; else sealed (only kinds with render_sealed) */
};

/* One export kind: a row of the table in export.c. */
struct export_kind {
	const char *name;     /* in URLs and on the command line: "json", "contacts.vcf", "risks.csv" */
	const char *label;    /* English message id of its name ("Contacts for phones (vCard)") */
	const char *purpose;  /* English message id: one plain sentence what it is for */
	const char *mime;     /* Content-Type */
	const char *file_ext; /* "json", "vcf", "csv": file name "{org}-{stem}-{date}.{ext}" */
	const char *file_stem; /* "notfallplan", "kontakte", "risiken" */
	int approved_default;  /* 1: prints the approved version unless the working state is asked for */
	int needs_typed;       /* 1: reads the typed registers (refused for an approved version whose snapshot does not read) */
	int bom_option;        /* 1: may start with a UTF-8 byte order mark for Excel (CSV) */
	export_render_fn render;
	export_seal_fn render_sealed; /* NULL: the kind cannot be sealed with a passphrase */
};

/* Every kind, in the order the download page shows them; *n_r is the count. */
const struct export_kind *export_kinds(size_t *n_r);
/* The kind with this name, or NULL. */
const struct export_kind *export_kind_find(const char *name);

/*
 * Loads the document an export of kind k prints: with approved 1 the newest
 * approved version (KF_ENOTFOUND when none), else the working state; then
 * computes the stamp's hash. Everything in a.
 */
enum kf_err export_doc_load(struct store_conn *c, struct arena *a, int64_t org, const char *base_url, int approved,
			    struct plan_doc *doc);

/*
 * The stamp hash: the first 12 hex digits of SHA-256 over the canonical JSON
 * of the document (export_json_doc: sorted keys, compact, stamp without
 * made_at and hash, computed and bookkeeping fields left out). 0 or -1 (out of memory).
 */
int export_stamp_hash(const struct plan_doc *doc, char out[13]);

/*
 * Sets stamp_stale of every copy with a noted stamp: 1 when it is neither
 * working nor approved (a copy of the newest approved version is current).
 */
void export_copies_mark(struct plan_copy *copies, size_t n, const char *working, const char *approved);
/*
 * wire: the copies register and the stamp. Marks the copies (export_copies_mark)
 * against the stamps of the working state and of the newest approved version;
 * loads and hashes both documents, only when a copy has a stamp: not free, once
 * per page and on a worker.
 */
enum kf_err export_copies_check(struct store_conn *c, struct arena *a, int64_t org, struct plan_copy *copies, size_t n);
/*
 * What the Plan-Check reads, the same for the pages, the API and the command
 * line: store_plan_load with the copies' stamps compared (export_copies_check).
 */
enum kf_err export_plan_load(struct store_conn *c, struct arena *a, int64_t org, struct plan_data *d);

/*
 * Renders kind k of doc into out: with opts->bom (and k->bom_option) a UTF-8
 * byte order mark first; with opts->passphrase (not "") sealed by
 * k->render_sealed. opts may be NULL (plain, no mark). KF_EINVAL when k
 * needs the typed registers and doc has none (an approved version whose
 * snapshot does not read, see plan_doc.h); KF_EPERM when a passphrase is given for a
 * kind that cannot be sealed (callers refuse that before, naming the field).
 */
enum kf_err export_render(const struct export_kind *k, const struct plan_doc *doc, enum kf_lang lang,
			  const struct export_opts *opts, struct strbuf *out);

/* Which state of the plan an export prints: the kind's default, the approved version, or the working state. */
enum export_choice { EXPORT_DEFAULT, EXPORT_APPROVED, EXPORT_DRAFT };
/* "approved", "draft", "" or NULL (default) into *c_r: 0, or -1 for anything else. */
int export_choice_parse(const char *s, enum export_choice *c_r);

/*
 * Loads the document (export_doc_load) and renders k into out: the one path
 * of the API, the download page and the CLI. A kind whose default is the
 * approved version prints the working state while none is approved.
 * KF_ENOTFOUND: the approved version was asked for but none is approved yet;
 * KF_EINVAL: k needs the typed registers and the approved snapshot does not
 * read (needs_typed).
 */
enum kf_err export_make(struct store_conn *c, struct arena *a, int64_t org, const char *base_url,
			const struct export_kind *k, enum export_choice choice, enum kf_lang lang,
			const struct export_opts *opts, struct plan_doc *doc, struct strbuf *out);

/*
 * "baeckerei-beispiel-kontakte-2025-03-01.vcf": the download's file name
 * (ASCII), in a; a sealed file gets "-verschluesselt" before the date. NULL
 * when out of memory.
 */
const char *export_file_name(struct arena *a, const struct export_kind *k, const struct plan_doc *doc, int sealed);

/* "v3 · 2025-03-01 · 1a2b3c4d5e6f" or "Entwurf · ... ": the stamp in one line, in a (NULL out of memory). */
const char *export_stamp_line(struct arena *a, const struct plan_doc *doc, enum kf_lang lang);

/* The JSON export (export_json.c): the whole document; with volatile_parts 0 without made_at and hash. NULL when out of memory. */
json_t *export_json_doc(const struct plan_doc *doc, int volatile_parts);

/* Renderers (one file each). */
enum kf_err export_json_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_vcard_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);

/* CSV (export_csv.c): RFC 4180 field, quoted when it holds , " CR or LF; quotes doubled. */
void csv_field(struct strbuf *out, const char *s);
/* One CSV renderer per register (export_csv.c). */
enum kf_err export_csv_risks(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_processes(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_systems(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_contacts(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_roles(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_alarm_steps(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_backups(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_restore_tests(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_runbooks(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_workarounds(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_copies(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_acks(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_templates(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_exercises(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);
enum kf_err export_csv_findings(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);

/* xlsx: every register in one Excel workbook (export_xlsx.c), the kind EXPORT_XLSX_KIND. */
#define EXPORT_XLSX_KIND "registers.xlsx"
enum kf_err export_xlsx_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out);

/* vCard (export_vcard.c): appends "NAME:value" escaped (RFC 6350 3.4) and folded at 75 octets, with CRLF. */
void vcard_line(struct strbuf *out, const char *name, const char *value);
/* The same for a structured value: the parts are escaped one by one and joined with ';'. */
void vcard_line_parts(struct strbuf *out, const char *name, const char *const *parts, size_t nparts);

#endif
