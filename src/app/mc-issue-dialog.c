/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The issue dialog's form: what will be issued, the key, the options, and
 * the dialog's life.  The run itself is in mc-issue-dialog-run.c. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-date-format.h"
#include "mc-issue-dialog-private.h"
#include "mc-key-text.h"

G_DEFINE_FINAL_TYPE (McIssueDialog, mc_issue_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_OFFERING,
  N_PROPS
};

enum {
  STARTED,
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The papers in the order of the drop-down. */
static const McPaperSize papers[] = { MC_PAPER_A4, MC_PAPER_US_LETTER };

void
_mc_issue_dialog_show_error (McIssueDialog *self,
                             const char    *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

void
_mc_issue_dialog_emit_started (McIssueDialog *self)
{
  g_signal_emit (self, signals[STARTED], 0);
}

void
_mc_issue_dialog_emit_finished (McIssueDialog *self)
{
  g_signal_emit (self, signals[FINISHED], 0);
}

/* The form */

void
_mc_issue_dialog_update (McIssueDialog *self)
{
  gboolean on_form = g_str_equal (gtk_stack_get_visible_child_name (self->stack), "form");
  gboolean running = self->unlocking || self->issuing;
  gboolean work = self->to_issue > 0 || self->unfinished != NULL;
  const char *passphrase = gtk_editable_get_text (self->passphrase_row);
  gboolean di_on = gtk_switch_get_active (self->data_integrity_switch);

  gtk_widget_set_visible (self->issue_button, on_form);
  gtk_widget_set_sensitive (self->issue_button,
                            !running && self->key != NULL && work && *passphrase != '\0');
  gtk_button_set_label (GTK_BUTTON (self->issue_button), self->unlocking ? _("Unlocking…") : _("_Issue"));
  gtk_button_set_label (GTK_BUTTON (self->close_button), on_form || running ? _("_Cancel") : _("_Close"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->passphrase_row), !running);
  gtk_widget_set_visible (self->data_integrity_row, self->di_key != NULL);
  gtk_widget_set_visible (self->di_passphrase_row, self->di_key != NULL && di_on && self->key != NULL &&
                                                   g_strcmp0 (self->di_key->kid, self->key->kid) != 0);
}

static char *
describe_work (McIssueDialog *self)
{
  if (self->unfinished != NULL)
    {
      guint remaining = self->unfinished->total - MIN (self->unfinished->issued, self->unfinished->total);

      /* Translators: an earlier batch stopped after 37 of 120 credentials, 83 remain */
      return g_strdup_printf (ngettext ("An earlier batch stopped after %u of %u. Issue the remaining %u.",
                                        "An earlier batch stopped after %u of %u. Issue the remaining %u.",
                                        remaining),
                              self->unfinished->issued, self->unfinished->total, remaining);
    }
  if (self->to_issue == 0)
    return g_strdup (_("Every learner who passed holds a credential: there is nothing to issue."));
  return g_strdup_printf (ngettext ("%u learner passed and holds no credential yet. Issuing signs a credential "
                                    "and writes a certificate for them.",
                                    "%u learners passed and hold no credential yet. Issuing signs a credential "
                                    "and writes a certificate for each.",
                                    self->to_issue),
                          self->to_issue);
}

static char *
default_export_dir (McIssueDialog *self)
{
  g_autofree char *database_dir = g_path_get_dirname (mc_store_get_path (mc_workflow_get_store (self->workflow)));

  return g_build_filename (database_dir, "exports", NULL);
}

static void
show_export_dir (McIssueDialog *self)
{
  g_autofree char *text = NULL;

  if (self->export_dir != NULL)
    text = g_filename_display_name (self->export_dir);
  else if (self->unfinished != NULL && self->unfinished->export_dir != NULL)
    /* Translators: %s is the folder of the batch that stopped */
    text = g_strdup_printf (_("%s (the earlier batch’s)"), self->unfinished->export_dir);
  else
    {
      g_autofree char *exports = default_export_dir (self);
      g_autofree char *shown = g_filename_display_name (exports);

      /* Translators: %s is a folder beside the institution's database */
      text = g_strdup_printf (_("A new folder for this batch in %s"), shown);
    }
  adw_action_row_set_subtitle (self->folder_row, text);
}

static void
show_key (McIssueDialog *self,
          const GError  *error)
{
  g_autofree char *kid = NULL;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;

  if (self->key == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row), _("No signing key"));
      adw_action_row_set_subtitle (self->key_row, error != NULL ? error->message : "");
      gtk_widget_add_css_class (GTK_WIDGET (self->key_row), "error");
      return;
    }
  kid = mc_key_text_short_kid (self->key->kid);
  date = mc_format_unix_date (self->key->created_at, mc_workflow_get_today (self->workflow));
  /* Translators: a key's short id and the date it was added */
  subtitle = g_strdup_printf (_("Key %s · added %s"), kid, date);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row), mc_key_text_kind (self->key->kind));
  adw_action_row_set_subtitle (self->key_row, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->key_row), self->key->kid);
  gtk_widget_remove_css_class (GTK_WIDGET (self->key_row), "error");
}

