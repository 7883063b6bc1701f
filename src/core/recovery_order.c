/* recovery_order.c: topological recovery order with business priority, overrides kept where dependencies allow, and their input rules. */
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/timeutil.h"
#include "bia.h"
#include "jsonin.h"
#include "recovery_order.h"
#include "validate.h"
#include "../lib/banned.h"

/* ---------------------------------------------------------------- the order */

/* ASCII letters without case, then bytes: "erp" and "ERP" side by side, like the lists' COLLATE NOCASE. */
static int name_cmp(const char *a, const char *b)
{
	for (;; a++, b++) {
		int ca = (unsigned char)*a, cb = (unsigned char)*b;

		if (ca >= 'A' && ca <= 'Z')
			ca += 'a' - 'A';
		if (cb >= 'A' && cb <= 'Z')
			cb += 'a' - 'A';
		if (ca != cb || !ca)
			return ca - cb;
	}
}

/* Business priority: smaller required RTO (none: last), higher cost per day, name, id. */
static int prio_cmp(const struct system *a, const struct system *b)
{
	int64_t ra = a->required_rto_hours, rb = b->required_rto_hours;
	int c;

	if (ra != rb) {
		if (ra < 0)
			return 1;
		if (rb < 0)
			return -1;
		return ra < rb ? -1 : 1;
	}
	if (a->cost_per_day != b->cost_per_day)
		return a->cost_per_day > b->cost_per_day ? -1 : 1;
	c = name_cmp(a->name, b->name);
	if (c)
		return c;
	return a->id < b->id ? -1 : a->id > b->id;
}

struct graph {
	const struct system *s;
	size_t n;
	int **deps; /* per system: indices of the systems it needs (known ones only) */
	int *ndeps;
};

static long index_of(const struct system *s, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (s[i].id == id)
			return (long)i;
	return -1;
}

static int graph_init(struct graph *g, struct arena *a, const struct system *s, size_t n)
{
	g->s = s;
	g->n = n;
	g->deps = ARENA_NEW(a, int *, n ? n : 1);
	g->ndeps = ARENA_NEW(a, int, n ? n : 1);
	if (!g->deps || !g->ndeps)
		return -1;
	for (size_t i = 0; i < n; i++) {
		g->deps[i] = ARENA_NEW(a, int, s[i].ndeps ? (size_t)s[i].ndeps : 1);
		if (!g->deps[i])
			return -1;
		for (int k = 0; k < s[i].ndeps; k++) {
			long j = index_of(s, n, s[i].depends_on_ids[k]);

			if (j >= 0 && (size_t)j != i)
				g->deps[i][g->ndeps[i]++] = (int)j;
		}
	}
	return 0;
}

static int ready(const struct graph *g, int i, const char *placed)
{
	for (int k = 0; k < g->ndeps[i]; k++)
		if (!placed[g->deps[i][k]])
			return 0;
	return 1;
}

/* The order from dependencies and priority alone (a cycle, which the BIA refuses, would not loop: priority decides). */
static void base_order(const struct graph *g, char *placed, int *order)
{
	memset(placed, 0, g->n);
	for (size_t slot = 0; slot < g->n; slot++) {
		int best = -1, best_ready = 0;

		for (size_t i = 0; i < g->n; i++) {
			int r;

			if (placed[i])
				continue;
			r = ready(g, (int)i, placed);
			if (best < 0 || (r && !best_ready) ||
			    (r == best_ready && prio_cmp(&g->s[i], &g->s[best]) < 0)) {
				best = (int)i;
				best_ready = r;
			}
		}
		placed[best] = 1;
		order[slot] = best;
	}
}

/* Marks in need[] every unplaced system that p needs, directly or through others. */
static void mark_needs(const struct graph *g, int p, const char *placed, char *need, int *stack)
{
	int top = 0;

	memset(need, 0, g->n);
	stack[top++] = p;
	while (top) {
		int i = stack[--top];

		for (int k = 0; k < g->ndeps[i]; k++) {
			int d = g->deps[i][k];

			if (!placed[d] && !need[d]) {
				need[d] = 1;
				stack[top++] = d;
			}
		}
	}
}

struct fill_fail {
	int at;    /* the pinned system whose place could not be kept, or -1 */
	int other; /* the system in the way */
	int free;  /* 1: a free place found nothing ready; at is then the pinned system waited for */
};

struct scratch {
	char *placed, *pinned, *need;
	int *stack;
};

/*
 * Fills the places: pinned ones with their system, free ones with the next
 * ready unpinned system in base order, preferring what the next pinned system
 * needs. 0 with order filled, or -1 with fail set.
 */
static int fill(const struct graph *g, const int *pins, const int *base, struct scratch *t, int *order,
		struct fill_fail *fail)
{
	size_t n = g->n;

