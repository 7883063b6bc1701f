/* export.c: the table of export kinds, loading the document an export prints, its stamp hash and file name. */
#include <ctype.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "../store/store.h"
#include "card_pdf.h"
#include "handbook_pdf.h"
#include "wallet_pdf.h"
#include "offline_html.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/banned.h"

#define CSV_KIND(name, label, purpose, stem, fn) \
	{ name, label, purpose, "text/csv; charset=utf-8", "csv", stem, 0, 1, 1, fn }

/* The offline copy as a kind: plain, or sealed with a passphrase. */
static enum kf_err offline_plain(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out)
{
	return offline_html_document(doc, lang, out);
}

/*
 * Every export. A new format is one row (and its renderer). The PDF handbook,
 * the emergency card, the offline copy, iCalendar and XLSX follow.
 */
static const struct export_kind kinds[] = {
	/* exports: handbook (PDF) */
	{ "handbook.pdf", N_("Emergency handbook (PDF)"),
	  N_("The whole plan to print for the emergency binder, in the order you need it when the IT is down."),
	  "application/pdf", "pdf", "notfallhandbuch", 1, 1, 0, handbook_pdf_render }, /* approved: the approved version by default */
	{ "card.pdf", N_("IT emergency card (PDF)"),
	  N_("One page for every workplace: the IT emergency number, what to do first, what to report, whom to call."),
	  "application/pdf", "pdf", "notfallkarte", 1, 1, 0, card_pdf_render },
	{ "wallet-cards.pdf", N_("Wallet cards (PDF)"),
	  N_("Credit-card sized cards for the wallet, one per emergency role and one for all staff, ten per sheet with cut marks."),
	  "application/pdf", "pdf", "taschenkarten", 1, 1, 0, wallet_pdf_render },
	/* wire: the offline copy (plain, or sealed with a passphrase) */
	{ "offline.html", N_("Offline copy (HTML)"),
	  N_("The whole plan as one file that opens in any browser without the server, for a USB stick or a cloud folder."),
	  "text/html; charset=utf-8", "html", "offline-kopie", 1, 1, 0, offline_plain, offline_html_render },
	{ "json", N_("Everything as JSON"),
	  N_("The whole plan in one file, for a backup of its content or to move it to another krisenfest server."),
	  "application/json", "json", "notfallplan", 0, 0, 0, export_json_render },
	{ "contacts.vcf", N_("Contacts for phones (vCard)"),
	  N_("All contacts of the plan for the address book of a phone or the e-mail program, so the numbers are at hand without the server."),
	  "text/vcard; charset=utf-8", "vcf", "kontakte", 0, 1, 0, export_vcard_render },
	/* xlsx: every register in one workbook (the download page shows it beside the CSV table) */
	{ EXPORT_XLSX_KIND, N_("All registers as an Excel workbook"),
	  N_("Every register on its own sheet of one Excel file, with filters, numbers and dates Excel can calculate with."),
	  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "verzeichnisse", 0, 1, 0,
	  export_xlsx_render },
	CSV_KIND("contacts.csv", N_("Contacts (CSV)"), N_("The contacts as a table for Excel or LibreOffice."), "kontakte",
		 export_csv_contacts),
	CSV_KIND("roles.csv", N_("Emergency roles (CSV)"), N_("Who leads, who stands in: the roles as a table."), "rollen",
		 export_csv_roles),
	CSV_KIND("alarm-steps.csv", N_("Alarm chain (CSV)"), N_("Who calls whom, in which order, as a table."),
		 "alarmkette", export_csv_alarm_steps),
	CSV_KIND("risks.csv", N_("Risks (CSV)"), N_("The risk register as a table, for example for the insurer or the auditor."),
		 "risiken", export_csv_risks),
	CSV_KIND("processes.csv", N_("Business processes (CSV)"), N_("The business processes with their costs and recovery times as a table."),
		 "prozesse", export_csv_processes),
	CSV_KIND("systems.csv", N_("IT systems (CSV)"), N_("The IT systems with owners and recovery times as a table, for example for the IT service provider."),
		 "systeme", export_csv_systems),
	CSV_KIND("backups.csv", N_("Backups (CSV)"), N_("What is backed up how often and where, as a table."), "datensicherungen",
		 export_csv_backups),
	CSV_KIND("restore-tests.csv", N_("Restore tests (CSV)"), N_("Every restore test with its result, as proof for audits."),
		 "wiederherstellungstests", export_csv_restore_tests),
	CSV_KIND("runbooks.csv", N_("Runbooks (CSV)"), N_("The restore instructions per system as a table."), "wiederanlauf",
		 export_csv_runbooks),
	CSV_KIND("workarounds.csv", N_("Workarounds (CSV)"), N_("How each business process keeps going without IT, as a table."),
		 "notbetrieb", export_csv_workarounds),
	CSV_KIND("copies.csv", N_("Copies of the plan (CSV)"), N_("Where each copy of the plan is kept and which state it holds."),
		 "exemplare", export_csv_copies),
	CSV_KIND("acknowledgements.csv", N_("Staff acknowledgements (CSV)"), N_("Who has confirmed knowing the emergency card, and when."),
		 "kenntnisnahmen", export_csv_acks),
	CSV_KIND("comm-templates.csv", N_("Communication templates (CSV)"), N_("The prepared messages as a table."),
		 "vorlagen", export_csv_templates),
	CSV_KIND("exercises.csv", N_("Exercises (CSV)"), N_("Planned and held exercises as a table."), "uebungen",
		 export_csv_exercises),
	CSV_KIND("findings.csv", N_("Findings (CSV)"), N_("What the exercises showed and who fixes it by when."), "erkenntnisse",
		 export_csv_findings),
};

