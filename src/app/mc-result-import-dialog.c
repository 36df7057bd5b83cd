/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "mc-import-row-item.h"
#include "mc-result-import-dialog.h"
#include "mc-workflow-job.h"

struct _McResultImportDialog
{
  AdwWindow             parent_instance;

  McWorkflow           *workflow;
  McOffering           *offering;
  GFile                *file;
  McResultImport       *import;
  GCancellable         *cancellable;
  GListStore           *rows;             /* McImportRowItem, every row */
  GtkCustomFilter      *filter;
  GtkFilterListModel   *shown;
  GPtrArray            *dropdowns;        /* GtkDropDown, one per column */
  GtkFileChooserNative *chooser;
  char                 *summary;
  char                 *error;
  gboolean              loading;
  gboolean              recording;
  gboolean              saving;
  gboolean              only_problems;
  gboolean              syncing;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *loading_page;
  GtkSpinner           *spinner;
  AdwStatusPage        *failed_page;
  GtkWidget            *summary_box;
  GtkImage             *summary_icon;
  GtkLabel             *verdict_label;
  GtkLabel             *summary_label;
  GtkWidget            *save_problems_button;
  GtkListBox           *file_problems_list;
  GtkFlowBox           *columns_box;
  GtkLabel             *rows_label;
  GtkSwitch            *only_problems_switch;
  GtkColumnView        *rows_view;
};

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

/* Columns of the rows' table that are not columns of the file. */
#define LINE_COLUMN     G_MAXUINT
#define PROBLEMS_COLUMN (G_MAXUINT - 1)

static void
show_error (McResultImportDialog *self,
            const char           *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
update_import_button (McResultImportDialog *self)
{
  gboolean ready = mc_result_import_dialog_get_can_import (self);

  gtk_widget_set_sensitive (self->import_button, ready);
  gtk_widget_set_tooltip_text (self->import_button,
                               ready ? _("Record these results")
                                     : _("Fix the errors in the file, or what its columns hold, first"));
}

/* Words */

static char *
column_name (McResultImportDialog *self,
             guint                 column)
{
  const char *header = mc_result_import_get_header (self->import, column);

  if (header != NULL && *header != '\0')
    return g_strdup (header);
  /* Translators: a column of a CSV file without a heading, "Column 3" */
  return g_strdup_printf (_("Column %u"), column + 1);
}

static const char *
describe_delimiter (char delimiter)
{
  switch (delimiter)
    {
    case ',':
      return _("comma-separated");
    case ';':
      return _("semicolon-separated");
    case '\t':
      return _("tab-separated");
    case '|':
      return _("separated by vertical bars");
    default:
      return _("one column");
    }
}

/* "UTF-8 · comma-separated · 24 rows · 2 errors · 1 warning" */
static char *
describe_file (McResultImportDialog *self)
{
  guint n_rows = mc_result_import_get_n_rows (self->import);
  guint n_errors = mc_result_import_count_problems (self->import, MC_IMPORT_SEVERITY_ERROR);
  guint n_warnings = mc_result_import_count_problems (self->import, MC_IMPORT_SEVERITY_WARNING);
  g_autofree char *rows = g_strdup_printf (ngettext ("%u row", "%u rows", n_rows), n_rows);
  g_autofree char *errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  g_autofree char *warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);

  /* Translators: encoding · delimiter · rows · errors · warnings of a CSV file */
  return g_strdup_printf (_("%s · %s · %s · %s · %s"), mc_result_import_get_encoding (self->import),
                          describe_delimiter (mc_result_import_get_delimiter (self->import)),
                          rows, errors, warnings);
}

static void
update_summary (McResultImportDialog *self)
{
  guint n_rows = mc_result_import_get_n_rows (self->import);
  guint n_errors = mc_result_import_count_problems (self->import, MC_IMPORT_SEVERITY_ERROR);
  guint n_warnings = mc_result_import_count_problems (self->import, MC_IMPORT_SEVERITY_WARNING);
  g_autofree char *verdict = NULL;
  g_autofree char *state = NULL;
  const char *icon = NULL;
  const char *style = NULL;

  g_free (self->summary);
  self->summary = describe_file (self);
  gtk_label_set_text (self->summary_label, self->summary);

  if (n_errors > 0)
    {
      verdict = g_strdup_printf (ngettext ("%u error must be fixed before the results can be imported",
                                           "%u errors must be fixed before the results can be imported",
                                           n_errors), n_errors);
      icon = "dialog-error-symbolic";
      style = "error";
    }
  else if (n_rows == 0)
    {
      verdict = g_strdup (_("The file holds no results"));
      icon = "dialog-error-symbolic";
      style = "error";
    }
  else if (n_warnings > 0)
    {
      verdict = g_strdup_printf (ngettext ("Ready to import %u result; look at the warnings first",
                                           "Ready to import %u results; look at the warnings first",
                                           n_rows), n_rows);
      icon = "dialog-warning-symbolic";
      style = "warning";
    }
  else
    {
      verdict = g_strdup_printf (ngettext ("Ready to import %u result", "Ready to import %u results", n_rows),
                                 n_rows);
      icon = "emblem-ok-symbolic";
      style = "success";
    }
  gtk_label_set_text (self->verdict_label, verdict);
  gtk_image_set_from_icon_name (self->summary_icon, icon);
  gtk_widget_set_css_classes (GTK_WIDGET (self->summary_icon), (const char *[]) { style, NULL });
  gtk_widget_set_css_classes (GTK_WIDGET (self->verdict_label), (const char *[]) { "heading", style, NULL });
  state = g_strconcat ("state-", style, NULL);
  gtk_widget_set_css_classes (self->summary_box, (const char *[]) { "import-summary", state, NULL });
  gtk_widget_set_sensitive (self->save_problems_button, n_errors + n_warnings > 0);
}

