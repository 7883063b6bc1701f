/* api_risk_templates.c: the starter risk catalogue of step 1, and adopting a choice of it in one go. */
#include <stdio.h>
#include <string.h>

#include "../core/risk_templates.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

void api_templates_risks(struct req *r)
{
	json_t *risks = json_array(), *threats = json_array();
	size_t i;

	for (i = 0; i < BSI_THREATS_COUNT; i++)
		json_array_append_new(threats, json_pack("{s:s, s:s}", "id", bsi_threats[i].id, "title", bsi_threats[i].title));
	for (i = 0; i < risk_templates_count; i++) {
		const struct risk_template *t = &risk_templates[i];
		json_t *refs = json_array();

		for (int j = 0; j < RISK_TEMPLATE_MAX_REFS && t->threat_refs[j]; j++)
			json_array_append_new(refs, json_string(t->threat_refs[j]));
		json_array_append_new(risks, json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:s, s:o, s:s, s:s, s:s}", "key",
						       t->key, "title", t->title, "category",
						       risk_category_name(t->category), "likelihood", t->likelihood,
						       "impact", t->impact, "score", t->likelihood * t->impact, "level",
						       risk_level_name(risk_level_of_score(t->likelihood * t->impact)),
						       "threat_refs", refs, "description", t->description, "measures",
						       t->measures, "immediate_actions", t->immediate_actions));
	}
	api_json(r, 200, json_pack("{s:o, s:o}", "risks", risks, "threats", threats));
}

void api_risk_adopt(struct req *r)
{
	struct risk_adoption *ra = NULL;
	struct field_errors fe = { 0 };
	json_t *body = api_body_object(r);
	size_t created, skipped, i;
	const json_t *arr;
	char field[48];
	const char *key;
	json_t *val;
	enum kf_err err;

	if (!body)
		return;
	ra = arena_alloc(r->arena, sizeof(*ra));
	if (!ra) {
		json_decref(body);
		api_store_error(r, KF_ENOMEM);
		return;
	}
	ra->n = 0;
	json_object_foreach(body, key, val)
		if (strcmp(key, "risks") != 0)
			fe_add(&fe, key, N_("is not a known field"));
	arr = json_object_get(body, "risks");
	if (arr && !json_is_array(arr))
		fe_add(&fe, "risks", N_("must be a list"));
	for (i = 0; arr && json_is_array(arr) && i < json_array_size(arr); i++) {
		const json_t *k = json_array_get(arr, i);

		snprintf(field, sizeof(field), "risks[%zu]", i);
		if (!json_is_string(k))
			fe_add(&fe, field, N_("must be text"));
		else
			risk_adoption_add(ra, json_string_value(k), field, &fe);
	}
	json_decref(body);
	if (!fe.n && ra->n == 0)
		fe_add(&fe, "risks", N_("choose at least one template"));
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_risk_adopt(r->db, r->arena, r->org.id, r->user.id, ra->risks, ra->n, &created, &skipped);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_json(r, 200, json_pack("{s:I, s:I}", "created", (json_int_t)created, "skipped", (json_int_t)skipped));
}
