/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The review side of the editor: comments beside the fields they are
 * pinned to, the Comments and Review pages beside the form, the fields
 * changed since the reviewer's last review, and the ways into comparing
 * revisions and into the yearly review.  Fields are found through
 * _mc_design_editor_find_widget(), the mapping findings use. */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-annual-review-dialog.h"
#include "mc-comment-popover.h"
#include "mc-comments-panel.h"
#include "mc-design-editor-review-private.h"
#include "mc-date-format.h"
#include "mc-item-row.h"
#include "mc-review-panel.h"
#include "mc-revision-compare.h"
#include "mc-revision-diff.h"


typedef struct {
  char *field_id;
  int   item_index;
  char *item_field;
  char *label;
} Anchor;

static void
anchor_free (gpointer data)
{
  Anchor *a = data;

  g_free (a->field_id);
  g_free (a->item_field);
  g_free (a->label);
  g_free (a);
}

static void
toast (McDesignEditor *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static gboolean
is_owner (McDesignEditor *self)
{
  McPerson *actor = mc_workflow_get_actor (self->workflow);

  return actor && self->design && mc_person_get_id (actor) == mc_design_get_owner_id (self->design);
}

/* Rows */

static GtkWidget *
row_of (GtkWidget *widget)
{
  if (widget == NULL || GTK_IS_LIST_BOX_ROW (widget))
    return widget;
  return gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
}

/* Puts @child at the end of @row, beside the field's own controls. */
static gboolean
row_add_suffix (GtkWidget *row, GtkWidget *child)
{
  GtkWidget *box;

  if (ADW_IS_ENTRY_ROW (row))
    adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), child);
  else if (ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_add_action (ADW_EXPANDER_ROW (row), child);
  else if (ADW_IS_ACTION_ROW (row))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row), child);
  else if ((box = g_object_get_data (G_OBJECT (row), "mc-suffix-box")))
    gtk_box_append (GTK_BOX (box), child);
  else
    return FALSE;
  return TRUE;
}

/* A row's change mark comes before its comment button, whichever came
 * first and whatever the kind of row. */
static void
order_suffixes (GtkWidget *row)
{
  GtkWidget *mark = g_object_get_data (G_OBJECT (row), "mc-change-mark");
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "mc-comment-button");
  GtkWidget *parent = button ? gtk_widget_get_parent (button) : NULL;

  if (mark && GTK_IS_BOX (parent) && gtk_widget_get_parent (mark) == parent)
    gtk_box_reorder_child_after (GTK_BOX (parent), button, mark);
}

/* Comment buttons */

static void
count_threads (McEditorReview *r, const Anchor *a, guint *n_open, guint *n_all)
{
  *n_open = *n_all = 0;
  for (guint i = 0; r->comments && i < r->comments->len; i++)
    {
      McComment *c = g_ptr_array_index (r->comments, i);

      if (c->parent_id != 0 ||
          !mc_comment_popover_concerns (c, a->field_id, a->item_index, a->item_field))
        continue;
      (*n_all)++;
      if (!c->resolved)
        (*n_open)++;
    }
}

