/* api_acknowledgements.c: /api/v1/orgs/{org}/acknowledgements, described for the shared resource handlers. */
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
	return store_ack_list(r->db, r->arena, r->org.id, (struct acknowledgement **)items_r, n_r);
}

static void input(struct req *r, void *item, const json_t *body, int partial, struct field_errors *fe)
{
	char today[11];

	kf_date_iso(kf_now(), today);
	ack_from_json(item, r->arena, body, partial, fe);
	ack_validate(item, today, fe);
}

static json_t *to_json(const void *item)
{
	return ack_to_json(item);
}

static const struct api_resource acknowledgements = {
	.path = "acknowledgements",
	.item = &store_item_ack,
	.list = list,
	.input = input,
	.to_json = to_json,
	.in_use_msgid = NULL,
};

void api_ack_list(struct req *r) { api_res_list(r, &acknowledgements); }
void api_ack_get(struct req *r) { api_res_get(r, &acknowledgements); }
void api_ack_create(struct req *r) { api_res_create(r, &acknowledgements); }
void api_ack_put(struct req *r) { api_res_change(r, &acknowledgements, 0); }
void api_ack_patch(struct req *r) { api_res_change(r, &acknowledgements, 1); }
void api_ack_delete(struct req *r) { api_res_delete(r, &acknowledgements); }
