/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-annual-review-dialog.h"
#include "mc-autosave.h"
#include "mc-date-format.h"

struct _McAnnualReviewDialog
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkWidget       *complete_button;
  GtkLabel        *status_label;
  AdwToastOverlay *toast_overlay;
  GtkLabel        *intro_label;
  McTemplateForm  *form;
  GtkWidget       *actions_box;
  GtkTextView     *actions_view;
  GtkListBox      *outcome_list;
  GtkWidget       *error_box;
  GtkLabel        *error_label;

  GtkWidget       *outcome_checks[4];   /* by McAnnualOutcome; [UNSET] unused */

  McWorkflow      *workflow;
  McDesign        *design;
  McAnnualReview  *review;
  McAutosave      *autosave;
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (McAnnualReviewDialog, mc_annual_review_dialog, ADW_TYPE_WINDOW)

enum {
  SIGNAL_COMPLETED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  McAnnualOutcome outcome;
  const char     *explanation;
} outcomes[] = {
  { MC_ANNUAL_OUTCOME_CONTINUE,
    N_("The design stays active as approved; the next yearly review falls due in a year.") },
  { MC_ANNUAL_OUTCOME_MODIFY,
    N_("You draft a minor modification, which is reviewed again. The approved revision stays "
       "in force meanwhile.") },
  { MC_ANNUAL_OUTCOME_RETIRE,
    N_("The design is retired and can no longer be offered. Credentials already issued stay valid.") },
};

static void
show_refusal (McAnnualReviewDialog *self, const char *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

static McAnnualOutcome
selected_outcome (McAnnualReviewDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (self->outcome_checks[outcomes[i].outcome])))
      return outcomes[i].outcome;
  return MC_ANNUAL_OUTCOME_UNSET;
}

/* A yearly template that asks for the actions itself (the built-in one
 * does) answers the review's actions: no need to ask twice. */
#define ACTIONS_CRITERION "actions"

static gboolean
template_asks_actions (McAnnualReviewDialog *self)
{
  McTemplate *template_ = mc_template_form_get_template (self->form);
  const McCriterion *criterion = template_
                                 ? mc_template_find_criterion (template_, ACTIONS_CRITERION, NULL)
                                 : NULL;

  return criterion != NULL && criterion->answer == MC_ANSWER_KIND_TEXT;
}

static void
take_form (McAnnualReviewDialog *self)
{
  GPtrArray *answers = mc_template_form_get_answers (self->form);
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_answer_free);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->actions_view);
  GtkTextIter start, end;

  for (guint i = 0; i < answers->len; i++)
    g_ptr_array_add (copy, mc_answer_copy (g_ptr_array_index (answers, i)));
  g_clear_pointer (&self->review->answers, g_ptr_array_unref);
  self->review->answers = copy;
  g_free (self->review->actions);
  if (template_asks_actions (self))
    {
      McAnswer *answer = mc_answers_find (copy, ACTIONS_CRITERION);

      self->review->actions = g_strdup (answer ? answer->text : NULL);
    }
  else
    {
      gtk_text_buffer_get_bounds (buffer, &start, &end);
      self->review->actions = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
    }
  self->review->outcome = selected_outcome (self);
}

static gboolean
save_cb (gpointer owner, GError **error)
{
  McAnnualReviewDialog *self = owner;

  if (self->review->state == MC_REVIEW_STATE_COMPLETED)
    return TRUE;
  take_form (self);
  return mc_workflow_save_annual_review (self->workflow, self->review, error);
}

gboolean
mc_annual_review_dialog_save (McAnnualReviewDialog *self, GError **error)
{
  g_return_val_if_fail (MC_IS_ANNUAL_REVIEW_DIALOG (self), FALSE);

  return mc_autosave_flush (self->autosave, error);
}

static void
edited_cb (McAnnualReviewDialog *self)
{
  if (self->loading)
    return;
  show_refusal (self, NULL);
  mc_autosave_changed (self->autosave);
}

static void
outcome_toggled_cb (GtkCheckButton *check, McAnnualReviewDialog *self)
{
  if (gtk_check_button_get_active (check))
    edited_cb (self);
}

/* Showing the review */