	memset(t->placed, 0, n);
	memset(t->pinned, 0, n);
	for (size_t s = 0; s < n; s++)
		if (pins[s] >= 0)
			t->pinned[pins[s]] = 1;
	for (size_t slot = 0; slot < n; slot++) {
		int pick = -1, next_pin = -1;

		if (pins[slot] >= 0) {
			int s = pins[slot];

			for (int k = 0; k < g->ndeps[s]; k++)
				if (!t->placed[g->deps[s][k]]) {
					*fail = (struct fill_fail){ .at = s, .other = g->deps[s][k], .free = 0 };
					return -1;
				}
			t->placed[s] = 1;
			order[slot] = s;
			continue;
		}
		for (size_t later = slot + 1; later < n && next_pin < 0; later++)
			next_pin = pins[later];
		if (next_pin >= 0)
			mark_needs(g, next_pin, t->placed, t->need, t->stack);
		for (size_t k = 0; k < n && pick < 0; k++) {
			int i = base[k];

			if (!t->placed[i] && !t->pinned[i] && next_pin >= 0 && t->need[i] && ready(g, i, t->placed))
				pick = i;
		}
		for (size_t k = 0; k < n && pick < 0; k++) {
			int i = base[k];

			if (!t->placed[i] && !t->pinned[i] && ready(g, i, t->placed))
				pick = i;
		}
		if (pick < 0) {
			/* every unpinned system left waits, through others, for a pinned one still to come */
			int u = -1, w;

			for (size_t k = 0; k < n && u < 0; k++)
				if (!t->placed[base[k]] && !t->pinned[base[k]])
					u = base[k];
			w = u;
			while (w >= 0 && !t->pinned[w]) {
				int next = -1;

				for (int k = 0; k < g->ndeps[w] && next < 0; k++)
					if (!t->placed[g->deps[w][k]])
						next = g->deps[w][k];
				w = next;
			}
			*fail = (struct fill_fail){ .at = w, .other = u, .free = 1 };
			return -1;
		}
		t->placed[pick] = 1;
		order[slot] = pick;
	}
	return 0;
}

static int cmp_override(const struct recovery_override *a, const struct recovery_override *b, const struct graph *g)
{
	long ia, ib;

	if (a->position != b->position)
		return a->position < b->position ? -1 : 1;
	ia = index_of(g->s, g->n, a->system_id);
	ib = index_of(g->s, g->n, b->system_id);
	return prio_cmp(&g->s[ia], &g->s[ib]);
}

int recovery_order(struct arena *a, const struct system *systems, size_t n, const struct recovery_override *ov, int nov,
		   struct recovery_result *out)
{
	const struct recovery_override **sorted, **applied_by;
	int *base, *order, *pins, *trial, nsorted = 0;
	struct scratch t;
	struct graph g;
	size_t alloc = n ? n : 1;

	memset(out, 0, sizeof(*out));
	if (graph_init(&g, a, systems, n) < 0)
		return -1;
	base = ARENA_NEW(a, int, alloc);
	order = ARENA_NEW(a, int, alloc);
	pins = ARENA_NEW(a, int, alloc);
	trial = ARENA_NEW(a, int, alloc);
	t.placed = ARENA_NEW(a, char, alloc);
	t.pinned = ARENA_NEW(a, char, alloc);
	t.need = ARENA_NEW(a, char, alloc);
	t.stack = ARENA_NEW(a, int, alloc);
	sorted = ARENA_NEW(a, const struct recovery_override *, nov > 0 ? (size_t)nov : 1);
	applied_by = ARENA_NEW(a, const struct recovery_override *, alloc);
	out->entries = ARENA_NEW(a, struct recovery_entry, alloc);
	out->warnings = ARENA_NEW(a, struct recovery_warning, nov > 0 ? (size_t)nov : 1);
	if (!base || !order || !pins || !trial || !t.placed || !t.pinned || !t.need || !t.stack || !sorted ||
	    !applied_by || !out->entries || !out->warnings)
		return -1;
	out->n = n;
	base_order(&g, t.placed, base);
	memcpy(order, base, n * sizeof(*order));
	for (size_t s = 0; s < n; s++)
		pins[s] = -1;

