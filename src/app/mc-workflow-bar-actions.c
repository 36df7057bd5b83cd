/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What each button of the workflow bar does: the call to McWorkflow,
 * after a confirmation for what cannot be undone, or through the dialogs
 * that collect what the call needs. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-assign-reviewers-dialog.h"
#include "mc-decision-dialog.h"
#include "mc-workflow-bar-private.h"

static const struct {
  McAction    action;
  const char *label;
  const char *tooltip;
  const char *done;
  gboolean    suggested;
} action_table[] = {
  { MC_ACTION_SUBMIT, N_("Submit"),
    N_("Send this design to the QA committee; this version is frozen"),
    N_("Submitted for review"), TRUE },
  { MC_ACTION_SUBMIT_MODIFICATION, N_("Submit Modification"),
    N_("Send the modified design to the QA committee; the approved version stays in force meanwhile"),
    N_("Modification submitted for review"), TRUE },
  { MC_ACTION_REVISE, N_("Revise"),
    N_("Start a new draft revision that answers the committee’s requests"),
    N_("A new draft revision was started"), TRUE },
  { MC_ACTION_DECIDE, N_("Record Decision…"),
    N_("Record the committee’s decision on this design"),
    N_("Decision recorded"), TRUE },
  { MC_ACTION_ASSIGN_REVIEWERS, N_("Assign Reviewers…"),
    N_("Choose who reviews this design"),
    N_("Reviewers assigned"), TRUE },
  { MC_ACTION_MEET_CONDITION, N_("Meet Condition…"),
    N_("Record that a condition of the approval is met"),
    N_("Condition recorded as met"), FALSE },
  { MC_ACTION_ACTIVATE, N_("Activate"),
    N_("Make the approved design available for offerings"),
    N_("Design activated"), TRUE },
  { MC_ACTION_REINSTATE, N_("Reinstate…"),
    N_("Make the suspended design active again"),
    N_("Design reinstated"), TRUE },
  { MC_ACTION_START_MODIFICATION, N_("Start Modification"),
    N_("Draft a minor modification; the approved version stays in force until the change is approved"),
    N_("Modification started"), FALSE },
  { MC_ACTION_WITHDRAW, N_("Withdraw…"),
    N_("Take the design back from review; it becomes a draft again"),
    N_("Design withdrawn"), FALSE },
  { MC_ACTION_SUSPEND, N_("Suspend…"),
    N_("Stop offering this design for now"),
    N_("Design suspended"), FALSE },
  { MC_ACTION_RETIRE, N_("Retire…"),
    N_("Stop offering this design for good"),
    N_("Design retired"), FALSE },
};

static guint
table_index (McAction action)
{
  for (guint i = 0; i < G_N_ELEMENTS (action_table); i++)
    if (action_table[i].action == action)
      return i;
  g_return_val_if_reached (0);
}

const McAction *
_mc_workflow_bar_actions (guint *n_actions)
{
  static McAction actions[G_N_ELEMENTS (action_table)];

  for (guint i = 0; i < G_N_ELEMENTS (action_table); i++)
    actions[i] = action_table[i].action;
  *n_actions = G_N_ELEMENTS (action_table);
  return actions;
}

const char *
_mc_workflow_action_label (McAction action)
{
  return _(action_table[table_index (action)].label);
}

const char *
_mc_workflow_action_tooltip (McAction action)
{
  return _(action_table[table_index (action)].tooltip);
}

gboolean
_mc_workflow_action_suggested (McAction action)
{
  return action_table[table_index (action)].suggested;
}

static gboolean
finish (McWorkflowBar *self, McAction action, gboolean ok, GError *error)
{
  return _mc_workflow_bar_finish (self, action, ok, error,
                                  _(action_table[table_index (action)].done));
}