static void
update_button (McDesignEditor *self, GtkWidget *button)
{
  McEditorReview *r = self->review;
  Anchor *a = g_object_get_data (G_OBJECT (button), "mc-anchor");
  GtkWidget *count = g_object_get_data (G_OBJECT (button), "mc-count");
  g_autofree char *tooltip = NULL;
  g_autofree char *number = NULL;
  guint n_open, n_all;

  count_threads (r, a, &n_open, &n_all);
  number = g_strdup_printf ("%u", n_open);
  gtk_label_set_label (GTK_LABEL (count), number);
  gtk_widget_set_visible (count, n_open > 0);
  gtk_widget_set_visible (button, n_all > 0 || r->may_comment || r->no_comment != NULL);
  gtk_widget_set_sensitive (button, n_all > 0 || r->may_comment);

  if (n_all > 0)
    /* Translators: a field, then the number of open and of all comment threads on it */
    tooltip = g_strdup_printf (ngettext ("Comments on “%s”: %u open of %u",
                                         "Comments on “%s”: %u open of %u", n_all),
                               a->label, n_open, n_all);
  else if (r->may_comment)
    /* Translators: %s names a field of the design */
    tooltip = g_strdup_printf (_("Comment on “%s”"), a->label);
  else
    tooltip = g_strdup (r->no_comment);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  /* Screen readers meet the menu button's own toggle: name it too. */
  if (GTK_IS_TOGGLE_BUTTON (gtk_widget_get_first_child (button)))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (button)),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);

  if (n_open > 0)
    {
      gtk_widget_remove_css_class (button, "flat");
      gtk_widget_add_css_class (button, "comment-badge");
    }
  else
    {
      gtk_widget_remove_css_class (button, "comment-badge");
      gtk_widget_add_css_class (button, "flat");
    }
}

static void comments_changed_cb (McDesignEditor *self);

static void
create_popup_cb (GtkMenuButton *button, gpointer user_data)
{
  McDesignEditor *self = user_data;
  Anchor *a = g_object_get_data (G_OBJECT (button), "mc-anchor");
  GtkPopover *popover = gtk_menu_button_get_popover (button);
  McReview *review;

  if (popover == NULL)
    {
      popover = GTK_POPOVER (mc_comment_popover_new (self->workflow, self->design, a->field_id,
                                                     a->item_index, a->item_field, a->label));
      g_signal_connect_object (popover, "changed", G_CALLBACK (comments_changed_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_menu_button_set_popover (button, GTK_WIDGET (popover));
    }
  review = self->review->review_panel
           ? mc_review_panel_get_review (MC_REVIEW_PANEL (self->review->review_panel)) : NULL;
  mc_comment_popover_set_review_id (MC_COMMENT_POPOVER (popover), review ? review->id : 0);
  mc_comment_popover_set_comments (MC_COMMENT_POPOVER (popover), self->review->comments);
}

/* The comment button of the field shown by @row, made on first use. */
static GtkWidget *
ensure_button (McDesignEditor *self, GtkWidget *row, const char *field_id, int item_index,
               const char *item_field)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "mc-comment-button");
  GtkWidget *box, *count;
  Anchor *a;

  if (button)
    return button;

  button = gtk_menu_button_new ();
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  count = gtk_label_new (NULL);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("chat-message-new-symbolic"));
  gtk_box_append (GTK_BOX (box), count);
  gtk_menu_button_set_child (GTK_MENU_BUTTON (button), box);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "comment-button");
  if (!row_add_suffix (row, button))
    {
      g_object_ref_sink (button);
      g_object_unref (button);
      return NULL;
    }

  a = g_new0 (Anchor, 1);
  a->field_id = g_strdup (field_id);
  a->item_index = item_index;
  a->item_field = g_strdup (item_field);
  a->label = mc_comment_popover_anchor_label (field_id, item_index, item_field);
  g_object_set_data_full (G_OBJECT (button), "mc-anchor", a, anchor_free);
  g_object_set_data (G_OBJECT (button), "mc-count", count);
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_popup_cb, self, NULL);
  g_object_set_data (G_OBJECT (row), "mc-comment-button", button);
  g_ptr_array_add (self->review->buttons, g_object_ref (button));
  order_suffixes (row);
  return button;
}

static void
attach (McDesignEditor *self, const char *field_id, int item_index, const char *item_field)
{
  GtkWidget *widget = _mc_design_editor_find_widget (self, field_id, item_index, item_field);
  GtkWidget *row = row_of (widget);
  GtkWidget *button;

  /* A list's own widget is its Add button: no row of its own. */
  if (row == NULL || GTK_IS_BUTTON (widget))
    return;
  if (item_index >= 0 && item_field == NULL && !MC_IS_ITEM_ROW (row))
    return;
  button = ensure_button (self, row, field_id, item_index, item_field);
  if (button)
    update_button (self, button);
}

