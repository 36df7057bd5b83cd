/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-credential-verifier.h"
#include "mc-date-format.h"
#include "mc-store-job.h"
#include "mc-verify-dialog.h"

struct _McVerifyDialog
{
  AdwWindow       parent_instance;

  McWorkflow     *workflow;
  McVerification *verification;
  GCancellable   *cancellable;
  char           *error;

  /* Template widgets */
  GtkButton      *back_button;
  GtkStack       *stack;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  GtkTextView    *text_view;
  GtkSpinner     *spinner;
  GtkBox         *verdict_box;
  GtkImage       *verdict_icon;
  GtkLabel       *verdict_label;
  GtkLabel       *summary_label;
  AdwPreferencesGroup *credential_group;
  AdwActionRow   *learner_row;
  AdwActionRow   *achievement_row;
  AdwActionRow   *issuer_row;
  AdwActionRow   *dates_row;
  AdwActionRow   *id_row;
  GtkListBox     *checks_list;
};

G_DEFINE_FINAL_TYPE (McVerifyDialog, mc_verify_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void on_text_changed (McVerifyDialog *self);

/* Verifying, in a worker on its own connection to the register */

typedef struct {
  char *text;
  char *path;
} VerifyRequest;

static void
verify_request_free (VerifyRequest *request)
{
  g_free (request->text);
  g_free (request->path);
  g_free (request);
}

static gpointer
verify_job (McStore       *store,
            gpointer       data,
            GCancellable  *cancellable,
            GError       **error)
{
  VerifyRequest *request = data;
  g_autoptr(McCredentialVerifier) verifier = mc_credential_verifier_new ();

  mc_credential_verifier_set_store (verifier, store);
  if (request->path != NULL)
    return mc_credential_verifier_verify_file (verifier, request->path, error);
  return mc_credential_verifier_verify_text (verifier, request->text, error);
}

/* Showing the result */

static void
set_row (AdwActionRow *row,
         const char   *value)
{
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && value[0] != '\0');
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
}

static char *
format_date (GDateTime *date)
{
  return date != NULL ? mc_format_unix_date (g_date_time_to_unix (date), NULL) : NULL;
}

static char *
dates_text (McVerification *verification)
{
  g_autofree char *issued = format_date (mc_verification_get_issued (verification));
  g_autofree char *until = format_date (mc_verification_get_valid_until (verification));

  if (issued == NULL)
    return NULL;
  if (until == NULL)
    /* Translators: %s is a date */
    return g_strdup_printf (_("From %s, with no end date"), issued);
  /* Translators: from one date until another */
  return g_strdup_printf (_("From %s until %s"), issued, until);
}

static GtkWidget *
check_row (const McVerificationCheck *check)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *outcome = gtk_label_new (NULL);
  const char *icon_name = "action-unavailable-symbolic";
  const char *css = "check-skipped";
  const char *text = _("Not checked");

  switch (mc_verification_check_get_outcome (check))
    {
    case MC_CHECK_OUTCOME_PASSED:
      icon_name = "emblem-ok-symbolic";
      css = "check-passed";
      text = _("Passed");
      break;
    case MC_CHECK_OUTCOME_FAILED:
      icon_name = "dialog-error-symbolic";
      css = "check-failed";
      text = _("Failed");
      break;
    case MC_CHECK_OUTCOME_SKIPPED:
    default:
      break;
    }

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), icon_name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  gtk_widget_add_css_class (row, css);
  gtk_widget_add_css_class (icon, "check-icon");
  gtk_label_set_text (GTK_LABEL (outcome), text);
  gtk_widget_set_valign (outcome, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (outcome, "check-outcome");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_verification_check_get_title (check));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), mc_verification_check_get_detail (check));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), outcome);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
