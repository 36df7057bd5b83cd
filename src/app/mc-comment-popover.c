/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-comment-popover.h"
#include "mc-date-format.h"

struct _McCommentPopover
{
  GtkPopover   parent_instance;

  GtkLabel    *heading;
  GtkWidget   *scroller;
  GtkBox      *threads_box;
  GtkWidget   *empty_label;
  GtkWidget   *new_box;
  GtkTextView *new_view;
  GtkWidget   *add_button;
  GtkLabel    *error_label;

  McWorkflow  *workflow;
  McDesign    *design;
  char        *field_id;
  int          item_index;
  char        *item_field;
  char        *label;
  gint64       review_id;
  GPtrArray   *comments;    /* McComment of this anchor, and their replies */
};

G_DEFINE_FINAL_TYPE (McCommentPopover, mc_comment_popover, GTK_TYPE_POPOVER)

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

gboolean
mc_comment_popover_has_anchor (const McComment *comment,
                               const char      *field_id,
                               int              item_index,
                               const char      *item_field)
{
  g_return_val_if_fail (comment != NULL, FALSE);

  return g_strcmp0 (comment->field_id, field_id) == 0 &&
         (comment->item_index < 0 ? -1 : comment->item_index) == (item_index < 0 ? -1 : item_index) &&
         g_strcmp0 (comment->item_field && *comment->item_field ? comment->item_field : NULL,
                    item_field && *item_field ? item_field : NULL) == 0;
}

gboolean
mc_comment_popover_concerns (const McComment *comment,
                             const char      *field_id,
                             int              item_index,
                             const char      *item_field)
{
  g_return_val_if_fail (comment != NULL, FALSE);

  if (item_index >= 0 && (item_field == NULL || *item_field == '\0'))
    return g_strcmp0 (comment->field_id, field_id) == 0 && comment->item_index == item_index;
  return mc_comment_popover_has_anchor (comment, field_id, item_index, item_field);
}

char *
mc_comment_popover_anchor_label (const char *field_id, int item_index, const char *item_field)
{
  const McField *field = field_id ? mc_field_lookup (field_id) : NULL;
  const char *name;

  if (field_id == NULL || *field_id == '\0')
    return g_strdup (_("The design as a whole"));
  name = field ? mc_field_get_label (field) : field_id;
  if (item_index < 0)
    return g_strdup (name);
  if (item_field && *item_field)
    {
      const McItemField *sub = mc_item_field_lookup (field_id, item_field);

      /* Translators: a list, an item's number and one of its fields:
       * "Learning outcomes, item 3: Text" */
      return g_strdup_printf (_("%s, item %d: %s"), name, item_index + 1,
                              sub ? mc_item_field_get_label (sub) : item_field);
    }
  /* Translators: a list and an item's number: "Learning outcomes, item 3" */
  return g_strdup_printf (_("%s, item %d"), name, item_index + 1);
}

/* Tells the editor after the click or Enter that caused it has run its
 * course: the answer rebuilds the threads, the entry typed in included. */
