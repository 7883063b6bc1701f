/* web.h: the HTML pages (handlers named in src/http/routes.def). */
#ifndef KF_WEB_H
#define KF_WEB_H

#include "../core/chapter.h" /* review marks */
#include <stdint.h>

struct req;
struct plan_data;

/* An error page in the site's layout with status and a message id. */
void web_error_page(struct req *r, int status, const char *msgid);
/*
 * The error page for a failed store call: 404 with missing_msgid ("This
 * backup does not exist (any more).") for KF_ENOTFOUND, else 500 saying the
 * database could not be written (writing) or read.
 */
void web_store_error(struct req *r, int err, const char *missing_msgid, int writing);

void web_root(struct req *r);
void web_login_form(struct req *r);
void web_login_post(struct req *r);
void web_logout(struct req *r);
void web_setup_form(struct req *r);
void web_setup_post(struct req *r);
void web_home(struct req *r);
void web_home_slash(struct req *r);
void web_team(struct req *r);
void web_contact_new(struct req *r);
void web_contact_create(struct req *r);
void web_contact_edit(struct req *r);
void web_contact_update(struct req *r);
void web_contact_confirm_delete(struct req *r);
void web_contact_delete(struct req *r);
void web_role_new(struct req *r);
void web_role_create(struct req *r);
void web_role_edit(struct req *r);
void web_role_update(struct req *r);
void web_role_confirm_delete(struct req *r);
void web_role_delete(struct req *r);
void web_team_templates(struct req *r);
void web_team_adopt(struct req *r);

/* step 1: risks */
void web_risks(struct req *r);
void web_risk_new(struct req *r);
void web_risk_create(struct req *r);
void web_risk_edit(struct req *r);
void web_risk_update(struct req *r);
void web_risk_confirm_delete(struct req *r);
void web_risk_delete(struct req *r);
void web_risk_templates(struct req *r);
void web_risk_adopt(struct req *r);
/* riskcfg */
void web_risk_settings(struct req *r);
void web_risk_settings_update(struct req *r);
void web_risk_categories(struct req *r);
void web_risk_category_create(struct req *r);
void web_risk_category_edit(struct req *r);
void web_risk_category_update(struct req *r);
void web_risk_category_confirm_delete(struct req *r);
void web_risk_category_delete(struct req *r);
/* riskcfg end */

/* step 2: alarm chain */

/* step 1: processes and systems */
void web_processes(struct req *r);
void web_process_new(struct req *r);
void web_process_create(struct req *r);
void web_process_edit(struct req *r);
void web_process_update(struct req *r);
void web_process_confirm_delete(struct req *r);
void web_process_delete(struct req *r);
void web_systems(struct req *r);
void web_system_new(struct req *r);
void web_system_create(struct req *r);
void web_system_edit(struct req *r);
void web_system_update(struct req *r);
void web_system_confirm_delete(struct req *r);
void web_system_delete(struct req *r);
/* The section on the risk register page that leads to processes and systems. */
void web_bia_risks_section(struct req *r);
/* The line with the counts on the start page's step-1 card, from the loaded plan. */
void web_bia_home_line(struct req *r, const struct plan_data *d);

/* step 4: registers */
void web_documents(struct req *r);
/* exports: the download page */
void web_exports(struct req *r);
void web_export_download(struct req *r);
void web_export_sealed(struct req *r); /* wire: the offline copy's passphrase form */
void web_plan_copy_new(struct req *r);
void web_plan_copy_create(struct req *r);
void web_plan_copy_edit(struct req *r);
void web_plan_copy_update(struct req *r);
void web_plan_copy_confirm_delete(struct req *r);
void web_plan_copy_delete(struct req *r);
void web_acks(struct req *r);
void web_ack_bulk(struct req *r);
void web_ack_new(struct req *r);
void web_ack_create(struct req *r);
void web_ack_edit(struct req *r);
void web_ack_update(struct req *r);
void web_ack_confirm_delete(struct req *r);
void web_ack_delete(struct req *r);
void web_comm_templates(struct req *r);
void web_comm_starter(struct req *r);
void web_comm_adopt(struct req *r);
void web_comm_template_new(struct req *r);
void web_comm_template_create(struct req *r);
void web_comm_template_edit(struct req *r);
void web_comm_template_update(struct req *r);
void web_comm_template_confirm_delete(struct req *r);
void web_comm_template_delete(struct req *r);

