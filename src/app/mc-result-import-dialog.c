/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The import preview's life: reading the file, recording the results,
 * saving the problems.  What the preview shows is in
 * mc-result-import-dialog-preview.c. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-result-import-dialog-private.h"
#include "mc-workflow-job.h"

G_DEFINE_FINAL_TYPE (McResultImportDialog, mc_result_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_OFFERING,
  PROP_FILE,
  N_PROPS
};

enum {
  IMPORTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
show_error (McResultImportDialog *self,
            const char           *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

void
_mc_result_import_dialog_update_import (McResultImportDialog *self)
{
  gboolean ready = mc_result_import_dialog_get_can_import (self);

  gtk_widget_set_sensitive (self->import_button, ready);
  gtk_widget_set_tooltip_text (self->import_button,
                               ready ? _("Record these results")
                                     : _("Fix the errors in the file, or what its columns hold, first"));
}

/* Loading */

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(McResultImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!mc_result_import_load_file_finish (MC_RESULT_IMPORT (source), result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->loading = FALSE;
  gtk_spinner_stop (self->spinner);
  if (error != NULL)
    {
      g_free (self->error);
      self->error = g_strdup (error->message);
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      _mc_result_import_dialog_update_import (self);
      return;
    }

  _mc_result_import_dialog_build_preview (self);
  _mc_result_import_dialog_refresh (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
start_loading (McResultImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_file_get_basename (self->file);

  adw_window_title_set_subtitle (self->window_title, name);
  adw_status_page_set_description (self->loading_page, name);
  mc_result_import_set_today (self->import, mc_workflow_get_today (self->workflow));
  if (!mc_result_import_set_offering (self->import, mc_workflow_get_store (self->workflow), self->offering,
                                      &error))
    {
      self->error = g_strdup (error->message);
      adw_status_page_set_description (self->failed_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "failed");
      return;
    }

  self->loading = TRUE;
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  mc_result_import_load_file_async (self->import, self->file, self->cancellable, on_loaded,
                                    g_object_ref (self));
}

/* Recording */

typedef struct {
  gint64     offering_id;
  GPtrArray *inputs;   /* McResultInput */
  char      *mapping;
} Request;

typedef struct {
  guint  n_written;
  char  *note;         /* why the mapping was not kept, or NULL */
} Outcome;

static void
request_free (Request *request)
{
  g_ptr_array_unref (request->inputs);
  g_free (request->mapping);
  g_free (request);
}

static void
outcome_free (Outcome *outcome)
{
  g_free (outcome->note);
  g_free (outcome);
}

static gpointer
record_job (McWorkflow  *workflow,
            gpointer     data,
            GError     **error)
{
  Request *request = data;
  g_autoptr(GError) mapping_error = NULL;
  Outcome *outcome = NULL;
  guint n_written = 0;

  if (!mc_workflow_record_results (workflow, request->offering_id, request->inputs, &n_written, error))
    return NULL;
  outcome = g_new0 (Outcome, 1);
  outcome->n_written = n_written;
  /* The next file from the same system is read the same way.  Not
   * keeping it does not undo the results. */
  if (!mc_workflow_set_setting (workflow, MC_SETTING_RESULTS_CSV_MAPPING, request->mapping, &mapping_error))
    outcome->note = g_strdup (mapping_error->message);
  return outcome;
}

static void
on_recorded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  McResultImportDialog *self = MC_RESULT_IMPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  Outcome *outcome = mc_workflow_job_finish (result, &error);

  if (self->import == NULL)  /* disposed meanwhile */
    {
      g_clear_pointer (&outcome, outcome_free);
      return;
    }
  self->recording = FALSE;
  gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  _mc_result_import_dialog_update_import (self);
  if (outcome == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[IMPORTED], 0, outcome->n_written, outcome->note);
  outcome_free (outcome);
  gtk_window_close (GTK_WINDOW (self));
}

gboolean
mc_result_import_dialog_import (McResultImportDialog *self)
{
  Request *request = NULL;

  g_return_val_if_fail (MC_IS_RESULT_IMPORT_DIALOG (self), FALSE);

  if (!mc_result_import_dialog_get_can_import (self))
    return FALSE;

  request = g_new0 (Request, 1);
  request->offering_id = self->offering->id;
  request->inputs = mc_result_import_dup_inputs (self->import);
  request->mapping = mc_result_import_dup_mapping (self->import);

  show_error (self, NULL);
  self->recording = TRUE;
  _mc_result_import_dialog_update_import (self);
  adw_status_page_set_title (self->loading_page, _("Recording the Results…"));
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  mc_workflow_job_run (self->workflow, record_job, request, (GDestroyNotify) request_free,
                       (GDestroyNotify) outcome_free, self, NULL, on_recorded, NULL);
  return TRUE;
}

static void
on_import_clicked (McResultImportDialog *self)
{
  mc_result_import_dialog_import (self);
}

/* Saving the problems */

static void
on_problems_saved (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(McResultImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;

  self->saving = FALSE;
  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }
  name = g_file_get_basename (G_FILE (source));
  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Saved “%s”"), name);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
mc_result_import_dialog_save_problems (McResultImportDialog *self,
                                       GFile                *file)
{
  char *csv = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_return_if_fail (MC_IS_RESULT_IMPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->loading || self->saving || self->import == NULL)
    return;
  self->saving = TRUE;
  csv = mc_result_import_write_problems_csv (self->import);
  bytes = g_bytes_new_take (csv, strlen (csv));
  g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                       self->cancellable, on_problems_saved, g_object_ref (self));
}

static void
on_chooser_response (McResultImportDialog *self,
                     int                   response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file != NULL)
    mc_result_import_dialog_save_problems (self, file);
}

static void
on_save_problems_clicked (McResultImportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *base = g_file_get_basename (self->file);
  g_autofree char *name = NULL;
  char *dot = NULL;

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Save the Problems"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  if ((dot = strrchr (base, '.')) != NULL)
    *dot = '\0';
  /* Translators: the file the problems of "results.csv" are saved to */
  name = g_strdup_printf (_("%s problems.csv"), base);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Public */

gboolean
mc_result_import_dialog_get_busy (McResultImportDialog *self)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT_DIALOG (self), FALSE);
  return self->loading || self->recording || self->saving;
}

McResultImport *
mc_result_import_dialog_get_import (McResultImportDialog *self)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT_DIALOG (self), NULL);
  return self->loading ? NULL : self->import;
}

