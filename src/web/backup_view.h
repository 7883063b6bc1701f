/* backup_view.h: helpers shared by the backup pages of step 3 (register, backup, restore tests). */
#ifndef KF_BACKUP_VIEW_H
#define KF_BACKUP_VIEW_H

#include <stddef.h>
#include <stdint.h>

struct req;

/* The page of backup id, or the register for id 0. */
void backup_view_url(struct req *r, int64_t backup_id, char *out, size_t len);

#endif
