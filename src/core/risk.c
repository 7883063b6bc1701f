/* risk.c: risk rules (scales, score, level), and conversions from JSON, forms and to JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "jsonin.h"
#include "process.h"
#include "risk.h"
#include "system.h"
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

#define MSG_CATEGORY N_("must be one of cyber, technical, environment, human, provider, people, or custom:<id> of an own category")
#define MSG_STATUS N_("must be one of open, in_treatment, accepted, closed")
#define MSG_SCALE(k) risk_scale_msg((k)->scale)

void risk_init(struct risk *k)
{
	memset(k, 0, sizeof(*k));
	k->title = k->description = k->measures = k->immediate_actions = k->category_name = "";
	k->category = RISK_CAT_UNSET;
	k->scale = RISK_SCALE_5X5;
	k->cost_per_day = -1;
	k->status = RISK_OPEN;
}

const char *risk_category_name(enum risk_category c)
{
	if (c == RISK_CAT_OWN)
		return "custom";
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

int risk_category_value_parse(const char *s, enum risk_category *c_r, int64_t *id_r)
{
	long long id;

	if (strncmp(s, "custom:", 7) == 0) {
		if (parse_id(s + 7, &id) < 0)
			return -1;
		*c_r = RISK_CAT_OWN;
		*id_r = id;
		return 0;
	}
	if (risk_category_parse(s, c_r) < 0)
		return -1;
	*id_r = 0;
	return 0;
}

const char *risk_category_value(struct arena *a, const struct risk *k)
{
	if (k->category == RISK_CAT_OWN)
		return arena_printf(a, "custom:%lld", (long long)k->category_id);
	return risk_category_name(k->category);
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
	return risk_scale_likelihood_label(RISK_SCALE_5X5, value);
}

const char *risk_impact_label(int value)
{
	return risk_scale_impact_label(RISK_SCALE_5X5, value);
}

int risk_score(const struct risk *k)
{
	int n = risk_scale_size(k->scale);

	if (k->likelihood < 1 || k->likelihood > n || k->impact < 1 || k->impact > n)
		return 0;
	return k->likelihood * k->impact;
}

enum risk_level risk_level_of_score(int score)
{
	return risk_scale_level(RISK_SCALE_5X5, score);
}

enum risk_level risk_level_of(const struct risk *k)
{
	return risk_scale_level(k->scale, risk_score(k));
}

void risk_rescale(struct risk *k, enum risk_scale_kind to)
{
	k->likelihood = risk_scale_map(k->scale, to, k->likelihood);
	k->impact = risk_scale_map(k->scale, to, k->impact);
	k->scale = to;
}

static long index_of_system(const struct system *systems, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (systems[i].id == id)
			return (long)i;
	return -1;
}

int64_t risk_cost_per_day(const struct risk *k, const struct system *systems, size_t n, const struct process *processes,
			  size_t np)
{
	char *hit = calloc(n ? n : 1, 1); /* systems that are affected, or need an affected one */
	int64_t sum = 0;
	int changed = 1;

	if (!hit)
		return -1;
	for (int i = 0; i < k->nsystems; i++) {
		long s = index_of_system(systems, n, k->system_ids[i]);

		if (s >= 0)
			hit[s] = 1;
	}
	/* a system that depends on a hit system is hit too; repeat until nothing changes (cycles end) */
	while (changed) {
		changed = 0;
		for (size_t s = 0; s < n; s++) {
			if (hit[s])
				continue;
			for (int d = 0; d < systems[s].ndeps && !hit[s]; d++) {
				long t = index_of_system(systems, n, systems[s].depends_on_ids[d]);

				if (t >= 0 && hit[t]) {
					hit[s] = 1;
					changed = 1;
				}
			}
		}
	}
	for (size_t p = 0; p < np; p++) {
		int counted = 0;

		for (int i = 0; i < k->nprocesses && !counted; i++)
			counted = processes[p].id == k->process_ids[i];
		for (int i = 0; i < processes[p].nsystems && !counted; i++) {
			long s = index_of_system(systems, n, processes[p].system_ids[i]);

			counted = s >= 0 && hit[s];
		}
		if (counted)
			sum += process_cost_per_day(&processes[p]);
	}
	free(hit);
	return sum;
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