const struct export_kind *export_kinds(size_t *n_r)
{
	*n_r = sizeof(kinds) / sizeof(kinds[0]);
	return kinds;
}

const struct export_kind *export_kind_find(const char *name)
{
	for (size_t i = 0; name && i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, name) == 0)
			return &kinds[i];
	return NULL;
}

/* Drops computed and bookkeeping fields everywhere below v (they change without anyone changing the plan). */
static void strip_ignored(json_t *v)
{
	const char *key;
	json_t *child;
	void *tmp;
	size_t i;

	if (json_is_object(v)) {
		json_object_foreach_safe(v, tmp, key, child) {
			if (plan_snapshot_field_ignored(key))
				json_object_del(v, key);
			else
				strip_ignored(child);
		}
	} else if (json_is_array(v)) {
		json_array_foreach(v, i, child)
			strip_ignored(child);
	}
}

int export_stamp_hash(const struct plan_doc *doc, char out[13])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char sum[crypto_hash_sha256_BYTES];
	json_t *j = export_json_doc(doc, 0);
	char *text;

	if (!j)
		return -1;
	/*
	 * wire: the teamwork around the plan is no content of it (as in
	 * PLAN_LAST_CHANGE): recording a copy must not change the stamp the copy
	 * was recorded with.
	 */
	json_object_del(json_object_get(j, "sections"), "plan_copies");
	json_object_del(json_object_get(j, "sections"), "acknowledgements");
	strip_ignored(json_object_get(j, "sections"));
	text = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(j);
	if (!text)
		return -1;
	crypto_hash_sha256(sum, (const unsigned char *)text, strlen(text));
	free(text);
	for (int i = 0; i < 6; i++) {
		out[2 * i] = hex[sum[i] >> 4];
		out[2 * i + 1] = hex[sum[i] & 15];
	}
	out[12] = '\0';
	return 0;
}

enum kf_err export_doc_load(struct store_conn *c, struct arena *a, int64_t org, const char *base_url, int approved,
			    struct plan_doc *doc)
{
	enum kf_err err = approved ? plan_doc_load_approved(c, a, org, base_url, doc)
				   : plan_doc_load_working(c, a, org, base_url, doc);

