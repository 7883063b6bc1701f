/* api_tasks.c: /api/v1/orgs/{org}/tasks, described for the shared resource handlers, with the list's filters. */
#include <stddef.h>
#include <string.h>

#include "../core/validate.h"
#include "../http/request.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

static enum kf_err list(struct req *r, void **items_r, size_t *n_r)
{
	return store_task_list(r->db, r->arena, r->org.id, NULL, (struct task **)items_r, n_r);
}

static void input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	task_from_json(item, r->arena, body, partial, fe);
	task_validate(item, r->arena, fe);
}

static json_t *to_json(const void *item)
{
	return task_to_json(item);
}

static const struct api_resource tasks = {
	.path = "tasks",
	.item = &store_item_task,
	.list = list,
	.input = input,
	.to_json = to_json,
};

/* ?assignee=me|ID&status=open|in_progress|done&overdue=1&step=N&entity=system&entity_id=7 */
void api_task_list(struct req *r)
{
	struct field_errors fe = { 0 };
	struct task_filter f;
	struct task *list_v;
	enum task_status st;
	char today[11];
	long long id;
	const char *v;
	enum kf_err err;
	size_t n;
	json_t *arr;

	task_filter_init(&f);
	kf_date_iso(kf_now(), today);
	f.today = today;
	if ((v = kv_get(&r->query, "assignee")) && *v) {
		if (strcmp(v, "me") == 0)
			f.assignee_id = r->user.id;
		else if (parse_id(v, &id) == 0)
			f.assignee_id = id;
		else
			fe_add(&fe, "assignee", N_("must be me or the id of a member"));
	}
	if ((v = kv_get(&r->query, "status")) && *v) {
		if (task_status_parse(v, &st) == 0)
			f.status = (int)st;
		else
			fe_add(&fe, "status", N_("must be one of open, in_progress, done"));
	}
	if ((v = kv_get(&r->query, "overdue")) && *v) {
		if (strcmp(v, "1") == 0)
			f.overdue_only = 1;
		else if (strcmp(v, "0") != 0)
			fe_add(&fe, "overdue", N_("must be 1 or 0"));
	}
	if ((v = kv_get(&r->query, "step")) && *v) {
		if (parse_id(v, &id) == 0 && id <= 5)
			f.step = (int)id;
		else
			fe_add(&fe, "step", N_("must be a step from 1 to 5 or null"));
	}
	if ((v = kv_get(&r->query, "entity")) && *v) {
		if (task_entity_find(v))
			f.entity = v;
		else
			fe_add(&fe, "entity", N_("is not a kind of item a task can be linked to"));
	}
	if ((v = kv_get(&r->query, "entity_id")) && *v) {
		if (!f.entity)
			fe_add(&fe, "entity", N_("must name the kind of item when entity_id is given"));
		else if (parse_id(v, &id) == 0)
			f.entity_id = id;
		else
			fe_add(&fe, "entity_id", N_("must be the id of an item"));
	}
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_task_list(r->db, r->arena, r->org.id, &f, &list_v, &n);
	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, task_to_json(&list_v[i]));
	api_json(r, 200, arr);
	(void)list;
}

void api_task_get(struct req *r) { api_res_get(r, &tasks); }
void api_task_create(struct req *r) { api_res_create(r, &tasks); }
void api_task_put(struct req *r) { api_res_change(r, &tasks, 0); }
void api_task_patch(struct req *r) { api_res_change(r, &tasks, 1); }
void api_task_delete(struct req *r) { api_res_delete(r, &tasks); }
