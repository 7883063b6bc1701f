/* backup.c: backup rules, conversions from JSON, forms and to JSON, and its checks (3-2-1, test age, RTO/RPO). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "backup.h"
#include "jsonin.h"
#include "review.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const kind_names[BACKUP_COPY_KIND__MAX] = { "onsite", "offsite", "offline", "cloud" };
static const char *const kind_labels[BACKUP_COPY_KIND__MAX] = {
	N_("On site"),
	N_("Off site"),
	N_("Offline (disconnected)"),
	N_("Cloud"),
};
static const char *const test_state_names[BACKUP_TEST_STATE__MAX] = { "ok", "never_tested", "never_successful",
								       "too_old" };
static const char *const target_state_names[BACKUP_TARGET_STATE__MAX] = { "no_target", "ok", "gap",
									   "not_measured" };
static const char *const gap_codes[BACKUP_GAP_KIND__MAX] = {
	"too_few_copies",	  "one_kind_of_storage", "no_offsite_copy",  "never_tested",    "no_successful_test",
	"restore_test_too_old", "restore_not_measured", "restore_too_slow", "backup_too_rare",
};

#define MSG_KIND N_("must be one of onsite, offsite, offline, cloud")
#define MSG_FREQUENCY N_("must be a whole number of hours from 1 to 8760")
#define MSG_RETENTION N_("must be a whole number of days from 1 to 36500, or empty")
#define MSG_SYSTEM N_("must be the id of an IT system")
#define MSG_CONTACT N_("must be the id of a contact or null")
#define MSG_TOO_MANY_SYSTEMS N_("has too many entries (at most 64)")
#define MSG_TOO_MANY_COPIES N_("has too many entries (at most 10)")

void backup_init(struct backup *b)
{
	memset(b, 0, sizeof(*b));
	b->title = b->method = b->notes = "";
	b->retention_days = -1;
	backup_facts_reset(&b->facts, "");
}

const char *backup_copy_kind_name(enum backup_copy_kind k)
{
	return (int)k >= 0 && k < BACKUP_COPY_KIND__MAX ? kind_names[k] : kind_names[BACKUP_COPY_ONSITE];
}

const char *backup_copy_kind_label(enum backup_copy_kind k)
{
	return (int)k >= 0 && k < BACKUP_COPY_KIND__MAX ? kind_labels[k] : kind_labels[BACKUP_COPY_ONSITE];
}

int backup_copy_kind_parse(const char *s, enum backup_copy_kind *k_r)
{
	for (int i = 0; i < BACKUP_COPY_KIND__MAX; i++)
		if (strcmp(s, kind_names[i]) == 0) {
			*k_r = (enum backup_copy_kind)i;
			return 0;
		}
	return -1;
}

const char *backup_frequency_label(int hours)
{
	switch (hours) {
	case BACKUP_HOURLY:
		return N_("hourly");
	case BACKUP_DAILY:
		return N_("daily");
	case BACKUP_WEEKLY:
		return N_("weekly");
	case BACKUP_MONTHLY:
		return N_("monthly");
	default:
		return NULL;
	}
}

/* ---------------------------------------------------------------- input */

static void systems_from_json(struct backup *b, const json_t *arr, struct field_errors *fe)
{
	char field[48];

	if (!json_is_array(arr)) {
		fe_add(fe, "system_ids", N_("must be a list"));
		return;
	}
	if (json_array_size(arr) > BACKUP_MAX_SYSTEMS) {
		fe_add(fe, "system_ids", MSG_TOO_MANY_SYSTEMS);
		return;
	}
	b->nsystems = 0;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		const json_t *v = json_array_get(arr, i);

		if (!json_is_integer(v) || json_integer_value(v) <= 0) {
			snprintf(field, sizeof(field), "system_ids[%zu]", i);
			fe_add(fe, field, MSG_SYSTEM);
			b->system_ids[b->nsystems++] = 0; /* keeps its place, so later errors name the right index */
			continue;
		}
		b->system_ids[b->nsystems++] = json_integer_value(v);
	}
}

