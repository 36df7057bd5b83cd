/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-revision-compare.h"
#include "mc-revision-diff.h"

struct _McRevisionCompare
{
  AdwWindow        parent_instance;

  AdwWindowTitle  *window_title;
  GtkDropDown     *old_dropdown;
  GtkDropDown     *new_dropdown;
  GtkStack        *stack;
  AdwStatusPage   *same_page;
  AdwStatusPage   *error_page;
  GtkLabel        *summary_label;
  GtkBox          *changes_box;

  McStore         *store;
  McDesign        *design;
  GArray          *numbers;     /* guint, oldest first, parallel to the drop-downs */
  GPtrArray       *changes;     /* McFieldChange */
  gboolean         updating;
};

G_DEFINE_FINAL_TYPE (McRevisionCompare, mc_revision_compare, ADW_TYPE_WINDOW)

/* How a change is named; the style only repeats the word. */
static const char *
change_word (McChangeKind kind)
{
  switch (kind)
    {
    case MC_CHANGE_ADDED:
      return C_("change", "Added");
    case MC_CHANGE_REMOVED:
      return C_("change", "Removed");
    case MC_CHANGE_MOVED:
      return C_("change", "Moved");
    case MC_CHANGE_CHANGED:
    default:
      return C_("change", "Changed");
    }
}

static const char *
change_style (McChangeKind kind)
{
  switch (kind)
    {
    case MC_CHANGE_ADDED:
      return "change-added";
    case MC_CHANGE_REMOVED:
      return "change-removed";
    case MC_CHANGE_MOVED:
      return "change-moved";
    case MC_CHANGE_CHANGED:
    default:
      return "change-changed";
    }
}

static GtkWidget *
value_line_new (const char *caption, const char *text, const char *style)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *cap = gtk_label_new (caption);
  GtkWidget *value = gtk_label_new (text && *text ? text : _("(empty)"));

  gtk_label_set_xalign (GTK_LABEL (cap), 0);
  gtk_label_set_yalign (GTK_LABEL (cap), 0);
  gtk_widget_set_size_request (cap, 64, -1);
  gtk_widget_add_css_class (cap, "dim-label");
  gtk_widget_add_css_class (cap, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_set_hexpand (value, TRUE);
  if (text == NULL || *text == '\0')
    gtk_widget_add_css_class (value, "dim-label");
  if (style)
    gtk_widget_add_css_class (value, style);
  gtk_box_append (GTK_BOX (box), cap);
  gtk_box_append (GTK_BOX (box), value);
  return box;
}