static gboolean
emit_changed_cb (gpointer data)
{
  g_signal_emit (data, signals[SIGNAL_CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
changed (McCommentPopover *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, emit_changed_cb, g_object_ref (self), g_object_unref);
}

static void
show_error (McCommentPopover *self, const char *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

gboolean
mc_comment_popover_add (McCommentPopover *self, gint64 parent_id, const char *text,
                        GError **error)
{
  g_autoptr(McComment) comment = NULL;
  g_autoptr(GError) local_error = NULL;
  guint revision = mc_design_get_revision_number (self->design);

  g_return_val_if_fail (MC_IS_COMMENT_POPOVER (self), FALSE);

  comment = mc_comment_new (self->field_id, self->item_index, self->item_field, text);
  comment->design_id = mc_design_get_id (self->design);
  comment->parent_id = parent_id;
  comment->review_id = parent_id == 0 ? self->review_id : 0;
  /* A reply belongs to its thread's revision. */
  for (guint i = 0; parent_id != 0 && i < self->comments->len; i++)
    {
      McComment *parent = g_ptr_array_index (self->comments, i);

      if (parent->id == parent_id)
        revision = parent->revision_number;
    }
  comment->revision_number = revision;

  if (!mc_workflow_add_comment (self->workflow, comment, &local_error))
    {
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_error (self, NULL);
  changed (self);
  return TRUE;
}

gboolean
mc_comment_popover_resolve (McCommentPopover *self, gint64 comment_id, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MC_IS_COMMENT_POPOVER (self), FALSE);

  if (!mc_workflow_resolve_comment (self->workflow, comment_id, &local_error))
    {
      show_error (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  show_error (self, NULL);
  changed (self);
  return TRUE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
add_clicked_cb (McCommentPopover *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->new_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (is_blank (text))
    {
      show_error (self, _("Write the comment first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->new_view));
      return;
    }
  if (mc_comment_popover_add (self, 0, text, NULL))
    gtk_text_buffer_set_text (buffer, "", -1);
}

static void
reply_cb (GtkWidget *widget, McCommentPopover *self)
{
  GtkEntry *entry = g_object_get_data (G_OBJECT (widget), "mc-entry");
  gint64 parent_id = *(gint64 *) g_object_get_data (G_OBJECT (entry), "mc-parent");
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *copy = NULL;

  if (is_blank (text))
    {
      show_error (self, _("Write the reply first."));
      gtk_widget_grab_focus (GTK_WIDGET (entry));
      return;
    }
  copy = g_strdup (text);
  mc_comment_popover_add (self, parent_id, copy, NULL);
}

static void
resolve_cb (GtkButton *button, McCommentPopover *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (button), "mc-comment");

  mc_comment_popover_resolve (self, id, NULL);
}

/* Threads */

/* When a comment was written: "3 March, 14:05". */
static char *
format_when (gint64 unix_seconds)
{
  g_autofree char *date = mc_format_unix_date (unix_seconds, NULL);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
  g_autofree char *time = local ? g_date_time_format (local, "%H:%M") : NULL;

  if (date == NULL || time == NULL)
    return g_strdup ("");
  /* Translators: a date and a time of day, "3 March, 14:05" */
  return g_strdup_printf (_("%s, %s"), date, time);
}

static GtkWidget *
message_new (McCommentPopover *self, McComment *comment)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *author = gtk_label_new (comment->author_name ? comment->author_name : _("Unknown"));
  g_autofree char *when = format_when (comment->created);
  GtkWidget *date = gtk_label_new (when);
  GtkWidget *text = gtk_label_new (comment->text);

  gtk_label_set_xalign (GTK_LABEL (author), 0);
  gtk_widget_add_css_class (author, "caption-heading");
  gtk_label_set_xalign (GTK_LABEL (date), 0);
  gtk_widget_set_hexpand (date, TRUE);
  gtk_widget_add_css_class (date, "caption");
  gtk_widget_add_css_class (date, "dim-label");
  gtk_box_append (GTK_BOX (line), author);
  gtk_box_append (GTK_BOX (line), date);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

static void
set_allowed (GtkWidget *widget, const GError *refusal)
{
  gtk_widget_set_sensitive (widget, refusal == NULL);
  if (refusal)
    gtk_widget_set_tooltip_text (widget, refusal->message);
}

static GtkWidget *
thread_new (McCommentPopover *self, McComment *root, const GError *no_comment,
            const GError *no_resolve)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  guint current = mc_design_get_revision_number (self->design);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "comment-thread");
  if (root->resolved)
    gtk_widget_add_css_class (card, "resolved");

  if (root->revision_number != current)
    {
      /* Translators: %u is a revision number */
      g_autofree char *text = g_strdup_printf (_("On revision %u"), root->revision_number);
      GtkWidget *tag = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (tag), 0);
      gtk_widget_add_css_class (tag, "caption");
      gtk_widget_add_css_class (tag, "dim-label");
      gtk_box_append (GTK_BOX (card), tag);
    }
  /* On an item's row: which of its fields the thread is about. */
  if (root->item_field && *root->item_field && self->item_field == NULL)
    {
      const McItemField *sub = mc_item_field_lookup (root->field_id, root->item_field);
      /* Translators: %s is a field of a list item, such as "Outcome text" */
      g_autofree char *text = g_strdup_printf (_("On “%s”"), sub ? mc_item_field_get_label (sub)
                                                                 : root->item_field);
      GtkWidget *tag = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (tag), 0);
      gtk_widget_add_css_class (tag, "caption-heading");
      gtk_box_append (GTK_BOX (card), tag);
    }
  gtk_box_append (GTK_BOX (card), message_new (self, root));

  for (guint i = 0; i < self->comments->len; i++)
    {
      McComment *reply = g_ptr_array_index (self->comments, i);
      GtkWidget *message;

      if (reply->parent_id != root->id)
        continue;
      message = message_new (self, reply);
      gtk_widget_set_margin_start (message, 18);
      gtk_widget_add_css_class (message, "comment-reply");
      gtk_box_append (GTK_BOX (card), message);
    }

  if (root->resolved)
    {
      g_autofree char *when = mc_format_unix_date (root->resolved_at, NULL);
      /* Translators: %s is a date */
      g_autofree char *text = g_strdup_printf (_("Resolved on %s"), when ? when : "");
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("emblem-ok-symbolic");
      GtkWidget *label = gtk_label_new (text);

      gtk_widget_add_css_class (icon, "success");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (line), icon);
      gtk_box_append (GTK_BOX (line), label);
      gtk_box_append (GTK_BOX (card), line);
    }
  else
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *reply = gtk_button_new_with_mnemonic (_("_Reply"));
      GtkWidget *resolve = gtk_button_new_with_mnemonic (_("Re_solve"));
      g_autofree char *reply_label = NULL;
      gint64 *id = g_new (gint64, 1);

      *id = root->id;
      /* Translators: %s is the name of the person who wrote the comment */
      reply_label = g_strdup_printf (_("Reply to %s"), root->author_name ? root->author_name : "");
      gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Reply…"));
      gtk_widget_set_hexpand (entry, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      reply_label, -1);
      g_object_set_data_full (G_OBJECT (entry), "mc-parent", id, g_free);
      g_object_set_data (G_OBJECT (entry), "mc-entry", entry);
      g_object_set_data (G_OBJECT (reply), "mc-entry", entry);
      g_signal_connect_object (entry, "activate", G_CALLBACK (reply_cb), self, 0);
      g_signal_connect_object (reply, "clicked", G_CALLBACK (reply_cb), self, 0);
      set_allowed (entry, no_comment);
      set_allowed (reply, no_comment);

      g_object_set_data (G_OBJECT (resolve), "mc-comment", id);
      gtk_widget_set_tooltip_text (resolve, _("Mark the comment as dealt with"));
      g_signal_connect_object (resolve, "clicked", G_CALLBACK (resolve_cb), self, 0);
      set_allowed (resolve, no_resolve);

      gtk_box_append (GTK_BOX (line), entry);
      gtk_box_append (GTK_BOX (line), reply);
      gtk_box_append (GTK_BOX (line), resolve);
      gtk_box_append (GTK_BOX (card), line);
    }
  return card;
}

static int
open_first (gconstpointer a, gconstpointer b)
{
  const McComment *ca = *(McComment **) a, *cb = *(McComment **) b;

  if (ca->resolved != cb->resolved)
    return ca->resolved ? 1 : -1;
  return (ca->created > cb->created) - (ca->created < cb->created);
}

void
mc_comment_popover_set_comments (McCommentPopover *self, GPtrArray *comments)
{
  g_autoptr(GPtrArray) roots = g_ptr_array_new ();
  g_autoptr(GError) no_comment = NULL;
  g_autoptr(GError) no_resolve = NULL;
  g_autoptr(GHashTable) root_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  McPerson *actor = mc_workflow_get_actor (self->workflow);
  gboolean owner = actor && mc_person_get_id (actor) == mc_design_get_owner_id (self->design);
  GtkWidget *child, *focus;
  GtkRoot *root;
  gboolean had_focus;

  g_return_if_fail (MC_IS_COMMENT_POPOVER (self));

  g_ptr_array_set_size (self->comments, 0);
  for (guint i = 0; comments && i < comments->len; i++)
    {
      McComment *c = g_ptr_array_index (comments, i);

      if (c->parent_id == 0 &&
          mc_comment_popover_concerns (c, self->field_id, self->item_index, self->item_field))
        g_hash_table_add (root_ids, g_memdup2 (&c->id, sizeof c->id));
    }
  for (guint i = 0; comments && i < comments->len; i++)
    {
      McComment *c = g_ptr_array_index (comments, i);

      if (g_hash_table_contains (root_ids, &c->id) || g_hash_table_contains (root_ids, &c->parent_id))
        {
          g_ptr_array_add (self->comments, mc_comment_copy (c));
          if (c->parent_id == 0)
            g_ptr_array_add (roots, g_ptr_array_index (self->comments, self->comments->len - 1));
        }
    }
  g_ptr_array_sort (roots, open_first);

  mc_workflow_check (self->workflow, self->design, MC_ACTION_COMMENT, &no_comment);
  mc_workflow_check (self->workflow, self->design, MC_ACTION_RESOLVE_COMMENT, &no_resolve);

  /* The focus may be in a thread about to be rebuilt (the reply just
   * sent): take it out first, and give it back to the threads after. */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root ? gtk_root_get_focus (root) : NULL;
  had_focus = focus && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->threads_box));
  if (had_focus)
    gtk_root_set_focus (root, NULL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->threads_box))))
    gtk_box_remove (self->threads_box, child);
  for (guint i = 0; i < roots->len; i++)
    gtk_box_append (self->threads_box, thread_new (self, g_ptr_array_index (roots, i),
                                                   no_comment, no_resolve));
  gtk_widget_set_visible (self->scroller, roots->len > 0);
  if (had_focus)
    gtk_widget_child_focus (GTK_WIDGET (self->threads_box), GTK_DIR_TAB_FORWARD);
  gtk_widget_set_visible (self->empty_label, roots->len == 0);

  /* Authors answer comments; reviewers and the chair start them. */
  gtk_widget_set_visible (self->new_box, !owner);
  set_allowed (GTK_WIDGET (self->new_view), no_comment);
  set_allowed (self->add_button, no_comment);
  if (no_comment == NULL)
    gtk_widget_set_tooltip_text (self->add_button, NULL);
}

