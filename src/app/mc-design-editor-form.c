/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The editor's form, built from the field table: one group per section,
 * editable lists of items, the awarding unit, and moving the focus to the
 * field a finding concerns. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-design-editor-private.h"
#include "mc-item-row.h"

static const struct {
  const char *list_id;
  const char *add_label;
  const char *removed;
  const char *empty;
} list_texts[] = {
  { "outcomes", N_("Add Outcome"), N_("Outcome removed"), N_("No learning outcomes yet") },
  { "assessments", N_("Add Component"), N_("Component removed"), N_("No assessment components yet") },
  { "partners", N_("Add Partner"), N_("Partner removed"), N_("No partners yet") },
  { "stack_targets", N_("Add Stacking Target"), N_("Stacking target removed"), N_("No stacking targets yet") },
};

static guint
list_texts_index (const char *list_id)
{
  for (guint i = 0; i < G_N_ELEMENTS (list_texts); i++)
    if (g_strcmp0 (list_texts[i].list_id, list_id) == 0)
      return i;
  return 0;
}

/* Items */

static void
refresh_positions (GtkListBox *list_box)
{
  guint n = 0, i = 0;
  GtkWidget *child;

  for (child = gtk_widget_get_first_child (GTK_WIDGET (list_box)); child;
       child = gtk_widget_get_next_sibling (child))
    if (MC_IS_ITEM_ROW (child))
      n++;
  for (child = gtk_widget_get_first_child (GTK_WIDGET (list_box)); child;
       child = gtk_widget_get_next_sibling (child))
    if (MC_IS_ITEM_ROW (child))
      mc_item_row_set_position (MC_ITEM_ROW (child), i++, n);
}

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added,
                  GtkListBox *list_box)
{
  refresh_positions (list_box);
}

static McItemRow *
item_row_at (McDesignEditor *self, const char *list_id, int index)
{
  GtkListBox *list_box = g_hash_table_lookup (self->list_boxes, list_id);
  GtkListBoxRow *row;

  if (list_box == NULL || index < 0)
    return NULL;
  row = gtk_list_box_get_row_at_index (list_box, index);
  return MC_IS_ITEM_ROW (row) ? MC_ITEM_ROW (row) : NULL;
}

static void
item_move_cb (McItemRow *row, int delta, McDesignEditor *self)
{
  McItem *item = mc_item_row_get_item (row);
  const char *list_id = mc_item_get_list_id (item);
  GListStore *store = mc_revision_get_list (self->content, list_id);
  gboolean expanded = adw_expander_row_get_expanded (ADW_EXPANDER_ROW (row));
  guint position;
  McItemRow *moved;

  if (!g_list_store_find (store, item, &position) ||
      (delta < 0 && position == 0) ||
      !mc_revision_move_item (self->content, list_id, position, position + delta))
    return;

  _mc_design_editor_content_changed (self);
  moved = item_row_at (self, list_id, (int) position + delta);
  if (moved)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (moved), expanded);
      gtk_widget_grab_focus (GTK_WIDGET (moved));
    }
}

typedef struct {
  McRevision *content;
  McItem     *item;
  guint       position;
} Removal;

static void
removal_free (gpointer data)
{
  Removal *r = data;

  g_clear_object (&r->content);
  g_clear_object (&r->item);
  g_free (r);
}

static void
undo_remove_cb (AdwToast *toast, McDesignEditor *self)
{
  Removal *r = g_object_get_data (G_OBJECT (toast), "mc-removal");
  GListStore *store;

  if (r == NULL || r->content != self->content)
    return;
  store = mc_revision_get_list (self->content, mc_item_get_list_id (r->item));
  g_list_store_insert (store, MIN (r->position, g_list_model_get_n_items (G_LIST_MODEL (store))),
                       r->item);
  _mc_design_editor_content_changed (self);
}