	if (err)
		return err;
	return export_stamp_hash(doc, doc->stamp.hash) < 0 ? KF_ENOMEM : KF_OK;
}

/*
 * The stamps of the working state and of the newest approved version
 * (approved "" when none), each 12 hex digits. loaded: the plan when the
 * caller has read it already, else NULL.
 */
static enum kf_err current_stamps(struct store_conn *c, struct arena *a, int64_t org, const struct plan_data *loaded,
				  char working[13], char approved[13])
{
	struct plan_doc doc;
	enum kf_err err;

	working[0] = approved[0] = '\0';
	err = loaded ? plan_doc_working_from(c, a, org, NULL, loaded, &doc) : plan_doc_load_working(c, a, org, NULL, &doc);
	if (err)
		return err;
	if (export_stamp_hash(&doc, working) < 0)
		return KF_ENOMEM;
	err = export_doc_load(c, a, org, NULL, 1, &doc);
	if (err == KF_ENOTFOUND)
		return KF_OK;
	if (!err)
		memcpy(approved, doc.stamp.hash, 13);
	return err;
}

void export_copies_mark(struct plan_copy *copies, size_t n, const char *working, const char *approved)
{
	for (size_t i = 0; i < n; i++) {
		struct plan_copy *p = &copies[i];

		if (!p->stamp[0] || !*working)
			p->stamp_stale = -1;
		else
			p->stamp_stale = strcmp(p->stamp, working) != 0 && (!*approved || strcmp(p->stamp, approved) != 0);
	}
}

static enum kf_err copies_check(struct store_conn *c, struct arena *a, int64_t org, const struct plan_data *loaded,
				struct plan_copy *copies, size_t n)
{
	char working[13], approved[13];
	enum kf_err err;
	size_t i;

	for (i = 0; i < n && !copies[i].stamp[0]; i++)
		;
	if (i == n)
		return KF_OK; /* no stamp noted: nothing to compute */
	if ((err = current_stamps(c, a, org, loaded, working, approved)))
		return err;
	export_copies_mark(copies, n, working, approved);
	return KF_OK;
}

enum kf_err export_copies_check(struct store_conn *c, struct arena *a, int64_t org, struct plan_copy *copies, size_t n)
{
	return copies_check(c, a, org, NULL, copies, n);
}

enum kf_err export_plan_load(struct store_conn *c, struct arena *a, int64_t org, struct plan_data *d)
{
	enum kf_err err = store_plan_load(c, a, org, d);

	/* the arena's own list: marking its copies changes nothing stored; the working stamp from d, not read again */
	return err ? err : copies_check(c, a, org, d, (struct plan_copy *)d->copies, d->ncopies);
}

enum kf_err export_render(const struct export_kind *k, const struct plan_doc *doc, enum kf_lang lang,
			  const struct export_opts *opts, struct strbuf *out)
{
	int sealed = opts && opts->passphrase && *opts->passphrase;
	enum kf_err err;

	if (sealed && !k->render_sealed)
		return KF_EPERM;
	if (k->needs_typed && !doc->typed)
		return KF_EINVAL;
	if (opts && opts->bom && k->bom_option)
		sb_add(out, "\xEF\xBB\xBF", 3);
	err = sealed ? k->render_sealed(doc, lang, opts->passphrase, out) : k->render(doc, lang, out);
	if (!err && out->failed)
		err = out->len >= out->max ? KF_ETOOBIG : KF_ENOMEM;
	return err;
}

int export_choice_parse(const char *s, enum export_choice *c_r)
{
	if (!s || !*s)
		*c_r = EXPORT_DEFAULT;
	else if (strcmp(s, "approved") == 0)
		*c_r = EXPORT_APPROVED;
	else if (strcmp(s, "draft") == 0)
		*c_r = EXPORT_DRAFT;
	else
		return -1;
	return 0;
}

