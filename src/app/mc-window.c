/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-design-row.h"
#include "mc-design-slot.h"
#include "mc-window-private.h"

G_DEFINE_FINAL_TYPE (McWindow, mc_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_VALIDATOR,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_mc_window_toast (McWindow   *self,
                  const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

void
_mc_window_show_error (McWindow   *self,
                       const char *heading,
                       GFile      *file,
                       const char *message)
{
  GtkWidget *dialog = NULL;
  g_autofree char *body = NULL;

  if (file != NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      /* Translators: the file name, then what went wrong with it */
      body = g_strdup_printf (_("“%s”: %s"), name, message);
    }
  else
    {
      body = g_strdup (message);
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* List */

static guint
find_position (McWindow *self,
               gint64    id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->designs));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McDesignSummary) summary = g_list_model_get_item (G_LIST_MODEL (self->designs), i);

      if (mc_design_summary_get_id (summary) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* Selects the row of @id; @scroll brings it into view, which only an
 * explicit choice of design should do, not a refresh after saving. */
static void
select_row (McWindow *self,
            gint64    id,
            gboolean  scroll)
{
  guint position = id != 0 ? find_position (self, id) : GTK_INVALID_LIST_POSITION;
  gboolean was_updating = self->updating;

  self->updating = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating = was_updating;

  if (scroll && position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (self->design_list), "list.scroll-to-item", "u", position);
}

static int
dropdown_value (GtkDropDown *dropdown,
                GType        enum_type)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* Position 0 is "All …". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return -1;
  return (int) mc_enum_nth_value (enum_type, selected - 1);
}

/* Shows @results: the slots the view already has take the new summaries in
 * place, and only the tail of the slot list grows or shrinks.  The list of
 * summaries that the window's API and selection use is replaced whole; it
 * has no view attached, so that costs little. */
static void
update_designs (McWindow  *self,
                GPtrArray *results)
{
  GListModel *slots = G_LIST_MODEL (self->slots);
  guint n_slots = g_list_model_get_n_items (slots);
  guint kept = MIN (n_slots, results->len);

  g_list_store_splice (self->designs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->designs)),
                       results->pdata, results->len);

  for (guint i = 0; i < kept; i++)
    {
      g_autoptr(McDesignSlot) slot = g_list_model_get_item (slots, i);
      mc_design_slot_set_summary (slot, g_ptr_array_index (results, i));
    }

  if (results->len > n_slots)
    {
      g_autoptr(GPtrArray) added = g_ptr_array_new_full (results->len - n_slots, g_object_unref);

      for (guint i = n_slots; i < results->len; i++)
        g_ptr_array_add (added, mc_design_slot_new (g_ptr_array_index (results, i)));
      g_list_store_splice (self->slots, n_slots, 0, added->pdata, added->len);
    }
  else if (results->len < n_slots)
    g_list_store_splice (self->slots, results->len, n_slots - results->len, NULL, 0);
}

void
mc_window_refresh (McWindow *self)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  guint unit_pos = 0;
  gboolean was_updating;
  const char *page = "list";

  g_return_if_fail (MC_IS_WINDOW (self));

  query.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  unit_pos = gtk_drop_down_get_selected (self->unit_dropdown);
  if (unit_pos != GTK_INVALID_LIST_POSITION && unit_pos > 0 && unit_pos <= self->unit_ids->len)
    query.unit_id = g_array_index (self->unit_ids, gint64, unit_pos - 1);
  query.credential_type = dropdown_value (self->type_dropdown, MC_TYPE_CREDENTIAL_TYPE);
  query.state = dropdown_value (self->state_dropdown, MC_TYPE_DESIGN_STATE);

  results = mc_store_query_designs (self->store, &query, &error);
  if (results == NULL)
    {
      _mc_window_toast (self, error->message);
      return;
    }

  was_updating = self->updating;
  self->updating = TRUE;
  update_designs (self, results);
  select_row (self, self->current_id, FALSE);
  self->updating = was_updating;

  if (results->len == 0)
    {
      g_autoptr(GError) count_error = NULL;

      if (mc_store_count_designs (self->store, &count_error) == 0 && count_error == NULL)
        page = "empty";
      else
        page = "no-results";
    }

  if (g_str_equal (page, "empty"))
    {
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "main");
      gtk_stack_set_visible_child_name (self->list_stack, page);
    }
}

const char *
mc_window_get_list_page (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);

  if (g_str_equal (gtk_stack_get_visible_child_name (self->main_stack), "empty"))
    return "empty";
  return gtk_stack_get_visible_child_name (self->list_stack);
}

GListModel *
mc_window_get_designs (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);
  return G_LIST_MODEL (self->designs);
}

