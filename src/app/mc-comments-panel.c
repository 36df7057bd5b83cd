/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-comment-popover.h"
#include "mc-comments-panel.h"
#include "mc-date-format.h"

struct _McCommentsPanel
{
  AdwBin      parent_instance;

  GtkLabel   *counts_label;
  GtkStack   *stack;
  GtkBox     *groups_box;

  guint       n_open;
};

G_DEFINE_FINAL_TYPE (McCommentsPanel, mc_comments_panel, ADW_TYPE_BIN)

enum {
  SIGNAL_COMMENT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A field's place in the form, so that groups follow the form's order. */
static guint
field_order (const char *field_id)
{
  guint n = 0;
  const McField *fields = mc_field_get_all (&n);

  for (guint i = 0; field_id && i < n; i++)
    if (g_strcmp0 (fields[i].id, field_id) == 0)
      return i;
  return n;
}

typedef struct {
  McComment *root;
  guint      n_replies;
  gboolean   has_open;   /* of the group */
} Thread;

static int
compare_threads (gconstpointer a, gconstpointer b)
{
  const Thread *ta = *(Thread **) a, *tb = *(Thread **) b;
  const McComment *ca = ta->root, *cb = tb->root;
  guint fa, fb;
  int c;

  /* Fields with open comments first, then in the form's order. */
  if (ta->has_open != tb->has_open)
    return ta->has_open ? -1 : 1;
  fa = field_order (ca->field_id);
  fb = field_order (cb->field_id);
  if (fa != fb)
    return fa < fb ? -1 : 1;
  if ((c = g_strcmp0 (ca->field_id, cb->field_id)) != 0)
    return c;
  if (ca->item_index != cb->item_index)
    return ca->item_index < cb->item_index ? -1 : 1;
  if ((c = g_strcmp0 (ca->item_field, cb->item_field)) != 0)
    return c;
  if (ca->resolved != cb->resolved)
    return ca->resolved ? 1 : -1;
  return (ca->created > cb->created) - (ca->created < cb->created);
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, McCommentsPanel *self)
{
  McComment *comment = g_object_get_data (G_OBJECT (row), "mc-comment");

  if (comment)
    g_signal_emit (self, signals[SIGNAL_COMMENT_ACTIVATED], 0, comment);
}

static GtkWidget *
thread_row_new (Thread *t, guint current_revision)
{
  McComment *c = t->root;
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *when = mc_format_unix_date (c->created, NULL);
  GtkWidget *state = gtk_label_new (c->resolved ? _("Resolved") : _("Open"));

  g_string_append_printf (subtitle, "%s · %s", c->author_name ? c->author_name : _("Unknown"),
                          when ? when : "");
  if (t->n_replies > 0)
    {
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, ngettext ("%u reply", "%u replies", t->n_replies), t->n_replies);
    }
  if (c->revision_number != current_revision)
    {
      g_string_append (subtitle, " · ");
      /* Translators: %u is a revision number */
      g_string_append_printf (subtitle, _("on revision %u"), c->revision_number);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->text ? c->text : "");
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, _("Go to the field"));

  gtk_widget_set_valign (state, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (state, "comment-state");
  gtk_widget_add_css_class (state, c->resolved ? "resolved" : "open");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), state);
  if (c->resolved)
    gtk_widget_add_css_class (row, "dim-label");

  g_object_set_data_full (G_OBJECT (row), "mc-comment", mc_comment_copy (c),
                          (GDestroyNotify) mc_comment_free);
  return row;
}

