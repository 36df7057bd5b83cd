/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-autosave.h"
#include "mc-date-format.h"
#include "mc-revision-compare.h"
#include "mc-review-panel.h"
#include "mc-template-form.h"

struct _McReviewPanel
{
  AdwBin           parent_instance;

  /* template children */
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkScrolledWindow *scroller;
  GtkWidget       *own_box;
  GtkLabel        *status_label;
  GtkLabel        *own_subtitle;
  GtkWidget       *changes_list;
  AdwActionRow    *changes_row;
  McTemplateForm  *form;
  AdwComboRow     *recommendation_row;
  GtkTextView     *summary_view;
  GtkWidget       *error_box;
  GtkLabel        *error_label;
  GtkWidget       *complete_button;
  GtkBox          *done_box;

  McWorkflow      *workflow;
  McDesign        *design;
  McReview        *review;          /* the actor's, of the current revision */
  guint            reviewed_revision;
  gboolean         has_content;
  McAutosave      *autosave;
  gboolean         loading;
};

G_DEFINE_FINAL_TYPE (McReviewPanel, mc_review_panel, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_WORKFLOW,
  PROP_DESIGN,
  PROP_HAS_CONTENT,
  N_PROPS
};

enum {
  SIGNAL_COMPLETED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static McStore *
get_store (McReviewPanel *self)
{
  return mc_workflow_get_store (self->workflow);
}

static gint64
actor_id (McReviewPanel *self)
{
  McPerson *actor = mc_workflow_get_actor (self->workflow);

  return actor ? mc_person_get_id (actor) : 0;
}

static void
toast (McReviewPanel *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* Status and refusals */

static void
show_refusal (McReviewPanel *self, const char *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

/* Reading the form into the review */

/* The recommendations offered: every outcome but "unset", which is no
 * choice (the row shows none selected). */
static const McOutcomeKind recommendations[] = {
  MC_OUTCOME_APPROVE,
  MC_OUTCOME_APPROVE_WITH_CONDITIONS,
  MC_OUTCOME_REQUEST_CHANGES,
  MC_OUTCOME_REJECT,
};

static McOutcomeKind
selected_recommendation (McReviewPanel *self)
{
  guint selected = adw_combo_row_get_selected (self->recommendation_row);

  if (selected >= G_N_ELEMENTS (recommendations))
    return MC_OUTCOME_UNSET;
  return recommendations[selected];
}

static void
show_recommendation (McReviewPanel *self, McOutcomeKind kind)
{
  guint position = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < G_N_ELEMENTS (recommendations); i++)
    if (recommendations[i] == kind)
      position = i;
  adw_combo_row_set_selected (self->recommendation_row, position);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->recommendation_row),
                               position == GTK_INVALID_LIST_POSITION ? _("Not chosen yet") : "");
}

static char *
summary_text (McReviewPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
take_form (McReviewPanel *self)
{
  GPtrArray *answers = mc_template_form_get_answers (self->form);
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_answer_free);

  for (guint i = 0; i < answers->len; i++)
    g_ptr_array_add (copy, mc_answer_copy (g_ptr_array_index (answers, i)));
  g_clear_pointer (&self->review->answers, g_ptr_array_unref);
  self->review->answers = copy;
  self->review->recommendation = selected_recommendation (self);
  g_free (self->review->summary);
  self->review->summary = summary_text (self);
}

/* Saving as they go */

static gboolean
editable (McReviewPanel *self)
{
  return self->review != NULL && self->review->state != MC_REVIEW_STATE_COMPLETED &&
         self->review->state != MC_REVIEW_STATE_WITHDRAWN;
}

static gboolean
save_cb (gpointer owner, GError **error)
{
  McReviewPanel *self = owner;

  if (!editable (self))
    return TRUE;
  take_form (self);
  return mc_workflow_save_review (self->workflow, self->review, error);
}

gboolean
mc_review_panel_save (McReviewPanel *self, GError **error)
{
  g_return_val_if_fail (MC_IS_REVIEW_PANEL (self), FALSE);

  return mc_autosave_flush (self->autosave, error);
}

static void
edited (McReviewPanel *self)
{
  if (self->loading || !editable (self))
    return;
  show_refusal (self, NULL);
  mc_autosave_changed (self->autosave);
}

static void
form_changed_cb (McReviewPanel *self)
{
  edited (self);
}