static void scale_from_json(const struct risk *k, const json_t *v, const char *field, int *out, struct field_errors *fe)
{
	if (!json_is_integer(v) || json_integer_value(v) < 1 || json_integer_value(v) > risk_scale_size(k->scale)) {
		fe_add(fe, field, MSG_SCALE(k));
		return;
	}
	*out = (int)json_integer_value(v);
}

/* An id list ("process_ids") into ids; entries that are not positive whole numbers are field errors. */
static void ids_from_json(const json_t *arr, const char *name, const char *msg, int64_t *ids, int *n_r,
			  struct field_errors *fe)
{
	char field[48];
	size_t i;

	if (!json_is_array(arr)) {
		fe_add(fe, name, N_("must be a list"));
		return;
	}
	if (json_array_size(arr) > RISK_MAX_LINKS) {
		fe_add(fe, name, N_("has too many entries"));
		return;
	}
	*n_r = 0;
	for (i = 0; i < json_array_size(arr); i++) {
		const json_t *v = json_array_get(arr, i);

		if (!json_is_integer(v) || json_integer_value(v) <= 0) {
			snprintf(field, sizeof(field), "%s[%zu]", name, i);
			fe_add(fe, field, msg);
			ids[(*n_r)++] = 0; /* keeps the positions of the others */
			continue;
		}
		ids[(*n_r)++] = json_integer_value(v);
	}
}

#define MSG_PROCESS N_("is not a process of this organisation")
#define MSG_SYSTEM N_("is not an IT system of this organisation")

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
		enum risk_scale_kind scale = k->scale;

		risk_init(k);
		k->scale = scale;
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
			if (!json_is_string(val) ||
			    risk_category_value_parse(json_string_value(val), &k->category, &k->category_id) < 0)
				fe_add(fe, key, MSG_CATEGORY);
		} else if (strcmp(key, "status") == 0) {
			if (!json_is_string(val) || risk_status_parse(json_string_value(val), &k->status) < 0)
				fe_add(fe, key, MSG_STATUS);
		} else if (strcmp(key, "likelihood") == 0)
			scale_from_json(k, val, key, &k->likelihood, fe);
		else if (strcmp(key, "impact") == 0)
			scale_from_json(k, val, key, &k->impact, fe);
		else if (strcmp(key, "process_ids") == 0)
			ids_from_json(val, key, MSG_PROCESS, k->process_ids, &k->nprocesses, fe);
		else if (strcmp(key, "system_ids") == 0)
			ids_from_json(val, key, MSG_SYSTEM, k->system_ids, &k->nsystems, fe);
		else if (strcmp(key, "owner_contact_id") == 0) {
			long long id;

			if (jsonin_id_or_null(val, key, &id, fe) == 0)
				k->owner_contact_id = id;
		} else if (strcmp(key, "review_date") == 0)
			date_from_json(k, a, val, fe);
		else if (strcmp(key, "threat_refs") == 0)
			threats_from_json(k, val, fe);
		else if (jsonin_is_readonly(key) || strcmp(key, "score") == 0 || strcmp(key, "level") == 0 ||
			 strcmp(key, "cost_per_day") == 0 || strcmp(key, "category_name") == 0)
			continue; /* computed: clients may send back what they read */
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

/* A scale value from a form: empty means not given (validate names it). */
static void scale_from_form(const struct risk *k, const char *v, const char *field, int *out, struct field_errors *fe)
{
	*out = 0;
	if (!v || !*v)
		return;
	if (strlen(v) != 1 || v[0] < '1' || v[0] > '0' + risk_scale_size(k->scale))
		fe_add(fe, field, MSG_SCALE(k));
	else
		*out = v[0] - '0';
}