show_verdict (McVerifyDialog *self)
{
  McVerification *verification = self->verification;
  const char *title = _("Incomplete");
  const char *icon = "dialog-question-symbolic";
  const char *css = "verdict-incomplete";

  switch (mc_verification_get_verdict (verification))
    {
    case MC_VERDICT_VALID:
      title = _("Valid");
      icon = "emblem-ok-symbolic";
      css = "verdict-valid";
      break;
    case MC_VERDICT_INVALID:
      title = _("Not Valid");
      icon = "dialog-error-symbolic";
      css = "verdict-invalid";
      break;
    case MC_VERDICT_INCOMPLETE:
    default:
      break;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_box), "verdict-valid");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_box), "verdict-invalid");
  gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_box), "verdict-incomplete");
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_box), css);
  gtk_image_set_from_icon_name (self->verdict_icon, icon);
  gtk_label_set_text (self->verdict_label, title);
  gtk_label_set_text (self->summary_label, mc_verification_get_summary (verification));
}

static void
show_result (McVerifyDialog *self)
{
  McVerification *verification = self->verification;
  g_autofree char *dates = dates_text (verification);
  GtkWidget *child = NULL;

  show_verdict (self);
  /* What a credential that is not valid says is only its claim. */
  if (mc_verification_get_verdict (verification) == MC_VERDICT_VALID)
    {
      adw_preferences_group_set_title (self->credential_group, _("What the Credential Says"));
      adw_preferences_group_set_description (self->credential_group, NULL);
    }
  else
    {
      adw_preferences_group_set_title (self->credential_group, _("What the Credential Claims"));
      adw_preferences_group_set_description (self->credential_group,
                                             _("Not confirmed: the checks below did not all pass"));
    }
  set_row (self->learner_row, mc_verification_get_learner_name (verification));
  set_row (self->achievement_row, mc_verification_get_achievement_name (verification));
  set_row (self->issuer_row, mc_verification_get_issuer_name (verification));
  set_row (self->dates_row, dates);
  set_row (self->id_row, mc_verification_get_credential_id (verification));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->checks_list))) != NULL)
    gtk_list_box_remove (self->checks_list, child);
  for (guint i = 0; i < mc_verification_get_n_checks (verification); i++)
    gtk_list_box_append (self->checks_list, check_row (mc_verification_get_check (verification, i)));

  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
}

static void
show_input (McVerifyDialog *self,
            const char     *error)
{
  g_free (self->error);
  self->error = g_strdup (error);
  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_revealer_set_reveal_child (self->error_revealer, error != NULL);
  gtk_stack_set_visible_child_name (self->stack, "input");
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
}

static void
on_verified (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (source);
  g_autoptr(GError) error = NULL;
  McVerification *verification = mc_store_job_finish (result, &error);

  if (verification == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.open", TRUE);
  on_text_changed (self);

  g_clear_object (&self->verification);
  if (verification == NULL)
    {
      show_input (self, error->message);
      return;
    }
  self->verification = verification;
  g_clear_pointer (&self->error, g_free);
  show_result (self);
}

static void
start (McVerifyDialog *self,
       VerifyRequest  *request)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.verify-text", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.open", FALSE);
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "checking");
  mc_store_job_run (mc_workflow_get_store (self->workflow), verify_job, request,
                    (GDestroyNotify) verify_request_free, g_object_unref, self, self->cancellable,
                    on_verified, NULL);
}

void
mc_verify_dialog_verify_text (McVerifyDialog *self,
                              const char     *text)
{
  VerifyRequest *request = NULL;

  g_return_if_fail (MC_IS_VERIFY_DIALOG (self));
  g_return_if_fail (text != NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  request = g_new0 (VerifyRequest, 1);
  request->text = g_strdup (text);
  start (self, request);
}

void
mc_verify_dialog_verify_file (McVerifyDialog *self,
                              GFile          *file)
{
  VerifyRequest *request = NULL;
  g_autofree char *path = NULL;

  g_return_if_fail (MC_IS_VERIFY_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_input (self, _("Only credential files on this computer can be opened"));
      return;
    }
  request = g_new0 (VerifyRequest, 1);
  request->path = g_steal_pointer (&path);
  start (self, request);
}

/* Actions */

static void
verify_verify_text (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (widget);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start_iter, end_iter;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start_iter, &end_iter);
  text = gtk_text_buffer_get_text (buffer, &start_iter, &end_iter, FALSE);
  mc_verify_dialog_verify_text (self, text);
}

