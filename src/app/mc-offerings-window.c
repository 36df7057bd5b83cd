/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-date-format.h"
#include "mc-offerings-window.h"
#include "mc-result-item.h"
#include "mc-store-job.h"

struct _McOfferingsWindow
{
  AdwWindow             parent_instance;

  McWorkflow           *workflow;
  McDesign             *design;
  GPtrArray            *offerings;         /* McOffering, as listed */
  gint64                selected_id;
  GListStore           *results;           /* McResultItem */
  GCancellable         *results_cancellable;
  GtkFileChooserNative *chooser;
  gboolean              syncing;
  gboolean              disposed;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkWidget            *sidebar;
  GtkWidget            *content;
  AdwWindowTitle       *sidebar_title;
  GtkStack             *sidebar_stack;
  GtkListBox           *offerings_list;
  AdwWindowTitle       *content_title;
  GtkWidget            *issue_button;
  GtkWidget            *import_button;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  GtkLabel             *offering_title;
  GtkLabel             *offering_details;
  GtkLabel             *offering_counts;
  GtkStack             *results_stack;
  GtkSpinner           *results_spinner;
  GtkColumnView        *results_view;
};

G_DEFINE_FINAL_TYPE (McOfferingsWindow, mc_offerings_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_DESIGN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void load_results (McOfferingsWindow *self);

static McOffering *
selected (McOfferingsWindow *self)
{
  for (guint i = 0; i < self->offerings->len; i++)
    {
      McOffering *offering = g_ptr_array_index (self->offerings, i);

      if (offering->id == self->selected_id)
        return offering;
    }
  return NULL;
}

/* Words */

/* "12 January – 29 May 2026" */
static char *
describe_dates (McOfferingsWindow *self,
                const McOffering  *offering)
{
  g_autofree char *starts = mc_format_iso_date (offering->starts_on, NULL);
  g_autofree char *ends = mc_format_iso_date (offering->ends_on, NULL);

  /* Translators: the dates an offering runs, "12 January – 29 May 2026" */
  return g_strdup_printf (_("%s – %s"), starts != NULL ? starts : offering->starts_on,
                          ends != NULL ? ends : offering->ends_on);
}

static char *
describe_counts (const McOffering *offering)
{
  g_autofree char *results = NULL;
  g_autofree char *issued = NULL;

  if (offering->n_results == 0)
    return g_strdup (_("No results yet"));
  results = g_strdup_printf (ngettext ("%u result, %u passed", "%u results, %u passed", offering->n_results),
                             offering->n_results, offering->n_passed);
  issued = g_strdup_printf (ngettext ("%u credential issued", "%u credentials issued", offering->n_issued),
                            offering->n_issued);
  /* Translators: "24 results, 22 passed · 18 credentials issued" */
  return g_strdup_printf (_("%s · %s"), results, issued);
}

/* The sidebar */

static GtkWidget *
offering_row (McOfferingsWindow *self,
              McOffering        *offering)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *code = gtk_label_new (offering->code);
  g_autofree char *dates = describe_dates (self, offering);
  /* Translators: an offering's dates and mode, "12 January – 29 May 2026 · Online" */
  g_autofree char *when = g_strdup_printf (_("%s · %s"), dates,
                                           mc_enum_label (MC_TYPE_PARTICIPATION_MODE, offering->mode));
  g_autofree char *counts = describe_counts (offering);
  GtkWidget *details = gtk_label_new (when);
  GtkWidget *numbers = gtk_label_new (counts);
  GtkWidget *labels[] = { code, details, numbers };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      gtk_label_set_xalign (GTK_LABEL (labels[i]), 0);
      gtk_label_set_ellipsize (GTK_LABEL (labels[i]), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), labels[i]);
    }
  gtk_widget_add_css_class (code, "heading");
  gtk_widget_add_css_class (details, "caption");
  gtk_widget_add_css_class (details, "dim-label");
  gtk_widget_add_css_class (numbers, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "mc-offering", offering);
  return row;
}

