/* store.h: the typed storage API; the only way the rest of krisenfest reads or writes data. */
#ifndef KF_STORE_H
#define KF_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "../core/alarm_plan.h"
#include "../core/acknowledgement.h"
#include "../core/alarm_step.h"
#include "../core/backup.h" /* step 3: backups */
#include "../core/chapter.h" /* review marks */
#include "../core/comm_template.h"
#include "../core/contact.h"
#include "../core/exercise.h"
#include "../core/finding.h"
#include "../core/invitation.h" /* members: invitations and members */
#include "../core/fielderr.h"
#include "../core/member.h"
#include "../core/plan_copy.h"
#include "../core/process.h"
#include "../core/review.h"
#include "../core/risk.h"
#include "../core/risk_owncat.h"
#include "../core/role.h"
#include "../core/system.h"
#include "../core/task.h" /* tasks */
#include "../lib/err.h"

struct arena;
struct store;
struct store_conn;

/*
 * Opening and connections. A store is shared by all threads; each thread
 * takes a connection from its pool for the duration of one request or
 * command and gives it back. Tenant functions take the organisation id and
 * scope every statement by it: an item of another organisation is simply
 * not found (KF_ENOTFOUND).
 */
/* Opens (and creates) the database at path and applies pending migrations. Allocates. */
enum kf_err store_open(const char *path, struct store **store_r);
void store_close(struct store *s);
/* A connection of the pool, or NULL when the database cannot be opened. */
struct store_conn *store_conn_get(struct store *s);
void store_conn_put(struct store_conn *c);
/*
 * A batch: every store write between begin and commit is one transaction,
 * all or nothing (an import). A write that fails inside the batch makes the
 * commit roll everything back (KF_EDB); rollback drops the batch at once.
 */
enum kf_err store_batch_begin(struct store_conn *c);
enum kf_err store_batch_commit(struct store_conn *c);
void store_batch_rollback(struct store_conn *c);
/* Schema version after migrations (for `krisenfest --version` and tests). */
int store_schema_version(struct store_conn *c);

/* Instance set-up and settings. */
enum kf_err store_instance_exists(struct store_conn *c, int *exists_r);
enum kf_err store_setting_get(struct store_conn *c, struct arena *a, const char *key, const char **value_r);
enum kf_err store_setting_set(struct store_conn *c, const char *key, const char *value);
enum kf_err store_setting_delete(struct store_conn *c, const char *key);
/*
 * Creates the first organisation and its admin in one transaction.
 * KF_EEXIST when the instance already has an organisation.
 */
enum kf_err store_setup_instance(struct store_conn *c, const char *org_name, const char *email, const char *name,
				 const char *pw_hash, int64_t *org_id_r, int64_t *user_id_r);

/* Organisations, users, memberships. */
/* A further organisation (IT partners host several); KF_OK and its id. */
enum kf_err store_org_create(struct store_conn *c, const char *name, int64_t *id_r);
/* Every organisation of the instance (for administrators on the command line). */
enum kf_err store_org_list(struct store_conn *c, struct arena *a, struct org **orgs_r, size_t *n_r);
enum kf_err store_org_get(struct store_conn *c, struct arena *a, int64_t org_id, struct org *org_r);
/* The caller's organisations with the caller's role, sorted by name. */
enum kf_err store_user_orgs(struct store_conn *c, struct arena *a, int64_t user_id, struct org **orgs_r, size_t *n_r);
enum kf_err store_user_create(struct store_conn *c, const char *email, const char *name, const char *pw_hash,
			      int64_t *id_r);
/* pw_hash_r may be NULL. KF_ENOTFOUND when no such user. */
enum kf_err store_user_by_email(struct store_conn *c, struct arena *a, const char *email, struct user *u_r,
				const char **pw_hash_r);
enum kf_err store_user_by_id(struct store_conn *c, struct arena *a, int64_t id, struct user *u_r);
/* Also ends all sessions of the user. */
enum kf_err store_user_set_password(struct store_conn *c, int64_t user_id, const char *pw_hash);
/* memberships_r[i] is a readable summary "Org (role), ...". */
enum kf_err store_user_list(struct store_conn *c, struct arena *a, struct user **users_r,
			    const char ***memberships_r, size_t *n_r);
enum kf_err store_membership_set(struct store_conn *c, int64_t org_id, int64_t user_id, enum member_role role);
/* MEMBER_NONE when the user is no member. */
enum kf_err store_membership_role(struct store_conn *c, int64_t org_id, int64_t user_id, enum member_role *role_r);

/* Sessions and API tokens; only hashes of the secrets are stored. */
enum kf_err store_session_create(struct store_conn *c, const char *token_hash, int64_t user_id, const char *csrf,
				 int64_t expires_at);
/* KF_ENOTFOUND for unknown or expired sessions. */
enum kf_err store_session_lookup(struct store_conn *c, struct arena *a, const char *token_hash, struct user *u_r,
				 const char **csrf_r);
enum kf_err store_session_delete(struct store_conn *c, const char *token_hash);
enum kf_err store_session_purge(struct store_conn *c);
enum kf_err store_token_create(struct store_conn *c, int64_t user_id, const char *name, const char *token_hash);
enum kf_err store_token_lookup(struct store_conn *c, struct arena *a, const char *token_hash, struct user *u_r);

/*
 * Contacts. Writes take the acting user for the history record, which is
 * written in the same transaction. update/delete take the version the
 * caller saw: KF_ECONFLICT when it is stale (current_r then holds the
 * saved item), KF_ENOTFOUND when the item does not exist here.
 */
