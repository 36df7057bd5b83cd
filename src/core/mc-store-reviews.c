/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-store-private.h"

/* Reviews, comments and yearly reviews: what the QA committee writes. */

/* Answers are stored as a JSON array of {"criterion", "rating", "text"}. */
static char *
answers_to_json (GPtrArray *answers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; answers != NULL && i < answers->len; i++)
    {
      McAnswer *answer = g_ptr_array_index (answers, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "criterion");
      json_builder_add_string_value (builder, answer->criterion_id);
      json_builder_set_member_name (builder, "rating");
      json_builder_add_string_value (builder, mc_enum_to_nick (MC_TYPE_RATING, answer->rating));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, answer->text != NULL ? answer->text : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

GPtrArray *
_mc_store_answers_from_json (McStore     *self,
                   const char  *json,
                   GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_answer_free);
  JsonNode *root;
  JsonArray *array;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY ((root = json_parser_get_root (parser))))
    goto damaged;

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object;
      const char *criterion, *text;
      int rating = 0;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto damaged;
      object = json_node_get_object (node);
      criterion = json_object_get_string_member_with_default (object, "criterion", NULL);
      text = json_object_get_string_member_with_default (object, "text", "");
      if (criterion == NULL ||
          !mc_enum_from_nick (MC_TYPE_RATING,
                              json_object_get_string_member_with_default (object, "rating", NULL),
                              &rating))
        goto damaged;
      g_ptr_array_add (answers, mc_answer_new (criterion, rating, text));
    }
  return g_steal_pointer (&answers);

damaged:
  g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CORRUPT,
               _("The answers of a review in “%s” are damaged"), _mc_store_get_display_name (self));
  return NULL;
}

/* Reviews */

#define REVIEW_COLUMNS \
  "v.id, v.design_id, v.revision_number, v.reviewer_id, v.template_id, v.state, " \
  "v.recommendation, v.summary, v.answers, v.assigned_at, v.completed_at, v.version, p.name"

static McReview *
review_from_row (McStore  *self,
                 McStmt   *stmt,
                 GError  **error)
{
  g_autoptr(McReview) review = mc_review_new ();
  int state = 0, recommendation = 0;

  if (!_mc_store_parse_enum (self, MC_TYPE_REVIEW_STATE, _mc_store_column_text (stmt, 5), &state, error) ||
      !_mc_store_parse_enum (self, MC_TYPE_OUTCOME_KIND, _mc_store_column_text (stmt, 6),
                             &recommendation, error))
    return NULL;
  review->id = sqlite3_column_int64 (stmt, 0);
  review->design_id = sqlite3_column_int64 (stmt, 1);
  review->revision_number = (guint) sqlite3_column_int64 (stmt, 2);
  review->reviewer_id = sqlite3_column_int64 (stmt, 3);
  review->template_id = sqlite3_column_int64 (stmt, 4);
  review->state = state;
  review->recommendation = recommendation;
  g_free (review->summary);
  review->summary = g_strdup (_mc_store_column_text (stmt, 7));
  g_ptr_array_unref (review->answers);
  review->answers = _mc_store_answers_from_json (self, _mc_store_column_text (stmt, 8), error);
  if (review->answers == NULL)
    return NULL;
  review->assigned_at = sqlite3_column_int64 (stmt, 9);
  review->completed_at = sqlite3_column_int64 (stmt, 10);
  review->version = sqlite3_column_int64 (stmt, 11);
  review->reviewer_name = g_strdup (_mc_store_column_text (stmt, 12));
  return g_steal_pointer (&review);
}

/**
 * mc_store_list_reviews:
 * @self: a #McStore
 * @design_id: a design
 * @revision_number: one of its revisions, or 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type McReview): the reviews, oldest first
 */
GPtrArray *
mc_store_list_reviews (McStore  *self,
                       gint64    design_id,
                       guint     revision_number,
                       GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_review_free);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " REVIEW_COLUMNS " FROM reviews AS v "
                            "JOIN people AS p ON p.id = v.reviewer_id "
                            "WHERE v.design_id = ?1 AND (?2 = 0 OR v.revision_number = ?2) "
                            "ORDER BY v.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, design_id);
  sqlite3_bind_int64 (stmt, 2, revision_number);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      McReview *review = review_from_row (self, stmt, error);

      if (review == NULL)
        return NULL;
      g_ptr_array_add (reviews, review);
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&reviews);
}

