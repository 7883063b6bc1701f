/* api_drills.c: the reachability drill: starting (mails and webhook calls in one transaction), confirming, closing; its API. */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "drill_service.h"
#include "../core/notify.h"
#include "../core/validate.h"
#include "../http/auth.h"
#include "../http/request.h"
#include "../http/throttle.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/secret.h"
#include "../lib/strbuf.h"
#include "../lib/timeutil.h"
#include "../lib/banned.h"

#define DRILL_MAX_TARGETS 200

enum kf_err drill_targets(struct req *r, struct drill_target **list_r, size_t *n_r)
{
	struct alarm_step *steps;
	struct role *roles;
	struct contact *contacts;
	size_t nsteps, nroles, ncontacts, nids, n = 0;
	int64_t ids[DRILL_MAX_TARGETS];
	struct drill_target *out;
	enum kf_err err;

	*list_r = NULL;
	*n_r = 0;
	if ((err = store_alarm_step_list(r->db, r->arena, r->org.id, &steps, &nsteps)) ||
	    (err = store_role_list(r->db, r->arena, r->org.id, &roles, &nroles)) ||
	    (err = store_contact_list(r->db, r->arena, r->org.id, &contacts, &ncontacts)))
		return err;
	nids = drill_chain_contacts(steps, nsteps, roles, nroles, ids, DRILL_MAX_TARGETS);
	out = ARENA_NEW(r->arena, struct drill_target, nids ? nids : 1);
	if (!out)
		return KF_ENOMEM;
	for (size_t i = 0; i < nids; i++)
		for (size_t j = 0; j < ncontacts; j++) {
			const struct contact *c = &contacts[j];

			if (c->id != ids[i])
				continue;
			out[n].contact = c;
			out[n].phone = "";
			for (int k = 0; k < c->nphones; k++)
				if (c->phones[k].kind == PHONE_MOBILE) {
					out[n].phone = c->phones[k].number;
					break;
				}
			if (!*out[n].phone && c->nphones)
				out[n].phone = c->phones[0].number;
			n++;
			break;
		}
	*list_r = out;
	*n_r = n;
	return KF_OK;
}

/* The German sentence of the test alarm (people of the chain have no language of their own). */
static const char *alarm_sentence(struct req *r)
{
	struct strbuf sb;
	const char *s;

	sb_init(&sb, 4096);
	notify_render(&sb, KF_LANG_DE, N_("This is a test of the alarm chain of %s. Please confirm with one click:"),
		      r->org.name);
	s = sb.buf ? arena_strdup(r->arena, sb.buf) : NULL;
	sb_release(&sb);
	return s;
}

enum kf_err drill_start(struct req *r, const char *note, struct drill *out)
{
	struct drill_target *targets;
	struct drill_start_recipient *rs;
	struct drill_settings settings;
	const char *text, *subject;
	struct strbuf sb;
	size_t n;
	enum kf_err err;

	if ((err = drill_targets(r, &targets, &n)) ||
	    (err = store_drill_settings_get(r->db, r->arena, r->org.id, &settings)))
		return err;
	if (n == 0)
		return KF_EINVAL;
	text = alarm_sentence(r);
	sb_init(&sb, 4096);
	notify_render(&sb, KF_LANG_DE, N_("Test alarm of %s: please confirm"), r->org.name);
	subject = sb.buf ? arena_strdup(r->arena, sb.buf) : NULL;
	sb_release(&sb);
	rs = ARENA_NEW(r->arena, struct drill_start_recipient, n);
	if (!text || !subject || !rs)
		return KF_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const struct contact *c = targets[i].contact;
		const char *email = c->email ? c->email : "";
		char token[KF_TOKEN_LEN], hash[KF_TOKEN_HASH_LEN];
		struct outbox_mail *mail;
		int webhook = settings.webhook_url && *settings.webhook_url && *targets[i].phone;

