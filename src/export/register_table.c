/* register_table.c: the registers as rows × columns of text: their columns, ids shown as names, values as text. */
#include <stdio.h>
#include <string.h>

#include "register_table.h"
#include "../lib/strbuf.h"
#include "../lib/banned.h"

/* The name of the item with id in the register type refers to, or NULL. */
static const char *ref_name(const struct plan_doc *doc, enum reg_value type, int64_t id)
{
	const struct plan_data *d = &doc->d;

#define FIND(list, n, field)                                \
	for (size_t i_ = 0; i_ < (n); i_++)                 \
		if ((list)[i_].id == id)                    \
			return (list)[i_].field;            \
	return NULL
	switch (type) {
	case REG_CONTACT: FIND(d->contacts, d->ncontacts, name);
	case REG_ROLE: FIND(d->roles, d->nroles, name);
	case REG_SYSTEM: FIND(d->systems, d->nsystems, name);
	case REG_PROCESS: FIND(d->processes, d->nprocesses, name);
	case REG_BACKUP: FIND(d->backups, d->nbackups, title);
	case REG_RISK: FIND(d->risks, d->nrisks, title);
	case REG_EXERCISE: FIND(d->exercises, d->nexercises, title);
	default: return NULL;
	}
#undef FIND
}

/* Appends one JSON value as text: strings as they are, ids as names, lists joined with "; ", objects' values with " ". */
static void value_text(struct strbuf *sb, const struct plan_doc *doc, enum kf_lang lang, enum reg_value type,
		       const json_t *v)
{
	const char *key;
	json_t *child;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_STRING: sb_adds(sb, json_string_value(v)); break;
	case JSON_INTEGER: {
		const char *name = type >= REG_CONTACT ? ref_name(doc, type, (int64_t)json_integer_value(v)) : NULL;

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

		if (type == REG_PHONES) { /* "Mobil: 0171 ..." */
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
			value_text(sb, doc, lang, REG_TEXT, child);
		}
		break;
	}
	default: break; /* null: empty */
	}
}

enum kf_err register_table_visit(const struct register_def *def, const struct plan_doc *doc, enum kf_lang lang,
				 register_cell_fn fn, void *ctx)
{
	json_t *items = def->items(doc), *it;
	struct strbuf cell;
	enum kf_err err = KF_OK;
	size_t i;

	if (!items)
		return KF_ENOMEM;
	for (size_t c = 0; !err && c < def->ncols; c++)
		err = fn(ctx, 0, c, _(lang, def->cols[c].header), NULL);
	sb_init(&cell, STRBUF_DEFAULT_MAX);
	json_array_foreach(items, i, it) {
		for (size_t c = 0; !err && c < def->ncols; c++) {
			const json_t *v = json_object_get(it, def->cols[c].key);

			sb_reset(&cell);
			value_text(&cell, doc, lang, def->cols[c].value, v);
			err = cell.failed ? KF_ENOMEM : fn(ctx, i + 1, c, cell.buf, v);
		}
		if (err)
			break;
	}
	sb_release(&cell);
	json_decref(items);
	return err;
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

#define ITEMS(fname, list, n, to_json)                                \
	static json_t *fname(const struct plan_doc *doc)              \
	{                                                             \
		return TO_ARRAY(list, n, to_json);                    \
	}

static const struct reg_column risk_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "title", N_("Title"), REG_TEXT, REG_CELL_TEXT },
	{ "category", N_("Category"), REG_TEXT, REG_CELL_TEXT },
	{ "category_name", N_("Own category"), REG_TEXT, REG_CELL_TEXT },
	{ "description", N_("Description"), REG_TEXT, REG_CELL_TEXT },
	{ "likelihood", N_("Likelihood"), REG_TEXT, REG_CELL_NUMBER },
	{ "impact", N_("Impact"), REG_TEXT, REG_CELL_NUMBER },
	{ "score", N_("Score"), REG_TEXT, REG_CELL_NUMBER },
	{ "level", N_("Level"), REG_TEXT, REG_CELL_TEXT },
	{ "owner_contact_id", N_("Owner"), REG_CONTACT, REG_CELL_TEXT },
	{ "measures", N_("Measures"), REG_TEXT, REG_CELL_TEXT },
	{ "status", N_("Status"), REG_TEXT, REG_CELL_TEXT },
	{ "review_date", N_("Review date"), REG_TEXT, REG_CELL_DATE },
	{ "immediate_actions", N_("Immediate actions"), REG_TEXT, REG_CELL_TEXT },
	{ "process_ids", N_("Business processes"), REG_PROCESS, REG_CELL_TEXT },
	{ "system_ids", N_("IT systems"), REG_SYSTEM, REG_CELL_TEXT },
	{ "cost_per_day", N_("Cost per day (EUR)"), REG_TEXT, REG_CELL_EUR },
};
ITEMS(risk_items, doc->d.risks, doc->d.nrisks, risk_to_json)