static void copies_from_json(struct backup *b, struct arena *a, const json_t *arr, struct field_errors *fe)
{
	char field[48];

	if (!json_is_array(arr)) {
		fe_add(fe, "copies", N_("must be a list"));
		return;
	}
	if (json_array_size(arr) > BACKUP_MAX_COPIES) {
		fe_add(fe, "copies", MSG_TOO_MANY_COPIES);
		return;
	}
	b->ncopies = 0;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		const json_t *p = json_array_get(arr, i), *val;
		struct backup_copy *c = &b->copies[b->ncopies++];
		const char *key;

		c->kind = BACKUP_COPY_ONSITE;
		c->media = "";
		if (!json_is_object(p)) {
			snprintf(field, sizeof(field), "copies[%zu]", i);
			fe_add(fe, field, N_("must be an object with kind and media"));
			continue;
		}
		json_object_foreach((json_t *)p, key, val) {
			snprintf(field, sizeof(field), "copies[%zu].%s", i, key);
			if (strcmp(key, "kind") == 0) {
				if (!json_is_string(val) || backup_copy_kind_parse(json_string_value(val), &c->kind) < 0)
					fe_add(fe, field, MSG_KIND);
			} else if (strcmp(key, "media") == 0) {
				jsonin_string(val, a, field, &c->media, fe);
			} else {
				fe_add(fe, field, N_("is not a known field"));
			}
		}
		if (!json_object_get(p, "kind")) {
			snprintf(field, sizeof(field), "copies[%zu].kind", i);
			fe_add(fe, field, MSG_KIND);
		}
	}
}

static void int_from_json(const json_t *v, const char *field, int min, int max, int nullable, const char *msg,
			  int *out, struct field_errors *fe)
{
	if (nullable && json_is_null(v)) {
		*out = -1;
		return;
	}
	if (!json_is_integer(v) || json_integer_value(v) < min || json_integer_value(v) > max) {
		fe_add(fe, field, msg);
		return;
	}
	*out = (int)json_integer_value(v);
}

void backup_from_json(struct backup *b, struct arena *a, const json_t *obj, int partial, struct field_errors *fe)
{
	const char *key;
	const json_t *val;
	long long id;

	if (!partial) {
		int64_t bid = b->id, version = b->version, cat = b->created_at, uat = b->updated_at;
		struct backup_facts facts = b->facts;

		backup_init(b);
		b->id = bid;
		b->version = version;
		b->created_at = cat;
		b->updated_at = uat;
		b->facts = facts;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "title") == 0)
			jsonin_string(val, a, key, &b->title, fe);
		else if (strcmp(key, "method") == 0)
			jsonin_string(val, a, key, &b->method, fe);
		else if (strcmp(key, "notes") == 0)
			jsonin_string(val, a, key, &b->notes, fe);
		else if (strcmp(key, "system_ids") == 0)
			systems_from_json(b, val, fe);
		else if (strcmp(key, "frequency_hours") == 0)
			int_from_json(val, key, 1, BACKUP_FREQUENCY_MAX, 0, MSG_FREQUENCY, &b->frequency_hours, fe);
		else if (strcmp(key, "copies") == 0)
			copies_from_json(b, a, val, fe);
		else if (strcmp(key, "retention_days") == 0)
			int_from_json(val, key, 1, BACKUP_RETENTION_MAX, 1, MSG_RETENTION, &b->retention_days, fe);
		else if (strcmp(key, "encrypted") == 0)
			jsonin_bool(val, key, &b->encrypted, fe);
		else if (strcmp(key, "responsible_contact_id") == 0) {
			if (jsonin_id_or_null(val, key, &id, fe) == 0)
				b->responsible_contact_id = id;
		} else if (jsonin_is_readonly(key) || strcmp(key, "checks") == 0)
			continue; /* computed: clients may send back what they read */
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