void
_mc_issue_dialog_load (McIssueDialog *self)
{
  McStore *store = mc_workflow_get_store (self->workflow);
  g_autoptr(McKeyring) keyring = mc_keyring_new (self->workflow);
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) key_error = NULL;

  offering = mc_store_load_offering (store, self->offering->id, &error);
  if (offering != NULL)
    {
      mc_offering_free (self->offering);
      self->offering = g_steal_pointer (&offering);
    }
  self->to_issue = self->offering->n_passed - MIN (self->offering->n_issued, self->offering->n_passed);
  g_clear_pointer (&self->unfinished, mc_issue_batch_free);
  if (error == NULL)
    self->unfinished = mc_store_find_unfinished_batch (store, self->offering->id, &error);
  g_clear_pointer (&self->key, mc_key_record_free);
  g_clear_pointer (&self->di_key, mc_key_record_free);
  self->key = mc_keyring_get_current_key (keyring, mc_keyring_get_signing_algorithm (keyring), &key_error);
  self->di_key = mc_keyring_get_current_key (keyring, MC_KEY_ALGORITHM_EDDSA, NULL);

  g_free (self->intro);
  self->intro = describe_work (self);
  gtk_label_set_text (self->intro_label, self->intro);
  if (self->unfinished != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->intro_label), "resume");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->intro_label), "resume");
  adw_window_title_set_subtitle (self->window_title, self->offering->code);
  show_key (self, key_error);
  show_export_dir (self);
  _mc_issue_dialog_show_error (self, error != NULL ? error->message : NULL);
  gtk_stack_set_visible_child_name (self->stack, "form");
  _mc_issue_dialog_update (self);
}

static void
on_passphrase_changed (McIssueDialog *self)
{
  /* A refusal goes as soon as the passphrase is typed again. */
  mc_problem_row_set_message (self->passphrase_problem, NULL);
  gtk_widget_remove_css_class (GTK_WIDGET (self->passphrase_row), "error");
  _mc_issue_dialog_update (self);
}

static void
on_data_integrity_toggled (McIssueDialog *self)
{
  _mc_issue_dialog_update (self);
}

static void
on_issue_clicked (McIssueDialog *self)
{
  mc_issue_dialog_issue (self);
}

static void
on_stop_clicked (McIssueDialog *self)
{
  mc_issue_dialog_stop (self);
}

static void
on_again_clicked (McIssueDialog *self)
{
  _mc_issue_dialog_load (self);
}

static void
on_open_folder_clicked (McIssueDialog *self)
{
  _mc_issue_dialog_open_folder (self);
}

/* The export folder */