void
mc_comments_panel_set_comments (McCommentsPanel *self, GPtrArray *comments, guint current_revision)
{
  g_autoptr(GPtrArray) threads = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) open_anchors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *counts = NULL;
  GtkWidget *child;
  GtkWidget *list = NULL;
  const McComment *group_root = NULL;
  guint n_resolved = 0;

  g_return_if_fail (MC_IS_COMMENTS_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))))
    gtk_box_remove (self->groups_box, child);
  self->n_open = 0;

  for (guint i = 0; comments && i < comments->len; i++)
    {
      McComment *c = g_ptr_array_index (comments, i);
      Thread *t;

      if (c->parent_id != 0)
        continue;
      t = g_new0 (Thread, 1);
      t->root = c;
      for (guint j = 0; j < comments->len; j++)
        if (((McComment *) g_ptr_array_index (comments, j))->parent_id == c->id)
          t->n_replies++;
      g_ptr_array_add (threads, t);
      if (c->resolved)
        n_resolved++;
      else
        {
          self->n_open++;
          g_hash_table_add (open_anchors, mc_comment_popover_anchor_label (c->field_id, c->item_index,
                                                                           c->item_field));
        }
    }
  for (guint i = 0; i < threads->len; i++)
    {
      Thread *t = g_ptr_array_index (threads, i);
      g_autofree char *label = mc_comment_popover_anchor_label (t->root->field_id, t->root->item_index,
                                                                t->root->item_field);

      t->has_open = g_hash_table_contains (open_anchors, label);
    }
  g_ptr_array_sort (threads, compare_threads);

  for (guint i = 0; i < threads->len; i++)
    {
      Thread *t = g_ptr_array_index (threads, i);

      if (group_root == NULL ||
          !mc_comment_popover_has_anchor (group_root, t->root->field_id, t->root->item_index,
                                          t->root->item_field))
        {
          g_autofree char *label = mc_comment_popover_anchor_label (t->root->field_id,
                                                                    t->root->item_index,
                                                                    t->root->item_field);
          GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
          GtkWidget *heading = gtk_label_new (label);

          gtk_label_set_xalign (GTK_LABEL (heading), 0);
          gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
          gtk_widget_add_css_class (heading, "heading");
          gtk_accessible_update_property (GTK_ACCESSIBLE (heading),
                                          GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
          list = gtk_list_box_new ();
          gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
          gtk_widget_add_css_class (list, "boxed-list");
          gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          label, -1);
          g_signal_connect_object (list, "row-activated", G_CALLBACK (row_activated_cb), self, 0);
          gtk_box_append (GTK_BOX (group), heading);
          gtk_box_append (GTK_BOX (group), list);
          gtk_box_append (self->groups_box, group);
          group_root = t->root;
        }
      gtk_list_box_append (GTK_LIST_BOX (list), thread_row_new (t, current_revision));
    }

  {
    /* Translators: the number of comment threads not yet resolved */
    g_autofree char *open = g_strdup_printf (ngettext ("%u open", "%u open", self->n_open), self->n_open);
    /* Translators: the number of comment threads resolved */
    g_autofree char *resolved = g_strdup_printf (ngettext ("%u resolved", "%u resolved", n_resolved),
                                                 n_resolved);

    /* Translators: "2 open, 1 resolved" */
    counts = g_strdup_printf (_("%s, %s"), open, resolved);
  }
  gtk_label_set_label (self->counts_label, counts);
  gtk_stack_set_visible_child_name (self->stack, threads->len > 0 ? "list" : "empty");
}

guint
mc_comments_panel_get_n_open (McCommentsPanel *self)
{
  g_return_val_if_fail (MC_IS_COMMENTS_PANEL (self), 0);

  return self->n_open;
}

static void
mc_comments_panel_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MC_TYPE_COMMENTS_PANEL);

  G_OBJECT_CLASS (mc_comments_panel_parent_class)->dispose (object);
}

static void
mc_comments_panel_class_init (McCommentsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_comments_panel_dispose;

  signals[SIGNAL_COMMENT_ACTIVATED] =
    g_signal_new ("comment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, MC_TYPE_COMMENT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-comments-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, McCommentsPanel, counts_label);
  gtk_widget_class_bind_template_child (widget_class, McCommentsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, McCommentsPanel, groups_box);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mc_comments_panel_init (McCommentsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  mc_comments_panel_set_comments (self, NULL, 0);
}

GtkWidget *
mc_comments_panel_new (void)
{
  return g_object_new (MC_TYPE_COMMENTS_PANEL, NULL);
}