static void
update_actions (McOfferingsWindow *self)
{
  McOffering *offering = selected (self);
  g_autoptr(GError) create_error = NULL;
  g_autoptr(GError) record_error = NULL;
  g_autoptr(GError) issue_error = NULL;
  gboolean create = mc_workflow_check (self->workflow, self->design, MC_ACTION_CREATE_OFFERING, &create_error);
  gboolean record = mc_workflow_check (self->workflow, self->design, MC_ACTION_RECORD_RESULTS, &record_error);
  gboolean issue = mc_workflow_check (self->workflow, self->design, MC_ACTION_ISSUE, &issue_error);
  const char *issue_tip = _("Sign a credential for every learner who passed and write their certificates");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offerings.new", create);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offerings.import", record && offering != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "offerings.issue", issue && offering != NULL);

  gtk_widget_set_tooltip_text (self->import_button,
                               record ? _("Read the results of this offering from a CSV file")
                                      : record_error->message);
  gtk_widget_set_tooltip_text (self->issue_button, issue ? issue_tip : issue_error->message);
  gtk_widget_set_visible (self->import_button, offering != NULL);
  gtk_widget_set_visible (self->issue_button, offering != NULL);
}

static void
show_offering (McOfferingsWindow *self)
{
  McOffering *offering = selected (self);
  g_autofree char *dates = NULL;
  g_autofree char *details = NULL;
  g_autofree char *counts = NULL;

  update_actions (self);
  if (offering == NULL)
    {
      adw_window_title_set_title (self->content_title, "");
      adw_window_title_set_subtitle (self->content_title, "");
      gtk_stack_set_visible_child_name (self->content_stack, "none");
      return;
    }

  dates = describe_dates (self, offering);
  if (offering->location != NULL && *offering->location != '\0')
    /* Translators: an offering's code, dates, mode and location */
    details = g_strdup_printf (_("%s · %s · %s · %s"), offering->code, dates,
                               mc_enum_label (MC_TYPE_PARTICIPATION_MODE, offering->mode), offering->location);
  else
    /* Translators: an offering's code, dates and mode */
    details = g_strdup_printf (_("%s · %s · %s"), offering->code, dates,
                               mc_enum_label (MC_TYPE_PARTICIPATION_MODE, offering->mode));
  counts = describe_counts (offering);
  adw_window_title_set_title (self->content_title, offering->code);
  adw_window_title_set_subtitle (self->content_title, dates);
  gtk_label_set_text (self->offering_title, offering->title != NULL ? offering->title : "");
  gtk_label_set_text (self->offering_details, details);
  gtk_label_set_text (self->offering_counts, counts);
  gtk_stack_set_visible_child_name (self->content_stack, "offering");
}

static void
on_offering_selected (McOfferingsWindow *self,
                      GtkListBoxRow     *row)
{
  McOffering *offering = row != NULL ? g_object_get_data (G_OBJECT (row), "mc-offering") : NULL;

  /* Rows are unselected as the list goes with the window, too. */
  if (self->syncing || self->disposed)
    return;
  self->selected_id = offering != NULL ? offering->id : 0;
  show_offering (self);
  load_results (self);
  if (offering != NULL)
    adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
on_back_clicked (McOfferingsWindow *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->sidebar);
}

void
mc_offerings_window_reload (McOfferingsWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offerings = NULL;
  GtkWidget *child = NULL;
  GtkListBoxRow *row = NULL;

  g_return_if_fail (MC_IS_OFFERINGS_WINDOW (self));

  offerings = mc_store_list_offerings (mc_workflow_get_store (self->workflow),
                                       mc_design_get_id (self->design), &error);
  if (offerings == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  self->syncing = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->offerings_list))) != NULL)
    gtk_list_box_remove (self->offerings_list, child);
  g_ptr_array_unref (self->offerings);
  self->offerings = g_steal_pointer (&offerings);
  for (guint i = 0; i < self->offerings->len; i++)
    {
      McOffering *offering = g_ptr_array_index (self->offerings, i);
      GtkWidget *widget = offering_row (self, offering);

      gtk_list_box_append (self->offerings_list, widget);
      if (offering->id == self->selected_id)
        row = GTK_LIST_BOX_ROW (widget);
    }
  gtk_list_box_select_row (self->offerings_list, row);
  self->syncing = FALSE;

  if (row == NULL)
    self->selected_id = 0;
  gtk_stack_set_visible_child_name (self->sidebar_stack, self->offerings->len > 0 ? "list" : "empty");
  show_offering (self);
}