/* step 5: exercises */

/* step 3: backups */
void web_backups(struct req *r);
void web_backup_new(struct req *r);
void web_backup_create(struct req *r);
void web_backup_show(struct req *r);
void web_backup_edit(struct req *r);
void web_backup_update(struct req *r);
void web_backup_confirm_delete(struct req *r);
void web_backup_delete(struct req *r);
void web_restore_test_new(struct req *r);
void web_restore_test_create(struct req *r);
void web_restore_test_edit(struct req *r);
void web_restore_test_update(struct req *r);
void web_restore_test_confirm_delete(struct req *r);
void web_restore_test_delete(struct req *r);

/* step 3: runbooks, recovery order, workarounds */
void web_recovery(struct req *r);
void web_recovery_overrides_update(struct req *r);
void web_runbooks(struct req *r);
void web_runbook_new(struct req *r);
void web_runbook_create(struct req *r);
void web_runbook_show(struct req *r);
void web_runbook_edit(struct req *r);
void web_runbook_update(struct req *r);
void web_runbook_confirm_delete(struct req *r);
void web_runbook_delete(struct req *r);
void web_workarounds(struct req *r);
void web_workaround_new(struct req *r);
void web_workaround_create(struct req *r);
void web_workaround_edit(struct req *r);
void web_workaround_update(struct req *r);
void web_workaround_confirm_delete(struct req *r);
void web_workaround_delete(struct req *r);
/* Step 3's card on the start page: systems with a runbook "x of y", workarounds, next action; -1 on read errors. */
int web_recovery_card(struct req *r, const struct plan_data *d);

/* plan check */
void web_check(struct req *r);

void web_exercises(struct req *r);
void web_review_update(struct req *r);
/* review marks */
/* At the top of a chapter's page: its open marks and "Mark as reviewed" (from: the page to come back to). */
void web_review_notice(struct req *r, enum chapter ch, const char *from);
/* In the review section: every open mark by chapter, with links and buttons. */
void web_review_marks_section(struct req *r);
/* In a step's card on the start page: the step's chapters that need a review. */
void web_review_marks_card(struct req *r, const struct plan_data *d, enum plan_step step);
void web_review_marks_clear(struct req *r);
void web_exercise_new(struct req *r);
void web_exercise_create(struct req *r);
void web_exercise_show(struct req *r);
void web_exercise_edit(struct req *r);
void web_exercise_update(struct req *r);
void web_exercise_confirm_delete(struct req *r);
void web_exercise_delete(struct req *r);
void web_finding_new(struct req *r);
void web_finding_create(struct req *r);
void web_finding_edit(struct req *r);
void web_finding_update(struct req *r);
void web_finding_confirm_delete(struct req *r);
void web_finding_delete(struct req *r);
/* Step 5's card on the start page: next exercise, open findings, review status, next action; -1 on read errors. */
int web_exercises_card(struct req *r, const struct plan_data *d);

void web_alarm(struct req *r);
void web_alarm_step_new(struct req *r);
void web_alarm_step_create(struct req *r);
void web_alarm_step_edit(struct req *r);
void web_alarm_step_update(struct req *r);
void web_alarm_step_confirm_delete(struct req *r);
void web_alarm_step_delete(struct req *r);
void web_alarm_plan_edit(struct req *r);
void web_alarm_plan_update(struct req *r);

void web_asset(struct req *r);