/* A whole number min..max from a form; empty gives -1 (or an error when required). */
static int form_int(const char *v, const char *field, int min, int max, const char *msg, struct field_errors *fe)
{
	char *end;
	long n;

	if (!v || !*v)
		return -1;
	errno = 0;
	n = strtol(v, &end, 10);
	if (errno || *end || v[0] < '0' || v[0] > '9' || n < min || n > max) {
		fe_add(fe, field, msg);
		return -1;
	}
	return (int)n;
}

void backup_from_form(struct backup *b, const struct kv_list *form, struct field_errors *fe)
{
	char kkey[32], mkey[32], field[48];
	const char *v, *freq;
	long long id;

	b->title = (v = kv_get(form, "title")) ? v : "";
	b->method = (v = kv_get(form, "method")) ? v : "";
	b->notes = (v = kv_get(form, "notes")) ? v : "";
	b->encrypted = (v = kv_get(form, "encrypted")) && strcmp(v, "1") == 0;
	b->nsystems = 0;
	for (size_t i = 0; i < form->n; i++) {
		if (strcmp(form->items[i].key, "system") != 0)
			continue;
		if (b->nsystems >= BACKUP_MAX_SYSTEMS) {
			fe_add(fe, "system_ids", MSG_TOO_MANY_SYSTEMS);
			break;
		}
		if (parse_id(form->items[i].val, &id) < 0) {
			snprintf(field, sizeof(field), "system_ids[%d]", b->nsystems);
			fe_add(fe, field, MSG_SYSTEM);
			id = 0;
		}
		b->system_ids[b->nsystems++] = id;
	}
	/* a named frequency, or "custom" with the hours in frequency_hours */
	b->frequency_hours = 0;
	freq = kv_get(form, "frequency");
	if (!freq || !*freq || strcmp(freq, "custom") == 0) {
		v = kv_get(form, "frequency_hours");
		b->frequency_hours = form_int(v, "frequency_hours", 1, BACKUP_FREQUENCY_MAX, MSG_FREQUENCY, fe);
		if (b->frequency_hours < 0)
			b->frequency_hours = 0;
	} else {
		int h = form_int(freq, "frequency_hours", 1, BACKUP_FREQUENCY_MAX, MSG_FREQUENCY, fe);

		b->frequency_hours = h > 0 ? h : 0;
	}
	b->retention_days = form_int(kv_get(form, "retention_days"), "retention_days", 1, BACKUP_RETENTION_MAX,
				     MSG_RETENTION, fe);
	b->responsible_contact_id = 0;
	v = kv_get(form, "responsible_contact_id");
	if (v && *v) {
		if (parse_id(v, &id) < 0)
			fe_add(fe, "responsible_contact_id", MSG_CONTACT);
		else
			b->responsible_contact_id = id;
	}
	/* copy rows: an empty media means the row is unused */
	b->ncopies = 0;
	for (int i = 0; i < 2 * BACKUP_MAX_COPIES; i++) {
		const char *kind, *media;

		snprintf(kkey, sizeof(kkey), "copy_kind_%d", i);
		snprintf(mkey, sizeof(mkey), "copy_media_%d", i);
		kind = kv_get(form, kkey);
		media = kv_get(form, mkey);
		if (!media || !*media)
			continue;
		if (b->ncopies >= BACKUP_MAX_COPIES) {
			fe_add(fe, "copies", MSG_TOO_MANY_COPIES);
			break;
		}
		b->copies[b->ncopies].media = media;
		b->copies[b->ncopies].kind = BACKUP_COPY_ONSITE;
		if (!kind || backup_copy_kind_parse(kind, &b->copies[b->ncopies].kind) < 0) {
			snprintf(field, sizeof(field), "copies[%d].kind", b->ncopies);
			fe_add(fe, field, MSG_KIND);
		}
		b->ncopies++;
	}
}