/**
 * mc_store_load_review:
 *
 * Returns: (transfer full) (nullable): the review, or %NULL with
 *   %MC_STORE_ERROR_NOT_FOUND
 */
McReview *
mc_store_load_review (McStore  *self,
                      gint64    review_id,
                      GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_select_by_id (self, "SELECT " REVIEW_COLUMNS " FROM reviews AS v "
                                 "JOIN people AS p ON p.id = v.reviewer_id WHERE v.id = ?", review_id, error,
                                 _("There is no review number %lld"), (long long) review_id);
  return stmt != NULL ? review_from_row (self, stmt, error) : NULL;
}

gboolean
_mc_store_insert_review (McStore   *self,
                         McReview  *review,
                         GError   **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autofree char *answers = answers_to_json (review->answers);

  stmt = _mc_store_prepare (self, "INSERT INTO reviews (design_id, revision_number, reviewer_id, "
                            "template_id, state, recommendation, summary, answers, assigned_at) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review->design_id);
  sqlite3_bind_int64 (stmt, 2, review->revision_number);
  sqlite3_bind_int64 (stmt, 3, review->reviewer_id);
  sqlite3_bind_int64 (stmt, 4, review->template_id);
  _mc_store_bind_text (stmt, 5, mc_enum_to_nick (MC_TYPE_REVIEW_STATE, review->state));
  _mc_store_bind_text (stmt, 6, mc_enum_to_nick (MC_TYPE_OUTCOME_KIND, review->recommendation));
  _mc_store_bind_text (stmt, 7, review->summary != NULL ? review->summary : "");
  _mc_store_bind_text (stmt, 8, answers);
  sqlite3_bind_int64 (stmt, 9, review->assigned_at);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  review->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  review->version = 1;
  return TRUE;
}

gboolean
_mc_store_update_review (McStore   *self,
                         McReview  *review,
                         GError   **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autofree char *answers = answers_to_json (review->answers);

  stmt = _mc_store_prepare (self, "UPDATE reviews SET state = ?1, recommendation = ?2, summary = ?3, "
                            "answers = ?4, completed_at = ?5, version = version + 1 "
                            "WHERE id = ?6 AND version = ?7", error);
  if (stmt == NULL)
    return FALSE;
  _mc_store_bind_text (stmt, 1, mc_enum_to_nick (MC_TYPE_REVIEW_STATE, review->state));
  _mc_store_bind_text (stmt, 2, mc_enum_to_nick (MC_TYPE_OUTCOME_KIND, review->recommendation));
  _mc_store_bind_text (stmt, 3, review->summary != NULL ? review->summary : "");
  _mc_store_bind_text (stmt, 4, answers);
  sqlite3_bind_int64 (stmt, 5, review->completed_at);
  sqlite3_bind_int64 (stmt, 6, review->id);
  sqlite3_bind_int64 (stmt, 7, review->version);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_mc_store_get_db (self)) == 0)
    {
      _mc_store_set_stale_error (self, "reviews", review->id, _("This review"), error);
      return FALSE;
    }
  review->version++;
  return TRUE;
}

/* Comments */

#define COMMENT_COLUMNS \
  "c.id, c.design_id, c.revision_number, c.review_id, c.parent_id, c.author_id, c.field_id, " \
  "c.item_index, c.item_field, c.text, c.created, c.resolved_by, c.resolved_at, p.name"

static McComment *
comment_from_row (McStmt *stmt)
{
  McComment *comment = mc_comment_new ((const char *) sqlite3_column_text (stmt, 6),
                                       sqlite3_column_int (stmt, 7),
                                       (const char *) sqlite3_column_text (stmt, 8),
                                       _mc_store_column_text (stmt, 9));

  comment->id = sqlite3_column_int64 (stmt, 0);
  comment->design_id = sqlite3_column_int64 (stmt, 1);
  comment->revision_number = (guint) sqlite3_column_int64 (stmt, 2);
  comment->review_id = sqlite3_column_int64 (stmt, 3);
  comment->parent_id = sqlite3_column_int64 (stmt, 4);
  comment->author_id = sqlite3_column_int64 (stmt, 5);
  comment->created = sqlite3_column_int64 (stmt, 10);
  comment->resolved_by = sqlite3_column_int64 (stmt, 11);
  comment->resolved_at = sqlite3_column_int64 (stmt, 12);
  comment->resolved = comment->resolved_at != 0;
  comment->author_name = g_strdup (_mc_store_column_text (stmt, 13));
  return comment;
}