static const struct reg_column process_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "name", N_("Name"), REG_TEXT, REG_CELL_TEXT },
	{ "description", N_("Description"), REG_TEXT, REG_CELL_TEXT },
	{ "responsible_contact_id", N_("Responsible"), REG_CONTACT, REG_CELL_TEXT },
	{ "cost_per_hour", N_("Cost per hour (EUR)"), REG_TEXT, REG_CELL_EUR },
	{ "cost_per_day", N_("Cost per day (EUR)"), REG_TEXT, REG_CELL_EUR },
	{ "impact", N_("Impact"), REG_TEXT, REG_CELL_TEXT },
	{ "mtpd_hours", N_("Maximum tolerable downtime (hours)"), REG_TEXT, REG_CELL_NUMBER },
	{ "rto_hours", N_("RTO (hours)"), REG_TEXT, REG_CELL_NUMBER },
	{ "rpo_hours", N_("RPO (hours)"), REG_TEXT, REG_CELL_NUMBER },
	{ "critical_periods", N_("Critical periods"), REG_TEXT, REG_CELL_TEXT },
	{ "emergency_level_percent", N_("Emergency operation (%)"), REG_TEXT, REG_CELL_NUMBER },
	{ "system_ids", N_("IT systems"), REG_SYSTEM, REG_CELL_TEXT },
};
ITEMS(process_items, doc->d.processes, doc->d.nprocesses, process_to_json)

static const struct reg_column system_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "name", N_("Name"), REG_TEXT, REG_CELL_TEXT },
	{ "type", N_("Type"), REG_TEXT, REG_CELL_TEXT },
	{ "location", N_("Location"), REG_TEXT, REG_CELL_TEXT },
	{ "provider_contact_id", N_("Provider"), REG_CONTACT, REG_CELL_TEXT },
	{ "owner_contact_id", N_("Owner"), REG_CONTACT, REG_CELL_TEXT },
	{ "rto_hours", N_("RTO (hours)"), REG_TEXT, REG_CELL_NUMBER },
	{ "rpo_hours", N_("RPO (hours)"), REG_TEXT, REG_CELL_NUMBER },
	{ "required_rto_hours", N_("Required RTO (hours)"), REG_TEXT, REG_CELL_NUMBER },
	{ "required_rpo_hours", N_("Required RPO (hours)"), REG_TEXT, REG_CELL_NUMBER },
	{ "depends_on_ids", N_("Depends on"), REG_SYSTEM, REG_CELL_TEXT },
	{ "spof", N_("Single point of failure"), REG_BOOL, REG_CELL_TEXT },
	{ "notes", N_("Notes"), REG_TEXT, REG_CELL_TEXT },
};
ITEMS(system_items, doc->d.systems, doc->d.nsystems, system_to_json)

static const struct reg_column contact_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "name", N_("Name"), REG_TEXT, REG_CELL_TEXT },
	{ "company", N_("Company"), REG_TEXT, REG_CELL_TEXT },
	{ "function", N_("Function"), REG_TEXT, REG_CELL_TEXT },
	{ "phones", N_("Phone numbers"), REG_PHONES, REG_CELL_TEXT },
	{ "email", N_("Email"), REG_TEXT, REG_CELL_TEXT },
	{ "external", N_("External"), REG_BOOL, REG_CELL_TEXT },
	{ "last_verified", N_("Last verified"), REG_TEXT, REG_CELL_DATE },
	{ "notes", N_("Notes"), REG_TEXT, REG_CELL_TEXT },
};
ITEMS(contact_items, doc->d.contacts, doc->d.ncontacts, contact_to_json)

static const struct reg_column role_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "name", N_("Name"), REG_TEXT, REG_CELL_TEXT },
	{ "duties", N_("Duties"), REG_TEXT, REG_CELL_TEXT },
	{ "primary_contact_id", N_("Primary"), REG_CONTACT, REG_CELL_TEXT },
	{ "deputy_contact_ids", N_("Deputies"), REG_CONTACT, REG_CELL_TEXT },
};
ITEMS(role_items, doc->d.roles, doc->d.nroles, role_to_json)

