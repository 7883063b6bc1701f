/* export_csv.c: every register as CSV (RFC 4180: CRLF, quoted fields, UTF-8), German column headers, names for ids. */
#include <stdio.h>
#include <string.h>

#include "export.h"
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

/* How a column's JSON value is written. */
enum col_type { COL_TEXT, COL_BOOL, COL_PHONES, COL_CONTACT, COL_ROLE, COL_SYSTEM, COL_PROCESS, COL_BACKUP, COL_RISK, COL_EXERCISE };

struct column {
	const char *key;    /* the field of the item's JSON (API form) */
	const char *header; /* English message id of the column header */
	enum col_type type;
};

/* The name of the item with id in the register type refers to, or NULL. */
static const char *ref_name(const struct plan_doc *doc, enum col_type type, int64_t id)
{
	const struct plan_data *d = &doc->d;

#define FIND(list, n, field)                                \
	for (size_t i_ = 0; i_ < (n); i_++)                 \
		if ((list)[i_].id == id)                    \
			return (list)[i_].field;            \
	return NULL
	switch (type) {
	case COL_CONTACT: FIND(d->contacts, d->ncontacts, name);
	case COL_ROLE: FIND(d->roles, d->nroles, name);
	case COL_SYSTEM: FIND(d->systems, d->nsystems, name);
	case COL_PROCESS: FIND(d->processes, d->nprocesses, name);
	case COL_BACKUP: FIND(d->backups, d->nbackups, title);
	case COL_RISK: FIND(d->risks, d->nrisks, title);
	case COL_EXERCISE: FIND(d->exercises, d->nexercises, title);
	default: return NULL;
	}
#undef FIND
}

/* Appends one JSON value as text: strings as they are, ids as names, lists joined with "; ", objects' values with " ". */
static void value_text(struct strbuf *sb, const struct plan_doc *doc, enum kf_lang lang, enum col_type type,
		       const json_t *v)
{
	const char *key;
	json_t *child;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_STRING: sb_adds(sb, json_string_value(v)); break;
	case JSON_INTEGER: {
		const char *name = type >= COL_CONTACT ? ref_name(doc, type, (int64_t)json_integer_value(v)) : NULL;

		if (name)
			sb_adds(sb, name);
		else
			sb_addf(sb, "%lld", (long long)json_integer_value(v));
		break;
	}
	case JSON_REAL: sb_addf(sb, "%g", json_real_value(v)); break;
	case JSON_TRUE: sb_adds(sb, _(lang, "yes")); break;
	case JSON_FALSE: sb_adds(sb, _(lang, "no")); break;
	case JSON_ARRAY:
		json_array_foreach(v, i, child) {
			if (i)
				sb_adds(sb, "; ");
			value_text(sb, doc, lang, type, child);
		}
		break;
	case JSON_OBJECT: {
		int first = 1;
		enum phone_kind pk;

		if (type == COL_PHONES) { /* "Mobil: 0171 ..." */
			const char *kind = json_string_value(json_object_get(v, "kind")),
				   *number = json_string_value(json_object_get(v, "number"));

			if (kind && phone_kind_parse(kind, &pk) == 0)
				sb_addf(sb, "%s: ", _(lang, phone_kind_label(pk)));
			sb_adds(sb, number ? number : "");
			break;
		}

		json_object_foreach((json_t *)v, key, child) {
			if (json_is_null(child))
				continue;
			if (!first)
				sb_addc(sb, ' ');
			first = 0;
			value_text(sb, doc, lang, COL_TEXT, child);
		}
		break;
	}
	default: break; /* null: empty */
	}
}

