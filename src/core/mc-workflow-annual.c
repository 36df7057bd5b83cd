/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-template.h"
#include "mc-workflow-private.h"

/* Yearly reviews of active designs, and each person's tasks. */

#define MAX_ACTIONS_LENGTH 20000

McAnnualReview *
mc_workflow_open_annual_review (McWorkflow  *self,
                                McDesign    *design,
                                GError     **error)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  McAnnualReview *review;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);
  g_return_val_if_fail (MC_IS_DESIGN (design), NULL);

  if (!mc_workflow_check (self, design, MC_ACTION_ANNUAL_REVIEW, error))
    return NULL;
  reviews = mc_store_list_annual_reviews (self->store, mc_design_get_id (design), error);
  if (reviews == NULL)
    return NULL;
  for (guint i = 0; i < reviews->len; i++)
    {
      McAnnualReview *existing = g_ptr_array_index (reviews, i);

      if (existing->state != MC_REVIEW_STATE_COMPLETED &&
          g_strcmp0 (existing->due_on, mc_design_get_review_due (design)) == 0)
        return mc_annual_review_copy (existing);
    }

  template_ = mc_store_current_template (self->store, MC_TEMPLATE_KIND_ANNUAL, error);
  if (template_ == NULL)
    return NULL;
  review = mc_annual_review_new ();
  review->design_id = mc_design_get_id (design);
  review->revision_number = mc_design_get_approved_revision (design);
  review->due_on = g_strdup (mc_design_get_review_due (design));
  review->template_id = mc_template_get_id (template_);
  review->reviewer_id = _mc_workflow_actor_id (self);
  review->reviewer_name = g_strdup (mc_person_get_name (mc_workflow_get_actor (self)));
  return review;
}

static gboolean
check_open (McWorkflow      *self,
            McAnnualReview  *review,
            McDesign       **design_out,
            GError         **error)
{
  g_autoptr(McDesign) design = mc_store_load_design (self->store, review->design_id, error);

  if (design == NULL || !mc_workflow_check (self, design, MC_ACTION_ANNUAL_REVIEW, error))
    return FALSE;
  if (review->state == MC_REVIEW_STATE_COMPLETED ||
      g_strcmp0 (review->due_on, mc_design_get_review_due (design)) != 0)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                   _("This yearly review of “%s” is already completed"),
                   _mc_workflow_design_title (design));
      return FALSE;
    }
  if (review->actions != NULL &&
      (!g_utf8_validate (review->actions, -1, NULL) ||
       g_utf8_strlen (review->actions, -1) > MAX_ACTIONS_LENGTH))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The actions are not valid text of up to 20,000 characters"));
      return FALSE;
    }
  for (guint i = 0; i < review->answers->len; i++)
    {
      const char *text = ((McAnswer *) g_ptr_array_index (review->answers, i))->text;

      if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > MAX_ACTIONS_LENGTH)
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                       _("An answer is not valid text of up to 20,000 characters"));
          return FALSE;
        }
    }
  if (design_out != NULL)
    *design_out = g_steal_pointer (&design);
  return TRUE;
}

gboolean
mc_workflow_save_annual_review (McWorkflow      *self,
                                McAnnualReview  *review,
                                GError         **error)
{
  g_autoptr(McAnnualReview) copy = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);

  if (!check_open (self, review, NULL, error))
    return FALSE;
  copy = mc_annual_review_copy (review);
  copy->state = MC_REVIEW_STATE_IN_PROGRESS;
  copy->reviewer_id = _mc_workflow_actor_id (self);
  if (!_mc_store_save_annual_review (self->store, copy, error))
    return FALSE;
  review->id = copy->id;
  review->version = copy->version;
  review->state = copy->state;
  review->reviewer_id = copy->reviewer_id;
  return TRUE;
}

typedef struct {
  McDesign       *design;
  McAnnualReview *review;
} AnnualData;