enum kf_err store_contact_list(struct store_conn *c, struct arena *a, int64_t org, struct contact **list_r, size_t *n_r);
enum kf_err store_contact_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct contact *out);
/* Sets ct->id, version and timestamps. */
enum kf_err store_contact_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct contact *ct);
/* ct->id names the item; on success ct gets the new version and timestamps. */
enum kf_err store_contact_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct contact *ct, struct contact *current_r);
/* KF_EINUSE while a role or an alarm step names the contact; used_by_r then lists them ("A, B, alarm chain step 2"). */
enum kf_err store_contact_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, struct contact *current_r, const char **used_by_r);

/* Roles. Create and update check that every named contact exists here (KF_EINVAL with field errors). */
enum kf_err store_role_list(struct store_conn *c, struct arena *a, int64_t org, struct role **list_r, size_t *n_r);
enum kf_err store_role_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct role *out);
/* Adds a field error for each named person who is no contact here; KF_EINVAL when any. */
enum kf_err store_role_check_people(struct store_conn *c, const struct role *r, int64_t org, struct field_errors *fe);
enum kf_err store_role_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct role *r,
			      struct field_errors *fe);
enum kf_err store_role_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			      int64_t expected_version, struct role *r, struct role *current_r, struct field_errors *fe);
/* KF_EINUSE (current_r filled) while the alarm chain names the role; used_by_r then says where. */
enum kf_err store_role_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			      int64_t expected_version, struct role *current_r, const char **used_by_r);

/*
 * Adopts starter content in one transaction: contacts and roles whose name
 * the organisation does not have yet are created (with history); the rest
 * are skipped and counted. All or nothing.
 */
enum kf_err store_team_adopt(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct contact *contacts,
			     size_t ncontacts, struct role *roles, size_t nroles, size_t *created_r, size_t *skipped_r);

/* step 1: risks */

/*
 * Risks, listed by score (highest first), then title. Create and update
 * check that the owner is a contact here (KF_EINVAL with a field error);
 * versions and history as for contacts. Deletion is soft.
 */
enum kf_err store_risk_list(struct store_conn *c, struct arena *a, int64_t org, struct risk **list_r, size_t *n_r);
enum kf_err store_risk_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct risk *out);
/*
 * Adds a field error for each reference that is not a live item here (owner,
 * own category, process_ids[i], system_ids[i]) and for likelihood/impact
 * beyond the organisation's scale; KF_EINVAL then.
 */
enum kf_err store_risk_check_owner(struct store_conn *c, const struct risk *k, int64_t org, struct field_errors *fe);
enum kf_err store_risk_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct risk *k,
			      struct field_errors *fe);
enum kf_err store_risk_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			      int64_t expected_version, struct risk *k, struct risk *current_r, struct field_errors *fe);
enum kf_err store_risk_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			      int64_t expected_version, struct risk *current_r);
/*
 * Adopts starter risks in one transaction: those whose title the
 * organisation does not have yet (case-insensitive) are created with
 * history, the rest skipped and counted. All or nothing.
 */
enum kf_err store_risk_adopt(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct risk *risks,
			     size_t n, size_t *created_r, size_t *skipped_r);
/* riskcfg: the risk settings and own categories */
/* The settings; before the first write id and version are 0 and the scale is 5×5. */
enum kf_err store_risk_settings_get(struct store_conn *c, int64_t org, struct risk_settings *out);
/*
 * Writes the settings (version 0 creates them). A new scale while risks exist
 * needs confirm (else KF_EINVAL with a field error on confirm_rescale); then
 * every risk is mapped onto the new scale in the same transaction, with one
 * history record per changed risk (*rescaled_r counts them).
 */
enum kf_err store_risk_settings_put(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				    int64_t expected_version, struct risk_settings *s, int confirm,
				    struct risk_settings *current_r, size_t *rescaled_r, struct field_errors *fe);
/* Own categories, by name; names are unique per organisation (KF_EINVAL on name). Deletion is refused
 * (KF_EINUSE, *used_by_r lists the risk titles) while risks use the category. */
enum kf_err store_risk_owncat_list(struct store_conn *c, struct arena *a, int64_t org, struct risk_owncat **list_r,
				   size_t *n_r);
enum kf_err store_risk_owncat_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id,
				  struct risk_owncat *out);
enum kf_err store_risk_owncat_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				     struct risk_owncat *k, struct field_errors *fe);
enum kf_err store_risk_owncat_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				     int64_t expected_version, struct risk_owncat *k, struct risk_owncat *current_r,
				     struct field_errors *fe);
enum kf_err store_risk_owncat_used_by(struct store_conn *c, struct arena *a, int64_t org, int64_t id,
				      const char **used_by_r);
enum kf_err store_risk_owncat_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				     int64_t expected_version, struct risk_owncat *current_r, const char **used_by_r);
/* riskcfg end */

/* step 2: alarm chain */

/* step 1: processes and systems */

/*
 * Business processes, listed by name. Create and update check that the
 * responsible person is a contact and every needed system an IT system of
 * this organisation (KF_EINVAL with field errors); versions and history as
 * for contacts. Deletion is soft.
 */
enum kf_err store_process_list(struct store_conn *c, struct arena *a, int64_t org, struct process **list_r, size_t *n_r);
enum kf_err store_process_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct process *out);
/* Adds a field error for each reference that is not of this organisation; KF_EINVAL when any. */
enum kf_err store_process_check_refs(struct store_conn *c, const struct process *p, int64_t org,
				     struct field_errors *fe);
enum kf_err store_process_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct process *p,
				 struct field_errors *fe);
enum kf_err store_process_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct process *p, struct process *current_r,
				 struct field_errors *fe);
enum kf_err store_process_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, struct process *current_r);

/*
 * IT systems, listed by name, with the computed values (required RTO/RPO,
 * SPoF, cost per day) filled over the organisation's whole graph. Create and
 * update check the contacts, that every dependency is a system here, and
 * that no dependency cycle arises (the field error names it), all inside the
 * write transaction.
 */
