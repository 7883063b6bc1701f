/* risk.c: risk rules (scales, score, level), and conversions from JSON, forms and to JSON. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "jsonin.h"
#include "risk.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const category_names[RISK_CAT__MAX] = { "cyber", "technical", "environment",
							    "human", "provider",  "people" };
static const char *const category_labels[RISK_CAT__MAX] = {
	N_("Cyber attack"), N_("Technical failure"), N_("Environment and natural hazards"),
	N_("Human error"),  N_("Failure of a service provider"), N_("Loss of people"),
};
static const char *const status_names[RISK_STATUS__MAX] = { "open", "in_treatment", "accepted", "closed" };
static const char *const status_labels[RISK_STATUS__MAX] = { N_("Open"), N_("In treatment"), N_("Accepted"),
							      N_("Closed") };
static const char *const level_names[RISK_LEVEL__MAX] = { "low", "medium", "high", "critical" };
static const char *const level_labels[RISK_LEVEL__MAX] = { N_("low"), N_("medium"), N_("high"), N_("critical") };
static const char *const likelihood_labels[RISK_SCALE] = { N_("rare"), N_("unlikely"), N_("possible"),
							    N_("likely"), N_("almost certain") };
static const char *const impact_labels[RISK_SCALE] = { N_("negligible"), N_("minor"), N_("moderate"),
							N_("major"), N_("catastrophic") };

#define MSG_CATEGORY N_("must be one of cyber, technical, environment, human, provider, people")
#define MSG_STATUS N_("must be one of open, in_treatment, accepted, closed")
#define MSG_SCALE N_("must be a whole number from 1 to 5")

void risk_init(struct risk *k)
{
	memset(k, 0, sizeof(*k));
	k->title = k->description = k->measures = k->immediate_actions = "";
	k->category = RISK_CAT_UNSET;
	k->status = RISK_OPEN;
}

const char *risk_category_name(enum risk_category c)
{
	return (int)c >= 0 && c < RISK_CAT__MAX ? category_names[c] : "";
}

const char *risk_category_label(enum risk_category c)
{
	return (int)c >= 0 && c < RISK_CAT__MAX ? category_labels[c] : "";
}

int risk_category_parse(const char *s, enum risk_category *c_r)
{
	for (int i = 0; i < RISK_CAT__MAX; i++)
		if (strcmp(s, category_names[i]) == 0) {
			*c_r = (enum risk_category)i;
			return 0;
		}
	return -1;
}

const char *risk_status_name(enum risk_status s)
{
	return (int)s >= 0 && s < RISK_STATUS__MAX ? status_names[s] : status_names[RISK_OPEN];
}

const char *risk_status_label(enum risk_status s)
{
	return (int)s >= 0 && s < RISK_STATUS__MAX ? status_labels[s] : status_labels[RISK_OPEN];
}

int risk_status_parse(const char *s, enum risk_status *s_r)
{
	for (int i = 0; i < RISK_STATUS__MAX; i++)
		if (strcmp(s, status_names[i]) == 0) {
			*s_r = (enum risk_status)i;
			return 0;
		}
	return -1;
}

const char *risk_level_name(enum risk_level l)
{
	return (int)l >= 0 && l < RISK_LEVEL__MAX ? level_names[l] : level_names[RISK_LOW];
}

const char *risk_level_label(enum risk_level l)
{
	return (int)l >= 0 && l < RISK_LEVEL__MAX ? level_labels[l] : level_labels[RISK_LOW];
}

const char *risk_likelihood_label(int value)
{
	return value >= 1 && value <= RISK_SCALE ? likelihood_labels[value - 1] : "";
}

const char *risk_impact_label(int value)
{
	return value >= 1 && value <= RISK_SCALE ? impact_labels[value - 1] : "";
}

int risk_score(const struct risk *k)
{
	if (k->likelihood < 1 || k->likelihood > RISK_SCALE || k->impact < 1 || k->impact > RISK_SCALE)
		return 0;
	return k->likelihood * k->impact;
}

enum risk_level risk_level_of_score(int score)
{
	if (score >= 20)
		return RISK_CRITICAL;
	if (score >= 10)
		return RISK_HIGH;
	if (score >= 5)
		return RISK_MEDIUM;
	return RISK_LOW;
}

/* A known threat id onto the list; an unknown one is a field error. */
static void add_threat(struct risk *k, const char *id, const char *field, struct field_errors *fe)
{
	const struct bsi_threat *t = bsi_threat_find(id);

	if (!t) {
		fe_add(fe, field, N_("is not a BSI elementary threat (G 0.1 to G 0.47)"));
		return;
	}
	for (int i = 0; i < k->nthreats; i++)
		if (k->threat_refs[i] == t->id) {
			fe_add(fe, field, N_("is chosen twice"));
			return;
		}
	if (k->nthreats >= RISK_MAX_THREATS) {
		fe_add(fe, "threat_refs", N_("has too many entries"));
		return;
	}
	k->threat_refs[k->nthreats++] = t->id;
}