void backup_validate(struct backup *b, struct arena *a, struct field_errors *fe)
{
	char field[48];

	validate_line(fe, "title", a, b->title, 1, BACKUP_TITLE_MAX, &b->title);
	validate_line(fe, "method", a, b->method, 0, BACKUP_LINE_MAX, &b->method);
	validate_multiline(fe, "notes", b->notes, BACKUP_TEXT_MAX);
	if (b->frequency_hours < 1 || b->frequency_hours > BACKUP_FREQUENCY_MAX) {
		if (b->frequency_hours == 0)
			fe_add(fe, "frequency_hours", N_("is required: how often is the backup made?"));
		else
			fe_add(fe, "frequency_hours", MSG_FREQUENCY);
	}
	if (b->retention_days != -1 && (b->retention_days < 1 || b->retention_days > BACKUP_RETENTION_MAX))
		fe_add(fe, "retention_days", MSG_RETENTION);
	for (int i = 0; i < b->nsystems; i++) {
		if (b->system_ids[i] <= 0)
			continue; /* named already */
		for (int j = 0; j < i; j++)
			if (b->system_ids[j] == b->system_ids[i]) {
				snprintf(field, sizeof(field), "system_ids[%d]", i);
				fe_add(fe, field, N_("is chosen twice"));
				break;
			}
	}
	for (int i = 0; i < b->ncopies; i++) {
		snprintf(field, sizeof(field), "copies[%d].media", i);
		validate_line(fe, field, a, b->copies[i].media, 1, BACKUP_LINE_MAX, &b->copies[i].media);
		if ((int)b->copies[i].kind < 0 || b->copies[i].kind >= BACKUP_COPY_KIND__MAX) {
			snprintf(field, sizeof(field), "copies[%d].kind", i);
			fe_add(fe, field, MSG_KIND);
		}
	}
}

/* ---------------------------------------------------------------- facts */

void backup_facts_reset(struct backup_facts *f, const char *today)
{
	memset(f, 0, sizeof(*f));
	f->last_test_result = RESTORE_FAILED;
	f->last_success_minutes = -1;
	f->required_rto_hours = f->required_rpo_hours = -1;
	f->rto_system_name = f->rpo_system_name = "";
	snprintf(f->today, sizeof(f->today), "%s", today);
}

void backup_facts_from_systems(struct backup *b, const struct system *systems, size_t n)
{
	struct backup_facts *f = &b->facts;

	f->required_rto_hours = f->required_rpo_hours = -1;
	f->rto_system_id = f->rpo_system_id = 0;
	f->rto_system_name = f->rpo_system_name = "";
	for (int i = 0; i < b->nsystems; i++)
		for (size_t k = 0; k < n; k++) {
			const struct system *s = &systems[k];

			if (s->id != b->system_ids[i])
				continue;
			if (s->required_rto_hours >= 0 &&
			    (f->required_rto_hours < 0 || s->required_rto_hours < f->required_rto_hours)) {
				f->required_rto_hours = s->required_rto_hours;
				f->rto_system_id = s->id;
				f->rto_system_name = s->name;
			}
			if (s->required_rpo_hours >= 0 &&
			    (f->required_rpo_hours < 0 || s->required_rpo_hours < f->required_rpo_hours)) {
				f->required_rpo_hours = s->required_rpo_hours;
				f->rpo_system_id = s->id;
				f->rpo_system_name = s->name;
			}
		}
}

/* 1 when a is later than b: by date, then (same day) by id. */
static int later(const struct restore_test *a, const struct restore_test *b)
{
	int c = strcmp(a->date, b->date);

	return c > 0 || (c == 0 && a->id > b->id);
}

