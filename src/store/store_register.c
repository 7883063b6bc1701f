/* store_register.c: one versioned write of a plan register: read, compare the version, write, record the history. */
#include <string.h>

#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "store_register.h"
#include "../lib/banned.h"

static void set_id(void *item, int64_t id)
{
	memcpy(item, &id, sizeof(id));
}

static int64_t parent_of(const struct store_register *reg, const void *item)
{
	int64_t id;

	memcpy(&id, (const char *)item + reg->parent_offset, sizeof(id));
	return id;
}

/* The history record of one write; after is read again first, so the record shows what is stored. */
static enum kf_err record(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			  const struct store_register *reg, const char *action, const void *before, void *after)
{
	enum kf_err err;

	if (after && (err = reg->item->get(c, a, org, store_item_id(after), after)))
		return err;
	err = history_snapshots(c, org, reg->entity, store_item_id(after ? after : before), action, actor,
				before != NULL, before ? reg->to_json(before) : NULL, after != NULL,
				after ? reg->to_json(after) : NULL);
	if (!err && reg->after_write)
		err = reg->after_write(c, a, org, actor, action, before, after);
	return err;
}

/* The error of a write that failed (q_exec < 0): a field error where it broke the register's unique rule. */
static enum kf_err write_failed(const struct store_register *reg, int rc, struct field_errors *fe)
{
	if (rc == -2 && reg->unique_field) {
		fe_add(fe, reg->unique_field, reg->unique_msg);
		return KF_EINVAL;
	}
	return KF_EDB;
}

/* Reads the stored item into before; KF_ECONFLICT (current_r filled) when its version is not expected. */
static enum kf_err read_before(struct store_conn *c, struct arena *a, int64_t org, const struct store_register *reg,
			       int64_t id, int64_t expected_version, void *before, void *current_r)
{
	enum kf_err err = reg->item->get(c, a, org, id, before);

	if (!err && store_item_version(before) != expected_version) {
		memcpy(current_r, before, reg->item->size);
		err = KF_ECONFLICT;
	}
	return err;
}

/* What create and update check before the item's row is written (before: NULL on create). */
static enum kf_err before_row(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			      const struct store_register *reg, const void *before, void *item, struct field_errors *fe)
{
	enum kf_err err = reg->check_refs ? reg->check_refs(c, a, item, org, fe) : KF_OK;

	if (!err && reg->before_write)
		err = reg->before_write(c, a, org, actor, before, item, fe);
	return err;
}

/* The time and the actor from index at on, then the columns that follow them. */
static void bind_stamp(struct query *q, const struct store_register *reg, const void *item, int at, int64_t actor)
{
	q_int(q, at, kf_now());
	q_id_or_null(q, at + 1, actor);
	if (reg->bind_tail)
		reg->bind_tail(q, item, at + 2);
}

/* What create and update do once the item's row is written: its child rows and the history. */
static enum kf_err after_row(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			     const struct store_register *reg, const char *action, const void *before, void *item)
{
	enum kf_err err = reg->children ? reg->children(c, org, item) : KF_OK;

	return err ? err : record(c, a, org, actor, reg, action, before, item);
}

enum kf_err register_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			    const struct store_register *reg, void *item, struct field_errors *fe)
{
	enum kf_err err;
	struct query q;
	int n, rc;

	err = tx_begin(c);
	if (err)
		return err;
	set_id(item, 0);
	/* a new child item names a live parent of org */
	err = reg->parent_offset ? q_exists(c, reg->parent_exists, org, parent_of(reg, item)) : KF_OK;
	if (!err)
		err = before_row(c, a, org, actor, reg, NULL, item, fe);
	if (err)
		goto fail;
	q_start(&q, c, reg->insert);
	q_int(&q, 1, org);
	if (reg->parent_offset)
		q_int(&q, 2, parent_of(reg, item));
	n = (reg->parent_offset ? 1 : 0) +
	    (reg->bind_insert ? reg->bind_insert : reg->bind)(&q, item, reg->parent_offset ? 3 : 2);
	bind_stamp(&q, reg, item, 2 + n, actor);
	if ((rc = q_exec(&q)) < 0) {
		err = write_failed(reg, rc, fe);
		goto fail;
	}
	set_id(item, c->store->drv->last_insert_id(c->db));
	err = after_row(c, a, org, actor, reg, "create", NULL, item);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	set_id(item, 0);
	tx_rollback(c);
	return err;
}

enum kf_err register_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			    const struct store_register *reg, int64_t expected_version, void *item, void *current_r,
			    struct field_errors *fe)
{
	void *before = arena_alloc(a, reg->item->size);
	int64_t id = store_item_id(item);
	enum kf_err err;
	struct query q;
	int n, rc;

	if (!before)
		return KF_ENOMEM;
	err = tx_begin(c);
	if (err)
		return err;
	err = read_before(c, a, org, reg, id, expected_version, before, current_r);
	if (!err && reg->parent_offset) /* a child stays with its parent */
		memcpy((char *)item + reg->parent_offset, (const char *)before + reg->parent_offset, sizeof(int64_t));
	if (!err)
		err = before_row(c, a, org, actor, reg, before, item, fe);
	if (err)
		goto fail;
	q_start(&q, c, reg->update);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, expected_version);
	n = reg->bind(&q, item, 4);
	bind_stamp(&q, reg, item, 4 + n, actor);
	if ((rc = q_exec(&q)) < 0 || c->store->drv->changes(c->db) != 1) {
		err = rc < 0 ? write_failed(reg, rc, fe) : KF_EDB;
		goto fail;
	}
	err = after_row(c, a, org, actor, reg, "update", before, item);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err register_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			    const struct store_register *reg, int64_t id, int64_t expected_version, void *current_r,
			    const char **used_by_r)
{
	void *before = arena_alloc(a, reg->item->size);
	const char *used_by = NULL;
	enum kf_err err;
	struct query q;

	if (used_by_r)
		*used_by_r = NULL;
	if (!before)
		return KF_ENOMEM;
	err = tx_begin(c);
	if (err)
		return err;
	err = read_before(c, a, org, reg, id, expected_version, before, current_r);
	if (!err && reg->used_by && !(err = reg->used_by(c, a, org, id, &used_by)) && used_by) {
		memcpy(current_r, before, reg->item->size);
		err = KF_EINUSE;
	}
	if (!err && reg->before_delete)
		err = reg->before_delete(c, a, org, actor, id);
	if (err)
		goto fail;
	q_start(&q, c, reg->remove);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, expected_version);
	q_int(&q, 4, kf_now());
	q_id_or_null(&q, 5, actor);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = record(c, a, org, actor, reg, "delete", before, NULL);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	if (used_by_r && err == KF_EINUSE)
		*used_by_r = used_by;
	tx_rollback(c);
	return err;
}
