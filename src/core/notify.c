/* notify.c: notification kinds, the rendering of a notification's text, and the email preferences. */
#include <stdio.h>
#include <string.h>

#include "jsonin.h"
#include "notify.h"
#include "../lib/strbuf.h"
#include "../lib/banned.h"

static const char *const kind_names[NOTIFY_KIND__MAX] = {
	[NOTIFY_MENTION] = "mention",
	[NOTIFY_ASSIGNMENT] = "assignment",
	[NOTIFY_APPROVAL] = "approval",
	[NOTIFY_DUE] = "due",
};

static const char *const kind_labels[NOTIFY_KIND__MAX] = {
	[NOTIFY_MENTION] = N_("someone mentions me in a comment"),
	[NOTIFY_ASSIGNMENT] = N_("something is assigned to me"),
	[NOTIFY_APPROVAL] = N_("a plan version waits for my approval or was decided"),
	[NOTIFY_DUE] = N_("something falls due (plan review, restore test, task)"),
};

const char *notify_kind_name(enum notify_kind k)
{
	return (unsigned)k < NOTIFY_KIND__MAX ? kind_names[k] : "due";
}

const char *notify_kind_label(enum notify_kind k)
{
	return (unsigned)k < NOTIFY_KIND__MAX ? kind_labels[k] : "";
}

int notify_kind_parse(const char *s, enum notify_kind *k_r)
{
	for (int k = 0; s && k < NOTIFY_KIND__MAX; k++) {
		if (strcmp(s, kind_names[k]) == 0) {
			*k_r = (enum notify_kind)k;
			return 0;
		}
	}
	return -1;
}

void notify_render(struct strbuf *sb, enum kf_lang lang, const char *text, const char *param)
{
	const char *t = _(lang, text), *at = strstr(t, "%s");

	if (!at) {
		sb_adds(sb, t);
		return;
	}
	sb_add(sb, t, (size_t)(at - t));
	sb_adds(sb, param ? param : "");
	sb_adds(sb, at + 2);
}

json_t *notification_to_json(const struct notification *n, enum kf_lang lang)
{
	struct strbuf text;
	json_t *o;

	sb_init(&text, 4096);
	notify_render(&text, lang, n->text, n->param);
	o = json_pack("{s:I, s:I, s:s, s:s%, s:s, s:s, s:s, s:I, s:o}", "id", (json_int_t)n->id, "org_id",
		      (json_int_t)n->org_id, "kind", notify_kind_name(n->kind), "text", text.buf ? text.buf : "",
		      text.len, "message", n->text, "param", n->param, "link", n->link, "created_at",
		      (json_int_t)n->created_at, "read_at", n->read_at ? json_integer(n->read_at) : json_null());
	sb_release(&text);
	return o;
}

void notify_prefs_init(struct notify_prefs *p)
{
	for (int k = 0; k < NOTIFY_KIND__MAX; k++)
		p->email[k] = 1;
}

void notify_prefs_from_json(struct notify_prefs *p, const json_t *obj, struct field_errors *fe)
{
	const json_t *email = json_object_get(obj, "email"), *v;
	const char *key;
	enum notify_kind k;
	char field[64];

	json_object_foreach ((json_t *)obj, key, v) {
		if (strcmp(key, "email") != 0)
			fe_add(fe, key, N_("is not a known field"));
	}
	if (!email) {
		fe_add(fe, "email", N_("is required"));
		return;
	}
	if (!json_is_object(email)) {
		fe_add(fe, "email", N_("must be an object of kinds with true or false"));
		return;
	}
	json_object_foreach ((json_t *)email, key, v) {
		snprintf(field, sizeof(field), "email.%.40s", key);
		if (notify_kind_parse(key, &k) < 0) {
			fe_add(fe, field, N_("is not a kind of notification"));
			continue;
		}
		jsonin_bool(v, field, &p->email[k], fe);
	}
}

void notify_prefs_from_form(struct notify_prefs *p, const struct kv_list *form)
{
	char name[32];

	for (int k = 0; k < NOTIFY_KIND__MAX; k++) {
		snprintf(name, sizeof(name), "email_%s", kind_names[k]);
		p->email[k] = kv_get(form, name) != NULL;
	}
}

json_t *notify_prefs_to_json(const struct notify_prefs *p)
{
	json_t *email = json_object();

	for (int k = 0; email && k < NOTIFY_KIND__MAX; k++)
		json_object_set_new(email, kind_names[k], json_boolean(p->email[k]));
	return email ? json_pack("{s:o}", "email", email) : NULL;
}
