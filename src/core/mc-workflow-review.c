/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-template.h"
#include "mc-workflow-private.h"

/* Reviewing: assignment, the reviewers' answers, field comments, the
 * committee's decision and the conditions of an approval. */

#define MAX_TEXT_LENGTH 20000
#define MAX_REFERENCE_LENGTH 200

static gboolean
check_text (const char  *text,
            gboolean     required,
            guint        max_length,
            const char  *what,
            GError     **error)
{
  g_autofree char *stripped = NULL;

  if (text != NULL && !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("%s is not valid text"), what);
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  if (required && *stripped == '\0')
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("%s is empty"), what);
      return FALSE;
    }
  if (text != NULL && g_utf8_strlen (text, -1) > max_length)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("%s is longer than %u characters"), what, max_length);
      return FALSE;
    }
  return TRUE;
}

/* @found: the actor has a review that was not withdrawn; @open: one
 * that is not completed either. */
static gboolean
find_own_review (McWorkflow  *self,
                 McDesign    *design,
                 guint        revision,
                 gboolean    *found,
                 gboolean    *open,
                 GError     **error)
{
  g_autoptr(GPtrArray) reviews = mc_store_list_reviews (self->store, mc_design_get_id (design),
                                                        revision, error);

  *found = *open = FALSE;
  if (reviews == NULL)
    return FALSE;
  for (guint i = 0; i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);

      if (review->reviewer_id != _mc_workflow_actor_id (self) ||
          review->state == MC_REVIEW_STATE_WITHDRAWN)
        continue;
      *found = TRUE;
      if (review->state != MC_REVIEW_STATE_COMPLETED)
        *open = TRUE;
    }
  return TRUE;
}

gboolean
_mc_workflow_check_review_action (McWorkflow  *self,
                                  McDesign    *design,
                                  McAction     action,
                                  GError     **error)
{
  gboolean reviewer = FALSE, open = FALSE;
  guint revision = action == MC_ACTION_SUBMIT_REVIEW ? mc_design_get_revision_number (design) : 0;

  if (!find_own_review (self, design, revision, &reviewer, &open, error))
    return FALSE;
  if (reviewer && action == MC_ACTION_SUBMIT_REVIEW && !open)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("%s has completed their review of “%s” already"),
                   mc_person_get_name (mc_workflow_get_actor (self)), _mc_workflow_design_title (design));
      return FALSE;
    }
  if (reviewer)
    return TRUE;
  if (action != MC_ACTION_SUBMIT_REVIEW &&
      (_mc_workflow_is_owner (self, design) ||
       mc_workflow_has_role (self, MC_ROLE_QA_CHAIR, mc_design_get_unit_id (design))))
    return TRUE;

  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
               _("%s is not a reviewer of “%s”"), mc_person_get_name (mc_workflow_get_actor (self)),
               _mc_workflow_design_title (design));
  return FALSE;
}

gboolean
_mc_workflow_count_completed (McWorkflow  *self,
                              McDesign    *design,
                              guint       *count,
                              GError     **error)
{
  g_autoptr(GPtrArray) reviews = mc_store_list_reviews (self->store, mc_design_get_id (design),
                                                        mc_design_get_revision_number (design),
                                                        error);

  *count = 0;
  if (reviews == NULL)
    return FALSE;
  for (guint i = 0; i < reviews->len; i++)
    if (((McReview *) g_ptr_array_index (reviews, i))->state == MC_REVIEW_STATE_COMPLETED)
      (*count)++;
  return TRUE;
}

/* Assignment */

typedef struct {
  McDesign     *design;
  const gint64 *ids;
  guint         n_ids;
} AssignData;

static gboolean
listed (const gint64 *ids,
        guint         n_ids,
        gint64        id)
{
  for (guint i = 0; i < n_ids; i++)
    if (ids[i] == id)
      return TRUE;
  return FALSE;
}