		memset(&rs[i], 0, sizeof(rs[i]));
		rs[i].contact_id = c->id;
		rs[i].name = c->name;
		rs[i].email = email;
		if (!*email && !webhook)
			continue; /* nobody can reach this person: a gap, named on the drill page */
		kf_random_token(token);
		kf_token_hash(token, hash);
		rs[i].token_hash = arena_strdup(r->arena, hash);
		if (!rs[i].token_hash)
			return KF_ENOMEM;
		if (*email) {
			mail = ARENA_NEW(r->arena, struct outbox_mail, 1);
			if (!mail)
				return KF_ENOMEM;
			memset(mail, 0, sizeof(*mail));
			mail->recipient = email;
			mail->subject = subject;
			mail->body = text;
			mail->link = arena_printf(r->arena, "/drill/confirm/%s", token);
			if (!mail->link)
				return KF_ENOMEM;
			rs[i].mail = mail;
		}
		if (webhook) {
			const char *url = arena_printf(r->arena, "%s/drill/confirm/%s", r->app->base_url, token);

			rs[i].webhook_url = settings.webhook_url;
			rs[i].org_name = r->org.name;
			rs[i].phone = targets[i].phone;
			rs[i].confirm_url = url;
			rs[i].text = url ? arena_printf(r->arena, "%s %s", text, url) : NULL;
			if (!rs[i].text)
				return KF_ENOMEM;
		}
	}
	return store_drill_start(r->db, r->arena, r->org.id, r->user.id, note, rs, n, out);
}

static void throttle_key(const char *hash, char *out, size_t n)
{
	snprintf(out, n, "drill:%.16s", hash);
}

enum drill_confirm_result drill_confirm_lookup(struct req *r, const char *token, struct drill_token_info *info,
					       int64_t *retry_r)
{
	char hash[KF_TOKEN_HASH_LEN], key[64];
	enum kf_err err;

	memset(info, 0, sizeof(*info));
	*retry_r = 0;
	if (!token || strlen(token) > 100)
		token = "";
	kf_token_hash(token, hash);
	throttle_key(hash, key, sizeof(key));
	*retry_r = throttle_check(r->app->throttle, key, r->client_ip);
	if (*retry_r > 0)
		return DRILL_CONFIRM_THROTTLED;
	err = *token ? store_drill_by_token(r->db, r->arena, hash, info) : KF_ENOTFOUND;
	if (err == KF_ENOTFOUND) {
		throttle_failed(r->app->throttle, key, r->client_ip);
		return DRILL_CONFIRM_UNKNOWN;
	}
	if (err)
		return DRILL_CONFIRM_ERROR;
	if (info->confirmed_at)
		return DRILL_CONFIRM_ALREADY;
	if (info->closed_at)
		return DRILL_CONFIRM_CLOSED;
	return DRILL_CONFIRM_OK;
}

enum drill_confirm_result drill_confirm(struct req *r, const char *token, struct drill_token_info *info,
					int64_t *retry_r)
{
	enum drill_confirm_result res = drill_confirm_lookup(r, token, info, retry_r);
	int64_t now = kf_now();
	enum kf_err err;

	if (res != DRILL_CONFIRM_OK)
		return res;
	err = store_drill_confirm(r->db, info, now);
	if (err == KF_ECONFLICT) {
		/* confirmed or closed meanwhile: say which */
		return drill_confirm_lookup(r, token, info, retry_r) == DRILL_CONFIRM_CLOSED ? DRILL_CONFIRM_CLOSED :
											       DRILL_CONFIRM_ALREADY;
	}
	if (err)
		return DRILL_CONFIRM_ERROR;
	info->confirmed_at = now;
	return DRILL_CONFIRM_OK;
}

/* ------------------------------------------------------------------ API */

void api_drill_list(struct req *r)
{
	struct drill *list;
	size_t n;
	enum kf_err err;
	json_t *arr;

	err = store_drill_list(r->db, r->arena, r->org.id, &list, &n);
	if (err) {
		api_store_error(r, err);
		return;
	}
	arr = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(arr, drill_to_json(&list[i], 0));
	api_json(r, 200, arr);
}

void api_drill_get(struct req *r)
{
	struct drill d;
	enum kf_err err;

	err = store_drill_get(r->db, r->arena, r->org.id, r->id, &d);
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, d.version);
	api_json(r, 200, drill_to_json(&d, 1));
}

