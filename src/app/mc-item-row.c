/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-design-editor-private.h"
#include "mc-item-row.h"

#define TITLE_MAX_CHARS 90

struct _McItemRow
{
  AdwExpanderRow  parent_instance;

  GtkButton      *up_button;
  GtkButton      *down_button;
  GtkButton      *remove_button;

  McItem         *item;
  McRevision     *revision;
  GHashTable     *widgets;   /* item field id -> focus widget */
  gboolean        locked;
};

G_DEFINE_FINAL_TYPE (McItemRow, mc_item_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_REVISION,
  N_PROPS
};

enum {
  SIGNAL_MOVE,
  SIGNAL_REMOVE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The title shows what tells items apart: an outcome's code and text, a
 * component's method and weight, a partner's or target's name. */
/* Every row has the same three buttons: a screen reader needs to hear
 * which item each one acts on. */
static void
label_button (GtkButton *button,
              char      *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_free (label);
}

static void
name_buttons (McItemRow  *self,
              const char *title)
{
  /* Translators: %s is a list item, such as "LO1 — Explain …" */
  label_button (self->up_button, g_strdup_printf (_("Move “%s” Up"), title));
  /* Translators: %s is a list item, such as "LO1 — Explain …" */
  label_button (self->down_button, g_strdup_printf (_("Move “%s” Down"), title));
  /* Translators: %s is a list item, such as "LO1 — Explain …" */
  label_button (self->remove_button, g_strdup_printf (_("Remove “%s”"), title));
}

static void
update_title (McItemRow *self)
{
  const char *list_id = mc_item_get_list_id (self->item);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *shown = NULL;

  if (g_strcmp0 (list_id, "outcomes") == 0)
    {
      g_autofree char *code = _mc_item_format_field (self->item, "code");
      g_autofree char *text = _mc_item_format_field (self->item, "text");

      if (*text == '\0')
        title = g_strdup_printf (_("%s — (no text yet)"), *code ? code : _("New outcome"));
      else
        /* Translators: an outcome's code and its text, "LO1 — Explain …" */
        title = g_strdup_printf (_("%s — %s"), code, text);
      subtitle = _mc_item_format_field (self->item, "domain");
    }
  else if (g_strcmp0 (list_id, "assessments") == 0)
    {
      g_autofree char *method = _mc_item_format_field (self->item, "method");
      g_autofree char *weight = _mc_item_format_field (self->item, "weight");

      /* Translators: an assessment method and its weight, "Exam — 40 %" */
      title = g_strdup_printf (_("%s — %s %%"), method, weight);
      subtitle = _mc_item_format_field (self->item, "description");
    }
  else
    {
      title = _mc_item_format_field (self->item, "name");
      if (*title == '\0')
        {
          g_free (title);
          title = g_strdup (_("Unnamed"));
        }
      subtitle = _mc_item_format_field (self->item, "kind");
    }

  /* Keep the header on one line; the full text is in the row below. */
  g_strdelimit (title, "\n\r\t", ' ');
  if (g_utf8_strlen (title, -1) > TITLE_MAX_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (title, 0, TITLE_MAX_CHARS);

      shown = g_strconcat (cut, "…", NULL);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), shown ? shown : title);
  name_buttons (self, shown ? shown : title);
  if (subtitle)
    g_strdelimit (subtitle, "\n\r\t", ' ');
  if (subtitle && g_utf8_strlen (subtitle, -1) > TITLE_MAX_CHARS)
    {
      g_autofree char *cut = g_utf8_substring (subtitle, 0, TITLE_MAX_CHARS);

      g_free (subtitle);
      subtitle = g_strconcat (cut, "…", NULL);
    }
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle ? subtitle : "");
  _mc_widget_set_accessible_label (GTK_WIDGET (self), shown ? shown : title);
}

static void
item_notify_cb (McItemRow *self)
{
  update_title (self);
}

static void
up_clicked_cb (McItemRow *self)
{
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, -1);
}

static void
down_clicked_cb (McItemRow *self)
{
  g_signal_emit (self, signals[SIGNAL_MOVE], 0, 1);
}