static gboolean
assign_cb (McWorkflow  *self,
           gpointer     user_data,
           GError     **error)
{
  AssignData *data = user_data;
  McDesign *design = data->design;
  guint revision = mc_design_get_revision_number (design);
  gboolean modification = mc_design_get_state (design) == MC_DESIGN_STATE_MODIFICATION_REVIEW;
  g_autoptr(McTemplate) template_ = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(JsonBuilder) details = json_builder_new ();
  McEvent *event = _mc_workflow_event (self, MC_ACTION_ASSIGN_REVIEWERS, design);
  McDesignState to;

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "revision");
  json_builder_add_int_value (details, revision);

  template_ = mc_store_current_template (self->store, modification ? MC_TEMPLATE_KIND_MODIFICATION
                                         : MC_TEMPLATE_KIND_APPROVAL, error);
  reviews = template_ ? mc_store_list_reviews (self->store, mc_design_get_id (design), revision, error)
                      : NULL;
  if (reviews == NULL)
    goto failed;

  /* Reviewers no longer listed lose their unfinished review. */
  json_builder_set_member_name (details, "withdrawn");
  json_builder_begin_array (details);
  for (guint i = 0; i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);

      if (review->state == MC_REVIEW_STATE_WITHDRAWN || review->state == MC_REVIEW_STATE_COMPLETED ||
          listed (data->ids, data->n_ids, review->reviewer_id))
        continue;
      review->state = MC_REVIEW_STATE_WITHDRAWN;
      if (!_mc_store_update_review (self->store, review, error))
        goto failed;
      {
        /* By user name, which the history can show, not by row id. */
        g_autoptr(McPerson) withdrawn = mc_store_get_person (self->store, review->reviewer_id, error);

        if (withdrawn == NULL)
          goto failed;
        json_builder_add_string_value (details, mc_person_get_username (withdrawn));
      }
    }
  json_builder_end_array (details);

  json_builder_set_member_name (details, "reviewers");
  json_builder_begin_array (details);
  for (guint i = 0; i < data->n_ids; i++)
    {
      g_autoptr(McPerson) person = mc_store_get_person (self->store, data->ids[i], error);
      g_autoptr(McReview) review = NULL;
      gboolean is_reviewer = FALSE, already = FALSE;

      if (person == NULL)
        goto failed;
      json_builder_add_string_value (details, mc_person_get_username (person));
      if (mc_person_get_id (person) == mc_design_get_owner_id (design))
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                       _("%s is the author of “%s” and cannot review it"),
                       mc_person_get_name (person), _mc_workflow_design_title (design));
          goto failed;
        }
      if (!mc_store_person_has_role (self->store, mc_person_get_id (person), MC_ROLE_REVIEWER,
                                     mc_design_get_unit_id (design), &is_reviewer, error))
        goto failed;
      if (!is_reviewer)
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                       _("%s is not a reviewer for this design’s academic unit"),
                       mc_person_get_name (person));
          goto failed;
        }
      for (guint j = 0; j < reviews->len; j++)
        {
          McReview *existing = g_ptr_array_index (reviews, j);

          if (existing->reviewer_id == data->ids[i] && existing->state != MC_REVIEW_STATE_WITHDRAWN)
            already = TRUE;
        }
      if (already || listed (data->ids, i, data->ids[i]))
        continue;

      review = mc_review_new ();
      review->design_id = mc_design_get_id (design);
      review->revision_number = revision;
      review->reviewer_id = data->ids[i];
      review->template_id = mc_template_get_id (template_);
      review->assigned_at = g_get_real_time () / G_USEC_PER_SEC;
      if (!_mc_store_insert_review (self->store, review, error))
        goto failed;
    }
  json_builder_end_array (details);

  to = mc_design_get_state (design) == MC_DESIGN_STATE_SUBMITTED ? MC_DESIGN_STATE_IN_REVIEW
                                                                 : mc_design_get_state (design);
  if (!_mc_store_set_design_state (self->store, design, to, revision,
                                   mc_design_get_approved_revision (design),
                                   mc_design_get_approved_on (design),
                                   mc_design_get_review_due (design), error))
    goto failed;
  event->to_state = (int) to;
  return _mc_workflow_record (self, event, details, error);

failed:
  mc_event_free (event);
  return FALSE;
}

