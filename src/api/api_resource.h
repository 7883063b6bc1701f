/* api_resource.h: the six JSON handlers every plan register shares, driven by a description of the item. */
#ifndef KF_API_RESOURCE_H
#define KF_API_RESOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "../core/fielderr.h"
#include "../lib/err.h"
#include "../store/store_item.h"

struct req;

/*
 * An editable item type: its store functions (struct store_item) and what
 * the API adds. Every callback works in the request's organisation
 * (r->org.id) and arena.
 */
struct api_resource {
	const char *path; /* plural noun under /api/v1/orgs/{org}/, e.g. "contacts" */
	const struct store_item *item;
	enum kf_err (*list)(struct req *r, void **items_r, size_t *n_r);
	/* Applies body (all fields, or only the given ones when partial) and checks every rule. */
	void (*input)(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe);
	/* Or NULL. Sets what the address of a create names, e.g. the backup of a new restore test. */
	void (*placed)(struct req *r, void *item);
	/* Or NULL. Fills what the store does not keep (derived values) into items before they are answered. */
	enum kf_err (*complete)(struct req *r, void *items, size_t n);
	json_t *(*to_json)(const void *item);
	const char *in_use_msgid; /* why KF_EINUSE refuses a deletion, or NULL */
};

void api_res_list(struct req *r, const struct api_resource *res);
void api_res_get(struct req *r, const struct api_resource *res);
void api_res_create(struct req *r, const struct api_resource *res);
/* PUT (partial = 0) and PATCH (partial = 1). */
void api_res_change(struct req *r, const struct api_resource *res, int partial);
void api_res_delete(struct req *r, const struct api_resource *res);

#endif
