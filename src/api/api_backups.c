/* api_backups.c: /backups and their /restore-tests (shared resource handlers). */
#include <stddef.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

_Static_assert(API_RESOURCE_LAYOUT_OK(struct backup), "backups begin with id and version");
_Static_assert(API_RESOURCE_LAYOUT_OK(struct restore_test), "restore tests begin with id and version");

/* ---------------------------------------------------------------- backups */

static void bk_init(void *item)
{
	backup_init(item);
}

static enum kf_err bk_list(struct req *r, void **items_r, size_t *n_r)
{
	return store_backup_list(r->db, r->arena, r->org.id, (struct backup **)items_r, n_r);
}

static enum kf_err bk_get(struct req *r, int64_t id, void *out)
{
	return store_backup_get(r->db, r->arena, r->org.id, id, out);
}

static void bk_input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	backup_from_json(item, r->arena, body, partial, fe);
	backup_validate(item, r->arena, fe);
	/* name every bad field at once, systems and people of other organisations too */
	if (fe->n)
		store_backup_check_refs(r->db, item, r->org.id, fe);
}

static enum kf_err bk_create(struct req *r, void *item, struct field_errors *fe)
{
	return store_backup_create(r->db, r->arena, r->org.id, r->user.id, item, fe);
}

static enum kf_err bk_update(struct req *r, int64_t version, void *item, void *current, struct field_errors *fe)
{
	return store_backup_update(r->db, r->arena, r->org.id, r->user.id, version, item, current, fe);
}

static enum kf_err bk_remove(struct req *r, int64_t id, int64_t version, void *current, const char **blockers_r)
{
	*blockers_r = NULL;
	return store_backup_delete(r->db, r->arena, r->org.id, r->user.id, id, version, current);
}

static json_t *bk_to_json(const void *item)
{
	return backup_to_json(item);
}

static const struct api_resource backups = {
	.path = "backups",
	.size = sizeof(struct backup),
	.init = bk_init,
	.list = bk_list,
	.get = bk_get,
	.input = bk_input,
	.create = bk_create,
	.update = bk_update,
	.remove = bk_remove,
	.to_json = bk_to_json,
};

void api_backup_list(struct req *r) { api_res_list(r, &backups); }
void api_backup_get(struct req *r) { api_res_get(r, &backups); }
void api_backup_create(struct req *r) { api_res_create(r, &backups); }
void api_backup_put(struct req *r) { api_res_change(r, &backups, 0); }
void api_backup_patch(struct req *r) { api_res_change(r, &backups, 1); }
void api_backup_delete(struct req *r) { api_res_delete(r, &backups); }

/* ---------------------------------------------------------------- restore tests */

static void rt_init(void *item)
{
	restore_test_init(item);
}

/* Under /backups/{id}/restore-tests the path id is the backup's. */
static enum kf_err rt_list(struct req *r, void **items_r, size_t *n_r)
{
	return store_restore_test_list(r->db, r->arena, r->org.id, r->id, (struct restore_test **)items_r, n_r);
}

static enum kf_err rt_get(struct req *r, int64_t id, void *out)
{
	return store_restore_test_get(r->db, r->arena, r->org.id, id, out);
}

static void rt_input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	char today[11];

	kf_date_iso(kf_now(), today);
	restore_test_from_json(item, r->arena, body, partial, fe);
	restore_test_validate(item, today, fe);
	if (fe->n)
		store_restore_test_check_refs(r->db, item, r->org.id, fe);
}

static enum kf_err rt_create(struct req *r, void *item, struct field_errors *fe)
{
	struct restore_test *t = item;

	t->backup_id = r->id;
	return store_restore_test_create(r->db, r->arena, r->org.id, r->user.id, t, fe);
}

static enum kf_err rt_update(struct req *r, int64_t version, void *item, void *current, struct field_errors *fe)
{
	return store_restore_test_update(r->db, r->arena, r->org.id, r->user.id, version, item, current, fe);
}

static enum kf_err rt_remove(struct req *r, int64_t id, int64_t version, void *current, const char **blockers_r)
{
	*blockers_r = NULL;
	return store_restore_test_delete(r->db, r->arena, r->org.id, r->user.id, id, version, current);
}

static json_t *rt_to_json(const void *item)
{
	return restore_test_to_json(item);
}

static const struct api_resource restore_tests = {
	.path = "restore-tests",
	.size = sizeof(struct restore_test),
	.init = rt_init,
	.list = rt_list,
	.get = rt_get,
	.input = rt_input,
	.create = rt_create,
	.update = rt_update,
	.remove = rt_remove,
	.to_json = rt_to_json,
};

void api_restore_test_list(struct req *r) { api_res_list(r, &restore_tests); }
void api_restore_test_get(struct req *r) { api_res_get(r, &restore_tests); }
void api_restore_test_create(struct req *r) { api_res_create(r, &restore_tests); }
void api_restore_test_put(struct req *r) { api_res_change(r, &restore_tests, 0); }
void api_restore_test_patch(struct req *r) { api_res_change(r, &restore_tests, 1); }
void api_restore_test_delete(struct req *r) { api_res_delete(r, &restore_tests); }
