/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-assign-reviewers-dialog.h"
#include "mc-date-format.h"

struct _McAssignReviewersDialog
{
  McWorkflowDialog      parent_instance;

  /* template children */
  AdwWindowTitle       *window_title;
  GtkButton            *assign_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkStack             *stack;
  AdwPreferencesGroup  *people_group;
  GtkListBox           *people_list;
  AdwStatusPage        *empty_page;

  McWorkflow           *workflow;    /* the parent's */
  McDesign             *design;      /* the parent's */
  GHashTable           *checks;     /* person id (gint64 *) -> GtkCheckButton */
  GHashTable           *notes;      /* person id (gint64 *) -> char * */
  guint                 needed;
  char                 *hint;
};

G_DEFINE_FINAL_TYPE (McAssignReviewersDialog, mc_assign_reviewers_dialog, MC_TYPE_WORKFLOW_DIALOG)

static void
show_error (McAssignReviewersDialog *self, const char *message)
{
  _mc_workflow_dialog_show_error (MC_WORKFLOW_DIALOG (self), message);
}

static guint
count_checked (McAssignReviewersDialog *self)
{
  GHashTableIter iter;
  gpointer check;
  guint n = 0;

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, NULL, &check))
    if (gtk_check_button_get_active (check))
      n++;
  return n;
}

static void
update_hint (McAssignReviewersDialog *self)
{
  guint n = count_checked (self);
  g_autofree char *chosen = NULL;
  g_autofree char *needed = NULL;

  /* Translators: how many reviewers are checked in the list */
  chosen = g_strdup_printf (ngettext ("%u reviewer chosen.", "%u reviewers chosen.", n), n);
  needed = g_strdup_printf (ngettext ("The committee needs at least %u completed review before "
                                      "it can decide.",
                                      "The committee needs at least %u completed reviews before "
                                      "it can decide.", self->needed),
                            self->needed);
  g_free (self->hint);
  /* Translators: "2 reviewers chosen." then "The committee needs at least 2 …" */
  self->hint = g_strdup_printf (_("%s %s"), chosen, needed);
  adw_preferences_group_set_description (self->people_group, self->hint);

  gtk_widget_set_sensitive (GTK_WIDGET (self->assign_button), n > 0);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->assign_button),
                               n > 0 ? _("Assign the checked reviewers")
                                     : _("Check at least one reviewer"));
}

static void
check_toggled_cb (McAssignReviewersDialog *self)
{
  update_hint (self);
}

static McReview *
find_review (GPtrArray *reviews, gint64 person_id)
{
  for (guint i = 0; reviews && i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);

      if (review->reviewer_id == person_id && review->state != MC_REVIEW_STATE_WITHDRAWN)
        return review;
    }
  return NULL;
}

/* What the row says about a person's part in this revision's review. */
static char *
describe_person (McAssignReviewersDialog *self, McPerson *person, McReview *review,
                 gboolean *selectable)
{
  const char *today = mc_workflow_get_today (self->workflow);
  g_autofree char *date = NULL;

  *selectable = TRUE;
  if (mc_person_get_id (person) == mc_design_get_owner_id (self->design))
    {
      *selectable = FALSE;
      return g_strdup (_("Author of this design: authors never review their own designs"));
    }
  if (review == NULL)
    return g_strdup (mc_person_get_email (person) ? mc_person_get_email (person) : "");

  switch (review->state)
    {
    case MC_REVIEW_STATE_COMPLETED:
      *selectable = FALSE;
      date = mc_format_unix_date (review->completed_at, today);
      /* Translators: %s is a date, "3 March" */
      return g_strdup_printf (_("Review completed on %s; it stays on record"), date ? date : "");
    case MC_REVIEW_STATE_IN_PROGRESS:
      return g_strdup (_("Review in progress; unchecking withdraws it"));
    case MC_REVIEW_STATE_ASSIGNED:
    default:
      date = mc_format_unix_date (review->assigned_at, today);
      /* Translators: %s is a date, "3 March" */
      return g_strdup_printf (_("Assigned on %s, not started yet"), date ? date : "");
    }
}

