/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-date-format.h"
#include "mc-decision-dialog.h"

struct _McDecisionDialog
{
  McWorkflowDialog     parent_instance;

  /* template children */
  AdwWindowTitle      *window_title;
  GtkButton           *record_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesGroup *reviews_group;
  GtkListBox          *reviews_list;
  AdwComboRow         *outcome_row;
  AdwEntryRow         *date_row;
  GtkPopover          *calendar_popover;
  GtkCalendar         *calendar;
  AdwEntryRow         *reference_row;
  GtkTextView         *comment_view;
  AdwPreferencesGroup *conditions_group;
  GtkListBox          *conditions_list;

  McWorkflow          *workflow;   /* the parent's */
  McDesign            *design;     /* the parent's */
  char                *reviews_summary;
  gboolean             reject_confirmed;
  gboolean             syncing_calendar;
};

G_DEFINE_FINAL_TYPE (McDecisionDialog, mc_decision_dialog, MC_TYPE_WORKFLOW_DIALOG)

/* The outcomes a committee can decide, in the order offered. */
static const McOutcomeKind outcomes[] = {
  MC_OUTCOME_APPROVE,
  MC_OUTCOME_APPROVE_WITH_CONDITIONS,
  MC_OUTCOME_REQUEST_CHANGES,
  MC_OUTCOME_REJECT,
};

static void
show_error (McDecisionDialog *self, const char *message)
{
  _mc_workflow_dialog_show_error (MC_WORKFLOW_DIALOG (self), message);
}

/* Reviews */

/* "8 met, 2 partly met, 1 not met" */
static char *
describe_ratings (McReview *review)
{
  guint counts[4] = { 0 };

  for (guint i = 0; review->answers && i < review->answers->len; i++)
    {
      McAnswer *answer = g_ptr_array_index (review->answers, i);

      if (answer->rating > MC_RATING_UNSET && answer->rating <= MC_RATING_NOT_MET)
        counts[answer->rating]++;
    }
  if (counts[MC_RATING_MET] + counts[MC_RATING_PARTLY_MET] + counts[MC_RATING_NOT_MET] == 0)
    return NULL;
  /* Translators: how a reviewer rated the criteria of the template */
  return g_strdup_printf (_("%u met, %u partly met, %u not met"),
                          counts[MC_RATING_MET], counts[MC_RATING_PARTLY_MET],
                          counts[MC_RATING_NOT_MET]);
}

static GtkWidget *
review_row_new (McDecisionDialog *self, McReview *review)
{
  const char *name = review->reviewer_name ? review->reviewer_name : "";
  g_autofree char *subtitle = NULL;
  g_autofree char *ratings = NULL;
  GtkWidget *row;

  if (review->state != MC_REVIEW_STATE_COMPLETED)
    {
      row = adw_action_row_new ();
      /* Translators: %s is the state of a review, "in progress" */
      subtitle = g_strdup_printf (_("Not completed (%s)"),
                                  mc_enum_label (MC_TYPE_REVIEW_STATE, review->state));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else
    {
      GtkWidget *summary;

      ratings = describe_ratings (review);
      if (ratings != NULL)
        /* Translators: a reviewer's recommendation, then how they rated the criteria */
        subtitle = g_strdup_printf (_("Recommends: %s — %s"),
                                    mc_enum_label (MC_TYPE_OUTCOME_KIND, review->recommendation),
                                    ratings);
      else
        /* Translators: a reviewer's recommendation, "Approve with conditions" */
        subtitle = g_strdup_printf (_("Recommends: %s"),
                                    mc_enum_label (MC_TYPE_OUTCOME_KIND, review->recommendation));
      row = adw_expander_row_new ();
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
      summary = gtk_label_new (review->summary && *review->summary
                               ? review->summary : _("No summary was given."));
      gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (summary), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (summary), 0);
      gtk_label_set_selectable (GTK_LABEL (summary), TRUE);
      gtk_widget_set_margin_start (summary, 12);
      gtk_widget_set_margin_end (summary, 12);
      gtk_widget_set_margin_top (summary, 12);
      gtk_widget_set_margin_bottom (summary, 12);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), summary);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  return row;
}

/* Lists the reviews and returns the recommendation they all share, or
 * MC_OUTCOME_UNSET. */