void backup_facts_from_tests(struct backup *b, const struct restore_test *tests, size_t n)
{
	const struct restore_test *last = NULL, *ok = NULL;
	struct backup_facts *f = &b->facts;

	f->ntests = 0;
	for (size_t i = 0; i < n; i++) {
		if (tests[i].backup_id != b->id)
			continue;
		f->ntests++;
		if (!last || later(&tests[i], last))
			last = &tests[i];
		if (tests[i].result == RESTORE_SUCCESS && (!ok || later(&tests[i], ok)))
			ok = &tests[i];
	}
	f->last_test_date[0] = f->last_success_date[0] = '\0';
	f->last_test_result = RESTORE_FAILED;
	f->last_success_minutes = -1;
	if (last) {
		snprintf(f->last_test_date, sizeof(f->last_test_date), "%s", last->date);
		f->last_test_result = last->result;
	}
	if (ok) {
		snprintf(f->last_success_date, sizeof(f->last_success_date), "%s", ok->date);
		f->last_success_minutes = ok->duration_minutes;
	}
}

/* ---------------------------------------------------------------- checks */

static int offsite_kind(enum backup_copy_kind k)
{
	return k == BACKUP_COPY_OFFSITE || k == BACKUP_COPY_OFFLINE || k == BACKUP_COPY_CLOUD;
}

unsigned backup_check_321(const struct backup *b, int *nkinds_r)
{
	int seen[BACKUP_COPY_KIND__MAX] = { 0 }, nkinds = 0, offsite = 0;
	unsigned missing = 0;

	for (int i = 0; i < b->ncopies; i++) {
		enum backup_copy_kind k = b->copies[i].kind;

		if ((int)k < 0 || k >= BACKUP_COPY_KIND__MAX)
			continue;
		if (!seen[k]++)
			nkinds++;
		if (offsite_kind(k))
			offsite = 1;
	}
	if (b->ncopies < 3)
		missing |= B321_COPIES;
	if (nkinds < 2)
		missing |= B321_KINDS;
	if (!offsite)
		missing |= B321_OFFSITE;
	if (nkinds_r)
		*nkinds_r = nkinds;
	return missing;
}

enum backup_test_state backup_test_state(const struct backup_facts *f, const char *today, int max_months)
{
	char cutoff[11];
	int y, m, d;

	if (!f->ntests || !f->last_test_date[0])
		return BACKUP_TEST_NEVER;
	if (!f->last_success_date[0])
		return BACKUP_TEST_NO_SUCCESS;
	if (kf_date_parse(today, &y, &m, &d) < 0)
		return BACKUP_TEST_OK;
	/* too old when max_months after the test lies before today */
	date_months_after(f->last_success_date, max_months, cutoff);
	return strcmp(cutoff, today) < 0 ? BACKUP_TEST_TOO_OLD : BACKUP_TEST_OK;
}

const char *backup_test_state_name(enum backup_test_state s)
{
	return (int)s >= 0 && s < BACKUP_TEST_STATE__MAX ? test_state_names[s] : test_state_names[BACKUP_TEST_NEVER];
}

enum backup_target_state backup_rto_state(const struct backup *b)
{
	const struct backup_facts *f = &b->facts;

	if (f->required_rto_hours < 0)
		return BACKUP_TARGET_NONE;
	if (f->last_success_minutes < 0)
		return BACKUP_TARGET_NOT_MEASURED;
	return (int64_t)f->last_success_minutes > f->required_rto_hours * 60 ? BACKUP_TARGET_GAP : BACKUP_TARGET_OK;
}

enum backup_target_state backup_rpo_state(const struct backup *b)
{
	const struct backup_facts *f = &b->facts;

	if (f->required_rpo_hours < 0 || b->frequency_hours <= 0)
		return BACKUP_TARGET_NONE;
	return (int64_t)b->frequency_hours > f->required_rpo_hours ? BACKUP_TARGET_GAP : BACKUP_TARGET_OK;
}