enum kf_err store_system_list(struct store_conn *c, struct arena *a, int64_t org, struct system **list_r, size_t *n_r);
enum kf_err store_system_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct system *out);
/* Adds a field error for each bad reference and for a cycle; KF_EINVAL when any. */
enum kf_err store_system_check_refs(struct store_conn *c, struct arena *a, const struct system *s, int64_t org,
				    struct field_errors *fe);
enum kf_err store_system_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct system *s,
				struct field_errors *fe);
enum kf_err store_system_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				int64_t expected_version, struct system *s, struct system *current_r,
				struct field_errors *fe);
/* KF_EINUSE (current_r filled) while other systems depend on it or processes need it; used_by_r then lists them. */
enum kf_err store_system_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				int64_t expected_version, struct system *current_r, const char **used_by_r);
/* Who needs system id: "process: A, B; system: C", or NULL when nobody. */
enum kf_err store_system_used_by(struct store_conn *c, struct arena *a, int64_t org, int64_t id, const char **used_by_r);

/* step 4: registers */

/*
 * The newest change of the plan: the time (Unix seconds) of the
 * organisation's newest history record, leaving out the records about the
 * plan itself (copies register, acknowledgements); 0 when there is none.
 */
enum kf_err store_plan_last_change(struct store_conn *c, int64_t org, int64_t *at_r);

/*
 * Copies of the plan, by plan date, then location. Reading fills
 * plan_changed_at (store_plan_last_change), from which the copy's stale
 * state is computed. Create and update check that the holder is a contact
 * here (KF_EINVAL with a field error); versions, history and soft deletion
 * as for contacts.
 */
enum kf_err store_plan_copy_list(struct store_conn *c, struct arena *a, int64_t org, struct plan_copy **list_r,
				 size_t *n_r);
enum kf_err store_plan_copy_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct plan_copy *out);
/* Adds a field error when the holder is no contact here; KF_EINVAL when fe has any error. */
enum kf_err store_plan_copy_check_holder(struct store_conn *c, const struct plan_copy *p, int64_t org,
					 struct field_errors *fe);
enum kf_err store_plan_copy_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   struct plan_copy *p, struct field_errors *fe);
enum kf_err store_plan_copy_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   int64_t expected_version, struct plan_copy *p, struct plan_copy *current_r,
				   struct field_errors *fe);
enum kf_err store_plan_copy_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				   int64_t expected_version, struct plan_copy *current_r);

/*
 * Staff acknowledgements, by the person's name. The person must be an
 * internal contact of this organisation with no other acknowledgement
 * (KF_EINVAL with a field error naming contact_id).
 */
enum kf_err store_ack_list(struct store_conn *c, struct arena *a, int64_t org, struct acknowledgement **list_r,
			   size_t *n_r);
enum kf_err store_ack_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct acknowledgement *out);
/* Adds a field error (named field) when the person is no staff member here or has confirmed already; KF_EINVAL then. */
enum kf_err store_ack_check_person(struct store_conn *c, const struct acknowledgement *k, int64_t org,
				   const char *field, struct field_errors *fe);
enum kf_err store_ack_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			     struct acknowledgement *k, struct field_errors *fe);
enum kf_err store_ack_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			     int64_t expected_version, struct acknowledgement *k, struct acknowledgement *current_r,
			     struct field_errors *fe);
enum kf_err store_ack_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			     int64_t expected_version, struct acknowledgement *current_r);
/*
 * Records several confirmations in one transaction: people who confirmed
 * already are skipped and counted; anyone who is no staff member here
 * refuses the whole batch (KF_EINVAL, field error "contact").
 */
enum kf_err store_ack_bulk(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			   struct acknowledgement *acks, size_t n, size_t *created_r, size_t *skipped_r,
			   struct field_errors *fe);

/* Communication templates, by audience (staff first), then title; versions, history and soft deletion as for contacts. */
enum kf_err store_comm_template_list(struct store_conn *c, struct arena *a, int64_t org, struct comm_template **list_r,
				     size_t *n_r);
enum kf_err store_comm_template_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id,
				    struct comm_template *out);
enum kf_err store_comm_template_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				       struct comm_template *t);
enum kf_err store_comm_template_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				       int64_t expected_version, struct comm_template *t,
				       struct comm_template *current_r);
enum kf_err store_comm_template_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				       int64_t expected_version, struct comm_template *current_r);
/* Adopts starter templates in one transaction; titles the organisation has (case-insensitive) are skipped. */
enum kf_err store_comm_template_adopt(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				      struct comm_template *items, size_t n, size_t *created_r, size_t *skipped_r);
/*
 * The placeholder values from the plan: the organisation's name, the
 * primary person of the role named "Notfallleitung" (with the first phone
 * number, mobile preferred), the alarm plan's meeting place, and today
 * (YYYY-MM-DD) in German writing. Missing values stay NULL.
 */
enum kf_err store_comm_values(struct store_conn *c, struct arena *a, int64_t org, const char *today,
			      struct comm_values *v);

/* step 5: exercises */

/* step 3: backups */
/*
 * Backups by title, with their covered systems (deleted ones left out),
 * copies and the computed facts (restore tests, strictest required RTO/RPO
 * of the covered systems, today). Create and update check that every system
 * and the responsible person belong to this organisation (KF_EINVAL with
 * field errors). Deleting a backup hides its restore tests with it.
 */
enum kf_err store_backup_list(struct store_conn *c, struct arena *a, int64_t org, struct backup **list_r, size_t *n_r);
enum kf_err store_backup_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct backup *out);
enum kf_err store_backup_check_refs(struct store_conn *c, const struct backup *b, int64_t org, struct field_errors *fe);
enum kf_err store_backup_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct backup *b,
				struct field_errors *fe);
enum kf_err store_backup_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				int64_t expected_version, struct backup *b, struct backup *current_r,
				struct field_errors *fe);
