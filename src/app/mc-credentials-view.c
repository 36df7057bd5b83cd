/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-certificate-print.h"
#include "mc-credential-item.h"
#include "mc-credential-window.h"
#include "mc-credentials-view.h"
#include "mc-format.h"

struct _McCredentialsView
{
  AdwBin                 parent_instance;

  McWorkflow            *workflow;
  McCredentialListModel *model;       /* shown */
  McCredentialListModel *pending;     /* being counted, shown once it is */
  GtkMultiSelection     *selection;
  GCancellable          *print_cancellable;
  gboolean               updating;

  /* Template widgets */
  GtkSearchEntry        *search_entry;
  GtkDropDown           *state_dropdown;
  GtkLabel              *count_label;
  GtkStack              *stack;
  GtkSpinner            *spinner;
  GtkColumnView         *column_view;
  AdwStatusPage         *error_page;
  GtkRevealer           *selection_revealer;
  GtkLabel              *selection_label;
};

G_DEFINE_FINAL_TYPE (McCredentialsView, mc_credentials_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKFLOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Messages */

static void
toast (McCredentialsView *self,
       const char        *text)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (text));
}

static void
show_error (McCredentialsView *self,
            const char        *heading,
            const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog = NULL;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The query */

static int
chosen_state (McCredentialsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);

  /* Position 0 is "All statuses". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return -1;
  return (int) mc_enum_nth_value (MC_TYPE_CREDENTIAL_STATE, selected - 1);
}

static gboolean
query_is_everything (const McCredentialQuery *query)
{
  const char *search = query->search != NULL ? query->search : "";

  while (g_ascii_isspace (*search))
    search++;
  return *search == '\0' && query->state < 0 && query->offering_id == 0;
}

static void
update_count (McCredentialsView *self)
{
  g_autofree char *text = NULL;
  g_autofree char *n = NULL;
  guint count = 0;

  if (self->model == NULL || mc_credential_list_model_get_error (self->model) != NULL)
    {
      gtk_label_set_text (self->count_label, self->pending != NULL ? _("Searching…") : "");
      return;
    }
  if (self->pending != NULL)
    {
      gtk_label_set_text (self->count_label, _("Searching…"));
      return;
    }

  count = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  n = mc_format_count (count);
  if (query_is_everything (mc_credential_list_model_get_query (self->model)))
    /* Translators: the size of the register, "2,000 credentials" */
    text = g_strdup_printf (ngettext ("%s credential", "%s credentials", count), n);
  else
    /* Translators: how many credentials match a search, "12 matching credentials" */
    text = g_strdup_printf (ngettext ("%s matching credential", "%s matching credentials", count), n);
  gtk_label_set_text (self->count_label, text);
}

static void
update_page (McCredentialsView *self)
{
  const char *page = "list";
  const char *error = NULL;

  if (self->model == NULL)
    page = "loading";
  else if ((error = mc_credential_list_model_get_error (self->model)) != NULL)
    {
      adw_status_page_set_description (self->error_page, error);
      page = "error";
    }
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    page = query_is_everything (mc_credential_list_model_get_query (self->model)) ? "empty" : "no-results";

  if (g_str_equal (page, "loading"))
    gtk_spinner_start (self->spinner);
  else
    gtk_spinner_stop (self->spinner);
  gtk_stack_set_visible_child_name (self->stack, page);
  update_count (self);
}

static void
show_model (McCredentialsView     *self,
            McCredentialListModel *model)
{
  g_set_object (&self->model, model);
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (model));
  update_page (self);
}

static void
on_model_error (McCredentialsView *self)
{
  update_page (self);
}

/* A new query's model replaces the shown one once it is counted, so that
 * the table never flashes empty while someone types. */
