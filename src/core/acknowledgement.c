/* acknowledgement.c: staff acknowledgements: the ways of confirming, conversions, validation and counting. */
#include <stdio.h>
#include <string.h>

#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "acknowledgement.h"
#include "jsonin.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const how_names[ACK_HOW__MAX] = { "signature", "briefing", "email", "other" };
static const char *const how_labels[ACK_HOW__MAX] = { N_("Signature"), N_("Briefing"), N_("Email"), N_("Other") };

#define MSG_HOW N_("must be one of signature, briefing, email, other")
#define MSG_CONTACT N_("must be the id of a staff member")

void ack_init(struct acknowledgement *k)
{
	memset(k, 0, sizeof(*k));
	k->how = ACK_HOW_UNSET;
	k->notes = "";
}

const char *ack_how_name(enum ack_how h)
{
	return (int)h >= 0 && h < ACK_HOW__MAX ? how_names[h] : "";
}

const char *ack_how_label(enum ack_how h)
{
	return (int)h >= 0 && h < ACK_HOW__MAX ? how_labels[h] : "";
}

int ack_how_parse(const char *s, enum ack_how *h_r)
{
	for (int i = 0; i < ACK_HOW__MAX; i++)
		if (strcmp(s, how_names[i]) == 0) {
			*h_r = (enum ack_how)i;
			return 0;
		}
	return -1;
}

void ack_from_json(struct acknowledgement *k, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key;
	const json_t *val;

	if (!partial) {
		int64_t id = k->id, version = k->version, cat = k->created_at, uat = k->updated_at;

		ack_init(k);
		k->id = id;
		k->version = version;
		k->created_at = cat;
		k->updated_at = uat;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "contact_id") == 0) {
			if (!json_is_integer(val) || json_integer_value(val) <= 0)
				fe_add(fe, key, MSG_CONTACT);
			else
				k->contact_id = json_integer_value(val);
		} else if (strcmp(key, "confirmed_on") == 0)
			regfield_date_json(val, a, key, 0, k->confirmed_on, fe);
		else if (strcmp(key, "how") == 0) {
			if (!json_is_string(val) || ack_how_parse(json_string_value(val), &k->how) < 0)
				fe_add(fe, key, MSG_HOW);
		} else if (strcmp(key, "notes") == 0)
			jsonin_string(val, a, key, &k->notes, fe);
		else if (jsonin_is_readonly(key))
			continue;
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

void ack_from_form(struct acknowledgement *k, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;

	k->notes = (v = kv_get(form, "notes")) ? v : "";
	regfield_id_form(kv_get(form, "contact_id"), "contact_id", MSG_CONTACT, &k->contact_id, fe);
	regfield_date_form(kv_get(form, "confirmed_on"), "confirmed_on", k->confirmed_on, fe);
	k->how = ACK_HOW_UNSET;
	v = kv_get(form, "how");
	if (v && *v && ack_how_parse(v, &k->how) < 0)
		fe_add(fe, "how", MSG_HOW);
}

void ack_validate(struct acknowledgement *k, const char *today, struct field_errors *fe)
{
	if (k->contact_id <= 0)
		fe_add(fe, "contact_id", N_("is required: the staff member who confirmed"));
	if (!k->confirmed_on[0])
		fe_add(fe, "confirmed_on", N_("is required: the day of the confirmation (YYYY-MM-DD)"));
	else
		validate_past_date(fe, "confirmed_on", k->confirmed_on, today);
	if ((int)k->how < 0 || k->how >= ACK_HOW__MAX)
		fe_add(fe, "how", MSG_HOW);
	validate_multiline(fe, "notes", k->notes, ACK_NOTES_MAX);
}

json_t *ack_to_json(const struct acknowledgement *k)
{
	char created[21], updated[21];

	kf_time_iso(k->created_at, created);
	kf_time_iso(k->updated_at, updated);
	return json_pack("{s:I, s:I, s:I, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)k->id, "version",
			 (json_int_t)k->version, "contact_id", (json_int_t)k->contact_id, "confirmed_on", k->confirmed_on,
			 "how", ack_how_name(k->how), "notes", k->notes, "created_at", created, "updated_at", updated);
}

void ack_bulk_from_form(const struct kv_list *form, const char *today, struct acknowledgement *out, size_t *n_r,
			struct field_errors *fe)
{
	struct acknowledgement proto;
	struct field_errors own = { 0 };
	size_t n = 0, i, j;

	ack_init(&proto);
	regfield_date_form(kv_get(form, "confirmed_on"), "confirmed_on", proto.confirmed_on, fe);
	{
		const char *v = kv_get(form, "how");

		if (v && *v && ack_how_parse(v, &proto.how) < 0)
			fe_add(fe, "how", MSG_HOW);
	}
	for (i = 0; i < form->n; i++) {
		int64_t id;

		if (strcmp(form->items[i].key, "contact") != 0)
			continue;
		regfield_id_form(form->items[i].val, "contact", MSG_CONTACT, &id, fe);
		if (!id)
			continue;
		if (n >= ACK_BULK_MAX) {
			fe_add(fe, "contact", N_("has too many entries"));
			break;
		}
		for (j = 0; j < n && out[j].contact_id != id; j++)
			;
		if (j < n)
			continue; /* a repeated box is harmless */
		out[n] = proto;
		out[n].contact_id = id;
		n++;
	}
	if (n == 0)
		fe_add(fe, "contact", N_("choose at least one person"));
	/* the shared fields once, named as in the form */
	proto.contact_id = 1;
	ack_validate(&proto, today, &own);
	for (i = 0; i < (size_t)own.n; i++)
		fe_add(fe, own.e[i].field, own.e[i].msg);
	*n_r = fe->n ? 0 : n;
}

size_t ack_count_confirmed(const struct acknowledgement *list, size_t n, const int64_t *staff, size_t nstaff)
{
	size_t count = 0;

	for (size_t i = 0; i < nstaff; i++)
		for (size_t j = 0; j < n; j++)
			if (list[j].contact_id == staff[i]) {
				count++;
				break;
			}
	return count;
}
