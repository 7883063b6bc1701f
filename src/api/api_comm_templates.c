/* api_comm_templates.c: /api/v1/orgs/{org}/comm-templates (shared resource handlers), the filled text, and the starter templates. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../core/comm_starter.h"
#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

static enum kf_err list(struct req *r, void **items_r, size_t *n_r)
{
	return store_comm_template_list(r->db, r->arena, r->org.id, (struct comm_template **)items_r, n_r);
}

static void input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	comm_template_from_json(item, r->arena, body, partial, fe);
	comm_template_validate(item, r->arena, fe);
}

static json_t *to_json(const void *item)
{
	return comm_template_to_json(item);
}

static const struct api_resource comm_templates = {
	.path = "comm-templates",
	.item = &store_item_comm_template,
	.list = list,
	.input = input,
	.to_json = to_json,
	.in_use_msgid = NULL,
};

void api_comm_template_list(struct req *r) { api_res_list(r, &comm_templates); }
void api_comm_template_get(struct req *r) { api_res_get(r, &comm_templates); }
void api_comm_template_create(struct req *r) { api_res_create(r, &comm_templates); }
void api_comm_template_put(struct req *r) { api_res_change(r, &comm_templates, 0); }
void api_comm_template_patch(struct req *r) { api_res_change(r, &comm_templates, 1); }
void api_comm_template_delete(struct req *r) { api_res_delete(r, &comm_templates); }

void api_comm_template_filled(struct req *r)
{
	struct comm_unknown unk = { 0 };
	const char *subject, *body;
	struct comm_template t;
	struct comm_values v;
	char today[11];
	enum kf_err err;
	json_t *names;

	kf_date_iso(kf_now(), today);
	err = store_comm_template_get(r->db, r->arena, r->org.id, r->id, &t);
	if (!err)
		err = store_comm_values(r->db, r->arena, r->org.id, today, &v);
	if (err) {
		api_store_error(r, err);
		return;
	}
	subject = comm_fill(r->arena, t.subject, &v, &unk);
	body = comm_fill(r->arena, t.body, &v, &unk);
	names = json_array();
	if (!subject || !body || !names) {
		json_decref(names);
		api_store_error(r, KF_ENOMEM);
		return;
	}
	for (int i = 0; i < unk.n; i++)
		json_array_append_new(names, json_string(unk.names[i]));
	api_json(r, 200, json_pack("{s:I, s:I, s:s, s:s, s:o}", "id", (json_int_t)t.id, "version",
				   (json_int_t)t.version, "subject", subject, "body", body, "unknown_placeholders", names));
}

void api_templates_comm(struct req *r)
{
	json_t *arr = json_array();

	for (size_t i = 0; i < comm_starters_count; i++) {
		const struct comm_starter *s = &comm_starters[i];

		json_array_append_new(arr, json_pack("{s:s, s:s, s:s, s:s, s:s}", "key", s->key, "audience",
						     comm_audience_name(s->audience), "title", s->title, "subject",
						     s->subject, "body", s->body));
	}
	api_json(r, 200, json_pack("{s:o}", "templates", arr));
}

void api_comm_template_adopt(struct req *r)
{
	struct comm_adoption *ca = ARENA_NEW(r->arena, struct comm_adoption, 1);
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
	if (!ca) {
		json_decref(body);
		api_store_error(r, KF_ENOMEM);
		return;
	}
	ca->n = 0;
	json_object_foreach(body, key, val)
		if (strcmp(key, "templates") != 0)
			fe_add(&fe, key, N_("is not a known field"));
	arr = json_object_get(body, "templates");
	if (arr && !json_is_array(arr))
		fe_add(&fe, "templates", N_("must be a list"));
	for (i = 0; arr && json_is_array(arr) && i < json_array_size(arr); i++) {
		const json_t *k = json_array_get(arr, i);

		snprintf(field, sizeof(field), "templates[%zu]", i);
		if (!json_is_string(k))
			fe_add(&fe, field, N_("must be text"));
		else
			comm_adoption_add(ca, json_string_value(k), field, &fe);
	}
	json_decref(body);
	if (!fe.n && ca->n == 0)
		fe_add(&fe, "templates", N_("choose at least one template"));
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_comm_template_adopt(r->db, r->arena, r->org.id, r->user.id, ca->items, ca->n, &created, &skipped);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_json(r, 200, json_pack("{s:I, s:I}", "created", (json_int_t)created, "skipped", (json_int_t)skipped));
}