static void
add_person (McAssignReviewersDialog *self, McPerson *person, McReview *review)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  gboolean selectable = TRUE;
  g_autofree char *note = describe_person (self, person, review, &selectable);
  gint64 *id = g_new (gint64, 1);

  *id = mc_person_get_id (person);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), mc_person_get_name (person));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), note);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), review != NULL);
  if (!selectable)
    {
      gtk_widget_set_sensitive (check, FALSE);
      gtk_widget_set_tooltip_text (row, note);
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  /* This also names the check box after the row's title and subtitle. */
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_append (self->people_list, row);

  g_hash_table_insert (self->notes, g_memdup2 (id, sizeof *id), g_steal_pointer (&note));
  g_hash_table_insert (self->checks, id, check);
}

static void
load (McAssignReviewersDialog *self)
{
  McStore *store = mc_workflow_get_store (self->workflow);
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(McUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;

  self->needed = mc_workflow_get_min_reviews (self->workflow, self->design);

  adw_window_title_set_subtitle (self->window_title,
                                 mc_revision_get_title (mc_design_get_content (self->design)));
  unit = mc_store_get_unit (store, mc_design_get_unit_id (self->design), NULL);
  if (unit != NULL)
    {
      /* Translators: %s is an academic unit, "School of Engineering" */
      g_autofree char *title = g_strdup_printf (_("Reviewers of %s"), mc_unit_get_name (unit));

      adw_preferences_group_set_title (self->people_group, title);
    }

  reviews = mc_store_list_reviews (store, mc_design_get_id (self->design),
                                   mc_design_get_revision_number (self->design), &error);
  if (reviews == NULL)
    {
      show_error (self, error->message);
      g_clear_error (&error);
    }

  people = mc_store_list_people_with_role (store, MC_ROLE_REVIEWER,
                                           mc_design_get_unit_id (self->design), &error);
  if (people == NULL)
    show_error (self, error->message);
  for (guint i = 0; people && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(McPerson) person = g_list_model_get_item (people, i);

      add_person (self, person, find_review (reviews, mc_person_get_id (person)));
    }

  /* Someone assigned earlier who has since lost the role stays listed, so
   * that their review can be seen and withdrawn. */
  for (guint i = 0; reviews && i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);
      g_autoptr(McPerson) person = NULL;

      if (review->state == MC_REVIEW_STATE_WITHDRAWN ||
          g_hash_table_contains (self->checks, &review->reviewer_id))
        continue;
      person = mc_store_get_person (store, review->reviewer_id, NULL);
      if (person != NULL)
        add_person (self, person, review);
    }

  if (g_hash_table_size (self->checks) == 0)
    {
      /* Translators: %s is an academic unit */
      description = g_strdup_printf (_("Nobody holds the reviewer role for %s. An administrator "
                                       "can grant it under People and Roles."),
                                     unit ? mc_unit_get_name (unit) : _("this unit"));
      adw_status_page_set_description (self->empty_page, description);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  update_hint (self);
}

gboolean
mc_assign_reviewers_dialog_assign (McAssignReviewersDialog *self)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GError *error = NULL;
  gboolean ok;
  GHashTableIter iter;
  gpointer key, check;

  g_return_val_if_fail (MC_IS_ASSIGN_REVIEWERS_DIALOG (self), FALSE);

  g_hash_table_iter_init (&iter, self->checks);
  while (g_hash_table_iter_next (&iter, &key, &check))
    if (gtk_check_button_get_active (check))
      g_array_append_val (ids, *(gint64 *) key);

  ok = mc_workflow_assign_reviewers (self->workflow, self->design,
                                     (const gint64 *) (gpointer) ids->data, ids->len, &error);
  return _mc_workflow_dialog_finish (MC_WORKFLOW_DIALOG (self), ok, error);
}

