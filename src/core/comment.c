/* comment.c: a comment on an item of the plan (Markdown text), and the kinds of items that take comments. */
#include <stdio.h>
#include <string.h>

#include "../lib/i18n.h"
#include "comment.h"
#include "jsonin.h"
#include "validate.h"
#include "../lib/banned.h"

static const struct {
	const char *entity;
	const char *label;
	const char *path;   /* the item's page below /o/{org}: path/{id}suffix */
	const char *suffix; /* NULL: none; "/edit" where the comments sit on the edit form */
} entities[] = {
	{ "contact", N_("Contact"), "contacts" },
	{ "role", N_("Role"), "roles" },
	{ "risk", N_("Risk"), "risks" },
	{ "risk_category", N_("Risk category"), "risks/categories" },
	{ "process", N_("Business process"), "processes" },
	{ "system", N_("IT system"), "systems" },
	{ "alarm_step", N_("Alarm step"), "alarm/steps" },
	{ "backup", N_("Backup"), "backups" },
	{ "restore_test", N_("Restore test"), "restore-tests" },
	{ "runbook", N_("Runbook"), "runbooks", "/edit" },
	{ "workaround", N_("Workaround"), "workarounds" },
	{ "plan_copy", N_("Plan copy"), "documents/copies" },
	{ "acknowledgement", N_("Acknowledgement"), "documents/acknowledgements" },
	{ "comm_template", N_("Communication template"), "documents/templates" },
	{ "exercise", N_("Exercise"), "exercises" },
	{ "finding", N_("Finding"), "findings" },
};

void comment_item_path(const char *entity, int64_t org, int64_t id, char *buf, size_t size)
{
	for (size_t i = 0; entity && i < sizeof(entities) / sizeof(entities[0]); i++)
		if (strcmp(entity, entities[i].entity) == 0) {
			snprintf(buf, size, "/o/%lld/%s/%lld%s", (long long)org, entities[i].path, (long long)id,
				 entities[i].suffix ? entities[i].suffix : "");
			return;
		}
	snprintf(buf, size, "/o/%lld", (long long)org);
}

int comment_entity_known(const char *entity)
{
	for (size_t i = 0; entity && i < sizeof(entities) / sizeof(entities[0]); i++)
		if (strcmp(entity, entities[i].entity) == 0)
			return 1;
	return 0;
}

const char *comment_entity_label(const char *entity)
{
	for (size_t i = 0; entity && i < sizeof(entities) / sizeof(entities[0]); i++)
		if (strcmp(entity, entities[i].entity) == 0)
			return entities[i].label;
	return entity ? entity : "";
}

int comment_validate_body(const char *body, struct field_errors *fe)
{
	const char *p = body ? body : "";

	while (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t')
		p++;
	if (!*p) {
		fe_add(fe, "body", N_("is required"));
		return -1;
	}
	return validate_multiline(fe, "body", body, COMMENT_BODY_MAX);
}

void comment_from_json(struct comment *c, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key;
	json_t *v;

	json_object_foreach ((json_t *)obj, key, v) {
		if (strcmp(key, "body") == 0) {
			jsonin_string(v, a, "body", &c->body, fe);
		} else if (!partial && strcmp(key, "entity") == 0) {
			if (jsonin_string(v, a, "entity", &c->entity, fe) == 0 && !comment_entity_known(c->entity))
				fe_add(fe, "entity", N_("is not a kind of item that takes comments"));
		} else if (!partial && strcmp(key, "entity_id") == 0) {
			long long id = 0;

			if (!json_is_integer(v) || (id = json_integer_value(v)) <= 0)
				fe_add(fe, "entity_id", N_("must be the id of an item"));
			else
				c->entity_id = id;
		} else if (!jsonin_is_readonly(key) && strcmp(key, "entity") != 0 && strcmp(key, "entity_id") != 0 &&
			   strcmp(key, "author_id") != 0 && strcmp(key, "author_name") != 0) {
			fe_add(fe, key, N_("is not a field of a comment"));
		}
	}
	if (!partial && !c->entity && !fe_get(fe, "entity"))
		fe_add(fe, "entity", N_("is required"));
	if (!partial && !c->entity_id && !fe_get(fe, "entity_id"))
		fe_add(fe, "entity_id", N_("is required"));
	if ((!partial || c->body) && !fe_get(fe, "body"))
		comment_validate_body(c->body, fe);
}

json_t *comment_to_json(const struct comment *c)
{
	return json_pack("{s:I, s:I, s:s, s:I, s:s, s:o?, s:s, s:I, s:I}", "id", (json_int_t)c->id, "version",
			 (json_int_t)c->version, "entity", c->entity ? c->entity : "", "entity_id",
			 (json_int_t)c->entity_id, "body", c->body ? c->body : "", "author_id",
			 c->author_id ? json_integer(c->author_id) : NULL, "author_name",
			 c->author_name ? c->author_name : "", "created_at", (json_int_t)c->created_at, "updated_at",
			 (json_int_t)c->updated_at);
}
