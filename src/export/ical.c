/* ical.c: the iCalendar feed: the plan's due dates as all-day events, serialised by libical (escaping, folding, CRLF). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libical/ical.h>

#include "ical.h"
#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "../lib/banned.h"

/* A growing arena array of events. */
struct evlist {
	struct arena *a;
	struct ical_event *ev;
	size_t n, cap;
	int failed;
};

static struct ical_event *ev_add(struct evlist *l, const char *date)
{
	struct ical_event *e;

	if (l->failed || !date || strlen(date) != 10)
		return NULL;
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct ical_event *grown = ARENA_NEW(l->a, struct ical_event, cap);

		if (!grown) {
			l->failed = 1;
			return NULL;
		}
		if (l->n)
			memcpy(grown, l->ev, l->n * sizeof(*grown));
		l->ev = grown;
		l->cap = cap;
	}
	e = &l->ev[l->n++];
	memset(e, 0, sizeof(*e));
	memcpy(e->date, date, 11);
	e->description = "";
	e->url = "";
	return e;
}

/* Marks the list failed when any of the event's strings could not be made. */
static void ev_check(struct evlist *l, const struct ical_event *e)
{
	if (!e->uid || !e->summary || !e->description || !e->url)
		l->failed = 1;
}

static const char *subst(struct arena *a, enum kf_lang lang, const char *msgid, const char *a1, const char *a2)
{
	return backup_subst(a, _(lang, msgid), a1, a2, NULL);
}

static const char *german_date(struct arena *a, const char *iso)
{
	char out[16];

	kf_date_german(iso, out);
	return arena_strdup(a, out);
}

static void add_review(struct evlist *l, enum kf_lang lang, const struct ical_plan *p)
{
	char next[11], months[16];
	struct ical_event *e;

	if (!p->review || !p->review->last_review_date[0])
		return; /* never reviewed: the Plan-Check says so; there is no date yet */
	review_next(p->review, p->today, next);
	if (!(e = ev_add(l, next)))
		return;
	snprintf(months, sizeof(months), "%d", p->review->review_interval_months);
	e->uid = arena_printf(l->a, "review-%lld@krisenfest", (long long)p->org_id);
	e->summary = _(lang, "Plan review due");
	e->description = subst(l->a, lang, N_("Last reviewed on %s; the emergency plan is reviewed every %s months."),
			       german_date(l->a, p->review->last_review_date), months);
	e->url = arena_printf(l->a, "%s/o/%lld/exercises", p->base_url, (long long)p->org_id);
	e->last_modified = p->review->updated_at;
	ev_check(l, e);
}

static void add_exercises(struct evlist *l, enum kf_lang lang, const struct ical_plan *p)
{
	for (size_t i = 0; i < p->nexercises; i++) {
		const struct exercise *x = &p->exercises[i];
		struct ical_event *e;

		if (x->status != EXERCISE_PLANNED || !(e = ev_add(l, x->date)))
			continue;
		e->uid = arena_printf(l->a, "exercise-%lld-%lld@krisenfest", (long long)x->id, (long long)p->org_id);
		e->summary = subst(l->a, lang, N_("Exercise: %s"), x->title, NULL);
		e->description = subst(l->a, lang, N_("Planned exercise (%s)."), _(lang, exercise_type_label(x->type)),
				       NULL);
		e->url = arena_printf(l->a, "%s/o/%lld/exercises/%lld", p->base_url, (long long)p->org_id,
				      (long long)x->id);
		e->last_modified = x->updated_at;
		ev_check(l, e);
	}
}

static void add_restore_tests(struct evlist *l, enum kf_lang lang, const struct ical_plan *p)
{
	for (size_t i = 0; i < p->nbackups; i++) {
		const struct backup *b = &p->backups[i];
		char due[11], months[16];
		struct ical_event *e;

		if (b->facts.last_success_date[0])
			date_months_after(b->facts.last_success_date, BACKUP_TEST_MAX_AGE_MONTHS, due);
		else
			memcpy(due, p->today, 11); /* never restored successfully: due now */
		if (!(e = ev_add(l, due)))
			continue;
		snprintf(months, sizeof(months), "%d", BACKUP_TEST_MAX_AGE_MONTHS);
		e->uid = arena_printf(l->a, "restoretest-due-%lld-%lld@krisenfest", (long long)b->id,
				      (long long)p->org_id);
		e->summary = subst(l->a, lang, N_("Restore test due: %s"), b->title, NULL);
		if (b->facts.last_success_date[0])
			e->description = subst(l->a, lang,
					       N_("Last successful restore test on %s; test it at least every %s months."),
					       german_date(l->a, b->facts.last_success_date), months);
		else
			e->description = _(lang, "This backup has not yet been restored successfully in a test.");
		e->url = arena_printf(l->a, "%s/o/%lld/backups/%lld", p->base_url, (long long)p->org_id,
				      (long long)b->id);
		e->last_modified = b->updated_at;
		ev_check(l, e);
	}
}

