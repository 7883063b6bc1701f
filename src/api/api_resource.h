/* api_resource.h: the six JSON handlers every plan register shares, driven by a description of the item. */
#ifndef KF_API_RESOURCE_H
#define KF_API_RESOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "../core/fielderr.h"
#include "../lib/err.h"

struct req;

/*
 * An editable item type. Items are structs that begin with
 * `int64_t id; int64_t version;` (checked where each resource is defined).
 * Every callback works in the request's organisation (r->org.id) and arena.
 */
struct api_resource {
	const char *path; /* plural noun under /api/v1/orgs/{org}/, e.g. "contacts" */
	size_t size;      /* sizeof the item */
	void (*init)(void *item);
	enum kf_err (*list)(struct req *r, void **items_r, size_t *n_r);
	enum kf_err (*get)(struct req *r, int64_t id, void *out);
	/* Applies body (all fields, or only the given ones when partial) and checks every rule. */
	void (*input)(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe);
	/* Stores a new item (sets id and version); KF_EINVAL with fe for rules that need the database. */
	enum kf_err (*create)(struct req *r, void *item, struct field_errors *fe);
	/* KF_ECONFLICT fills current; KF_EINVAL fills fe. */
	enum kf_err (*update)(struct req *r, int64_t version, void *item, void *current, struct field_errors *fe);
	/* KF_ECONFLICT fills current; KF_EINUSE sets *blockers_r (a readable list). */
	enum kf_err (*remove)(struct req *r, int64_t id, int64_t version, void *current, const char **blockers_r);
	json_t *(*to_json)(const void *item);
	const char *in_use_msgid; /* why KF_EINUSE refuses a deletion, or NULL */
};

void api_res_list(struct req *r, const struct api_resource *res);
void api_res_get(struct req *r, const struct api_resource *res);
void api_res_create(struct req *r, const struct api_resource *res);
/* PUT (partial = 0) and PATCH (partial = 1). */
void api_res_change(struct req *r, const struct api_resource *res, int partial);
void api_res_delete(struct req *r, const struct api_resource *res);

/* For the checks beside each resource definition. */
#define API_RESOURCE_LAYOUT_OK(type) \
	(offsetof(type, id) == 0 && offsetof(type, version) == sizeof(int64_t))

#endif
