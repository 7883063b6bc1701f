/* api_contacts.c: /api/v1/orgs/{org}/contacts, described for the shared resource handlers. */
#include <stddef.h>

#include "../http/request.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "api.h"
#include "api_resource.h"
#include "../lib/banned.h"

static enum kf_err list(struct req *r, void **items_r, size_t *n_r)
{
	return store_contact_list(r->db, r->arena, r->org.id, (struct contact **)items_r, n_r);
}

static void input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	char today[11];

	contact_from_json(item, r->arena, body, partial, fe);
	kf_date_iso(kf_now(), today);
	contact_validate(item, r->arena, today, fe);
}

static json_t *to_json(const void *item)
{
	return contact_to_json(item);
}

static const struct api_resource contacts = {
	.path = "contacts",
	.item = &store_item_contact,
	.list = list,
	.input = input,
	.to_json = to_json,
	.in_use_msgid = N_("This contact still fills a role or is named in the alarm chain. Assign the role or the alarm step to someone else first."),
};

void api_contact_list(struct req *r) { api_res_list(r, &contacts); }
void api_contact_get(struct req *r) { api_res_get(r, &contacts); }
void api_contact_create(struct req *r) { api_res_create(r, &contacts); }
void api_contact_put(struct req *r) { api_res_change(r, &contacts, 0); }
void api_contact_patch(struct req *r) { api_res_change(r, &contacts, 1); }
void api_contact_delete(struct req *r) { api_res_delete(r, &contacts); }
