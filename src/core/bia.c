/* bia.c: computations over the dependency graph of an organisation: cycles, RTO/RPO roll-up, SPoF, costs. */
#include <stdlib.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/strbuf.h"
#include "bia.h"
#include "../lib/banned.h"

static long find_index(const struct system *systems, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (systems[i].id == id)
			return (long)i;
	return -1;
}

/* For each system, the indices of its dependencies that are in the list (-1 for the others). */
static long *dep_indices(const struct system *systems, size_t n)
{
	long *idx = malloc((n ? n : 1) * SYSTEM_MAX_DEPS * sizeof(*idx));

	if (!idx)
		return NULL;
	for (size_t i = 0; i < n; i++)
		for (int d = 0; d < SYSTEM_MAX_DEPS; d++)
			idx[i * SYSTEM_MAX_DEPS + (size_t)d] =
				d < systems[i].ndeps ? find_index(systems, n, systems[i].depends_on_ids[d]) : -1;
	return idx;
}

int bia_find_cycle(const struct system *systems, size_t n, int64_t start, int64_t *path_r, int max, int *len_r)
{
	long s = find_index(systems, n, start), *idx = NULL, *stack = NULL;
	int *next = NULL, found = 0, depth;
	char *seen = NULL;

	*len_r = 0;
	if (s < 0)
		return 0;
	idx = dep_indices(systems, n);
	stack = malloc(n * sizeof(*stack));
	next = calloc(n, sizeof(*next));
	seen = calloc(n, 1);
	if (!idx || !stack || !next || !seen) {
		found = -1;
		goto out;
	}
	/* depth-first from start; the stack is the current path, a way back to start closes the cycle */
	stack[0] = s;
	seen[s] = 1;
	depth = 1;
	while (depth > 0 && !found) {
		long v = stack[depth - 1], w;

		if (next[v] >= SYSTEM_MAX_DEPS) {
			depth--;
			continue;
		}
		w = idx[(size_t)v * SYSTEM_MAX_DEPS + (size_t)next[v]++];
		if (w < 0)
			continue;
		if (w == s) {
			found = 1;
			break;
		}
		if (!seen[w]) {
			seen[w] = 1;
			stack[depth++] = w;
		}
	}
	if (found == 1) {
		int k = 0;

		for (int i = 0; i < depth && k < max - 1; i++)
			path_r[k++] = systems[stack[i]].id;
		if (k < max)
			path_r[k++] = start;
		*len_r = k;
	}
out:
	free(idx);
	free(stack);
	free(next);
	free(seen);
	return found;
}

const char *bia_cycle_text(struct arena *a, const struct system *systems, size_t n, const int64_t *path, int len)
{
	struct strbuf sb;
	const char *text;

	sb_init(&sb, 64 * 1024);
	for (int i = 0; i < len; i++) {
		long k = find_index(systems, n, path[i]);

		if (i)
			sb_adds(&sb, " \u2192 ");
		if (k >= 0)
			sb_adds(&sb, systems[k].name);
		else
			sb_addf(&sb, "#%lld", (long long)path[i]);
	}
	text = sb.failed ? NULL : arena_strdup(a, sb.buf);
	sb_release(&sb);
	return text;
}

/* The smaller of two optional values (-1 = none). */
static int64_t stricter(int64_t cur, int64_t v)
{
	if (v < 0)
		return cur;
	return cur < 0 || v < cur ? v : cur;
}

/*
 * Marks every system reachable from the roots (the roots included) with
 * stamp; returns how many are in reach[]. Marks with a stamp per walk, so
 * nothing needs clearing and cycles end.
 */
static size_t reach_from(const long *idx, const long *roots, size_t nroots, int *mark, int stamp, long *reach)
{
	size_t head = 0, tail = 0;

	for (size_t i = 0; i < nroots; i++)
		if (roots[i] >= 0 && mark[roots[i]] != stamp) {
			mark[roots[i]] = stamp;
			reach[tail++] = roots[i];
		}
	while (head < tail) {
		long v = reach[head++];

		for (int d = 0; d < SYSTEM_MAX_DEPS; d++) {
			long w = idx[(size_t)v * SYSTEM_MAX_DEPS + (size_t)d];

			if (w >= 0 && mark[w] != stamp) {
				mark[w] = stamp;
				reach[tail++] = w;
			}
		}
	}
	return tail;
}

