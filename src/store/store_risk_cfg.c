/* store_risk_cfg.c: the risk settings (scale, with rescaling of every risk), own risk categories, and dropping links. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/strbuf.h"
#include "../lib/timeutil.h"
#include "store-private.h"
#include "store_register.h"
#include "../lib/banned.h"

_Static_assert(offsetof(struct risk_owncat, id) == 0, "q_list reads own categories by their leading id");

/* ---------------------------------------------------------------- settings */

enum kf_err store_risk_settings_get(struct store_conn *c, int64_t org, struct risk_settings *out)
{
	enum kf_err err;
	struct query q;

	risk_settings_init(out);
	q_start(&q, c, STMT_RISK_SETTINGS_GET);
	q_int(&q, 1, org);
	err = q_one(&q);
	if (err == KF_ENOTFOUND)
		return q_end(&q, KF_OK);
	if (!err) {
		out->id = q_col_int(&q, 0);
		out->version = q_col_int(&q, 1);
		if (risk_scale_parse(c->store->drv->col_text(q.st, 2), &out->scale) < 0)
			out->scale = RISK_SCALE_5X5; /* not reached: the table's CHECK allows only known names */
		out->created_at = q_col_int(&q, 3);
		out->updated_at = q_col_int(&q, 4);
	}
	return q_end(&q, err);
}

/* Maps every live risk onto the new scale; one history record per risk whose values change. */
static enum kf_err rescale_all(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			       enum risk_scale_kind to, size_t *changed_r)
{
	struct risk *list;
	enum kf_err err;
	struct query q;
	size_t n;

	*changed_r = 0;
	err = store_risk_list(c, a, org, &list, &n);
	for (size_t i = 0; i < n && !err; i++) {
		struct risk before = list[i], after = list[i];

		risk_rescale(&after, to);
		if (after.likelihood == before.likelihood && after.impact == before.impact)
			continue;
		q_start(&q, c, STMT_RISK_RESCALE);
		q_int(&q, 1, org);
		q_int(&q, 2, after.id);
		q_int(&q, 3, after.likelihood);
		q_int(&q, 4, after.impact);
		q_int(&q, 5, kf_now());
		q_id_or_null(&q, 6, actor);
		if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
			err = KF_EDB;
			break;
		}
		after.version++;
		err = history_snapshots(c, org, "risk", after.id, "update", actor, 1, risk_to_json(&before), 1,
					risk_to_json(&after));
		++*changed_r;
	}
	return err;
}

enum kf_err store_risk_settings_put(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				    int64_t expected_version, struct risk_settings *s, int confirm,
				    struct risk_settings *current_r, size_t *rescaled_r, struct field_errors *fe)
{
	struct risk_settings before;
	struct risk *list;
	json_t *jb = NULL, *ja = NULL;
	enum kf_err err;
	struct query q;
	size_t n = 0;

	*rescaled_r = 0;
	err = tx_begin(c);
	if (err)
		return err;
	err = store_risk_settings_get(c, org, &before);
	if (err)
		goto fail;
	if (before.version != expected_version) {
		*current_r = before;
		err = KF_ECONFLICT;
		goto fail;
	}
	if (before.scale != s->scale) {
		err = store_risk_list(c, a, org, &list, &n);
		if (err)
			goto fail;
		if (n && !confirm) {
			fe_add_arg(fe, "confirm_rescale",
				   N_("must be true: the likelihood and impact of %s risks will be mapped to the new scale"),
				   arena_printf(a, "%zu", n));
			err = KF_EINVAL;
			goto fail;
		}
		err = rescale_all(c, a, org, actor, s->scale, rescaled_r);
		if (err)
			goto fail;
	}
	q_start(&q, c, before.version ? STMT_RISK_SETTINGS_UPDATE : STMT_RISK_SETTINGS_INSERT);
	q_int(&q, 1, org);
	q_text(&q, 2, risk_scale_name(s->scale));
	q_int(&q, 3, kf_now());
	q_id_or_null(&q, 4, actor);
	if (before.version)
		q_int(&q, 5, expected_version);
	if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
		err = KF_EDB;
		goto fail;
	}
	err = store_risk_settings_get(c, org, s);
	if (err)
		goto fail;
	jb = before.version ? risk_settings_to_json(&before) : NULL;
	ja = risk_settings_to_json(s);
	if ((before.version && !jb) || !ja)
		err = KF_ENOMEM;
	else
		err = history_write(c, org, "risk_settings", s->id, before.version ? "update" : "create", actor, jb, ja);
	json_decref(jb);
	json_decref(ja);
	if (err)
		goto fail;
	return tx_commit(c);
fail:
	tx_rollback(c);
	return err;
}

/* ---------------------------------------------------------------- own categories */

static void read_owncat(struct query *q, struct arena *a, void *item)
{
	struct risk_owncat *k = item;

	risk_owncat_init(k);
	k->id = q_col_int(q, 0);
	k->version = q_col_int(q, 1);
	k->name = q_col_text(q, a, 2);
	k->description = q_col_text(q, a, 3);
	k->created_at = q_col_int(q, 4);
	k->updated_at = q_col_int(q, 5);
}

enum kf_err store_risk_owncat_list(struct store_conn *c, struct arena *a, int64_t org, struct risk_owncat **list_r,
				   size_t *n_r)
{
	struct query q;

	q_start(&q, c, STMT_RISK_OWNCAT_LIST);
	q_int(&q, 1, org);
	return q_list(&q, a, sizeof(**list_r), read_owncat, (void **)list_r, n_r);
}

