/* exercise_view.h: helpers shared by the pages of step 5 (exercises, findings). */
#ifndef KF_EXERCISE_VIEW_H
#define KF_EXERCISE_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "../core/contact.h"

struct req;

/* The page of exercise id, or the overview of step 5 for id 0. */
void exercise_view_url(struct req *r, int64_t exercise_id, char *out, size_t len);
/* The name of contact id among list, or NULL. */
const char *exercise_view_contact_name(const struct contact *list, size_t n, int64_t id);
/* "12" for an id, "" for 0 (allocated in the request's arena). */
const char *exercise_view_id_text(struct req *r, int64_t id);
/* A badge with a translated text. */
void exercise_view_badge(struct req *r, const char *css_class, const char *msgid);

#endif