/* The header row and one row per item (items: a JSON array of the register in API form; stolen). */
static enum kf_err write_table(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out,
			       const struct column *cols, size_t ncols, json_t *items)
{
	struct strbuf cell;
	json_t *it;
	size_t i;

	if (!items)
		return KF_ENOMEM;
	for (size_t c = 0; c < ncols; c++) {
		if (c)
			sb_addc(out, ',');
		csv_field(out, _(lang, cols[c].header));
	}
	sb_adds(out, "\r\n");
	sb_init(&cell, out->max);
	json_array_foreach(items, i, it) {
		for (size_t c = 0; c < ncols; c++) {
			sb_reset(&cell);
			value_text(&cell, doc, lang, cols[c].type, json_object_get(it, cols[c].key));
			if (cell.failed)
				out->failed = 1;
			if (c)
				sb_addc(out, ',');
			csv_field(out, cell.buf);
		}
		sb_adds(out, "\r\n");
	}
	sb_release(&cell);
	json_decref(items);
	return out->failed ? KF_ENOMEM : KF_OK;
}

/* A new JSON array of fn(&list[i]), or NULL when out of memory. */
#define TO_ARRAY(list, n, fn)                                                       \
	({                                                                          \
		json_t *arr_ = json_array();                                        \
		for (size_t i_ = 0; arr_ && i_ < (n); i_++)                         \
			if (json_array_append_new(arr_, fn(&(list)[i_])) < 0) {     \
				json_decref(arr_);                                  \
				arr_ = NULL;                                        \
			}                                                           \
		arr_;                                                               \
	})

#define NCOLS(c) (sizeof(c) / sizeof((c)[0]))

#define CSV_RENDERER(fname, list, n, to_json, cols)                                                          \
	enum kf_err fname(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out)                 \
	{                                                                                                    \
		return write_table(doc, lang, out, cols, NCOLS(cols), TO_ARRAY(list, n, to_json));           \
	}

static const struct column risk_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "title", N_("Title"), COL_TEXT },
	{ "category", N_("Category"), COL_TEXT },
	{ "category_name", N_("Own category"), COL_TEXT },
	{ "description", N_("Description"), COL_TEXT },
	{ "likelihood", N_("Likelihood"), COL_TEXT },
	{ "impact", N_("Impact"), COL_TEXT },
	{ "score", N_("Score"), COL_TEXT },
	{ "level", N_("Level"), COL_TEXT },
	{ "owner_contact_id", N_("Owner"), COL_CONTACT },
	{ "measures", N_("Measures"), COL_TEXT },
	{ "status", N_("Status"), COL_TEXT },
	{ "review_date", N_("Review date"), COL_TEXT },
	{ "immediate_actions", N_("Immediate actions"), COL_TEXT },
	{ "process_ids", N_("Business processes"), COL_PROCESS },
	{ "system_ids", N_("IT systems"), COL_SYSTEM },
	{ "cost_per_day", N_("Cost per day (EUR)"), COL_TEXT },
};
CSV_RENDERER(export_csv_risks, doc->d.risks, doc->d.nrisks, risk_to_json, risk_cols)

static const struct column process_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "name", N_("Name"), COL_TEXT },
	{ "description", N_("Description"), COL_TEXT },
	{ "responsible_contact_id", N_("Responsible"), COL_CONTACT },
	{ "cost_per_hour", N_("Cost per hour (EUR)"), COL_TEXT },
	{ "cost_per_day", N_("Cost per day (EUR)"), COL_TEXT },
	{ "impact", N_("Impact"), COL_TEXT },
	{ "mtpd_hours", N_("Maximum tolerable downtime (hours)"), COL_TEXT },
	{ "rto_hours", N_("RTO (hours)"), COL_TEXT },
	{ "rpo_hours", N_("RPO (hours)"), COL_TEXT },
	{ "critical_periods", N_("Critical periods"), COL_TEXT },
	{ "emergency_level_percent", N_("Emergency operation (%)"), COL_TEXT },
	{ "system_ids", N_("IT systems"), COL_SYSTEM },
};
CSV_RENDERER(export_csv_processes, doc->d.processes, doc->d.nprocesses, process_to_json, process_cols)