McDesign *
mc_window_get_design (McWindow *self)
{
  g_return_val_if_fail (MC_IS_WINDOW (self), NULL);
  return mc_design_editor_get_design (self->editor);
}

void
mc_window_revalidate (McWindow *self)
{
  g_return_if_fail (MC_IS_WINDOW (self));
  mc_design_editor_revalidate (self->editor);
}

gboolean
_mc_window_load_design (McWindow  *self,
                        gint64     id,
                        gboolean   save_first,
                        GError   **error)
{
  g_autoptr(McDesign) design = NULL;

  if (save_first && !mc_design_editor_save (self->editor, error))
    return FALSE;

  design = mc_store_load_design (self->store, id, error);
  if (design == NULL)
    return FALSE;

  self->current_id = id;
  g_object_set (self->editor, "design", design, NULL);
  _mc_window_update_actions (self);
  return TRUE;
}

gboolean
mc_window_select_design (McWindow *self,
                         gint64    id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MC_IS_WINDOW (self), FALSE);

  if (id != self->current_id && !_mc_window_load_design (self, id, TRUE, &error))
    {
      _mc_window_show_error (self, _("Could Not Open the Design"), NULL, error->message);
      select_row (self, self->current_id, FALSE);
      return FALSE;
    }

  select_row (self, id, TRUE);
  return TRUE;
}

void
_mc_window_show_list (McWindow *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

void
_mc_window_show_editor (McWindow *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
on_selection_changed (McWindow *self)
{
  McDesignSummary *summary = NULL;
  McDesignSlot *slot = NULL;

  if (self->updating)
    return;

  /* On a narrow window the list is a page of its own: moving through it
   * (arrow keys, a screen reader) must not open designs; a click or Enter
   * activates a row instead (single-click-activate while folded). */
  if (adw_leaflet_get_folded (self->leaflet))
    return;

  slot = gtk_single_selection_get_selected_item (self->selection);
  if (slot == NULL)
    return;
  summary = mc_design_slot_get_summary (slot);

  mc_window_select_design (self, mc_design_summary_get_id (summary));
}

/* Going from narrow to wide or back: the list's selection follows the
 * design in the editor again (hover may have moved it while folded). */
static void
on_folded_changed (McWindow *self)
{
  gboolean was_updating = self->updating;

  self->updating = TRUE;
  select_row (self, self->current_id, FALSE);
  self->updating = was_updating;
}

static void
on_row_activated (McWindow *self,
                  guint     position)
{
  g_autoptr(McDesignSummary) summary = NULL;

  summary = g_list_model_get_item (G_LIST_MODEL (self->designs), position);
  if (summary != NULL && mc_window_select_design (self, mc_design_summary_get_id (summary)))
    _mc_window_show_editor (self);
}

static void
on_search_changed (McWindow *self)
{
  if (!self->updating)
    mc_window_refresh (self);
}

static void
on_stop_search (McWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_filter_changed (McWindow *self)
{
  if (!self->updating)
    mc_window_refresh (self);
}

static void
on_editor_saved (McWindow *self)
{
  McDesign *design = mc_design_editor_get_design (self->editor);

  /* A design deleted elsewhere is stored again under a new number. */
  if (design != NULL)
    self->current_id = mc_design_get_id (design);
  mc_window_refresh (self);
  /* A workflow action may have moved it past the draft stage. */
  _mc_window_update_actions (self);
}

/* Filters */

static void
setup_label (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_label (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static GtkListItemFactory *
label_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label), GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label), NULL);
  return factory;
}

static void
setup_dropdown (McWindow    *self,
                GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) button_factory = label_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = label_factory (FALSE);

  /* The narrow sidebar has room for short labels only: ellipsize the
   * button, show the whole text in the popover. */
  gtk_drop_down_set_factory (dropdown, button_factory);
  gtk_drop_down_set_list_factory (dropdown, list_factory);
  g_signal_connect_object (dropdown, "notify::selected",
                           G_CALLBACK (on_filter_changed), self, G_CONNECT_SWAPPED);
}

static void
fill_enum_dropdown (GtkDropDown *dropdown,
                    const char  *all_label,
                    GType        enum_type)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);

  gtk_string_list_append (strings, all_label);
  for (guint i = 0; i < mc_enum_n_values (enum_type); i++)
    gtk_string_list_append (strings, mc_enum_label (enum_type, mc_enum_nth_value (enum_type, i)));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
}