gboolean
mc_workflow_assign_reviewers (McWorkflow    *self,
                              McDesign      *design,
                              const gint64  *reviewer_ids,
                              guint          n_reviewers,
                              GError       **error)
{
  AssignData data = { NULL, reviewer_ids, n_reviewers };
  g_autoptr(McDesign) shadow = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);
  g_return_val_if_fail (reviewer_ids != NULL || n_reviewers == 0, FALSE);

  if (!mc_workflow_check (self, design, MC_ACTION_ASSIGN_REVIEWERS, error))
    return FALSE;
  if (n_reviewers == 0)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("Choose at least one reviewer"));
      return FALSE;
    }
  shadow = _mc_workflow_shadow (design);
  data.design = shadow;
  if (!_mc_workflow_run (self, assign_cb, &data, error))
    return FALSE;
  _mc_workflow_apply (design, shadow);
  return TRUE;
}

/* The reviewer's work */

static gboolean
check_own_open_review (McWorkflow  *self,
                       McReview    *review,
                       McDesign   **design_out,
                       GError     **error)
{
  g_autoptr(McDesign) design = mc_store_load_design (self->store, review->design_id, error);

  if (design == NULL)
    return FALSE;
  /* The design's state first, then the person, as mc_workflow_check() does. */
  if (mc_design_get_state (design) != MC_DESIGN_STATE_IN_REVIEW &&
      mc_design_get_state (design) != MC_DESIGN_STATE_MODIFICATION_REVIEW)
    {
      _mc_workflow_set_wrong_state_error (design, MC_ACTION_SUBMIT_REVIEW, error);
      return FALSE;
    }
  if (review->reviewer_id != _mc_workflow_actor_id (self))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                   _("This review of “%s” is assigned to someone else"),
                   _mc_workflow_design_title (design));
      return FALSE;
    }
  if (review->state == MC_REVIEW_STATE_COMPLETED || review->state == MC_REVIEW_STATE_WITHDRAWN ||
      review->revision_number != mc_design_get_revision_number (design))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("This review of “%s” is closed: it is %s and the design is %s"),
                   _mc_workflow_design_title (design),
                   mc_enum_label (MC_TYPE_REVIEW_STATE, review->state),
                   mc_enum_label (MC_TYPE_DESIGN_STATE, mc_design_get_state (design)));
      return FALSE;
    }
  if (!check_text (review->summary, FALSE, MAX_TEXT_LENGTH, _("The summary"), error))
    return FALSE;
  for (guint i = 0; i < review->answers->len; i++)
    if (!check_text (((McAnswer *) g_ptr_array_index (review->answers, i))->text, FALSE,
                     MAX_TEXT_LENGTH, _("An answer"), error))
      return FALSE;
  if (design_out != NULL)
    *design_out = g_steal_pointer (&design);
  return TRUE;
}

gboolean
mc_workflow_save_review (McWorkflow  *self,
                         McReview    *review,
                         GError     **error)
{
  g_autoptr(McReview) copy = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  if (!check_own_open_review (self, review, NULL, error))
    return FALSE;
  copy = mc_review_copy (review);
  copy->state = MC_REVIEW_STATE_IN_PROGRESS;
  if (!_mc_store_update_review (self->store, copy, error))
    return FALSE;
  review->state = copy->state;
  review->version = copy->version;
  return TRUE;
}

typedef struct {
  McReview *review;
  McDesign *design;
} CompleteData;

static gboolean
complete_cb (McWorkflow  *self,
             gpointer     user_data,
             GError     **error)
{
  CompleteData *data = user_data;
  McEvent *event = _mc_workflow_event (self, MC_ACTION_SUBMIT_REVIEW, data->design);
  g_autoptr(JsonBuilder) details = json_builder_new ();

  if (!_mc_store_update_review (self->store, data->review, error))
    {
      mc_event_free (event);
      return FALSE;
    }
  json_builder_begin_object (details);
  json_builder_set_member_name (details, "review");
  json_builder_add_int_value (details, data->review->id);
  json_builder_set_member_name (details, "revision");
  json_builder_add_int_value (details, data->review->revision_number);
  json_builder_set_member_name (details, "recommendation");
  json_builder_add_string_value (details, mc_enum_to_nick (MC_TYPE_OUTCOME_KIND,
                                                           data->review->recommendation));
  return _mc_workflow_record (self, event, details, error);
}