enum kf_err store_backup_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				int64_t expected_version, struct backup *current_r);
/* Restore tests of one backup, newest first; KF_ENOTFOUND for an unknown backup. */
enum kf_err store_restore_test_list(struct store_conn *c, struct arena *a, int64_t org, int64_t backup_id,
				    struct restore_test **list_r, size_t *n_r);
enum kf_err store_restore_test_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id,
				   struct restore_test *out);
enum kf_err store_restore_test_check_refs(struct store_conn *c, const struct restore_test *t, int64_t org,
					  struct field_errors *fe);
/* Creates under t->backup_id (KF_ENOTFOUND when that backup is not one of org's). */
enum kf_err store_restore_test_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				      struct restore_test *t, struct field_errors *fe);
enum kf_err store_restore_test_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				      int64_t expected_version, struct restore_test *t, struct restore_test *current_r,
				      struct field_errors *fe);
enum kf_err store_restore_test_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				      int64_t expected_version, struct restore_test *current_r);

/* step 3: runbooks, recovery order, workarounds */
#include "../core/recovery_order.h"
#include "../core/runbook.h"
#include "../core/workaround.h"

/*
 * Runbooks, one per IT system, listed by the system's name; runbooks of
 * deleted systems are not found. Create and update check that the system
 * and the role belong to the organisation and that the system has no other
 * runbook (KF_EINVAL naming system_id).
 */
enum kf_err store_runbook_list(struct store_conn *c, struct arena *a, int64_t org, struct runbook **list_r, size_t *n_r);
enum kf_err store_runbook_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct runbook *out);
/* The field errors of references (KF_EINVAL when any); a store failure otherwise. */
enum kf_err store_runbook_check_refs(struct store_conn *c, const struct runbook *rb, int64_t org, struct field_errors *fe);
enum kf_err store_runbook_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct runbook *rb,
				 struct field_errors *fe);
enum kf_err store_runbook_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct runbook *rb, struct runbook *current_r,
				 struct field_errors *fe);
enum kf_err store_runbook_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, struct runbook *current_r);
/* The overrides of the recovery order (version 0 before the first write); overrides of deleted systems are left out. */
enum kf_err store_recovery_overrides_get(struct store_conn *c, struct arena *a, int64_t org, struct recovery_overrides *out);
/* Field errors for systems not of this organisation and places beyond the number of systems; KF_EINVAL when any. */
enum kf_err store_recovery_overrides_check(struct store_conn *c, struct arena *a, struct recovery_overrides *o, int64_t org,
					   int form, struct field_errors *fe);
/* Replaces the whole list; KF_ECONFLICT (current_r filled) on a stale version ("0" for the first write). */
enum kf_err store_recovery_overrides_put(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
					 int64_t expected_version, struct recovery_overrides *o,
					 struct recovery_overrides *current_r, struct field_errors *fe);
/*
 * The recovery order of the organisation's systems with its overrides
 * applied (see recovery_order); overrides_r (may be NULL) gets the stored
 * overrides it was computed from. Allocates in a.
 */
enum kf_err store_recovery_order(struct store_conn *c, struct arena *a, int64_t org, struct recovery_result *out,
				 struct recovery_overrides **overrides_r);
/*
 * Workarounds, listed by process name, then title; those of deleted processes
 * are not found. Create and update check the process and the contact.
 */
enum kf_err store_workaround_list(struct store_conn *c, struct arena *a, int64_t org, struct workaround **list_r,
				  size_t *n_r);
enum kf_err store_workaround_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct workaround *out);
enum kf_err store_workaround_check_refs(struct store_conn *c, const struct workaround *w, int64_t org,
					struct field_errors *fe);
enum kf_err store_workaround_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				    struct workaround *w, struct field_errors *fe);
enum kf_err store_workaround_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				    int64_t expected_version, struct workaround *w, struct workaround *current_r,
				    struct field_errors *fe);
enum kf_err store_workaround_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				    int64_t expected_version, struct workaround *current_r);

/* plan check */
struct plan_data;
/*
 * Everything the Plan-Check reads (core/plan_check.h), loaded once with the
 * store's list functions: risks, processes, systems with their roll-up,
 * contacts, roles, alarm chain and plan, copies, acknowledgements, templates,
 * exercises with their open findings, the review; today is set to the
 * current date. Allocates in a.
 */
enum kf_err store_plan_load(struct store_conn *c, struct arena *a, int64_t org, struct plan_data *d);

/*
 * Exercises: planned ones first (soonest first), then done and cancelled
 * ones (newest first); open_findings counts the findings not done yet.
 * Create and update check that the scenario is a risk and every person a
 * contact of this organisation (KF_EINVAL with field errors). Delete answers
 * KF_EINUSE while findings are open (*used_by_r then says how many); done
 * findings stay with the soft-deleted exercise.
 */
enum kf_err store_exercise_list(struct store_conn *c, struct arena *a, int64_t org, struct exercise **list_r,
				size_t *n_r);
enum kf_err store_exercise_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct exercise *out);
/* Adds a field error for the scenario and each person not of this organisation; KF_EINVAL when any. */
enum kf_err store_exercise_check_refs(struct store_conn *c, const struct exercise *e, int64_t org,
				      struct field_errors *fe);
enum kf_err store_exercise_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct exercise *e,
				  struct field_errors *fe);
enum kf_err store_exercise_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				  int64_t expected_version, struct exercise *e, struct exercise *current_r,
				  struct field_errors *fe);
enum kf_err store_exercise_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				  int64_t expected_version, struct exercise *current_r, const char **used_by_r);
/*
 * Findings of one exercise: open ones first, by severity. KF_ENOTFOUND when
 * the exercise is not one of this organisation. Create takes f->exercise_id
 * (KF_ENOTFOUND when there is no such exercise) and checks the responsible
 * person (KF_EINVAL); the exercise of a finding never changes.
 */