static GtkWidget *
change_row_new (const McFieldChange *change)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *pill = gtk_label_new (change_word (change->kind));
  GtkWidget *title = gtk_label_new (change->label);
  g_autofree char *a11y = NULL;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 12);

  gtk_widget_set_valign (pill, GTK_ALIGN_START);
  gtk_widget_add_css_class (pill, "change-pill");
  gtk_widget_add_css_class (pill, change_style (change->kind));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (top), pill);
  gtk_box_append (GTK_BOX (top), title);
  gtk_box_append (GTK_BOX (box), top);

  switch (change->kind)
    {
    case MC_CHANGE_ADDED:
      gtk_box_append (GTK_BOX (box), value_line_new (_("New"), change->new_text, NULL));
      break;
    case MC_CHANGE_REMOVED:
      gtk_box_append (GTK_BOX (box), value_line_new (_("Was"), change->old_text, "removed-text"));
      break;
    case MC_CHANGE_MOVED:
      {
        /* Translators: positions in a list, counted from 1 */
        g_autofree char *where = g_strdup_printf (_("From position %d to position %d"),
                                                  change->old_index + 1, change->new_index + 1);

        gtk_box_append (GTK_BOX (box), value_line_new (_("Moved"), where, NULL));
      }
      break;
    case MC_CHANGE_CHANGED:
    default:
      gtk_box_append (GTK_BOX (box), value_line_new (_("Was"), change->old_text, "removed-text"));
      gtk_box_append (GTK_BOX (box), value_line_new (_("Now"), change->new_text, NULL));
      break;
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* Translators: a kind of change, then what changed: "Added: Learning outcome LO4" */
  a11y = g_strdup_printf (_("%s: %s"), change_word (change->kind), change->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return row;
}

static McSection
change_section (const McFieldChange *change)
{
  const McField *field = change->field_id ? mc_field_lookup (change->field_id) : NULL;

  return field ? field->section : MC_SECTION_OVERVIEW;
}

static void
show_changes (McRevisionCompare *self, guint old_number, guint new_number)
{
  guint counts[4] = { 0, };
  GtkWidget *child;
  g_autoptr(GString) summary = g_string_new (NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_box))))
    gtk_box_remove (self->changes_box, child);

  for (guint s = 0; s < mc_enum_n_values (MC_TYPE_SECTION); s++)
    {
      McSection section = mc_enum_nth_value (MC_TYPE_SECTION, s);
      GtkWidget *group = NULL;
      GtkWidget *list = NULL;

      for (guint i = 0; i < self->changes->len; i++)
        {
          const McFieldChange *change = g_ptr_array_index (self->changes, i);

          if (change_section (change) != section)
            continue;
          if (group == NULL)
            {
              GtkWidget *heading = gtk_label_new (mc_section_get_label (section));

              group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
              gtk_label_set_xalign (GTK_LABEL (heading), 0);
              gtk_widget_add_css_class (heading, "heading");
              gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                              GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
              list = gtk_list_box_new ();
              gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
              gtk_widget_add_css_class (list, "boxed-list");
              gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                              mc_section_get_label (section), -1);
              gtk_widget_set_name (group, mc_section_get_id (section));
              gtk_box_append (GTK_BOX (group), heading);
              gtk_box_append (GTK_BOX (group), list);
              gtk_box_append (self->changes_box, group);
            }
          gtk_list_box_append (GTK_LIST_BOX (list), change_row_new (change));
          if ((guint) change->kind < G_N_ELEMENTS (counts))
            counts[change->kind]++;
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
    {
      static const McChangeKind order[] = { MC_CHANGE_ADDED, MC_CHANGE_REMOVED,
                                            MC_CHANGE_CHANGED, MC_CHANGE_MOVED };
      guint n = counts[order[k]];

      if (n == 0)
        continue;
      g_string_append (summary, summary->len > 0 ? ", " : "");
      /* Translators: parts of "1 added, 2 removed, 1 changed, 1 moved" */
      switch (order[k])
        {
        case MC_CHANGE_ADDED:
          g_string_append_printf (summary, ngettext ("%u added", "%u added", n), n);
          break;
        case MC_CHANGE_REMOVED:
          g_string_append_printf (summary, ngettext ("%u removed", "%u removed", n), n);
          break;
        case MC_CHANGE_MOVED:
          g_string_append_printf (summary, ngettext ("%u moved", "%u moved", n), n);
          break;
        case MC_CHANGE_CHANGED:
        default:
          g_string_append_printf (summary, ngettext ("%u changed", "%u changed", n), n);
          break;
        }
    }
  {
    /* Translators: two revision numbers, then "1 added, 2 changed" */
    g_autofree char *text = g_strdup_printf (_("From revision %u to revision %u: %s"),
                                             old_number, new_number, summary->str);

    gtk_label_set_label (self->summary_label, text);
  }
}

static McRevision *
load (McRevisionCompare *self, guint number, GError **error)
{
  return mc_store_load_revision (self->store, mc_design_get_id (self->design), number, error);
}

static void
show_error (McRevisionCompare *self, const char *message)
{
  adw_status_page_set_description (self->error_page, message);
  gtk_stack_set_visible_child_name (self->stack, "error");
}

static guint
position_of (McRevisionCompare *self, guint number)
{
  for (guint i = 0; i < self->numbers->len; i++)
    if (g_array_index (self->numbers, guint, i) == number)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

gboolean
mc_revision_compare_set_revisions (McRevisionCompare *self, guint old_number, guint new_number)
{
  g_autoptr(McRevision) old = NULL;
  g_autoptr(McRevision) new = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (MC_IS_REVISION_COMPARE (self), FALSE);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->old_dropdown, position_of (self, old_number));
  gtk_drop_down_set_selected (self->new_dropdown, position_of (self, new_number));
  self->updating = FALSE;
  g_clear_pointer (&self->changes, g_ptr_array_unref);

  old = load (self, old_number, &error);
  if (old != NULL)
    new = load (self, new_number, &error);
  if (old == NULL || new == NULL)
    {
      show_error (self, error->message);
      return FALSE;
    }

  self->changes = mc_revision_diff (old, new);
  if (self->changes->len == 0)
    {
      /* Translators: two revision numbers */
      g_autofree char *text = g_strdup_printf (_("Revisions %u and %u have the same content"),
                                               old_number, new_number);

      adw_status_page_set_description (self->same_page, text);
      gtk_stack_set_visible_child_name (self->stack, "same");
    }
  else
    {
      show_changes (self, old_number, new_number);
      gtk_stack_set_visible_child_name (self->stack, "changes");
    }
  return TRUE;
}