static void
on_pending_loaded (McCredentialsView     *self,
                   GParamSpec            *pspec,
                   McCredentialListModel *model)
{
  g_autoptr(McCredentialListModel) shown = NULL;

  if (model != self->pending || mc_credential_list_model_get_loading (model))
    return;

  g_signal_handlers_disconnect_by_data (model, self);
  shown = g_steal_pointer (&self->pending);
  g_signal_connect_object (shown, "notify::error", G_CALLBACK (on_model_error), self, G_CONNECT_SWAPPED);
  show_model (self, shown);
}

void
mc_credentials_view_refresh (McCredentialsView *self)
{
  McCredentialQuery query = MC_CREDENTIAL_QUERY_INIT;

  g_return_if_fail (MC_IS_CREDENTIALS_VIEW (self));

  if (self->workflow == NULL)
    return;

  query.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  query.state = chosen_state (self);

  if (self->pending != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->pending, self);
      g_clear_object (&self->pending);
    }
  self->pending = mc_credential_list_model_new (mc_workflow_get_store (self->workflow), &query);
  g_signal_connect_object (self->pending, "notify::loading", G_CALLBACK (on_pending_loaded),
                           self, G_CONNECT_SWAPPED);
  update_page (self);
}

/* Whether @model answers the search and filter shown. */
static gboolean
answers_query (McCredentialsView     *self,
               McCredentialListModel *model)
{
  const McCredentialQuery *query = NULL;

  if (model == NULL)
    return FALSE;
  query = mc_credential_list_model_get_query (model);
  return g_strcmp0 (query->search, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) == 0 &&
         query->state == chosen_state (self);
}

/* The search entry says so a moment after its text changed, also when
 * the code changed it and read the register already. */
static void
on_query_changed (McCredentialsView *self)
{
  if (self->updating)
    return;
  if (self->pending != NULL ? answers_query (self, self->pending) : answers_query (self, self->model))
    return;
  mc_credentials_view_refresh (self);
}

