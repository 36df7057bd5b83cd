/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-render.h"
#include "mc-report-dialog.h"
#include "mc-store-job.h"

struct _McReportDialog
{
  AdwWindow             parent_instance;

  McWorkflow           *workflow;
  GArray               *unit_ids;        /* gint64, parallel to the drop-down */
  McYearlyReport       *report;
  McYearlyReportLayout *layout;
  GCancellable         *build_cancellable;
  GCancellable         *export_cancellable;
  guint                 pulse_id;
  char                 *error;
  gboolean              syncing;
  gboolean              disposed;

  AdwToastOverlay      *toast_overlay;
  GtkMenuButton        *export_button;
  GtkDropDown          *unit_dropdown;
  GtkSpinButton        *year_spin;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkStack             *stack;
  GtkSpinner           *spinner;
  GtkBox               *pages_box;
  AdwStatusPage        *message_page;
};

G_DEFINE_FINAL_TYPE (McReportDialog, mc_report_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Pages are previewed this wide, in pixels. */
#define PREVIEW_WIDTH 560

static void
show_error (McReportDialog *self,
            const char     *heading,
            const char     *message)
{
  AdwMessageDialog *dialog = NULL;

  g_free (self->error);
  self->error = g_strdup (message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Who may report on what */

static gboolean
reports_on_all_units (McWorkflow *workflow)
{
  return mc_workflow_has_role (workflow, MC_ROLE_ADMINISTRATOR, 0) ||
         mc_workflow_has_role (workflow, MC_ROLE_QA_CHAIR, 0);
}

gboolean
mc_report_dialog_can_report (McWorkflow *workflow)
{
  g_autoptr(GPtrArray) grants = NULL;
  McPerson *actor = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), FALSE);

  if (reports_on_all_units (workflow))
    return TRUE;
  actor = mc_workflow_get_actor (workflow);
  grants = mc_store_list_roles (mc_workflow_get_store (workflow), mc_person_get_id (actor), NULL);
  for (guint i = 0; grants != NULL && i < grants->len; i++)
    if (((McRoleGrant *) g_ptr_array_index (grants, i))->role == MC_ROLE_QA_CHAIR)
      return TRUE;
  return FALSE;
}

static void
fill_units (McReportDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) units = mc_store_list_units (mc_workflow_get_store (self->workflow), NULL);
  gboolean all = reports_on_all_units (self->workflow);

  g_array_set_size (self->unit_ids, 0);
  for (guint i = 0; units != NULL && i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(McUnit) unit = g_list_model_get_item (units, i);
      gint64 id = mc_unit_get_id (unit);

      if (!all && !mc_workflow_has_role (self->workflow, MC_ROLE_QA_CHAIR, id))
        continue;
      g_array_append_val (self->unit_ids, id);
      gtk_string_list_append (names, mc_unit_get_name (unit));
    }
  self->syncing = TRUE;
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (names));
  self->syncing = FALSE;
}

static gint64
chosen_unit (McReportDialog *self)
{
  guint pos = gtk_drop_down_get_selected (self->unit_dropdown);

  if (pos == GTK_INVALID_LIST_POSITION || pos >= self->unit_ids->len)
    return 0;
  return g_array_index (self->unit_ids, gint64, pos);
}

/* Progress */

static gboolean
pulse_cb (gpointer user_data)
{
  McReportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
show_progress (McReportDialog *self,
               const char     *text)
{
  gboolean busy = text != NULL;

  gtk_label_set_text (self->progress_label, busy ? text : "");
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), !busy && self->report != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->unit_dropdown), !busy || self->build_cancellable != NULL);
  if (busy && self->pulse_id == 0)
    self->pulse_id = g_timeout_add (100, pulse_cb, self);
  else if (!busy)
    g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void
on_cancel_clicked (McReportDialog *self)
{
  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
}

/* Preview */

static void
draw_page (GtkDrawingArea *area,
           cairo_t        *cr,
           int             width,
           int             height,
           gpointer        user_data)
{
  McReportDialog *self = MC_REPORT_DIALOG (gtk_widget_get_root (GTK_WIDGET (area)));
  guint page = GPOINTER_TO_UINT (user_data);
  double scale = width / MC_YEARLY_REPORT_PAGE_WIDTH;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  if (self->layout == NULL || page >= mc_yearly_report_layout_get_n_pages (self->layout))
    return;
  cairo_scale (cr, scale, scale);
  mc_yearly_report_layout_draw_page (self->layout, cr, page);
}