GPtrArray *
mc_revision_compare_get_changes (McRevisionCompare *self)
{
  g_return_val_if_fail (MC_IS_REVISION_COMPARE (self), NULL);

  return self->changes;
}

static void
selection_changed_cb (McRevisionCompare *self)
{
  guint old_pos = gtk_drop_down_get_selected (self->old_dropdown);
  guint new_pos = gtk_drop_down_get_selected (self->new_dropdown);

  if (self->updating || old_pos >= self->numbers->len || new_pos >= self->numbers->len)
    return;
  mc_revision_compare_set_revisions (self, g_array_index (self->numbers, guint, old_pos),
                                     g_array_index (self->numbers, guint, new_pos));
}

static void
fill_dropdowns (McRevisionCompare *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GArray) numbers = NULL;
  g_autoptr(GError) error = NULL;
  guint current = mc_design_get_revision_number (self->design);
  guint approved = mc_design_get_approved_revision (self->design);
  const char *title = mc_revision_get_title (mc_design_get_content (self->design));

  adw_window_title_set_subtitle (self->window_title, title && *title ? title : _("Untitled Design"));
  numbers = mc_store_list_revision_numbers (self->store, mc_design_get_id (self->design), &error);
  if (numbers == NULL)
    {
      show_error (self, error->message);
      return;
    }
  g_array_set_size (self->numbers, 0);
  for (guint i = 0; i < numbers->len; i++)
    {
      guint n = g_array_index (numbers, guint, i);
      g_autofree char *name = NULL;

      if (n == current)
        /* Translators: %u is a revision number */
        name = g_strdup_printf (_("Revision %u (current)"), n);
      else if (n == approved)
        /* Translators: %u is a revision number */
        name = g_strdup_printf (_("Revision %u (approved)"), n);
      else
        /* Translators: %u is a revision number */
        name = g_strdup_printf (_("Revision %u"), n);
      gtk_string_list_append (names, name);
      g_array_append_val (self->numbers, n);
    }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->old_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_model (self->new_dropdown, G_LIST_MODEL (names));
  self->updating = FALSE;

  /* By default: the one before the current revision, and the current. */
  if (self->numbers->len >= 2)
    mc_revision_compare_set_revisions (self, g_array_index (self->numbers, guint, self->numbers->len - 2),
                                       g_array_index (self->numbers, guint, self->numbers->len - 1));
  else if (self->numbers->len == 1)
    mc_revision_compare_set_revisions (self, g_array_index (self->numbers, guint, 0),
                                       g_array_index (self->numbers, guint, 0));
}

static void
mc_revision_compare_dispose (GObject *object)
{
  McRevisionCompare *self = MC_REVISION_COMPARE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_REVISION_COMPARE);
  g_clear_object (&self->store);
  g_clear_object (&self->design);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->numbers, g_array_unref);

  G_OBJECT_CLASS (mc_revision_compare_parent_class)->dispose (object);
}

static void
mc_revision_compare_class_init (McRevisionCompareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_revision_compare_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mc-revision-compare.ui");
  gtk_widget_class_bind_template_child (widget_class, McRevisionCompare, window_title);
  gtk_widget_class_bind_template_child (widget_class, McRevisionCompare, old_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McRevisionCompare, new_dropdown);
  gtk_widget_class_bind_template_child (widget_class, McRevisionCompare, stack);
  gtk_widget_class_bind_template_child (widget_class, McRevisionCompare, same_page);
  gtk_widget_class_bind_template_child (widget_class, McRevisionCompare, error_page);
  gtk_widget_class_bind_template_child (widget_class, McRevisionCompare, summary_label);
  gtk_widget_class_bind_template_child (widget_class, McRevisionCompare, changes_box);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
mc_revision_compare_init (McRevisionCompare *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_signal_connect_object (self->old_dropdown, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_dropdown, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
}

McRevisionCompare *
mc_revision_compare_new (McStore *store, McDesign *design)
{
  McRevisionCompare *self;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (MC_IS_DESIGN (design), NULL);

  self = g_object_new (MC_TYPE_REVISION_COMPARE, NULL);
  self->store = g_object_ref (store);
  self->design = g_object_ref (design);
  fill_dropdowns (self);
  return self;
}
