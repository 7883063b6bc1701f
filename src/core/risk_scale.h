/* risk_scale.h: the risk scale of an organisation (5×5 or the BSI 200-3 style 4×4), its levels, and value mapping. */
#ifndef KF_RISK_SCALE_H
#define KF_RISK_SCALE_H

#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

#define RISK_SCALE_MAX 5 /* the largest scale size: likelihood and impact never exceed it */

enum risk_scale_kind { RISK_SCALE_5X5, RISK_SCALE_BSI4, RISK_SCALE__MAX };

enum risk_level { RISK_LOW, RISK_MEDIUM, RISK_HIGH, RISK_CRITICAL, RISK_LEVEL__MAX };

/* API names ("5x5", "bsi-4x4") and English label ids. */
const char *risk_scale_name(enum risk_scale_kind s);
const char *risk_scale_label(enum risk_scale_kind s);
int risk_scale_parse(const char *s, enum risk_scale_kind *s_r);
/* How many steps likelihood and impact have: 5 or 4. */
int risk_scale_size(enum risk_scale_kind s);
/* Label ids of a value 1..size of the scale; "" outside. */
const char *risk_scale_likelihood_label(enum risk_scale_kind s, int value);
const char *risk_scale_impact_label(enum risk_scale_kind s, int value);
/*
 * The level of a score (likelihood × impact) on the scale:
 * 5×5: low 1–4, medium 5–9, high 10–16, critical 20–25;
 * 4×4: low 1–3, medium 4–6, high 8–9, critical 12–16. Low for 0.
 */
enum risk_level risk_scale_level(enum risk_scale_kind s, int score);
/*
 * A value 1..size of scale from onto scale to, proportionally and rounded
 * half up (no risk gets milder by rounding): 5→4 maps 1,2,3,4,5 to
 * 1,2,3,3,4; 4→5 maps 1,2,3,4 to 1,2,4,5. 0 stays 0.
 */
int risk_scale_map(enum risk_scale_kind from, enum risk_scale_kind to, int value);
/* "must be a whole number from 1 to N" for the scale. */
const char *risk_scale_msg(enum risk_scale_kind s);

/*
 * The risk settings of an organisation (one item). Before the first write it
 * does not exist: id and version are 0 and the scale is 5×5.
 */
struct risk_settings {
	int64_t id;
	int64_t version;
	enum risk_scale_kind scale;
	int64_t created_at;
	int64_t updated_at;
};

void risk_settings_init(struct risk_settings *s);
/*
 * A full replace (PUT) from JSON: "scale" is required; *confirm_r is set from
 * the optional "confirm_rescale" (true/false). Unknown keys are field errors.
 */
void risk_settings_from_json(struct risk_settings *s, const json_t *obj, int *confirm_r, struct field_errors *fe);
/* Form field "scale". */
void risk_settings_from_form(struct risk_settings *s, const struct kv_list *form, struct field_errors *fe);
json_t *risk_settings_to_json(const struct risk_settings *s);

#endif
