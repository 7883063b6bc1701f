/* task_view.h: pieces of the task pages that item pages and the start page share. */
#ifndef KF_TASK_VIEW_H
#define KF_TASK_VIEW_H

#include <stddef.h>

#include "../core/task.h"

struct req;

/* The status, with an "overdue" badge in words (not colour alone) when the task is overdue. */
void task_view_status(struct req *r, const struct task *t, const char *today);
/* A table of tasks: title (linked), assignee, due date, status, what it belongs to. */
void task_view_table(struct req *r, const struct task *list, size_t n, const char *today);

#endif
