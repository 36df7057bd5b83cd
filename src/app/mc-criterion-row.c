/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-criterion-row.h"

struct _McCriterionRow
{
  AdwExpanderRow  parent_instance;

  McCriterion    *criterion;
  GPtrArray      *field_checks;   /* GtkCheckButton, one per design field */
  gboolean        syncing;

  GtkButton      *up_button;
  GtkButton      *down_button;
  GtkButton      *remove_button;
  AdwEntryRow    *title_row;
  AdwEntryRow    *guidance_row;
  AdwEntryRow    *id_row;
  AdwComboRow    *answer_row;
  GtkSwitch      *required_switch;
  AdwActionRow   *fields_row;
  GtkMenuButton  *fields_button;
  GtkBox         *fields_box;
};

G_DEFINE_FINAL_TYPE (McCriterionRow, mc_criterion_row, ADW_TYPE_EXPANDER_ROW)

enum {
  CHANGED,
  MOVE_UP,
  MOVE_DOWN,
  REMOVE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define FIELD_ID_KEY "mc-field-id"

static char *
fields_text (const McCriterion *criterion)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  for (guint i = 0; criterion->fields != NULL && criterion->fields[i] != NULL; i++)
    {
      const McField *field = mc_field_lookup (criterion->fields[i]);

      g_ptr_array_add (labels, (gpointer) (field != NULL ? mc_field_get_label (field)
                                                         : criterion->fields[i]));
    }
  if (labels->len == 0)
    return g_strdup (_("None: the criterion is about the design as a whole"));
  g_ptr_array_add (labels, NULL);
  /* Translators: separates the names of design fields */
  return g_strjoinv (_(", "), (char **) labels->pdata);
}

/* The title and subtitle of the row, and the names of its buttons. */
static void
update_header (McCriterionRow *self)
{
  const McCriterion *criterion = self->criterion;
  const char *title = criterion->title != NULL && criterion->title[0] != '\0'
                      ? criterion->title : _("Untitled criterion");
  g_autofree char *subtitle = NULL;
  g_autofree char *fields = fields_text (criterion);
  g_autofree char *up = NULL;
  g_autofree char *down = NULL;
  g_autofree char *remove = NULL;
  guint n_fields = criterion->fields != NULL ? g_strv_length (criterion->fields) : 0;
  const char *answer = mc_enum_label (MC_TYPE_ANSWER_KIND, criterion->answer);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  if (criterion->required)
    /* Translators: "Rating · required · 2 design fields" */
    subtitle = g_strdup_printf (ngettext ("%s · required · %u design field",
                                          "%s · required · %u design fields", n_fields),
                                answer, n_fields);
  else
    subtitle = g_strdup_printf (ngettext ("%s · optional · %u design field",
                                          "%s · optional · %u design fields", n_fields),
                                answer, n_fields);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  adw_action_row_set_subtitle (self->fields_row, fields);

  /* Translators: names of buttons for screen readers, %s is a criterion */
  up = g_strdup_printf (_("Move “%s” up"), title);
  down = g_strdup_printf (_("Move “%s” down"), title);
  remove = g_strdup_printf (_("Remove “%s”"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->up_button), GTK_ACCESSIBLE_PROPERTY_LABEL, up, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->down_button), GTK_ACCESSIBLE_PROPERTY_LABEL, down, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove, -1);
}

static void
read_widgets (McCriterionRow *self)
{
  McCriterion *criterion = self->criterion;
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  guint answer = adw_combo_row_get_selected (self->answer_row);

  g_free (criterion->title);
  criterion->title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  g_free (criterion->guidance);
  criterion->guidance = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->guidance_row)));
  g_free (criterion->id);
  criterion->id = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_row)));
  if (answer != GTK_INVALID_LIST_POSITION)
    criterion->answer = mc_enum_nth_value (MC_TYPE_ANSWER_KIND, answer);
  criterion->required = gtk_switch_get_active (self->required_switch);

  for (guint i = 0; i < self->field_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->field_checks, i);

      if (gtk_check_button_get_active (check))
        g_strv_builder_add (fields, g_object_get_data (G_OBJECT (check), FIELD_ID_KEY));
    }
  g_strfreev (criterion->fields);
  criterion->fields = g_strv_builder_end (fields);
}