/* Calls the workflow for the actions that take only a comment. */
static gboolean
perform (McWorkflowBar *self, McAction action, const char *comment)
{
  GError *error = NULL;
  gboolean ok = FALSE;

  if (comment != NULL && *comment == '\0')
    comment = NULL;

  switch (action)
    {
    case MC_ACTION_SUBMIT:
      ok = mc_workflow_submit (self->workflow, self->design, comment, &error);
      break;
    case MC_ACTION_WITHDRAW:
      ok = mc_workflow_withdraw (self->workflow, self->design, comment, &error);
      break;
    case MC_ACTION_REVISE:
      ok = mc_workflow_revise (self->workflow, self->design, &error);
      break;
    default:
      ok = mc_workflow_transition (self->workflow, self->design, action, comment, &error);
      break;
    }
  return finish (self, action, ok, error);
}

/* Confirmations: what cannot be undone is asked first, with an optional
 * comment for the history. */

static const struct {
  McAction    action;
  const char *heading;
  const char *body;
  const char *response;
  gboolean    destructive;
} confirmations[] = {
  { MC_ACTION_WITHDRAW, N_("Withdraw This Design?"),
    N_("It goes back to being a draft. Reviews not yet completed are withdrawn."),
    N_("_Withdraw"), FALSE },
  { MC_ACTION_SUSPEND, N_("Suspend This Design?"),
    N_("It can no longer be offered until it is reinstated."),
    N_("_Suspend"), TRUE },
  { MC_ACTION_REINSTATE, N_("Reinstate This Design?"),
    N_("It becomes active again and can be offered."),
    N_("_Reinstate"), FALSE },
  { MC_ACTION_RETIRE, N_("Retire This Design?"),
    N_("It can never be offered again. This cannot be undone."),
    N_("_Retire"), TRUE },
};

static void
confirm_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     McWorkflowBar    *self)
{
  McAction action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "mc-action"));
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (!g_str_equal (response, "confirm"))
    return;
  if (!_mc_workflow_bar_save_pending (self))
    return;
  perform (self, action, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static GtkWindow *
parent_window (McWorkflowBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
confirm (McWorkflowBar *self, guint index)
{
  AdwMessageDialog *dialog;
  GtkWidget *entry = gtk_entry_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                       _(confirmations[index].heading),
                                                       _(confirmations[index].body)));
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Comment for the history (optional)"));
  gtk_entry_set_max_length (GTK_ENTRY (entry), 2000);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), !confirmations[index].destructive);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comment for the history"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "confirm", _(confirmations[index].response));
  adw_message_dialog_set_response_appearance (dialog, "confirm",
                                              confirmations[index].destructive
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  /* Enter never confirms what cannot be undone. */
  adw_message_dialog_set_default_response (dialog, confirmations[index].destructive
                                                   ? "cancel" : "confirm");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "mc-action",
                     GINT_TO_POINTER (confirmations[index].action));
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return TRUE;
}

/* Meeting a condition: which one, and the evidence. */

static void
meet_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  McWorkflowBar    *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkWidget *entry = g_object_get_data (G_OBJECT (box), "mc-evidence");
  gint64 condition_id = 0;
  GError *error = NULL;
  gboolean ok;

  if (!g_str_equal (response, "meet"))
    return;

  for (GtkWidget *c = gtk_widget_get_first_child (box); c; c = gtk_widget_get_next_sibling (c))
    if (GTK_IS_CHECK_BUTTON (c) && gtk_check_button_get_active (GTK_CHECK_BUTTON (c)))
      condition_id = *(gint64 *) g_object_get_data (G_OBJECT (c), "mc-condition-id");

  ok = mc_workflow_meet_condition (self->workflow, self->design, condition_id,
                                   gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  finish (self, MC_ACTION_MEET_CONDITION, ok, error);
}

static McDecision *
latest_decision (McWorkflowBar *self, GError **error)
{
  g_autoptr(GPtrArray) decisions = NULL;

  decisions = mc_store_list_decisions (mc_workflow_get_store (self->workflow),
                                       mc_design_get_id (self->design), error);
  if (decisions == NULL)
    return NULL;
  for (guint i = decisions->len; i > 0; i--)
    {
      McDecision *decision = g_ptr_array_index (decisions, i - 1);

      if (decision->conditions != NULL && decision->conditions->len > 0)
        return mc_decision_copy (decision);
    }
  return NULL;
}