static void
recommendation_changed_cb (McReviewPanel *self)
{
  if (selected_recommendation (self) != MC_OUTCOME_UNSET)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->recommendation_row), "");
  edited (self);
}

static void
summary_changed_cb (McReviewPanel *self)
{
  edited (self);
}

/* Completed reviews, read-only */

static GtkWidget *
heading_new (const char *text, int level, const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, style);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LEVEL, level, -1);
  return label;
}

static GtkWidget *
dim_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
review_card_new (McReviewPanel *self, McReview *review, GHashTable *templates)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  McTemplate *template_ = g_hash_table_lookup (templates, &review->template_id);
  g_autofree char *title = NULL;
  g_autofree char *date = mc_format_unix_date (review->completed_at,
                                              mc_workflow_get_today (self->workflow));
  g_autofree char *subtitle = NULL;
  const char *outcome = review->recommendation != MC_OUTCOME_UNSET
                        ? mc_enum_label (MC_TYPE_OUTCOME_KIND, review->recommendation)
                        : _("no recommendation");

  if (review->reviewer_id == actor_id (self))
    /* Translators: %u is a revision number */
    title = g_strdup_printf (_("Your Review of Revision %u"), review->revision_number);
  else
    /* Translators: a reviewer's name, then a revision number */
    title = g_strdup_printf (_("%s, Revision %u"),
                             review->reviewer_name ? review->reviewer_name : _("Unknown reviewer"),
                             review->revision_number);
  /* Translators: the recommendation ("Approve"), then a date */
  subtitle = g_strdup_printf (_("Recommends: %s · completed %s"), outcome, date ? date : "");

  gtk_box_append (GTK_BOX (titles), heading_new (title, 2, "title-4"));
  gtk_box_append (GTK_BOX (titles), dim_label_new (subtitle));
  gtk_box_append (GTK_BOX (box), titles);

  if (review->summary && *review->summary)
    {
      GtkWidget *list = gtk_list_box_new ();
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *inner = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      GtkWidget *caption = dim_label_new (_("Summary"));
      GtkWidget *text = gtk_label_new (review->summary);

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (caption, "caption");
      gtk_label_set_xalign (GTK_LABEL (text), 0);
      gtk_label_set_wrap (GTK_LABEL (text), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_selectable (GTK_LABEL (text), TRUE);
      gtk_widget_set_margin_start (inner, 12);
      gtk_widget_set_margin_end (inner, 12);
      gtk_widget_set_margin_top (inner, 10);
      gtk_widget_set_margin_bottom (inner, 10);
      gtk_box_append (GTK_BOX (inner), caption);
      gtk_box_append (GTK_BOX (inner), text);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), inner);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Summary"), -1);
      gtk_box_append (GTK_BOX (box), list);
    }

  if (template_)
    {
      GtkWidget *form = mc_template_form_new ();

      mc_template_form_set_read_only (MC_TEMPLATE_FORM (form), TRUE);
      mc_template_form_set_template (MC_TEMPLATE_FORM (form), template_);
      mc_template_form_set_answers (MC_TEMPLATE_FORM (form), review->answers);
      gtk_box_append (GTK_BOX (box), form);
    }
  else
    gtk_box_append (GTK_BOX (box), dim_label_new (_("The template of this review could not be read.")));
  return box;
}

static void
unref_if_set (gpointer object)
{
  if (object)
    g_object_unref (object);
}

static McTemplate *
template_for (McReviewPanel *self, GHashTable *templates, gint64 id)
{
  McTemplate *template_ = g_hash_table_lookup (templates, &id);
  g_autoptr(GError) error = NULL;

  if (template_ == NULL && !g_hash_table_contains (templates, &id))
    {
      template_ = mc_store_load_template (get_store (self), id, &error);
      if (template_ == NULL)
        g_debug ("Could not load template %" G_GINT64_FORMAT ": %s", id, error->message);
      g_hash_table_insert (templates, g_memdup2 (&id, sizeof id), template_);
    }
  return template_;
}

/* Which completed reviews the actor may read: their own; all of them as
 * QA chair of the design's unit; as its author, those of revisions the
 * committee has decided on. */
