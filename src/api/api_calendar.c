/* api_calendar.c: the caller's secret calendar link (API) and the iCalendar feed it opens (/cal/{token}.ics). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../export/ical.h"
#include "../http/auth.h"
#include "../http/calendar.h"
#include "../http/request.h"
#include "../http/router.h"
#include "../http/throttle.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/secret.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "api.h"
#include "../lib/banned.h"

#define CAL_TOKEN_MAX 100

static json_t *time_or_null(int64_t t)
{
	char iso[32];

	if (t <= 0)
		return json_null();
	kf_time_iso(t, iso);
	return json_string(iso);
}

/* {exists, created_at, last_used_at[, url]}; url only right after creating the link. */
static json_t *link_json(const struct calendar_link *l, const char *url)
{
	json_t *o = json_pack("{s:b, s:o, s:o}", "exists", l->id > 0, "created_at", time_or_null(l->created_at),
			      "last_used_at", time_or_null(l->last_used_at));

	if (o && url)
		json_object_set_new(o, "url", json_string(url));
	return o;
}

void api_calendar_link_get(struct req *r)
{
	struct calendar_link l;
	enum kf_err err = store_calendar_link_get(r->db, r->org.id, r->user.id, &l);

	if (err && err != KF_ENOTFOUND) {
		api_store_error(r, err);
		return;
	}
	api_json(r, 200, link_json(&l, NULL));
}

void api_calendar_link_create(struct req *r)
{
	struct calendar_link l;
	const char *url;
	enum kf_err err = calendar_link_new(r, &l, &url);

	if (err) {
		api_store_error(r, err);
		return;
	}
	api_json(r, 201, link_json(&l, url));
}

void api_calendar_link_delete(struct req *r)
{
	enum kf_err err = store_calendar_link_delete(r->db, r->org.id, r->user.id);

	if (err == KF_ENOTFOUND) {
		api_error(r, 404, "not_found", N_("You have no calendar link in this organisation."));
		return;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	r->status = 204;
}

/* The member's dates: the organisation's review, exercises and restore tests, and the member's own open tasks. */
static enum kf_err load_plan(struct req *r, const struct calendar_owner *who, struct ical_plan *p,
			     struct plan_review *review, char *today)
{
	struct exercise *exercises = NULL;
	struct backup *backups = NULL;
	struct task *tasks = NULL;
	struct task_filter f;
	enum kf_err err;

	memset(p, 0, sizeof(*p));
	kf_date_iso(kf_now(), today);
	err = store_review_get(r->db, r->arena, who->org_id, review);
	if (!err)
		err = store_exercise_list(r->db, r->arena, who->org_id, &exercises, &p->nexercises);
	if (!err)
		err = store_backup_list(r->db, r->arena, who->org_id, &backups, &p->nbackups);
	if (!err) {
		task_filter_init(&f);
		f.assignee_id = who->user_id;
		f.open_only = 1;
		err = store_task_list(r->db, r->arena, who->org_id, &f, &tasks, &p->ntasks);
	}
	p->org_id = who->org_id;
	p->base_url = calendar_base_url(r);
	p->today = today;
	p->review = review;
	p->exercises = exercises;
	p->backups = backups;
	p->tasks = tasks;
	if (!err && !p->base_url)
		err = KF_ENOMEM;
	return err;
}

/* GET /cal/{token}.ics: no session; the secret token is the credential. Unknown links count like failed sign-ins. */
void api_calendar_feed(struct req *r)
{
	const char *token = router_segment(r, "token");
	char hash[KF_TOKEN_HASH_LEN], key[64], today[11];
	struct calendar_owner who;
	struct plan_review review;
	struct ical_event *events;
	struct ical_plan p;
	const char *calname;
	char *text = NULL;
	int64_t retry;
	enum kf_err err;
	size_t n;

	if (!token || strlen(token) > CAL_TOKEN_MAX)
		token = "";
	kf_token_hash(token, hash);
	snprintf(key, sizeof(key), "calendar:%.16s", hash);
	retry = throttle_check(r->app->throttle, key, r->client_ip);
	if (retry > 0) {
		auth_retry_after(r, retry);
		api_error(r, 429, "too_many_attempts", N_("Too many failed attempts. Please wait a few minutes and try again."));
		return;
	}
	err = *token ? store_calendar_link_by_token(r->db, r->arena, hash, &who) : KF_ENOTFOUND;
	if (err == KF_ENOTFOUND) {
		/* no hint whether the link never existed, was renewed or its member left */
		throttle_failed(r->app->throttle, key, r->client_ip);
		api_error(r, 404, "not_found", N_("This page does not exist, or you have no access to it."));
		return;
	}
	if (!err)
		err = load_plan(r, &who, &p, &review, today);
	if (!err && ical_events(r->arena, r->lang, &p, &events, &n) < 0)
		err = KF_ENOMEM;
	if (!err) {
		calname = backup_subst(r->arena, _(r->lang, "IT emergency plan – %s"), who.org_name, NULL, NULL);
		text = calname ? ical_render(calname, events, n, kf_now()) : NULL;
		if (!text)
			err = KF_ENOMEM;
	}
	if (err) {
		api_store_error(r, err);
		return;
	}
	sb_reset(&r->out);
	if (sb_adds(&r->out, text) < 0) {
		free(text);
		api_store_error(r, KF_ENOMEM);
		return;
	}
	free(text);
	r->status = 200;
	r->content_type = "text/calendar; charset=utf-8";
	resp_header(r, "Content-Disposition", "inline; filename=\"krisenfest.ics\"");
}
