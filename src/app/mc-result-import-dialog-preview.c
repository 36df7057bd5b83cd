/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the import preview shows: the verdict and summary, the problems of
 * the file, what each column holds, and the rows with their problems. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-import-row-item.h"
#include "mc-result-import-dialog-private.h"

/* Columns of the rows' table that are not columns of the file. */
#define LINE_COLUMN     G_MAXUINT
#define PROBLEMS_COLUMN (G_MAXUINT - 1)

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

void
_mc_result_import_dialog_only_problems_toggled (McResultImportDialog *self)
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
on_role_selected (GtkDropDown          *dropdown,
                  GParamSpec           *pspec,
                  McResultImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dropdown), "mc-column"));
  guint role = gtk_drop_down_get_selected (dropdown);

  if (self->syncing || role > MC_IMPORT_COLUMN_IGNORE)
    return;
  mc_result_import_set_column (self->import, column, role);
  _mc_result_import_dialog_refresh (self);
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

void
_mc_result_import_dialog_refresh (McResultImportDialog *self)
{
  update_summary (self);
  fill_file_problems (self);
  sync_column_choosers (self);
  replace_rows (self);
  _mc_result_import_dialog_update_import (self);
}

void
_mc_result_import_dialog_build_preview (McResultImportDialog *self)
{
  add_column_choosers (self);
  add_row_columns (self);
}

void
_mc_result_import_dialog_init_rows (McResultImportDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  self->rows = g_list_store_new (MC_TYPE_IMPORT_ROW_ITEM);
  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  self->shown = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->rows)),
                                           GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_column_view_set_model (self->rows_view, GTK_SELECTION_MODEL (selection));
}
