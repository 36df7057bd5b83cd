/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-workflow-private.h"

/* The committee's decision, recorded by the QA chair, and the conditions
 * the author meets afterwards. */

static gboolean
check_decision (McWorkflow  *self,
                McDesign    *design,
                McDecision  *decision,
                GError     **error)
{
  gboolean modification = mc_design_get_state (design) == MC_DESIGN_STATE_MODIFICATION_REVIEW;
  g_autofree char *reference = g_strstrip (g_strdup (decision->reference != NULL ? decision->reference : ""));

  if (decision->outcome == MC_OUTCOME_UNSET ||
      (modification && decision->outcome == MC_OUTCOME_APPROVE_WITH_CONDITIONS))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   modification ? _("Choose approve, request changes or reject for a modification")
                                : _("Choose the committee’s decision"));
      return FALSE;
    }
  if (!_mc_workflow_is_date (decision->meeting_date))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The meeting date “%s” is not a date like 2026-03-14"),
                   decision->meeting_date != NULL ? decision->meeting_date : "");
      return FALSE;
    }
  if (g_strcmp0 (decision->meeting_date, mc_workflow_get_today (self)) > 0)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The meeting of %s has not taken place yet"), decision->meeting_date);
      return FALSE;
    }
  if (*reference == '\0' || !g_utf8_validate (reference, -1, NULL) ||
      g_utf8_strlen (reference, -1) > 200 || strchr (reference, '\n') != NULL)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("Give the reference of the meeting’s minutes (one line, up to 200 characters)"));
      return FALSE;
    }
  if (decision->comment != NULL &&
      (!g_utf8_validate (decision->comment, -1, NULL) || g_utf8_strlen (decision->comment, -1) > 20000))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The comment is not valid text of up to 20,000 characters"));
      return FALSE;
    }
  if ((decision->outcome == MC_OUTCOME_APPROVE_WITH_CONDITIONS) != (decision->conditions->len > 0))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   decision->conditions->len > 0
                   ? _("Conditions go with an approval with conditions only")
                   : _("An approval with conditions needs at least one condition"));
      return FALSE;
    }
  for (guint i = 0; i < decision->conditions->len; i++)
    {
      McDecisionCondition *condition = g_ptr_array_index (decision->conditions, i);
      g_autofree char *text = g_strstrip (g_strdup (condition->text != NULL ? condition->text : ""));

      if (*text == '\0' || !g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > 2000)
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                       _("Condition %u is empty or longer than 2,000 characters"), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

typedef struct {
  McDesign   *design;
  McDecision *decision;
} DecideData;

static gboolean
decide_cb (McWorkflow  *self,
           gpointer     user_data,
           GError     **error)
{
  DecideData *data = user_data;
  McDesign *design = data->design;
  McDecision *decision = data->decision;
  McEvent *event = _mc_workflow_event (self, MC_ACTION_DECIDE, design);
  g_autoptr(JsonBuilder) details = json_builder_new ();
  gboolean modification = mc_design_get_state (design) == MC_DESIGN_STATE_MODIFICATION_REVIEW;
  guint revision = mc_design_get_revision_number (design);
  guint approved = mc_design_get_approved_revision (design);
  const char *approved_on = mc_design_get_approved_on (design);
  McDesignState to;

  decision->design_id = mc_design_get_id (design);
  decision->revision_number = revision;
  decision->decided_by = _mc_workflow_actor_id (self);
  decision->created = g_get_real_time () / G_USEC_PER_SEC;
  /* Reviews still open when the committee decides are closed with it. */
  if (!_mc_store_insert_decision (self->store, decision, error) ||
      !_mc_workflow_withdraw_open_reviews (self, design, revision, error))
    goto failed;

  switch (decision->outcome)
    {
    case MC_OUTCOME_APPROVE:
    case MC_OUTCOME_APPROVE_WITH_CONDITIONS:
      to = modification ? MC_DESIGN_STATE_ACTIVE : MC_DESIGN_STATE_APPROVED;
      approved = revision;
      if (!modification)
        approved_on = decision->meeting_date;
      break;
    case MC_OUTCOME_REQUEST_CHANGES:
      if (modification)
        {
          /* The modification goes back to its author in a new revision. */
          if (!_mc_store_copy_revision (self->store, mc_design_get_id (design), revision,
                                        &revision, error))
            goto failed;
        }
      to = modification ? MC_DESIGN_STATE_MODIFYING : MC_DESIGN_STATE_CHANGES_REQUESTED;
      break;
    case MC_OUTCOME_REJECT:
    case MC_OUTCOME_UNSET:
    default:
      /* A rejected modification leaves the approved revision in force. */
      to = modification ? MC_DESIGN_STATE_ACTIVE : MC_DESIGN_STATE_REJECTED;
      if (modification)
        revision = approved;
      break;
    }
  if (!_mc_store_set_design_state (self->store, design, to, revision, approved, approved_on,
                                   mc_design_get_review_due (design), error))
    goto failed;

  event->to_state = (int) to;
  g_free (event->comment);
  event->comment = g_strdup (decision->comment != NULL ? decision->comment : "");
  json_builder_begin_object (details);
  json_builder_set_member_name (details, "decision");
  json_builder_add_int_value (details, decision->id);
  json_builder_set_member_name (details, "revision");
  json_builder_add_int_value (details, decision->revision_number);
  json_builder_set_member_name (details, "outcome");
  json_builder_add_string_value (details, mc_enum_to_nick (MC_TYPE_OUTCOME_KIND, decision->outcome));
  json_builder_set_member_name (details, "meeting_date");
  json_builder_add_string_value (details, decision->meeting_date);
  json_builder_set_member_name (details, "reference");
  json_builder_add_string_value (details, decision->reference);
  json_builder_set_member_name (details, "conditions");
  json_builder_begin_array (details);
  for (guint i = 0; i < decision->conditions->len; i++)
    json_builder_add_string_value (details,
                                   ((McDecisionCondition *) g_ptr_array_index (decision->conditions, i))->text);
  json_builder_end_array (details);
  return _mc_workflow_record (self, event, details, error);

failed:
  mc_event_free (event);
  return FALSE;
}

gboolean
mc_workflow_decide (McWorkflow  *self,
                    McDesign    *design,
                    McDecision  *decision,
                    GError     **error)
{
  g_autoptr(McDesign) shadow = NULL;
  g_autoptr(McDecision) copy = NULL;
  DecideData data;

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);
  g_return_val_if_fail (decision != NULL, FALSE);

  if (!mc_workflow_check (self, design, MC_ACTION_DECIDE, error) ||
      !check_decision (self, design, decision, error))
    return FALSE;

  shadow = _mc_workflow_shadow (design);
  copy = mc_decision_copy (decision);
  data.design = shadow;
  data.decision = copy;
  if (!_mc_workflow_run (self, decide_cb, &data, error))
    return FALSE;

  _mc_workflow_apply (design, shadow);
  decision->id = copy->id;
  decision->design_id = copy->design_id;
  decision->revision_number = copy->revision_number;
  decision->decided_by = copy->decided_by;
  decision->created = copy->created;
  for (guint i = 0; i < decision->conditions->len; i++)
    ((McDecisionCondition *) g_ptr_array_index (decision->conditions, i))->id =
      ((McDecisionCondition *) g_ptr_array_index (copy->conditions, i))->id;
  return TRUE;
}