void
mc_result_import_dialog_set_only_problems (McResultImportDialog *self,
                                           gboolean              only_problems)
{
  g_return_if_fail (MC_IS_RESULT_IMPORT_DIALOG (self));
  gtk_switch_set_active (self->only_problems_switch, only_problems);
}

GListModel *
mc_result_import_dialog_get_rows (McResultImportDialog *self)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT_DIALOG (self), NULL);
  return G_LIST_MODEL (self->shown);
}

const char *
mc_result_import_dialog_get_summary (McResultImportDialog *self)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT_DIALOG (self), NULL);
  return self->summary;
}

gboolean
mc_result_import_dialog_get_can_import (McResultImportDialog *self)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT_DIALOG (self), FALSE);
  return !self->loading && !self->recording && self->error == NULL &&
         mc_result_import_is_ready (self->import);
}

const char *
mc_result_import_dialog_get_error (McResultImportDialog *self)
{
  g_return_val_if_fail (MC_IS_RESULT_IMPORT_DIALOG (self), NULL);
  return self->error;
}

/* GObject */

static gboolean
mc_result_import_dialog_close_request (GtkWindow *window)
{
  McResultImportDialog *self = MC_RESULT_IMPORT_DIALOG (window);

  /* The results are being recorded in one transaction: all or nothing. */
  if (self->recording)
    return TRUE;
  return GTK_WINDOW_CLASS (mc_result_import_dialog_parent_class)->close_request (window);
}

static void
mc_result_import_dialog_constructed (GObject *object)
{
  McResultImportDialog *self = MC_RESULT_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (mc_result_import_dialog_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));
  g_assert (self->offering != NULL);
  g_assert (G_IS_FILE (self->file));

  start_loading (self);
}

static void
mc_result_import_dialog_dispose (GObject *object)
{
  McResultImportDialog *self = MC_RESULT_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->rows != NULL)
    g_list_store_remove_all (self->rows);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_RESULT_IMPORT_DIALOG);
  g_clear_object (&self->workflow);
  g_clear_pointer (&self->offering, mc_offering_free);
  g_clear_object (&self->file);
  g_clear_object (&self->import);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->shown);
  g_clear_object (&self->filter);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (mc_result_import_dialog_parent_class)->dispose (object);
}

static void
mc_result_import_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  McResultImportDialog *self = MC_RESULT_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_OFFERING:
      g_value_set_boxed (value, self->offering);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_result_import_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  McResultImportDialog *self = MC_RESULT_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    case PROP_OFFERING:
      self->offering = g_value_dup_boxed (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_result_import_dialog_class_init (McResultImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_result_import_dialog_constructed;
  object_class->dispose = mc_result_import_dialog_dispose;
  object_class->get_property = mc_result_import_dialog_get_property;
  object_class->set_property = mc_result_import_dialog_set_property;
  GTK_WINDOW_CLASS (klass)->close_request = mc_result_import_dialog_close_request;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFERING] =
    g_param_spec_boxed ("offering", NULL, NULL, MC_TYPE_OFFERING,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-result-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, loading_page);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, summary_box);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, summary_icon);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, verdict_label);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, save_problems_button);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, file_problems_list);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, columns_box);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, rows_label);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, only_problems_switch);
  gtk_widget_class_bind_template_child (widget_class, McResultImportDialog, rows_view);
  gtk_widget_class_bind_template_callback (widget_class, on_import_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_save_problems_clicked);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_only_problems_toggled",
                                                G_CALLBACK (_mc_result_import_dialog_only_problems_toggled));
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_result_import_dialog_init (McResultImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->import = mc_result_import_new ();
  self->cancellable = g_cancellable_new ();
  self->dropdowns = g_ptr_array_new ();
  _mc_result_import_dialog_init_rows (self);
}

McResultImportDialog *
mc_result_import_dialog_new (McWorkflow *workflow,
                             McOffering *offering,
                             GFile      *file)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (offering != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (MC_TYPE_RESULT_IMPORT_DIALOG,
                       "workflow", workflow,
                       "offering", offering,
                       "file", file,
                       NULL);
}