const char *backup_target_state_name(enum backup_target_state s)
{
	return (int)s >= 0 && s < BACKUP_TARGET_STATE__MAX ? target_state_names[s]
							   : target_state_names[BACKUP_TARGET_NONE];
}

static void add_gap(struct backup_gap *out, int max, int *n, enum backup_gap_kind kind, int64_t have, int64_t need,
		    int64_t system_id, const char *system_name, const char *date)
{
	if (*n >= max)
		return;
	out[*n] = (struct backup_gap){ .kind = kind, .have = have, .need = need, .system_id = system_id,
				       .system_name = system_name ? system_name : "", .date = date ? date : "" };
	(*n)++;
}

int backup_gaps(const struct backup *b, const char *today, struct backup_gap *out, int max)
{
	const struct backup_facts *f = &b->facts;
	int nkinds, n = 0;
	unsigned missing = backup_check_321(b, &nkinds);

	if (missing & B321_COPIES)
		add_gap(out, max, &n, BACKUP_GAP_FEW_COPIES, b->ncopies, 3, 0, NULL, NULL);
	if (missing & B321_KINDS)
		add_gap(out, max, &n, BACKUP_GAP_ONE_KIND, nkinds, 2, 0, NULL, NULL);
	if (missing & B321_OFFSITE)
		add_gap(out, max, &n, BACKUP_GAP_NO_OFFSITE, 0, 1, 0, NULL, NULL);
	switch (backup_test_state(f, today, BACKUP_TEST_MAX_AGE_MONTHS)) {
	case BACKUP_TEST_NEVER:
		add_gap(out, max, &n, BACKUP_GAP_NEVER_TESTED, -1, -1, 0, NULL, NULL);
		break;
	case BACKUP_TEST_NO_SUCCESS:
		add_gap(out, max, &n, BACKUP_GAP_NO_SUCCESSFUL_TEST, f->ntests, -1, 0, NULL, f->last_test_date);
		break;
	case BACKUP_TEST_TOO_OLD:
		add_gap(out, max, &n, BACKUP_GAP_TEST_TOO_OLD, -1, BACKUP_TEST_MAX_AGE_MONTHS, 0, NULL,
			f->last_success_date);
		break;
	default:
		break;
	}
	switch (backup_rto_state(b)) {
	case BACKUP_TARGET_GAP:
		add_gap(out, max, &n, BACKUP_GAP_RESTORE_TOO_SLOW, f->last_success_minutes, f->required_rto_hours,
			f->rto_system_id, f->rto_system_name, f->last_success_date);
		break;
	case BACKUP_TARGET_NOT_MEASURED:
		/* a backup never restored successfully is named above already */
		if (f->last_success_date[0])
			add_gap(out, max, &n, BACKUP_GAP_RESTORE_NOT_MEASURED, -1, f->required_rto_hours,
				f->rto_system_id, f->rto_system_name, f->last_success_date);
		break;
	default:
		break;
	}
	if (backup_rpo_state(b) == BACKUP_TARGET_GAP)
		add_gap(out, max, &n, BACKUP_GAP_TOO_RARE, b->frequency_hours, f->required_rpo_hours, f->rpo_system_id,
			f->rpo_system_name, NULL);
	return n;
}

const char *backup_gap_code(enum backup_gap_kind k)
{
	return (int)k >= 0 && k < BACKUP_GAP_KIND__MAX ? gap_codes[k] : "";
}

const char *backup_subst(struct arena *a, const char *tmpl, const char *a1, const char *a2, const char *a3)
{
	const char *args[3] = { a1, a2, a3 }, *p = tmpl, *hit;
	const char *out = "";
	int k = 0;

	while (out && k < 3 && args[k] && (hit = strstr(p, "%s"))) {
		out = arena_printf(a, "%s%.*s%s", out, (int)(hit - p), p, args[k]);
		p = hit + 2;
		k++;
	}
	return out ? arena_printf(a, "%s%s", out, p) : NULL;
}

