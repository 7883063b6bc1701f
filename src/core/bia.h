/* bia.h: the computed part of the business impact analysis: cycles, required RTO/RPO, single points of failure, costs. */
#ifndef KF_BIA_H
#define KF_BIA_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/i18n.h"
#include "process.h"
#include "system.h"

struct arena;
struct strbuf;

/* A process needed through this many processes makes a system a single point of failure. */
#define BIA_SPOF_PROCESSES 2
#define BIA_CYCLE_MAX 64

/*
 * Looks for a dependency cycle through the system with id start among the
 * systems (the organisation's graph with the edited system already in it).
 * On finding one, fills path_r with the ids along it, starting and ending
 * with start (ERP, Datenbank, ERP), sets *len_r and returns 1; else 0.
 * Dependencies on ids not in the list are ignored. -1 when out of memory.
 */
int bia_find_cycle(const struct system *systems, size_t n, int64_t start, int64_t *path_r, int max, int *len_r);
/* The cycle as "ERP → Datenbank → ERP" in the arena (NULL when out of memory). */
const char *bia_cycle_text(struct arena *a, const struct system *systems, size_t n, const int64_t *path, int len);
/*
 * The roll-up: fills the computed fields of every system (required RTO/RPO =
 * the strictest of its own target, the processes that need it and the
 * systems that depend on it, each transitively; the processes that need it,
 * SPoF, cost of one day down). Deleted references are ignored; cycles do
 * not loop. 0, or -1 when out of memory.
 */
int bia_compute(struct system *systems, size_t n, const struct process *processes, size_t np);
/*
 * needed[i] = 1 when one of the processes p with which[p] set needs system i,
 * directly or through the systems it depends on; else 0. 0, or -1 when out
 * of memory.
 */
int bia_needed_by(const struct system *systems, size_t n, const struct process *processes, size_t np,
		  const char *which, char *needed);

#define BIA_MSG_HOURS N_("must be a whole number of hours from 0 to 100000")
#define BIA_MSG_PERCENT N_("must be a whole number from 0 to 100")
#define BIA_MSG_COST N_("must be a whole number of euros from 0 to 100000000")
#define BIA_MSG_IMPACT N_("must be a whole number from 0 to 4")

/*
 * Whole numbers 0..max from JSON (null gives -1 when nullable) and forms
 * (empty gives -1); anything else adds msg for field and leaves *out as it was
 * (JSON) or -1 (forms).
 */
void bia_int_from_json(const json_t *v, const char *field, int64_t max, int nullable, const char *msg, int64_t *out,
		       struct field_errors *fe);
void bia_int_from_form(const char *v, const char *field, int64_t max, const char *msg, int64_t *out,
		       struct field_errors *fe);
/* JSON integer or null for -1 (new reference). */
json_t *bia_json_opt(int64_t v);

/* s inside a double-quoted DOT string: " and \ escaped, line breaks as \n, other control characters dropped. */
void bia_dot_escape(struct strbuf *sb, const char *s);

#endif