/* A problem in words, its severity first: the colours only repeat it. */
static char *
describe_problem (McResultImportDialog  *self,
                  const McImportProblem *problem,
                  gboolean               with_line)
{
  g_autofree char *text = NULL;

  if (with_line)
    text = mc_result_import_describe_problem (self->import, problem);
  else if (problem->column >= 0)
    {
      g_autofree char *name = column_name (self, problem->column);

      /* Translators: a column of the file, then what is wrong in it */
      text = g_strdup_printf (_("%s: %s"), name, problem->message);
    }
  else
    text = g_strdup (problem->message);

  return problem->severity == MC_IMPORT_SEVERITY_ERROR
         /* Translators: a problem of a results file that stops the import */
         ? g_strdup_printf (_("Error: %s"), text)
         /* Translators: a problem of a results file that does not stop the import */
         : g_strdup_printf (_("Warning: %s"), text);
}

static void
fill_file_problems (McResultImportDialog *self)
{
  GPtrArray *problems = mc_result_import_get_file_problems (self->import);
  GtkWidget *child = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->file_problems_list))) != NULL)
    gtk_list_box_remove (self->file_problems_list, child);

  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      const McImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *text = describe_problem (self, problem, TRUE);
      gboolean error = problem->severity == MC_IMPORT_SEVERITY_ERROR;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name (error ? "dialog-error-symbolic" : "dialog-warning-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      error ? _("Error") : _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_widget_add_css_class (row, error ? "error" : "warning");
      gtk_list_box_append (self->file_problems_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->file_problems_list), problems != NULL && problems->len > 0);
}

/* Rows */

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  McResultImportDialog *self = user_data;

  return !self->only_problems || mc_import_row_item_has_problems (item);
}

static void
update_rows_label (McResultImportDialog *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->rows));
  g_autofree char *text = NULL;

  if (self->only_problems)
    /* Translators: how many rows of the file are shown, out of all */
    text = g_strdup_printf (ngettext ("%u row with problems, of %u", "%u rows with problems, of %u", shown),
                            shown, total);
  else
    text = g_strdup_printf (ngettext ("%u row", "%u rows", total), total);
  gtk_label_set_text (self->rows_label, text);
}

static void
replace_rows (McResultImportDialog *self)
{
  guint n = mc_result_import_get_n_rows (self->import);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, mc_import_row_item_new (self->import, i));
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       items->pdata, items->len);
  update_rows_label (self);
}

static void
on_only_problems_toggled (McResultImportDialog *self)
{
  self->only_problems = gtk_switch_get_active (self->only_problems_switch);
  gtk_filter_changed (GTK_FILTER (self->filter),
                      self->only_problems ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
  update_rows_label (self);
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *child = NULL;

  if (column == PROBLEMS_COLUMN)
    child = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), column == LINE_COLUMN ? 1 : 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (child), 28);
    }
  gtk_list_item_set_child (list_item, child);
}

static void
bind_problems (McResultImportDialog *self,
               const McImportRow    *row,
               GtkWidget            *box)
{
  GtkWidget *child = NULL;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
  for (guint i = 0; row->problems != NULL && i < row->problems->len; i++)
    {
      const McImportProblem *problem = g_ptr_array_index (row->problems, i);
      g_autofree char *text = describe_problem (self, problem, FALSE);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_add_css_class (label, problem->severity == MC_IMPORT_SEVERITY_ERROR ? "error" : "warning");
      gtk_box_append (GTK_BOX (box), label);
    }
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  McImportRowItem *item = gtk_list_item_get_item (list_item);
  McResultImportDialog *self = g_object_get_data (G_OBJECT (factory), "mc-dialog");
  GtkWidget *child = gtk_list_item_get_child (list_item);
  const McImportRow *row = mc_import_row_item_get_row (item);
  guint column = GPOINTER_TO_UINT (user_data);
  g_autofree char *line = NULL;
  int severity = -1;

  if (column == PROBLEMS_COLUMN)
    {
      bind_problems (self, row, child);
      return;
    }
  if (column == LINE_COLUMN)
    {
      line = g_strdup_printf ("%u", row->line);
      gtk_label_set_text (GTK_LABEL (child), line);
      gtk_widget_set_css_classes (child, (const char *[]) { "dim-label", "numeric", NULL });
      return;
    }
  gtk_label_set_text (GTK_LABEL (child), column < row->n_cells ? row->cells[column] : "");
  severity = mc_import_row_item_get_cell_severity (item, column);
  gtk_widget_set_css_classes (child, (const char *[]) {
                                severity == MC_IMPORT_SEVERITY_ERROR ? "error"
                                : severity == MC_IMPORT_SEVERITY_WARNING ? "warning" : NULL,
                                NULL });
}