enum kf_err store_risk_owncat_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id,
				  struct risk_owncat *out)
{
	enum kf_err err;
	struct query q;

	q_start(&q, c, STMT_RISK_OWNCAT_GET);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	err = q_one(&q);
	if (!err)
		read_owncat(&q, a, out);
	return q_end(&q, err);
}

static enum kf_err owncat_name_free(struct store_conn *c, int64_t org, const struct risk_owncat *k,
				    struct field_errors *fe)
{
	struct query q;
	enum db_step rc;

	q_start(&q, c, STMT_RISK_OWNCAT_NAME_TAKEN);
	q_int(&q, 1, org);
	q_text(&q, 2, k->name);
	q_int(&q, 3, k->id);
	rc = q_step(&q);
	q_done(&q);
	if (rc != DB_ROW && rc != DB_DONE)
		return KF_EDB;
	if (rc == DB_ROW)
		fe_add(fe, "name", N_("is already the name of another own category"));
	return fe->n ? KF_EINVAL : KF_OK;
}

enum kf_err store_risk_owncat_used_by(struct store_conn *c, struct arena *a, int64_t org, int64_t id,
				      const char **used_by_r)
{
	struct strbuf sb;
	enum kf_err err = KF_OK;
	struct query q;
	enum db_step rc;

	*used_by_r = NULL;
	sb_init(&sb, 64 * 1024);
	q_start(&q, c, STMT_RISK_NAMING_OWNCAT);
	q_int(&q, 1, org);
	q_int(&q, 2, id);
	while ((rc = q_step(&q)) == DB_ROW) {
		if (sb.len)
			sb_adds(&sb, ", ");
		sb_adds(&sb, c->store->drv->col_text(q.st, 0));
	}
	q_done(&q);
	if (rc != DB_DONE)
		err = KF_EDB;
	else if (sb.failed)
		err = KF_ENOMEM;
	else if (sb.len && !(*used_by_r = arena_strdup(a, sb.buf)))
		err = KF_ENOMEM;
	sb_release(&sb);
	return err;
}

static enum kf_err check_owncat(struct store_conn *c, struct arena *a, const void *item, int64_t org,
				struct field_errors *fe)
{
	(void)a;
	return owncat_name_free(c, org, item, fe);
}

/* The item's own columns from first on: name, description. */
static int bind_owncat_fields(struct query *q, const void *item, int first)
{
	const struct risk_owncat *k = item;

	q_text(q, first, k->name);
	q_text(q, first + 1, k->description);
	return 2;
}

static json_t *owncat_json(const void *item)
{
	return risk_owncat_to_json(item);
}

static const struct store_register owncats = {
	.item = &store_item_risk_owncat, .entity = "risk_category",
	.insert = STMT_RISK_OWNCAT_INSERT, .update = STMT_RISK_OWNCAT_UPDATE, .remove = STMT_RISK_OWNCAT_DELETE,
	.bind = bind_owncat_fields, .to_json = owncat_json, .check_refs = check_owncat,
	.used_by = store_risk_owncat_used_by,
};

enum kf_err store_risk_owncat_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				     struct risk_owncat *k, struct field_errors *fe)
{
	return register_create(c, a, org, actor, &owncats, k, fe);
}

enum kf_err store_risk_owncat_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				     int64_t expected_version, struct risk_owncat *k, struct risk_owncat *current_r,
				     struct field_errors *fe)
{
	return register_update(c, a, org, actor, &owncats, expected_version, k, current_r, fe);
}

enum kf_err store_risk_owncat_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				     int64_t expected_version, struct risk_owncat *current_r, const char **used_by_r)
{
	return register_delete(c, a, org, actor, &owncats, id, expected_version, current_r, used_by_r);
}

/* ---------------------------------------------------------------- links to deleted processes and systems */

/* Removes id from ids; 1 when it was there. */
static int drop_id(int64_t *ids, int *n, int64_t id)
{
	int k = 0, dropped = 0;

	for (int i = 0; i < *n; i++) {
		if (ids[i] == id)
			dropped = 1;
		else
			ids[k++] = ids[i];
	}
	*n = k;
	return dropped;
}

enum kf_err risk_drop_links(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int is_system,
			    int64_t item_id)
{
	struct risk *list;
	enum kf_err err;
	struct query q;
	size_t n;

	err = store_risk_list(c, a, org, &list, &n);
	for (size_t i = 0; i < n && !err; i++) {
		struct risk before = list[i], *after = &list[i];
		int dropped = is_system ? drop_id(after->system_ids, &after->nsystems, item_id)
					: drop_id(after->process_ids, &after->nprocesses, item_id);

		if (!dropped)
			continue;
		/* same values, new links: the rescale statement bumps version and who changed it */
		q_start(&q, c, STMT_RISK_RESCALE);
		q_int(&q, 1, org);
		q_int(&q, 2, after->id);
		q_int(&q, 3, after->likelihood);
		q_int(&q, 4, after->impact);
		q_int(&q, 5, kf_now());
		q_id_or_null(&q, 6, actor);
		if (q_exec(&q) < 0 || c->store->drv->changes(c->db) != 1) {
			err = KF_EDB;
			break;
		}
		err = risk_write_links(c, org, after);
		if (!err) {
			after->version++;
			err = history_snapshots(c, org, "risk", after->id, "update", actor, 1, risk_to_json(&before), 1,
						risk_to_json(after));
		}
	}
	return err;
}