enum kf_err store_finding_list(struct store_conn *c, struct arena *a, int64_t org, int64_t exercise_id,
			       struct finding **list_r, size_t *n_r);
enum kf_err store_finding_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct finding *out);
enum kf_err store_finding_check_refs(struct store_conn *c, const struct finding *f, int64_t org,
				     struct field_errors *fe);
enum kf_err store_finding_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct finding *f,
				 struct field_errors *fe);
enum kf_err store_finding_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct finding *f, struct finding *current_r,
				 struct field_errors *fe);
enum kf_err store_finding_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, struct finding *current_r);
/* The plan review settings; before the first write version 0, no review yet, interval 12 (KF_OK). */
enum kf_err store_review_get(struct store_conn *c, struct arena *a, int64_t org, struct plan_review *out);
/* Adds a field error when the reviewer is no contact here; KF_EINVAL then. */
enum kf_err store_review_check_refs(struct store_conn *c, const struct plan_review *p, int64_t org,
				    struct field_errors *fe);
/* Creates (expected_version 0) or replaces them; KF_ECONFLICT fills current_r, KF_EINVAL fe (reviewer). */
enum kf_err store_review_put(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			     int64_t expected_version, struct plan_review *p, struct plan_review *current_r,
			     struct field_errors *fe);

/*
 * Alarm steps, ordered by position 1..n. Create puts the step at its
 * position (0 = at the end); update moves it when the position changes;
 * delete closes the gap. The other steps are renumbered in the same
 * transaction (each moved step gets a new version and a history record).
 * Named roles and contacts must be of this organisation and a step without
 * caller must be the first (KF_EINVAL with field errors).
 */
enum kf_err store_alarm_step_list(struct store_conn *c, struct arena *a, int64_t org, struct alarm_step **list_r,
				  size_t *n_r);
enum kf_err store_alarm_step_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct alarm_step *out);
/* Adds a field error for each named role or contact that is not of this organisation; KF_EINVAL when any. */
enum kf_err store_alarm_step_check_refs(struct store_conn *c, const struct alarm_step *s, int64_t org,
					struct field_errors *fe);
enum kf_err store_alarm_step_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   struct alarm_step *s, struct field_errors *fe);
enum kf_err store_alarm_step_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				   int64_t expected_version, struct alarm_step *s, struct alarm_step *current_r,
				   struct field_errors *fe);
enum kf_err store_alarm_step_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				   int64_t expected_version, struct alarm_step *current_r);
/* The plan settings; before the first write version 0 and empty fields (KF_OK). */
enum kf_err store_alarm_plan_get(struct store_conn *c, struct arena *a, int64_t org, struct alarm_plan *out);
/* Adds a field error for each named role that is not of this organisation; KF_EINVAL when any. */
enum kf_err store_alarm_plan_check_roles(struct store_conn *c, const struct alarm_plan *p, int64_t org,
					 struct field_errors *fe);
/* Creates (expected_version 0) or replaces the settings; KF_ECONFLICT fills current_r, KF_EINVAL fe. */
enum kf_err store_alarm_plan_put(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 int64_t expected_version, struct alarm_plan *p, struct alarm_plan *current_r,
				 struct field_errors *fe);
/* Where the alarm chain names role id ("alarm chain step 2, ..."), or NULL when nowhere. */
enum kf_err store_role_used_by(struct store_conn *c, struct arena *a, int64_t org, int64_t id, const char **used_by_r);

/* review marks */
/* The open "needs review" marks of the organisation, newest first (marks of unknown chapters are left out). */
enum kf_err store_review_marks_list(struct store_conn *c, struct arena *a, int64_t org, struct review_mark **list_r,
				    size_t *n_r);
/* "Chapter reviewed": clears the chapter's open marks (*n_r: how many) and records who did it when in history. */
enum kf_err store_review_marks_clear(struct store_conn *c, int64_t org, int64_t actor, enum chapter ch, int64_t *n_r);

/* notifications */
#include "../core/mail.h"
#include "../core/notify.h"

/*
 * The mail outbox and notifications. store_outbox_enqueue and store_notify
 * begin NO transaction of their own: call them inside the transaction of the
 * change they report (in a store_*.c write between tx_begin and tx_commit),
 * so the change, its notification and its email commit or roll back together.
 * Without a transaction each statement commits on its own.
 *
 * store_outbox_enqueue queues one plain-text UTF-8 email; link is a path below
 * the base URL ("/o/1/exercises", "" = none) that the sender appends to the
 * text as a full address. KF_EINVAL when the recipient is no valid address.
 */
enum kf_err store_outbox_enqueue(struct store_conn *c, int64_t org, const char *recipient, const char *subject,
				 const char *body, const char *link);
/*
 * Tells user (a member of org) something: writes the in-app notification and,
 * when the user's preference for kind allows it and the account is enabled,
 * queues the email (German text: subject and body from text). text is an
 * English message id marked with N_() holding at most one "%s", which param
 * fills (user data, e.g. an item's name; may be NULL); link as above.
 *   store_notify(c, org, assignee, NOTIFY_ASSIGNMENT, N_("You were assigned the task \"%s\"."), t->title,
 *                "/o/1/tasks/7");
 */
enum kf_err store_notify(struct store_conn *c, int64_t org, int64_t user, enum notify_kind kind, const char *text,
			 const char *param, const char *link);
/*
 * A reminder for the organisation's admins and Notfallleiter, given once per
 * key (e.g. "review-due:2025-03-01"): in one transaction the key is claimed and
 * each of them is notified. *notified_r is 0 when the key was claimed before.
 */
enum kf_err store_remind(struct store_conn *c, int64_t org, const char *key, enum notify_kind kind, const char *text,
			 const char *param, const char *link, int *notified_r);
