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


G_END_DECLS