static void add_tasks(struct evlist *l, enum kf_lang lang, const struct ical_plan *p)
{
	for (size_t i = 0; i < p->ntasks; i++) {
		const struct task *t = &p->tasks[i];
		struct ical_event *e;

		if (!task_is_open(t) || !t->due_date[0] || !(e = ev_add(l, t->due_date)))
			continue;
		e->uid = arena_printf(l->a, "task-%lld-%lld@krisenfest", (long long)t->id, (long long)p->org_id);
		e->summary = subst(l->a, lang, N_("Task due: %s"), t->title, NULL);
		e->description = t->entity_name && *t->entity_name
					 ? subst(l->a, lang, N_("Your task in the emergency plan, for \"%s\"."), t->entity_name,
						 NULL)
					 : _(lang, "Your task in the emergency plan.");
		e->url = arena_printf(l->a, "%s/o/%lld/tasks/%lld", p->base_url, (long long)p->org_id, (long long)t->id);
		e->last_modified = t->updated_at;
		ev_check(l, e);
	}
}

int ical_events(struct arena *a, enum kf_lang lang, const struct ical_plan *p, struct ical_event **events_r,
		size_t *n_r)
{
	struct evlist l = { .a = a };

	add_review(&l, lang, p);
	add_exercises(&l, lang, p);
	add_restore_tests(&l, lang, p);
	add_tasks(&l, lang, p);
	*events_r = l.failed ? NULL : l.ev;
	*n_r = l.failed ? 0 : l.n;
	return l.failed ? -1 : 0;
}

/* ---------------------------------------------------------------- rendering */

static struct icaltimetype day_of(const char *iso)
{
	struct icaltimetype t = icaltime_null_date();
	int y = 1970, m = 1, d = 1;

	kf_date_parse(iso, &y, &m, &d);
	t.year = y;
	t.month = m;
	t.day = d;
	t.is_date = 1;
	return t;
}

static struct icaltimetype utc_of(int64_t when)
{
	return icaltime_from_timet_with_zone((time_t)when, 0, icaltimezone_get_utc_timezone());
}

/* Adds p to parent; 0, or -1 when libical could not make it. */
static int add_prop(icalcomponent *parent, icalproperty *p)
{
	if (!p)
		return -1;
	icalcomponent_add_property(parent, p);
	return 0;
}

static icalcomponent *vevent(const struct ical_event *e, int64_t now)
{
	struct icaltimetype start = day_of(e->date), end = start;
	icalcomponent *ev = icalcomponent_new_vevent();
	int bad = 0;

	if (!ev)
		return NULL;
	icaltime_adjust(&end, 1, 0, 0, 0);
	bad |= add_prop(ev, icalproperty_new_uid(e->uid));
	bad |= add_prop(ev, icalproperty_new_dtstamp(utc_of(now)));
	bad |= add_prop(ev, icalproperty_new_dtstart(start));
	bad |= add_prop(ev, icalproperty_new_dtend(end));
	bad |= add_prop(ev, icalproperty_new_summary(e->summary));
	if (*e->description)
		bad |= add_prop(ev, icalproperty_new_description(e->description));
	if (*e->url)
		bad |= add_prop(ev, icalproperty_new_url(e->url));
	if (e->last_modified > 0)
		bad |= add_prop(ev, icalproperty_new_lastmodified(utc_of(e->last_modified)));
	/* a due date blocks no time in the calendar */
	bad |= add_prop(ev, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
	if (bad) {
		icalcomponent_free(ev);
		return NULL;
	}
	return ev;
}

char *ical_render(const char *calname, const struct ical_event *events, size_t n, int64_t now)
{
	icalcomponent *cal = icalcomponent_new_vcalendar();
	icalproperty *name;
	char *text = NULL;
	int bad = 0;

	if (!cal)
		return NULL;
	bad |= add_prop(cal, icalproperty_new_prodid("-//krisenfest//IT-Notfallplan//DE"));
	bad |= add_prop(cal, icalproperty_new_version("2.0"));
	bad |= add_prop(cal, icalproperty_new_calscale("GREGORIAN"));
	bad |= add_prop(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
	/* an X- value: libical escapes backslashes and line breaks (as clients expect of X-WR-CALNAME, without VALUE=TEXT) */
	name = icalproperty_new_x(calname);
	if (name)
		icalproperty_set_x_name(name, "X-WR-CALNAME");
	bad |= add_prop(cal, name);
	for (size_t i = 0; !bad && i < n; i++) {
		icalcomponent *ev = vevent(&events[i], now);

		if (!ev)
			bad = 1;
		else
			icalcomponent_add_component(cal, ev);
	}
	if (!bad)
		text = icalcomponent_as_ical_string_r(cal);
	icalcomponent_free(cal);
	return text;
}