static void
on_file_chosen (GtkNativeDialog *chooser,
                int              response,
                McVerifyDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        mc_verify_dialog_verify_file (self, file);
    }
  g_object_set_data (G_OBJECT (self), "mc-chooser", NULL);
}

static void
verify_open (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (widget);
  g_autoptr(GtkFileFilter) credentials = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser = NULL;

  chooser = gtk_file_chooser_native_new (_("Open a Credential"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (credentials, _("Credentials (.jwt, .json)"));
  gtk_file_filter_add_pattern (credentials, "*.jwt");
  gtk_file_filter_add_pattern (credentials, "*.json");
  gtk_file_filter_add_pattern (credentials, "*.txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), credentials);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_object_set_data_full (G_OBJECT (self), "mc-chooser", chooser, g_object_unref);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_file_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
verify_again (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (widget);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  show_input (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}

static void
on_text_changed (McVerifyDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "verify.verify-text",
                                 self->cancellable == NULL && gtk_text_buffer_get_char_count (buffer) > 0);
}

static gboolean
on_drop (GtkDropTarget  *target,
         const GValue   *value,
         double          x,
         double          y,
         McVerifyDialog *self)
{
  if (!G_VALUE_HOLDS (value, G_TYPE_FILE) || self->cancellable != NULL)
    return FALSE;
  mc_verify_dialog_verify_file (self, g_value_get_object (value));
  return TRUE;
}

/* Accessors */

gboolean
mc_verify_dialog_get_busy (McVerifyDialog *self)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

McVerification *
mc_verify_dialog_get_verification (McVerifyDialog *self)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), NULL);
  return self->verification;
}

const char *
mc_verify_dialog_get_error (McVerifyDialog *self)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), NULL);
  return self->error;
}

const char *
mc_verify_dialog_get_verdict_text (McVerifyDialog *self)
{
  g_return_val_if_fail (MC_IS_VERIFY_DIALOG (self), NULL);
  return self->verification != NULL ? gtk_label_get_text (self->verdict_label) : NULL;
}

/* GObject */

static void
mc_verify_dialog_dispose (GObject *object)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_object_set_data (G_OBJECT (self), "mc-chooser", NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_VERIFY_DIALOG);

  G_OBJECT_CLASS (mc_verify_dialog_parent_class)->dispose (object);
}

static void
mc_verify_dialog_finalize (GObject *object)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (object);

  g_clear_object (&self->workflow);
  g_clear_object (&self->verification);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (mc_verify_dialog_parent_class)->finalize (object);
}

static void
mc_verify_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_verify_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  McVerifyDialog *self = MC_VERIFY_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_verify_dialog_class_init (McVerifyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_verify_dialog_dispose;
  object_class->finalize = mc_verify_dialog_finalize;
  object_class->get_property = mc_verify_dialog_get_property;
  object_class->set_property = mc_verify_dialog_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-verify-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, text_view);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, verdict_box);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, verdict_icon);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, credential_group);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, learner_row);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, achievement_row);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, issuer_row);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, dates_row);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, id_row);
  gtk_widget_class_bind_template_child (widget_class, McVerifyDialog, checks_list);

  gtk_widget_class_install_action (widget_class, "verify.verify-text", NULL, verify_verify_text);
  gtk_widget_class_install_action (widget_class, "verify.open", NULL, verify_open);
  gtk_widget_class_install_action (widget_class, "verify.again", NULL, verify_again);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "verify.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "verify.verify-text", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_verify_dialog_init (McVerifyDialog *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_FILE, GDK_ACTION_COPY);

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (gtk_text_view_get_buffer (self->text_view), "changed",
                           G_CALLBACK (on_text_changed), self, G_CONNECT_SWAPPED);
  on_text_changed (self);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

McVerifyDialog *
mc_verify_dialog_new (McWorkflow *workflow)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_VERIFY_DIALOG, "workflow", workflow, NULL);
}
