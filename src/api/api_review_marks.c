/* api_review_marks.c: /review/marks: the chapters that need a review after changes, and "chapter reviewed". */
#include <stddef.h>

#include "../core/chapter.h"
#include "../http/request.h"
#include "../http/router.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

/* One mark as JSON (new reference), or NULL when out of memory. */
static json_t *mark_to_json(struct req *r, const struct review_mark *m)
{
	const char *reason = review_mark_text(r->arena, r->lang, m);
	char at[21];

	if (!reason)
		return NULL;
	kf_time_iso(m->created_at, at);
	return json_pack("{s:s, s:I, s:s, s:s, s:s, s:o, s:s}", "item_type", m->item_type, "item_id",
			 (json_int_t)m->item_id, "item_name", m->item_name, "action", m->action, "marked_at", at,
			 "marked_by", m->created_by ? json_integer(m->created_by) : json_null(), "reason", reason);
}

/* {"total", "chapters": [{"chapter", "title", "step", "link", "marks": [...]}]}: only chapters with marks. */
static json_t *marks_to_json(struct req *r, const struct review_mark *marks, size_t n)
{
	json_t *root = json_object(), *chapters = json_array();
	int bad = !root || !chapters;

	for (int ch = 0; ch < CHAPTER__MAX && !bad; ch++) {
		const struct chapter_info *info = chapter_get(ch);
		json_t *list = json_array(), *obj;
		const char *link = arena_printf(r->arena, "/o/%lld/%s", (long long)r->org.id, info->path);

		bad |= !list || !link;
		for (size_t i = 0; i < n && !bad; i++)
			if (marks[i].chapter == ch)
				bad |= json_array_append_new(list, mark_to_json(r, &marks[i])) != 0;
		if (!bad && json_array_size(list) > 0) {
			obj = json_pack("{s:s, s:s, s:i, s:s, s:O}", "chapter", info->key, "title",
					i18n_tr(r->lang, info->label), "step", (int)info->step, "link", link, "marks", list);
			bad |= json_array_append_new(chapters, obj) != 0;
		}
		json_decref(list);
	}
	if (!bad)
		bad |= json_object_set_new(root, "total", json_integer((json_int_t)n)) != 0 ||
		       json_object_set(root, "chapters", chapters) != 0;
	json_decref(chapters);
	if (bad) {
		json_decref(root);
		return NULL;
	}
	return root;
}

void api_review_marks_list(struct req *r)
{
	struct review_mark *marks;
	enum kf_err err;
	json_t *obj;
	size_t n;

	err = store_review_marks_list(r->db, r->arena, r->org.id, &marks, &n);
	if (err) {
		api_store_error(r, err);
		return;
	}
	obj = marks_to_json(r, marks, n);
	if (!obj) {
		api_store_error(r, KF_ENOMEM);
		return;
	}
	api_json(r, 200, obj);
}

/* POST: "chapter reviewed" by an editor; 404 for a chapter that does not exist. */
void api_review_marks_clear(struct req *r)
{
	int ch = chapter_by_key(router_segment(r, "chapter"));
	enum kf_err err;
	int64_t n;

	if (ch < 0) {
		api_error(r, 404, "not_found", N_("There is no chapter of this name."));
		return;
	}
	err = store_review_marks_clear(r->db, r->org.id, r->user.id, (enum chapter)ch, &n);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_json(r, 200, json_pack("{s:s, s:I}", "chapter", chapter_get(ch)->key, "cleared", (json_int_t)n));
}