static void
show_pages (McReportDialog *self)
{
  GtkWidget *child;
  guint n = self->layout != NULL ? mc_yearly_report_layout_get_n_pages (self->layout) : 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box))) != NULL)
    gtk_box_remove (self->pages_box, child);

  for (guint i = 0; i < n; i++)
    {
      GtkWidget *area = gtk_drawing_area_new ();
      g_autofree char *name = NULL;

      gtk_drawing_area_set_content_width (GTK_DRAWING_AREA (area), PREVIEW_WIDTH);
      gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (area),
                                           (int) (PREVIEW_WIDTH * MC_YEARLY_REPORT_PAGE_HEIGHT
                                                  / MC_YEARLY_REPORT_PAGE_WIDTH));
      gtk_widget_set_halign (area, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (area, "report-page");
      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_page, GUINT_TO_POINTER (i), NULL);
      /* Translators: "Page 1 of 3", for screen readers */
      name = g_strdup_printf (_("Page %u of %u"), i + 1, n);
      gtk_accessible_update_property (GTK_ACCESSIBLE (area), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_box_append (self->pages_box, area);
    }
}

typedef struct {
  gint64  unit_id;
  int     year;
  char   *today;
} BuildRequest;

static void
build_request_free (BuildRequest *request)
{
  g_free (request->today);
  g_free (request);
}

static gpointer
build_job (McStore       *store,
           gpointer       data,
           GCancellable  *cancellable,
           GError       **error)
{
  BuildRequest *request = data;

  return mc_store_build_yearly_report (store, request->unit_id, request->year, request->today, error);
}