gboolean
mc_offerings_window_select_offering (McOfferingsWindow *self,
                                     gint64             offering_id)
{
  g_return_val_if_fail (MC_IS_OFFERINGS_WINDOW (self), FALSE);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->offerings_list)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      McOffering *offering = g_object_get_data (G_OBJECT (child), "mc-offering");

      if (offering != NULL && offering->id == offering_id)
        {
          gtk_list_box_select_row (self->offerings_list, GTK_LIST_BOX_ROW (child));
          return TRUE;
        }
    }
  return FALSE;
}

guint
mc_offerings_window_get_n_offerings (McOfferingsWindow *self)
{
  g_return_val_if_fail (MC_IS_OFFERINGS_WINDOW (self), 0);
  return self->offerings->len;
}

const McOffering *
mc_offerings_window_get_offering (McOfferingsWindow *self)
{
  g_return_val_if_fail (MC_IS_OFFERINGS_WINDOW (self), NULL);
  return selected (self);
}

gint64
mc_offerings_window_get_design_id (McOfferingsWindow *self)
{
  g_return_val_if_fail (MC_IS_OFFERINGS_WINDOW (self), 0);
  return mc_design_get_id (self->design);
}

/* Results */

static gpointer
results_job (McStore       *store,
             gpointer       data,
             GCancellable  *cancellable,
             GError       **error)
{
  return mc_result_item_list (store, *(gint64 *) data, error);
}

static void
on_results_loaded (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  McOfferingsWindow *self = MC_OFFERINGS_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = mc_store_job_finish (result, &error);

  /* Replaced by another offering's, or the window closed. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->results_cancellable);
  gtk_spinner_stop (self->results_spinner);
  if (items == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      return;
    }
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->results_stack, items->len > 0 ? "list" : "empty");
}

static void
load_results (McOfferingsWindow *self)
{
  if (self->results_cancellable != NULL)
    g_cancellable_cancel (self->results_cancellable);
  g_clear_object (&self->results_cancellable);
  g_list_store_remove_all (self->results);
  if (self->selected_id == 0)
    return;

  self->results_cancellable = g_cancellable_new ();
  gtk_spinner_start (self->results_spinner);
  gtk_stack_set_visible_child_name (self->results_stack, "loading");
  mc_store_job_run (mc_workflow_get_store (self->workflow), results_job,
                    g_memdup2 (&self->selected_id, sizeof self->selected_id), g_free,
                    (GDestroyNotify) g_ptr_array_unref, self, self->results_cancellable,
                    on_results_loaded, NULL);
}

GListModel *
mc_offerings_window_get_results (McOfferingsWindow *self)
{
  g_return_val_if_fail (MC_IS_OFFERINGS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->results);
}

gboolean
mc_offerings_window_get_loading (McOfferingsWindow *self)
{
  g_return_val_if_fail (MC_IS_OFFERINGS_WINDOW (self), FALSE);
  return self->results_cancellable != NULL;
}

/* The columns of the results */

/* The columns, in the order shown. */
typedef enum {
  COLUMN_LEARNER,
  COLUMN_STUDENT_ID,
  COLUMN_GRADE,
  COLUMN_RESULT,
  COLUMN_COMPLETED,
  COLUMN_CREDENTIAL,
} Column;

static const struct {
  const char *title;
  gboolean    expand;
} columns[] = {
  [COLUMN_LEARNER]    = { N_("Learner"), TRUE },
  [COLUMN_STUDENT_ID] = { N_("Student ID"), FALSE },
  [COLUMN_GRADE]      = { N_("Grade"), FALSE },
  [COLUMN_RESULT]     = { N_("Result"), FALSE },
  [COLUMN_COMPLETED]  = { N_("Completed"), FALSE },
  [COLUMN_CREDENTIAL] = { N_("Credential"), FALSE },
};

static const char *
column_text (McResultItem *item,
             Column        column)
{
  const McResult *result = mc_result_item_get_result (item);

  switch (column)
    {
    case COLUMN_LEARNER:
      return mc_result_item_get_name (item);
    case COLUMN_STUDENT_ID:
      return result->learner->student_id;
    case COLUMN_GRADE:
      return result->grade;
    case COLUMN_RESULT:
      return result->passed ? _("Passed") : _("Not passed");
    case COLUMN_COMPLETED:
      return result->completed_on;
    case COLUMN_CREDENTIAL:
      return mc_result_item_get_credential_text (item);
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Only the words say what a credential's state is; the colours repeat it. */
static const char *
credential_class (McResultItem *item)
{
  int state = mc_result_item_get_credential_state (item);

  if (state == MC_CREDENTIAL_STATE_ACTIVE)
    return "success";
  if (state == MC_CREDENTIAL_STATE_REVOKED || state == MC_CREDENTIAL_STATE_SUSPENDED)
    return "error";
  if (state < 0)
    return "dim-label";
  return NULL;
}

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  McResultItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *value = column_text (item, column);
  const char *classes[] = { NULL, NULL };

  gtk_label_set_text (GTK_LABEL (label), value != NULL ? value : "");
  if (column == COLUMN_CREDENTIAL)
    classes[0] = credential_class (item);
  gtk_widget_set_css_classes (label, classes);
}

static void
setup_columns (McOfferingsWindow *self)
{
  g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->results)));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(columns[i].title), factory);
      gtk_column_view_column_set_expand (column, columns[i].expand);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->results_view, column);
    }
  gtk_column_view_set_model (self->results_view, GTK_SELECTION_MODEL (selection));
}

