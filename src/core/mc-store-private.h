/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "mc-store.h"

G_BEGIN_DECLS

/* A cached prepared statement.  g_autoptr(McStmt) does not free it: it
 * resets it and hands it back to the store's cache at the end of the scope. */
typedef sqlite3_stmt McStmt;

McStmt     *_mc_store_prepare          (McStore     *self,
                                        const char  *sql,
                                        GError     **error);
void        _mc_store_release          (McStmt      *stmt);
/* Steps @stmt: returns SQLITE_ROW or SQLITE_DONE, or another code with
 * @error set. */
int         _mc_store_step             (McStore     *self,
                                        McStmt      *stmt,
                                        GError     **error);
/* Prepares @sql, binds @id to its one parameter and steps to its first
 * row.  Returns: (transfer full) (nullable): the statement on that row;
 * NULL with the query's error, or, when there is no row, with
 * MC_STORE_ERROR_NOT_FOUND and the message @not_found_format makes. */
McStmt     *_mc_store_select_by_id    (McStore     *self,
                                        const char  *sql,
                                        gint64       id,
                                        GError     **error,
                                        const char  *not_found_format,
                                        ...) G_GNUC_PRINTF (5, 6);
/* Runs a statement that returns no rows. */
gboolean    _mc_store_exec             (McStore     *self,
                                        McStmt      *stmt,
                                        GError     **error);
/* Maps an SQLite result code to MC_STORE_ERROR with a message naming the file. */
void        _mc_store_set_error        (McStore     *self,
                                        int          rc,
                                        GError     **error);
sqlite3    *_mc_store_get_db           (McStore     *self);
const char *_mc_store_get_display_name (McStore     *self);
/* Binds a string, or NULL, as a copy. */
void        _mc_store_bind_text        (McStmt      *stmt,
                                        int          index,
                                        const char  *text);
/* Binds an id; 0 becomes NULL. */
void        _mc_store_bind_id          (McStmt      *stmt,
                                        int          index,
                                        gint64       id);
/* Text of a column, never NULL. */
const char *_mc_store_column_text      (McStmt      *stmt,
                                        int          column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McStmt, _mc_store_release)

/* Parses a stored enum nick; an unknown one is reported as a file written
 * by a newer Microcred. */
gboolean    _mc_store_parse_enum       (McStore     *self,
                                        GType        type,
                                        const char  *nick,
                                        int         *value,
                                        GError     **error);
/* Sets MC_STORE_ERROR_CONFLICT or _NOT_FOUND after an optimistic update
 * of @table's row @id changed nothing. */
void        _mc_store_set_stale_error  (McStore     *self,
                                        const char  *table,
                                        gint64       id,
                                        const char  *what,
                                        GError     **error);

/* A person from the columns id, username, name, email, unit_id. */
McPerson   *_mc_store_person_from_row  (McStmt *stmt);
#define MC_STORE_PERSON_COLUMNS "p.id, p.username, p.name, p.email, p.unit_id"

/* The workflow's writes (mc-workflow*.c); each expects to run inside a
 * transaction opened by the caller. */

/* Changes a design's state and revision bookkeeping if nobody changed the
 * design since @design was loaded; updates @design. */
gboolean    _mc_store_set_design_state (McStore       *self,
                                        McDesign      *design,
                                        McDesignState  state,
                                        guint          revision_number,
                                        guint          approved_revision,
                                        const char    *approved_on,
                                        const char    *review_due,
                                        GError       **error);
gboolean    _mc_store_freeze_revision  (McStore *self, gint64 design_id, guint number, GError **error);
/* Whether any revision of the design was submitted (and frozen). */
gboolean    _mc_store_has_frozen_revision (McStore *self, gint64 design_id, gboolean *frozen,
                                           GError **error);
/* Starts a revision as a copy of revision @from, numbered after the
 * design's newest one (not @from + 1: a rejected modification leaves
 * newer revisions behind the approved one); sets @to to its number. */
gboolean    _mc_store_copy_revision    (McStore *self, gint64 design_id, guint from, guint *to,
                                        GError **error);
/* Sets the event's id, time (if 0), prev_hash and hash, and appends it. */
gboolean    _mc_store_append_event     (McStore *self, McEvent *event, GError **error);
gboolean    _mc_store_set_setting      (McStore *self, const char *key, const char *value,
                                        GError **error);
gboolean    _mc_store_set_role         (McStore *self, gint64 person_id, McRole role,
                                        gint64 unit_id, gboolean granted, GError **error);
gboolean    _mc_store_count_role       (McStore *self, McRole role, guint *count, GError **error);
gboolean    _mc_store_insert_review    (McStore *self, McReview *review, GError **error);
/* Saves answers, recommendation, summary, state and completion time. */
gboolean    _mc_store_update_review    (McStore *self, McReview *review, GError **error);
gboolean    _mc_store_insert_comment   (McStore *self, McComment *comment, GError **error);
gboolean    _mc_store_resolve_comment  (McStore *self, gint64 comment_id, gint64 person_id,
                                        gint64 when, GError **error);
gboolean    _mc_store_insert_decision  (McStore *self, McDecision *decision, GError **error);
gboolean    _mc_store_meet_condition   (McStore *self, gint64 condition_id, gint64 person_id,
                                        const char *evidence, gint64 when, GError **error);
gboolean    _mc_store_save_annual_review (McStore *self, McAnnualReview *review, GError **error);
/* The tasks of @person_id (see mc_workflow_list_tasks()). */
GPtrArray  *_mc_store_list_tasks       (McStore *self, gint64 person_id, const char *today,
                                        const char *soon, guint min_reviews,
                                        guint min_modification_reviews, GError **error);