/* The user's notifications (org 0 = of all the user's organisations), unread first, newest first; at most limit. */
enum kf_err store_notification_list(struct store_conn *c, struct arena *a, int64_t user, int64_t org, int unread_only,
				    int limit, struct notification **list_r, size_t *n_r);
enum kf_err store_notification_unread_count(struct store_conn *c, int64_t user, int64_t org, int64_t *n_r);
/* Marks one of the user's notifications read; KF_ENOTFOUND when it is not the user's. Reading twice is fine. */
enum kf_err store_notification_read(struct store_conn *c, int64_t user, int64_t id);
/* Marks all the user's unread notifications (of org, 0 = all) read; *n_r says how many. */
enum kf_err store_notification_read_all(struct store_conn *c, int64_t user, int64_t org, int64_t *n_r);
enum kf_err store_notify_prefs_get(struct store_conn *c, int64_t user, struct notify_prefs *p);
enum kf_err store_notify_prefs_put(struct store_conn *c, int64_t user, const struct notify_prefs *p);
/* For the sender: mails due at now (not sent, not given up), oldest first, at most limit. */
enum kf_err store_outbox_due(struct store_conn *c, struct arena *a, int64_t now, int limit, struct outbox_mail **list_r,
			     size_t *n_r);
enum kf_err store_outbox_sent(struct store_conn *c, int64_t id, int64_t now);
/* Records a failed attempt: retry at retry_at, or give the mail up when retry_at is 0. */
enum kf_err store_outbox_failed(struct store_conn *c, int64_t id, int64_t retry_at, const char *error, int64_t now);
/* How many mails of org wait, were sent and were given up. */
enum kf_err store_outbox_counts(struct store_conn *c, int64_t org, int64_t *waiting_r, int64_t *sent_r,
				int64_t *failed_r);
/* members: invitations and members */

/*
 * Members of an organisation (a member's id is the user's id, its version the
 * membership's). Role changes and removals take the version the admin saw
 * (KF_ECONFLICT fills current_r) and refuse with KF_EPERM when the
 * organisation would be left without an admin. Both write history
 * ("member") in the same transaction; a removal deletes the membership, so
 * the member's sessions lose access at once.
 */
enum kf_err store_member_list(struct store_conn *c, struct arena *a, int64_t org, struct member **list_r, size_t *n_r);
enum kf_err store_member_get(struct store_conn *c, struct arena *a, int64_t org, int64_t user_id, struct member *out);
enum kf_err store_member_set_role(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t user_id,
				  int64_t expected_version, enum member_role role, struct member *m_r,
				  struct member *current_r);
enum kf_err store_member_remove(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t user_id,
				int64_t expected_version, struct member *current_r);

/*
 * Invitations, newest first; only the hash of the link's token is stored.
 * create: KF_EEXIST when the address is a member already; earlier pending
 * invitations for the same address are revoked (with history). revoke:
 * KF_ECONFLICT when stale, KF_EINVAL when no longer pending (used or revoked).
 * A mail (NULL = none) goes to the invitee's outbox in the same transaction.
 */
enum kf_err store_invitation_list(struct store_conn *c, struct arena *a, int64_t org, struct invitation **list_r,
				  size_t *n_r);
enum kf_err store_invitation_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct invitation *out);
enum kf_err store_invitation_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				    struct invitation *inv, const char *token_hash, int days, const struct outbox_mail *mail);
enum kf_err store_invitation_revoke(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				    int64_t expected_version, struct invitation *current_r);
/* Any invitation by its token's hash (also used, revoked or expired ones), with org_id and org_name. */
enum kf_err store_invitation_by_token(struct store_conn *c, struct arena *a, const char *token_hash,
				      struct invitation *out);
/*
 * Uses a pending invitation in one transaction: creates the account when
 * user_id is 0 (KF_EEXIST when the address got one meanwhile), marks the
 * invitation used (KF_ECONFLICT when it was used, revoked or expired
 * meanwhile) and adds the membership with the invited role; *already_r is 1
 * when the user was a member already (the role then stays).
 */
enum kf_err store_invitation_accept(struct store_conn *c, struct arena *a, const struct invitation *inv,
				    int64_t user_id, const char *name, const char *pw_hash, int64_t *user_id_r,
				    int *already_r);

/* tasks */
/*
 * Tasks, open ones first, then by due date; f (NULL = all) picks which.
 * Create and update check in the write transaction that the assignee is a
 * member and the linked item a live item of this organisation (KF_EINVAL
 * with field errors); versions, history and soft deletion as for contacts.
 * A new assignee (other than the acting user) is notified (NOTIFY_ASSIGNMENT)
 * in the same transaction, so a refused write notifies nobody.
 */
enum kf_err store_task_list(struct store_conn *c, struct arena *a, int64_t org, const struct task_filter *f,
			    struct task **list_r, size_t *n_r);
enum kf_err store_task_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct task *out);
enum kf_err store_task_check_refs(struct store_conn *c, const struct task *t, int64_t org, struct field_errors *fe);
enum kf_err store_task_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, struct task *t,
			      struct field_errors *fe);
enum kf_err store_task_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
			      int64_t expected_version, struct task *t, struct task *current_r, struct field_errors *fe);
enum kf_err store_task_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			      int64_t expected_version, struct task *current_r);
/* Like store_remind, but tells user (the task's assignee) alone; user 0 tells the admins and Notfallleiter. */
enum kf_err store_task_remind(struct store_conn *c, int64_t org, const char *key, int64_t user, const char *text,
			      const char *param, const char *link, int *notified_r);
/* tasks end */

/* Number of history records of one item (for tests and the history view). */
enum kf_err store_history_count(struct store_conn *c, int64_t org, const char *entity, int64_t id, int64_t *n_r);

/* comments: comments, history view, restoring deleted items */
#include "../core/comment.h"

