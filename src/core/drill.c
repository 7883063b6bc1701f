/* drill.c: the reachability drill's rules that need no database: who is in the chain, the webhook URL, JSON. */
#include <stdlib.h>
#include <string.h>

#include "drill.h"
#include "validate.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "../lib/banned.h"

int drill_is_over(const struct drill *d, int64_t now)
{
	return d->closed_at != 0 || now - d->started_at > DRILL_OPEN_SECONDS;
}

static size_t add_once(int64_t *out, size_t n, size_t max, int64_t id)
{
	if (id <= 0 || n >= max)
		return n;
	for (size_t i = 0; i < n; i++)
		if (out[i] == id)
			return n;
	out[n] = id;
	return n + 1;
}

size_t drill_chain_contacts(const struct alarm_step *steps, size_t nsteps, const struct role *roles, size_t nroles,
			    int64_t *out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < nsteps; i++) {
		const struct alarm_step *s = &steps[i];

		n = add_once(out, n, max, s->caller_contact_id);
		for (size_t j = 0; s->caller_role_id && j < nroles; j++) {
			if (roles[j].id != s->caller_role_id)
				continue;
			n = add_once(out, n, max, roles[j].primary_contact_id);
			for (int k = 0; k < roles[j].ndeputies; k++)
				n = add_once(out, n, max, roles[j].deputy_contact_ids[k]);
		}
		n = add_once(out, n, max, s->callee_contact_id);
		n = add_once(out, n, max, s->escalate_to_contact_id);
	}
	return n;
}

/* 1 when host (len bytes) is one of the comma-separated names in list. */
static int host_listed(const char *host, size_t len, const char *list)
{
	while (list && *list) {
		const char *end = strchr(list, ',');
		size_t l = end ? (size_t)(end - list) : strlen(list);

		if (l == len && strncmp(list, host, len) == 0)
			return 1;
		list = end ? end + 1 : NULL;
	}
	return 0;
}

const char *drill_webhook_url_problem(const char *url, const char *http_hosts)
{
	const char *host, *end;
	size_t hlen;
	int https;

	if (!url || !*url)
		return NULL;
	if (strlen(url) > DRILL_WEBHOOK_URL_MAX)
		return N_("is too long");
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= ' ' || *p == 0x7f || *p == '"' || *p == '<' || *p == '>' || *p == '\\')
			return N_("must be an address without spaces, like https://sms.example.de/hook");
	https = strncmp(url, "https://", 8) == 0;
	if (!https && strncmp(url, "http://", 7) != 0)
		return N_("must start with https://");
	host = url + (https ? 8 : 7);
	end = host + strcspn(host, "/?#");
	if (memchr(host, '@', (size_t)(end - host)))
		return N_("must not contain a user name or password");
	/* the host without its port ([v6] keeps its brackets) */
	hlen = (size_t)(end - host);
	if (*host == '[') {
		const char *close = memchr(host, ']', hlen);

		if (!close)
			return N_("must be an address without spaces, like https://sms.example.de/hook");
		hlen = (size_t)(close - host) + 1;
	} else if (memchr(host, ':', hlen)) {
		hlen = (size_t)((const char *)memchr(host, ':', hlen) - host);
	}
	if (hlen == 0)
		return N_("must name a host, like https://sms.example.de/hook");
	for (size_t i = 0; i < hlen; i++) {
		char ch = host[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' ||
		      ch == '-' || ch == '[' || ch == ']' || ch == ':'))
			return N_("must name a host, like https://sms.example.de/hook");
	}
	if (!https && !host_listed(host, hlen, http_hosts))
		return N_("must start with https:// (http:// only to a host the server administrator allowed)");
	return NULL;
}

void drill_settings_from_json(struct drill_settings *s, struct arena *a, const json_t *obj, const char *http_hosts,
			      struct field_errors *fe)
{
	const char *key, *problem;
	json_t *v;

	s->webhook_url = "";
	json_object_foreach((json_t *)obj, key, v) {
		if (strcmp(key, "webhook_url") != 0)
			fe_add(fe, key, N_("is not a known field"));
		else if (!json_is_string(v))
			fe_add(fe, key, N_("must be text"));
		else if (validate_line(fe, "webhook_url", a, json_string_value(v), 0, DRILL_WEBHOOK_URL_MAX,
				       &s->webhook_url) == 0 &&
			 (problem = drill_webhook_url_problem(s->webhook_url, http_hosts)))
			fe_add(fe, "webhook_url", problem);
	}
}

static json_t *time_or_null(int64_t t)
{
	char iso[32];

	if (!t)
		return json_null();
	kf_time_iso(t, iso);
	return json_string(iso);
}

json_t *drill_settings_to_json(const struct drill_settings *s)
{
	return json_pack("{s:I, s:I, s:s}", "id", (json_int_t)s->id, "version", (json_int_t)s->version, "webhook_url",
			 s->webhook_url ? s->webhook_url : "");
}

json_t *drill_to_json(const struct drill *d, int with_recipients)
{
	json_t *o = json_pack("{s:I, s:I, s:o, s:s, s:s, s:o, s:I, s:I}", "id", (json_int_t)d->id, "version",
			      (json_int_t)d->version, "started_at", time_or_null(d->started_at), "started_by",
			      d->started_by_name ? d->started_by_name : "", "note", d->note ? d->note : "", "closed_at",
			      time_or_null(d->closed_at), "recipients_count", (json_int_t)d->nrecipients,
			      "confirmed_count", (json_int_t)d->nconfirmed);
	json_t *arr;

	if (!o || !with_recipients)
		return o;
	arr = json_array();
	for (size_t i = 0; arr && i < d->nrecipients; i++) {
		const struct drill_recipient *r = &d->recipients[i];

		json_array_append_new(
			arr, json_pack("{s:I, s:s, s:s, s:o, s:o, s:o}", "contact_id", (json_int_t)r->contact_id, "name",
				       r->name ? r->name : "", "email", r->email ? r->email : "", "sent_at",
				       time_or_null(r->sent_at), "confirmed_at", time_or_null(r->confirmed_at),
				       "seconds_to_confirm",
				       r->confirmed_at && r->sent_at ? json_integer(r->confirmed_at - r->sent_at) :
								       json_null()));
	}
	json_object_set_new(o, "recipients", arr ? arr : json_null());
	return o;
}

char *drill_webhook_payload(const char *org, int64_t drill, const char *name, const char *phone, const char *text,
			    const char *confirm_url)
{
	json_t *o = json_pack("{s:s, s:I, s:s, s:s, s:s, s:s}", "org", org ? org : "", "drill", (json_int_t)drill,
			      "contact_name", name ? name : "", "phone", phone ? phone : "", "text", text ? text : "",
			      "confirm_url", confirm_url ? confirm_url : "");
	char *s;

	if (!o)
		return NULL;
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return s;
}