	/* the overrides of known systems, first by place, then by priority; one per system */
	for (int i = 0; i < nov; i++) {
		int dup = 0, j;

		if (index_of(systems, n, ov[i].system_id) < 0)
			continue;
		for (j = 0; j < nsorted; j++)
			dup |= sorted[j]->system_id == ov[i].system_id;
		if (dup)
			continue;
		for (j = nsorted; j > 0 && cmp_override(&ov[i], sorted[j - 1], &g) < 0; j--)
			sorted[j] = sorted[j - 1];
		sorted[j] = &ov[i];
		nsorted++;
	}
	for (int i = 0; i < nsorted; i++) {
		const struct recovery_override *o = sorted[i];
		int s = (int)index_of(systems, n, o->system_id);
		size_t slot = o->position < 1 ? 0 : (size_t)o->position > n ? n - 1 : (size_t)o->position - 1;
		struct recovery_warning *w = &out->warnings[out->nwarnings];
		struct fill_fail fail;

		if (pins[slot] >= 0) {
			*w = (struct recovery_warning){ o, &systems[s], RECOVERY_PLACE_TAKEN, &systems[pins[slot]] };
			out->nwarnings++;
			continue;
		}
		pins[slot] = s;
		if (fill(&g, pins, base, &t, trial, &fail) == 0) {
			memcpy(order, trial, n * sizeof(*order));
			applied_by[s] = o;
			continue;
		}
		pins[slot] = -1;
		*w = (struct recovery_warning){ o, &systems[s], RECOVERY_CONFLICT, NULL };
		if (fail.at == s && !fail.free) {
			w->problem = RECOVERY_BEFORE_NEED;
			w->other = &systems[fail.other];
		} else if (fail.at == s || (!fail.free && fail.other == s)) {
			w->problem = RECOVERY_AFTER_DEPENDENT;
			w->other = fail.free ? &systems[fail.other] : &systems[fail.at];
		} else if (fail.at >= 0) {
			w->other = &systems[fail.at];
		}
		out->nwarnings++;
	}
	for (size_t k = 0; k < n; k++) {
		int i = order[k];

		out->entries[k].system = &systems[i];
		out->entries[k].position = (int)k + 1;
		out->entries[k].override = applied_by[i];
		for (size_t b = 0; b < n; b++)
			if (base[b] == i)
				out->entries[k].computed_position = (int)b + 1;
	}
	return 0;
}

static const char *const problem_names[RECOVERY_PROBLEM__MAX] = {
	"applied", "before_need", "after_dependent", "place_taken", "conflict",
};
static const char *const problem_msgids[RECOVERY_PROBLEM__MAX] = {
	"",
	N_("It would come before “%s”, which it needs."),
	N_("It would come after “%s”, which needs it."),
	N_("The place is already taken by “%s”."),
	N_("The place of “%s” could then no longer be kept."),
};

const char *recovery_problem_name(enum recovery_problem p)
{
	return (int)p >= 0 && p < RECOVERY_PROBLEM__MAX ? problem_names[p] : "";
}

const char *recovery_problem_msgid(enum recovery_problem p)
{
	return (int)p >= 0 && p < RECOVERY_PROBLEM__MAX ? problem_msgids[p] : "";
}

/* ---------------------------------------------------------------- the overrides as input */

#define MSG_SYSTEM N_("must be the id of an IT system")
#define MSG_POSITION N_("must be a whole number from 1 to 1000")

void recovery_overrides_init(struct recovery_overrides *o)
{
	memset(o, 0, sizeof(*o));
}

static void override_from_json(struct recovery_override *ov, struct arena *a, const json_t *obj, int i,
			       struct field_errors *fe)
{
	char field[48];
	const char *key;
	const json_t *val;

	ov->system_id = 0;
	ov->position = 0;
	ov->reason = "";
	if (!json_is_object(obj)) {
		snprintf(field, sizeof(field), "overrides[%d]", i);
		fe_add(fe, field, N_("must be an object with system_id, position and reason"));
		return;
	}
	json_object_foreach((json_t *)obj, key, val) {
		snprintf(field, sizeof(field), "overrides[%d].%.20s", i, key);
		if (strcmp(key, "system_id") == 0) {
			if (!json_is_integer(val) || json_integer_value(val) <= 0)
				fe_add(fe, field, MSG_SYSTEM);
			else
				ov->system_id = json_integer_value(val);
		} else if (strcmp(key, "position") == 0) {
			if (!json_is_integer(val) || json_integer_value(val) < 1 ||
			    json_integer_value(val) > RECOVERY_POSITION_MAX)
				fe_add(fe, field, MSG_POSITION);
			else
				ov->position = json_integer_value(val);
		} else if (strcmp(key, "reason") == 0) {
			if (json_is_string(val) && strlen(json_string_value(val)) == json_string_length(val))
				ov->reason = arena_strdup(a, json_string_value(val));
			else
				fe_add(fe, field, N_("must be text"));
			if (!ov->reason)
				ov->reason = "";
		} else if (strcmp(key, "applied") == 0 || strcmp(key, "name") == 0) {
			continue; /* read-only: clients may send back what they read */
		} else {
			fe_add(fe, field, N_("is not a known field"));
		}
	}
}

void recovery_overrides_from_json(struct recovery_overrides *o, struct arena *a, const json_t *obj,
				  struct field_errors *fe)
{
	const char *key;
	const json_t *val;

