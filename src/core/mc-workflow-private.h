/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-workflow.h"
#include "mc-store-private.h"

G_BEGIN_DECLS

struct _McWorkflow
{
  GObject   parent_instance;

  McStore  *store;
  McPerson *account;   /* the operating-system account's person */
  McPerson *actor;     /* on whose behalf the workflow acts */
  char     *today;
  char     *current_day;   /* the date returned when @today is unset */
};

/* mc-workflow.c */
gint64      _mc_workflow_actor_id     (McWorkflow *self);
gboolean    _mc_workflow_require_role (McWorkflow *self, McRole role, gint64 unit_id,
                                       GError **error);
gboolean    _mc_workflow_is_owner     (McWorkflow *self, McDesign *design);
/* Refuses when the actor is the design's author. */
gboolean    _mc_workflow_require_not_owner (McWorkflow *self, McDesign *design, GError **error);
/* An event of the actor on @design (may be NULL), to be completed and
 * appended with _mc_workflow_record(). */
McEvent    *_mc_workflow_event        (McWorkflow *self, McAction action, McDesign *design);
/* Appends @event, taking ownership; @details (a JSON object being built,
 * may be NULL) becomes its details. */
gboolean    _mc_workflow_record       (McWorkflow *self, McEvent *event, JsonBuilder *details,
                                       GError **error);
const char *_mc_workflow_design_title (McDesign *design);
guint       _mc_workflow_get_uint_setting (McWorkflow *self, const char *key, guint fallback);
/* @iso_date plus @months (newly allocated YYYY-MM-DD). */
char       *_mc_workflow_add_months   (const char *iso_date, guint months);
char       *_mc_workflow_add_days     (const char *iso_date, int days);
gboolean    _mc_workflow_is_date      (const char *text);
/* Runs @func in a transaction with @data; the common shape of every call. */
typedef gboolean (*McWorkflowFunc) (McWorkflow *self, gpointer data, GError **error);
gboolean    _mc_workflow_run          (McWorkflow *self, McWorkflowFunc func, gpointer data,
                                       GError **error);

/* A copy of @design's attributes sharing its content, for a transaction
 * to change; _mc_workflow_apply() copies them back after a commit, so
 * that a failure leaves @design as it was. */
McDesign   *_mc_workflow_shadow       (McDesign *design);
void        _mc_workflow_apply        (McDesign *design, McDesign *shadow);

/* Sets MC_WORKFLOW_ERROR_WRONG_STATE saying why @action does not apply
 * in the design's state. */
void        _mc_workflow_set_wrong_state_error (McDesign *design, McAction action, GError **error);

/* Withdraws the unfinished reviews of @revision. */
gboolean    _mc_workflow_withdraw_open_reviews (McWorkflow *self, McDesign *design, guint revision,
                                                GError **error);

/* Whether @text is valid UTF-8 of at most @max_chars characters, on one
 * line. */
gboolean    _mc_workflow_is_line      (const char *text, guint max_chars);
/* A reason or comment: valid text of up to 2,000 characters, and not
 * blank when @required (else MC_WORKFLOW_ERROR_INVALID with @missing). */
gboolean    _mc_workflow_check_reason (const char *reason, gboolean required, const char *missing,
                                       GError **error);

/* mc-workflow-admin.c */
/* Appends an institution-wide event of @action on @subject. */
gboolean    _mc_workflow_record_admin (McWorkflow *self, McAction action, const char *subject,
                                       const char *value, GError **error);

/* mc-workflow-issuing.c */
/* Loads the offering and its design, and checks that the actor may take
 * @action on them now. */
gboolean    _mc_workflow_load_offering (McWorkflow *self, gint64 offering_id, McAction action,
                                        McOffering **offering, McDesign **design, GError **error);
/* Reserves a pending credential of @batch for @result, built from
 * @revision (the offering's): a new uuid, the next status index, an
 * unguessable token and its validity from now. */
McIssuedCredential *_mc_workflow_reserve_credential (McWorkflow *self, McOffering *offering,
                                                     McRevision *revision, McResult *result,
                                                     McIssueBatch *batch, gint64 supersedes_id,
                                                     GError **error);
/* "Name (student id)" of a credential's holder, for messages. */
char       *_mc_workflow_holder       (McIssuedCredential *credential);

/* mc-workflow-credentials.c */
/* The details of an event on @credential, an object being built that
 * callers may add members to. */
JsonBuilder *_mc_workflow_credential_details (McIssuedCredential *credential);
/* Appends an event of @action on @credential of @design, with @comment
 * and @details (those of _mc_workflow_credential_details() when NULL). */
gboolean    _mc_workflow_record_credential (McWorkflow *self, McAction action, McDesign *design,
                                            McIssuedCredential *credential, const char *comment,
                                            JsonBuilder *details, GError **error);

/* mc-workflow-review.c */
gboolean    _mc_workflow_check_answers (McTemplate *template_, GPtrArray *answers, GError **error);
gboolean    _mc_workflow_check_review_action (McWorkflow *self, McDesign *design, McAction action,
                                              GError **error);
/* Completed reviews of the design's current revision. */
gboolean    _mc_workflow_count_completed (McWorkflow *self, McDesign *design, guint *count,
                                          GError **error);

G_END_DECLS