enum kf_err export_make(struct store_conn *c, struct arena *a, int64_t org, const char *base_url,
			const struct export_kind *k, enum export_choice choice, enum kf_lang lang,
			const struct export_opts *opts, struct plan_doc *doc, struct strbuf *out)
{
	int approved = choice == EXPORT_APPROVED || (choice == EXPORT_DEFAULT && k->approved_default);
	enum kf_err err;

	if (opts && opts->passphrase && *opts->passphrase && !k->render_sealed)
		return KF_EPERM;
	err = export_doc_load(c, a, org, base_url, approved, doc);
	/* approved: a kind's default is the approved version when there is one, else the working state */
	if (err == KF_ENOTFOUND && choice == EXPORT_DEFAULT)
		err = export_doc_load(c, a, org, base_url, 0, doc);
	if (err)
		return err;
	return export_render(k, doc, lang, opts, out);
}

/* "Bäckerei Beispiel" -> "baeckerei-beispiel": ASCII letters and digits, umlauts spelt out, the rest one '-'. */
static void slug(struct strbuf *sb, const char *s)
{
	static const struct {
		const char *utf8, *ascii;
	} map[] = { { "ä", "ae" }, { "ö", "oe" }, { "ü", "ue" }, { "Ä", "ae" }, { "Ö", "oe" }, { "Ü", "ue" }, { "ß", "ss" } };
	int dash = 0;
	size_t start = sb->len;

	while (*s) {
		const char *rep = NULL;
		size_t skip = 1;

		for (size_t i = 0; i < sizeof(map) / sizeof(map[0]); i++)
			if (strncmp(s, map[i].utf8, strlen(map[i].utf8)) == 0) {
				rep = map[i].ascii;
				skip = strlen(map[i].utf8);
				break;
			}
		if (rep || isalnum((unsigned char)*s)) {
			if (dash && sb->len > start)
				sb_addc(sb, '-');
			dash = 0;
			if (rep)
				sb_adds(sb, rep);
			else
				sb_addc(sb, (char)tolower((unsigned char)*s));
		} else {
			dash = 1;
		}
		s += skip;
	}
	if (sb->len == start)
		sb_adds(sb, "plan");
}

const char *export_file_name(struct arena *a, const struct export_kind *k, const struct plan_doc *doc, int sealed)
{
	struct strbuf sb;
	const char *name;

	sb_init(&sb, 512);
	slug(&sb, doc->org_name ? doc->org_name : "");
	sb_addf(&sb, "-%s", k->file_stem);
	if (doc->stamp.draft)
		sb_adds(&sb, "-entwurf");
	else
		sb_addf(&sb, "-v%lld", (long long)doc->stamp.plan_version);
	if (sealed)
		sb_adds(&sb, "-verschluesselt");
	/* the date of made_at ("YYYY-MM-DD HH:MM") */
	if (doc->stamp.made_at && strlen(doc->stamp.made_at) >= 10) {
		sb_addc(&sb, '-');
		sb_add(&sb, doc->stamp.made_at, 10);
	}
	sb_addf(&sb, ".%s", k->file_ext);
	name = sb.failed ? NULL : arena_strdup(a, sb.buf);
	sb_release(&sb);
	return name;
}

const char *export_stamp_line(struct arena *a, const struct plan_doc *doc, enum kf_lang lang)
{
	if (doc->stamp.draft)
		return arena_printf(a, "%s · %s · %s", _(lang, "Draft (working state)"), doc->stamp.made_at,
				    doc->stamp.hash);
	return arena_printf(a, "%s %lld · %s %s · %s · %s", _(lang, "Version"), (long long)doc->stamp.plan_version,
			    _(lang, "approved on"), doc->stamp.approved_at, doc->stamp.made_at, doc->stamp.hash);
}