/* Every field and item row gets its button; rows made since (a new item)
 * get theirs on the next refresh. */
static void
attach_buttons (McDesignEditor *self)
{
  const McField *fields;
  guint n_fields = 0;

  if (self->content == NULL || self->workflow == NULL)
    return;
  fields = mc_field_get_all (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const McField *field = &fields[i];
      const McItemField *item_fields;
      guint n_items, n_item_fields = 0;

      if (field->kind != MC_FIELD_LIST)
        {
          attach (self, field->id, -1, NULL);
          continue;
        }
      n_items = g_list_model_get_n_items (G_LIST_MODEL (mc_revision_get_list (self->content, field->id)));
      item_fields = mc_item_fields_get_all (field->id, &n_item_fields);
      for (guint n = 0; n < n_items; n++)
        {
          attach (self, field->id, (int) n, NULL);
          for (guint j = 0; j < n_item_fields; j++)
            attach (self, field->id, (int) n, item_fields[j].id);
        }
    }
}

/* Comments */

/* The comments of the current revision, and the open ones of earlier
 * revisions with their replies: they still wait for an answer. */
static void
load_comments (McDesignEditor *self)
{
  McEditorReview *r = self->review;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GHashTable) shown = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;
  guint current;

  g_ptr_array_set_size (r->comments, 0);
  if (self->design == NULL || self->workflow == NULL || mc_design_get_id (self->design) == 0)
    return;
  current = mc_design_get_revision_number (self->design);
  all = mc_store_list_comments (self->store, mc_design_get_id (self->design), 0, &error);
  if (all == NULL)
    {
      toast (self, error->message);
      return;
    }
  for (guint i = 0; i < all->len; i++)
    {
      McComment *c = g_ptr_array_index (all, i);

      if (c->parent_id == 0 && (c->revision_number == current || !c->resolved))
        {
          g_ptr_array_add (r->comments, mc_comment_copy (c));
          g_hash_table_add (shown, &((McComment *) g_ptr_array_index (r->comments, r->comments->len - 1))->id);
        }
    }
  for (guint i = 0; i < all->len; i++)
    {
      McComment *c = g_ptr_array_index (all, i);

      if (c->parent_id != 0 && g_hash_table_contains (shown, &c->parent_id))
        g_ptr_array_add (r->comments, mc_comment_copy (c));
    }
}

static void
update_comments (McDesignEditor *self)
{
  McEditorReview *r = self->review;
  g_autoptr(GError) refusal = NULL;
  McDesignState state;
  guint n_open;
  g_autofree char *label = NULL;

  g_clear_pointer (&r->no_comment, g_free);
  r->may_comment = FALSE;
  if (self->design && self->workflow)
    {
      r->may_comment = !is_owner (self) &&
                       mc_workflow_check (self->workflow, self->design, MC_ACTION_COMMENT, &refusal);
      state = mc_design_get_state (self->design);
      /* Where reviewers look for it, say why one cannot comment. */
      if (!r->may_comment && !is_owner (self) && refusal &&
          (state == MC_DESIGN_STATE_SUBMITTED || state == MC_DESIGN_STATE_IN_REVIEW ||
           state == MC_DESIGN_STATE_MODIFICATION_REVIEW))
        r->no_comment = g_strdup (refusal->message);
    }

  mc_comments_panel_set_comments (MC_COMMENTS_PANEL (r->comments_panel), r->comments,
                                  self->design ? mc_design_get_revision_number (self->design) : 0);
  n_open = mc_comments_panel_get_n_open (MC_COMMENTS_PANEL (r->comments_panel));
  label = n_open > 0 ? g_strdup_printf (ngettext ("%u Comment", "%u Comments", n_open), n_open)
                     : g_strdup (_("Comments"));
  gtk_button_set_label (GTK_BUTTON (r->comments_button), label);
  gtk_widget_set_tooltip_text (r->comments_button, _("Show the comments on this design"));
  gtk_stack_page_set_visible (r->comments_page,
                              self->design != NULL && (r->comments->len > 0 || r->may_comment));

  /* Rows of an earlier form are gone: so are their buttons. */
  for (guint i = r->buttons->len; i > 0; i--)
    if (gtk_widget_get_parent (g_ptr_array_index (r->buttons, i - 1)) == NULL)
      g_ptr_array_remove_index_fast (r->buttons, i - 1);
  for (guint i = 0; i < r->buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (r->buttons, i);
      GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));

      update_button (self, button);
      if (popover && gtk_widget_get_visible (GTK_WIDGET (popover)))
        mc_comment_popover_set_comments (MC_COMMENT_POPOVER (popover), r->comments);
    }
  attach_buttons (self);
}

