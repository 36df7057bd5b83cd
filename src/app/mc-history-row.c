/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mc-format.h"
#include "mc-history-row.h"

struct _McHistoryRow
{
  GtkBox         parent_instance;

  McHistoryItem *item;

  GtkWidget     *action_label;
  GtkWidget     *change_label;
  GtkWidget     *number_label;
  GtkWidget     *meta_label;
  GtkWidget     *design_label;
  GtkWidget     *comment_label;
  GtkWidget     *details_label;
  GtkWidget     *broken_label;
};

G_DEFINE_FINAL_TYPE (McHistoryRow, mc_history_row, GTK_TYPE_BOX)

/* "reviewer_ids" → "Reviewer ids" */
static char *
humanize_key (const char *key)
{
  g_autofree char *spaced = g_strdelimit (g_strdup (key), "_-", ' ');
  g_autofree char *first = NULL;
  const char *rest = NULL;

  if (spaced[0] == '\0')
    return g_steal_pointer (&spaced);

  rest = g_utf8_next_char (spaced);
  first = g_utf8_strup (spaced, rest - spaced);
  return g_strconcat (first, rest, NULL);
}

static void append_node (GString *out, JsonNode *node);

static void
append_object (GString    *out,
               JsonObject *object)
{
  g_autoptr(GList) members = json_object_get_members (object);
  gboolean first = TRUE;

  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *name = humanize_key (l->data);

      if (!first)
        /* Translators: separates the parts of a value in the history */
        g_string_append (out, _(", "));
      first = FALSE;
      /* Translators: a member of an event's details, "Name: value" */
      g_string_append_printf (out, _("%s: "), name);
      append_node (out, json_object_get_member (object, l->data));
    }
}

static void
append_node (GString  *out,
             JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      /* Translators: a value left empty, in the history */
      g_string_append (out, _("none"));
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        g_string_append (out, json_node_get_boolean (node) ? _("yes") : _("no"));
      else if (json_node_get_value_type (node) == G_TYPE_STRING)
        g_string_append (out, json_node_get_string (node));
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      else
        g_string_append_printf (out, "%g", json_node_get_double (node));
      break;
    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);

        if (json_array_get_length (array) == 0)
          g_string_append (out, _("none"));
        for (guint i = 0; i < json_array_get_length (array); i++)
          {
            if (i > 0)
              g_string_append (out, _(", "));
            append_node (out, json_array_get_element (array, i));
          }
      }
      break;
    case JSON_NODE_OBJECT:
      g_string_append_c (out, '(');
      append_object (out, json_node_get_object (node));
      g_string_append_c (out, ')');
      break;
    default:
      break;
    }
}

char *
mc_history_format_details (const char *details)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GList) members = NULL;
  JsonNode *root = NULL;
  JsonObject *object = NULL;

  if (details == NULL || details[0] == '\0')
    return NULL;

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, details, -1, NULL))
    return g_strdup (details);
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return g_strdup (details);

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  if (members == NULL)
    return NULL;

  out = g_string_new (NULL);
  for (GList *l = members; l != NULL; l = l->next)
    {
      g_autofree char *name = humanize_key (l->data);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, _("%s: "), name);
      append_node (out, json_object_get_member (object, l->data));
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
state_label (int state)
{
  if (state < 0 || (guint) state >= mc_enum_n_values (MC_TYPE_DESIGN_STATE))
    return NULL;
  return mc_enum_label (MC_TYPE_DESIGN_STATE, (guint) state);
}

static GtkWidget *
add_label (GtkBox     *box,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

/* Shows @text in @label, or hides it when there is none. */
static void
set_text (GtkWidget  *label,
          const char *text)
{
  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_widget_set_visible (label, text != NULL && text[0] != '\0');
}

static void
update_broken (McHistoryRow *self)
{
  gboolean broken = self->item != NULL && mc_history_item_get_broken (self->item);

  gtk_widget_set_visible (self->broken_label, broken);
  if (broken)
    gtk_widget_add_css_class (GTK_WIDGET (self), "history-broken");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "history-broken");
}