static McOutcomeKind
load_reviews (McDecisionDialog *self)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  McOutcomeKind shared = MC_OUTCOME_UNSET;
  gboolean agree = TRUE;
  guint assigned = 0, completed = 0, needed = mc_workflow_get_min_reviews (self->workflow,
                                                                          self->design);

  reviews = mc_store_list_reviews (mc_workflow_get_store (self->workflow),
                                   mc_design_get_id (self->design),
                                   mc_design_get_revision_number (self->design), &error);
  if (reviews == NULL)
    {
      show_error (self, error->message);
      return MC_OUTCOME_UNSET;
    }

  for (guint i = 0; i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);

      if (review->state == MC_REVIEW_STATE_WITHDRAWN)
        continue;
      assigned++;
      gtk_list_box_append (self->reviews_list, review_row_new (self, review));
      if (review->state != MC_REVIEW_STATE_COMPLETED)
        continue;
      completed++;
      if (shared == MC_OUTCOME_UNSET)
        shared = review->recommendation;
      else if (shared != review->recommendation)
        agree = FALSE;
    }

  g_free (self->reviews_summary);
  if (assigned == 0)
    self->reviews_summary = g_strdup_printf (ngettext ("No reviewers are assigned. The committee "
                                                       "needs at least %u completed review.",
                                                       "No reviewers are assigned. The committee "
                                                       "needs at least %u completed reviews.",
                                                       needed), needed);
  else
    /* Translators: completed reviews, assigned reviews, then the minimum */
    self->reviews_summary = g_strdup_printf (ngettext ("%u of %u reviews completed; at least %u "
                                                       "is needed.",
                                                       "%u of %u reviews completed; at least %u "
                                                       "are needed.", needed),
                                             completed, assigned, needed);
  adw_preferences_group_set_description (self->reviews_group, self->reviews_summary);
  gtk_widget_set_visible (GTK_WIDGET (self->reviews_list), assigned > 0);

  return agree ? shared : MC_OUTCOME_UNSET;
}

/* Outcome */

static McOutcomeKind
selected_outcome (McDecisionDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->outcome_row);

  return selected < G_N_ELEMENTS (outcomes) ? outcomes[selected] : MC_OUTCOME_UNSET;
}

static void
outcome_changed_cb (McDecisionDialog *self)
{
  McOutcomeKind outcome = selected_outcome (self);
  GtkWidget *button = GTK_WIDGET (self->record_button);

  self->reject_confirmed = FALSE;
  show_error (self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->conditions_group),
                          outcome == MC_OUTCOME_APPROVE_WITH_CONDITIONS);
  if (outcome == MC_OUTCOME_REJECT)
    {
      gtk_button_set_label (self->record_button, _("_Reject"));
      gtk_widget_remove_css_class (button, "suggested-action");
      gtk_widget_add_css_class (button, "destructive-action");
    }
  else
    {
      gtk_button_set_label (self->record_button, _("_Record"));
      gtk_widget_remove_css_class (button, "destructive-action");
      gtk_widget_add_css_class (button, "suggested-action");
    }
}

/* Meeting date */

static void
date_changed_cb (McDecisionDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  GDate date;

  if (*text == '\0' || mc_parse_iso_date (text, &date))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      show_error (self, NULL);
    }
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->date_row), "error");
}

static void
calendar_shown_cb (McDecisionDialog *self)
{
  GDate date;

  if (mc_parse_iso_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date),
                                                       g_date_get_month (&date),
                                                       g_date_get_day (&date), 12, 0, 0);

      /* Showing the entry's date is not choosing one. */
      self->syncing_calendar = TRUE;
      gtk_calendar_select_day (self->calendar, dt);
      self->syncing_calendar = FALSE;
    }
}

static void
calendar_day_selected_cb (McDecisionDialog *self)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *iso = NULL;

  if (self->syncing_calendar)
    return;
  dt = gtk_calendar_get_date (self->calendar);
  iso = g_date_time_format (dt, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), iso);
  gtk_popover_popdown (self->calendar_popover);
}

/* Conditions */

static void
renumber_conditions (McDecisionDialog *self)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->conditions_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      GtkWidget *remove = g_object_get_data (G_OBJECT (row), "mc-remove");
      g_autofree char *title = NULL;
      g_autofree char *remove_label = NULL;

      if (!ADW_IS_ENTRY_ROW (row))
        continue;
      n++;
      /* Translators: %u numbers the conditions of an approval */
      title = g_strdup_printf (_("Condition %u"), n);
      /* Translators: %u numbers the conditions of an approval */
      remove_label = g_strdup_printf (_("Remove Condition %u"), n);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (row))),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_widget_set_tooltip_text (remove, remove_label);
    }
}