static void
on_built (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  McReportDialog *self = MC_REPORT_DIALOG (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(McYearlyReport) report = mc_store_job_finish (result, &error);
  cairo_surface_t *surface = NULL;
  cairo_t *cr = NULL;

  if (report == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Replaced by a newer request, or the window closed: nothing to do.
       * Cancelled by the person: say so. */
      if (self->build_cancellable != NULL && g_cancellable_is_cancelled (self->build_cancellable))
        {
          g_clear_object (&self->build_cancellable);
          gtk_spinner_stop (self->spinner);
          show_progress (self, NULL);
          adw_status_page_set_title (self->message_page, _("Report Not Gathered"));
          adw_status_page_set_description (self->message_page, _("Gathering the report was cancelled"));
          gtk_stack_set_visible_child_name (self->stack, "message");
        }
      return;
    }

  g_clear_object (&self->build_cancellable);
  gtk_spinner_stop (self->spinner);

  if (report == NULL)
    {
      show_progress (self, NULL);
      g_free (self->error);
      self->error = g_strdup (error->message);
      adw_status_page_set_title (self->message_page, _("Could Not Gather the Report"));
      adw_status_page_set_description (self->message_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "message");
      return;
    }

  g_set_object (&self->report, report);
  g_clear_object (&self->layout);
  self->layout = mc_yearly_report_layout_new (report);

  /* Pages are cut with the fonts of a real surface, as the PDF's are. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  mc_yearly_report_layout_paginate (self->layout, cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  show_progress (self, NULL);
  show_pages (self);
  gtk_stack_set_visible_child_name (self->stack, "preview");
}

static void
rebuild (McReportDialog *self)
{
  g_autoptr(GError) error = NULL;
  BuildRequest *request = NULL;
  gint64 unit_id = chosen_unit (self);

  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  g_clear_object (&self->report);
  g_clear_object (&self->layout);

  if (unit_id == 0)
    {
      adw_status_page_set_title (self->message_page, _("No Unit to Report On"));
      adw_status_page_set_description (self->message_page,
                                       _("Yearly reports are made by the QA chair of a unit"));
      gtk_stack_set_visible_child_name (self->stack, "message");
      show_progress (self, NULL);
      return;
    }

  if (!mc_workflow_check_report (self->workflow, unit_id, &error))
    {
      adw_status_page_set_title (self->message_page, _("Not Allowed"));
      adw_status_page_set_description (self->message_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "message");
      show_progress (self, NULL);
      return;
    }

  request = g_new0 (BuildRequest, 1);
  request->unit_id = unit_id;
  request->year = gtk_spin_button_get_value_as_int (self->year_spin);
  request->today = g_strdup (mc_workflow_get_today (self->workflow));

  self->build_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, "loading");
  show_progress (self, _("Gathering the report…"));
  mc_store_job_run (mc_workflow_get_store (self->workflow), build_job, request,
                    (GDestroyNotify) build_request_free, g_object_unref, self,
                    self->build_cancellable, on_built, NULL);
}

static void
on_choice_changed (McReportDialog *self)
{
  if (!self->syncing)
    rebuild (self);
}

gboolean
mc_report_dialog_set_unit (McReportDialog *self,
                           gint64          unit_id)
{
  g_return_val_if_fail (MC_IS_REPORT_DIALOG (self), FALSE);

  for (guint i = 0; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == unit_id)
      {
        gtk_drop_down_set_selected (self->unit_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
mc_report_dialog_set_year (McReportDialog *self,
                           int             year)
{
  g_return_if_fail (MC_IS_REPORT_DIALOG (self));
  gtk_spin_button_set_value (self->year_spin, year);
}

/* Export */

static void
export_done (McReportDialog *self,
             GFile          *file,
             GError         *error)
{
  g_clear_object (&self->export_cancellable);
  show_progress (self, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Export cancelled")));
    }
  else if (error != NULL)
    {
      show_error (self, _("Could Not Export the Report"), error->message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Saved “%s”"), name);

      g_clear_pointer (&self->error, g_free);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
    }
}

/* Both keep the window alive until the file is written; a window
 * closed meanwhile has cancelled the export and shows nothing. */
static void
on_pdf_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(McReportDialog) self = user_data;
  g_autoptr(GFile) file = g_object_steal_data (G_OBJECT (self), "mc-export-file");
  g_autoptr(GError) error = NULL;

  mc_yearly_report_write_pdf_finish (MC_YEARLY_REPORT (source), result, &error);
  if (!self->disposed)
    export_done (self, file, error);
}

static void
on_csv_written (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(McReportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  g_file_replace_contents_finish (G_FILE (source), result, NULL, &error);
  if (!self->disposed)
    export_done (self, G_FILE (source), error);
}

void
mc_report_dialog_export (McReportDialog *self,
                         GFile          *file,
                         McReportFormat  format)
{
  g_return_if_fail (MC_IS_REPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->report == NULL || self->export_cancellable != NULL)
    return;

  self->export_cancellable = g_cancellable_new ();
  if (format == MC_REPORT_FORMAT_PDF)
    {
      g_autofree char *path = g_file_get_path (file);

      if (path == NULL)
        {
          g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                 _("The report can only be saved to a local file"));

          export_done (self, file, error);
          return;
        }
      show_progress (self, _("Writing the PDF…"));
      g_object_set_data_full (G_OBJECT (self), "mc-export-file", g_object_ref (file), g_object_unref);
      mc_yearly_report_write_pdf_async (self->report, path, self->export_cancellable,
                                        on_pdf_written, g_object_ref (self));
    }
  else
    {
      char *csv = mc_yearly_report_to_csv (self->report);
      g_autoptr(GBytes) bytes = g_bytes_new_take (csv, strlen (csv));

      show_progress (self, _("Writing the CSV file…"));
      g_file_replace_contents_bytes_async (file, bytes, NULL, FALSE,
                                           G_FILE_CREATE_REPLACE_DESTINATION,
                                           self->export_cancellable,
                                           on_csv_written, g_object_ref (self));
    }
}

/* The file chooser */

#define CHOOSER_KEY "mc-report-chooser"

static void
on_chooser_response (GtkNativeDialog *native,
                     int              response,
                     McReportDialog  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      McReportFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "mc-format"));

      if (file != NULL)
        mc_report_dialog_export (self, file, format);
    }
  g_object_set_data (G_OBJECT (self), CHOOSER_KEY, NULL);
}