static void
comments_changed_cb (McDesignEditor *self)
{
  load_comments (self);
  update_comments (self);
}

static void
comment_activated_cb (McDesignEditor *self, McComment *comment)
{
  if (comment->field_id == NULL)
    return;
  mc_design_editor_focus_field (self, comment->field_id, comment->item_index, comment->item_field);
}

static gboolean
refresh_cb (gpointer data)
{
  McDesignEditor *self = data;

  self->review->refresh_source = 0;
  attach_buttons (self);
  return G_SOURCE_REMOVE;
}

static void
items_changed_cb (McDesignEditor *self)
{
  if (self->review->refresh_source == 0)
    self->review->refresh_source = g_idle_add (refresh_cb, self);
}

/* Changes since the reviewer's last review */

static const char *
change_word (McChangeKind kind)
{
  switch (kind)
    {
    case MC_CHANGE_ADDED:
      return C_("change", "Added");
    case MC_CHANGE_MOVED:
      return C_("change", "Moved");
    case MC_CHANGE_REMOVED:
      return C_("change", "Removed");
    case MC_CHANGE_CHANGED:
    default:
      return C_("change", "Changed");
    }
}

static void
unmark_changes (McEditorReview *r)
{
  for (guint i = 0; i < r->marked->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (r->marked, i);
      GtkWidget *mark = g_object_get_data (G_OBJECT (row), "mc-change-mark");

      gtk_widget_remove_css_class (row, "changed-field");
      if (mark)
        gtk_widget_set_visible (mark, FALSE);
    }
  g_ptr_array_set_size (r->marked, 0);
}

static void
mark_row (McDesignEditor *self, GtkWidget *row, McChangeKind kind, guint since)
{
  GtkWidget *mark = g_object_get_data (G_OBJECT (row), "mc-change-mark");
  g_autofree char *tooltip = NULL;

  if (mark == NULL)
    {
      mark = gtk_label_new (NULL);
      gtk_widget_set_valign (mark, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (mark, "change-pill");
      gtk_widget_add_css_class (mark, "change-changed");
      if (!row_add_suffix (row, mark))
        {
          g_object_ref_sink (mark);
          g_object_unref (mark);
          return;
        }
      g_object_set_data (G_OBJECT (row), "mc-change-mark", mark);
      order_suffixes (row);
    }
  gtk_label_set_label (GTK_LABEL (mark), change_word (kind));
  /* Translators: %u is the revision the reviewer reviewed */
  tooltip = g_strdup_printf (_("Changed since revision %u, the one you reviewed"), since);
  gtk_widget_set_tooltip_text (mark, tooltip);
  gtk_widget_set_visible (mark, TRUE);
  gtk_widget_add_css_class (row, "changed-field");
  g_ptr_array_add (self->review->marked, g_object_ref (row));
}

static guint
mark_changes (McDesignEditor *self, guint since)
{
  McEditorReview *r = self->review;
  g_autoptr(McRevision) old = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GError) error = NULL;

  unmark_changes (r);
  if (since == 0 || self->content == NULL)
    return 0;
  old = mc_store_load_revision (self->store, mc_design_get_id (self->design), since, &error);
  if (old == NULL)
    {
      g_debug ("Could not load revision %u: %s", since, error->message);
      return 0;
    }
  changes = mc_revision_diff (old, self->content);
  for (guint i = 0; i < changes->len; i++)
    {
      const McFieldChange *change = g_ptr_array_index (changes, i);
      GtkWidget *widget, *row;

      /* What was removed has no row left to mark. */
      if (change->kind == MC_CHANGE_REMOVED)
        continue;
      widget = _mc_design_editor_find_widget (self, change->field_id, change->new_index,
                                              change->item_field);
      row = row_of (widget);
      if (row && !GTK_IS_BUTTON (widget))
        mark_row (self, row, change->kind, since);
      /* A changed field of an item: its row says so while closed, too. */
      if (change->item_field != NULL && change->new_index >= 0)
        {
          GtkWidget *item = _mc_design_editor_find_widget (self, change->field_id,
                                                           change->new_index, NULL);
          GtkWidget *mark = MC_IS_ITEM_ROW (item)
                            ? g_object_get_data (G_OBJECT (item), "mc-change-mark") : NULL;

          if (MC_IS_ITEM_ROW (item) && !(mark && gtk_widget_get_visible (mark)))
            mark_row (self, item, MC_CHANGE_CHANGED, since);
        }
    }
  return changes->len;
}

