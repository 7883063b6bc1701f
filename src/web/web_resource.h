/* web_resource.h: the create, edit, update and delete pages of every plan register, driven by an item description. */
#ifndef KF_WEB_RESOURCE_H
#define KF_WEB_RESOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/fielderr.h"
#include "../lib/err.h"

struct req;

/*
 * An item type with a form. Items are structs that begin with
 * `int64_t id; int64_t version;` (checked with WEB_RESOURCE_LAYOUT_OK beside
 * each description). Every callback works in r's organisation and arena.
 */
struct web_resource {
	size_t size; /* sizeof the item */
	const char *gone_msgid; /* the 404 page of a missing item */
	const char *create_gone_msgid; /* the 404 page when creating finds something missing; NULL: always 500 */
	int confirm_db_error; /* the delete question: a failed read is a database error (500), not 404 */
	void (*init)(void *item);
	enum kf_err (*get)(struct req *r, int64_t id, void *out);
	/* Form → item, every rule and the reference checks; -1 when fe names a mistake. */
	int (*read_form)(struct req *r, void *item, struct field_errors *fe);
	/* Stores a new item (sets id and version); KF_EINVAL with fe for rules that need the database. */
	enum kf_err (*create)(struct req *r, void *item, struct field_errors *fe);
	/* KF_ECONFLICT fills current; KF_EINVAL fills fe. */
	enum kf_err (*update)(struct req *r, int64_t version, void *item, void *current, struct field_errors *fe);
	/* KF_ECONFLICT fills current; KF_EINUSE fills current and may set *blockers_r (a readable list). */
	enum kf_err (*remove)(struct req *r, int64_t id, int64_t version, void *current, const char **blockers_r);
	/* The form; current is what someone else stored meanwhile (409) or NULL. */
	void (*form)(struct req *r, int status, const void *item, const struct field_errors *fe, const void *current);
	/* The delete question; changed after a conflict, blockers after KF_EINUSE (or NULL). */
	void (*confirm)(struct req *r, int status, const void *item, int changed, const char *blockers);
	/* Where a successful write leads; after a deletion item is NULL, or with keep the item as it was stored. */
	void (*back)(struct req *r, char *buf, size_t len, const void *item);
	/* Or NULL. Copies what the form never changes (e.g. the item's exercise) from the stored item: update and
	 * delete read the item first. */
	void (*keep)(void *item, const void *stored);
};

void web_res_create(struct req *r, const struct web_resource *res);
void web_res_edit(struct req *r, const struct web_resource *res);
void web_res_update(struct req *r, const struct web_resource *res);
void web_res_confirm_delete(struct req *r, const struct web_resource *res);
void web_res_delete(struct req *r, const struct web_resource *res);

#define WEB_RESOURCE_LAYOUT_OK(type) \
	(offsetof(type, id) == 0 && offsetof(type, version) == sizeof(int64_t))

#endif