static void
remove_condition_cb (GtkButton *button, McDecisionDialog *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);

  if (row != NULL)
    gtk_list_box_remove (self->conditions_list, row);
  renumber_conditions (self);
}

void
mc_decision_dialog_add_condition (McDecisionDialog *self,
                                  const char       *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_return_if_fail (MC_IS_DECISION_DIALOG (self));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_condition_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_object_set_data (G_OBJECT (row), "mc-remove", remove);
  gtk_list_box_append (self->conditions_list, row);
  renumber_conditions (self);
  show_error (self, NULL);
}

static void
add_condition_clicked_cb (McDecisionDialog *self)
{
  GtkWidget *last;

  mc_decision_dialog_add_condition (self, NULL);
  last = gtk_widget_get_last_child (GTK_WIDGET (self->conditions_list));
  if (last != NULL)
    gtk_widget_grab_focus (last);
}

static GPtrArray *
condition_texts (McDecisionDialog *self)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->conditions_list)); row;
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *text = NULL;

      if (!ADW_IS_ENTRY_ROW (row))
        continue;
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
      if (*text != '\0')
        g_ptr_array_add (texts, g_steal_pointer (&text));
    }
  return texts;
}

guint
mc_decision_dialog_get_n_conditions (McDecisionDialog *self)
{
  g_autoptr(GPtrArray) texts = NULL;

  g_return_val_if_fail (MC_IS_DECISION_DIALOG (self), 0);
  texts = condition_texts (self);
  return texts->len;
}

/* Recording */

static char *
comment_text (McDecisionDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->comment_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static void
reject_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    McDecisionDialog *self)
{
  if (!g_str_equal (response, "reject"))
    return;
  self->reject_confirmed = TRUE;
  mc_decision_dialog_record (self);
}

static void
confirm_reject (McDecisionDialog *self)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Reject This Design?"),
                                                       _("A rejection is final: this design "
                                                         "cannot be submitted again.")));
  adw_message_dialog_add_response (dialog, "cancel", _("_Cancel"));
  adw_message_dialog_add_response (dialog, "reject", _("_Reject"));
  adw_message_dialog_set_response_appearance (dialog, "reject", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reject_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
mc_decision_dialog_record (McDecisionDialog *self)
{
  g_autoptr(McDecision) decision = NULL;
  g_autoptr(GPtrArray) conditions = NULL;
  GError *error = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *comment = NULL;
  McOutcomeKind outcome;
  const char *date;
  GDate parsed;
  gboolean ok;

  g_return_val_if_fail (MC_IS_DECISION_DIALOG (self), FALSE);

  outcome = selected_outcome (self);
  date = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  if (!mc_parse_iso_date (date, &parsed))
    {
      show_error (self, _("Enter the meeting date as year-month-day, such as 2026-03-03."));
      gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
      return FALSE;
    }
  conditions = condition_texts (self);
  if (outcome == MC_OUTCOME_APPROVE_WITH_CONDITIONS && conditions->len == 0)
    {
      show_error (self, _("An approval with conditions needs at least one condition."));
      return FALSE;
    }
  if (outcome == MC_OUTCOME_REJECT && !self->reject_confirmed)
    {
      confirm_reject (self);
      return FALSE;
    }
  self->reject_confirmed = FALSE;

  reference = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reference_row))));
  comment = comment_text (self);
  decision = mc_decision_new (outcome, date, reference);
  decision->comment = *comment != '\0' ? g_steal_pointer (&comment) : NULL;
  if (outcome == MC_OUTCOME_APPROVE_WITH_CONDITIONS)
    for (guint i = 0; i < conditions->len; i++)
      mc_decision_add_condition (decision, g_ptr_array_index (conditions, i));

  ok = mc_workflow_decide (self->workflow, self->design, decision, &error);
  return _mc_workflow_dialog_finish (MC_WORKFLOW_DIALOG (self), ok, error);
}

static void
record_clicked_cb (McDecisionDialog *self)
{
  mc_decision_dialog_record (self);
}

/* Public setters, for tests and presets */

void
mc_decision_dialog_set_outcome (McDecisionDialog *self,
                                McOutcomeKind     outcome)
{
  g_return_if_fail (MC_IS_DECISION_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    if (outcomes[i] == outcome)
      adw_combo_row_set_selected (self->outcome_row, i);
}

McOutcomeKind
mc_decision_dialog_get_outcome (McDecisionDialog *self)
{
  g_return_val_if_fail (MC_IS_DECISION_DIALOG (self), MC_OUTCOME_UNSET);
  return selected_outcome (self);
}

void
mc_decision_dialog_set_meeting_date (McDecisionDialog *self,
                                     const char       *iso_date)
{
  g_return_if_fail (MC_IS_DECISION_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), iso_date ? iso_date : "");
}