/**
 * mc_store_list_comments:
 * @self: a #McStore
 * @design_id: a design
 * @revision_number: one of its revisions, or 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type McComment): the comments and
 *   replies, oldest first
 */
GPtrArray *
mc_store_list_comments (McStore  *self,
                        gint64    design_id,
                        guint     revision_number,
                        GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) comments = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_comment_free);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " COMMENT_COLUMNS " FROM comments AS c "
                            "JOIN people AS p ON p.id = c.author_id "
                            "WHERE c.design_id = ?1 AND (?2 = 0 OR c.revision_number = ?2) "
                            "ORDER BY c.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, design_id);
  sqlite3_bind_int64 (stmt, 2, revision_number);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (comments, comment_from_row (stmt));
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&comments);
}

/**
 * mc_store_load_comment:
 *
 * Returns: (transfer full) (nullable): the comment or reply, or %NULL
 *   with %MC_STORE_ERROR_NOT_FOUND
 */
McComment *
mc_store_load_comment (McStore  *self,
                       gint64    comment_id,
                       GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_select_by_id (self, "SELECT " COMMENT_COLUMNS " FROM comments AS c "
                                 "JOIN people AS p ON p.id = c.author_id WHERE c.id = ?", comment_id, error,
                                 _("There is no comment number %lld"), (long long) comment_id);
  return stmt != NULL ? comment_from_row (stmt) : NULL;
}

gboolean
_mc_store_insert_comment (McStore    *self,
                          McComment  *comment,
                          GError    **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "INSERT INTO comments (design_id, revision_number, review_id, "
                            "parent_id, author_id, field_id, item_index, item_field, text, created) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, comment->design_id);
  sqlite3_bind_int64 (stmt, 2, comment->revision_number);
  _mc_store_bind_id (stmt, 3, comment->review_id);
  _mc_store_bind_id (stmt, 4, comment->parent_id);
  sqlite3_bind_int64 (stmt, 5, comment->author_id);
  _mc_store_bind_text (stmt, 6, comment->field_id);
  sqlite3_bind_int (stmt, 7, comment->item_index);
  _mc_store_bind_text (stmt, 8, comment->item_field);
  _mc_store_bind_text (stmt, 9, comment->text);
  sqlite3_bind_int64 (stmt, 10, comment->created);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  comment->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
  return TRUE;
}

gboolean
_mc_store_resolve_comment (McStore  *self,
                           gint64    comment_id,
                           gint64    person_id,
                           gint64    when,
                           GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;

  stmt = _mc_store_prepare (self, "UPDATE comments SET resolved_by = ?1, resolved_at = ?2 "
                            "WHERE id = ?3 AND resolved_at = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, person_id);
  sqlite3_bind_int64 (stmt, 2, when);
  sqlite3_bind_int64 (stmt, 3, comment_id);
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_mc_store_get_db (self)) == 0)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT,
                   _("This comment was resolved meanwhile by someone else"));
      return FALSE;
    }
  return TRUE;
}

/* Yearly reviews */

#define ANNUAL_COLUMNS \
  "y.id, y.design_id, y.revision_number, y.due_on, y.template_id, y.reviewer_id, y.state, " \
  "y.outcome, y.answers, y.actions, y.completed_at, y.version, p.name"

/**
 * mc_store_list_annual_reviews:
 *
 * Returns: (transfer full) (element-type McAnnualReview): the design's
 *   yearly reviews, oldest first
 */