typedef struct {
  McDesign   *design;
  gint64      condition_id;
  const char *evidence;
} ConditionData;

static gboolean
meet_condition_cb (McWorkflow  *self,
                   gpointer     user_data,
                   GError     **error)
{
  ConditionData *data = user_data;
  McDesign *design = data->design;
  g_autoptr(GPtrArray) decisions = mc_store_list_decisions (self->store, mc_design_get_id (design), error);
  McDecision *last;
  McDecisionCondition *condition = NULL;
  McEvent *event;
  g_autoptr(JsonBuilder) details = json_builder_new ();

  if (decisions == NULL)
    return FALSE;
  last = decisions->len > 0 ? g_ptr_array_index (decisions, decisions->len - 1) : NULL;
  for (guint i = 0; last != NULL && i < last->conditions->len; i++)
    if (((McDecisionCondition *) g_ptr_array_index (last->conditions, i))->id == data->condition_id)
      condition = g_ptr_array_index (last->conditions, i);
  if (condition == NULL)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("This condition is not one of the conditions of “%s”’s approval"),
                   _mc_workflow_design_title (design));
      return FALSE;
    }
  if (!_mc_store_meet_condition (self->store, data->condition_id, _mc_workflow_actor_id (self),
                                 data->evidence, g_get_real_time () / G_USEC_PER_SEC, error))
    return FALSE;

  event = _mc_workflow_event (self, MC_ACTION_MEET_CONDITION, design);
  g_free (event->comment);
  event->comment = g_strdup (data->evidence != NULL ? data->evidence : "");
  json_builder_begin_object (details);
  json_builder_set_member_name (details, "condition");
  json_builder_add_string_value (details, condition->text);
  /* Bumps the design's version: a second window learns of the change. */
  if (!_mc_store_set_design_state (self->store, design, mc_design_get_state (design),
                                   mc_design_get_revision_number (design),
                                   mc_design_get_approved_revision (design),
                                   mc_design_get_approved_on (design),
                                   mc_design_get_review_due (design), error))
    {
      mc_event_free (event);
      return FALSE;
    }
  return _mc_workflow_record (self, event, details, error);
}

gboolean
mc_workflow_meet_condition (McWorkflow  *self,
                            McDesign    *design,
                            gint64       condition_id,
                            const char  *evidence,
                            GError     **error)
{
  g_autoptr(McDesign) shadow = NULL;
  ConditionData data = { NULL, condition_id, evidence };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);

  if (!mc_workflow_check (self, design, MC_ACTION_MEET_CONDITION, error))
    return FALSE;
  if (evidence != NULL && (!g_utf8_validate (evidence, -1, NULL) || g_utf8_strlen (evidence, -1) > 2000))
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The evidence is not valid text of up to 2,000 characters"));
      return FALSE;
    }
  shadow = _mc_workflow_shadow (design);
  data.design = shadow;
  if (!_mc_workflow_run (self, meet_condition_cb, &data, error))
    return FALSE;
  _mc_workflow_apply (design, shadow);
  return TRUE;
}
