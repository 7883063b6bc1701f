/* export_csv.c: every register as CSV (RFC 4180: CRLF, quoted fields, UTF-8); the tables come from register_table.c. */
#include <stdio.h>
#include <string.h>

#include "export.h"
#include "register_table.h"
#include "../lib/banned.h"

void csv_field(struct strbuf *out, const char *s)
{
	if (!s)
		s = "";
	if (!strpbrk(s, ",\"\r\n")) {
		sb_adds(out, s);
		return;
	}
	sb_addc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			sb_addc(out, '"');
		sb_addc(out, *s);
	}
	sb_addc(out, '"');
}

struct csv_ctx {
	struct strbuf *out;
	size_t ncols;
};

/* One field, with ',' before and CRLF after the row's last. */
static enum kf_err csv_cell(void *ctx, size_t row, size_t col, const char *text, const json_t *v)
{
	struct csv_ctx *c = ctx;

	(void)row;
	(void)v;
	if (col)
		sb_addc(c->out, ',');
	csv_field(c->out, text);
	if (col + 1 == c->ncols)
		sb_adds(c->out, "\r\n");
	return c->out->failed ? KF_ENOMEM : KF_OK;
}

/* The header row and one row per item of the register called name. */
static enum kf_err csv_register(const char *name, const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out)
{
	const struct register_def *def = register_find(name);
	struct csv_ctx c = { out, def ? def->ncols : 0 };

	if (!def)
		return KF_EINVAL;
	return register_table_visit(def, doc, lang, csv_cell, &c);
}

#define CSV_RENDERER(fname, name)                                                            \
	enum kf_err fname(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out) \
	{                                                                                    \
		return csv_register(name, doc, lang, out);                                   \
	}

CSV_RENDERER(export_csv_contacts, "contacts")
CSV_RENDERER(export_csv_roles, "roles")
CSV_RENDERER(export_csv_alarm_steps, "alarm-steps")
CSV_RENDERER(export_csv_risks, "risks")
CSV_RENDERER(export_csv_processes, "processes")
CSV_RENDERER(export_csv_systems, "systems")
CSV_RENDERER(export_csv_backups, "backups")
CSV_RENDERER(export_csv_restore_tests, "restore-tests")
CSV_RENDERER(export_csv_runbooks, "runbooks")
CSV_RENDERER(export_csv_workarounds, "workarounds")
CSV_RENDERER(export_csv_copies, "copies")
CSV_RENDERER(export_csv_acks, "acknowledgements")
CSV_RENDERER(export_csv_templates, "comm-templates")
CSV_RENDERER(export_csv_exercises, "exercises")
CSV_RENDERER(export_csv_findings, "findings")