/* The top of the form, the header and the side pages */

static void
update_banner (McDesignEditor *self, guint since, guint n_changes)
{
  McEditorReview *r = self->review;
  const char *due = self->design ? mc_design_get_review_due (self->design) : NULL;
  gboolean annual = FALSE, changes = FALSE;

  if (self->design && self->workflow && due &&
      mc_design_get_state (self->design) == MC_DESIGN_STATE_ACTIVE &&
      g_strcmp0 (due, mc_workflow_get_today (self->workflow)) <= 0)
    {
      g_autoptr(GError) refusal = NULL;
      g_autofree char *date = mc_format_iso_date (due, mc_workflow_get_today (self->workflow));
      g_autofree char *subtitle = NULL;
      gboolean overdue = g_strcmp0 (due, mc_workflow_get_today (self->workflow)) < 0;

      annual = TRUE;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->annual_row),
                                     overdue ? _("Yearly Review Overdue") : _("Yearly Review Due"));
      /* Translators: %s is a date */
      subtitle = g_strdup_printf (overdue ? _("It was due on %s. Review how the credential ran this "
                                              "year and whether it should continue.")
                                          : _("It is due on %s. Review how the credential ran this "
                                              "year and whether it should continue."),
                                  date ? date : due);
      adw_action_row_set_subtitle (r->annual_row, subtitle);
      gtk_widget_set_sensitive (r->annual_button,
                                mc_workflow_check (self->workflow, self->design,
                                                   MC_ACTION_ANNUAL_REVIEW, &refusal));
      gtk_widget_set_tooltip_text (r->annual_button, refusal ? refusal->message
                                                             : _("Open the yearly review form"));
      if (overdue)
        gtk_widget_add_css_class (GTK_WIDGET (r->annual_row), "overdue");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (r->annual_row), "overdue");
    }

  if (since > 0 && r->review_panel)
    {
      McReview *own = mc_review_panel_get_review (MC_REVIEW_PANEL (r->review_panel));
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      changes = own != NULL && own->state != MC_REVIEW_STATE_COMPLETED;
      /* Translators: %u is a revision number */
      title = g_strdup_printf (_("Revised Since Your Review of Revision %u"), since);
      subtitle = g_strdup_printf (ngettext ("%u change; the fields changed are marked below",
                                            "%u changes; the fields changed are marked below",
                                            n_changes), n_changes);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r->changes_row), title);
      adw_action_row_set_subtitle (r->changes_row, subtitle);
    }

  gtk_widget_set_visible (GTK_WIDGET (r->annual_row), annual);
  gtk_widget_set_visible (GTK_WIDGET (r->changes_row), changes);
  gtk_widget_set_visible (r->banner, annual || changes);
}