	o->n = 0;
	json_object_foreach((json_t *)obj, key, val) {
		if (strcmp(key, "overrides") == 0) {
			if (!json_is_array(val)) {
				fe_add(fe, key, N_("must be a list"));
				continue;
			}
			if (json_array_size(val) > RECOVERY_MAX_OVERRIDES) {
				fe_add(fe, key, N_("has too many entries (at most 100)"));
				continue;
			}
			o->n = (int)json_array_size(val);
			for (int i = 0; i < o->n; i++)
				override_from_json(&o->items[i], a, json_array_get(val, (size_t)i), i, fe);
		} else if (jsonin_is_readonly(key)) {
			continue;
		} else {
			fe_add(fe, key, N_("is not a known field"));
		}
	}
}

/* Whole number from a form field: -1 when empty, 0 when not a number. */
static int64_t form_position(const char *v)
{
	int64_t n = 0;

	if (!v)
		return -1;
	v += strspn(v, " ");
	if (!*v)
		return -1;
	for (int i = 0; v[i] && v[i] != ' '; i++) {
		if (v[i] < '0' || v[i] > '9' || i >= 6)
			return 0;
		n = n * 10 + (v[i] - '0');
	}
	return n;
}

void recovery_overrides_from_form(struct recovery_overrides *o, const struct kv_list *form,
				  const struct system *systems, size_t n, struct field_errors *fe)
{
	char key[48];

	(void)fe; /* every rule is checked by recovery_overrides_validate */
	o->n = 0;
	for (size_t i = 0; i < n && o->n < RECOVERY_MAX_OVERRIDES; i++) {
		const char *pos, *reason;
		int64_t p;

		snprintf(key, sizeof(key), "position-%lld", (long long)systems[i].id);
		pos = kv_get(form, key);
		snprintf(key, sizeof(key), "reason-%lld", (long long)systems[i].id);
		reason = kv_get(form, key);
		p = form_position(pos);
		if (p < 0 && (!reason || !reason[strspn(reason, " \t")]))
			continue; /* no override for this system */
		o->items[o->n++] = (struct recovery_override){ systems[i].id, p, reason ? reason : "" };
	}
}

static void field_name(char *buf, size_t len, const struct recovery_override *ov, int i, int form, const char *what)
{
	if (form)
		snprintf(buf, len, "%s-%lld", what, (long long)ov->system_id);
	else
		snprintf(buf, len, "overrides[%d].%s", i, what);
}

void recovery_overrides_validate(struct recovery_overrides *o, struct arena *a, size_t max, int form,
				 struct field_errors *fe)
{
	char field[48];

	for (int i = 0; i < o->n; i++) {
		struct recovery_override *ov = &o->items[i];

		field_name(field, sizeof(field), ov, i, form, "system_id");
		if (ov->system_id <= 0)
			fe_add(fe, field, MSG_SYSTEM);
		for (int j = 0; j < i && ov->system_id > 0; j++)
			if (o->items[j].system_id == ov->system_id) {
				fe_add(fe, field, N_("is chosen twice"));
				break;
			}
		field_name(field, sizeof(field), ov, i, form, "position");
		if (ov->position < 1 || (max && (size_t)ov->position > max) || ov->position > RECOVERY_POSITION_MAX) {
			if (max)
				fe_add_arg(fe, field, N_("must be a place from 1 to %s (the number of IT systems)"),
					   arena_printf(a, "%zu", max));
			else
				fe_add(fe, field, MSG_POSITION);
		} else {
			for (int j = 0; j < i; j++)
				if (o->items[j].position == ov->position) {
					fe_add(fe, field, N_("is already given to another system"));
					break;
				}
		}
		field_name(field, sizeof(field), ov, i, form, "reason");
		if (!ov->reason[strspn(ov->reason, " \t\r\n")])
			fe_add(fe, field, N_("Please say why this system gets this place."));
		else
			validate_line(fe, field, a, ov->reason, 1, RECOVERY_REASON_MAX, &ov->reason);
	}
}

json_t *recovery_overrides_to_json(const struct recovery_overrides *o)
{
	char created[21], updated[21];
	json_t *items = json_array();

	if (!items)
		return NULL;
	for (int i = 0; i < o->n; i++)
		json_array_append_new(items, json_pack("{s:I, s:I, s:s}", "system_id", (json_int_t)o->items[i].system_id,
						       "position", (json_int_t)o->items[i].position, "reason",
						       o->items[i].reason));
	kf_time_iso(o->created_at, created);
	kf_time_iso(o->updated_at, updated);
	return json_pack("{s:o, s:I, s:o, s:s, s:s}", "id", o->id ? json_integer(o->id) : json_null(), "version",
			 (json_int_t)o->version, "overrides", items, "created_at", o->version ? created : "",
			 "updated_at", o->version ? updated : "");
}