/*
 * Comments on one item. create checks that the live item (entity, entity_id)
 * exists in org (KF_ENOTFOUND), stores the comment with its history record
 * ("comment") and notifies each member the text mentions (@name, see
 * core/mention.h; not the author) with NOTIFY_MENTION, all in one
 * transaction. update and delete take the version the user saw (KF_ECONFLICT
 * fills current_r); only the author may change a comment, the author or an
 * admin (is_admin) delete it, else KF_EPERM. c->id/version/times are set.
 */
enum kf_err store_comment_list(struct store_conn *c, struct arena *a, int64_t org, const char *entity,
			       int64_t entity_id, struct comment **list_r, size_t *n_r);
enum kf_err store_comment_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct comment *out);
enum kf_err store_comment_create(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				 struct comment *cm);
enum kf_err store_comment_update(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
				 int64_t expected_version, const char *body, struct comment *out,
				 struct comment *current_r);
enum kf_err store_comment_delete(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int is_admin,
				 int64_t id, int64_t expected_version, struct comment *current_r);
/* KF_OK when the live item exists in org, else KF_ENOTFOUND. */
enum kf_err store_item_exists(struct store_conn *c, int64_t org, const char *entity, int64_t entity_id);
/* The name of a live item of any kind that takes comments, in a (KF_ENOTFOUND when there is none here). */
enum kf_err store_item_name(struct store_conn *c, struct arena *a, int64_t org, const char *entity, int64_t entity_id,
			    const char **name_r);

/* One history record of an item; before/after are the JSON snapshots ("" when none). */
struct history_entry {
	int64_t id;
	const char *action; /* create, update, delete, restore */
	int64_t user_id;
	const char *user_name;
	int64_t at;
	const char *before_json;
	const char *after_json;
};
/* The item's history, newest first, at most limit records (also of deleted items). */
enum kf_err store_history_list(struct store_conn *c, struct arena *a, int64_t org, const char *entity,
			       int64_t entity_id, int limit, struct history_entry **list_r, size_t *n_r);

/* A deleted item that an admin can restore. */
struct deleted_item {
	const char *entity;
	int64_t id;
	const char *name;
	int64_t deleted_at;
	const char *deleted_by; /* name or email, "" when unknown */
};
/* 1 when items of entity can be restored. */
int store_restorable(const char *entity);
/* The org's deleted items that can be restored, newest first (at most 500). */
enum kf_err store_deleted_list(struct store_conn *c, struct arena *a, int64_t org, struct deleted_item **list_r,
			       size_t *n_r);
/*
 * Restores a deleted item in one transaction: clears deleted_at, bumps the
 * version and writes a "restore" history record. KF_ENOTFOUND when there is
 * no such deleted item (or entity cannot be restored), KF_EEXIST when
 * restoring would break a rule (name taken meanwhile, what it belongs to is
 * deleted); nothing changes then.
 */
enum kf_err store_restore(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *entity,
			  int64_t id);
/* comments end */
/* sse: live updates. A committed change, as the store reports it to its listener and replays it. */
struct store_change {
	int64_t hid; /* the history record's id: the event id */
	int64_t org, entity_id, version, at;
	const char *entity, *action, *by;
};
typedef void (*store_listener_fn)(void *ctx, const struct store_change *ch);
/* fn is called after each commit, once per history record of the transaction (none on rollback); NULL: none. */
void store_set_listener(struct store *s, store_listener_fn fn, void *ctx);
/* The changes of org after history id after, oldest first, at most max. */
enum kf_err store_changes_since(struct store_conn *c, struct arena *a, int64_t org, int64_t after, size_t max,
				struct store_change **chs_r, size_t *n_r);

/* drill: reachability drills (see core/drill.h) */
#include "../core/drill.h"

/* One recipient of a drill to start: the token hash (NULL when no email), its mail and webhook call (NULL = none). */
struct drill_start_recipient {
	int64_t contact_id;
	const char *name;
	const char *email; /* "" = none */
	const char *token_hash;
	const struct outbox_mail *mail;
	const char *webhook_url; /* NULL = no webhook call; else the call carries the fields below (store_drill_start) */
	const char *org_name;
	const char *phone;
	const char *text;
	const char *confirm_url;
};
/* Who a drill link belongs to (store_drill_by_token). */
struct drill_token_info {
	int64_t recipient_id;
	int64_t org_id;
	int64_t drill_id;
	const char *name;
	const char *org_name;
	int64_t confirmed_at; /* 0 = not yet */
	int64_t closed_at;    /* of the drill, 0 = open */
};
/* A webhook call waiting in the queue. */
struct webhook_call {
	int64_t id;
	const char *url;
	const char *payload;
	int attempts;
};
/* Newest first, without recipients. */
enum kf_err store_drill_list(struct store_conn *c, struct arena *a, int64_t org, struct drill **list_r, size_t *n_r);
/* One drill with its recipients. */
enum kf_err store_drill_get(struct store_conn *c, struct arena *a, int64_t org, int64_t id, struct drill *out);
/*
 * Starts a drill in one transaction: the drill, each recipient, its mail
 * (store_outbox_enqueue) and its webhook call; history. out gets the drill.
 */
enum kf_err store_drill_start(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, const char *note,
			      const struct drill_start_recipient *rs, size_t n, struct drill *out);
/* Closes an open drill; KF_ECONFLICT when stale, KF_EINVAL when closed already. current_r gets the drill as it is. */
enum kf_err store_drill_close(struct store_conn *c, struct arena *a, int64_t org, int64_t actor, int64_t id,
			      int64_t expected_version, struct drill *current_r);
/* The newest drill that is over at now (store_plan_load); *found_r 0 when none; *count_r how many drills ever. */
enum kf_err store_drill_last_over(struct store_conn *c, struct arena *a, int64_t org, int64_t now, struct drill *out,
				  int *found_r, int64_t *count_r);
/* The recipient of a token hash (any organisation: the token names it). */
enum kf_err store_drill_by_token(struct store_conn *c, struct arena *a, const char *token_hash,
				 struct drill_token_info *out);