static void threats_from_json(struct risk *k, const json_t *arr, struct field_errors *fe)
{
	char field[48];
	size_t i;

	if (!json_is_array(arr)) {
		fe_add(fe, "threat_refs", N_("must be a list"));
		return;
	}
	if (json_array_size(arr) > RISK_MAX_THREATS) {
		fe_add(fe, "threat_refs", N_("has too many entries"));
		return;
	}
	k->nthreats = 0;
	for (i = 0; i < json_array_size(arr); i++) {
		const json_t *v = json_array_get(arr, i);

		snprintf(field, sizeof(field), "threat_refs[%zu]", i);
		if (!json_is_string(v))
			fe_add(fe, field, N_("is not a BSI elementary threat (G 0.1 to G 0.47)"));
		else
			add_threat(k, json_string_value(v), field, fe);
	}
}

static void scale_from_json(const json_t *v, const char *field, int *out, struct field_errors *fe)
{
	if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > RISK_SCALE) {
		fe_add(fe, field, MSG_SCALE);
		return;
	}
	*out = (int)json_integer_value(v);
}

static void date_from_json(struct risk *k, struct arena *a, const json_t *v, struct field_errors *fe)
{
	const char *s = NULL;

	if (json_is_null(v)) {
		k->review_date[0] = '\0';
		return;
	}
	if (jsonin_string(v, a, "review_date", &s, fe) < 0)
		return;
	if (!*s || strlen(s) >= sizeof(k->review_date))
		fe_add(fe, "review_date", N_("is not a date (YYYY-MM-DD)"));
	else
		snprintf(k->review_date, sizeof(k->review_date), "%s", s);
}

void risk_from_json(struct risk *k, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key;
	const json_t *val;

	if (!partial) {
		int64_t id = k->id, version = k->version, cat = k->created_at, uat = k->updated_at;

		risk_init(k);
		k->id = id;
		k->version = version;
		k->created_at = cat;
		k->updated_at = uat;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "title") == 0)
			jsonin_string(val, a, key, &k->title, fe);
		else if (strcmp(key, "description") == 0)
			jsonin_string(val, a, key, &k->description, fe);
		else if (strcmp(key, "measures") == 0)
			jsonin_string(val, a, key, &k->measures, fe);
		else if (strcmp(key, "immediate_actions") == 0)
			jsonin_string(val, a, key, &k->immediate_actions, fe);
		else if (strcmp(key, "category") == 0) {
			if (!json_is_string(val) || risk_category_parse(json_string_value(val), &k->category) < 0)
				fe_add(fe, key, MSG_CATEGORY);
		} else if (strcmp(key, "status") == 0) {
			if (!json_is_string(val) || risk_status_parse(json_string_value(val), &k->status) < 0)
				fe_add(fe, key, MSG_STATUS);
		} else if (strcmp(key, "likelihood") == 0)
			scale_from_json(val, key, &k->likelihood, fe);
		else if (strcmp(key, "impact") == 0)
			scale_from_json(val, key, &k->impact, fe);
		else if (strcmp(key, "owner_contact_id") == 0) {
			long long id;

			if (jsonin_id_or_null(val, key, &id, fe) == 0)
				k->owner_contact_id = id;
		} else if (strcmp(key, "review_date") == 0)
			date_from_json(k, a, val, fe);
		else if (strcmp(key, "threat_refs") == 0)
			threats_from_json(k, val, fe);
		else if (jsonin_is_readonly(key) || strcmp(key, "score") == 0 || strcmp(key, "level") == 0)
			continue; /* computed: clients may send back what they read */
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

/* A scale value from a form: empty means not given (validate names it). */
static void scale_from_form(const char *v, const char *field, int *out, struct field_errors *fe)
{
	*out = 0;
	if (!v || !*v)
		return;
	if (strlen(v) != 1 || v[0] < '1' || v[0] > '0' + RISK_SCALE)
		fe_add(fe, field, MSG_SCALE);
	else
		*out = v[0] - '0';
}