static void
on_folder_chosen (McIssueDialog *self,
                  int            response)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (folder == NULL)
    return;
  path = g_file_get_path (folder);
  if (path == NULL)
    {
      _mc_issue_dialog_show_error (self, _("Credentials can only be written to a folder on this computer"));
      return;
    }
  mc_issue_dialog_set_export_dir (self, path);
}

static void
on_folder_clicked (McIssueDialog *self)
{
  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose the Export Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_folder_chosen),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Public */

void
mc_issue_dialog_set_passphrase (McIssueDialog *self,
                                const char    *passphrase)
{
  g_return_if_fail (MC_IS_ISSUE_DIALOG (self));
  gtk_editable_set_text (self->passphrase_row, passphrase != NULL ? passphrase : "");
}

void
mc_issue_dialog_set_export_dir (McIssueDialog *self,
                                const char    *path)
{
  g_return_if_fail (MC_IS_ISSUE_DIALOG (self));
  g_return_if_fail (path == NULL || g_path_is_absolute (path));

  g_free (self->export_dir);
  self->export_dir = g_strdup (path);
  show_export_dir (self);
}

void
mc_issue_dialog_set_data_integrity (McIssueDialog *self,
                                    gboolean       data_integrity)
{
  g_return_if_fail (MC_IS_ISSUE_DIALOG (self));
  gtk_switch_set_active (self->data_integrity_switch, data_integrity && self->di_key != NULL);
}

gboolean
mc_issue_dialog_get_can_data_integrity (McIssueDialog *self)
{
  g_return_val_if_fail (MC_IS_ISSUE_DIALOG (self), FALSE);
  return self->di_key != NULL;
}

void
mc_issue_dialog_set_paper (McIssueDialog *self,
                           McPaperSize    paper)
{
  g_return_if_fail (MC_IS_ISSUE_DIALOG (self));

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (papers[i] == paper)
      adw_combo_row_set_selected (self->paper_row, i);
}

McPaperSize
_mc_issue_dialog_get_paper (McIssueDialog *self)
{
  guint position = adw_combo_row_get_selected (self->paper_row);

  return papers[position < G_N_ELEMENTS (papers) ? position : 0];
}

gboolean
mc_issue_dialog_issue (McIssueDialog *self)
{
  g_return_val_if_fail (MC_IS_ISSUE_DIALOG (self), FALSE);

  if (!gtk_widget_get_sensitive (self->issue_button) || !gtk_widget_get_visible (self->issue_button))
    return FALSE;
  return _mc_issue_dialog_start (self);
}

void
mc_issue_dialog_stop (McIssueDialog *self)
{
  g_return_if_fail (MC_IS_ISSUE_DIALOG (self));
  _mc_issue_dialog_stop (self);
}

gboolean
mc_issue_dialog_get_running (McIssueDialog *self)
{
  g_return_val_if_fail (MC_IS_ISSUE_DIALOG (self), FALSE);
  return self->unlocking || self->issuing;
}