static void
on_entry_changed (McCriterionRow *self)
{
  if (self->syncing)
    return;
  read_widgets (self);
  update_header (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
on_up_clicked (McCriterionRow *self)
{
  g_signal_emit (self, signals[MOVE_UP], 0);
}

static void
on_down_clicked (McCriterionRow *self)
{
  g_signal_emit (self, signals[MOVE_DOWN], 0);
}

static void
on_remove_clicked (McCriterionRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

/* The design fields, by section, as check buttons. */
static void
build_field_checks (McCriterionRow *self)
{
  const McField *fields = NULL;
  guint n_fields = 0;
  int section = -1;

  fields = mc_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      GtkWidget *check = NULL;

      if ((int) fields[i].section != section)
        {
          GtkWidget *heading = gtk_label_new (mc_section_get_label (fields[i].section));

          section = fields[i].section;
          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_widget_add_css_class (heading, "heading");
          gtk_widget_set_margin_top (heading, gtk_widget_get_first_child (GTK_WIDGET (self->fields_box)) ? 9 : 0);
          gtk_widget_set_margin_bottom (heading, 3);
          gtk_box_append (self->fields_box, heading);
        }
      check = gtk_check_button_new_with_label (mc_field_get_label (&fields[i]));
      g_object_set_data (G_OBJECT (check), FIELD_ID_KEY, (gpointer) fields[i].id);
      g_signal_connect_object (check, "toggled", G_CALLBACK (on_entry_changed), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->fields_box, check);
      g_ptr_array_add (self->field_checks, check);
    }
}

static void
fill_widgets (McCriterionRow *self)
{
  const McCriterion *criterion = self->criterion;
  g_autoptr(GtkStringList) answers = gtk_string_list_new (NULL);
  guint answer_pos = 0;

  for (guint i = 0; i < mc_enum_n_values (MC_TYPE_ANSWER_KIND); i++)
    {
      guint value = mc_enum_nth_value (MC_TYPE_ANSWER_KIND, i);

      gtk_string_list_append (answers, mc_enum_label (MC_TYPE_ANSWER_KIND, value));
      if (value == (guint) criterion->answer)
        answer_pos = i;
    }

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), criterion->title != NULL ? criterion->title : "");
  gtk_editable_set_text (GTK_EDITABLE (self->guidance_row), criterion->guidance != NULL ? criterion->guidance : "");
  gtk_editable_set_text (GTK_EDITABLE (self->id_row), criterion->id != NULL ? criterion->id : "");
  adw_combo_row_set_model (self->answer_row, G_LIST_MODEL (answers));
  adw_combo_row_set_selected (self->answer_row, answer_pos);
  gtk_switch_set_active (self->required_switch, criterion->required);
  for (guint i = 0; i < self->field_checks->len; i++)
    {
      GtkCheckButton *check = g_ptr_array_index (self->field_checks, i);
      const char *id = g_object_get_data (G_OBJECT (check), FIELD_ID_KEY);

      gtk_check_button_set_active (check, criterion->fields != NULL &&
                                          g_strv_contains ((const char * const *) criterion->fields, id));
    }
  self->syncing = FALSE;
  update_header (self);
}

const McCriterion *
mc_criterion_row_get_criterion (McCriterionRow *self)
{
  g_return_val_if_fail (MC_IS_CRITERION_ROW (self), NULL);
  return self->criterion;
}

void
mc_criterion_row_set_movable (McCriterionRow *self,
                              gboolean        up,
                              gboolean        down)
{
  g_return_if_fail (MC_IS_CRITERION_ROW (self));

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->remove_button)))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), up);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), down);
}

static void
set_editable (McCriterionRow *self,
              gboolean        editable)
{
  GtkWidget *widgets[] = {
    GTK_WIDGET (self->up_button), GTK_WIDGET (self->down_button),
    GTK_WIDGET (self->remove_button), GTK_WIDGET (self->title_row),
    GTK_WIDGET (self->guidance_row), GTK_WIDGET (self->id_row),
    GTK_WIDGET (self->answer_row), GTK_WIDGET (self->required_switch),
    GTK_WIDGET (self->fields_button),
  };

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      gtk_widget_set_sensitive (widgets[i], editable);
      if (!editable)
        gtk_widget_set_tooltip_text (widgets[i], _("Only administrators can change templates"));
    }
}

static void
mc_criterion_row_dispose (GObject *object)
{
  McCriterionRow *self = MC_CRITERION_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_CRITERION_ROW);
  g_clear_pointer (&self->field_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_criterion_row_parent_class)->dispose (object);
}

static void
mc_criterion_row_finalize (GObject *object)
{
  McCriterionRow *self = MC_CRITERION_ROW (object);

  g_clear_pointer (&self->criterion, mc_criterion_free);

  G_OBJECT_CLASS (mc_criterion_row_parent_class)->finalize (object);
}

static void
mc_criterion_row_class_init (McCriterionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_criterion_row_dispose;
  object_class->finalize = mc_criterion_row_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MOVE_UP] = g_signal_new ("move-up", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[MOVE_DOWN] = g_signal_new ("move-down", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-criterion-row.ui");
  gtk_widget_class_bind_template_child (widget_class, McCriterionRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, McCriterionRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, McCriterionRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, McCriterionRow, title_row);
  gtk_widget_class_bind_template_child (widget_class, McCriterionRow, guidance_row);
  gtk_widget_class_bind_template_child (widget_class, McCriterionRow, id_row);
  gtk_widget_class_bind_template_child (widget_class, McCriterionRow, answer_row);
  gtk_widget_class_bind_template_child (widget_class, McCriterionRow, required_switch);
  gtk_widget_class_bind_template_child (widget_class, McCriterionRow, fields_row);
  gtk_widget_class_bind_template_child (widget_class, McCriterionRow, fields_button);
  gtk_widget_class_bind_template_child (widget_class, McCriterionRow, fields_box);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked);
}

static void
mc_criterion_row_init (McCriterionRow *self)
{
  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->field_checks = g_ptr_array_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  build_field_checks (self);
  self->syncing = FALSE;
}

McCriterionRow *
mc_criterion_row_new (const McCriterion *criterion,
                      gboolean           editable)
{
  McCriterionRow *self = NULL;

  g_return_val_if_fail (criterion != NULL, NULL);

  self = g_object_new (MC_TYPE_CRITERION_ROW, NULL);
  self->criterion = mc_criterion_copy (criterion);
  fill_widgets (self);
  set_editable (self, editable);
  return self;
}
