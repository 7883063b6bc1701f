/* register_table.h: the registers of a plan as rows × columns of text — which registers, their columns, how a value becomes text; read by CSV and XLSX. */
#ifndef KF_REGISTER_TABLE_H
#define KF_REGISTER_TABLE_H

#include <stddef.h>
#include <jansson.h>

#include "../lib/err.h"
#include "../lib/i18n.h"
#include "plan_doc.h"

/* How a column's JSON value becomes text: as it is, yes/no, phone numbers, or the name of the item an id refers to. */
enum reg_value {
	REG_TEXT,
	REG_BOOL,
	REG_PHONES,
	REG_CONTACT, /* from here on: ids shown as the name of the item they refer to */
	REG_ROLE,
	REG_SYSTEM,
	REG_PROCESS,
	REG_BACKUP,
	REG_RISK,
	REG_EXERCISE,
};

/* What a spreadsheet makes of a column: text, a number, an amount in EUR, a date (YYYY-MM-DD). CSV writes text alike. */
enum reg_cell { REG_CELL_TEXT, REG_CELL_NUMBER, REG_CELL_EUR, REG_CELL_DATE };

struct reg_column {
	const char *key;    /* the field of the item's JSON (API form) */
	const char *header; /* English message id of the column header */
	enum reg_value value;
	enum reg_cell cell;
};

/* One register: a row of the table in register_table.c. */
struct register_def {
	const char *name;  /* "contacts", "alarm-steps": the CSV kind is "{name}.csv" */
	const char *title; /* English message id of its name ("Contacts"); the worksheet's name */
	const struct reg_column *cols;
	size_t ncols;
	json_t *(*items)(const struct plan_doc *doc); /* a new JSON array of its items in API form; NULL out of memory */
};

/* Every register, in the order of the download page; *n_r is the count. */
const struct register_def *register_defs(size_t *n_r);
/* The register with this name, or NULL. */
const struct register_def *register_find(const char *name);

/*
 * Called for every cell: row 0 holds the translated headers (v NULL), rows
 * 1.. one item each; col counts from 0 to def->ncols - 1 within a row. text is
 * the cell as text (names for ids, "ja"/"nein", lists joined with "; "), v the
 * JSON value (NULL when the item lacks the field). Anything but KF_OK stops.
 */
typedef enum kf_err (*register_cell_fn)(void *ctx, size_t row, size_t col, const char *text, const json_t *v);

/* Visits the register def of doc row by row: KF_OK, KF_ENOMEM, or what fn returned. */
enum kf_err register_table_visit(const struct register_def *def, const struct plan_doc *doc, enum kf_lang lang,
				 register_cell_fn fn, void *ctx);

#endif