static void
update_header (McDesignEditor *self)
{
  McEditorReview *r = self->review;
  gboolean has_review = r->review_panel &&
                        mc_review_panel_get_has_content (MC_REVIEW_PANEL (r->review_panel)) &&
                        self->design != NULL;
  gboolean stored = self->design != NULL && self->workflow != NULL && mc_design_get_id (self->design) != 0;
  g_autoptr(GArray) numbers = NULL;
  guint visible = 1;

  if (r->review_page)
    gtk_stack_page_set_visible (r->review_page, has_review);
  gtk_widget_set_visible (r->review_button, has_review);
  gtk_widget_set_visible (r->comments_button, gtk_stack_page_get_visible (r->comments_page));

  gtk_widget_set_visible (r->compare_button, stored);
  if (stored)
    numbers = mc_store_list_revision_numbers (self->store, mc_design_get_id (self->design), NULL);
  if (numbers && numbers->len >= 2)
    {
      gtk_widget_set_sensitive (r->compare_button, TRUE);
      gtk_widget_set_tooltip_text (r->compare_button, _("Compare Revisions"));
    }
  else
    {
      gtk_widget_set_sensitive (r->compare_button, FALSE);
      gtk_widget_set_tooltip_text (r->compare_button,
                                   _("Compare Revisions: this design has only one revision so far"));
    }

  visible += gtk_stack_page_get_visible (r->comments_page) ? 1 : 0;
  visible += r->review_page && gtk_stack_page_get_visible (r->review_page) ? 1 : 0;
  gtk_widget_set_visible (GTK_WIDGET (self->side_switcher), visible > 1);
}

static void
review_panel_changed_cb (McDesignEditor *self)
{
  update_header (self);
}

/* A completed review moves the count the workflow bar shows ("1 of 2
 * reviews completed") and may make a decision possible. */
static void
review_completed_cb (McDesignEditor *self)
{
  update_header (self);
  mc_workflow_bar_refresh (self->workflow_bar);
}

static void
ensure_review_panel (McDesignEditor *self)
{
  McEditorReview *r = self->review;

  if (r->review_panel || self->workflow == NULL)
    return;
  r->review_panel = mc_review_panel_new (self->workflow);
  r->review_page = gtk_stack_add_titled (self->side_stack, r->review_panel, "review", _("Review"));
  gtk_stack_page_set_visible (r->review_page, FALSE);
  g_signal_connect_object (r->review_panel, "notify::has-content",
                           G_CALLBACK (review_panel_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (r->review_panel, "completed",
                           G_CALLBACK (review_completed_cb), self, G_CONNECT_SWAPPED);
}

void
_mc_design_editor_review_load (McDesignEditor *self)
{
  McEditorReview *r = self->review;
  guint since = 0, n_changes = 0;

  if (r == NULL)
    return;
  ensure_review_panel (self);
  if (r->review_panel)
    {
      McReviewPanel *panel = MC_REVIEW_PANEL (r->review_panel);

      if (mc_review_panel_get_design (panel) != self->design)
        mc_review_panel_set_design (panel, self->design);
      else
        mc_review_panel_reload (panel);
      since = mc_review_panel_get_reviewed_revision (panel);
    }

  if (self->content)
    for (guint i = 0; i < 4; i++)
      {
        static const char *lists[] = { "outcomes", "assessments", "partners", "stack_targets" };

        g_signal_connect_object (mc_revision_get_list (self->content, lists[i]), "items-changed",
                                 G_CALLBACK (items_changed_cb), self, G_CONNECT_SWAPPED);
      }

  load_comments (self);
  update_comments (self);
  if (self->design && self->workflow)
    n_changes = mark_changes (self, since);
  update_banner (self, since, n_changes);
  update_header (self);
}

/* Actions */

/* The findings, comments and review toggles in the header show their
 * page beside the form, or hide it again; they follow what is shown. */
static void
sync_side_toggles (McDesignEditor *self)
{
  McEditorReview *r = self->review;
  GtkWidget *toggles[] = { GTK_WIDGET (self->findings_button), r->comments_button, r->review_button };
  gboolean revealed = adw_flap_get_reveal_flap (self->flap);
  const char *page = gtk_stack_get_visible_child_name (self->side_stack);

  r->syncing = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (toggles); i++)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggles[i]),
                                  revealed && g_strcmp0 (page, g_object_get_data (G_OBJECT (toggles[i]),
                                                                                  "mc-page")) == 0);
  r->syncing = FALSE;
}

