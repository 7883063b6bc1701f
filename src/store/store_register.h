/* store_register.h: the versioned create, update and delete every plan register goes through (src/store only). */
#ifndef KF_STORE_REGISTER_H
#define KF_STORE_REGISTER_H

#include "store-private.h"
#include "store_item.h"

/*
 * What a register's writes differ in. Its statements follow one pattern:
 * insert binds ?1 = org, the item's own columns from ?2, then the time and the
 * actor (a child item: its parent's id at ?2 and its own columns from ?3);
 * update binds org, id, expected version, the columns from ?4, then the time
 * and the actor; delete binds org, id, expected version, time, actor.
 */
struct store_register {
	const struct store_item *item; /* size, get: the item before a write and as stored after it */
	const char *entity;            /* in the history, e.g. "backup" */
	enum stmt insert, update, remove;
	/* Or 0: a child item (e.g. the restore test of a backup): where its parent's id is in the item. It is
	 * bound on insert, checked with parent_exists (?1 org, ?2 id) on create, and kept on update. */
	size_t parent_offset;
	enum stmt parent_exists;
	/* Binds the item's own columns from first on; returns how many. */
	int (*bind)(struct query *q, const void *item, int first);
	json_t *(*to_json)(const void *item);
	/* Or NULL: a field error for each reference that is not a live item of org; KF_EINVAL when any. */
	enum kf_err (*check_refs)(struct store_conn *c, struct arena *a, const void *item, int64_t org,
				  struct field_errors *fe);
	/* Or NULL: replaces the item's child rows once its own row is written. */
	enum kf_err (*children)(struct store_conn *c, int64_t org, const void *item);
	/* Or NULL: what keeps item id from being deleted; *used_by_r stays NULL when nothing does. */
	enum kf_err (*used_by)(struct store_conn *c, struct arena *a, int64_t org, int64_t id, const char **used_by_r);
	/* Or NULL: what a deletion changes first in other items (e.g. links to the item). */
	enum kf_err (*before_delete)(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id);
	/* Or NULL: what else one write marks, after its history (e.g. review marks); before/after NULL where
	 * the item did not exist. */
	enum kf_err (*after_write)(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *action,
				   const void *before, const void *after);
	/* Or NULL (bind): an insert's own columns where it binds more than an update (e.g. a link set only on
	 * creation); returns how many. */
	int (*bind_insert)(struct query *q, const void *item, int first);
	/* Or NULL: binds the columns that follow the time and the actor in insert and update, from first on. */
	void (*bind_tail)(struct query *q, const void *item, int first);
	/* Or NULL: on create (before NULL) and update, after check_refs and just before the item's row is
	 * written; may set the item's own columns and change other items (e.g. a step's place in a chain).
	 * KF_EINVAL with fe for rules that need the database. */
	enum kf_err (*before_write)(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				    const void *before, void *item, struct field_errors *fe);
	/* Or NULL: the field error (KF_EINVAL, not KF_EDB) when a write breaks a unique constraint, e.g. a
	 * second runbook of one system written meanwhile. */
	const char *unique_field, *unique_msg;
};

/* In its own transaction (nested inside a caller's batch). Sets the item's id and version. */
enum kf_err register_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			    const struct store_register *reg, void *item, struct field_errors *fe);
/* The item's id names it; KF_ECONFLICT fills current_r when expected_version is not the stored one. */
enum kf_err register_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			    const struct store_register *reg, int64_t expected_version, void *item, void *current_r,
			    struct field_errors *fe);
/* KF_ECONFLICT or KF_EINUSE (with used_by) fill current_r. used_by_r may be NULL where nothing can block. */
enum kf_err register_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			    const struct store_register *reg, int64_t id, int64_t expected_version, void *current_r,
			    const char **used_by_r);

#endif