static void
item_remove_cb (McItemRow *row, McDesignEditor *self)
{
  McItem *item = mc_item_row_get_item (row);
  const char *list_id = mc_item_get_list_id (item);
  GListStore *store = mc_revision_get_list (self->content, list_id);
  AdwToast *toast;
  Removal *r;
  guint position;

  if (!g_list_store_find (store, item, &position))
    return;

  r = g_new0 (Removal, 1);
  r->content = g_object_ref (self->content);
  r->item = g_object_ref (item);
  r->position = position;
  g_list_store_remove (store, position);
  _mc_design_editor_content_changed (self);

  toast = adw_toast_new (_(list_texts[list_texts_index (list_id)].removed));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "mc-removal", r, removal_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_remove_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static GtkWidget *
create_item_row (gpointer item, gpointer user_data)
{
  McDesignEditor *self = user_data;
  GtkWidget *row = mc_item_row_new (MC_ITEM (item), self->content);

  g_signal_connect_object (row, "move", G_CALLBACK (item_move_cb), self, 0);
  g_signal_connect_object (row, "remove", G_CALLBACK (item_remove_cb), self, 0);
  return row;
}

/* A new outcome gets the next free code, "LO4" after "LO3". */
static char *
next_outcome_code (GListModel *outcomes)
{
  for (guint n = g_list_model_get_n_items (outcomes) + 1;; n++)
    {
      g_autofree char *code = g_strdup_printf ("LO%u", n);
      gboolean taken = FALSE;

      for (guint i = 0; i < g_list_model_get_n_items (outcomes) && !taken; i++)
        {
          g_autoptr(McItem) o = g_list_model_get_item (outcomes, i);

          taken = g_strcmp0 (mc_item_get_string (o, "code"), code) == 0;
        }
      if (!taken)
        return g_steal_pointer (&code);
    }
}

static void
add_clicked_cb (GtkButton *button, McDesignEditor *self)
{
  const char *list_id = g_object_get_data (G_OBJECT (button), "mc-list-id");
  GListStore *store = mc_revision_get_list (self->content, list_id);
  g_autoptr(McItem) item = mc_item_new_for_list (list_id);
  const McItemField *fields;
  guint n_fields = 0;
  McItemRow *row;

  if (g_strcmp0 (list_id, "outcomes") == 0)
    {
      g_autofree char *code = next_outcome_code (G_LIST_MODEL (store));

      mc_item_set_string (item, "code", code);
    }
  g_list_store_append (store, item);
  _mc_design_editor_content_changed (self);

  /* Open the new item on its main text. */
  fields = mc_item_fields_get_all (list_id, &n_fields);
  row = item_row_at (self, list_id, (int) g_list_model_get_n_items (G_LIST_MODEL (store)) - 1);
  if (row && n_fields > 0)
    mc_design_editor_focus_field (self, list_id,
                                  (int) g_list_model_get_n_items (G_LIST_MODEL (store)) - 1,
                                  g_strcmp0 (list_id, "outcomes") == 0 ? "text" : fields[0].id);
}

static GtkWidget *
list_group_new (McDesignEditor *self, const McFieldSpec *spec, gboolean titled)
{
  guint t = list_texts_index (spec->id);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list_box = gtk_list_box_new ();
  GtkWidget *empty_label = gtk_label_new (_(list_texts[t].empty));
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();
  GListStore *store = mc_revision_get_list (self->content, spec->id);

  if (titled)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), spec->label);
  gtk_widget_set_name (group, spec->id);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list_box, "boxed-list");
  gtk_widget_add_css_class (empty_label, "dim-label");
  gtk_widget_set_margin_top (empty_label, 18);
  gtk_widget_set_margin_bottom (empty_label, 18);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list_box), empty_label);
  _mc_widget_set_accessible_label (list_box, spec->label);
  g_object_set_data_full (G_OBJECT (list_box), "mc-list-id", g_strdup (spec->id), g_free);
  gtk_list_box_bind_model (GTK_LIST_BOX (list_box), G_LIST_MODEL (store),
                           create_item_row, self, NULL);
  g_signal_connect_object (store, "items-changed", G_CALLBACK (items_changed_cb), list_box, 0);
  refresh_positions (GTK_LIST_BOX (list_box));

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _(list_texts[t].add_label));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_margin_top (button, 12);
  _mc_widget_set_accessible_label (button, _(list_texts[t].add_label));
  g_object_set_data_full (G_OBJECT (button), "mc-list-id", g_strdup (spec->id), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (add_clicked_cb), self, 0);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list_box);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), button);

  g_hash_table_insert (self->list_boxes, (gpointer) spec->id, list_box);
  /* A finding about the list as a whole leads to its Add button. */
  g_hash_table_insert (self->field_widgets, (gpointer) spec->id, button);
  return group;
}

/* The awarding unit is an attribute of the design, not of its content. */

static void
unit_selected_cb (AdwComboRow *row, GParamSpec *pspec, McDesignEditor *self)
{
  guint selected = adw_combo_row_get_selected (row);
  gint64 unit_id = 0;

  if (selected != GTK_INVALID_LIST_POSITION && self->units)
    {
      g_autoptr(McUnit) unit = g_list_model_get_item (self->units, selected);

      if (unit)
        unit_id = mc_unit_get_id (unit);
    }
  /* Every stored design belongs to a unit: there is no "none" to choose. */
  if (self->design == NULL || unit_id == 0 || unit_id == mc_design_get_unit_id (self->design))
    return;
  mc_design_set_unit_id (self->design, unit_id);
  _mc_design_editor_content_changed (self);
}