void
mc_decision_dialog_set_reference (McDecisionDialog *self,
                                  const char       *reference)
{
  g_return_if_fail (MC_IS_DECISION_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), reference ? reference : "");
}

void
mc_decision_dialog_set_comment (McDecisionDialog *self,
                                const char       *comment)
{
  g_return_if_fail (MC_IS_DECISION_DIALOG (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->comment_view),
                            comment ? comment : "", -1);
}

const char *
mc_decision_dialog_get_reviews_summary (McDecisionDialog *self)
{
  g_return_val_if_fail (MC_IS_DECISION_DIALOG (self), NULL);
  return self->reviews_summary;
}

/* GObject */

static void
mc_decision_dialog_constructed (GObject *object)
{
  McDecisionDialog *self = MC_DECISION_DIALOG (object);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  McOutcomeKind recommended;

  G_OBJECT_CLASS (mc_decision_dialog_parent_class)->constructed (object);

  self->workflow = mc_workflow_dialog_get_workflow (MC_WORKFLOW_DIALOG (self));
  self->design = mc_workflow_dialog_get_design (MC_WORKFLOW_DIALOG (self));
  g_assert (self->workflow != NULL);
  g_assert (self->design != NULL);

  adw_window_title_set_subtitle (self->window_title,
                                 mc_revision_get_title (mc_design_get_content (self->design)));
  for (guint i = 0; i < G_N_ELEMENTS (outcomes); i++)
    gtk_string_list_append (labels, mc_enum_label (MC_TYPE_OUTCOME_KIND, outcomes[i]));
  adw_combo_row_set_model (self->outcome_row, G_LIST_MODEL (labels));

  /* When the reviewers agree, their recommendation is the likely decision. */
  recommended = load_reviews (self);
  mc_decision_dialog_set_outcome (self, recommended != MC_OUTCOME_UNSET ? recommended
                                                                       : MC_OUTCOME_APPROVE);
  g_signal_connect_object (self->outcome_row, "notify::selected",
                           G_CALLBACK (outcome_changed_cb), self, G_CONNECT_SWAPPED);
  outcome_changed_cb (self);

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), mc_workflow_get_today (self->workflow));
}

static void
mc_decision_dialog_dispose (GObject *object)
{
  McDecisionDialog *self = MC_DECISION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_DECISION_DIALOG);
  self->workflow = NULL;
  self->design = NULL;

  G_OBJECT_CLASS (mc_decision_dialog_parent_class)->dispose (object);
}

static void
mc_decision_dialog_finalize (GObject *object)
{
  McDecisionDialog *self = MC_DECISION_DIALOG (object);

  g_free (self->reviews_summary);

  G_OBJECT_CLASS (mc_decision_dialog_parent_class)->finalize (object);
}

static void
mc_decision_dialog_class_init (McDecisionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_decision_dialog_constructed;
  object_class->dispose = mc_decision_dialog_dispose;
  object_class->finalize = mc_decision_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mc-decision-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, record_button);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, reviews_list);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, calendar_popover);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, calendar);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, reference_row);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, comment_view);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, conditions_group);
  gtk_widget_class_bind_template_child (widget_class, McDecisionDialog, conditions_list);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_condition_clicked_cb);
}

static void
mc_decision_dialog_init (McDecisionDialog *self)
{
  GtkEditable *delegate;

  gtk_widget_init_template (GTK_WIDGET (self));
  _mc_workflow_dialog_set_error_widgets (MC_WORKFLOW_DIALOG (self), self->error_revealer,
                                         self->error_label);

  /* The rows' entries carry the rows' titles for screen readers. */
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->date_row));
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Meeting date"), -1);
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->reference_row));
  if (delegate != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (delegate), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Minutes reference"), -1);
  g_signal_connect_object (self->date_row, "changed", G_CALLBACK (date_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar_popover, "show", G_CALLBACK (calendar_shown_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
mc_decision_dialog_new (McWorkflow *workflow,
                        McDesign   *design)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (MC_IS_DESIGN (design), NULL);

  return g_object_new (MC_TYPE_DECISION_DIALOG,
                       "workflow", workflow,
                       "design", design,
                       NULL);
}