/* Every required criterion answered, and nothing but the template's. */
gboolean
_mc_workflow_check_answers (McTemplate  *template_,
                            GPtrArray   *answers,
                            GError     **error)
{
  for (guint i = 0; i < answers->len; i++)
    {
      McAnswer *answer = g_ptr_array_index (answers, i);

      if (mc_template_find_criterion (template_, answer->criterion_id, NULL) == NULL)
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                       _("“%s” is not a criterion of the template “%s”"),
                       answer->criterion_id, mc_template_get_title (template_));
          return FALSE;
        }
    }
  for (guint i = 0; i < mc_template_get_n_criteria (template_); i++)
    {
      const McCriterion *criterion = mc_template_get_criterion (template_, i);
      McAnswer *answer = mc_answers_find (answers, criterion->id);
      g_autofree char *text = NULL;
      gboolean answered;

      if (!criterion->required)
        continue;
      text = g_strstrip (g_strdup (answer != NULL ? answer->text : ""));
      answered = criterion->answer == MC_ANSWER_KIND_RATING
                 ? answer != NULL && answer->rating != MC_RATING_UNSET
                 : *text != '\0';
      if (!answered)
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                       _("“%s” is not answered yet"), mc_criterion_get_title (criterion));
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
mc_workflow_complete_review (McWorkflow  *self,
                             McReview    *review,
                             GError     **error)
{
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autoptr(McReview) copy = NULL;
  CompleteData data = { NULL, NULL };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  if (!check_own_open_review (self, review, &design, error))
    return FALSE;
  template_ = mc_store_load_template (self->store, review->template_id, error);
  if (template_ == NULL || !_mc_workflow_check_answers (template_, review->answers, error))
    return FALSE;
  if (review->recommendation == MC_OUTCOME_UNSET)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                   _("Choose a recommendation before completing the review"));
      return FALSE;
    }

  copy = mc_review_copy (review);
  copy->state = MC_REVIEW_STATE_COMPLETED;
  copy->completed_at = g_get_real_time () / G_USEC_PER_SEC;
  data.review = copy;
  data.design = design;
  if (!_mc_workflow_run (self, complete_cb, &data, error))
    return FALSE;
  review->state = copy->state;
  review->completed_at = copy->completed_at;
  review->version = copy->version;
  return TRUE;
}

/* Comments */

/* @content: the revision the comment is about. */
static gboolean
check_anchor (McDesign    *design,
              McRevision  *content,
              McComment   *comment,
              GError     **error)
{
  const McField *field = NULL;

  /* -1 stands for no item; the design as a whole and plain fields have none. */
  if (comment->item_index < -1)
    goto invalid;
  if (comment->field_id != NULL && (field = mc_field_lookup (comment->field_id)) == NULL)
    goto invalid;
  if (field == NULL || field->kind != MC_FIELD_LIST)
    {
      if (comment->item_index == -1 && comment->item_field == NULL)
        return TRUE;
      goto invalid;
    }
  if (comment->item_index >= 0 &&
      (guint) comment->item_index >= g_list_model_get_n_items (
        G_LIST_MODEL (mc_revision_get_list (content, comment->field_id))))
    goto invalid;
  if (comment->item_field != NULL &&
      (comment->item_index < 0 || mc_item_field_lookup (comment->field_id, comment->item_field) == NULL))
    goto invalid;
  return TRUE;

invalid:
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
               _("The comment points at a field that “%s” does not have"),
               _mc_workflow_design_title (design));
  return FALSE;
}

typedef struct {
  McComment *comment;
  McDesign  *design;
  McAction   action;
} CommentData;

static gboolean
comment_cb (McWorkflow  *self,
            gpointer     user_data,
            GError     **error)
{
  CommentData *data = user_data;
  McEvent *event = _mc_workflow_event (self, data->action, data->design);
  g_autoptr(JsonBuilder) details = json_builder_new ();
  gboolean ok;

  ok = data->action == MC_ACTION_COMMENT
       ? _mc_store_insert_comment (self->store, data->comment, error)
       : _mc_store_resolve_comment (self->store, data->comment->id, _mc_workflow_actor_id (self),
                                    data->comment->resolved_at, error);
  if (!ok)
    {
      mc_event_free (event);
      return FALSE;
    }
  json_builder_begin_object (details);
  json_builder_set_member_name (details, "comment");
  json_builder_add_int_value (details, data->comment->id);
  json_builder_set_member_name (details, "revision");
  json_builder_add_int_value (details, data->comment->revision_number);
  if (data->comment->field_id != NULL)
    {
      json_builder_set_member_name (details, "field");
      json_builder_add_string_value (details, data->comment->field_id);
      json_builder_set_member_name (details, "item");
      json_builder_add_int_value (details, data->comment->item_index);
    }
  return _mc_workflow_record (self, event, details, error);
}