GPtrArray *
mc_store_list_annual_reviews (McStore  *self,
                              gint64    design_id,
                              GError  **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autoptr(GPtrArray) reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_annual_review_free);
  int rc;

  g_return_val_if_fail (MC_IS_STORE (self), NULL);

  stmt = _mc_store_prepare (self, "SELECT " ANNUAL_COLUMNS " FROM annual_reviews AS y "
                            "JOIN people AS p ON p.id = y.reviewer_id "
                            "WHERE y.design_id = ? ORDER BY y.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, design_id);
  while ((rc = _mc_store_step (self, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(McAnnualReview) review = mc_annual_review_new ();
      int state = 0, outcome = 0;

      if (!_mc_store_parse_enum (self, MC_TYPE_REVIEW_STATE, _mc_store_column_text (stmt, 6), &state, error) ||
          !_mc_store_parse_enum (self, MC_TYPE_ANNUAL_OUTCOME, _mc_store_column_text (stmt, 7),
                                 &outcome, error))
        return NULL;
      review->id = sqlite3_column_int64 (stmt, 0);
      review->design_id = sqlite3_column_int64 (stmt, 1);
      review->revision_number = (guint) sqlite3_column_int64 (stmt, 2);
      review->due_on = g_strdup (_mc_store_column_text (stmt, 3));
      review->template_id = sqlite3_column_int64 (stmt, 4);
      review->reviewer_id = sqlite3_column_int64 (stmt, 5);
      review->state = state;
      review->outcome = outcome;
      g_ptr_array_unref (review->answers);
      review->answers = _mc_store_answers_from_json (self, _mc_store_column_text (stmt, 8), error);
      if (review->answers == NULL)
        return NULL;
      g_free (review->actions);
      review->actions = g_strdup (_mc_store_column_text (stmt, 9));
      review->completed_at = sqlite3_column_int64 (stmt, 10);
      review->version = sqlite3_column_int64 (stmt, 11);
      review->reviewer_name = g_strdup (_mc_store_column_text (stmt, 12));
      g_ptr_array_add (reviews, g_steal_pointer (&review));
    }
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&reviews);
}

/* Inserts (id 0) or updates (if unchanged since loaded) a yearly review. */
gboolean
_mc_store_save_annual_review (McStore         *self,
                              McAnnualReview  *review,
                              GError         **error)
{
  g_autoptr(McStmt) stmt = NULL;
  g_autofree char *answers = answers_to_json (review->answers);
  gboolean insert = review->id == 0;

  stmt = _mc_store_prepare (self, insert
                            ? "INSERT INTO annual_reviews (design_id, revision_number, due_on, "
                              "template_id, reviewer_id, state, outcome, answers, actions, "
                              "completed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                            : "UPDATE annual_reviews SET reviewer_id = ?5, state = ?6, outcome = ?7, "
                              "answers = ?8, actions = ?9, completed_at = ?10, version = version + 1 "
                              "WHERE id = ?11 AND version = ?12 AND ?1 = ?1 AND ?2 = ?2 "
                              "AND ?3 = ?3 AND ?4 = ?4",
                            error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, review->design_id);
  sqlite3_bind_int64 (stmt, 2, review->revision_number);
  _mc_store_bind_text (stmt, 3, review->due_on);
  sqlite3_bind_int64 (stmt, 4, review->template_id);
  sqlite3_bind_int64 (stmt, 5, review->reviewer_id);
  _mc_store_bind_text (stmt, 6, mc_enum_to_nick (MC_TYPE_REVIEW_STATE, review->state));
  _mc_store_bind_text (stmt, 7, mc_enum_to_nick (MC_TYPE_ANNUAL_OUTCOME, review->outcome));
  _mc_store_bind_text (stmt, 8, answers);
  _mc_store_bind_text (stmt, 9, review->actions != NULL ? review->actions : "");
  sqlite3_bind_int64 (stmt, 10, review->completed_at);
  if (!insert)
    {
      sqlite3_bind_int64 (stmt, 11, review->id);
      sqlite3_bind_int64 (stmt, 12, review->version);
    }
  if (!_mc_store_exec (self, stmt, error))
    return FALSE;
  if (insert)
    {
      review->id = sqlite3_last_insert_rowid (_mc_store_get_db (self));
      review->version = 1;
      return TRUE;
    }
  if (sqlite3_changes (_mc_store_get_db (self)) == 0)
    {
      _mc_store_set_stale_error (self, "annual_reviews", review->id, _("This yearly review"), error);
      return FALSE;
    }
  review->version++;
  return TRUE;
}
