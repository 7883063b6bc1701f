/* web_resource.c: create, edit, update and delete pages for any described item type. */
#include <string.h>

#include "../http/request.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "page.h"
#include "web.h"
#include "web_resource.h"
#include "../lib/banned.h"

/* Two items (the one posted and the one stored meanwhile), or NULL after an error page. */
static void *new_items(struct req *r, const struct web_resource *res)
{
	char *items = arena_alloc(r->arena, 2 * res->item->size);

	if (!items) {
		web_store_error(r, KF_ENOMEM, res->gone_msgid, 0);
		return NULL;
	}
	res->item->init(items);
	res->item->init(items + res->item->size);
	return items;
}

static void redirect_back(struct req *r, const struct web_resource *res, const void *item)
{
	char back[256];

	res->back(r, back, sizeof(back), item);
	resp_redirect(r, back);
}

/* The end of a create or update: the form again for rules the database checks, an error page, or back. */
static void write_done(struct req *r, const struct web_resource *res, const void *item, enum kf_err err,
		       const struct field_errors *fe, const char *gone_msgid)
{
	if (err == KF_EINVAL)
		res->form(r, 422, item, fe, NULL);
	else if (err)
		web_store_error(r, err, gone_msgid, 1);
	else
		redirect_back(r, res, item);
}

void web_res_create(struct req *r, const struct web_resource *res)
{
	struct field_errors fe = { 0 };
	void *item = new_items(r, res);
	enum kf_err err;

	if (!item)
		return;
	if (res->read_form(r, item, &fe) < 0) {
		res->form(r, 422, item, &fe, NULL);
		return;
	}
	err = res->item->create(r->db, r->arena, r->org.id, r->user.id, item, &fe);
	if (err == KF_EINVAL)
		memset(item, 0, sizeof(int64_t)); /* id: still new */
	if (err == KF_ENOTFOUND && !res->create_gone_msgid)
		err = KF_EDB;
	write_done(r, res, item, err, &fe, res->create_gone_msgid);
}

void web_res_edit(struct req *r, const struct web_resource *res)
{
	void *item = new_items(r, res);
	enum kf_err err;

	if (!item)
		return;
	err = res->item->get(r->db, r->arena, r->org.id, r->id, item);
	if (err) {
		web_store_error(r, err, res->gone_msgid, 0);
		return;
	}
	res->form(r, 200, item, NULL, NULL);
}

void web_res_update(struct req *r, const struct web_resource *res)
{
	struct field_errors fe = { 0 };
	char *item = new_items(r, res), *current;
	long long version;
	enum kf_err err;

	if (!item)
		return;
	current = item + res->item->size;
	memcpy(item, &r->id, sizeof(int64_t));
	if ((version = page_form_version(r, 1)) < 0)
		return;
	memcpy(item + sizeof(int64_t), &(int64_t){ version }, sizeof(int64_t));
	if (res->keep) {
		err = res->item->get(r->db, r->arena, r->org.id, r->id, current);
		if (err) {
			web_store_error(r, err, res->gone_msgid, 0);
			return;
		}
		res->keep(item, current);
	}
	if (res->read_form(r, item, &fe) < 0) {
		res->form(r, 422, item, &fe, NULL);
		return;
	}
	err = res->item->update(r->db, r->arena, r->org.id, r->user.id, version, item, current, &fe);
	if (err == KF_ECONFLICT)
		res->form(r, 409, item, NULL, current);
	else
		write_done(r, res, item, err, &fe, res->gone_msgid);
}

void web_res_confirm_delete(struct req *r, const struct web_resource *res)
{
	void *item = new_items(r, res);
	enum kf_err err;

	if (!item)
		return;
	err = res->item->get(r->db, r->arena, r->org.id, r->id, item);
	if (err && res->confirm_db_error)
		web_store_error(r, err, res->gone_msgid, 0);
	else if (err)
		web_error_page(r, 404, res->gone_msgid);
	else
		res->confirm(r, 200, item, 0, NULL);
}

void web_res_delete(struct req *r, const struct web_resource *res)
{
	char *stored = new_items(r, res), *current;
	const char *blockers = NULL;
	long long version;
	enum kf_err err;

	if (!stored)
		return;
	current = stored + res->item->size;
	if ((version = page_form_version(r, 1)) < 0)
		return;
	err = res->keep ? res->item->get(r->db, r->arena, r->org.id, r->id, stored) : KF_OK;
	if (!err)
		err = res->item->remove(r->db, r->arena, r->org.id, r->user.id, r->id, version, current, &blockers);
	if (err == KF_ECONFLICT || err == KF_EINUSE)
		res->confirm(r, 409, current, err == KF_ECONFLICT, blockers);
	else if (err)
		web_store_error(r, err, res->gone_msgid, 1);
	else
		redirect_back(r, res, res->keep ? stored : NULL);
}