void api_drill_start(struct req *r)
{
	struct field_errors fe = { 0 };
	const char *note = "", *key;
	char location[128];
	struct drill d;
	enum kf_err err;
	json_t *body, *v;

	body = api_body_object(r);
	if (!body)
		return;
	json_object_foreach(body, key, v) {
		if (strcmp(key, "note") != 0)
			fe_add(&fe, key, N_("is not a known field"));
		else if (!json_is_string(v))
			fe_add(&fe, key, N_("must be text"));
		else
			validate_line(&fe, "note", r->arena, json_string_value(v), 0, DRILL_NOTE_MAX, &note);
	}
	json_decref(body);
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = drill_start(r, note, &d);
	if (err == KF_EINVAL) {
		api_error(r, 422, "empty_alarm_chain",
			  N_("The alarm chain names nobody yet. Add its steps first, then start a drill."));
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	snprintf(location, sizeof(location), "/api/v1/orgs/%lld/drills/%lld", (long long)r->org.id, (long long)d.id);
	resp_header(r, "Location", location);
	api_etag(r, d.version);
	api_json(r, 201, drill_to_json(&d, 1));
}

void api_drill_close(struct req *r)
{
	int64_t version = api_if_match(r);
	struct drill d;
	enum kf_err err;

	if (version < 0)
		return;
	err = store_drill_close(r->db, r->arena, r->org.id, r->user.id, r->id, version, &d);
	if (err == KF_ECONFLICT) {
		api_conflict(r, drill_to_json(&d, 1));
		return;
	}
	if (err == KF_EINVAL) {
		api_error(r, 409, "drill_closed", N_("This drill was closed already."));
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, d.version);
	api_json(r, 200, drill_to_json(&d, 1));
}

void api_drill_settings_get(struct req *r)
{
	struct drill_settings s;
	enum kf_err err = store_drill_settings_get(r->db, r->arena, r->org.id, &s);

	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, s.version);
	api_json(r, 200, drill_settings_to_json(&s));
}

void api_drill_settings_put(struct req *r)
{
	struct field_errors fe = { 0 };
	struct drill_settings s, current;
	int64_t version;
	enum kf_err err;
	json_t *body;

	version = api_if_match(r);
	if (version < 0)
		return;
	err = store_drill_settings_get(r->db, r->arena, r->org.id, &current);
	if (err) {
		api_store_error(r, err);
		return;
	}
	if (current.version != version) {
		api_conflict(r, drill_settings_to_json(&current));
		return;
	}
	body = api_body_object(r);
	if (!body)
		return;
	memset(&s, 0, sizeof(s));
	drill_settings_from_json(&s, r->arena, body, r->app->webhook_http_hosts, &fe);
	json_decref(body);
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	err = store_drill_settings_put(r->db, r->arena, r->org.id, r->user.id, version, &s, &current);
	if (err == KF_ECONFLICT) {
		api_conflict(r, drill_settings_to_json(&current));
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	api_etag(r, s.version);
	api_json(r, 200, drill_settings_to_json(&s));
}

void api_drill_confirm(struct req *r)
{
	struct field_errors fe = { 0 };
	struct drill_token_info info;
	const char *token = "", *key;
	char iso[32];
	int64_t retry = 0;
	json_t *body, *v;

	body = api_body_object(r);
	if (!body)
		return;
	json_object_foreach(body, key, v) {
		if (strcmp(key, "token") != 0)
			fe_add(&fe, key, N_("is not a known field"));
		else if (!json_is_string(v))
			fe_add(&fe, key, N_("must be text"));
		else
			token = arena_strdup(r->arena, json_string_value(v));
	}
	json_decref(body);
	if (!token) {
		api_store_error(r, KF_ENOMEM);
		return;
	}
	if (!*token && !fe.n)
		fe_add(&fe, "token", N_("must not be empty"));
	if (fe.n) {
		api_error_fields(r, &fe);
		return;
	}
	switch (drill_confirm(r, token, &info, &retry)) {
	case DRILL_CONFIRM_OK:
		kf_time_iso(info.confirmed_at, iso);
		api_json(r, 200, json_pack("{s:s, s:s, s:b}", "name", info.name, "confirmed_at", iso, "already", 0));
		break;
	case DRILL_CONFIRM_ALREADY:
		kf_time_iso(info.confirmed_at, iso);
		api_json(r, 200, json_pack("{s:s, s:s, s:b}", "name", info.name, "confirmed_at", iso, "already", 1));
		break;
	case DRILL_CONFIRM_CLOSED:
		api_error(r, 410, "drill_closed",
			  N_("This reachability drill is over; a confirmation is no longer needed. Thank you."));
		break;
	case DRILL_CONFIRM_UNKNOWN:
		api_error(r, 404, "not_found", N_("This confirmation link is not valid. Please check that you copied all of it."));
		break;
	case DRILL_CONFIRM_THROTTLED:
		auth_retry_after(r, retry);
		api_error(r, 429, "too_many_attempts", N_("Too many failed attempts. Please wait a few minutes and try again."));
		break;
	default:
		api_error(r, 500, "internal", N_("The database could not be written. Please try again."));
		break;
	}
}