static gboolean
may_read (McReviewPanel *self, McReview *review, gboolean chair, gboolean owner,
          GPtrArray *decisions)
{
  if (review->state != MC_REVIEW_STATE_COMPLETED)
    return FALSE;
  if (review->reviewer_id == actor_id (self) || chair)
    return TRUE;
  for (guint i = 0; owner && decisions && i < decisions->len; i++)
    if (((McDecision *) g_ptr_array_index (decisions, i))->revision_number == review->revision_number)
      return TRUE;
  return FALSE;
}

static int
newest_first (gconstpointer a, gconstpointer b)
{
  const McReview *ra = *(McReview **) a, *rb = *(McReview **) b;

  if (ra->revision_number != rb->revision_number)
    return ra->revision_number > rb->revision_number ? -1 : 1;
  return (ra->completed_at > rb->completed_at) - (ra->completed_at < rb->completed_at);
}

/* Loading */

static void
set_has_content (McReviewPanel *self, gboolean has_content)
{
  if (self->has_content == has_content)
    return;
  self->has_content = has_content;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_CONTENT]);
}

static void
clear (McReviewPanel *self)
{
  GtkWidget *child;

  g_clear_pointer (&self->review, mc_review_free);
  mc_autosave_reset (self->autosave, FALSE);
  self->reviewed_revision = 0;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->done_box))))
    gtk_box_remove (self->done_box, child);
  show_refusal (self, NULL);
}

static void
show_own (McReviewPanel *self, McTemplate *template_)
{
  g_autofree char *subtitle = NULL;

  self->loading = TRUE;
  mc_template_form_set_template (self->form, template_);
  mc_template_form_set_answers (self->form, self->review->answers);
  show_recommendation (self, self->review->recommendation);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            self->review->summary ? self->review->summary : "", -1);
  self->loading = FALSE;

  if (template_)
    /* Translators: a revision number, then the template's title and version */
    subtitle = g_strdup_printf (_("Revision %u, on “%s” (version %u)"),
                                self->review->revision_number,
                                mc_template_get_title (template_),
                                mc_template_get_version (template_));
  else
    subtitle = g_strdup (_("The template of this review could not be read."));
  gtk_label_set_label (self->own_subtitle, subtitle);
}