static const struct column system_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "name", N_("Name"), COL_TEXT },
	{ "type", N_("Type"), COL_TEXT },
	{ "location", N_("Location"), COL_TEXT },
	{ "provider_contact_id", N_("Provider"), COL_CONTACT },
	{ "owner_contact_id", N_("Owner"), COL_CONTACT },
	{ "rto_hours", N_("RTO (hours)"), COL_TEXT },
	{ "rpo_hours", N_("RPO (hours)"), COL_TEXT },
	{ "required_rto_hours", N_("Required RTO (hours)"), COL_TEXT },
	{ "required_rpo_hours", N_("Required RPO (hours)"), COL_TEXT },
	{ "depends_on_ids", N_("Depends on"), COL_SYSTEM },
	{ "spof", N_("Single point of failure"), COL_BOOL },
	{ "notes", N_("Notes"), COL_TEXT },
};
CSV_RENDERER(export_csv_systems, doc->d.systems, doc->d.nsystems, system_to_json, system_cols)

static const struct column contact_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "name", N_("Name"), COL_TEXT },
	{ "company", N_("Company"), COL_TEXT },
	{ "function", N_("Function"), COL_TEXT },
	{ "phones", N_("Phone numbers"), COL_PHONES },
	{ "email", N_("Email"), COL_TEXT },
	{ "external", N_("External"), COL_BOOL },
	{ "last_verified", N_("Last verified"), COL_TEXT },
	{ "notes", N_("Notes"), COL_TEXT },
};
CSV_RENDERER(export_csv_contacts, doc->d.contacts, doc->d.ncontacts, contact_to_json, contact_cols)

static const struct column role_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "name", N_("Name"), COL_TEXT },
	{ "duties", N_("Duties"), COL_TEXT },
	{ "primary_contact_id", N_("Primary"), COL_CONTACT },
	{ "deputy_contact_ids", N_("Deputies"), COL_CONTACT },
};
CSV_RENDERER(export_csv_roles, doc->d.roles, doc->d.nroles, role_to_json, role_cols)

static const struct column alarm_cols[] = {
	{ "position", N_("Position"), COL_TEXT },
	{ "caller_role_id", N_("Caller (role)"), COL_ROLE },
	{ "caller_contact_id", N_("Caller (person)"), COL_CONTACT },
	{ "callee_contact_id", N_("Calls"), COL_CONTACT },
	{ "channel", N_("Channel"), COL_TEXT },
	{ "escalate_after_minutes", N_("Escalate after (minutes)"), COL_TEXT },
	{ "escalate_to_contact_id", N_("Escalate to"), COL_CONTACT },
	{ "note", N_("Note"), COL_TEXT },
};
CSV_RENDERER(export_csv_alarm_steps, doc->steps, doc->nsteps, alarm_step_to_json, alarm_cols)

static const struct column backup_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "title", N_("Title"), COL_TEXT },
	{ "system_ids", N_("IT systems"), COL_SYSTEM },
	{ "method", N_("Method"), COL_TEXT },
	{ "frequency_hours", N_("Every (hours)"), COL_TEXT },
	{ "copies", N_("Copies"), COL_TEXT },
	{ "retention_days", N_("Retention (days)"), COL_TEXT },
	{ "encrypted", N_("Encrypted"), COL_BOOL },
	{ "responsible_contact_id", N_("Responsible"), COL_CONTACT },
	{ "notes", N_("Notes"), COL_TEXT },
};
CSV_RENDERER(export_csv_backups, doc->d.backups, doc->d.nbackups, backup_to_json, backup_cols)

static const struct column restore_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "backup_id", N_("Backup"), COL_BACKUP },
	{ "date", N_("Date"), COL_TEXT },
	{ "result", N_("Result"), COL_TEXT },
	{ "duration_minutes", N_("Duration (minutes)"), COL_TEXT },
	{ "tested_by_contact_id", N_("Tested by"), COL_CONTACT },
	{ "notes", N_("Notes"), COL_TEXT },
};
CSV_RENDERER(export_csv_restore_tests, doc->restore_tests, doc->nrestore_tests, restore_test_to_json, restore_cols)

