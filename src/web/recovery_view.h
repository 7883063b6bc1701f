/* recovery_view.h: pieces shared by the pages of step 3 (overview, runbooks, workarounds). */
#ifndef KF_RECOVERY_VIEW_H
#define KF_RECOVERY_VIEW_H

#include <stdint.h>

#include "../core/fielderr.h"

struct req;

/* "/o/{org}/" + tail, in the request's arena. */
const char *rv_url(struct req *r, const char *tail);
/* "/o/{org}/" + kind + "/" + id + tail, in the request's arena. */
const char *rv_item_url(struct req *r, const char *kind, int64_t id, const char *tail);
/* A link with text (already translated or user data); css_class may be NULL. */
void rv_link(struct req *r, const char *href, const char *text, const char *css_class);
/* A Markdown text as safe HTML in <div class="md">, or a muted "not written yet" when empty. */
void rv_markdown(struct req *r, const char *src);
/* "Target: back within 4 h", or a muted "no target set yet". */
void rv_target(struct req *r, int64_t hours);
/* "90 min" / "2 h 30 min" as text; nothing for -1. */
void rv_minutes(struct req *r, int64_t minutes);
/* What a number field shows: the text as sent when fe names the field (input kept), else v ("" for -1). */
const char *rv_number_value(struct req *r, const struct field_errors *fe, const char *field, int64_t v);
/* A select's value of an id: "" for 0 (none). */
const char *rv_id_value(struct req *r, int64_t id);
/* A number field's value of v: "" for -1 (not given). */
const char *rv_num_value(struct req *r, int64_t v);
/* The decimal text of v in the arena. */
const char *rv_num(struct req *r, int64_t v);
/* The error paragraph of a field (id "err-FIELD") when fe names it; returns its message id or NULL. */
const char *rv_field_error(struct req *r, const struct field_errors *fe, const char *field);
/* A hint that the text may use Markdown. */
void rv_markdown_hint(struct req *r);

#endif