static void
mc_comment_popover_dispose (GObject *object)
{
  McCommentPopover *self = MC_COMMENT_POPOVER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_COMMENT_POPOVER);
  g_clear_object (&self->workflow);
  g_clear_object (&self->design);

  G_OBJECT_CLASS (mc_comment_popover_parent_class)->dispose (object);
}

static void
mc_comment_popover_finalize (GObject *object)
{
  McCommentPopover *self = MC_COMMENT_POPOVER (object);

  g_free (self->field_id);
  g_free (self->item_field);
  g_free (self->label);
  g_clear_pointer (&self->comments, g_ptr_array_unref);

  G_OBJECT_CLASS (mc_comment_popover_parent_class)->finalize (object);
}

static void
mc_comment_popover_class_init (McCommentPopoverClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_comment_popover_dispose;
  object_class->finalize = mc_comment_popover_finalize;

  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-comment-popover.ui");
  gtk_widget_class_bind_template_child (widget_class, McCommentPopover, heading);
  gtk_widget_class_bind_template_child (widget_class, McCommentPopover, scroller);
  gtk_widget_class_bind_template_child (widget_class, McCommentPopover, threads_box);
  gtk_widget_class_bind_template_child (widget_class, McCommentPopover, empty_label);
  gtk_widget_class_bind_template_child (widget_class, McCommentPopover, new_box);
  gtk_widget_class_bind_template_child (widget_class, McCommentPopover, new_view);
  gtk_widget_class_bind_template_child (widget_class, McCommentPopover, add_button);
  gtk_widget_class_bind_template_child (widget_class, McCommentPopover, error_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
mc_comment_popover_init (McCommentPopover *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_comment_free);
  self->item_index = -1;
}

GtkWidget *
mc_comment_popover_new (McWorkflow *workflow,
                        McDesign   *design,
                        const char *field_id,
                        int         item_index,
                        const char *item_field,
                        const char *label)
{
  McCommentPopover *self;
  g_autofree char *heading = NULL;

  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (MC_IS_DESIGN (design), NULL);

  self = g_object_new (MC_TYPE_COMMENT_POPOVER, NULL);
  self->workflow = g_object_ref (workflow);
  self->design = g_object_ref (design);
  self->field_id = g_strdup (field_id);
  self->item_index = item_index < 0 ? -1 : item_index;
  self->item_field = g_strdup (item_field);
  self->label = label ? g_strdup (label)
                      : mc_comment_popover_anchor_label (field_id, item_index, item_field);
  /* Translators: %s names a field of the design */
  heading = g_strdup_printf (_("Comments on “%s”"), self->label);
  gtk_label_set_label (self->heading, heading);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  mc_comment_popover_set_comments (self, NULL);
  return GTK_WIDGET (self);
}

void
mc_comment_popover_set_review_id (McCommentPopover *self, gint64 review_id)
{
  g_return_if_fail (MC_IS_COMMENT_POPOVER (self));

  self->review_id = review_id;
}