static void
remove_clicked_cb (McItemRow *self)
{
  g_signal_emit (self, signals[SIGNAL_REMOVE], 0);
}

static void
mc_item_row_constructed (GObject *object)
{
  McItemRow *self = MC_ITEM_ROW (object);
  const McItemField *fields;
  guint n_fields = 0;

  G_OBJECT_CLASS (mc_item_row_parent_class)->constructed (object);

  g_assert (self->item != NULL);
  fields = mc_item_fields_get_all (mc_item_get_list_id (self->item), &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      McFieldSpec spec;
      GtkWidget *focus = NULL;
      GtkWidget *row;

      _mc_field_spec_from_item_field (&spec, &fields[i]);
      row = _mc_field_row_new (&spec, G_OBJECT (self->item), self->revision, &focus);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (self), row);
      g_hash_table_insert (self->widgets, (gpointer) fields[i].id, focus);
    }

  update_title (self);
  g_signal_connect_object (self->item, "notify", G_CALLBACK (item_notify_cb), self,
                           G_CONNECT_SWAPPED);
}

static void
mc_item_row_dispose (GObject *object)
{
  McItemRow *self = MC_ITEM_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ITEM_ROW);
  g_clear_pointer (&self->widgets, g_hash_table_unref);
  g_clear_object (&self->item);
  g_clear_object (&self->revision);

  G_OBJECT_CLASS (mc_item_row_parent_class)->dispose (object);
}

static void
mc_item_row_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McItemRow *self = MC_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    case PROP_REVISION:
      g_value_set_object (value, self->revision);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_item_row_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McItemRow *self = MC_ITEM_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    case PROP_REVISION:
      self->revision = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_item_row_class_init (McItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_item_row_constructed;
  object_class->dispose = mc_item_row_dispose;
  object_class->get_property = mc_item_row_get_property;
  object_class->set_property = mc_item_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, MC_TYPE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVISION] =
    g_param_spec_object ("revision", NULL, NULL, MC_TYPE_REVISION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_MOVE] =
    g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SIGNAL_REMOVE] =
    g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, McItemRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, McItemRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, McItemRow, remove_button);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked_cb);
}

static void
mc_item_row_init (McItemRow *self)
{
  self->widgets = g_hash_table_new (g_str_hash, g_str_equal);
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
mc_item_row_new (McItem *item, McRevision *revision)
{
  g_return_val_if_fail (MC_IS_ITEM (item), NULL);
  g_return_val_if_fail (revision == NULL || MC_IS_REVISION (revision), NULL);

  return g_object_new (MC_TYPE_ITEM_ROW, "item", item, "revision", revision, NULL);
}

McItem *
mc_item_row_get_item (McItemRow *self)
{
  g_return_val_if_fail (MC_IS_ITEM_ROW (self), NULL);

  return self->item;
}

GtkWidget *
mc_item_row_get_field_widget (McItemRow *self, const char *item_field)
{
  g_return_val_if_fail (MC_IS_ITEM_ROW (self), NULL);

  if (item_field == NULL || self->widgets == NULL)
    return NULL;
  return g_hash_table_lookup (self->widgets, item_field);
}

void
mc_item_row_set_position (McItemRow *self, guint index, guint n_items)
{
  g_return_if_fail (MC_IS_ITEM_ROW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->up_button), index > 0 && !self->locked);
  gtk_widget_set_sensitive (GTK_WIDGET (self->down_button), index + 1 < n_items && !self->locked);
}

void
mc_item_row_set_locked (McItemRow *self, const char *reason)
{
  GtkWidget *buttons[] = { GTK_WIDGET (self->up_button), GTK_WIDGET (self->down_button),
                           GTK_WIDGET (self->remove_button) };

  g_return_if_fail (MC_IS_ITEM_ROW (self));

  self->locked = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (buttons); i++)
    {
      gtk_widget_set_sensitive (buttons[i], FALSE);
      gtk_widget_set_tooltip_text (buttons[i], reason);
    }
}