/* Repeated form fields (one "process" per checked box) into ids. */
static void ids_from_form(const struct kv_list *form, const char *key, const char *name, const char *msg,
			  int64_t *ids, int *n_r, struct field_errors *fe)
{
	long long id;

	*n_r = 0;
	for (size_t i = 0; i < form->n; i++) {
		if (strcmp(form->items[i].key, key) != 0 || !*form->items[i].val)
			continue;
		if (*n_r >= RISK_MAX_LINKS) {
			fe_add(fe, name, N_("has too many entries"));
			return;
		}
		if (parse_id(form->items[i].val, &id) < 0) {
			fe_add(fe, name, msg);
			continue;
		}
		ids[(*n_r)++] = id;
	}
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
	k->category_id = 0;
	v = kv_get(form, "category");
	if (v && *v && risk_category_value_parse(v, &k->category, &k->category_id) < 0)
		fe_add(fe, "category", MSG_CATEGORY);
	k->status = RISK_OPEN;
	v = kv_get(form, "status");
	if (v && *v && risk_status_parse(v, &k->status) < 0)
		fe_add(fe, "status", MSG_STATUS);
	scale_from_form(k, kv_get(form, "likelihood"), "likelihood", &k->likelihood, fe);
	scale_from_form(k, kv_get(form, "impact"), "impact", &k->impact, fe);
	ids_from_form(form, "process", "process_ids", MSG_PROCESS, k->process_ids, &k->nprocesses, fe);
	ids_from_form(form, "system", "system_ids", MSG_SYSTEM, k->system_ids, &k->nsystems, fe);
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
	if (((int)k->category < 0 || k->category >= RISK_CAT__MAX) && !(k->category == RISK_CAT_OWN && k->category_id > 0))
		fe_add(fe, "category", MSG_CATEGORY);
	if ((int)k->status < 0 || k->status >= RISK_STATUS__MAX)
		fe_add(fe, "status", MSG_STATUS);
	if (k->likelihood < 1 || k->likelihood > risk_scale_size(k->scale))
		fe_add(fe, "likelihood", MSG_SCALE(k));
	if (k->impact < 1 || k->impact > risk_scale_size(k->scale))
		fe_add(fe, "impact", MSG_SCALE(k));
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
	for (i = 0; i < k->nprocesses; i++)
		for (j = 0; j < i; j++)
			if (k->process_ids[i] == k->process_ids[j]) {
				snprintf(field, sizeof(field), "process_ids[%d]", i);
				fe_add(fe, field, N_("is chosen twice"));
				break;
			}
	for (i = 0; i < k->nsystems; i++)
		for (j = 0; j < i; j++)
			if (k->system_ids[i] == k->system_ids[j]) {
				snprintf(field, sizeof(field), "system_ids[%d]", i);
				fe_add(fe, field, N_("is chosen twice"));
				break;
			}
}

static json_t *ids_json(const int64_t *ids, int n)
{
	json_t *arr = json_array();

	for (int i = 0; arr && i < n; i++)
		json_array_append_new(arr, json_integer(ids[i]));
	return arr;
}

json_t *risk_to_json(const struct risk *k)
{
	char created[21], updated[21], catval[32];
	int score = risk_score(k);
	json_t *o, *refs, *procs, *syss;

	refs = json_array();
	procs = ids_json(k->process_ids, k->nprocesses);
	syss = ids_json(k->system_ids, k->nsystems);
	if (!refs || !procs || !syss) {
		json_decref(refs);
		json_decref(procs);
		json_decref(syss);
		return NULL;
	}
	if (k->category == RISK_CAT_OWN)
		snprintf(catval, sizeof(catval), "custom:%lld", (long long)k->category_id);
	else
		snprintf(catval, sizeof(catval), "%s", risk_category_name(k->category));
	for (int i = 0; i < k->nthreats; i++)
		json_array_append_new(refs, json_string(k->threat_refs[i]));
	kf_time_iso(k->created_at, created);
	kf_time_iso(k->updated_at, updated);
	o = json_pack("{s:I, s:I, s:s, s:s, s:o, s:s, s:i, s:i, s:i, s:s, s:o, s:s, s:s, s:o, s:o, s:s, s:o, s:o, s:o, "
		      "s:s, s:s}",
		      "id", (json_int_t)k->id, "version", (json_int_t)k->version, "title", k->title, "category", catval,
		      "category_name", k->category == RISK_CAT_OWN ? json_string(k->category_name) : json_null(),
		      "description", k->description, "likelihood", k->likelihood, "impact", k->impact, "score", score,
		      "level", risk_level_name(risk_level_of(k)),
		      "owner_contact_id", k->owner_contact_id ? json_integer(k->owner_contact_id) : json_null(),
		      "measures", k->measures, "status", risk_status_name(k->status), "review_date",
		      k->review_date[0] ? json_string(k->review_date) : json_null(), "threat_refs", refs,
		      "immediate_actions", k->immediate_actions, "process_ids", procs, "system_ids", syss, "cost_per_day",
		      k->cost_per_day >= 0 ? json_integer(k->cost_per_day) : json_null(), "created_at", created,
		      "updated_at", updated);
	return o;
}