void
_mc_window_reload_units (McWindow *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->unit_dropdown);
  gint64 selected_id = 0;
  guint new_selected = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected <= self->unit_ids->len)
    selected_id = g_array_index (self->unit_ids, gint64, selected - 1);

  g_array_set_size (self->unit_ids, 0);
  gtk_string_list_append (strings, _("All units"));

  units = mc_store_list_units (self->store, &error);
  for (guint i = 0; units != NULL && i < g_list_model_get_n_items (units); i++)
    {
      g_autoptr(McUnit) unit = g_list_model_get_item (units, i);
      gint64 id = mc_unit_get_id (unit);

      g_array_append_val (self->unit_ids, id);
      gtk_string_list_append (strings, mc_unit_get_name (unit));
      if (id == selected_id)
        new_selected = i + 1;
    }

  self->updating = TRUE;
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->unit_dropdown, new_selected);
  self->updating = FALSE;

  if (error != NULL)
    _mc_window_toast (self, error->message);
}

void
_mc_window_reset_filters (McWindow *self)
{
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->unit_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  gtk_drop_down_set_selected (self->state_dropdown, 0);
  self->updating = FALSE;
}

/* Rows */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, GTK_WIDGET (mc_design_row_new ()));
}

static void
on_slot_summary (McDesignSlot *slot,
                 GParamSpec   *pspec,
                 McDesignRow  *row)
{
  mc_design_row_set_summary (row, mc_design_slot_get_summary (slot));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  McDesignRow *row = MC_DESIGN_ROW (gtk_list_item_get_child (item));
  McDesignSlot *slot = gtk_list_item_get_item (item);

  mc_design_row_set_summary (row, mc_design_slot_get_summary (slot));
  g_signal_connect_object (slot, "notify::summary", G_CALLBACK (on_slot_summary), row, 0);
}

static void
unbind_row (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  McDesignSlot *slot = gtk_list_item_get_item (item);

  g_signal_handlers_disconnect_by_func (slot, on_slot_summary, gtk_list_item_get_child (item));
}

/* Window state */

static void
restore_state (McWindow *self)
{
  g_autofree char *uuid = NULL;
  int width = g_settings_get_int (self->settings, MC_SETTINGS_WINDOW_WIDTH);
  int height = g_settings_get_int (self->settings, MC_SETTINGS_WINDOW_HEIGHT);

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  if (g_settings_get_boolean (self->settings, MC_SETTINGS_WINDOW_MAXIMIZED))
    gtk_window_maximize (GTK_WINDOW (self));

  uuid = g_settings_get_string (self->settings, MC_SETTINGS_LAST_DESIGN);
  if (uuid[0] != '\0')
    {
      g_autoptr(McDesign) design = mc_store_find_design_by_uuid (self->store, uuid, NULL);

      if (design != NULL)
        mc_window_select_design (self, mc_design_get_id (design));
    }
}

static gboolean
mc_window_close_request (GtkWindow *window)
{
  McWindow *self = MC_WINDOW (window);
  McDesign *design = NULL;
  int width = 0, height = 0;

  if (!_mc_window_close_request (self))
    return TRUE;

  gtk_window_get_default_size (window, &width, &height);
  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, MC_SETTINGS_WINDOW_MAXIMIZED,
                          gtk_window_is_maximized (window));
  if (!gtk_window_is_maximized (window) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, MC_SETTINGS_WINDOW_WIDTH, width);
      g_settings_set_int (self->settings, MC_SETTINGS_WINDOW_HEIGHT, height);
    }
  design = mc_window_get_design (self);
  g_settings_set_string (self->settings, MC_SETTINGS_LAST_DESIGN,
                         design != NULL && mc_design_get_uuid (design) != NULL
                         ? mc_design_get_uuid (design) : "");
  g_settings_apply (self->settings);

  return GTK_WINDOW_CLASS (mc_window_parent_class)->close_request (window);
}

/* GObject */

static void
mc_window_constructed (GObject *object)
{
  McWindow *self = MC_WINDOW (object);
  g_autoptr(GtkListItemFactory) factory = NULL;

  G_OBJECT_CLASS (mc_window_parent_class)->constructed (object);

  g_assert (self->store != NULL);
  g_assert (self->validator != NULL);
  if (self->settings == NULL)
    self->settings = g_settings_new (MC_SETTINGS_SCHEMA);

  self->editor = mc_design_editor_new (self->workflow, self->validator);
  adw_bin_set_child (self->editor_bin, GTK_WIDGET (self->editor));
  g_object_bind_property (self->leaflet, "folded", self->editor, "show-back-button",
                          G_BINDING_SYNC_CREATE);
  g_settings_bind (self->settings, MC_SETTINGS_PROFILES, self->editor, "profiles",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (self->editor, "saved", G_CALLBACK (on_editor_saved),
                           self, G_CONNECT_SWAPPED);

  self->updating = TRUE;
  setup_dropdown (self, self->unit_dropdown);
  setup_dropdown (self, self->type_dropdown);
  setup_dropdown (self, self->state_dropdown);
  fill_enum_dropdown (self->type_dropdown, _("All types"), MC_TYPE_CREDENTIAL_TYPE);
  fill_enum_dropdown (self->state_dropdown, _("All states"), MC_TYPE_DESIGN_STATE);
  self->updating = FALSE;
  _mc_window_reload_units (self);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), NULL);
  gtk_list_view_set_factory (self->design_list, factory);
  gtk_list_view_set_model (self->design_list, GTK_SELECTION_MODEL (self->selection));

  mc_window_refresh (self);
  restore_state (self);
  _mc_window_setup_tasks (self);
  _mc_window_setup_credentials (self);
  _mc_window_update_actions (self);
  _mc_window_setup_admin (self);
}