static const struct reg_column alarm_cols[] = {
	{ "position", N_("Position"), REG_TEXT, REG_CELL_NUMBER },
	{ "caller_role_id", N_("Caller (role)"), REG_ROLE, REG_CELL_TEXT },
	{ "caller_contact_id", N_("Caller (person)"), REG_CONTACT, REG_CELL_TEXT },
	{ "callee_contact_id", N_("Calls"), REG_CONTACT, REG_CELL_TEXT },
	{ "channel", N_("Channel"), REG_TEXT, REG_CELL_TEXT },
	{ "escalate_after_minutes", N_("Escalate after (minutes)"), REG_TEXT, REG_CELL_NUMBER },
	{ "escalate_to_contact_id", N_("Escalate to"), REG_CONTACT, REG_CELL_TEXT },
	{ "note", N_("Note"), REG_TEXT, REG_CELL_TEXT },
};
ITEMS(alarm_items, doc->steps, doc->nsteps, alarm_step_to_json)

static const struct reg_column backup_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "title", N_("Title"), REG_TEXT, REG_CELL_TEXT },
	{ "system_ids", N_("IT systems"), REG_SYSTEM, REG_CELL_TEXT },
	{ "method", N_("Method"), REG_TEXT, REG_CELL_TEXT },
	{ "frequency_hours", N_("Every (hours)"), REG_TEXT, REG_CELL_NUMBER },
	{ "copies", N_("Copies"), REG_TEXT, REG_CELL_NUMBER },
	{ "retention_days", N_("Retention (days)"), REG_TEXT, REG_CELL_NUMBER },
	{ "encrypted", N_("Encrypted"), REG_BOOL, REG_CELL_TEXT },
	{ "responsible_contact_id", N_("Responsible"), REG_CONTACT, REG_CELL_TEXT },
	{ "notes", N_("Notes"), REG_TEXT, REG_CELL_TEXT },
};
ITEMS(backup_items, doc->d.backups, doc->d.nbackups, backup_to_json)

static const struct reg_column restore_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "backup_id", N_("Backup"), REG_BACKUP, REG_CELL_TEXT },
	{ "date", N_("Date"), REG_TEXT, REG_CELL_DATE },
	{ "result", N_("Result"), REG_TEXT, REG_CELL_TEXT },
	{ "duration_minutes", N_("Duration (minutes)"), REG_TEXT, REG_CELL_NUMBER },
	{ "tested_by_contact_id", N_("Tested by"), REG_CONTACT, REG_CELL_TEXT },
	{ "notes", N_("Notes"), REG_TEXT, REG_CELL_TEXT },
};
ITEMS(restore_items, doc->restore_tests, doc->nrestore_tests, restore_test_to_json)

static const struct reg_column runbook_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "system_id", N_("IT system"), REG_SYSTEM, REG_CELL_TEXT },
	{ "responsible_role_id", N_("Responsible role"), REG_ROLE, REG_CELL_TEXT },
	{ "expected_duration_minutes", N_("Expected duration (minutes)"), REG_TEXT, REG_CELL_NUMBER },
	{ "prerequisites", N_("Prerequisites"), REG_TEXT, REG_CELL_TEXT },
	{ "steps", N_("Steps"), REG_TEXT, REG_CELL_TEXT },
	{ "checks", N_("Checks"), REG_TEXT, REG_CELL_TEXT },
};
ITEMS(runbook_items, doc->d.runbooks, doc->d.nrunbooks, runbook_to_json)

static const struct reg_column workaround_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "process_id", N_("Business process"), REG_PROCESS, REG_CELL_TEXT },
	{ "title", N_("Title"), REG_TEXT, REG_CELL_TEXT },
	{ "procedure", N_("Procedure"), REG_TEXT, REG_CELL_TEXT },
	{ "preparation", N_("Preparation"), REG_TEXT, REG_CELL_TEXT },
	{ "sustainable_hours", N_("Sustainable for (hours)"), REG_TEXT, REG_CELL_NUMBER },
	{ "responsible_contact_id", N_("Responsible"), REG_CONTACT, REG_CELL_TEXT },
};
ITEMS(workaround_items, doc->d.workarounds, doc->d.nworkarounds, workaround_to_json)

static const struct reg_column copy_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "location", N_("Where"), REG_TEXT, REG_CELL_TEXT },
	{ "kind", N_("Kind"), REG_TEXT, REG_CELL_TEXT },
	{ "holder_contact_id", N_("Held by"), REG_CONTACT, REG_CELL_TEXT },
	{ "plan_date", N_("State of the plan"), REG_TEXT, REG_CELL_DATE },
	{ "last_checked", N_("Last checked"), REG_TEXT, REG_CELL_DATE },
	{ "stale", N_("Stale"), REG_BOOL, REG_CELL_TEXT },
	{ "notes", N_("Notes"), REG_TEXT, REG_CELL_TEXT },
};
ITEMS(copy_items, doc->d.copies, doc->d.ncopies, plan_copy_to_json)

