/* task.h: a task: a piece of the plan given to a member, with due date and status, linked to an item or a step. */
#ifndef KF_TASK_H
#define KF_TASK_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"
#include "../lib/kv.h"

struct arena;

#define TASK_TITLE_MAX 200
#define TASK_TEXT_MAX 10000

enum task_status { TASK_OPEN, TASK_IN_PROGRESS, TASK_DONE, TASK_STATUS__MAX };

/* An item type a task can be linked to: its API name, its page below /o/{org}/ and its step. */
struct task_entity {
	const char *name; /* "system" */
	const char *path; /* "systems" */
	int step;         /* 1..5 */
};

/* Strings are owned by the arena the task was filled from; never NULL once filled. */
struct task {
	int64_t id;
	int64_t version;
	const char *title;
	const char *description;
	int64_t assignee_id; /* a member's user id; 0 = nobody yet */
	char due_date[11];   /* "" when none */
	enum task_status status;
	const char *entity; /* "" = linked to no item */
	int64_t entity_id;  /* 0 with no item */
	int step;           /* 1..5, or 0 = none; follows the item when one is linked */
	int64_t finding_id; /* the exercise finding it was made from (0 = none); set on creation only */
	const char *assignee_name; /* read only: the member's name or email, "" for nobody */
	const char *entity_name;   /* read only: the linked item's name ("" with none, or when it is gone) */
	int64_t created_at;
	int64_t updated_at;
};

/* Which tasks a list shows; zero (task_filter_init) shows every live task. */
struct task_filter {
	int64_t assignee_id; /* 0 = anyone */
	int open_only;       /* open or in progress */
	int status;          /* -1 = any, else an enum task_status */
	int overdue_only;    /* open, in progress and past the due date */
	int step;            /* 0 = any */
	const char *entity;  /* NULL = any; with entity_id the tasks of one item */
	int64_t entity_id;
	int64_t finding_id; /* 0 = any */
	const char *today;  /* YYYY-MM-DD, needed by overdue_only */
};

void task_init(struct task *t);
void task_filter_init(struct task_filter *f);
const char *task_status_name(enum task_status s);
const char *task_status_label(enum task_status s);
int task_status_parse(const char *s, enum task_status *s_r);

/* The linkable item types, and the one named name (NULL when unknown). */
const struct task_entity *task_entities(size_t *n_r);
const struct task_entity *task_entity_find(const char *name);
/* The item type whose page path is path ("systems"), or NULL. */
const struct task_entity *task_entity_by_path(const char *path);

/* 1 while the task still needs work (open or in progress). */
int task_is_open(const struct task *t);
/* 1 when the task is open, has a due date and today (YYYY-MM-DD) is after it. */
int task_is_overdue(const struct task *t, const char *today);
/* 1 when the task passes the filter. */
int task_matches(const struct task *t, const struct task_filter *f);

/* partial (PATCH) changes only given keys; otherwise t is reset first. finding_id is read-only. */
void task_from_json(struct task *t, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
/* Form fields by API name. */
void task_from_form(struct task *t, const struct kv_list *form, struct field_errors *fe);
/* Every rule that needs no database; trims the title; sets the step from the linked item. */
void task_validate(struct task *t, struct arena *a, struct field_errors *fe);
/* A new JSON object (caller owns it), or NULL when out of memory; overdue is computed for today. */
json_t *task_to_json(const struct task *t);

#endif