int bia_compute(struct system *systems, size_t n, const struct process *processes, size_t np)
{
	long *idx, *reach, roots[PROCESS_MAX_SYSTEMS];
	int *mark, stamp = 0;
	size_t i, k, m;

	for (i = 0; i < n; i++) {
		systems[i].required_rto_hours = systems[i].rto_hours;
		systems[i].required_rpo_hours = systems[i].rpo_hours;
		systems[i].nprocesses = 0;
		systems[i].spof = 0;
		systems[i].cost_per_day = 0;
	}
	if (n == 0)
		return 0;
	idx = dep_indices(systems, n);
	reach = malloc(n * sizeof(*reach));
	mark = calloc(n, sizeof(*mark));
	if (!idx || !reach || !mark) {
		free(idx);
		free(reach);
		free(mark);
		return -1;
	}
	/* a system's own targets bind everything it needs */
	for (i = 0; i < n; i++) {
		if (systems[i].rto_hours < 0 && systems[i].rpo_hours < 0)
			continue;
		roots[0] = (long)i;
		m = reach_from(idx, roots, 1, mark, ++stamp, reach);
		for (k = 0; k < m; k++) {
			systems[reach[k]].required_rto_hours = stricter(systems[reach[k]].required_rto_hours, systems[i].rto_hours);
			systems[reach[k]].required_rpo_hours = stricter(systems[reach[k]].required_rpo_hours, systems[i].rpo_hours);
		}
	}
	/* each process binds the systems it needs, directly or through their dependencies */
	for (size_t p = 0; p < np; p++) {
		const struct process *pr = &processes[p];
		int nroots = 0;

		for (int s = 0; s < pr->nsystems && s < PROCESS_MAX_SYSTEMS; s++)
			roots[nroots++] = find_index(systems, n, pr->system_ids[s]);
		m = reach_from(idx, roots, (size_t)nroots, mark, ++stamp, reach);
		for (k = 0; k < m; k++) {
			struct system *s = &systems[reach[k]];

			s->required_rto_hours = stricter(s->required_rto_hours, pr->rto_hours);
			s->required_rpo_hours = stricter(s->required_rpo_hours, pr->rpo_hours);
			s->nprocesses++;
			s->cost_per_day += process_cost_per_day(pr);
		}
	}
	for (i = 0; i < n; i++)
		systems[i].spof = systems[i].nprocesses >= BIA_SPOF_PROCESSES;
	free(idx);
	free(reach);
	free(mark);
	return 0;
}

int bia_needed_by(const struct system *systems, size_t n, const struct process *processes, size_t np,
		  const char *which, char *needed)
{
	long *idx, *reach, roots[PROCESS_MAX_SYSTEMS];
	int *mark, ok;
	size_t m;

	memset(needed, 0, n);
	if (n == 0)
		return 0;
	idx = dep_indices(systems, n);
	reach = malloc(n * sizeof(*reach));
	mark = calloc(n, sizeof(*mark));
	ok = idx && reach && mark;
	if (ok)
		for (size_t p = 0; p < np; p++) {
			int nroots = 0;

			if (!which[p])
				continue;
			for (int s = 0; s < processes[p].nsystems && s < PROCESS_MAX_SYSTEMS; s++)
				roots[nroots++] = find_index(systems, n, processes[p].system_ids[s]);
			/* one stamp for all: a system marked once is needed, and is not walked again */
			m = reach_from(idx, roots, (size_t)nroots, mark, 1, reach);
			for (size_t k = 0; k < m; k++)
				needed[reach[k]] = 1;
		}
	free(idx);
	free(reach);
	free(mark);
	return ok ? 0 : -1;
}

void bia_int_from_json(const json_t *v, const char *field, int64_t max, int nullable, const char *msg, int64_t *out,
		       struct field_errors *fe)
{
	if (json_is_null(v) && nullable) {
		*out = -1;
		return;
	}
	if (!json_is_integer(v) || json_integer_value(v) < 0 || json_integer_value(v) > max) {
		fe_add(fe, field, msg);
		return;
	}
	*out = json_integer_value(v);
}

void bia_int_from_form(const char *v, const char *field, int64_t max, const char *msg, int64_t *out,
		       struct field_errors *fe)
{
	int64_t n = 0;
	size_t len;

	*out = -1;
	if (!v)
		return;
	while (*v == ' ')
		v++;
	len = strlen(v);
	while (len && v[len - 1] == ' ')
		len--;
	if (len == 0)
		return;
	for (size_t i = 0; i < len; i++) {
		if (v[i] < '0' || v[i] > '9' || i >= 12) {
			fe_add(fe, field, msg);
			return;
		}
		n = n * 10 + (v[i] - '0');
	}
	if (n > max) {
		fe_add(fe, field, msg);
		return;
	}
	*out = n;
}

json_t *bia_json_opt(int64_t v)
{
	return v >= 0 ? json_integer(v) : json_null();
}

void bia_dot_escape(struct strbuf *sb, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\') {
			sb_addc(sb, '\\');
			sb_addc(sb, (char)c);
		} else if (c == '\n') {
			sb_adds(sb, "\\n");
		} else if (c < 0x20 || c == 0x7f) {
			continue;
		} else {
			sb_addc(sb, (char)c);
		}
	}
}