static GtkWidget *
unit_row_new (McDesignEditor *self)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 current = mc_design_get_unit_id (self->design);
  guint selected = 0;

  g_clear_object (&self->units);
  self->units = mc_store_list_units (self->store, &error);
  if (self->units == NULL)
    g_debug ("Could not list units: %s", error->message);

  for (guint i = 0; self->units && i < g_list_model_get_n_items (self->units); i++)
    {
      g_autoptr(McUnit) unit = g_list_model_get_item (self->units, i);

      gtk_string_list_append (names, mc_unit_get_name (unit));
      if (mc_unit_get_id (unit) == current)
        selected = i;
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Awarding unit"));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (unit_selected_cb), self, 0);
  _mc_widget_set_accessible_label (row, _("Awarding unit"));
  self->unit_row = ADW_COMBO_ROW (row);
  g_hash_table_insert (self->field_widgets, (gpointer) "unit", row);
  g_hash_table_insert (self->field_widgets, (gpointer) "unit_id", row);
  return row;
}

/* Rows go into boxed lists, one per run of consecutive scalar fields, so
 * that the section keeps the field table's order around its item lists. */
static GtkListBox *
run_list_new (AdwPreferencesGroup *group, gboolean first)
{
  GtkWidget *list_box = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list_box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list_box, "boxed-list");
  if (!first)
    gtk_widget_set_margin_top (list_box, 18);
  adw_preferences_group_add (group, list_box);
  return GTK_LIST_BOX (list_box);
}

void
_mc_design_editor_build_form (McDesignEditor *self)
{
  guint n_sections = mc_enum_n_values (MC_TYPE_SECTION);
  g_autofree GtkListBox **runs = g_new0 (GtkListBox *, n_sections);
  g_autofree gboolean *started = g_new0 (gboolean, n_sections);
  const McField *fields;
  guint n_fields = 0;
  gboolean unit_added = FALSE;

  g_assert (self->content != NULL);

  for (guint s = 0; s < n_sections; s++)
    {
      McSection section = mc_enum_nth_value (MC_TYPE_SECTION, s);
      GtkWidget *group = adw_preferences_group_new ();

      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), mc_section_get_label (section));
      gtk_widget_set_name (group, mc_section_get_id (section));
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }

  fields = mc_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const McField *field = &fields[i];
      guint s = (guint) field->section;
      AdwPreferencesGroup *group;
      McFieldSpec spec;
      GtkWidget *focus = NULL;

      if (s >= self->groups->len)
        continue;
      group = g_ptr_array_index (self->groups, s);
      _mc_field_spec_from_field (&spec, field);

      if (field->kind == MC_FIELD_LIST)
        {
          /* The section's title names a list that opens it. */
          GtkWidget *list_group = list_group_new (self, &spec, started[s]);

          if (started[s])
            gtk_widget_set_margin_top (list_group, 18);
          adw_preferences_group_add (group, list_group);
          runs[s] = NULL;
          started[s] = TRUE;
          continue;
        }

      if (runs[s] == NULL)
        runs[s] = run_list_new (group, !started[s]);
      started[s] = TRUE;
      gtk_list_box_append (runs[s], _mc_field_row_new (&spec, G_OBJECT (self->content),
                                                       self->content, &focus));
      g_hash_table_insert (self->field_widgets, (gpointer) field->id, focus);

      if (!unit_added && g_strcmp0 (field->id, "title") == 0)
        {
          gtk_list_box_append (runs[s], unit_row_new (self));
          unit_added = TRUE;
        }
    }

  if (!unit_added && runs[0])
    gtk_list_box_append (runs[0], unit_row_new (self));
}

