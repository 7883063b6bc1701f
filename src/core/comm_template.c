/* comm_template.c: communication templates: audiences, conversions, validation and placeholder filling. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/strbuf.h"
#include "../lib/timeutil.h"
#include "comm_template.h"
#include "jsonin.h"
#include "validate.h"
#include "../lib/banned.h"

static const char *const audience_names[AUDIENCE__MAX] = { "staff", "customers", "suppliers", "public",
							    "authorities" };
static const char *const audience_labels[AUDIENCE__MAX] = { N_("Staff"), N_("Customers"), N_("Suppliers"),
							     N_("Public and press"), N_("Authorities") };

#define MSG_AUDIENCE N_("must be one of staff, customers, suppliers, public, authorities")
#define PLACEHOLDER_MAX 40

void comm_template_init(struct comm_template *t)
{
	memset(t, 0, sizeof(*t));
	t->audience = AUDIENCE_UNSET;
	t->title = t->subject = t->body = "";
}

const char *comm_audience_name(enum comm_audience a)
{
	return (int)a >= 0 && a < AUDIENCE__MAX ? audience_names[a] : "";
}

const char *comm_audience_label(enum comm_audience a)
{
	return (int)a >= 0 && a < AUDIENCE__MAX ? audience_labels[a] : "";
}

int comm_audience_parse(const char *s, enum comm_audience *a_r)
{
	for (int i = 0; i < AUDIENCE__MAX; i++)
		if (strcmp(s, audience_names[i]) == 0) {
			*a_r = (enum comm_audience)i;
			return 0;
		}
	return -1;
}

void comm_template_from_json(struct comm_template *t, struct arena *a, const json_t *obj, int partial,
			     struct field_errors *fe)
{
	const char *key;
	const json_t *val;

	if (!partial) {
		int64_t id = t->id, version = t->version, cat = t->created_at, uat = t->updated_at;

		comm_template_init(t);
		t->id = id;
		t->version = version;
		t->created_at = cat;
		t->updated_at = uat;
	}
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "audience") == 0) {
			if (!json_is_string(val) || comm_audience_parse(json_string_value(val), &t->audience) < 0)
				fe_add(fe, key, MSG_AUDIENCE);
		} else if (strcmp(key, "title") == 0)
			jsonin_string(val, a, key, &t->title, fe);
		else if (strcmp(key, "subject") == 0)
			jsonin_string(val, a, key, &t->subject, fe);
		else if (strcmp(key, "body") == 0)
			jsonin_string(val, a, key, &t->body, fe);
		else if (jsonin_is_readonly(key))
			continue;
		else
			fe_add(fe, key, N_("is not a known field"));
	}
}

void comm_template_from_form(struct comm_template *t, const struct kv_list *form, struct field_errors *fe)
{
	const char *v;

	t->title = (v = kv_get(form, "title")) ? v : "";
	t->subject = (v = kv_get(form, "subject")) ? v : "";
	t->body = (v = kv_get(form, "body")) ? v : "";
	t->audience = AUDIENCE_UNSET;
	v = kv_get(form, "audience");
	if (v && *v && comm_audience_parse(v, &t->audience) < 0)
		fe_add(fe, "audience", MSG_AUDIENCE);
}

void comm_template_validate(struct comm_template *t, struct arena *a, struct field_errors *fe)
{
	if ((int)t->audience < 0 || t->audience >= AUDIENCE__MAX)
		fe_add(fe, "audience", MSG_AUDIENCE);
	validate_line(fe, "title", a, t->title, 1, COMM_TITLE_MAX, &t->title);
	validate_line(fe, "subject", a, t->subject, 0, COMM_SUBJECT_MAX, &t->subject);
	if (!*t->body)
		fe_add(fe, "body", N_("is required"));
	else
		validate_multiline(fe, "body", t->body, COMM_BODY_MAX);
}

json_t *comm_template_to_json(const struct comm_template *t)
{
	char created[21], updated[21];

	kf_time_iso(t->created_at, created);
	kf_time_iso(t->updated_at, updated);
	return json_pack("{s:I, s:I, s:s, s:s, s:s, s:s, s:s, s:s}", "id", (json_int_t)t->id, "version",
			 (json_int_t)t->version, "audience", comm_audience_name(t->audience), "title", t->title,
			 "subject", t->subject, "body", t->body, "created_at", created, "updated_at", updated);
}

/* The value of a known placeholder name (without braces), or NULL. */
static const char *known_value(const struct comm_values *v, const char *name, size_t len, int *known_r)
{
	static const char *const names[] = { "firma", "notfallleitung", "notfallleitung_telefon", "datum",
					     "treffpunkt" };
	const char *vals[] = { v->firma, v->notfallleitung, v->notfallleitung_telefon, v->datum, v->treffpunkt };

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i]) == len && memcmp(names[i], name, len) == 0) {
			*known_r = 1;
			return vals[i] && *vals[i] ? vals[i] : "—";
		}
	*known_r = 0;
	return NULL;
}

static void note_unknown(struct arena *a, struct comm_unknown *unk, const char *p, size_t len)
{
	if (!unk)
		return;
	for (int i = 0; i < unk->n; i++)
		if (strlen(unk->names[i]) == len && memcmp(unk->names[i], p, len) == 0)
			return;
	if (unk->n < COMM_UNKNOWN_MAX) {
		const char *s = arena_strndup(a, p, len);

		if (s)
			unk->names[unk->n++] = s;
	}
}

/* Length of the placeholder starting at p ("{name}"), or 0 when p does not start one. */
static size_t placeholder_len(const char *p)
{
	size_t i;

	if (*p != '{')
		return 0;
	for (i = 1; i <= PLACEHOLDER_MAX + 1 && p[i]; i++) {
		if (p[i] == '}')
			return i > 1 ? i + 1 : 0;
		if (p[i] == '{' || p[i] == ' ' || p[i] == '\t' || p[i] == '\n' || p[i] == '\r')
			return 0;
	}
	return 0;
}

const char *comm_fill(struct arena *a, const char *text, const struct comm_values *v, struct comm_unknown *unk)
{
	struct strbuf sb;
	const char *p = text, *res;

	sb_init(&sb, COMM_BODY_MAX * 8 + 64 * 1024);
	while (*p) {
		const char *brace = strchr(p, '{');
		size_t len;

		if (!brace) {
			sb_adds(&sb, p);
			break;
		}
		sb_add(&sb, p, (size_t)(brace - p));
		len = placeholder_len(brace);
		if (len) {
			int known;
			const char *val = known_value(v, brace + 1, len - 2, &known);

			if (known) {
				sb_adds(&sb, val);
			} else {
				sb_add(&sb, brace, len);
				note_unknown(a, unk, brace, len);
			}
			p = brace + len;
		} else {
			sb_addc(&sb, '{');
			p = brace + 1;
		}
	}
	res = sb.failed ? NULL : arena_strdup(a, sb.buf);
	sb_release(&sb);
	return res;
}