const char *backup_minutes_text(struct arena *a, int64_t minutes)
{
	if (minutes < 60)
		return arena_printf(a, "%lld\u00a0min", (long long)minutes);
	if (minutes % 60 == 0)
		return arena_printf(a, "%lld\u00a0h", (long long)(minutes / 60));
	return arena_printf(a, "%lld\u00a0h %lld\u00a0min", (long long)(minutes / 60), (long long)(minutes % 60));
}

static const char *hours_text(struct arena *a, int64_t hours)
{
	return arena_printf(a, "%lld\u00a0h", (long long)hours);
}

/* A date as the reader expects it: 31.01.2026 in German. */
static const char *date_text(struct arena *a, enum kf_lang lang, const char *iso)
{
	char german[11];

	if (lang != KF_LANG_DE)
		return iso;
	kf_date_german(iso, german);
	return arena_strdup(a, german);
}

const char *backup_gap_text(struct arena *a, enum kf_lang lang, const struct backup_gap *g)
{
	const char *num = arena_printf(a, "%lld", (long long)g->have);

	if (!num)
		return NULL;
	switch (g->kind) {
	case BACKUP_GAP_FEW_COPIES:
		return backup_subst(a, _(lang, "3-2-1: only %s copies; keep at least 3."), num, NULL, NULL);
	case BACKUP_GAP_ONE_KIND:
		return _(lang, "3-2-1: all copies are on the same kind of storage; use at least 2 kinds.");
	case BACKUP_GAP_NO_OFFSITE:
		return _(lang, "3-2-1: no copy is kept off site, offline or in the cloud.");
	case BACKUP_GAP_NEVER_TESTED:
		return _(lang, "Never tested whether the data can be restored.");
	case BACKUP_GAP_NO_SUCCESSFUL_TEST:
		return _(lang, "No restore test has succeeded yet.");
	case BACKUP_GAP_TEST_TOO_OLD:
		return backup_subst(a, _(lang, "The last successful restore test (%s) is more than %s months ago."),
				    date_text(a, lang, g->date), arena_printf(a, "%lld", (long long)g->need), NULL);
	case BACKUP_GAP_RESTORE_NOT_MEASURED:
		return backup_subst(a, _(lang, "The restore time was not measured, so nobody knows whether \"%s\" can "
					       "run again within %s."),
				    g->system_name, hours_text(a, g->need), NULL);
	case BACKUP_GAP_RESTORE_TOO_SLOW:
		return backup_subst(a, _(lang, "The restore takes %s, but \"%s\" must run again after %s."),
				    backup_minutes_text(a, g->have), g->system_name, hours_text(a, g->need));
	case BACKUP_GAP_TOO_RARE:
		return backup_subst(a, _(lang, "A backup is made every %s, but \"%s\" may lose at most %s of data."),
				    hours_text(a, g->have), g->system_name, hours_text(a, g->need));
	default:
		return "";
	}
}

/* ---------------------------------------------------------------- output */

