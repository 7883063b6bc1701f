/* store_items.c: the typed store functions of each plan register in the one shape of struct store_item. */
#include "store.h"
#include "store_item.h"
#include "../lib/banned.h"

/*
 * Each register's functions differ only in the item's type, so one line per
 * register below writes its five adapters. The shapes: writes that report
 * rule violations in field errors (FE) or have none (PLAIN); deletions that
 * say what blocks them (USED_BY) or cannot be blocked (PLAIN).
 */
#define ITEM_GET(name, type)                                                                                   \
	static enum kf_err name##_get_item(struct store_conn *c, struct arena *a, int64_t org, int64_t id,      \
					   void *out)                                                          \
	{                                                                                                      \
		return store_##name##_get(c, a, org, id, (type *)out);                                         \
	}

#define ITEM_WRITE_FE(name, type)                                                                              \
	static enum kf_err name##_create_item(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, \
					      void *item, struct field_errors *fe)                             \
	{                                                                                                      \
		return store_##name##_create(c, a, org, actor, (type *)item, fe);                              \
	}                                                                                                      \
	static enum kf_err name##_update_item(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, \
					      int64_t version, void *item, void *current,                      \
					      struct field_errors *fe)                                         \
	{                                                                                                      \
		return store_##name##_update(c, a, org, actor, version, (type *)item, (type *)current, fe);    \
	}

#define ITEM_WRITE_PLAIN(name, type)                                                                           \
	static enum kf_err name##_create_item(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, \
					      void *item, struct field_errors *fe)                             \
	{                                                                                                      \
		(void)fe;                                                                                      \
		return store_##name##_create(c, a, org, actor, (type *)item);                                  \
	}                                                                                                      \
	static enum kf_err name##_update_item(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, \
					      int64_t version, void *item, void *current,                      \
					      struct field_errors *fe)                                         \
	{                                                                                                      \
		(void)fe;                                                                                      \
		return store_##name##_update(c, a, org, actor, version, (type *)item, (type *)current);        \
	}

#define ITEM_DELETE_USED_BY(name, type)                                                                        \
	static enum kf_err name##_remove_item(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, \
					      int64_t id, int64_t version, void *current,                      \
					      const char **used_by_r)                                          \
	{                                                                                                      \
		return store_##name##_delete(c, a, org, actor, id, version, (type *)current, used_by_r);      \
	}

#define ITEM_DELETE_PLAIN(name, type)                                                                          \
	static enum kf_err name##_remove_item(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, \
					      int64_t id, int64_t version, void *current,                      \
					      const char **used_by_r)                                          \
	{                                                                                                      \
		*used_by_r = NULL;                                                                             \
		return store_##name##_delete(c, a, org, actor, id, version, (type *)current);                  \
	}

#define STORE_ITEM(name, type, write, delete)                                                                  \
	_Static_assert(STORE_ITEM_LAYOUT_OK(type), #type " begins with id and version");                       \
	static void name##_init_item(void *item)                                                               \
	{                                                                                                      \
		name##_init((type *)item);                                                                     \
	}                                                                                                      \
	ITEM_GET(name, type)                                                                                   \
	ITEM_WRITE_##write(name, type)                                                                         \
	ITEM_DELETE_##delete(name, type)                                                                       \
	const struct store_item store_item_##name = {                                                          \
		.size = sizeof(type), .init = name##_init_item, .get = name##_get_item,                        \
		.create = name##_create_item, .update = name##_update_item, .remove = name##_remove_item,      \
	};

STORE_ITEM(ack, struct acknowledgement, FE, PLAIN)
STORE_ITEM(alarm_step, struct alarm_step, FE, PLAIN)
STORE_ITEM(backup, struct backup, FE, PLAIN)
STORE_ITEM(comm_template, struct comm_template, PLAIN, PLAIN)
STORE_ITEM(contact, struct contact, PLAIN, USED_BY)
STORE_ITEM(exercise, struct exercise, FE, USED_BY)
STORE_ITEM(finding, struct finding, FE, PLAIN)
STORE_ITEM(plan_copy, struct plan_copy, FE, PLAIN)
STORE_ITEM(process, struct process, FE, PLAIN)
STORE_ITEM(restore_test, struct restore_test, FE, PLAIN)
STORE_ITEM(risk, struct risk, FE, PLAIN)
STORE_ITEM(risk_owncat, struct risk_owncat, FE, USED_BY)
STORE_ITEM(role, struct role, FE, USED_BY)
STORE_ITEM(runbook, struct runbook, FE, PLAIN)
STORE_ITEM(system, struct system, FE, USED_BY)
STORE_ITEM(task, struct task, FE, PLAIN)
STORE_ITEM(workaround, struct workaround, FE, PLAIN)