static void
update (McHistoryRow *self)
{
  const McEvent *event = mc_history_item_get_event (self->item);
  const char *from = state_label (event->from_state);
  const char *to = state_label (event->to_state);
  const char *design_title = mc_history_item_get_design_title (self->item);
  const char *actor = event->actor_name != NULL ? event->actor_name : _("Unknown person");
  g_autofree char *change = NULL;
  g_autofree char *when = mc_format_time (event->time);
  g_autofree char *who = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *number = g_strdup_printf ("#%" G_GINT64_FORMAT, event->id);
  g_autofree char *design = NULL;
  g_autofree char *details = mc_history_format_details (event->details);

  if (to != NULL && from != NULL && event->from_state != event->to_state)
    /* Translators: a change of state, "Draft → Submitted" */
    change = g_strdup_printf (_("%s → %s"), from, to);
  else if (to != NULL && from == NULL)
    /* Translators: the state a design started in, "now Draft" */
    change = g_strdup_printf (_("now %s"), to);

  if (event->recorded_by_id != 0 && event->recorded_by_id != event->actor_id)
    /* Translators: an administrator recorded an action for someone else */
    who = g_strdup_printf (_("Recorded by %s on behalf of %s"),
                           event->recorded_by_name != NULL ? event->recorded_by_name
                                                           : _("Unknown person"),
                           actor);
  else
    who = g_strdup (actor);
  /* Translators: who did it · when */
  meta = g_strdup_printf (_("%s · %s"), who, when);

  if (design_title != NULL)
    /* Translators: the design an event of the institution history is about */
    design = g_strdup_printf (_("Design: %s"), design_title);

  set_text (self->action_label, mc_enum_label (MC_TYPE_ACTION, event->action));
  set_text (self->change_label, change);
  set_text (self->number_label, number);
  set_text (self->meta_label, meta);
  set_text (self->design_label, design);
  set_text (self->comment_label, event->comment);
  set_text (self->details_label, details);
  update_broken (self);
}

void
mc_history_row_set_item (McHistoryRow  *self,
                         McHistoryItem *item)
{
  g_return_if_fail (MC_IS_HISTORY_ROW (self));
  g_return_if_fail (item == NULL || MC_IS_HISTORY_ITEM (item));

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_func (self->item, update_broken, self);
  g_set_object (&self->item, item);
  if (item == NULL)
    return;
  g_signal_connect_object (item, "notify::broken", G_CALLBACK (update_broken),
                           self, G_CONNECT_SWAPPED);
  update (self);
}

McHistoryItem *
mc_history_row_get_item (McHistoryRow *self)
{
  g_return_val_if_fail (MC_IS_HISTORY_ROW (self), NULL);
  return self->item;
}

static void
mc_history_row_dispose (GObject *object)
{
  McHistoryRow *self = MC_HISTORY_ROW (object);

  mc_history_row_set_item (self, NULL);

  G_OBJECT_CLASS (mc_history_row_parent_class)->dispose (object);
}

static void
mc_history_row_class_init (McHistoryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mc_history_row_dispose;
  gtk_widget_class_set_css_name (GTK_WIDGET_CLASS (klass), "historyrow");
}

static void
mc_history_row_init (McHistoryRow *self)
{
  GtkBox *box = GTK_BOX (self);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (box, 3);

  self->action_label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->action_label), 0);
  gtk_widget_add_css_class (self->action_label, "heading");
  gtk_box_append (GTK_BOX (top), self->action_label);

  self->change_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->change_label, "dim-label");
  gtk_box_append (GTK_BOX (top), self->change_label);

  self->number_label = gtk_label_new (NULL);
  gtk_widget_set_hexpand (self->number_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->number_label), 1);
  gtk_widget_add_css_class (self->number_label, "dim-label");
  gtk_widget_add_css_class (self->number_label, "numeric");
  gtk_widget_add_css_class (self->number_label, "caption");
  gtk_box_append (GTK_BOX (top), self->number_label);
  gtk_box_append (box, top);

  self->meta_label = add_label (box, "dim-label");
  self->design_label = add_label (box, NULL);
  self->comment_label = add_label (box, "history-comment");
  self->details_label = add_label (box, "history-details");
  self->broken_label = add_label (box, "error");
  gtk_label_set_text (GTK_LABEL (self->broken_label),
                      _("This event’s record was altered after it was written"));
  gtk_widget_set_visible (self->broken_label, FALSE);
}

McHistoryRow *
mc_history_row_new (void)
{
  return g_object_new (MC_TYPE_HISTORY_ROW, NULL);
}
