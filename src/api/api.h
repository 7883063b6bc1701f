/* api.h: the JSON API handlers and their shared answers (errors, bodies, versions). */
#ifndef KF_API_H
#define KF_API_H

#include <stdint.h>
#include <jansson.h>

#include "../core/fielderr.h"

struct req;

/* Shared answers. */
void api_error(struct req *r, int status, const char *code, const char *msgid);
/* 422 with every field error named. */
void api_error_fields(struct req *r, const struct field_errors *fe);
/* Sends obj (steals the reference) with status. */
void api_json(struct req *r, int status, json_t *obj);
/* The request body as a JSON object, or NULL after answering 400. Caller owns it. */
json_t *api_body_object(struct req *r);
/* The version of If-Match, or -1 after answering 428/400. */
int64_t api_if_match(struct req *r);
/* Adds ETag: "<version>". */
void api_etag(struct req *r, int64_t version);
/* 412 with the current item (steals it). */
void api_conflict(struct req *r, json_t *current);
/* Maps a store error to its answer (404, 500, ...). */
void api_store_error(struct req *r, int err);

/* Handlers (see src/http/routes.def). */
void api_healthz(struct req *r);
void api_session_create(struct req *r);
void api_session_get(struct req *r);
void api_session_delete(struct req *r);
void api_orgs_list(struct req *r);
void api_contact_list(struct req *r);
void api_contact_create(struct req *r);
void api_contact_get(struct req *r);
void api_contact_put(struct req *r);
void api_contact_patch(struct req *r);
void api_contact_delete(struct req *r);
void api_role_list(struct req *r);
void api_role_create(struct req *r);
void api_role_get(struct req *r);
void api_role_put(struct req *r);
void api_role_patch(struct req *r);
void api_role_delete(struct req *r);
void api_templates_team(struct req *r);

/* step 1: risks */
void api_risk_list(struct req *r);
void api_risk_create(struct req *r);
void api_risk_get(struct req *r);
void api_risk_put(struct req *r);
void api_risk_patch(struct req *r);
void api_risk_delete(struct req *r);
void api_templates_risks(struct req *r);
void api_risk_adopt(struct req *r);
/* riskcfg */
void api_risk_settings_get(struct req *r);
void api_risk_settings_put(struct req *r);
void api_risk_category_list(struct req *r);
void api_risk_category_create(struct req *r);
void api_risk_category_get(struct req *r);
void api_risk_category_put(struct req *r);
void api_risk_category_patch(struct req *r);
void api_risk_category_delete(struct req *r);
/* riskcfg end */

/* step 2: alarm chain */

/* step 1: processes and systems */
void api_process_list(struct req *r);
void api_process_create(struct req *r);
void api_process_get(struct req *r);
void api_process_put(struct req *r);
void api_process_patch(struct req *r);
void api_process_delete(struct req *r);
void api_system_list(struct req *r);
void api_system_create(struct req *r);
void api_system_get(struct req *r);
void api_system_put(struct req *r);
void api_system_patch(struct req *r);
void api_system_delete(struct req *r);
void api_system_graph(struct req *r);

/* exports */
void api_export_list(struct req *r);
void api_export_get(struct req *r);
void api_export_sealed(struct req *r); /* wire: POST /exports/{kind}: the sealed offline copy */
void api_import(struct req *r); /* exports: a JSON export into an empty organisation */
/* step 4: registers */
void api_plan_copy_list(struct req *r);
void api_plan_copy_create(struct req *r);
void api_plan_copy_get(struct req *r);
void api_plan_copy_put(struct req *r);
void api_plan_copy_patch(struct req *r);
void api_plan_copy_delete(struct req *r);
void api_ack_list(struct req *r);
void api_ack_create(struct req *r);
void api_ack_get(struct req *r);
void api_ack_put(struct req *r);
void api_ack_patch(struct req *r);
void api_ack_delete(struct req *r);
void api_comm_template_list(struct req *r);
void api_comm_template_create(struct req *r);
void api_comm_template_adopt(struct req *r);
void api_comm_template_get(struct req *r);
void api_comm_template_put(struct req *r);
void api_comm_template_patch(struct req *r);
void api_comm_template_delete(struct req *r);
void api_comm_template_filled(struct req *r);
void api_templates_comm(struct req *r);

/* step 5: exercises */

/* review marks */
void api_review_marks_list(struct req *r);
void api_review_marks_clear(struct req *r);