static gboolean
meet_condition (McWorkflowBar *self)
{
  g_autoptr(McDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *box, *entry, *label;
  GtkCheckButton *group = NULL;
  guint n = 0;

  decision = latest_decision (self, &error);
  if (decision == NULL)
    {
      _mc_workflow_bar_show_message (self, error ? error->message
                                                 : _("This approval has no conditions to meet."),
                                     MESSAGE_BUTTON_NONE);
      return FALSE;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  for (guint i = 0; i < decision->conditions->len; i++)
    {
      McDecisionCondition *condition = g_ptr_array_index (decision->conditions, i);
      GtkWidget *check, *text;

      if (condition->met)
        continue;
      check = gtk_check_button_new ();
      text = gtk_label_new (condition->text);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_check_button_set_child (GTK_CHECK_BUTTON (check), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      condition->text, -1);
      g_object_set_data_full (G_OBJECT (check), "mc-condition-id",
                              g_memdup2 (&condition->id, sizeof condition->id), g_free);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        {
          group = GTK_CHECK_BUTTON (check);
          gtk_check_button_set_active (group, TRUE);
        }
      gtk_box_append (GTK_BOX (box), check);
      n++;
    }
  if (n == 0)
    {
      g_object_ref_sink (box);
      g_object_unref (box);
      _mc_workflow_bar_show_message (self, _("Every condition of this approval is met already."),
                                     MESSAGE_BUTTON_NONE);
      return FALSE;
    }

  label = gtk_label_new_with_mnemonic (_("_Evidence"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 12);
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Where it is shown, such as minutes or a document"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Evidence"), -1);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  g_object_set_data (G_OBJECT (box), "mc-evidence", entry);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent_window (self),
                                                       _("Meet a Condition"),
                                                       _("Choose the condition that is now met and "
                                                         "say how.")));
  adw_message_dialog_set_extra_child (dialog, box);
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "meet", _("_Mark as Met"));
  adw_message_dialog_set_response_appearance (dialog, "meet", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "meet");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (meet_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

/* Dialogs that do the call themselves. */

static void
dialog_done_cb (GtkWidget *dialog, McWorkflowBar *self)
{
  McAction action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "mc-action"));

  finish (self, action, TRUE, NULL);
}

static void
dialog_conflict_cb (GtkWidget *dialog, McWorkflowBar *self)
{
  _mc_workflow_bar_show_conflict (self);
}

static gboolean
open_dialog (McWorkflowBar *self, McAction action, GtkWidget *dialog)
{
  g_object_set_data (G_OBJECT (dialog), "mc-action", GINT_TO_POINTER (action));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), parent_window (self));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "done", G_CALLBACK (dialog_done_cb), self, 0);
  g_signal_connect_object (dialog, "conflict", G_CALLBACK (dialog_conflict_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

gboolean
_mc_workflow_bar_run (McWorkflowBar *self,
                      McAction       action)
{
  g_return_val_if_fail (MC_IS_WORKFLOW_BAR (self), FALSE);

  if (self->workflow == NULL || self->design == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (confirmations); i++)
    if (confirmations[i].action == action)
      return confirm (self, i);

  /* Whatever the editor still holds goes in first: a submitted revision
   * must be what the author sees. */
  if (!_mc_workflow_bar_save_pending (self))
    return FALSE;

  switch (action)
    {
    case MC_ACTION_ASSIGN_REVIEWERS:
      return open_dialog (self, action,
                          mc_assign_reviewers_dialog_new (self->workflow, self->design));
    case MC_ACTION_DECIDE:
      return open_dialog (self, action, mc_decision_dialog_new (self->workflow, self->design));
    case MC_ACTION_MEET_CONDITION:
      return meet_condition (self);
    case MC_ACTION_SUBMIT:
    case MC_ACTION_SUBMIT_MODIFICATION:
    case MC_ACTION_REVISE:
    case MC_ACTION_ACTIVATE:
    case MC_ACTION_START_MODIFICATION:
      return perform (self, action, NULL);
    default:
      g_return_val_if_reached (FALSE);
    }
}
