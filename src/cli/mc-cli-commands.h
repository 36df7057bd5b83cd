/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-cli-context.h"

G_BEGIN_DECLS

/* The commands of the approval workflow, one group (or leaf) each. */

/* mc-cli-people.c */
int mc_cli_person_run     (McCliContext *ctx, int argc, char **argv);
/* mc-cli-roles.c: "mcred unit" and "role" */
int mc_cli_unit_run       (McCliContext *ctx, int argc, char **argv);
int mc_cli_role_run       (McCliContext *ctx, int argc, char **argv);
/* mc-cli-settings.c */
int mc_cli_settings_run   (McCliContext *ctx, int argc, char **argv);
/* mc-cli-review.c, with a reviewer's work in mc-cli-review-work.c and the
 * comments in mc-cli-comment.c */
int mc_cli_review_run     (McCliContext *ctx, int argc, char **argv);
int mc_cli_review_show    (McCliContext *ctx, int argc, char **argv);
int mc_cli_review_answer  (McCliContext *ctx, int argc, char **argv);
int mc_cli_review_submit  (McCliContext *ctx, int argc, char **argv);
int mc_cli_review_comment (McCliContext *ctx, int argc, char **argv);
int mc_cli_review_reply   (McCliContext *ctx, int argc, char **argv);
int mc_cli_review_resolve (McCliContext *ctx, int argc, char **argv);
int mc_cli_review_comments (McCliContext *ctx, int argc, char **argv);
/* mc-cli-decision.c */
int mc_cli_decision_run   (McCliContext *ctx, int argc, char **argv);
/* mc-cli-annual.c */
int mc_cli_annual_run     (McCliContext *ctx, int argc, char **argv);
/* mc-cli-history.c */
int mc_cli_history_run    (McCliContext *ctx, int argc, char **argv);
/* mc-cli-audit.c: "mcred audit" and "tasks" */
int mc_cli_audit_run      (McCliContext *ctx, int argc, char **argv);
int mc_cli_tasks_run      (McCliContext *ctx, int argc, char **argv);
/* mc-cli-report.c */
int mc_cli_report_run     (McCliContext *ctx, int argc, char **argv);
/* mc-cli-template.c */
int mc_cli_template_run   (McCliContext *ctx, int argc, char **argv);
/* mc-cli-verify.c */
int mc_cli_verify_run     (McCliContext *ctx, int argc, char **argv);
/* mc-cli-status-list.c */
int mc_cli_status_list_run (McCliContext *ctx, int argc, char **argv);

/* Other institutions */
/* mc-cli-partner.c */
int mc_cli_partner_run     (McCliContext *ctx, int argc, char **argv);
/* mc-cli-recognise.c */
int mc_cli_recognise_run   (McCliContext *ctx, int argc, char **argv);
/* mc-cli-recognition.c */
int mc_cli_recognition_run (McCliContext *ctx, int argc, char **argv);

/* Issuing */
/* mc-cli-institution.c */
int mc_cli_institution_run (McCliContext *ctx, int argc, char **argv);
/* mc-cli-key.c */
int mc_cli_key_run         (McCliContext *ctx, int argc, char **argv);
/* mc-cli-offering.c */
int mc_cli_offering_run    (McCliContext *ctx, int argc, char **argv);
/* mc-cli-results.c */
int mc_cli_results_run     (McCliContext *ctx, int argc, char **argv);
/* mc-cli-issue.c */
int mc_cli_issue_run       (McCliContext *ctx, int argc, char **argv);
/* mc-cli-credential.c: "mcred credential"; mc-cli-credential-actions.c:
 * "certificate", "revoke", "suspend", "reinstate" and "reissue" */
int mc_cli_credential_run  (McCliContext *ctx, int argc, char **argv);
int mc_cli_certificate_run (McCliContext *ctx, int argc, char **argv);
int mc_cli_revoke_run      (McCliContext *ctx, int argc, char **argv);
int mc_cli_suspend_run     (McCliContext *ctx, int argc, char **argv);
int mc_cli_reinstate_run   (McCliContext *ctx, int argc, char **argv);
int mc_cli_reissue_run     (McCliContext *ctx, int argc, char **argv);

/* Publishing */
/* mc-cli-serve.c */
int mc_cli_serve_run       (McCliContext *ctx, int argc, char **argv);
/* mc-cli-publish.c */
int mc_cli_publish_run     (McCliContext *ctx, int argc, char **argv);

G_END_DECLS
