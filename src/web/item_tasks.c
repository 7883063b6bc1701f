/* item_tasks.c: the tasks of one item, for the item's page, with a link to add one. */
#include <stdio.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "html.h"
#include "task_view.h"
#include "web.h"
#include "../lib/banned.h"

void web_item_tasks(struct req *r, const char *entity, int64_t id)
{
	struct strbuf *o = &r->out;
	struct task_filter f;
	struct task *list;
	char today[11];
	size_t n;

	if (!id || !task_entity_find(entity))
		return;
	kf_date_iso(kf_now(), today);
	task_filter_init(&f);
	f.entity = entity;
	f.entity_id = id;
	f.today = today;
	if (store_task_list(r->db, r->arena, r->org.id, &f, &list, &n) != KF_OK)
		return; /* the item's page stays usable without its tasks */
	html_lit(o, "<section class=\"item-tasks\" aria-labelledby=\"h-item-tasks\"><h2 id=\"h-item-tasks\">");
	html_text(o, _(r->lang, "Tasks"));
	html_lit(o, "</h2>");
	if (n)
		task_view_table(r, list, n, today);
	else {
		html_lit(o, "<p class=\"empty\">");
		html_text(o, _(r->lang, "No tasks for this item yet."));
		html_lit(o, "</p>");
	}
	if (r->org.role >= MEMBER_EDITOR) {
		html_lit(o, "<p><a class=\"button\"");
		html_attr(o, "href", arena_printf(r->arena, "/o/%lld/tasks/new?entity=%s&entity_id=%lld", (long long)r->org.id,
						  entity, (long long)id));
		html_lit(o, ">");
		html_text(o, _(r->lang, "Add task"));
		html_lit(o, "</a></p>");
	}
	html_lit(o, "</section>");
}