static void
mc_window_dispose (GObject *object)
{
  McWindow *self = MC_WINDOW (object);

  _mc_window_dispose_tasks (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_WINDOW);
  self->editor = NULL;

  G_OBJECT_CLASS (mc_window_parent_class)->dispose (object);
}

static void
mc_window_finalize (GObject *object)
{
  McWindow *self = MC_WINDOW (object);

  g_clear_object (&self->store);
  g_clear_object (&self->workflow);
  g_clear_object (&self->validator);
  g_clear_object (&self->settings);
  g_clear_object (&self->designs);
  g_clear_object (&self->slots);
  g_clear_object (&self->deleted);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->unit_ids, g_array_unref);

  G_OBJECT_CLASS (mc_window_parent_class)->finalize (object);
}

static void
mc_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  McWindow *self = MC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_VALIDATOR:
      g_value_set_object (value, self->validator);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  McWindow *self = MC_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      self->store = g_object_ref (mc_workflow_get_store (self->workflow));
      break;
    case PROP_VALIDATOR:
      self->validator = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_window_class_init (McWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = mc_window_constructed;
  object_class->dispose = mc_window_dispose;
  object_class->finalize = mc_window_finalize;
  object_class->get_property = mc_window_get_property;
  object_class->set_property = mc_window_set_property;
  window_class->close_request = mc_window_close_request;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALIDATOR] =
    g_param_spec_object ("validator", NULL, NULL, MC_TYPE_VALIDATOR,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-window.ui");
  gtk_widget_class_bind_template_child (widget_class, McWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, McWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, McWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, McWindow, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McWindow, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McWindow, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McWindow, list_stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, design_list);
  gtk_widget_class_bind_template_child (widget_class, McWindow, editor_bin);
  gtk_widget_class_bind_template_child (widget_class, McWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, McWindow, tasks_page);
  gtk_widget_class_bind_template_child (widget_class, McWindow, tasks_view);
  gtk_widget_class_bind_template_child (widget_class, McWindow, credentials_view);
  gtk_widget_class_bind_template_child (widget_class, McWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, McWindow, sidebar_header);
  gtk_widget_class_bind_template_child (widget_class, McWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, McWindow, editor_separator);
  gtk_widget_class_bind_template_child (widget_class, McWindow, account_button);
  gtk_widget_class_bind_template_child (widget_class, McWindow, publishing_indicator);
  gtk_widget_class_bind_template_child (widget_class, McWindow, empty_publishing_indicator);
  gtk_widget_class_bind_template_child (widget_class, McWindow, acting_revealer);
  gtk_widget_class_bind_template_child (widget_class, McWindow, acting_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);

  _mc_window_class_add_actions (widget_class);
  _mc_window_class_add_tasks_actions (widget_class);
  _mc_window_class_add_admin_actions (widget_class);
  _mc_window_class_add_credentials_actions (widget_class);
}

static void
mc_window_init (McWindow *self)
{
  g_type_ensure (MC_TYPE_DESIGN_ROW);
  g_type_ensure (MC_TYPE_PUBLISHING_INDICATOR);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->designs = g_list_store_new (MC_TYPE_DESIGN_SUMMARY);
  self->slots = g_list_store_new (MC_TYPE_DESIGN_SLOT);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->slots)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect_object (self->selection, "selection-changed",
                           G_CALLBACK (on_selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->design_list, "activate",
                           G_CALLBACK (on_row_activated), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->leaflet, "folded", self->design_list, "single-click-activate",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->leaflet, "notify::folded",
                           G_CALLBACK (on_folded_changed), self, G_CONNECT_SWAPPED);
}

McWindow *
mc_window_new (McApplication *application,
               McWorkflow    *workflow,
               McValidator   *validator,
               GSettings     *settings)
{
  g_return_val_if_fail (application == NULL || MC_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (MC_IS_VALIDATOR (validator), NULL);

  return g_object_new (MC_TYPE_WINDOW,
                       "application", application,
                       "workflow", workflow,
                       "validator", validator,
                       "settings", settings,
                       NULL);
}