static void
add_row_column (McResultImportDialog *self,
                const char           *title,
                guint                 column,
                gboolean              expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "mc-dialog", self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_append_column (self->rows_view, view_column);
}

static void
add_row_columns (McResultImportDialog *self)
{
  guint n = mc_result_import_get_n_columns (self->import);

  add_row_column (self, _("Line"), LINE_COLUMN, FALSE);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = column_name (self, i);

      add_row_column (self, name, i, FALSE);
    }
  add_row_column (self, _("Problems"), PROBLEMS_COLUMN, TRUE);
}

/* Columns: what each one holds */

static void
refresh (McResultImportDialog *self);

static void
on_role_selected (GtkDropDown          *dropdown,
                  GParamSpec           *pspec,
                  McResultImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "mc-column"));
  guint role = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || role > MC_IMPORT_COLUMN_IGNORE)
    return;
  mc_result_import_set_column (self->import, column, role);
  refresh (self);
}

static void
add_column_choosers (McResultImportDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) labels = NULL;
  guint n = mc_result_import_get_n_columns (self->import);

  for (McImportColumn role = 0; role <= MC_IMPORT_COLUMN_IGNORE; role++)
    g_strv_builder_add (builder, mc_import_column_get_label (role));
  labels = g_strv_builder_end (builder);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = column_name (self, i);
      /* Translators: for screen readers, %s is the heading of a column of a CSV file */
      g_autofree char *accessible = g_strdup_printf (_("What the column “%s” holds"), name);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *label = gtk_label_new (name);
      GtkWidget *dropdown = gtk_drop_down_new_from_strings ((const char * const *) labels);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data (G_OBJECT (dropdown), "mc-column", GUINT_TO_POINTER (i));
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_role_selected), self, 0);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), dropdown);
      gtk_flow_box_append (self->columns_box, box);
      g_ptr_array_add (self->dropdowns, dropdown);
    }
}

static void
sync_column_choosers (McResultImportDialog *self)
{
  self->syncing = TRUE;
  for (guint i = 0; i < self->dropdowns->len; i++)
    {
      GtkDropDown *dropdown = g_ptr_array_index (self->dropdowns, i);
      McImportColumn role = mc_result_import_get_column (self->import, i);
      g_autofree char *name = column_name (self, i);

      gtk_drop_down_set_selected (dropdown, role);
      /* A column left unread is dimmed, so the ones that count stand out. */
      if (role == MC_IMPORT_COLUMN_IGNORE)
        gtk_widget_add_css_class (gtk_widget_get_parent (GTK_WIDGET (dropdown)), "dim-label");
      else
        gtk_widget_remove_css_class (gtk_widget_get_parent (GTK_WIDGET (dropdown)), "dim-label");
    }
  self->syncing = FALSE;
}

void
mc_result_import_dialog_set_column (McResultImportDialog *self,
                                    guint                 column,
                                    McImportColumn        role)
{
  g_return_if_fail (MC_IS_RESULT_IMPORT_DIALOG (self));
  g_return_if_fail (column < self->dropdowns->len);

  gtk_drop_down_set_selected (g_ptr_array_index (self->dropdowns, column), role);
}

static void
refresh (McResultImportDialog *self)
{
  update_summary (self);
  fill_file_problems (self);
  sync_column_choosers (self);
  replace_rows (self);
  update_import_button (self);
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
      update_import_button (self);
      return;
    }

  add_column_choosers (self);
  add_row_columns (self);
  refresh (self);
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
  update_import_button (self);
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
  update_import_button (self);
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
  gtk_widget_class_bind_template_callback (widget_class, on_only_problems_toggled);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_result_import_dialog_init (McResultImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->import = mc_result_import_new ();
  self->cancellable = g_cancellable_new ();
  self->dropdowns = g_ptr_array_new ();
  self->rows = g_list_store_new (MC_TYPE_IMPORT_ROW_ITEM);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                           GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));
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