/* notifications */
void web_notifications(struct req *r);
void web_notification_read(struct req *r);
void web_notifications_read_all(struct req *r);
void web_notify_settings(struct req *r);
void web_notify_settings_update(struct req *r);
/* The link to the notifications with the unread count, for the page header. */
void web_notify_header_link(struct req *r);
/* members: invitations and members */
void web_members(struct req *r);
void web_member_invite(struct req *r);
void web_member_update(struct req *r);
void web_member_confirm_remove(struct req *r);
void web_member_remove(struct req *r);
void web_invitation_revoke(struct req *r);
void web_invite_form(struct req *r);
void web_invite_accept(struct req *r);

/* comments: comments, history, restoring deleted items */
#include <stdint.h>
/* Below an item's edit form: its comments with a form to add one, and its change history. */
void web_item_panel(struct req *r, const char *entity, int64_t id);
void web_comment_create(struct req *r);
void web_comment_delete(struct req *r);
void web_deleted(struct req *r);
void web_deleted_confirm(struct req *r);
void web_deleted_restore(struct req *r);
/* comments end */
/* tasks */
struct plan_data;
void web_tasks(struct req *r);
void web_tasks_mine(struct req *r);
void web_task_new(struct req *r);
void web_task_create(struct req *r);
void web_task_edit(struct req *r);
void web_task_update(struct req *r);
void web_task_confirm_delete(struct req *r);
void web_task_delete(struct req *r);
void web_task_from_finding(struct req *r);
void web_task_from_gap(struct req *r);
/* The open and overdue tasks of one step on the start page ("2 open tasks, 1 overdue"), linked to the list. */
void web_tasks_step_line(struct req *r, const struct plan_data *d, int step);
/* The "My tasks" link of the page header. */
void web_tasks_header_link(struct req *r);
/* The tasks of one item (entity as in core/task.c, e.g. "system") with an "Add task" link, for item pages. */
void web_item_tasks(struct req *r, const char *entity, int64_t id);
/* The tasks made from finding id, and the "Create as task" button (editors), for the finding's page. */
void web_finding_tasks(struct req *r, int64_t finding_id);
/* The "Create as task" button of one Plan-Check gap (editors only). */
struct plan_gap;
void web_gap_task_button(struct req *r, const struct plan_gap *g);
/* tasks end */

/* drill: reachability drills */
void web_drills(struct req *r);
void web_drill_settings_update(struct req *r);
void web_drill_new(struct req *r);
void web_drill_start(struct req *r);
void web_drill(struct req *r);
void web_drill_close(struct req *r);
void web_drill_confirm_form(struct req *r);
void web_drill_confirm(struct req *r);
/* drill end */

/* approval: plan versions */
void web_plan_versions(struct req *r);
void web_plan_version_submit(struct req *r);
void web_plan_version_compare(struct req *r);
void web_plan_version_approve(struct req *r);
void web_plan_version_return(struct req *r);
void web_member_approver(struct req *r);
/* The approved version and "changed since" line (nothing while no version is approved). */
void web_plan_version_state(struct req *r, int with_link);
/* The approver toggle of one member on the members page. */
void web_member_approver_form(struct req *r, int64_t user, int is_admin);
/* approval end */

/* calendar: subscribing to the iCalendar feed (a section of the notification settings) */
void web_calendar_link_create(struct req *r);
void web_calendar_link_confirm_renew(struct req *r);
void web_calendar_link_confirm_delete(struct req *r);
void web_calendar_link_delete(struct req *r);
/* The "Subscribe to the calendar" section of the settings page. */
void web_calendar_section(struct req *r);
/* The notice with a link just made (shown this once, at the top of the settings page). */
void web_calendar_new_link(struct req *r, const char *url);
/* The email and calendar settings page; new_cal_url is a calendar link just made, or NULL. */
void web_notify_settings_page(struct req *r, const char *new_cal_url);
/* calendar end */

#endif