static void
on_stop_search (McCredentialsView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

void
mc_credentials_view_set_search (McCredentialsView *self,
                                const char        *text)
{
  g_return_if_fail (MC_IS_CREDENTIALS_VIEW (self));

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  self->updating = FALSE;
  mc_credentials_view_refresh (self);
}

void
mc_credentials_view_set_state_filter (McCredentialsView *self,
                                      int                state)
{
  guint position = 0;

  g_return_if_fail (MC_IS_CREDENTIALS_VIEW (self));

  for (guint i = 0; state >= 0 && i < mc_enum_n_values (MC_TYPE_CREDENTIAL_STATE); i++)
    if ((int) mc_enum_nth_value (MC_TYPE_CREDENTIAL_STATE, i) == state)
      position = i + 1;
  gtk_drop_down_set_selected (self->state_dropdown, position);
}

void
mc_credentials_view_focus_search (McCredentialsView *self)
{
  g_return_if_fail (MC_IS_CREDENTIALS_VIEW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Opening a credential */

static McCredentialSummary *
summary_of (const McIssuedCredential *credential)
{
  McCredentialSummary *summary = mc_credential_summary_new ();

  summary->id = credential->id;
  summary->uuid = g_strdup (credential->uuid);
  summary->learner_name = g_strdup (credential->learner_name);
  summary->student_id = g_strdup (credential->student_id);
  summary->title = g_strdup (credential->title);
  summary->issued_at = credential->issued_at;
  summary->state = credential->state;
  return summary;
}

/* A credential changed in its window: its row follows; a re-issue adds a
 * row, and a status filter may no longer match, so those read again. */
static void
on_credential_changed (McCredentialsView  *self,
                       McCredentialWindow *window)
{
  McIssuedCredential *credential = mc_credential_window_get_credential (window);
  g_autoptr(McCredentialSummary) summary = NULL;

  if (credential == NULL || self->model == NULL)
    return;
  summary = summary_of (credential);
  mc_credential_list_model_update (self->model, summary);
  if (credential->superseded_by_id != 0 || chosen_state (self) >= 0)
    mc_credentials_view_refresh (self);
}

void
mc_credentials_view_open_credential (McCredentialsView *self,
                                     gint64             id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  McCredentialWindow *window = NULL;

  g_return_if_fail (MC_IS_CREDENTIALS_VIEW (self));
  g_return_if_fail (self->workflow != NULL);

  window = mc_credential_window_new (self->workflow, id);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));
  g_signal_connect_object (window, "changed", G_CALLBACK (on_credential_changed), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

void
mc_credentials_view_open_position (McCredentialsView *self,
                                   guint              position)
{
  g_autoptr(McCredentialItem) item = NULL;

  g_return_if_fail (MC_IS_CREDENTIALS_VIEW (self));

  if (self->model == NULL)
    return;
  item = g_list_model_get_item (G_LIST_MODEL (self->model), position);
  /* A row not read yet is not shown either, so it cannot be chosen. */
  if (item != NULL && mc_credential_item_get_loaded (item))
    mc_credentials_view_open_credential (self, mc_credential_item_get_id (item));
}

static void
on_activate (McCredentialsView *self,
             guint              position)
{
  mc_credentials_view_open_position (self, position);
}

/* Printing the selection */

static void
on_printed (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  McCertificatePrint *print = MC_CERTIFICATE_PRINT (source);
  g_autoptr(McCredentialsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *n = NULL;
  g_autofree char *text = NULL;
  guint printed = 0;

  g_clear_object (&self->print_cancellable);
  if (!mc_certificate_print_run_finish (print, result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Print the Certificates"), error->message);
      return;
    }
  printed = mc_certificate_print_get_n_printed (print);
  n = mc_format_count (printed);
  /* Translators: %s is a number of certificates */
  text = g_strdup_printf (ngettext ("Printed %s certificate", "Printed %s certificates", printed), n);
  toast (self, text);
}

static void
on_selection_collected (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(McCredentialsView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(McCertificatePrint) print = NULL;
  GtkRoot *root = NULL;
  guint left_out = 0;

  rows = mc_credential_list_model_collect_finish (MC_CREDENTIAL_LIST_MODEL (source), result, &error);
  if (rows == NULL)
    {
      g_clear_object (&self->print_cancellable);
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("Could Not Print the Certificates"), error->message);
      return;
    }

  print = mc_certificate_print_new (self->workflow);
  for (guint i = 0; i < rows->len; i++)
    {
      McCredentialSummary *row = g_ptr_array_index (rows, i);

      if (row->state == MC_CREDENTIAL_STATE_ACTIVE)
        mc_certificate_print_add_credential (print, row->id);
      else
        left_out++;
    }
  if (mc_certificate_print_get_n_credentials (print) == 0)
    {
      g_clear_object (&self->print_cancellable);
      show_error (self, _("Nothing to Print"),
                  _("Only active credentials have certificates to print: the selected ones are "
                    "suspended, revoked, replaced or not issued yet."));
      return;
    }
  if (left_out > 0)
    {
      g_autofree char *n = mc_format_count (left_out);
      /* Translators: %s is a number of credentials */
      g_autofree char *text = g_strdup_printf (ngettext ("%s credential that is not active is left out",
                                                         "%s credentials that are not active are left out",
                                                         left_out), n);
      toast (self, text);
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  /* Busy until the job is sent: a second Print waits for it. */
  mc_certificate_print_run_async (print, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                  self->print_cancellable, on_printed, g_object_ref (self));
}

void
mc_credentials_view_print_selection (McCredentialsView *self)
{
  g_autoptr(GtkBitset) selected = NULL;

  g_return_if_fail (MC_IS_CREDENTIALS_VIEW (self));

  if (self->model == NULL || self->print_cancellable != NULL)
    return;
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  if (gtk_bitset_is_empty (selected))
    return;

  self->print_cancellable = g_cancellable_new ();
  mc_credential_list_model_collect_async (self->model, selected, self->print_cancellable,
                                          on_selection_collected, g_object_ref (self));
}

/* Selection */

static void
on_selection_changed (McCredentialsView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);
  g_autofree char *count = mc_format_count (n);
  g_autofree char *text = NULL;

  /* Translators: in the bar under the register, "3 selected" */
  text = g_strdup_printf (ngettext ("%s selected", "%s selected", (gulong) n), count);
  gtk_label_set_text (self->selection_label, text);
  gtk_revealer_set_reveal_child (self->selection_revealer, n > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credentials.open-selected", n == 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "credentials.print-selection", n > 0);
}

static void
credentials_open_selected (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  McCredentialsView *self = MC_CREDENTIALS_VIEW (widget);
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  if (gtk_bitset_get_size (selected) == 1)
    mc_credentials_view_open_position (self, gtk_bitset_get_nth (selected, 0));
}

static void
credentials_print_selection (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  mc_credentials_view_print_selection (MC_CREDENTIALS_VIEW (widget));
}

/* Accessors */

McCredentialListModel *
mc_credentials_view_get_model (McCredentialsView *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIALS_VIEW (self), NULL);
  return self->model;
}

gboolean
mc_credentials_view_get_busy (McCredentialsView *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIALS_VIEW (self), FALSE);
  return self->pending != NULL || self->print_cancellable != NULL;
}

GtkSelectionModel *
mc_credentials_view_get_selection (McCredentialsView *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIALS_VIEW (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

const char *
mc_credentials_view_get_page (McCredentialsView *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIALS_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
mc_credentials_view_get_count_text (McCredentialsView *self)
{
  g_return_val_if_fail (MC_IS_CREDENTIALS_VIEW (self), NULL);
  return gtk_label_get_text (self->count_label);
}

void
mc_credentials_view_set_workflow (McCredentialsView *self,
                                  McWorkflow        *workflow)
{
  g_return_if_fail (MC_IS_CREDENTIALS_VIEW (self));
  g_return_if_fail (workflow == NULL || MC_IS_WORKFLOW (workflow));

  if (!g_set_object (&self->workflow, workflow))
    return;
  mc_credentials_view_refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WORKFLOW]);
}

/* Columns: a label bound to a property of the row's item */

#define BINDING_KEY "mc-binding"

static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  pill)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (pill))
    {
      gtk_widget_set_halign (label, GTK_ALIGN_START);
      gtk_widget_add_css_class (label, "state-pill");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
update_state_class (McCredentialItem *item,
                    GParamSpec       *pspec,
                    GtkWidget        *label)
{
  for (guint i = 0; i < mc_enum_n_values (MC_TYPE_CREDENTIAL_STATE); i++)
    gtk_widget_remove_css_class (label, mc_credential_state_css_class (mc_enum_nth_value (MC_TYPE_CREDENTIAL_STATE, i)));
  gtk_widget_set_visible (label, mc_credential_item_get_loaded (item));
  gtk_widget_add_css_class (label, mc_credential_state_css_class (mc_credential_item_get_state (item)));
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  pill)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  McCredentialItem *item = gtk_list_item_get_item (list_item);
  const char *property = g_object_get_data (G_OBJECT (factory), "mc-property");
  GBinding *binding = g_object_bind_property (item, property, label, "label", G_BINDING_SYNC_CREATE);

  g_object_set_data_full (G_OBJECT (label), BINDING_KEY, g_object_ref (binding), g_object_unref);
  if (GPOINTER_TO_INT (pill))
    {
      update_state_class (item, NULL, label);
      g_signal_connect_object (item, "notify::state", G_CALLBACK (update_state_class), label, 0);
    }
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  pill)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GBinding *binding = g_object_get_data (G_OBJECT (label), BINDING_KEY);

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (label), BINDING_KEY, NULL);
  if (GPOINTER_TO_INT (pill))
    g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (list_item), update_state_class, label);
}

