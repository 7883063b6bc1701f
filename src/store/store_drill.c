/* store_drill.c: reachability drills (start with mails and webhook calls in one transaction, confirm, close), settings, webhook queue. */
#include <stdlib.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "../lib/banned.h"

/* Columns id, version, started_at, started_by, started_by_name, note, closed_at, recipients, confirmed. */
static void read_drill(struct query *q, struct arena *a, void *item)
{
	struct drill *d = item;

	memset(d, 0, sizeof(*d));
	d->id = q_col_int(q, 0);
	d->version = q_col_int(q, 1);
	d->started_at = q_col_int(q, 2);
	d->started_by = q_col_int(q, 3);
	d->started_by_name = q_col_text(q, a, 4);
	d->note = q_col_text(q, a, 5);
	d->closed_at = q_col_int(q, 6);
	d->nrecipients = (size_t)q_col_int(q, 7);
	d->nconfirmed = (size_t)q_col_int(q, 8);
}

static void read_recipient(struct query *q, struct arena *a, void *item)
{
	struct drill_recipient *r = item;

	r->id = q_col_int(q, 0);
	r->contact_id = q_col_int(q, 1);
	r->name = q_col_text(q, a, 2);
	r->email = q_col_text(q, a, 3);
	r->sent_at = q_col_int(q, 4);
	r->confirmed_at = q_col_int(q, 5);
}

enum kf_err store_drill_list(struct store_conn *c, struct arena *a, int64_t org, struct drill **list_r, size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_DRILL_LIST);
	q_int(&q, 1, org);
	return q_list(&q, a, sizeof(**list_r), read_drill, (void **)list_r, n_r);
}

enum kf_err store_drill_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct drill *out)
{
	enum kf_err err;
	struct query q;
	size_t n = 0;

