/* api_templates.c: the starter content of step 2, and adopting a choice of it in one go. */
#include <stdio.h>
#include <string.h>

#include "../core/team_templates.h"
#include "../http/request.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

void api_templates_team(struct req *r)
{
	json_t *regions = json_array(), *contacts = json_array(), *roles = json_array();
	size_t i;

	for (i = 0; i < template_regions_count; i++)
		json_array_append_new(regions, json_pack("{s:s, s:s}", "code", template_regions[i].code, "name",
							 template_regions[i].name));
	for (i = 0; i < contact_templates_count; i++) {
		const struct contact_template *t = &contact_templates[i];

		json_array_append_new(contacts,
				      json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "key", t->key, "region",
						t->region, "name", t->name, "company", t->company, "function", t->function,
						"phone", t->phone, "email", t->email, "source", t->source));
	}
	for (i = 0; i < role_templates_count; i++)
		json_array_append_new(roles, json_pack("{s:s, s:s, s:s}", "key", role_templates[i].key, "name",
						       role_templates[i].name, "duties", role_templates[i].duties));
	api_json(r, 200, json_pack("{s:o, s:o, s:o}", "regions", regions, "contacts", contacts, "roles", roles));
}

/* Reads a list of template keys; each bad entry is a field error. */
static void read_keys(struct req *r, struct team_adoption *ta, const json_t *arr, const char *name,
		      struct field_errors *fe)
{
	char field[48];
	size_t i;

	if (!arr)
		return;
	if (!json_is_array(arr)) {
		fe_add(fe, name, N_("must be a list"));
		return;
	}
	for (i = 0; i < json_array_size(arr); i++) {
		const json_t *k = json_array_get(arr, i);

		snprintf(field, sizeof(field), "%s[%zu]", name, i);
		if (!json_is_string(k))
			fe_add(fe, field, N_("must be text"));
		else if (strcmp(name, "contacts") == 0)
			team_adoption_add_contact(ta, r->arena, json_string_value(k), field, fe);
		else
			team_adoption_add_role(ta, json_string_value(k), field, fe);
	}
}

void api_team_adopt(struct req *r)
{
	struct team_adoption ta = { .ncontacts = 0 };
	struct field_errors fe = { 0 };
	size_t created, skipped;
	json_t *body = api_body_object(r);
	const char *key;
	json_t *val;
	enum kf_err err;

	if (!body)
		return;
	json_object_foreach(body, key, val)
		if (strcmp(key, "contacts") != 0 && strcmp(key, "roles") != 0)
			fe_add(&fe, key, N_("is not a known field"));
	read_keys(r, &ta, json_object_get(body, "contacts"), "contacts", &fe);
	read_keys(r, &ta, json_object_get(body, "roles"), "roles", &fe);
	json_decref(body);
	if (!fe.n && ta.ncontacts + ta.nroles == 0)
		fe_add(&fe, "roles", N_("choose at least one template"));
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_team_adopt(r->db, r->arena, r->org.id, r->user.id, ta.contacts, ta.ncontacts, ta.roles, ta.nroles,
			       &created, &skipped);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_json(r, 200, json_pack("{s:I, s:I}", "created", (json_int_t)created, "skipped", (json_int_t)skipped));
}
