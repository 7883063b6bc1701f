/* risk_scale.c: the two risk scales, their labels and level bands, mapping between them, and the risk settings item. */
#include <stdio.h>
#include <string.h>

#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "jsonin.h"
#include "risk_scale.h"
#include "../lib/banned.h"

static const char *const scale_names[RISK_SCALE__MAX] = { "5x5", "bsi-4x4" };
static const char *const scale_labels[RISK_SCALE__MAX] = { N_("5 × 5 (five steps each)"),
							    N_("4 × 4 in the style of BSI standard 200-3") };
static const int scale_sizes[RISK_SCALE__MAX] = { 5, 4 };

static const char *const likelihood_labels[RISK_SCALE__MAX][RISK_SCALE_MAX] = {
	{ N_("rare"), N_("unlikely"), N_("possible"), N_("likely"), N_("almost certain") },
	{ N_("seldom"), N_("medium"), N_("frequent"), N_("very frequent"), "" },
};
static const char *const impact_labels[RISK_SCALE__MAX][RISK_SCALE_MAX] = {
	{ N_("negligible"), N_("minor"), N_("moderate"), N_("major"), N_("catastrophic") },
	{ N_("negligible"), N_("limited"), N_("considerable"), N_("threatens the existence"), "" },
};
/* The lowest score of medium, high and critical per scale. */
static const int level_from[RISK_SCALE__MAX][3] = { { 5, 10, 20 }, { 4, 8, 12 } };

const char *risk_scale_name(enum risk_scale_kind s)
{
	return (int)s >= 0 && s < RISK_SCALE__MAX ? scale_names[s] : scale_names[RISK_SCALE_5X5];
}

const char *risk_scale_label(enum risk_scale_kind s)
{
	return (int)s >= 0 && s < RISK_SCALE__MAX ? scale_labels[s] : scale_labels[RISK_SCALE_5X5];
}

int risk_scale_parse(const char *s, enum risk_scale_kind *s_r)
{
	for (int i = 0; i < RISK_SCALE__MAX; i++)
		if (strcmp(s, scale_names[i]) == 0) {
			*s_r = (enum risk_scale_kind)i;
			return 0;
		}
	return -1;
}

int risk_scale_size(enum risk_scale_kind s)
{
	return (int)s >= 0 && s < RISK_SCALE__MAX ? scale_sizes[s] : scale_sizes[RISK_SCALE_5X5];
}

const char *risk_scale_likelihood_label(enum risk_scale_kind s, int value)
{
	if ((int)s < 0 || s >= RISK_SCALE__MAX || value < 1 || value > scale_sizes[s])
		return "";
	return likelihood_labels[s][value - 1];
}

const char *risk_scale_impact_label(enum risk_scale_kind s, int value)
{
	if ((int)s < 0 || s >= RISK_SCALE__MAX || value < 1 || value > scale_sizes[s])
		return "";
	return impact_labels[s][value - 1];
}

enum risk_level risk_scale_level(enum risk_scale_kind s, int score)
{
	const int *from = level_from[(int)s >= 0 && s < RISK_SCALE__MAX ? s : RISK_SCALE_5X5];

	if (score >= from[2])
		return RISK_CRITICAL;
	if (score >= from[1])
		return RISK_HIGH;
	if (score >= from[0])
		return RISK_MEDIUM;
	return RISK_LOW;
}

int risk_scale_map(enum risk_scale_kind from, enum risk_scale_kind to, int value)
{
	int nf = risk_scale_size(from), nt = risk_scale_size(to);

	if (value < 1)
		return 0;
	if (value > nf)
		value = nf;
	if (nf == nt)
		return value;
	/* round((value - 1) × (nt - 1) / (nf - 1)) + 1, halves up */
	return ((value - 1) * (nt - 1) * 2 + (nf - 1)) / (2 * (nf - 1)) + 1;
}

const char *risk_scale_msg(enum risk_scale_kind s)
{
	return risk_scale_size(s) == 4 ? N_("must be a whole number from 1 to 4") : N_("must be a whole number from 1 to 5");
}

void risk_settings_init(struct risk_settings *s)
{
	memset(s, 0, sizeof(*s));
	s->scale = RISK_SCALE_5X5;
}

#define MSG_SCALE_NAME N_("must be one of 5x5, bsi-4x4")

void risk_settings_from_json(struct risk_settings *s, const json_t *obj, int *confirm_r, struct field_errors *fe)
{
	const char *key;
	const json_t *val;
	int have_scale = 0;

	*confirm_r = 0;
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "scale") == 0) {
			have_scale = 1;
			if (!json_is_string(val) || risk_scale_parse(json_string_value(val), &s->scale) < 0)
				fe_add(fe, key, MSG_SCALE_NAME);
		} else if (strcmp(key, "confirm_rescale") == 0) {
			if (!json_is_boolean(val))
				fe_add(fe, key, N_("must be true or false"));
			else
				*confirm_r = json_is_true(val);
		} else if (jsonin_is_readonly(key) || strcmp(key, "scale_size") == 0) {
			continue;
		} else {
			fe_add(fe, key, N_("is not a known field"));
		}
	}
	if (!have_scale)
		fe_add(fe, "scale", MSG_SCALE_NAME);
}

void risk_settings_from_form(struct risk_settings *s, const struct kv_list *form, struct field_errors *fe)
{
	const char *v = kv_get(form, "scale");

	if (!v || risk_scale_parse(v, &s->scale) < 0)
		fe_add(fe, "scale", MSG_SCALE_NAME);
}

json_t *risk_settings_to_json(const struct risk_settings *s)
{
	char created[21], updated[21];

	kf_time_iso(s->created_at, created);
	kf_time_iso(s->updated_at, updated);
	return json_pack("{s:o, s:I, s:s, s:i, s:o, s:o}", "id", s->id ? json_integer(s->id) : json_null(), "version",
			 (json_int_t)s->version, "scale", risk_scale_name(s->scale), "scale_size",
			 risk_scale_size(s->scale), "created_at", s->version ? json_string(created) : json_null(),
			 "updated_at", s->version ? json_string(updated) : json_null());
}