/* step 3: backups */
void api_backup_list(struct req *r);
void api_backup_create(struct req *r);
void api_backup_get(struct req *r);
void api_backup_put(struct req *r);
void api_backup_patch(struct req *r);
void api_backup_delete(struct req *r);
void api_restore_test_list(struct req *r);
void api_restore_test_create(struct req *r);
void api_restore_test_get(struct req *r);
void api_restore_test_put(struct req *r);
void api_restore_test_patch(struct req *r);
void api_restore_test_delete(struct req *r);

/* step 3: runbooks, recovery order, workarounds */
void api_runbook_list(struct req *r);
void api_runbook_create(struct req *r);
void api_runbook_get(struct req *r);
void api_runbook_put(struct req *r);
void api_runbook_patch(struct req *r);
void api_runbook_delete(struct req *r);
void api_workaround_list(struct req *r);
void api_workaround_create(struct req *r);
void api_workaround_get(struct req *r);
void api_workaround_put(struct req *r);
void api_workaround_patch(struct req *r);
void api_workaround_delete(struct req *r);
void api_recovery_order(struct req *r);
void api_recovery_overrides_get(struct req *r);
void api_recovery_overrides_put(struct req *r);

/* plan check */
void api_check(struct req *r);

void api_exercise_list(struct req *r);
void api_exercise_create(struct req *r);
void api_exercise_get(struct req *r);
void api_exercise_put(struct req *r);
void api_exercise_patch(struct req *r);
void api_exercise_delete(struct req *r);
void api_finding_list(struct req *r);
void api_finding_create(struct req *r);
void api_finding_get(struct req *r);
void api_finding_put(struct req *r);
void api_finding_patch(struct req *r);
void api_finding_delete(struct req *r);
void api_review_get(struct req *r);
void api_review_put(struct req *r);

void api_alarm_step_list(struct req *r);
void api_alarm_step_create(struct req *r);
void api_alarm_step_get(struct req *r);
void api_alarm_step_put(struct req *r);
void api_alarm_step_patch(struct req *r);
void api_alarm_step_delete(struct req *r);
void api_alarm_plan_get(struct req *r);
void api_alarm_plan_put(struct req *r);

void api_team_adopt(struct req *r);

/* notifications */
void api_notification_list(struct req *r);
void api_notification_read(struct req *r);
void api_notification_read_all(struct req *r);
void api_notify_prefs_get(struct req *r);
void api_notify_prefs_put(struct req *r);
/* members: invitations and members */
void api_member_list(struct req *r);
void api_member_get(struct req *r);
void api_member_patch(struct req *r);
void api_member_delete(struct req *r);
void api_invitation_list(struct req *r);
void api_invitation_create(struct req *r);
void api_invitation_get(struct req *r);
void api_invitation_revoke(struct req *r);
void api_invitation_accept(struct req *r);
/* sse: live updates and presence */
void api_events(struct req *r);

/* comments: comments, history, restoring deleted items */
void api_comment_list(struct req *r);
void api_comment_create(struct req *r);
void api_comment_get(struct req *r);
void api_comment_patch(struct req *r);
void api_comment_delete(struct req *r);
void api_history_list(struct req *r);
void api_deleted_list(struct req *r);
void api_deleted_restore(struct req *r);
/* comments end */
/* tasks */
void api_task_list(struct req *r);
void api_task_get(struct req *r);
void api_task_create(struct req *r);
void api_task_put(struct req *r);
void api_task_patch(struct req *r);
void api_task_delete(struct req *r);

/* drill: reachability drills */
void api_drill_list(struct req *r);
void api_drill_start(struct req *r);
void api_drill_get(struct req *r);
void api_drill_close(struct req *r);
void api_drill_settings_get(struct req *r);
void api_drill_settings_put(struct req *r);
void api_drill_confirm(struct req *r);
/* drill end */

/* approval: plan versions */
void api_plan_version_list(struct req *r);
void api_plan_version_submit(struct req *r);
void api_plan_version_get(struct req *r);
void api_plan_version_approve(struct req *r);
void api_plan_version_return(struct req *r);
void api_plan_version_compare(struct req *r);
void api_member_approver_put(struct req *r);
/* approval end */

/* calendar: the caller's secret calendar link and the feed it opens */
void api_calendar_link_get(struct req *r);
void api_calendar_link_create(struct req *r);
void api_calendar_link_delete(struct req *r);
void api_calendar_feed(struct req *r);
/* calendar end */

#endif