static void
show_review (McAnnualReviewDialog *self)
{
  g_autoptr(McTemplate) template_ = NULL;
  g_autoptr(GError) error = NULL;
  McStore *store = mc_workflow_get_store (self->workflow);
  g_autofree char *due = mc_format_iso_date (self->review->due_on,
                                             mc_workflow_get_today (self->workflow));
  g_autofree char *intro = NULL;
  const char *title = mc_revision_get_title (mc_design_get_content (self->design));

  self->loading = TRUE;
  adw_window_title_set_subtitle (self->window_title, title && *title ? title : _("Untitled Design"));
  if (self->review->template_id != 0)
    template_ = mc_store_load_template (store, self->review->template_id, &error);
  else
    template_ = mc_store_current_template (store, MC_TEMPLATE_KIND_ANNUAL, &error);
  if (template_ == NULL)
    show_refusal (self, error->message);
  mc_template_form_set_template (self->form, template_);
  mc_template_form_set_answers (self->form, self->review->answers);
  gtk_widget_set_visible (self->actions_box, !template_asks_actions (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->actions_view),
                            self->review->actions ? self->review->actions : "", -1);
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->outcome_checks[outcomes[i].outcome]),
                                 self->review->outcome == outcomes[i].outcome);
  self->loading = FALSE;

  /* Translators: a date, then a revision number */
  intro = g_strdup_printf (_("Due on %s, for revision %u, the one in force. Your answers are "
                             "saved as you go; complete the review when every required "
                             "question is answered and the outcome is chosen."),
                           due ? due : self->review->due_on, self->review->revision_number);
  gtk_label_set_label (self->intro_label, intro);
  mc_autosave_reset (self->autosave, self->review->id != 0);
}

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  McAnnualReviewDialog *self = MC_ANNUAL_REVIEW_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  McAnnualReview *fresh = mc_workflow_open_annual_review (self->workflow, self->design, &error);

  if (fresh == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  mc_annual_review_free (self->review);
  self->review = fresh;
  show_review (self);
}

/* Completing */