static json_t *checks_json(const struct backup *b)
{
	const struct backup_facts *f = &b->facts;
	struct backup_gap gaps[BACKUP_GAPS_MAX];
	json_t *missing, *gap_list, *c321, *test, *rto, *rpo;
	int nkinds, ngaps;
	unsigned m = backup_check_321(b, &nkinds);
	int offsite = 0;

	for (int i = 0; i < b->ncopies; i++)
		offsite |= offsite_kind(b->copies[i].kind);
	missing = json_array();
	gap_list = json_array();
	if (!missing || !gap_list) {
		json_decref(missing);
		json_decref(gap_list);
		return NULL;
	}
	if (m & B321_COPIES)
		json_array_append_new(missing, json_string("copies"));
	if (m & B321_KINDS)
		json_array_append_new(missing, json_string("kinds"));
	if (m & B321_OFFSITE)
		json_array_append_new(missing, json_string("offsite"));
	ngaps = backup_gaps(b, f->today, gaps, BACKUP_GAPS_MAX);
	for (int i = 0; i < ngaps; i++)
		json_array_append_new(gap_list, json_string(backup_gap_code(gaps[i].kind)));
	c321 = json_pack("{s:b, s:i, s:i, s:b, s:o}", "ok", m == 0, "copies", b->ncopies, "kinds", nkinds, "offsite",
			 offsite, "missing", missing);
	test = json_pack("{s:s, s:i, s:o, s:o, s:o, s:i}", "state",
			 backup_test_state_name(backup_test_state(f, f->today, BACKUP_TEST_MAX_AGE_MONTHS)), "tests",
			 f->ntests, "last_test_date", f->last_test_date[0] ? json_string(f->last_test_date) : json_null(),
			 "last_test_result",
			 f->last_test_date[0] ? json_string(restore_result_name(f->last_test_result)) : json_null(),
			 "last_success_date", f->last_success_date[0] ? json_string(f->last_success_date) : json_null(),
			 "max_age_months", BACKUP_TEST_MAX_AGE_MONTHS);
	rto = json_pack("{s:s, s:o, s:o, s:o}", "state", backup_target_state_name(backup_rto_state(b)),
			"restore_minutes", f->last_success_minutes >= 0 ? json_integer(f->last_success_minutes) : json_null(),
			"required_rto_hours", f->required_rto_hours >= 0 ? json_integer(f->required_rto_hours) : json_null(),
			"system_id", f->rto_system_id ? json_integer(f->rto_system_id) : json_null());
	rpo = json_pack("{s:s, s:i, s:o, s:o}", "state", backup_target_state_name(backup_rpo_state(b)),
			"frequency_hours", b->frequency_hours, "required_rpo_hours",
			f->required_rpo_hours >= 0 ? json_integer(f->required_rpo_hours) : json_null(), "system_id",
			f->rpo_system_id ? json_integer(f->rpo_system_id) : json_null());
	if (!c321 || !test || !rto || !rpo) {
		json_decref(c321);
		json_decref(test);
		json_decref(rto);
		json_decref(rpo);
		json_decref(gap_list);
		return NULL;
	}
	return json_pack("{s:o, s:o, s:o, s:o, s:o}", "rule_321", c321, "restore_test", test, "rto", rto, "rpo", rpo,
			 "gaps", gap_list);
}

json_t *backup_to_json(const struct backup *b)
{
	char created[21], updated[21];
	json_t *systems, *copies, *checks;

	systems = json_array();
	copies = json_array();
	checks = checks_json(b);
	if (!systems || !copies || !checks) {
		json_decref(systems);
		json_decref(copies);
		json_decref(checks);
		return NULL;
	}
	for (int i = 0; i < b->nsystems; i++)
		json_array_append_new(systems, json_integer(b->system_ids[i]));
	for (int i = 0; i < b->ncopies; i++)
		json_array_append_new(copies, json_pack("{s:s, s:s}", "kind", backup_copy_kind_name(b->copies[i].kind),
							"media", b->copies[i].media));
	kf_time_iso(b->created_at, created);
	kf_time_iso(b->updated_at, updated);
	return json_pack("{s:I, s:I, s:s, s:o, s:s, s:i, s:o, s:o, s:b, s:o, s:s, s:o, s:s, s:s}", "id",
			 (json_int_t)b->id, "version", (json_int_t)b->version, "title", b->title, "system_ids", systems,
			 "method", b->method, "frequency_hours", b->frequency_hours, "copies", copies, "retention_days",
			 b->retention_days >= 0 ? json_integer(b->retention_days) : json_null(), "encrypted",
			 b->encrypted, "responsible_contact_id",
			 b->responsible_contact_id ? json_integer(b->responsible_contact_id) : json_null(), "notes",
			 b->notes, "checks", checks, "created_at", created, "updated_at", updated);
}
