/* store_item.h: each plan register's store functions in one shape, for the shared API and web handlers. */
#ifndef KF_STORE_ITEM_H
#define KF_STORE_ITEM_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../core/fielderr.h"
#include "../lib/err.h"

struct arena;
struct store_conn;

/*
 * An editable item type. Items are structs that begin with
 * `int64_t id; int64_t version;` (STORE_ITEM_LAYOUT_OK). Every function works
 * in organisation org, like the typed store functions it stands for.
 */
struct store_item {
	size_t size; /* sizeof the item */
	void (*init)(void *item);
	enum kf_err (*get)(struct store_conn *c, struct arena *a, int64_t org, int64_t id, void *out);
	/* Stores a new item (sets id and version); KF_EINVAL with fe for rules that need the database. */
	enum kf_err (*create)(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, void *item,
			      struct field_errors *fe);
	/* KF_ECONFLICT fills current; KF_EINVAL fills fe. */
	enum kf_err (*update)(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t version,
			      void *item, void *current, struct field_errors *fe);
	/* KF_ECONFLICT fills current; KF_EINUSE fills current and sets *used_by_r (a readable list) where the
	 * register can say what blocks the deletion; otherwise *used_by_r is NULL. */
	enum kf_err (*remove)(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			      int64_t version, void *current, const char **used_by_r);
};

extern const struct store_item store_item_ack, store_item_alarm_step, store_item_backup, store_item_comm_template,
	store_item_contact, store_item_exercise, store_item_finding, store_item_plan_copy, store_item_process,
	store_item_restore_test, store_item_risk, store_item_risk_owncat, store_item_role, store_item_runbook,
	store_item_system, store_item_task, store_item_workaround;

#define STORE_ITEM_LAYOUT_OK(type) \
	(offsetof(type, id) == 0 && offsetof(type, version) == sizeof(int64_t))

static inline int64_t store_item_id(const void *item)
{
	int64_t id;

	memcpy(&id, item, sizeof(id));
	return id;
}

static inline int64_t store_item_version(const void *item)
{
	int64_t v;

	memcpy(&v, (const char *)item + sizeof(int64_t), sizeof(v));
	return v;
}

#endif