gboolean
mc_workflow_add_comment (McWorkflow  *self,
                         McComment   *comment,
                         GError     **error)
{
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McComment) copy = NULL;
  CommentData data = { NULL, NULL, MC_ACTION_COMMENT };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (comment != NULL, FALSE);

  design = mc_store_load_design (self->store, comment->design_id, error);
  if (design == NULL ||
      !_mc_workflow_check_review_action (self, design, MC_ACTION_COMMENT, error) ||
      !check_text (comment->text, TRUE, MAX_TEXT_LENGTH, _("The comment"), error))
    return FALSE;

  copy = mc_comment_copy (comment);
  if (copy->parent_id != 0)
    {
      g_autoptr(McComment) parent = mc_store_load_comment (self->store, copy->parent_id, error);

      if (parent == NULL)
        return FALSE;
      if (parent->design_id != copy->design_id)
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                       _("A reply must answer a comment on the same design"));
          return FALSE;
        }
      /* A reply shares its thread's anchor and revision. */
      copy->revision_number = parent->revision_number;
      copy->review_id = parent->review_id;
      g_free (copy->field_id);
      copy->field_id = g_strdup (parent->field_id);
      copy->item_index = parent->item_index;
      g_free (copy->item_field);
      copy->item_field = g_strdup (parent->item_field);
      copy->parent_id = parent->parent_id != 0 ? parent->parent_id : parent->id;
    }
  else
    {
      g_autoptr(McRevision) content = NULL;
      g_autoptr(GError) local_error = NULL;

      if (_mc_workflow_is_owner (self, design))
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                       _("The author answers the reviewers’ comments; reply to a comment instead"));
          return FALSE;
        }
      if (copy->revision_number == 0)
        copy->revision_number = mc_design_get_revision_number (design);
      /* An earlier revision may be commented on, one that does not exist not. */
      content = mc_store_load_revision (self->store, copy->design_id, copy->revision_number, &local_error);
      if (content == NULL)
        {
          if (!g_error_matches (local_error, MC_STORE_ERROR, MC_STORE_ERROR_NOT_FOUND))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                         _("“%s” has no revision %u to comment on"),
                         _mc_workflow_design_title (design), copy->revision_number);
          return FALSE;
        }
      if (!check_anchor (design, content, copy, error))
        return FALSE;
    }
  copy->author_id = _mc_workflow_actor_id (self);
  copy->created = g_get_real_time () / G_USEC_PER_SEC;
  data.comment = copy;
  data.design = design;
  if (!_mc_workflow_run (self, comment_cb, &data, error))
    return FALSE;

  comment->id = copy->id;
  comment->author_id = copy->author_id;
  comment->created = copy->created;
  comment->revision_number = copy->revision_number;
  comment->parent_id = copy->parent_id;
  return TRUE;
}

gboolean
mc_workflow_resolve_comment (McWorkflow  *self,
                             gint64       comment_id,
                             GError     **error)
{
  g_autoptr(McComment) comment = NULL;
  g_autoptr(McDesign) design = NULL;
  CommentData data = { NULL, NULL, MC_ACTION_RESOLVE_COMMENT };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  comment = mc_store_load_comment (self->store, comment_id, error);
  if (comment == NULL)
    return FALSE;
  design = mc_store_load_design (self->store, comment->design_id, error);
  if (design == NULL ||
      !_mc_workflow_check_review_action (self, design, MC_ACTION_RESOLVE_COMMENT, error))
    return FALSE;
  if (comment->parent_id != 0)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("Resolve the comment that starts the thread, not a reply"));
      return FALSE;
    }
  if (comment->resolved)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("This comment is already resolved"));
      return FALSE;
    }
  comment->resolved_at = g_get_real_time () / G_USEC_PER_SEC;
  data.comment = comment;
  data.design = design;
  return _mc_workflow_run (self, comment_cb, &data, error);
}