static void
add_column (McCredentialsView *self,
            const char        *title,
            const char        *property,
            gboolean           expand,
            gboolean           pill)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "mc-property", (gpointer) property);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (pill));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (pill));
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), GINT_TO_POINTER (pill));
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->column_view, column);
}

static void
fill_state_dropdown (McCredentialsView *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, _("All statuses"));
  for (guint i = 0; i < mc_enum_n_values (MC_TYPE_CREDENTIAL_STATE); i++)
    gtk_string_list_append (strings, mc_enum_label (MC_TYPE_CREDENTIAL_STATE,
                                                    mc_enum_nth_value (MC_TYPE_CREDENTIAL_STATE, i)));
  self->updating = TRUE;
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  self->updating = FALSE;
}

/* GObject */

static void
mc_credentials_view_dispose (GObject *object)
{
  McCredentialsView *self = MC_CREDENTIALS_VIEW (object);

  if (self->print_cancellable != NULL)
    g_cancellable_cancel (self->print_cancellable);
  g_clear_object (&self->print_cancellable);
  if (self->pending != NULL)
    g_signal_handlers_disconnect_by_data (self->pending, self);
  g_clear_object (&self->pending);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_CREDENTIALS_VIEW);

  G_OBJECT_CLASS (mc_credentials_view_parent_class)->dispose (object);
}