void
mc_review_panel_reload (McReviewPanel *self)
{
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GPtrArray) decisions = NULL;
  g_autoptr(GPtrArray) readable = g_ptr_array_new ();
  g_autoptr(GHashTable) templates = NULL;
  g_autoptr(GError) error = NULL;
  gint64 me;
  guint current;
  gboolean chair, owner;

  g_return_if_fail (MC_IS_REVIEW_PANEL (self));

  clear (self);
  if (self->design == NULL || self->workflow == NULL || mc_design_get_id (self->design) == 0)
    {
      gtk_widget_set_visible (self->own_box, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "none");
      set_has_content (self, FALSE);
      return;
    }

  me = actor_id (self);
  current = mc_design_get_revision_number (self->design);
  chair = mc_workflow_has_role (self->workflow, MC_ROLE_QA_CHAIR, mc_design_get_unit_id (self->design));
  owner = mc_design_get_owner_id (self->design) == me;
  /* A template that cannot be read is remembered as NULL. */
  templates = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, unref_if_set);

  reviews = mc_store_list_reviews (get_store (self), mc_design_get_id (self->design), 0, &error);
  if (reviews == NULL)
    {
      toast (self, error->message);
      reviews = g_ptr_array_new ();
      g_clear_error (&error);
    }
  decisions = mc_store_list_decisions (get_store (self), mc_design_get_id (self->design), &error);
  if (decisions == NULL)
    g_debug ("Could not list decisions: %s", error->message);

  for (guint i = 0; i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);

      if (review->reviewer_id == me && review->revision_number == current &&
          review->state != MC_REVIEW_STATE_WITHDRAWN)
        {
          g_clear_pointer (&self->review, mc_review_free);
          self->review = mc_review_copy (review);
        }
      if (review->reviewer_id == me && review->state == MC_REVIEW_STATE_COMPLETED &&
          review->revision_number < current)
        self->reviewed_revision = MAX (self->reviewed_revision, review->revision_number);
      if (may_read (self, review, chair, owner, decisions) &&
          !(self->review && review->id == self->review->id && editable (self)))
        g_ptr_array_add (readable, review);
    }

  if (editable (self))
    {
      g_autoptr(GError) refusal = NULL;

      show_own (self, template_for (self, templates, self->review->template_id));
      /* The design may have left review meanwhile (withdrawn): say why. */
      gtk_widget_set_sensitive (self->complete_button,
                                mc_workflow_check (self->workflow, self->design,
                                                   MC_ACTION_SUBMIT_REVIEW, &refusal));
      gtk_widget_set_tooltip_text (self->complete_button, refusal ? refusal->message : NULL);
    }
  gtk_widget_set_visible (self->own_box, editable (self));
  gtk_widget_set_visible (self->changes_list, editable (self) && self->reviewed_revision > 0);
  if (self->reviewed_revision > 0)
    {
      /* Translators: two revision numbers, "Revision 1 → revision 2" */
      g_autofree char *sub = g_strdup_printf (_("Revision %u → revision %u"),
                                              self->reviewed_revision, current);
      adw_action_row_set_subtitle (self->changes_row, sub);
    }

  g_ptr_array_sort (readable, newest_first);
  for (guint i = 0; i < readable->len; i++)
    {
      McReview *review = g_ptr_array_index (readable, i);

      template_for (self, templates, review->template_id);
      gtk_box_append (self->done_box, review_card_new (self, review, templates));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->done_box), readable->len > 0);

  mc_autosave_reset (self->autosave, editable (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.compare", self->reviewed_revision > 0);
  gtk_stack_set_visible_child_name (self->stack,
                                    editable (self) || readable->len > 0 ? "reviews" : "none");
  set_has_content (self, editable (self) || readable->len > 0 || self->review != NULL);
}

/* Actions */

gboolean
mc_review_panel_complete (McReviewPanel *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(McReview) backup = NULL;

  g_return_val_if_fail (MC_IS_REVIEW_PANEL (self), FALSE);

  if (!editable (self))
    {
      g_set_error_literal (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_WRONG_STATE,
                           _("There is no review of yours to complete here"));
      return FALSE;
    }
  if (!mc_review_panel_save (self, &local_error))
    {
      show_refusal (self, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  take_form (self);
  backup = mc_review_copy (self->review);
  if (!mc_workflow_complete_review (self->workflow, self->review, &local_error))
    {
      /* The stored review is as it was; so is ours. */
      mc_review_free (self->review);
      self->review = g_steal_pointer (&backup);
      show_refusal (self, local_error->message);
      if (mc_template_form_show_missing (self->form) == 0 &&
          selected_recommendation (self) == MC_OUTCOME_UNSET)
        gtk_widget_grab_focus (GTK_WIDGET (self->recommendation_row));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  toast (self, _("Review completed"));
  mc_review_panel_reload (self);
  g_signal_emit (self, signals[SIGNAL_COMPLETED], 0);
  return TRUE;
}

static void
complete_response_cb (AdwMessageDialog *dialog, const char *response, McReviewPanel *self)
{
  if (g_strcmp0 (response, "complete") == 0)
    mc_review_panel_complete (self, NULL);
}

static void
complete_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  McReviewPanel *self = MC_REVIEW_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  /* Something is missing: let the workflow say what, without asking. */
  if (mc_template_form_count_missing (self->form) > 0 ||
      selected_recommendation (self) == MC_OUTCOME_UNSET || !GTK_IS_WINDOW (root))
    {
      mc_review_panel_complete (self, NULL);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (root), _("Complete Your Review?"),
                                   _("You cannot change it afterwards. The QA chair sees "
                                     "your answers and recommendation, and the author sees "
                                     "them once the committee has decided."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "complete", _("C_omplete Review"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "complete",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "complete");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (complete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
reload_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  mc_review_panel_reload (MC_REVIEW_PANEL (widget));
}

static void
compare_action (GtkWidget *widget, const char *action_name, GVariant *param)
{
  McReviewPanel *self = MC_REVIEW_PANEL (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  McRevisionCompare *dialog;

  if (self->design == NULL || self->reviewed_revision == 0)
    return;
  dialog = mc_revision_compare_new (get_store (self), self->design);
  mc_revision_compare_set_revisions (dialog, self->reviewed_revision,
                                     mc_design_get_revision_number (self->design));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* GObject */

static void
mc_review_panel_dispose (GObject *object)
{
  McReviewPanel *self = MC_REVIEW_PANEL (object);

  /* Last chance: what was typed goes to the database. */
  if (self->autosave && !mc_autosave_get_conflict (self->autosave))
    mc_autosave_flush (self->autosave, NULL);
  g_clear_pointer (&self->autosave, mc_autosave_free);

  /* The bin's child is a template child: let go of it once. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MC_TYPE_REVIEW_PANEL);
  g_clear_pointer (&self->review, mc_review_free);
  g_clear_object (&self->design);
  g_clear_object (&self->workflow);

  G_OBJECT_CLASS (mc_review_panel_parent_class)->dispose (object);
}

static void
mc_review_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  McReviewPanel *self = MC_REVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      g_value_set_object (value, self->workflow);
      break;
    case PROP_DESIGN:
      g_value_set_object (value, self->design);
      break;
    case PROP_HAS_CONTENT:
      g_value_set_boolean (value, self->has_content);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_review_panel_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  McReviewPanel *self = MC_REVIEW_PANEL (object);

  switch (prop_id)
    {
    case PROP_WORKFLOW:
      self->workflow = g_value_dup_object (value);
      break;
    case PROP_DESIGN:
      mc_review_panel_set_design (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_review_panel_class_init (McReviewPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mc_review_panel_dispose;
  object_class->get_property = mc_review_panel_get_property;
  object_class->set_property = mc_review_panel_set_property;

  properties[PROP_WORKFLOW] =
    g_param_spec_object ("workflow", NULL, NULL, MC_TYPE_WORKFLOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESIGN] =
    g_param_spec_object ("design", NULL, NULL, MC_TYPE_DESIGN,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_CONTENT] =
    g_param_spec_boolean ("has-content", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_COMPLETED] =
    g_signal_new ("completed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (MC_TYPE_TEMPLATE_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/mc-review-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, own_box);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, own_subtitle);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, changes_list);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, changes_row);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, form);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, recommendation_row);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, summary_view);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, error_box);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, complete_button);
  gtk_widget_class_bind_template_child (widget_class, McReviewPanel, done_box);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, recommendation_changed_cb);

  gtk_widget_class_install_action (widget_class, "review.complete", NULL, complete_action);
  gtk_widget_class_install_action (widget_class, "review.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "review.compare", NULL, compare_action);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
mc_review_panel_init (McReviewPanel *self)
{
  g_autoptr(GtkStringList) outcomes = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (recommendations); i++)
    gtk_string_list_append (outcomes, mc_enum_label (MC_TYPE_OUTCOME_KIND, recommendations[i]));
  adw_combo_row_set_model (self->recommendation_row, G_LIST_MODEL (outcomes));
  show_recommendation (self, MC_OUTCOME_UNSET);
  g_signal_connect_object (gtk_text_view_get_buffer (self->summary_view), "changed",
                           G_CALLBACK (summary_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.compare", FALSE);
  gtk_widget_set_visible (self->own_box, FALSE);
  self->autosave = mc_autosave_new (self, save_cb, self->status_label, self->toast_overlay,
                                    _("Your review was changed meanwhile in another window; "
                                      "your last edits were not saved"),
                                    "review.reload");
}

GtkWidget *
mc_review_panel_new (McWorkflow *workflow)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (workflow), NULL);

  return g_object_new (MC_TYPE_REVIEW_PANEL, "workflow", workflow, NULL);
}

McDesign *
mc_review_panel_get_design (McReviewPanel *self)
{
  g_return_val_if_fail (MC_IS_REVIEW_PANEL (self), NULL);

  return self->design;
}

void
mc_review_panel_set_design (McReviewPanel *self, McDesign *design)
{
  g_return_if_fail (MC_IS_REVIEW_PANEL (self));
  g_return_if_fail (design == NULL || MC_IS_DESIGN (design));

  if (!mc_autosave_get_conflict (self->autosave))
    mc_autosave_flush (self->autosave, NULL);
  g_set_object (&self->design, design);
  mc_review_panel_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESIGN]);
}

gboolean
mc_review_panel_get_has_content (McReviewPanel *self)
{
  g_return_val_if_fail (MC_IS_REVIEW_PANEL (self), FALSE);

  return self->has_content;
}

McReview *
mc_review_panel_get_review (McReviewPanel *self)
{
  g_return_val_if_fail (MC_IS_REVIEW_PANEL (self), NULL);

  return self->review;
}

guint
mc_review_panel_get_reviewed_revision (McReviewPanel *self)
{
  g_return_val_if_fail (MC_IS_REVIEW_PANEL (self), 0);

  return self->reviewed_revision;
}