	q_start(&q, c, STMT_DRILL_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read_drill(&q, a, out);
	err = q_end(&q, err);
	if (err)
		return err;
	q_start(&q, c, STMT_DRILL_RECIPIENTS);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_list(&q, a, sizeof(*out->recipients), read_recipient, (void **)&out->recipients, &n);
	out->nrecipients = n;
	return err;
}

static json_t *drill_history_json(const struct drill *d)
{
	return drill_to_json(d, 1);
}

static enum kf_err write_history(struct store_conn *c, int64_t org, const struct drill *before,
				 const struct drill *after, const char *action, int64_t actor, int64_t id)
{
	json_t *jb = before ? drill_history_json(before) : NULL, *ja = after ? drill_history_json(after) : NULL;
	enum kf_err err = history_write(c, org, "drill", id, action, actor, jb, ja);

	json_decref(jb);
	json_decref(ja);
	return err;
}

enum kf_err store_drill_start(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *note,
			      const struct drill_start_recipient *rs, size_t n, struct drill *out)
{
	int64_t now = kf_now(), id;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	q_start(&q, c, STMT_DRILL_INSERT);
	q_int(&q, 1, org);
	q_int(&q, 2, now);
	q_id_or_null(&q, 3, actor);
	q_text(&q, 4, note ? note : "");
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	id = c->store->drv->last_insert_id(c->db);
	for (size_t i = 0; i < n; i++) {
		const struct drill_start_recipient *r = &rs[i];

		q_start(&q, c, STMT_DRILL_RECIPIENT_INSERT);
		q_int(&q, 1, id);
		q_int(&q, 2, org);
		q_int(&q, 3, r->contact_id);
		q_text(&q, 4, r->name ? r->name : "");
		q_text(&q, 5, r->email ? r->email : "");
		q_text_or_null(&q, 6, r->token_hash);
		if (r->token_hash && (r->mail || r->webhook_url))
			q_int(&q, 7, now);
		else
			q_id_or_null(&q, 7, 0);
		if (q_exec(&q) < 0) {
			err = KF_EDB;
			goto fail;
		}
		if (r->mail && (err = store_outbox_enqueue(c, org, r->mail->recipient, r->mail->subject, r->mail->body,
							   r->mail->link)))
			goto fail;
		if (r->webhook_url) {
			char *payload = drill_webhook_payload(r->org_name, id, r->name, r->phone, r->text, r->confirm_url);
			int rc;

			if (!payload) {
				err = KF_ENOMEM;
				goto fail;
			}
			q_start(&q, c, STMT_WEBHOOK_INSERT);
			q_int(&q, 1, org);
			q_text(&q, 2, r->webhook_url);
			q_text(&q, 3, payload);
			q_int(&q, 4, now);
			rc = q_exec(&q);
			free(payload);
			if (rc < 0) {
				err = KF_EDB;
				goto fail;
			}
		}
	}
	err = store_drill_get(c, a, org, id, out);
	if (!err)
		err = write_history(c, org, NULL, out, "create", actor, id);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_drill_close(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			      int64_t expected_version, struct drill *current_r)
{
	struct drill after;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_drill_get(c, a, org, id, current_r);
	if (err)
		goto fail;
	if (current_r->version != expected_version) {
		err = KF_ECONFLICT;
		goto fail;
	}
	if (current_r->closed_at) {
		err = KF_EINVAL;
		goto fail;
	}
	q_start(&q, c, STMT_DRILL_CLOSE);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	q_int(&q, 3, kf_now());
	q_int(&q, 4, expected_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = store_drill_get(c, a, org, id, &after);
	if (!err)
		err = write_history(c, org, current_r, &after, "update", actor, id);
	if (err)
		goto fail;
	*current_r = after;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_drill_last_over(struct store_conn *c, struct arena *a, int64_t org, int64_t now, struct drill *out,
				  int *found_r, int64_t *count_r)
{
	enum kf_err err;
	struct query q;
	int64_t id = 0;

	*found_r = 0;
	*count_r = 0;
	q_start(&q, c, STMT_DRILL_COUNT);
	q_int(&q, 1, org);
	err = q_one(&q);
	if (!err)
		*count_r = q_col_int(&q, 0);
	err = q_end(&q, err);
	if (err)
		return err;
	q_start(&q, c, STMT_DRILL_LAST_OVER);
	q_int(&q, 1, org);
	q_int(&q, 2, now - DRILL_OPEN_SECONDS);
	err = q_one(&q);
	if (!err)
		id = q_col_int(&q, 0);
	err = q_end(&q, err);
	if (err == KF_ENOTFOUND)
		return KF_OK;
	if (err)
		return err;
	err = store_drill_get(c, a, org, id, out);
	*found_r = err == KF_OK;
	return err;
}

enum kf_err store_drill_by_token(struct store_conn *c, struct arena *a, const char *token_hash,
				 struct drill_token_info *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_DRILL_BY_HASH);
	q_text(&q, 1, token_hash);
	err = q_one(&q);
	if (!err) {
		out->recipient_id = q_col_int(&q, 0);
		out->org_id = q_col_int(&q, 1);
		out->drill_id = q_col_int(&q, 2);
		out->name = q_col_text(&q, a, 3);
		out->confirmed_at = q_col_int(&q, 4);
		out->closed_at = q_col_int(&q, 5);
		out->org_name = q_col_text(&q, a, 6);
	}
	return q_end(&q, err);
}

enum kf_err store_drill_confirm(struct store_conn *c, const struct drill_token_info *t, int64_t now)
{
	json_t *after;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	q_start(&q, c, STMT_DRILL_CONFIRM);
	q_int(&q, 1, t->org_id);
	q_int(&q, 2, t->recipient_id);
	q_int(&q, 3, now);
	if (q_exec(&q) < 0) {
		err = KF_EDB;
		goto fail;
	}
	if (c->store->drv->changes(c->db) != 1) {
		err = KF_ECONFLICT;
		goto fail;
	}
	after = json_pack("{s:I, s:s, s:I}", "drill", (json_int_t)t->drill_id, "name", t->name ? t->name : "",
			  "confirmed_at", (json_int_t)now);
	err = history_write(c, t->org_id, "drill_recipient", t->recipient_id, "update", 0, NULL, after);
	json_decref(after);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

enum kf_err store_drill_settings_get(struct store_conn *c, struct arena *a, int64_t org, struct drill_settings *out)
{
	enum kf_err err;
	struct query q;

	memset(out, 0, sizeof(*out));
	out->webhook_url = "";
	q_start(&q, c, STMT_DRILL_SETTINGS_GET);
	q_int(&q, 1, org);
	err = q_one(&q);
	if (!err) {
		out->id = q_col_int(&q, 0);
		out->version = q_col_int(&q, 1);
		out->webhook_url = q_col_text(&q, a, 2);
		out->created_at = q_col_int(&q, 3);
		out->updated_at = q_col_int(&q, 4);
	}
	err = q_end(&q, err);
	return err == KF_ENOTFOUND ? KF_OK : err;
}

enum kf_err store_drill_settings_put(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				     int64_t expected_version, struct drill_settings *s, struct drill_settings *current_r)
{
	json_t *jb = NULL, *ja = NULL;
	enum kf_err err;
	struct query q;

	err = tx_begin(c);
	if (err)
		return err;
	err = store_drill_settings_get(c, a, org, current_r);
	if (err)
		goto fail;
	if (current_r->version != expected_version) {
		err = KF_ECONFLICT;
		goto fail;
	}
	q_start(&q, c, current_r->version ? STMT_DRILL_SETTINGS_UPDATE : STMT_DRILL_SETTINGS_INSERT);
	q_int(&q, 1, org);
	q_text(&q, 2, s->webhook_url ? s->webhook_url : "");
	q_int(&q, 3, kf_now());
	if (current_r->version)
		q_int(&q, 4, expected_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = store_drill_settings_get(c, a, org, s);
	if (err)
		goto fail;
	jb = current_r->version ? drill_settings_to_json(current_r) : NULL;
	ja = drill_settings_to_json(s);
	err = history_write(c, org, "drill_settings", s->id, current_r->version ? "update" : "create", actor, jb, ja);
	json_decref(jb);
	json_decref(ja);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

static void read_webhook(struct query *q, struct arena *a, void *item)
{
	struct webhook_call *w = item;

	w->id = q_col_int(q, 0);
	w->url = q_col_text(q, a, 1);
	w->payload = q_col_text(q, a, 2);
	w->attempts = (int)q_col_int(q, 3);
}

enum kf_err store_webhook_due(struct store_conn *c, struct arena *a, int64_t now, int limit, struct webhook_call **list_r,
			      size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_WEBHOOK_DUE);
	q_int(&q, 1, now);
	q_int(&q, 2, limit > 0 ? limit : 20);
	return q_list(&q, a, sizeof(**list_r), read_webhook, (void **)list_r, n_r);
}

enum kf_err store_webhook_sent(struct store_conn *c, int64_t id, int64_t now)
{
	struct query q;

	q_start(&q, c, STMT_WEBHOOK_SENT);
	q_int(&q, 1, id);
	q_int(&q, 2, now);
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}

enum kf_err store_webhook_failed(struct store_conn *c, int64_t id, int64_t retry_at, const char *error, int64_t now)
{
	struct query q;

	q_start(&q, c, retry_at ? STMT_WEBHOOK_ATTEMPT_FAILED : STMT_WEBHOOK_GIVE_UP);
	q_int(&q, 1, id);
	q_int(&q, 2, retry_at ? retry_at : now);
	q_text(&q, 3, error ? error : "");
	return q_exec(&q) == 0 ? KF_OK : KF_EDB;
}
