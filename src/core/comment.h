/* comment.h: a comment on an item of the plan (Markdown text), and the kinds of items that take comments. */
#ifndef KF_COMMENT_H
#define KF_COMMENT_H

#include <stddef.h>
#include <stdint.h>
#include <jansson.h>

#include "fielderr.h"

struct arena;

#define COMMENT_BODY_MAX 10000

struct comment {
	int64_t id;
	int64_t version;
	const char *entity; /* "contact", "system", ... as in the history */
	int64_t entity_id;
	const char *body;   /* Markdown */
	int64_t author_id;
	const char *author_name;
	int64_t created_at;
	int64_t updated_at;
};

/* 1 when entity names a kind of item that takes comments and has a history page. */
int comment_entity_known(const char *entity);
/* The item kind's label, an English message id ("Contact"); the entity itself when unknown. */
const char *comment_entity_label(const char *entity);

/* The item's web page, "/o/1/systems/7" (the organisation's start page when entity is unknown). */
void comment_item_path(const char *entity, int64_t org, int64_t id, char *buf, size_t size);

/* Checks the body: required, valid UTF-8 text, at most COMMENT_BODY_MAX characters. 0 or -1 (field "body"). */
int comment_validate_body(const char *body, struct field_errors *fe);
/*
 * Reads a new comment {"entity", "entity_id", "body"} (partial: only "body"
 * for a change) into c; bad fields are named in fe. Strings are copied into a.
 */
void comment_from_json(struct comment *c, struct arena *a, const json_t *obj, int partial, struct field_errors *fe);
json_t *comment_to_json(const struct comment *c);

#endif