void risk_from_form(struct risk *k, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;
	char field[48];
	long long id;
	size_t i;

	k->title = (v = kv_get(form, "title")) ? v : "";
	k->description = (v = kv_get(form, "description")) ? v : "";
	k->measures = (v = kv_get(form, "measures")) ? v : "";
	k->immediate_actions = (v = kv_get(form, "immediate_actions")) ? v : "";
	k->category = RISK_CAT_UNSET;
	v = kv_get(form, "category");
	if (v && *v && risk_category_parse(v, &k->category) < 0)
		fe_add(fe, "category", MSG_CATEGORY);
	k->status = RISK_OPEN;
	v = kv_get(form, "status");
	if (v && *v && risk_status_parse(v, &k->status) < 0)
		fe_add(fe, "status", MSG_STATUS);
	scale_from_form(kv_get(form, "likelihood"), "likelihood", &k->likelihood, fe);
	scale_from_form(kv_get(form, "impact"), "impact", &k->impact, fe);
	k->owner_contact_id = 0;
	v = kv_get(form, "owner_contact_id");
	if (v && *v) {
		if (parse_id(v, &id) < 0)
			fe_add(fe, "owner_contact_id", N_("must be the id of a contact or null"));
		else
			k->owner_contact_id = id;
	}
	v = kv_get(form, "review_date");
	if (v && strlen(v) >= sizeof(k->review_date))
		fe_add(fe, "review_date", N_("is not a date (YYYY-MM-DD)"));
	else
		snprintf(k->review_date, sizeof(k->review_date), "%s", v ? v : "");
	k->nthreats = 0;
	for (i = 0; i < form->n; i++) {
		if (strcmp(form->items[i].key, "threat") != 0)
			continue;
		snprintf(field, sizeof(field), "threat_refs[%d]", k->nthreats);
		add_threat(k, form->items[i].val, field, fe);
	}
}

void risk_validate(struct risk *k, struct arena *a, struct field_errors *fe)
{
	char field[48];
	int y, m, d, i, j;

	validate_line(fe, "title", a, k->title, 1, RISK_TITLE_MAX, &k->title);
	if ((int)k->category < 0 || k->category >= RISK_CAT__MAX)
		fe_add(fe, "category", MSG_CATEGORY);
	if ((int)k->status < 0 || k->status >= RISK_STATUS__MAX)
		fe_add(fe, "status", MSG_STATUS);
	if (k->likelihood < 1 || k->likelihood > RISK_SCALE)
		fe_add(fe, "likelihood", MSG_SCALE);
	if (k->impact < 1 || k->impact > RISK_SCALE)
		fe_add(fe, "impact", MSG_SCALE);
	validate_multiline(fe, "description", k->description, RISK_TEXT_MAX);
	validate_multiline(fe, "measures", k->measures, RISK_TEXT_MAX);
	validate_multiline(fe, "immediate_actions", k->immediate_actions, RISK_TEXT_MAX);
	if (k->review_date[0] && kf_date_parse(k->review_date, &y, &m, &d) < 0)
		fe_add(fe, "review_date", N_("is not a date (YYYY-MM-DD)"));
	for (i = 0; i < k->nthreats; i++)
		for (j = 0; j < i; j++)
			if (strcmp(k->threat_refs[i], k->threat_refs[j]) == 0) {
				snprintf(field, sizeof(field), "threat_refs[%d]", i);
				fe_add(fe, field, N_("is chosen twice"));
				break;
			}
}

json_t *risk_to_json(const struct risk *k)
{
	char created[21], updated[21];
	int score = risk_score(k);
	json_t *o, *refs;

	refs = json_array();
	if (!refs)
		return NULL;
	for (int i = 0; i < k->nthreats; i++)
		json_array_append_new(refs, json_string(k->threat_refs[i]));
	kf_time_iso(k->created_at, created);
	kf_time_iso(k->updated_at, updated);
	o = json_pack("{s:I, s:I, s:s, s:s, s:s, s:i, s:i, s:i, s:s, s:o, s:s, s:s, s:o, s:o, s:s, s:s, s:s}", "id",
		      (json_int_t)k->id, "version", (json_int_t)k->version, "title", k->title, "category",
		      risk_category_name(k->category), "description", k->description, "likelihood", k->likelihood,
		      "impact", k->impact, "score", score, "level", risk_level_name(risk_level_of_score(score)),
		      "owner_contact_id", k->owner_contact_id ? json_integer(k->owner_contact_id) : json_null(),
		      "measures", k->measures, "status", risk_status_name(k->status), "review_date",
		      k->review_date[0] ? json_string(k->review_date) : json_null(), "threat_refs", refs,
		      "immediate_actions", k->immediate_actions, "created_at", created, "updated_at", updated);
	return o;
}
