/* api_backups.c: /backups and their /restore-tests (shared resource handlers). */
#include <stddef.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

/* ---------------------------------------------------------------- backups */

static enum kf_err bk_list(struct req *r, void **items_r, size_t *n_r)
{
	return store_backup_list(r->db, r->arena, r->org.id, (struct backup **)items_r, n_r);
}

static void bk_input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	backup_from_json(item, r->arena, body, partial, fe);
	backup_validate(item, r->arena, fe);
	/* name every bad field at once, systems and people of other organisations too */
	if (fe->n)
		store_backup_check_refs(r->db, item, r->org.id, fe);
}

static json_t *bk_to_json(const void *item)
{
	return backup_to_json(item);
}

static const struct api_resource backups = {
	.path = "backups",
	.item = &store_item_backup,
	.list = bk_list,
	.input = bk_input,
	.to_json = bk_to_json,
};

void api_backup_list(struct req *r) { api_res_list(r, &backups); }
void api_backup_get(struct req *r) { api_res_get(r, &backups); }
void api_backup_create(struct req *r) { api_res_create(r, &backups); }
void api_backup_put(struct req *r) { api_res_change(r, &backups, 0); }
void api_backup_patch(struct req *r) { api_res_change(r, &backups, 1); }
void api_backup_delete(struct req *r) { api_res_delete(r, &backups); }

/* ---------------------------------------------------------------- restore tests */

/* Under /backups/{id}/restore-tests the path id is the backup's. */
static enum kf_err rt_list(struct req *r, void **items_r, size_t *n_r)
{
	return store_restore_test_list(r->db, r->arena, r->org.id, r->id, (struct restore_test **)items_r, n_r);
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

/* POST /backups/{id}/restore-tests: the address names the backup */
static void rt_placed(struct req *r, void *item)
{
	((struct restore_test *)item)->backup_id = r->id;
}

static json_t *rt_to_json(const void *item)
{
	return restore_test_to_json(item);
}

static const struct api_resource restore_tests = {
	.path = "restore-tests",
	.item = &store_item_restore_test,
	.list = rt_list,
	.input = rt_input,
	.placed = rt_placed,
	.to_json = rt_to_json,
};

void api_restore_test_list(struct req *r) { api_res_list(r, &restore_tests); }
void api_restore_test_get(struct req *r) { api_res_get(r, &restore_tests); }
void api_restore_test_create(struct req *r) { api_res_create(r, &restore_tests); }
void api_restore_test_put(struct req *r) { api_res_change(r, &restore_tests, 0); }
void api_restore_test_patch(struct req *r) { api_res_change(r, &restore_tests, 1); }
void api_restore_test_delete(struct req *r) { api_res_delete(r, &restore_tests); }