static gboolean
complete_annual_cb (McWorkflow  *self,
                    gpointer     user_data,
                    GError     **error)
{
  AnnualData *data = user_data;
  McDesign *design = data->design;
  McAnnualReview *review = data->review;
  McEvent *event = _mc_workflow_event (self, MC_ACTION_ANNUAL_REVIEW, design);
  g_autoptr(JsonBuilder) details = json_builder_new ();
  guint months = _mc_workflow_get_uint_setting (self, MC_SETTING_REVIEW_CYCLE_MONTHS, 12);
  g_autofree char *next_due = _mc_workflow_add_months (review->due_on, months);
  guint revision = mc_design_get_revision_number (design);
  McDesignState to = mc_design_get_state (design);

  if (!_mc_store_save_annual_review (self->store, review, error))
    goto failed;
  if (review->outcome == MC_ANNUAL_OUTCOME_MODIFY)
    {
      if (!_mc_store_copy_revision (self->store, mc_design_get_id (design), revision, &revision, error))
        goto failed;
      to = MC_DESIGN_STATE_MODIFYING;
    }
  else if (review->outcome == MC_ANNUAL_OUTCOME_RETIRE)
    to = MC_DESIGN_STATE_RETIRED;

  if (!_mc_store_set_design_state (self->store, design, to, revision,
                                   mc_design_get_approved_revision (design),
                                   mc_design_get_approved_on (design),
                                   to == MC_DESIGN_STATE_RETIRED ? NULL : next_due, error))
    goto failed;

  event->to_state = (int) to;
  g_free (event->comment);
  event->comment = g_strdup (review->actions);
  json_builder_begin_object (details);
  json_builder_set_member_name (details, "annual_review");
  json_builder_add_int_value (details, review->id);
  json_builder_set_member_name (details, "due_on");
  json_builder_add_string_value (details, review->due_on);
  json_builder_set_member_name (details, "outcome");
  json_builder_add_string_value (details, mc_enum_to_nick (MC_TYPE_ANNUAL_OUTCOME, review->outcome));
  return _mc_workflow_record (self, event, details, error);

failed:
  mc_event_free (event);
  return FALSE;
}

gboolean
mc_workflow_complete_annual_review (McWorkflow      *self,
                                    McDesign        *design,
                                    McAnnualReview  *review,
                                    GError         **error)
{
  g_autoptr(McDesign) stored = NULL;
  g_autoptr(McTemplate) template_ = NULL;
  g_autoptr(McAnnualReview) copy = NULL;
  g_autoptr(McDesign) shadow = NULL;
  g_autofree char *actions = NULL;
  AnnualData data;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);
  g_return_val_if_fail (review->design_id == mc_design_get_id (design), FALSE);

  if (!check_open (self, review, &stored, error))
    return FALSE;
  template_ = mc_store_load_template (self->store, review->template_id, error);
  if (template_ == NULL || !_mc_workflow_check_answers (template_, review->answers, error))
    return FALSE;
  actions = g_strstrip (g_strdup (review->actions != NULL ? review->actions : ""));
  if (*actions == '\0')
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                   _("Write down the actions taken or proposed, or that none are needed"));
      return FALSE;
    }
  if (review->outcome == MC_ANNUAL_OUTCOME_UNSET)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY,
                   _("Choose whether the credential continues, is modified or retires"));
      return FALSE;
    }

  copy = mc_annual_review_copy (review);
  copy->state = MC_REVIEW_STATE_COMPLETED;
  copy->reviewer_id = _mc_workflow_actor_id (self);
  copy->completed_at = g_get_real_time () / G_USEC_PER_SEC;
  shadow = _mc_workflow_shadow (design);
  data.design = shadow;
  data.review = copy;
  if (!_mc_workflow_run (self, complete_annual_cb, &data, error))
    return FALSE;
  _mc_workflow_apply (design, shadow);
  review->id = copy->id;
  review->version = copy->version;
  review->state = copy->state;
  review->completed_at = copy->completed_at;
  return TRUE;
}

gboolean
mc_workflow_check_report (McWorkflow  *self,
                          gint64       unit_id,
                          GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);

  if (mc_workflow_has_role (self, MC_ROLE_ADMINISTRATOR, 0))
    return TRUE;
  return _mc_workflow_require_role (self, MC_ROLE_QA_CHAIR, unit_id, error);
}

/**
 * mc_workflow_list_tasks:
 * @self: a #McWorkflow
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type McTask): what the actor should
 *   do next, by kind and title
 */
GPtrArray *
mc_workflow_list_tasks (McWorkflow  *self,
                        GError     **error)
{
  g_autofree char *soon = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), NULL);

  /* A yearly review shows up a month before it is due. */
  soon = _mc_workflow_add_days (mc_workflow_get_today (self), 30);
  return _mc_store_list_tasks (self->store, _mc_workflow_actor_id (self), mc_workflow_get_today (self),
                               soon,
                               _mc_workflow_get_uint_setting (self, MC_SETTING_MIN_REVIEWS, 2),
                               _mc_workflow_get_uint_setting (self, MC_SETTING_MIN_MODIFICATION_REVIEWS, 1),
                               error);
}