/* Answers of a review as stored (a JSON array), or NULL if damaged. */
GPtrArray  *_mc_store_answers_from_json (McStore *self, const char *json, GError **error);
gboolean    _mc_store_seed_templates   (McStore *self, GError **error);
gboolean    _mc_store_insert_template  (McStore *self, McTemplate *template_, gint64 person_id,
                                        GError **error);

/* The sort and search key of titles and names: casefolded, without
 * accents (newly allocated). */
char       *_mc_store_fold_key         (const char *text);

/* Issuing (mc-store-offerings.c, mc-store-credentials.c,
 * mc-store-batches.c, mc-store-keys.c) */

/* A learner from these columns (of learners AS l) starting at @first. */
#define MC_STORE_LEARNER_COLUMNS "l.id, l.student_id, l.given_name, l.family_name, l.email, l.date_of_birth, l.uuid"
McLearner  *_mc_store_learner_from_row (McStmt *stmt, int first);
/* A result (results AS r) with its learner and the learner's current
 * credential for the offering: the one that is not superseded, which the
 * partial unique index credentials_current makes unique. */
#define MC_STORE_RESULT_COLUMNS \
  "r.id, r.offering_id, r.learner_id, r.grade, r.completed_on, r.passed, cur.id, " \
  MC_STORE_LEARNER_COLUMNS
#define MC_STORE_RESULT_JOINS \
  "JOIN learners AS l ON l.id = r.learner_id " \
  "LEFT JOIN credentials AS cur ON cur.offering_id = r.offering_id " \
  "  AND cur.learner_id = r.learner_id AND cur.state <> 'superseded' "
McResult   *_mc_store_result_from_row  (McStmt *stmt, int first);

gboolean    _mc_store_insert_offering  (McStore *self, McOffering *offering, GError **error);
gboolean    _mc_store_has_offering_code (McStore *self, gint64 design_id, const char *code,
                                         gboolean *found, GError **error);
/* Inserts the learner, or updates the one with its student id if its
 * names, email or date of birth differ; sets its id, and whether
 * anything was written in @changed. */
gboolean    _mc_store_save_learner     (McStore *self, McLearner *learner, gboolean *changed,
                                        GError **error);
/* The learner's result in the offering, or NULL (without an error). */
McResult   *_mc_store_find_result      (McStore *self, gint64 offering_id, gint64 learner_id,
                                        GError **error);
/* Inserts (id 0) or updates the result of its learner and offering. */
gboolean    _mc_store_save_result      (McStore *self, McResult *result, GError **error);

gboolean    _mc_store_insert_batch     (McStore *self, McIssueBatch *batch, GError **error);
/* Saves the batch's kid, state, export folder, proof choice, counts and
 * finishing time. */
gboolean    _mc_store_update_batch     (McStore *self, McIssueBatch *batch, GError **error);
gboolean    _mc_store_count_pending    (McStore *self, gint64 batch_id, guint *count, GError **error);
/* Gives the pending credentials of a batch another key. */
gboolean    _mc_store_set_pending_kid  (McStore *self, gint64 batch_id, const char *kid, GError **error);
/* The passed results of the offering whose learner holds no current
 * credential for it, oldest first (McResult, with learner). */
GPtrArray  *_mc_store_list_unissued_results (McStore *self, gint64 offering_id, GError **error);
/* One past the highest status-list index ever given (0 at first). */
gboolean    _mc_store_next_status_index (McStore *self, guint *index, GError **error);
/* Inserts a credential (id 0) with its search text; sets its id. */
gboolean    _mc_store_insert_credential (McStore *self, McIssuedCredential *credential, GError **error);
/* Pending → active with its signed forms; MC_STORE_ERROR_CONFLICT if it
 * is not pending (any more). */
gboolean    _mc_store_complete_credential (McStore *self, gint64 id, const char *jwt,
                                           const char *document, GError **error);
/* Moves a credential from @from to @to if it is still in @from (else
 * MC_STORE_ERROR_CONFLICT); records the reason and the time (Unix
 * microseconds). */
gboolean    _mc_store_update_credential_state (McStore *self, gint64 id, McCredentialState from,
                                               McCredentialState to, const char *reason,
                                               gint64 changed_us, GError **error);
/* Links a superseded credential to its replacement. */
gboolean    _mc_store_set_superseded_by (McStore *self, gint64 id, gint64 replacement_id,
                                         GError **error);
gboolean    _mc_store_add_reprint      (McStore *self, gint64 id, GError **error);
/* Rewrites the search text of the learner's credentials. */
gboolean    _mc_store_refresh_credential_search (McStore *self, gint64 learner_id, GError **error);

/* Sets the key's id. */
gboolean    _mc_store_insert_key       (McStore *self, McKeyRecord *key, GError **error);
gboolean    _mc_store_retire_key       (McStore *self, gint64 id, gint64 when, GError **error);
/* NULL removes the logo. */
gboolean    _mc_store_set_logo         (McStore *self, GBytes *png, GError **error);

/* Set the new row's id. */
gboolean    _mc_store_insert_partner   (McStore *self, McPartnerIssuer *partner, GError **error);
gboolean    _mc_store_delete_partner   (McStore *self, gint64 id, GError **error);
gboolean    _mc_store_insert_recognition (McStore *self, McRecognition *recognition, GError **error);


G_END_DECLS
