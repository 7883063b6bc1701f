/* web_resource.h: the create, edit, update and delete pages of every plan register, driven by an item description. */
#ifndef KF_WEB_RESOURCE_H
#define KF_WEB_RESOURCE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/fielderr.h"
#include "../lib/err.h"
#include "../store/store_item.h"

struct req;

/*
 * An item type with a form: its store functions (struct store_item) and its
 * pages. Every callback works in r's organisation and arena.
 */
struct web_resource {
	const struct store_item *item;
	const char *gone_msgid; /* the 404 page of a missing item */
	const char *create_gone_msgid; /* the 404 page when creating finds something missing; NULL: always 500 */
	int confirm_db_error; /* the delete question: a failed read is a database error (500), not 404 */
	/* Form → item, every rule and the reference checks; -1 when fe names a mistake. */
	int (*read_form)(struct req *r, void *item, struct field_errors *fe);
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

#endif