/* New offering */

static void
on_offering_created (McOfferingsWindow *self,
                     McOffering        *offering)
{
  /* Translators: %s is the code of an offering */
  g_autofree char *text = g_strdup_printf (_("Offering %s created"), offering->code);

  self->selected_id = offering->id;
  mc_offerings_window_reload (self);
  load_results (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

McOfferingDialog *
mc_offerings_window_new_offering (McOfferingsWindow *self)
{
  McOfferingDialog *dialog = NULL;

  g_return_val_if_fail (MC_IS_OFFERINGS_WINDOW (self), NULL);

  dialog = mc_offering_dialog_new (self->workflow, self->design);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_offering_created), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
offerings_new (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  mc_offerings_window_new_offering (MC_OFFERINGS_WINDOW (widget));
}

/* Importing results */

static void
on_results_imported (McOfferingsWindow *self,
                     guint              n_written,
                     const char        *note)
{
  g_autofree char *done = NULL;
  g_autofree char *text = NULL;

  if (n_written == 0)
    done = g_strdup (_("The results were already recorded; nothing changed"));
  else
    done = g_strdup_printf (ngettext ("%u result recorded", "%u results recorded", n_written), n_written);
  if (note != NULL)
    /* Translators: the results were recorded; then why the column mapping was not kept */
    text = g_strdup_printf (_("%s, but the columns of the file were not kept: %s"), done, note);
  else
    text = g_steal_pointer (&done);
  mc_offerings_window_reload (self);
  load_results (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

McResultImportDialog *
mc_offerings_window_import_file (McOfferingsWindow *self,
                                 GFile             *file)
{
  McResultImportDialog *dialog = NULL;
  McOffering *offering = NULL;

  g_return_val_if_fail (MC_IS_OFFERINGS_WINDOW (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  offering = selected (self);
  g_return_val_if_fail (offering != NULL, NULL);

  dialog = mc_result_import_dialog_new (self->workflow, offering, file);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_results_imported), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_chooser_response (McOfferingsWindow *self,
                     int                response)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
  g_clear_object (&self->chooser);
  if (file != NULL && selected (self) != NULL)
    mc_offerings_window_import_file (self, file);
}

static void
offerings_import (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  McOfferingsWindow *self = MC_OFFERINGS_WINDOW (widget);
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->chooser != NULL || selected (self) == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Import Results"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV files"));
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), all);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Issuing */

static void
on_issue_finished (McOfferingsWindow *self)
{
  mc_offerings_window_reload (self);
  load_results (self);
}

McIssueDialog *
mc_offerings_window_issue (McOfferingsWindow *self)
{
  McIssueDialog *dialog = NULL;
  McOffering *offering = NULL;

  g_return_val_if_fail (MC_IS_OFFERINGS_WINDOW (self), NULL);

  offering = selected (self);
  g_return_val_if_fail (offering != NULL, NULL);

  dialog = mc_issue_dialog_new (self->workflow, offering);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "finished", G_CALLBACK (on_issue_finished), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
offerings_issue (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  McOfferingsWindow *self = MC_OFFERINGS_WINDOW (widget);

  if (selected (self) != NULL)
    mc_offerings_window_issue (self);
}

/* GObject */

static void
mc_offerings_window_constructed (GObject *object)
{
  McOfferingsWindow *self = MC_OFFERINGS_WINDOW (object);
  const char *title = NULL;
  g_autofree char *window_title = NULL;

  G_OBJECT_CLASS (mc_offerings_window_parent_class)->constructed (object);

  g_assert (MC_IS_WORKFLOW (self->workflow));
  g_assert (MC_IS_DESIGN (self->design));

  title = mc_revision_get_title (mc_design_get_content (self->design));
  if (title == NULL || *title == '\0')
    title = _("Untitled design");
  adw_window_title_set_subtitle (self->sidebar_title, title);
  /* Translators: the title of the offerings window, %s is a micro-credential */
  window_title = g_strdup_printf (_("Offerings of “%s”"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);

  setup_columns (self);
  mc_offerings_window_reload (self);
}

static void
mc_offerings_window_dispose (GObject *object)
{
  McOfferingsWindow *self = MC_OFFERINGS_WINDOW (object);

  self->disposed = TRUE;
  if (self->results_cancellable != NULL)
    g_cancellable_cancel (self->results_cancellable);
  g_clear_object (&self->results_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_OFFERINGS_WINDOW);
  g_clear_object (&self->workflow);
  g_clear_object (&self->design);
  g_clear_object (&self->results);
  g_clear_pointer (&self->offerings, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_offerings_window_parent_class)->dispose (object);
}

static void
mc_offerings_window_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  McOfferingsWindow *self = MC_OFFERINGS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_DESIGN:
      g_value_set_object (value, self->design);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_offerings_window_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  McOfferingsWindow *self = MC_OFFERINGS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    case PROP_DESIGN:
      self->design = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_offerings_window_class_init (McOfferingsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_offerings_window_constructed;
  object_class->dispose = mc_offerings_window_dispose;
  object_class->get_property = mc_offerings_window_get_property;
  object_class->set_property = mc_offerings_window_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESIGN] =
    g_param_spec_object ("design", NULL, NULL, MC_TYPE_DESIGN,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-offerings-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, content);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, sidebar_stack);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, offerings_list);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, issue_button);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, import_button);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, offering_title);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, offering_details);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, offering_counts);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, results_stack);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, results_spinner);
  gtk_widget_class_bind_template_child (widget_class, McOfferingsWindow, results_view);
  gtk_widget_class_bind_template_callback (widget_class, on_offering_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);

  gtk_widget_class_install_action (widget_class, "offerings.new", NULL, offerings_new);
  gtk_widget_class_install_action (widget_class, "offerings.import", NULL, offerings_import);
  gtk_widget_class_install_action (widget_class, "offerings.issue", NULL, offerings_issue);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "offerings.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "offerings.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
mc_offerings_window_init (McOfferingsWindow *self)
{
  self->offerings = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_offering_free);
  self->results = g_list_store_new (MC_TYPE_RESULT_ITEM);
  gtk_widget_init_template (GTK_WIDGET (self));
}

McOfferingsWindow *
mc_offerings_window_new (McWorkflow *workflow,
                         McDesign   *design)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (MC_IS_DESIGN (design), NULL);

  return g_object_new (MC_TYPE_OFFERINGS_WINDOW, "workflow", workflow, "design", design, NULL);
}