static void
show_side_page (McDesignEditor *self, const char *name, gboolean show)
{
  if (show)
    {
      gtk_stack_set_visible_child_name (self->side_stack, name);
      adw_flap_set_reveal_flap (self->flap, TRUE);
    }
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), name) == 0)
    adw_flap_set_reveal_flap (self->flap, FALSE);
  sync_side_toggles (self);
}

static void
side_toggled_cb (GtkToggleButton *toggle, McDesignEditor *self)
{
  if (self->review == NULL || self->review->syncing)
    return;
  show_side_page (self, g_object_get_data (G_OBJECT (toggle), "mc-page"),
                  gtk_toggle_button_get_active (toggle));
}

static void
side_changed_cb (McDesignEditor *self)
{
  if (self->review)
    sync_side_toggles (self);
}

static void
show_comments_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  McDesignEditor *self = MC_DESIGN_EDITOR (widget);

  show_side_page (self, "comments", !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->review->comments_button)));
}

static void
show_review_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  McDesignEditor *self = MC_DESIGN_EDITOR (widget);

  if (self->review->review_page && gtk_stack_page_get_visible (self->review->review_page))
    show_side_page (self, "review", !gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (self->review->review_button)));
}

static void
compare_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  McDesignEditor *self = MC_DESIGN_EDITOR (widget);
  McRevisionCompare *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);
  guint since = 0;

  if (self->design == NULL || mc_design_get_id (self->design) == 0)
    return;
  if (self->review->review_panel)
    since = mc_review_panel_get_reviewed_revision (MC_REVIEW_PANEL (self->review->review_panel));
  dialog = mc_revision_compare_new (self->store, self->design);
  if (since > 0)
    mc_revision_compare_set_revisions (dialog, since, mc_design_get_revision_number (self->design));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
annual_completed_cb (McDesignEditor *self)
{
  toast (self, _("Yearly review completed"));
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.reload", NULL);
}

static void
annual_review_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  McDesignEditor *self = MC_DESIGN_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  McAnnualReviewDialog *dialog;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->design == NULL || self->workflow == NULL)
    return;
  dialog = mc_annual_review_dialog_new (self->workflow, self->design, &error);
  if (dialog == NULL)
    {
      toast (self, error->message);
      return;
    }
  g_signal_connect_object (dialog, "completed", G_CALLBACK (annual_completed_cb), self,
                           G_CONNECT_SWAPPED);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Ctrl+Alt+M: the thread of the field that has the keyboard focus. */
static void
comment_field_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  McDesignEditor *self = MC_DESIGN_EDITOR (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

  for (GtkWidget *w = focus; w && w != widget; w = gtk_widget_get_parent (w))
    {
      GtkWidget *button = g_object_get_data (G_OBJECT (w), "mc-comment-button");

      if (button == NULL)
        continue;
      if (gtk_widget_get_visible (button) && gtk_widget_is_sensitive (button))
        gtk_menu_button_popup (GTK_MENU_BUTTON (button));
      else
        toast (self, self->review->no_comment ? self->review->no_comment
                                              : _("There are no comments on this field"));
      return;
    }
  toast (self, _("Move the focus to a field first to comment on it"));
}

void
_mc_design_editor_review_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "editor.show-comments", NULL, show_comments_action);
  gtk_widget_class_install_action (widget_class, "editor.show-review", NULL, show_review_action);
  gtk_widget_class_install_action (widget_class, "editor.compare-revisions", NULL, compare_action);
  gtk_widget_class_install_action (widget_class, "editor.annual-review", NULL, annual_review_action);
  gtk_widget_class_install_action (widget_class, "editor.comment-field", NULL, comment_field_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK | GDK_ALT_MASK,
                                       "editor.comment-field", NULL);
}