static const struct column runbook_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "system_id", N_("IT system"), COL_SYSTEM },
	{ "responsible_role_id", N_("Responsible role"), COL_ROLE },
	{ "expected_duration_minutes", N_("Expected duration (minutes)"), COL_TEXT },
	{ "prerequisites", N_("Prerequisites"), COL_TEXT },
	{ "steps", N_("Steps"), COL_TEXT },
	{ "checks", N_("Checks"), COL_TEXT },
};
CSV_RENDERER(export_csv_runbooks, doc->d.runbooks, doc->d.nrunbooks, runbook_to_json, runbook_cols)

static const struct column workaround_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "process_id", N_("Business process"), COL_PROCESS },
	{ "title", N_("Title"), COL_TEXT },
	{ "procedure", N_("Procedure"), COL_TEXT },
	{ "preparation", N_("Preparation"), COL_TEXT },
	{ "sustainable_hours", N_("Sustainable for (hours)"), COL_TEXT },
	{ "responsible_contact_id", N_("Responsible"), COL_CONTACT },
};
CSV_RENDERER(export_csv_workarounds, doc->d.workarounds, doc->d.nworkarounds, workaround_to_json, workaround_cols)

static const struct column copy_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "location", N_("Where"), COL_TEXT },
	{ "kind", N_("Kind"), COL_TEXT },
	{ "holder_contact_id", N_("Held by"), COL_CONTACT },
	{ "plan_date", N_("State of the plan"), COL_TEXT },
	{ "last_checked", N_("Last checked"), COL_TEXT },
	{ "stale", N_("Stale"), COL_BOOL },
	{ "notes", N_("Notes"), COL_TEXT },
};
CSV_RENDERER(export_csv_copies, doc->d.copies, doc->d.ncopies, plan_copy_to_json, copy_cols)

static const struct column ack_cols[] = {
	{ "contact_id", N_("Staff member"), COL_CONTACT },
	{ "confirmed_on", N_("Confirmed on"), COL_TEXT },
	{ "how", N_("How"), COL_TEXT },
	{ "notes", N_("Notes"), COL_TEXT },
};
CSV_RENDERER(export_csv_acks, doc->d.acks, doc->d.nacks, ack_to_json, ack_cols)

static const struct column template_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "audience", N_("Audience"), COL_TEXT },
	{ "title", N_("Title"), COL_TEXT },
	{ "subject", N_("Subject"), COL_TEXT },
	{ "body", N_("Text"), COL_TEXT },
};
CSV_RENDERER(export_csv_templates, doc->d.templates, doc->d.ntemplates, comm_template_to_json, template_cols)

static const struct column exercise_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "type", N_("Type"), COL_TEXT },
	{ "title", N_("Title"), COL_TEXT },
	{ "scenario_risk_id", N_("Scenario"), COL_RISK },
	{ "date", N_("Date"), COL_TEXT },
	{ "status", N_("Status"), COL_TEXT },
	{ "participant_ids", N_("Participants"), COL_CONTACT },
	{ "observer_ids", N_("Observers"), COL_CONTACT },
	{ "goals", N_("Goals"), COL_TEXT },
	{ "went_well", N_("What went well"), COL_TEXT },
	{ "to_improve", N_("What to improve"), COL_TEXT },
	{ "achieved_rto_hours", N_("Achieved RTO (hours)"), COL_TEXT },
	{ "achieved_rpo_hours", N_("Achieved RPO (hours)"), COL_TEXT },
	{ "duration_minutes", N_("Duration (minutes)"), COL_TEXT },
};
CSV_RENDERER(export_csv_exercises, doc->d.exercises, doc->d.nexercises, exercise_to_json, exercise_cols)

static const struct column finding_cols[] = {
	{ "id", N_("No."), COL_TEXT },
	{ "exercise_id", N_("Exercise"), COL_EXERCISE },
	{ "title", N_("Title"), COL_TEXT },
	{ "description", N_("Description"), COL_TEXT },
	{ "severity", N_("Severity"), COL_TEXT },
	{ "status", N_("Status"), COL_TEXT },
	{ "responsible_contact_id", N_("Responsible"), COL_CONTACT },
	{ "due_date", N_("Due date"), COL_TEXT },
};
CSV_RENDERER(export_csv_findings, doc->d.findings, doc->d.nfindings, finding_to_json, finding_cols)