gboolean
mc_annual_review_dialog_complete (McAnnualReviewDialog *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(McAnnualReview) backup = NULL;

  g_return_val_if_fail (MC_IS_ANNUAL_REVIEW_DIALOG (self), FALSE);

  if (!mc_annual_review_dialog_save (self, &local_error))
    {
      show_refusal (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  take_form (self);
  backup = mc_annual_review_copy (self->review);
  if (!mc_workflow_complete_annual_review (self->workflow, self->design, self->review, &local_error))
    {
      mc_annual_review_free (self->review);
      self->review = g_steal_pointer (&backup);
      show_refusal (self, local_error->message);
      if (mc_template_form_show_missing (self->form) == 0 &&
          selected_outcome (self) == MC_ANNUAL_OUTCOME_UNSET)
        gtk_widget_grab_focus (self->outcome_checks[MC_ANNUAL_OUTCOME_CONTINUE]);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  mc_autosave_reset (self->autosave, TRUE);
  g_signal_emit (self, signals[SIGNAL_COMPLETED], 0);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

static void
confirm_response_cb (AdwMessageDialog *dialog, const char *response, McAnnualReviewDialog *self)
{
  if (g_strcmp0 (response, "complete") == 0)
    mc_annual_review_dialog_complete (self, NULL);
}

static void
complete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  McAnnualReviewDialog *self = MC_ANNUAL_REVIEW_DIALOG (widget);
  McAnnualOutcome outcome = selected_outcome (self);
  const char *heading, *body, *button;
  GtkWidget *dialog;

  /* Continuing changes nothing about the design; anything missing is
   * for the workflow to name. */
  if (outcome != MC_ANNUAL_OUTCOME_MODIFY && outcome != MC_ANNUAL_OUTCOME_RETIRE)
    {
      mc_annual_review_dialog_complete (self, NULL);
      return;
    }

  if (outcome == MC_ANNUAL_OUTCOME_MODIFY)
    {
      heading = _("Start a Modification?");
      body = _("Completing the review starts a minor modification of this design: you draft "
               "the changes, and they are reviewed before they take effect. The approved "
               "revision stays in force meanwhile.");
      button = _("_Complete and Modify");
    }
  else
    {
      heading = _("Retire This Design?");
      body = _("Completing the review retires this design: it can no longer be offered, and "
               "this cannot be undone. Credentials already issued stay valid.");
      button = _("_Complete and Retire");
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "complete", button,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "complete",
                                              outcome == MC_ANNUAL_OUTCOME_RETIRE
                                              ? ADW_RESPONSE_DESTRUCTIVE : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static gboolean
mc_annual_review_dialog_close_request (GtkWindow *window)
{
  McAnnualReviewDialog *self = MC_ANNUAL_REVIEW_DIALOG (window);

  /* Whatever was typed is kept for next time. */
  if (!mc_autosave_get_conflict (self->autosave))
    mc_annual_review_dialog_save (self, NULL);
  return GTK_WINDOW_CLASS (mc_annual_review_dialog_parent_class)->close_request (window);
}

static void
mc_annual_review_dialog_dispose (GObject *object)
{
  McAnnualReviewDialog *self = MC_ANNUAL_REVIEW_DIALOG (object);

  g_clear_pointer (&self->autosave, mc_autosave_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ANNUAL_REVIEW_DIALOG);
  g_clear_object (&self->workflow);
  g_clear_object (&self->design);
  g_clear_pointer (&self->review, mc_annual_review_free);

  G_OBJECT_CLASS (mc_annual_review_dialog_parent_class)->dispose (object);
}

static void
mc_annual_review_dialog_class_init (McAnnualReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = mc_annual_review_dialog_dispose;
  window_class->close_request = mc_annual_review_dialog_close_request;

  signals[SIGNAL_COMPLETED] =
    g_signal_new ("completed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (MC_TYPE_TEMPLATE_FORM);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mc-annual-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McAnnualReviewDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, McAnnualReviewDialog, complete_button);
  gtk_widget_class_bind_template_child (widget_class, McAnnualReviewDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, McAnnualReviewDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, McAnnualReviewDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, McAnnualReviewDialog, form);
  gtk_widget_class_bind_template_child (widget_class, McAnnualReviewDialog, actions_box);
  gtk_widget_class_bind_template_child (widget_class, McAnnualReviewDialog, actions_view);
  gtk_widget_class_bind_template_child (widget_class, McAnnualReviewDialog, outcome_list);
  gtk_widget_class_bind_template_child (widget_class, McAnnualReviewDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, McAnnualReviewDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, edited_cb);

  gtk_widget_class_install_action (widget_class, "annual.complete", NULL, complete_action);
  gtk_widget_class_install_action (widget_class, "annual.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_annual_review_dialog_init (McAnnualReviewDialog *self)
{
  GtkCheckButton *group = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    {
      const char *label = mc_enum_label (MC_TYPE_ANNUAL_OUTCOME, outcomes[i].outcome);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(outcomes[i].explanation));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      if (group)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(outcomes[i].explanation),
                                      -1);
      g_signal_connect_object (check, "toggled", G_CALLBACK (outcome_toggled_cb), self, 0);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (self->outcome_list, row);
      self->outcome_checks[outcomes[i].outcome] = check;
    }
  g_signal_connect_object (gtk_text_view_get_buffer (self->actions_view), "changed",
                           G_CALLBACK (edited_cb), self, G_CONNECT_SWAPPED);
  self->autosave = mc_autosave_new (self, save_cb, self->status_label, self->toast_overlay,
                                    _("This yearly review was changed meanwhile in another "
                                      "window; your last edits were not saved"),
                                    "annual.reload");
}

McAnnualReviewDialog *
mc_annual_review_dialog_new (McWorkflow *workflow, McDesign *design, GError **error)
{
  McAnnualReviewDialog *self;
  McAnnualReview *review;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (MC_IS_DESIGN (design), NULL);

  review = mc_workflow_open_annual_review (workflow, design, error);
  if (review == NULL)
    return NULL;
  self = g_object_new (MC_TYPE_ANNUAL_REVIEW_DIALOG, NULL);
  self->workflow = g_object_ref (workflow);
  self->design = g_object_ref (design);
  self->review = review;
  show_review (self);
  return self;
}

McAnnualReview *
mc_annual_review_dialog_get_review (McAnnualReviewDialog *self)
{
  g_return_val_if_fail (MC_IS_ANNUAL_REVIEW_DIALOG (self), NULL);

  return self->review;
}

McTemplateForm *
mc_annual_review_dialog_get_form (McAnnualReviewDialog *self)
{
  g_return_val_if_fail (MC_IS_ANNUAL_REVIEW_DIALOG (self), NULL);

  return self->form;
}

void
mc_annual_review_dialog_set_outcome (McAnnualReviewDialog *self, McAnnualOutcome outcome)
{
  g_return_if_fail (MC_IS_ANNUAL_REVIEW_DIALOG (self));
  g_return_if_fail ((guint) outcome < G_N_ELEMENTS (self->outcome_checks));

  if (self->outcome_checks[outcome])
    gtk_check_button_set_active (GTK_CHECK_BUTTON (self->outcome_checks[outcome]), TRUE);
}
