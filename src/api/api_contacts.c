/* api_contacts.c: /api/v1/orgs/{org}/contacts, described for the shared resource handlers. */
#include <stddef.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

_Static_assert(API_RESOURCE_LAYOUT_OK(struct contact), "contacts begin with id and version");

static void init(void *item)
{
	contact_init(item);
}

static enum kf_err list(struct req *r, void **items_r, size_t *n_r)
{
	return store_contact_list(r->db, r->arena, r->org.id, (struct contact **)items_r, n_r);
}

static enum kf_err get(struct req *r, int64_t id, void *out)
{
	return store_contact_get(r->db, r->arena, r->org.id, id, out);
}

static void input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	char today[11];

	contact_from_json(item, r->arena, body, partial, fe);
	kf_date_iso(kf_now(), today);
	contact_validate(item, r->arena, today, fe);
}

static enum kf_err create(struct req *r, void *item, struct field_errors *fe)
{
	(void)fe;
	return store_contact_create(r->db, r->arena, r->org.id, r->user.id, item);
}

static enum kf_err update(struct req *r, int64_t version, void *item, void *current, struct field_errors *fe)
{
	(void)fe;
	return store_contact_update(r->db, r->arena, r->org.id, r->user.id, version, item, current);
}

static enum kf_err remove_item(struct req *r, int64_t id, int64_t version, void *current, const char **blockers_r)
{
	return store_contact_delete(r->db, r->arena, r->org.id, r->user.id, id, version, current, blockers_r);
}

static json_t *to_json(const void *item)
{
	return contact_to_json(item);
}

static const struct api_resource contacts = {
	.path = "contacts",
	.size = sizeof(struct contact),
	.init = init,
	.list = list,
	.get = get,
	.input = input,
	.create = create,
	.update = update,
	.remove = remove_item,
	.to_json = to_json,
	.in_use_msgid = N_("This contact still fills a role or is named in the alarm chain. Assign the role or the alarm step to someone else first."),
};

void api_contact_list(struct req *r) { api_res_list(r, &contacts); }
void api_contact_get(struct req *r) { api_res_get(r, &contacts); }
void api_contact_create(struct req *r) { api_res_create(r, &contacts); }
void api_contact_put(struct req *r) { api_res_change(r, &contacts, 0); }
void api_contact_patch(struct req *r) { api_res_change(r, &contacts, 1); }
void api_contact_delete(struct req *r) { api_res_delete(r, &contacts); }