static void
assign_clicked_cb (McAssignReviewersDialog *self)
{
  mc_assign_reviewers_dialog_assign (self);
}

GtkWidget *
mc_assign_reviewers_dialog_get_check (McAssignReviewersDialog *self,
                                      gint64                   person_id)
{
  g_return_val_if_fail (MC_IS_ASSIGN_REVIEWERS_DIALOG (self), NULL);
  return g_hash_table_lookup (self->checks, &person_id);
}

const char *
mc_assign_reviewers_dialog_get_note (McAssignReviewersDialog *self,
                                     gint64                   person_id)
{
  g_return_val_if_fail (MC_IS_ASSIGN_REVIEWERS_DIALOG (self), NULL);
  return g_hash_table_lookup (self->notes, &person_id);
}

const char *
mc_assign_reviewers_dialog_get_hint (McAssignReviewersDialog *self)
{
  g_return_val_if_fail (MC_IS_ASSIGN_REVIEWERS_DIALOG (self), NULL);
  return self->hint;
}

/* GObject */

static void
mc_assign_reviewers_dialog_constructed (GObject *object)
{
  McAssignReviewersDialog *self = MC_ASSIGN_REVIEWERS_DIALOG (object);

  G_OBJECT_CLASS (mc_assign_reviewers_dialog_parent_class)->constructed (object);

  self->workflow = mc_workflow_dialog_get_workflow (MC_WORKFLOW_DIALOG (self));
  self->design = mc_workflow_dialog_get_design (MC_WORKFLOW_DIALOG (self));
  g_assert (self->workflow != NULL);
  g_assert (self->design != NULL);
  load (self);
}

static void
mc_assign_reviewers_dialog_dispose (GObject *object)
{
  McAssignReviewersDialog *self = MC_ASSIGN_REVIEWERS_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_ASSIGN_REVIEWERS_DIALOG);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->notes, g_hash_table_unref);
  self->workflow = NULL;
  self->design = NULL;

  G_OBJECT_CLASS (mc_assign_reviewers_dialog_parent_class)->dispose (object);
}

static void
mc_assign_reviewers_dialog_finalize (GObject *object)
{
  McAssignReviewersDialog *self = MC_ASSIGN_REVIEWERS_DIALOG (object);

  g_free (self->hint);

  G_OBJECT_CLASS (mc_assign_reviewers_dialog_parent_class)->finalize (object);
}

static void
mc_assign_reviewers_dialog_class_init (McAssignReviewersDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = mc_assign_reviewers_dialog_constructed;
  object_class->dispose = mc_assign_reviewers_dialog_dispose;
  object_class->finalize = mc_assign_reviewers_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/mc-assign-reviewers-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, McAssignReviewersDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, McAssignReviewersDialog, assign_button);
  gtk_widget_class_bind_template_child (widget_class, McAssignReviewersDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, McAssignReviewersDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, McAssignReviewersDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, McAssignReviewersDialog, people_group);
  gtk_widget_class_bind_template_child (widget_class, McAssignReviewersDialog, people_list);
  gtk_widget_class_bind_template_child (widget_class, McAssignReviewersDialog, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, assign_clicked_cb);
}

static void
mc_assign_reviewers_dialog_init (McAssignReviewersDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _mc_workflow_dialog_set_error_widgets (MC_WORKFLOW_DIALOG (self), self->error_revealer,
                                         self->error_label);
  self->checks = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->notes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

GtkWidget *
mc_assign_reviewers_dialog_new (McWorkflow *workflow,
                                McDesign   *design)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);
  g_return_val_if_fail (MC_IS_DESIGN (design), NULL);

  return g_object_new (MC_TYPE_ASSIGN_REVIEWERS_DIALOG,
                       "workflow", workflow,
                       "design", design,
                       NULL);
}