void
_mc_design_editor_clear_form (McDesignEditor *self)
{
  for (guint i = 0; self->groups && i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  if (self->groups)
    g_ptr_array_set_size (self->groups, 0);
  if (self->field_widgets)
    g_hash_table_remove_all (self->field_widgets);
  if (self->list_boxes)
    g_hash_table_remove_all (self->list_boxes);
  if (self->marked)
    g_ptr_array_set_size (self->marked, 0);
  self->unit_row = NULL;
  g_clear_object (&self->units);
}

GtkWidget *
_mc_design_editor_find_widget (McDesignEditor *self,
                               const char     *field,
                               int             item_index,
                               const char     *item_field)
{
  if (field == NULL)
    return NULL;

  if (item_index >= 0 && g_hash_table_contains (self->list_boxes, field))
    {
      McItemRow *row = item_row_at (self, field, item_index);
      GtkWidget *widget;

      if (row == NULL)
        return g_hash_table_lookup (self->field_widgets, field);
      widget = mc_item_row_get_field_widget (row, item_field);
      return widget ? widget : GTK_WIDGET (row);
    }
  return g_hash_table_lookup (self->field_widgets, field);
}

void
_mc_design_editor_mark_findings (McDesignEditor *self)
{
  for (guint i = 0; i < self->marked->len; i++)
    {
      gtk_widget_remove_css_class (g_ptr_array_index (self->marked, i), "error");
      gtk_widget_remove_css_class (g_ptr_array_index (self->marked, i), "warning");
    }
  g_ptr_array_set_size (self->marked, 0);

  for (guint i = 0; self->findings && i < self->findings->len; i++)
    {
      McFinding *finding = g_ptr_array_index (self->findings, i);
      McSeverity severity = mc_finding_get_severity (finding);
      GtkWidget *widget;

      if (severity == MC_SEVERITY_INFO)
        continue;
      widget = _mc_design_editor_find_widget (self, mc_finding_get_field (finding),
                                              mc_finding_get_item_index (finding),
                                              mc_finding_get_item_field (finding));
      if (widget == NULL || GTK_IS_BUTTON (widget))
        continue;
      gtk_widget_add_css_class (widget, severity == MC_SEVERITY_ERROR ? "error" : "warning");
      g_ptr_array_add (self->marked, g_object_ref (widget));
    }
}

/* Scrolling waits until the layout is done, so that freshly expanded rows
 * have their final position.  When the widget is part of a larger context
 * (an item row), the context's top is shown too if both fit. */

typedef struct {
  GtkWidget     *widget;
  GtkWidget     *context;
  GdkFrameClock *clock;
  gulong         handler;
} ScrollRequest;

static void
scroll_request_free (gpointer data)
{
  ScrollRequest *r = data;

  g_clear_object (&r->widget);
  g_clear_object (&r->context);
  g_clear_object (&r->clock);
  g_free (r);
}

static void
scroll_now (ScrollRequest *r)
{
  GtkWidget *sw = gtk_widget_get_ancestor (r->widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *viewport;
  GtkAdjustment *vadj;
  graphene_rect_t bounds, context;
  double value, page, top, bottom;

  if (sw == NULL || !gtk_widget_get_mapped (r->widget))
    return;
  viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (sw));
  if (viewport == NULL || !gtk_widget_compute_bounds (r->widget, viewport, &bounds))
    return;

  vadj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw));
  value = gtk_adjustment_get_value (vadj);
  page = gtk_adjustment_get_page_size (vadj);
  top = bounds.origin.y;
  bottom = bounds.origin.y + MIN (bounds.size.height, page / 2);
  if (r->context && gtk_widget_compute_bounds (r->context, viewport, &context) &&
      bottom - context.origin.y < page - 24)
    top = context.origin.y;
  if (top < 0 || bottom > page)
    gtk_adjustment_set_value (vadj, value + top - 24);
}

static void
after_paint_cb (GdkFrameClock *clock, ScrollRequest *r)
{
  g_signal_handler_disconnect (clock, r->handler);
  scroll_now (r);
  scroll_request_free (r);
}

void
_mc_design_editor_scroll_to (McDesignEditor *self, GtkWidget *widget)
{
  ScrollRequest *r = g_new0 (ScrollRequest, 1);
  GtkWidget *context = gtk_widget_get_ancestor (widget, MC_TYPE_ITEM_ROW);
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  r->widget = g_object_ref (widget);
  r->context = context ? g_object_ref (context) : NULL;
  if (clock == NULL)
    {
      scroll_request_free (r);
      return;
    }
  /* Wait for the next frame's layout, which places expanded rows. */
  r->clock = g_object_ref (clock);
  r->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), r);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

void
mc_design_editor_focus_field (McDesignEditor *self,
                              const char     *field,
                              int             item_index,
                              const char     *item_field)
{
  GtkWidget *widget;

  g_return_if_fail (MC_IS_DESIGN_EDITOR (self));

  widget = _mc_design_editor_find_widget (self, field, item_index, item_field);
  if (widget == NULL)
    return;

  /* Open every expander on the way: the item row, a set of flags. */
  for (GtkWidget *w = gtk_widget_get_parent (widget); w; w = gtk_widget_get_parent (w))
    if (ADW_IS_EXPANDER_ROW (w))
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (w), TRUE);
  if (ADW_IS_EXPANDER_ROW (widget) && MC_IS_ITEM_ROW (widget))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);

  /* On a narrow window the panel covers the form. */
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);

  gtk_widget_grab_focus (widget);
  _mc_design_editor_scroll_to (self, widget);
}
