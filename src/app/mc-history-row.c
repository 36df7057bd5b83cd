/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "mc-format.h"
#include "mc-history-row.h"

struct _McHistoryRow
{
  GtkListBoxRow  parent_instance;

  McEvent       *event;
  GtkWidget     *broken_label;
};

G_DEFINE_FINAL_TYPE (McHistoryRow, mc_history_row, GTK_TYPE_LIST_BOX_ROW)

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
           const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

static void
build (McHistoryRow *self,
       const char   *design_title)
{
  const McEvent *event = self->event;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *action = NULL;
  GtkWidget *number = NULL;
  const char *from = state_label (event->from_state);
  const char *to = state_label (event->to_state);
  g_autofree char *when = mc_format_time (event->time);
  g_autofree char *who = NULL;
  g_autofree char *meta = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *details = mc_history_format_details (event->details);
  const char *actor = event->actor_name != NULL ? event->actor_name : _("Unknown person");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);

  action = gtk_label_new (mc_enum_label (MC_TYPE_ACTION, event->action));
  gtk_label_set_xalign (GTK_LABEL (action), 0);
  gtk_widget_add_css_class (action, "heading");
  gtk_box_append (GTK_BOX (top), action);

  if (to != NULL && from != NULL && event->from_state != event->to_state)
    {
      /* Translators: a change of state, "Draft → Submitted" */
      g_autofree char *change = g_strdup_printf (_("%s → %s"), from, to);
      GtkWidget *label = gtk_label_new (change);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (top), label);
    }
  else if (to != NULL && from == NULL)
    {
      /* Translators: the state a design started in, "now Draft" */
      g_autofree char *change = g_strdup_printf (_("now %s"), to);
      GtkWidget *label = gtk_label_new (change);

      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (top), label);
    }

  id_text = g_strdup_printf ("#%" G_GINT64_FORMAT, event->id);
  number = gtk_label_new (id_text);
  gtk_widget_set_hexpand (number, TRUE);
  gtk_label_set_xalign (GTK_LABEL (number), 1);
  gtk_widget_add_css_class (number, "dim-label");
  gtk_widget_add_css_class (number, "numeric");
  gtk_widget_add_css_class (number, "caption");
  gtk_box_append (GTK_BOX (top), number);
  gtk_box_append (GTK_BOX (box), top);

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
  add_label (GTK_BOX (box), meta, "dim-label");

  if (design_title != NULL)
    {
      /* Translators: the design an event of the institution history is about */
      g_autofree char *text = g_strdup_printf (_("Design: %s"), design_title);
      add_label (GTK_BOX (box), text, NULL);
    }

  if (event->comment != NULL && event->comment[0] != '\0')
    add_label (GTK_BOX (box), event->comment, "history-comment");

  if (details != NULL)
    add_label (GTK_BOX (box), details, "history-details");

  self->broken_label = add_label (GTK_BOX (box),
                                  _("This event’s record was altered after it was written"),
                                  "error");
  gtk_widget_set_visible (self->broken_label, FALSE);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);
}

const McEvent *
mc_history_row_get_event (McHistoryRow *self)
{
  g_return_val_if_fail (MC_IS_HISTORY_ROW (self), NULL);
  return self->event;
}

void
mc_history_row_set_broken (McHistoryRow *self,
                           gboolean      broken)
{
  g_return_if_fail (MC_IS_HISTORY_ROW (self));

  gtk_widget_set_visible (self->broken_label, broken);
  if (broken)
    gtk_widget_add_css_class (GTK_WIDGET (self), "history-broken");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "history-broken");
}

static void
mc_history_row_finalize (GObject *object)
{
  McHistoryRow *self = MC_HISTORY_ROW (object);

  g_clear_pointer (&self->event, mc_event_free);

  G_OBJECT_CLASS (mc_history_row_parent_class)->finalize (object);
}

static void
mc_history_row_class_init (McHistoryRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_history_row_finalize;
}

static void
mc_history_row_init (McHistoryRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
}

McHistoryRow *
mc_history_row_new (const McEvent *event,
                    const char    *design_title)
{
  McHistoryRow *self = NULL;

  g_return_val_if_fail (event != NULL, NULL);

  self = g_object_new (MC_TYPE_HISTORY_ROW, NULL);
  self->event = mc_event_copy (event);
  build (self, design_title);
  return self;
}