static void
mc_credentials_view_finalize (GObject *object)
{
  McCredentialsView *self = MC_CREDENTIALS_VIEW (object);

  g_clear_object (&self->workflow);
  g_clear_object (&self->model);
  g_clear_object (&self->selection);

  G_OBJECT_CLASS (mc_credentials_view_parent_class)->finalize (object);
}

static void
mc_credentials_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  McCredentialsView *self = MC_CREDENTIALS_VIEW (object);

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
mc_credentials_view_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  McCredentialsView *self = MC_CREDENTIALS_VIEW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      mc_credentials_view_set_workflow (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_credentials_view_class_init (McCredentialsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_credentials_view_dispose;
  object_class->finalize = mc_credentials_view_finalize;
  object_class->get_property = mc_credentials_view_get_property;
  object_class->set_property = mc_credentials_view_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-credentials-view.ui");
  gtk_widget_class_bind_template_child (widget_class, McCredentialsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, McCredentialsView, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McCredentialsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, McCredentialsView, stack);
  gtk_widget_class_bind_template_child (widget_class, McCredentialsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, McCredentialsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, McCredentialsView, error_page);
  gtk_widget_class_bind_template_child (widget_class, McCredentialsView, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, McCredentialsView, selection_label);
  gtk_widget_class_bind_template_callback (widget_class, on_query_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);
  gtk_widget_class_bind_template_callback (widget_class, mc_credentials_view_refresh);

  gtk_widget_class_install_action (widget_class, "credentials.open-selected", NULL,
                                   credentials_open_selected);
  gtk_widget_class_install_action (widget_class, "credentials.print-selection", NULL,
                                   credentials_print_selection);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "credentials.print-selection", NULL);
}

static void
mc_credentials_view_init (McCredentialsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->selection = gtk_multi_selection_new (NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);

  /* Translators: columns of the register of issued credentials */
  add_column (self, _("Learner"), "learner-name", TRUE, FALSE);
  add_column (self, _("Student ID"), "student-id", FALSE, FALSE);
  add_column (self, _("Credential"), "title", TRUE, FALSE);
  add_column (self, _("Issued"), "issued-text", FALSE, FALSE);
  add_column (self, _("Status"), "state-label", FALSE, TRUE);

  fill_state_dropdown (self);
  g_signal_connect_object (self->state_dropdown, "notify::selected",
                           G_CALLBACK (on_query_changed), self, G_CONNECT_SWAPPED);
  on_selection_changed (self);
  update_page (self);
}

McCredentialsView *
mc_credentials_view_new (McWorkflow *workflow)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_CREDENTIALS_VIEW, "workflow", workflow, NULL);
}