static const struct reg_column ack_cols[] = {
	{ "contact_id", N_("Staff member"), REG_CONTACT, REG_CELL_TEXT },
	{ "confirmed_on", N_("Confirmed on"), REG_TEXT, REG_CELL_DATE },
	{ "how", N_("How"), REG_TEXT, REG_CELL_TEXT },
	{ "notes", N_("Notes"), REG_TEXT, REG_CELL_TEXT },
};
ITEMS(ack_items, doc->d.acks, doc->d.nacks, ack_to_json)

static const struct reg_column template_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "audience", N_("Audience"), REG_TEXT, REG_CELL_TEXT },
	{ "title", N_("Title"), REG_TEXT, REG_CELL_TEXT },
	{ "subject", N_("Subject"), REG_TEXT, REG_CELL_TEXT },
	{ "body", N_("Text"), REG_TEXT, REG_CELL_TEXT },
};
ITEMS(template_items, doc->d.templates, doc->d.ntemplates, comm_template_to_json)

static const struct reg_column exercise_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "type", N_("Type"), REG_TEXT, REG_CELL_TEXT },
	{ "title", N_("Title"), REG_TEXT, REG_CELL_TEXT },
	{ "scenario_risk_id", N_("Scenario"), REG_RISK, REG_CELL_TEXT },
	{ "date", N_("Date"), REG_TEXT, REG_CELL_DATE },
	{ "status", N_("Status"), REG_TEXT, REG_CELL_TEXT },
	{ "participant_ids", N_("Participants"), REG_CONTACT, REG_CELL_TEXT },
	{ "observer_ids", N_("Observers"), REG_CONTACT, REG_CELL_TEXT },
	{ "goals", N_("Goals"), REG_TEXT, REG_CELL_TEXT },
	{ "went_well", N_("What went well"), REG_TEXT, REG_CELL_TEXT },
	{ "to_improve", N_("What to improve"), REG_TEXT, REG_CELL_TEXT },
	{ "achieved_rto_hours", N_("Achieved RTO (hours)"), REG_TEXT, REG_CELL_NUMBER },
	{ "achieved_rpo_hours", N_("Achieved RPO (hours)"), REG_TEXT, REG_CELL_NUMBER },
	{ "duration_minutes", N_("Duration (minutes)"), REG_TEXT, REG_CELL_NUMBER },
};
ITEMS(exercise_items, doc->d.exercises, doc->d.nexercises, exercise_to_json)

static const struct reg_column finding_cols[] = {
	{ "id", N_("No."), REG_TEXT, REG_CELL_NUMBER },
	{ "exercise_id", N_("Exercise"), REG_EXERCISE, REG_CELL_TEXT },
	{ "title", N_("Title"), REG_TEXT, REG_CELL_TEXT },
	{ "description", N_("Description"), REG_TEXT, REG_CELL_TEXT },
	{ "severity", N_("Severity"), REG_TEXT, REG_CELL_TEXT },
	{ "status", N_("Status"), REG_TEXT, REG_CELL_TEXT },
	{ "responsible_contact_id", N_("Responsible"), REG_CONTACT, REG_CELL_TEXT },
	{ "due_date", N_("Due date"), REG_TEXT, REG_CELL_DATE },
};
ITEMS(finding_items, doc->d.findings, doc->d.nfindings, finding_to_json)

#define NCOLS(c) (sizeof(c) / sizeof((c)[0]))
#define REG(name, title, prefix) { name, title, prefix##_cols, NCOLS(prefix##_cols), prefix##_items }

static const struct register_def registers[] = {
	REG("contacts", N_("Contacts"), contact),
	REG("roles", N_("Emergency roles"), role),
	REG("alarm-steps", N_("Alarm call chain"), alarm),
	REG("risks", N_("Risks"), risk),
	REG("processes", N_("Business processes"), process),
	REG("systems", N_("IT systems"), system),
	REG("backups", N_("Backups"), backup),
	REG("restore-tests", N_("Restore tests"), restore),
	REG("runbooks", N_("Runbooks"), runbook),
	REG("workarounds", N_("Workarounds"), workaround),
	REG("copies", N_("Copies of the plan"), copy),
	REG("acknowledgements", N_("Acknowledgements"), ack),
	REG("comm-templates", N_("Communication templates"), template),
	REG("exercises", N_("Exercises"), exercise),
	REG("findings", N_("Findings"), finding),
};

const struct register_def *register_defs(size_t *n_r)
{
	*n_r = NCOLS(registers);
	return registers;
}

const struct register_def *register_find(const char *name)
{
	for (size_t i = 0; name && i < NCOLS(registers); i++)
		if (strcmp(registers[i].name, name) == 0)
			return &registers[i];
	return NULL;
}