/* Confirms once at now: KF_ECONFLICT when confirmed already or the drill was closed meanwhile. */
enum kf_err store_drill_confirm(struct store_conn *c, const struct drill_token_info *t, int64_t now);
enum kf_err store_drill_settings_get(struct store_conn *c, struct arena *a, int64_t org, struct drill_settings *out);
/* Writes the settings when expected_version matches (0 = not written yet); KF_ECONFLICT otherwise, current_r filled. */
enum kf_err store_drill_settings_put(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				     int64_t expected_version, struct drill_settings *s, struct drill_settings *current_r);
enum kf_err store_webhook_due(struct store_conn *c, struct arena *a, int64_t now, int limit, struct webhook_call **list_r,
			      size_t *n_r);
enum kf_err store_webhook_sent(struct store_conn *c, int64_t id, int64_t now);
/* retry_at 0 = given up */
enum kf_err store_webhook_failed(struct store_conn *c, int64_t id, int64_t retry_at, const char *error, int64_t now);
/* drill end */

/* approval: plan versions */
#include "../core/plan_snapshot.h"

/*
 * Plan versions (four-eyes). A version is identified by its number (1, 2, ...
 * per organisation) and holds a frozen snapshot of the whole plan
 * (plan_snapshot_json over store_plan_load, as JSON text).
 *
 * submit: in one transaction checks that no version waits (KF_EEXIST), takes
 * the snapshot, stores it as "submitted", writes history ("plan_version") and
 * notifies every approver but the submitter (NOTIFY_APPROVAL). Who may submit
 * is the route's business (Notfallleiter and admins).
 *
 * decide: approves (approve 1) or returns it; the actor must be an approver
 * (admins, and members with may_approve) and not the submitter, else KF_EPERM
 * (*own_r 1 when it was the submitter's own version); KF_ECONFLICT with
 * current_r when stale; KF_EINVAL when the version is no longer waiting.
 * Notifies the submitter in the same transaction. comment is checked by the
 * caller (plan_version_note_input; required when returning).
 *
 * get: number > 0 gives that version; number 0 gives the newest APPROVED
 * version (KF_ENOTFOUND when none) -- this is what the handbook and card
 * exports print: its snapshot is the approved plan as JSON text. Both fill
 * snapshot; the list does not (snapshot NULL), newest first.
 */
enum kf_err store_plan_version_list(struct store_conn *c, struct arena *a, int64_t org, struct plan_version **list_r,
				    size_t *n_r);
enum kf_err store_plan_version_get(struct store_conn *c, struct arena *a, int64_t org, int64_t number,
				   struct plan_version *out);
/* The newest approved version without its snapshot (snapshot NULL); KF_ENOTFOUND when none is approved. */
enum kf_err store_plan_version_approved_head(struct store_conn *c, struct arena *a, int64_t org, struct plan_version *out);
enum kf_err store_plan_version_submit(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				      const char *note, struct plan_version *out);
enum kf_err store_plan_version_decide(struct store_conn *c, struct arena *a, int64_t org, int64_t actor,
				      int64_t number, int64_t expected_version, int approve, const char *comment,
				      struct plan_version *out, struct plan_version *current_r, int *own_r);
/* exports: the restore tests of every backup in d (d->backups), each backup's newest first, in a. */
enum kf_err store_restore_test_list_all(struct store_conn *c, struct arena *a, int64_t org, const struct plan_data *d,
					struct restore_test **list_r, size_t *n_r);
/*
 * Changed since a version: the plan's newest history record (leaving out
 * copies register, acknowledgements, members, invitations, versions, comments, tasks, chapter review marks, drills) is
 * newer than the one the version was taken at.
 */
enum kf_err store_plan_history_id(struct store_conn *c, int64_t org, int64_t *id_r);
enum kf_err store_plan_changed_since(struct store_conn *c, int64_t org, const struct plan_version *v, int *changed_r);
/* Whether user may approve (admin or marked); *flag_r (may be NULL) the mark itself. KF_ENOTFOUND for no member. */
enum kf_err store_plan_approver(struct store_conn *c, int64_t org, int64_t user, int *may_r, int *flag_r);
/* An admin marks a member as approver or not (history "member"). KF_ENOTFOUND for no member. */
enum kf_err store_plan_approver_set(struct store_conn *c, int64_t org, int64_t actor, int64_t user, int may_approve);
/* approval end */

/* calendar: each member's secret link to the iCalendar feed, one per organisation */
struct calendar_link {
	int64_t id;
	int64_t created_at;
	int64_t last_used_at; /* 0 = never fetched */
};
/* Who a calendar token belongs to (store_calendar_link_by_token). */
struct calendar_owner {
	int64_t link_id;
	int64_t org_id;
	int64_t user_id;
	const char *org_name;
};
/* The member's working link in org: KF_ENOTFOUND when there is none. */
enum kf_err store_calendar_link_get(struct store_conn *c, int64_t org, int64_t user, struct calendar_link *out);
/* Makes token_hash the member's link in org; an earlier link stops working (same transaction). out gets the new one. */
enum kf_err store_calendar_link_create(struct store_conn *c, int64_t org, int64_t user, const char *token_hash,
				       struct calendar_link *out);
/* Revokes the member's link in org; KF_ENOTFOUND when there was none. */
enum kf_err store_calendar_link_delete(struct store_conn *c, int64_t org, int64_t user);
/*
 * The owner of a working link by its token's hash (any organisation: the token names it); KF_ENOTFOUND
 * for unknown and revoked links, disabled accounts and members who left the organisation since. Records
 * the fetch (last used) on success.
 */
enum kf_err store_calendar_link_by_token(struct store_conn *c, struct arena *a, const char *token_hash,
					 struct calendar_owner *out);
/* calendar end */

#endif