static void
choose_file (McReportDialog *self,
             McReportFormat  format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *unit = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *native = NULL;
  gboolean pdf = format == MC_REPORT_FORMAT_PDF;

  if (self->report == NULL)
    return;

  native = gtk_file_chooser_native_new (pdf ? _("Export the Report as PDF")
                                            : _("Export the Report as CSV"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_filter_set_name (filter, pdf ? _("PDF documents") : _("CSV spreadsheets"));
  gtk_file_filter_add_mime_type (filter, pdf ? "application/pdf" : "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);

  unit = g_strdup (mc_yearly_report_get_unit_code (self->report));
  g_strdelimit (unit, "/\\:*?\"<>|", '-');
  /* Translators: file name of an exported report: unit code, year, extension */
  name = g_strdup_printf (_("%s QA report %d.%s"), unit, mc_yearly_report_get_year (self->report),
                          pdf ? "pdf" : "csv");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  g_object_set_data (G_OBJECT (native), "mc-format", GINT_TO_POINTER (format));
  g_object_set_data_full (G_OBJECT (self), CHOOSER_KEY, native, g_object_unref);
  g_signal_connect_object (native, "response", G_CALLBACK (on_chooser_response), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
report_export_pdf (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  choose_file (MC_REPORT_DIALOG (widget), MC_REPORT_FORMAT_PDF);
}

static void
report_export_csv (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  choose_file (MC_REPORT_DIALOG (widget), MC_REPORT_FORMAT_CSV);
}

/* Accessors */

gboolean
mc_report_dialog_get_busy (McReportDialog *self)
{
  g_return_val_if_fail (MC_IS_REPORT_DIALOG (self), FALSE);
  return self->build_cancellable != NULL || self->export_cancellable != NULL;
}

McYearlyReport *
mc_report_dialog_get_report (McReportDialog *self)
{
  g_return_val_if_fail (MC_IS_REPORT_DIALOG (self), NULL);
  return self->report;
}

guint
mc_report_dialog_get_n_pages (McReportDialog *self)
{
  g_return_val_if_fail (MC_IS_REPORT_DIALOG (self), 0);
  return self->layout != NULL ? mc_yearly_report_layout_get_n_pages (self->layout) : 0;
}

const char *
mc_report_dialog_get_error (McReportDialog *self)
{
  g_return_val_if_fail (MC_IS_REPORT_DIALOG (self), NULL);
  return self->error;
}

/* GObject */

static void
mc_report_dialog_constructed (GObject *object)
{
  McReportDialog *self = MC_REPORT_DIALOG (object);
  g_autoptr(GDate) today = g_date_new ();
  const char *iso = NULL;
  int year = 0;

  G_OBJECT_CLASS (mc_report_dialog_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));

  /* The year that is ending, by the workflow's calendar. */
  iso = mc_workflow_get_today (self->workflow);
  g_date_set_parse (today, iso);
  if (g_date_valid (today))
    year = g_date_get_year (today);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now);
    }
  self->syncing = TRUE;
  gtk_spin_button_set_value (self->year_spin, year);
  self->syncing = FALSE;

  fill_units (self);
  g_signal_connect_object (self->unit_dropdown, "notify::selected",
                           G_CALLBACK (on_choice_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_spin, "value-changed",
                           G_CALLBACK (on_choice_changed), self, G_CONNECT_SWAPPED);
  rebuild (self);
}

static void
mc_report_dialog_dispose (GObject *object)
{
  McReportDialog *self = MC_REPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->build_cancellable != NULL)
    g_cancellable_cancel (self->build_cancellable);
  if (self->export_cancellable != NULL)
    g_cancellable_cancel (self->export_cancellable);
  g_clear_object (&self->build_cancellable);
  g_clear_object (&self->export_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_object_set_data (G_OBJECT (self), CHOOSER_KEY, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_REPORT_DIALOG);

  G_OBJECT_CLASS (mc_report_dialog_parent_class)->dispose (object);
}

static void
mc_report_dialog_finalize (GObject *object)
{
  McReportDialog *self = MC_REPORT_DIALOG (object);

  g_clear_object (&self->workflow);
  g_clear_object (&self->report);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (mc_report_dialog_parent_class)->finalize (object);
}

static void
mc_report_dialog_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  McReportDialog *self = MC_REPORT_DIALOG (object);

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
mc_report_dialog_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  McReportDialog *self = MC_REPORT_DIALOG (object);

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
mc_report_dialog_class_init (McReportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_report_dialog_constructed;
  object_class->dispose = mc_report_dialog_dispose;
  object_class->finalize = mc_report_dialog_finalize;
  object_class->get_property = mc_report_dialog_get_property;
  object_class->set_property = mc_report_dialog_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-report-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McReportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, McReportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, McReportDialog, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McReportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, McReportDialog, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, McReportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, McReportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, McReportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, McReportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, McReportDialog, pages_box);
  gtk_widget_class_bind_template_child (widget_class, McReportDialog, message_page);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_clicked);

  gtk_widget_class_install_action (widget_class, "report.export-pdf", NULL, report_export_pdf);
  gtk_widget_class_install_action (widget_class, "report.export-csv", NULL, report_export_csv);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_report_dialog_init (McReportDialog *self)
{
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
}

McReportDialog *
mc_report_dialog_new (McWorkflow *workflow)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_REPORT_DIALOG, "workflow", workflow, NULL);
}