/* Setting up */

static GtkWidget *
banner_row_new (AdwActionRow **row_out, const char *button_label, const char *action,
                GtkWidget **button_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (button_label);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_add_css_class (button, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_widget_add_css_class (row, "review-banner");
  *row_out = ADW_ACTION_ROW (row);
  if (button_out)
    *button_out = button;
  return row;
}

static GtkWidget *
side_toggle_new (McDesignEditor *self, const char *label, const char *page)
{
  GtkWidget *toggle = gtk_toggle_button_new_with_label (label);

  g_object_set_data (G_OBJECT (toggle), "mc-page", (gpointer) page);
  g_signal_connect_object (toggle, "toggled", G_CALLBACK (side_toggled_cb), self, 0);
  gtk_widget_set_visible (toggle, FALSE);
  adw_header_bar_pack_end (self->header_bar, toggle);
  return toggle;
}

void
_mc_design_editor_review_init (McDesignEditor *self)
{
  McEditorReview *r = g_new0 (McEditorReview, 1);
  GtkWidget *list;

  self->review = r;
  r->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_comment_free);
  r->buttons = g_ptr_array_new_with_free_func (g_object_unref);
  r->marked = g_ptr_array_new_with_free_func (g_object_unref);

  r->comments_panel = mc_comments_panel_new ();
  r->comments_page = gtk_stack_add_titled (self->side_stack, r->comments_panel, "comments",
                                           _("Comments"));
  gtk_stack_page_set_visible (r->comments_page, FALSE);
  g_signal_connect_object (r->comments_panel, "comment-activated",
                           G_CALLBACK (comment_activated_cb), self, G_CONNECT_SWAPPED);
  g_object_set_data (G_OBJECT (self->findings_button), "mc-page", (gpointer) "findings");
  g_signal_connect_object (self->findings_button, "toggled", G_CALLBACK (side_toggled_cb), self, 0);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (side_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->side_stack, "notify::visible-child-name", G_CALLBACK (side_changed_cb),
                           self, G_CONNECT_SWAPPED);

  r->comments_button = side_toggle_new (self, _("Comments"), "comments");
  r->review_button = side_toggle_new (self, _("Review"), "review");
  gtk_widget_set_tooltip_text (r->review_button, _("Show the reviews of this design"));
  r->compare_button = gtk_button_new_from_icon_name ("edit-find-replace-symbolic");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (r->compare_button), "editor.compare-revisions");
  gtk_widget_set_visible (r->compare_button, FALSE);
  adw_header_bar_pack_end (self->header_bar, r->compare_button);
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->compare_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Compare Revisions"), -1);

  /* The banner is the page's first group: the form's groups follow it. */
  r->banner = adw_preferences_group_new ();
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Reviews"), -1);
  gtk_list_box_append (GTK_LIST_BOX (list),
                       banner_row_new (&r->annual_row, _("Start _Yearly Review"),
                                       "editor.annual-review", &r->annual_button));
  gtk_list_box_append (GTK_LIST_BOX (list),
                       banner_row_new (&r->changes_row, _("Show _Changes"),
                                       "editor.compare-revisions", NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (r->banner), list);
  gtk_widget_set_visible (r->banner, FALSE);
  adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (r->banner));
}

void
_mc_design_editor_review_dispose (McDesignEditor *self)
{
  McEditorReview *r = self->review;

  if (r == NULL)
    return;
  self->review = NULL;
  g_clear_handle_id (&r->refresh_source, g_source_remove);
  g_clear_pointer (&r->comments, g_ptr_array_unref);
  g_clear_pointer (&r->buttons, g_ptr_array_unref);
  g_clear_pointer (&r->marked, g_ptr_array_unref);
  g_free (r->no_comment);
  g_free (r);
}