const char *
mc_issue_dialog_get_page (McIssueDialog *self)
{
  g_return_val_if_fail (MC_IS_ISSUE_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
mc_issue_dialog_get_intro (McIssueDialog *self)
{
  g_return_val_if_fail (MC_IS_ISSUE_DIALOG (self), NULL);
  return self->intro;
}

const char *
mc_issue_dialog_get_progress_text (McIssueDialog *self)
{
  g_return_val_if_fail (MC_IS_ISSUE_DIALOG (self), NULL);
  return self->progress_text;
}

const char *
mc_issue_dialog_get_outcome (McIssueDialog *self)
{
  g_return_val_if_fail (MC_IS_ISSUE_DIALOG (self), NULL);
  return self->outcome;
}

const char *
mc_issue_dialog_get_passphrase_problem (McIssueDialog *self)
{
  g_return_val_if_fail (MC_IS_ISSUE_DIALOG (self), NULL);
  return mc_problem_row_get_message (self->passphrase_problem);
}

const char *
mc_issue_dialog_get_error (McIssueDialog *self)
{
  g_return_val_if_fail (MC_IS_ISSUE_DIALOG (self), NULL);
  return self->error;
}

const McIssueBatch *
mc_issue_dialog_get_batch (McIssueDialog *self)
{
  g_return_val_if_fail (MC_IS_ISSUE_DIALOG (self), NULL);
  return self->batch;
}

/* GObject */

static gboolean
mc_issue_dialog_close_request (GtkWindow *window)
{
  McIssueDialog *self = MC_ISSUE_DIALOG (window);

  if (_mc_issue_dialog_hold_close (self))
    return TRUE;
  return GTK_WINDOW_CLASS (mc_issue_dialog_parent_class)->close_request (window);
}

static void
mc_issue_dialog_constructed (GObject *object)
{
  McIssueDialog *self = MC_ISSUE_DIALOG (object);
  GtkPaperSize *paper = gtk_paper_size_new (NULL);

  G_OBJECT_CLASS (mc_issue_dialog_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));
  g_assert (self->offering != NULL);

  /* The paper of the country the computer is set up for. */
  if (g_str_equal (gtk_paper_size_get_name (paper), GTK_PAPER_NAME_LETTER))
    mc_issue_dialog_set_paper (self, MC_PAPER_US_LETTER);
  gtk_paper_size_free (paper);
  _mc_issue_dialog_load (self);
}

static void
mc_issue_dialog_dispose (GObject *object)
{
  McIssueDialog *self = MC_ISSUE_DIALOG (object);

  /* A batch still running stops between pages and stays resumable. */
  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ISSUE_DIALOG);
  g_clear_object (&self->workflow);
  g_clear_object (&self->issuer);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (mc_issue_dialog_parent_class)->dispose (object);
}

static void
mc_issue_dialog_finalize (GObject *object)
{
  McIssueDialog *self = MC_ISSUE_DIALOG (object);

  g_clear_pointer (&self->offering, mc_offering_free);
  g_clear_pointer (&self->key, mc_key_record_free);
  g_clear_pointer (&self->di_key, mc_key_record_free);
  g_clear_pointer (&self->unfinished, mc_issue_batch_free);
  g_clear_pointer (&self->batch, mc_issue_batch_free);
  g_free (self->export_dir);
  g_free (self->intro);
  g_free (self->progress_text);
  g_free (self->outcome);
  g_free (self->error);

  G_OBJECT_CLASS (mc_issue_dialog_parent_class)->finalize (object);
}

static void
mc_issue_dialog_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  McIssueDialog *self = MC_ISSUE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_OFFERING:
      g_value_set_boxed (value, self->offering);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_issue_dialog_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  McIssueDialog *self = MC_ISSUE_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    case PROP_OFFERING:
      self->offering = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_issue_dialog_class_init (McIssueDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_issue_dialog_constructed;
  object_class->dispose = mc_issue_dialog_dispose;
  object_class->finalize = mc_issue_dialog_finalize;
  object_class->get_property = mc_issue_dialog_get_property;
  object_class->set_property = mc_issue_dialog_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = mc_issue_dialog_close_request;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFERING] =
    g_param_spec_boxed ("offering", NULL, NULL, MC_TYPE_OFFERING,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[STARTED] = g_signal_new ("started", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (MC_TYPE_PROBLEM_ROW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-issue-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, issue_button);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, passphrase_problem);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, data_integrity_row);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, data_integrity_switch);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, di_passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, folder_row);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, folder_button);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, progress_page);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, McIssueDialog, stopped_page);
  gtk_widget_class_bind_template_callback (widget_class, on_passphrase_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_data_integrity_toggled);
  gtk_widget_class_bind_template_callback (widget_class, on_issue_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_again_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_issue_dialog_init (McIssueDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

McIssueDialog *
mc_issue_dialog_new (McWorkflow *workflow,
                     McOffering *offering)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (offering != NULL, NULL);

  return g_object_new (MC_TYPE_ISSUE_DIALOG, "workflow", workflow, "offering", offering, NULL);
}
