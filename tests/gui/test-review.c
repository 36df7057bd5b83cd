/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests of the review side of the window: a reviewer's form, field
 * comments between reviewer and author, the comparison of revisions and
 * the yearly review, on the demo institution in a throw-away database,
 * each person acting through a workflow of their own.  Run under
 * tests/run-with-display; with MC_SCREENSHOT_DIR set, the screenshots are
 * kept there. */
#include "config.h"

#include <glib/gstdio.h>

#include <adwaita.h>

#include "mc-core.h"
#include "mc-annual-review-dialog.h"
#include "mc-comment-popover.h"
#include "mc-comments-panel.h"
#include "mc-design-editor.h"
#include "mc-design-editor-review-private.h"
#include "mc-review-panel.h"
#include "mc-revision-compare.h"
#include "mc-template-form.h"
#include "mc-workflow.h"
#include "mc-gui-test-util.h"

#define SUBMITTED_TITLE "Secure Coding for Web Developers"     /* Niall's, submitted */
#define CHANGES_TITLE "Introduction to Health Informatics"     /* Sinéad's, changes requested */
#define ACTIVE_TITLE "Applied Data Analytics with Python"      /* Aoife's, active */

typedef struct {
  McStore     *store;
  McValidator *validator;
  McWorkflow  *admin;
  McWorkflow  *author;     /* Niall, owner of the submitted design */
  McWorkflow  *reviewer;   /* Aoife */
  McWorkflow  *reviewer2;  /* Tomasz */
  McWorkflow  *chair;      /* Sinéad */
  gint64       design_id;  /* the submitted design, now in review */
  GPtrArray   *windows;
} Fixture;

static const char *profiles[] = { "eu-council", NULL };

/* Helpers */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
wait_ms (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static McWorkflow *
workflow_for (McStore *store, const char *username)
{
  g_autoptr(GError) error = NULL;
  McWorkflow *workflow = mc_workflow_new (store, username, &error);

  g_assert_no_error (error);
  return workflow;
}

static gint64
person_id (McWorkflow *workflow)
{
  return mc_person_get_id (mc_workflow_get_actor (workflow));
}

static gint64
find_design (McStore *store, const char *title)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  all = mc_store_query_designs (store, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (mc_design_summary_get_title (g_ptr_array_index (all, i)), title) == 0)
      return mc_design_summary_get_id (g_ptr_array_index (all, i));
  g_assert_not_reached ();
  return 0;
}

static McDesign *
load (Fixture *f, gint64 id)
{
  g_autoptr(GError) error = NULL;
  McDesign *design = mc_store_load_design (f->store, id, &error);

  g_assert_no_error (error);
  return design;
}

/* Under Xvfb, a window can be mapped before the X server has placed it
 * on the screen; a popover opened then finds no monitor and GTK fails an
 * assertion.  Waits (up to five seconds) until the window is placed. */
static void
wait_for_monitor (GtkWindow *window)
{
  GdkDisplay *display = gtk_widget_get_display (GTK_WIDGET (window));
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (gdk_display_get_monitor_at_surface (display, gtk_native_get_surface (GTK_NATIVE (window))) == NULL &&
         g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static GtkWindow *
window_with (Fixture *f, GtkWidget *child, int width, int height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (child))
    g_main_context_iteration (NULL, TRUE);
  wait_for_monitor (window);
  g_ptr_array_add (f->windows, window);
  return window;
}

static void
present (Fixture *f, GtkWindow *window)
{
  gtk_window_present (window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)))
    g_main_context_iteration (NULL, TRUE);
  wait_for_monitor (window);
  g_ptr_array_add (f->windows, window);
}

static McDesignEditor *
editor_for (Fixture *f, McWorkflow *workflow, gint64 design_id)
{
  McDesignEditor *editor = mc_design_editor_new (workflow, f->validator);
  g_autoptr(McDesign) design = load (f, design_id);

  mc_design_editor_set_profiles (editor, profiles);
  window_with (f, GTK_WIDGET (editor), 1280, 860);
  mc_design_editor_set_design (editor, design);
  iterate ();
  return editor;
}

static guint64
count_events (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  guint64 n = mc_store_count_events (f->store, &error);

  g_assert_no_error (error);
  return n;
}

static McEvent *
last_event (Fixture *f, gint64 design_id)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = mc_store_list_events (f->store, design_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  return mc_event_copy (g_ptr_array_index (events, events->len - 1));
}

static McReview *
stored_review (Fixture *f, gint64 review_id)
{
  g_autoptr(GError) error = NULL;
  McReview *review = mc_store_load_review (f->store, review_id, &error);

  g_assert_no_error (error);
  return review;
}

/* The first widget below @parent of @type (whose label is @label, if given). */
static GtkWidget *
find_child (GtkWidget *parent, GType type, const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (parent); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (c, type) &&
          (label == NULL ||
           (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0) ||
           (GTK_IS_LABEL (c) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (c)), label) == 0)))
        return c;
      if ((found = find_child (c, type, label)))
        return found;
    }
  return NULL;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
click (GtkWidget *button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Renders @window, with @popover (if any) where it pops up, into
 * $MC_SCREENSHOT_DIR/@name (or a temporary folder) and checks that the
 * picture is not blank. */
static void
screenshot_with (GtkWidget *window, GtkWidget *popover, const char *name)
{
  const char *dir = g_getenv ("MC_SCREENSHOT_DIR");
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GFile) png = NULL;
  g_autoptr(GFileInfo) info = NULL;
  int width, height;

  wait_ms (300);
  if (dir == NULL)
    dir = tmp_dir = g_dir_make_tmp ("mc-review-shot-XXXXXX", NULL);
  /* On a busy machine the first frame may still be on its way. */
  for (guint i = 0; i < 50 && (gtk_widget_get_width (window) == 0 || !gtk_widget_get_mapped (window)); i++)
    wait_ms (100);
  width = gtk_widget_get_width (window);
  height = gtk_widget_get_height (window);
  paintable = gtk_widget_paintable_new (window);
  /* A window still waiting for its layout draws nothing. */
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(GtkSnapshot) probe = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) drawn = NULL;

      gdk_paintable_snapshot (paintable, probe, width, height);
      drawn = gtk_snapshot_free_to_node (g_steal_pointer (&probe));
      if (drawn)
        break;
      wait_ms (100);
    }
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  if (popover && gtk_widget_get_mapped (popover))
    {
      /* A popover is a surface of its own: draw it where it sits. */
      g_autoptr(GdkPaintable) over = gtk_widget_paintable_new (popover);
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (popover));
      double wx, wy, px, py;

      gtk_native_get_surface_transform (GTK_NATIVE (window), &wx, &wy);
      gtk_native_get_surface_transform (GTK_NATIVE (popover), &px, &py);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (gdk_popup_get_position_x (GDK_POPUP (surface)) - wx + px,
                                                              gdk_popup_get_position_y (GDK_POPUP (surface)) - wy + py));
      gdk_paintable_snapshot (over, snapshot, gtk_widget_get_width (popover), gtk_widget_get_height (popover));
      gtk_snapshot_restore (snapshot);
    }
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  png = g_file_new_for_path (path);
  info = g_file_query_info (png, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  g_assert_nonnull (info);
  g_assert_cmpint (g_file_info_get_size (info), >, 10000);
  if (tmp_dir)
    {
      g_unlink (path);
      g_rmdir (tmp_dir);
    }
}

static void
screenshot (GtkWidget *window, const char *name)
{
  screenshot_with (window, NULL, name);
}

/* Fixture: the chair has assigned Aoife and Tomasz to Niall's submitted
 * design. */

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) design = NULL;
  gint64 reviewers[2];

  f->store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mc_demo_populate (f->store, &error));
  g_assert_no_error (error);
  f->admin = workflow_for (f->store, "tester");
  f->author = workflow_for (f->store, "niall.okeeffe");
  f->reviewer = workflow_for (f->store, "aoife.brennan");
  f->reviewer2 = workflow_for (f->store, "tomasz.kowalski");
  f->chair = workflow_for (f->store, "sinead.walsh");
  f->windows = g_ptr_array_new ();

  f->validator = mc_validator_new ();
  mc_validator_set_institution (f->validator, "Corrib Technological University", "IE");

  f->design_id = find_design (f->store, SUBMITTED_TITLE);
  design = load (f, f->design_id);
  reviewers[0] = person_id (f->reviewer);
  reviewers[1] = person_id (f->reviewer2);
  g_assert_true (mc_workflow_assign_reviewers (f->chair, design, reviewers, 2, &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  AdwMessageDialog *dialog;

  while ((dialog = find_message_dialog ()))
    gtk_window_destroy (GTK_WINDOW (dialog));
  for (guint i = f->windows->len; i > 0; i--)
    gtk_window_destroy (g_ptr_array_index (f->windows, i - 1));
  iterate ();
  g_ptr_array_unref (f->windows);
  g_clear_object (&f->admin);
  g_clear_object (&f->author);
  g_clear_object (&f->reviewer);
  g_clear_object (&f->reviewer2);
  g_clear_object (&f->chair);
  g_clear_object (&f->validator);
  g_clear_object (&f->store);
}

/* The review panel */

static McReviewPanel *
review_panel_for (Fixture *f, McWorkflow *workflow)
{
  McReviewPanel *panel = MC_REVIEW_PANEL (mc_review_panel_new (workflow));
  g_autoptr(McDesign) design = load (f, f->design_id);

  window_with (f, GTK_WIDGET (panel), 480, 900);
  mc_review_panel_set_design (panel, design);
  iterate ();
  return panel;
}

static gpointer
child (McReviewPanel *panel, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (panel), MC_TYPE_REVIEW_PANEL, name);
}

/* Answers every criterion but, with @skip, the first required one. */
static const char *
answer_all (McTemplateForm *form, gboolean skip)
{
  McTemplate *template_ = mc_template_form_get_template (form);
  const char *skipped = NULL;

  for (guint i = 0; i < mc_template_get_n_criteria (template_); i++)
    {
      const McCriterion *criterion = mc_template_get_criterion (template_, i);

      if (skip && skipped == NULL && criterion->required)
        {
          skipped = criterion->title;
          continue;
        }
      if (criterion->answer == MC_ANSWER_KIND_RATING)
        {
          GtkWidget *met = mc_template_form_get_control (form, criterion->id, MC_RATING_MET);

          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (met), TRUE);
        }
      else
        {
          GtkWidget *view = mc_template_form_get_control (form, criterion->id, MC_RATING_UNSET);

          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)),
                                    "Answered in the test.", -1);
        }
    }
  return skipped;
}

static void
test_autosave (Fixture *f, gconstpointer data)
{
  McReviewPanel *panel = review_panel_for (f, f->reviewer);
  McTemplateForm *form = child (panel, "form");
  McReview *review = mc_review_panel_get_review (panel);
  const McCriterion *first = NULL;
  g_autoptr(McReview) stored = NULL;
  McTemplate *template_;
  McAnswer *answer;

  g_assert_true (mc_review_panel_get_has_content (panel));
  g_assert_nonnull (review);
  g_assert_cmpint (review->reviewer_id, ==, person_id (f->reviewer));
  g_assert_true (gtk_widget_get_visible (child (panel, "own_box")));
  template_ = mc_template_form_get_template (form);
  g_assert_nonnull (template_);
  for (guint i = 0; first == NULL && i < mc_template_get_n_criteria (template_); i++)
    if (mc_template_get_criterion (template_, i)->answer == MC_ANSWER_KIND_RATING)
      first = mc_template_get_criterion (template_, i);
  g_assert_nonnull (first);
  g_assert_cmpuint (mc_template_form_count_missing (form), >, 0);

  /* Partly met, with a comment: a click and typing, as a reviewer would. */
  click (mc_template_form_get_control (form, first->id, MC_RATING_PARTLY_MET));
  gtk_editable_set_text (GTK_EDITABLE (mc_template_form_get_control (form, first->id, MC_RATING_UNSET)),
                         "Outcome 3 cannot be assessed as written.");
  g_assert_cmpstr (gtk_label_get_label (child (panel, "status_label")), ==, "Unsaved changes");

  /* Saved about a second later, without asking. */
  wait_ms (1400);
  g_assert_cmpstr (gtk_label_get_label (child (panel, "status_label")), ==, "Saved");
  stored = stored_review (f, review->id);
  g_assert_cmpint (stored->state, ==, MC_REVIEW_STATE_IN_PROGRESS);
  answer = mc_answers_find (stored->answers, first->id);
  g_assert_nonnull (answer);
  g_assert_cmpint (answer->rating, ==, MC_RATING_PARTLY_MET);
  g_assert_cmpstr (answer->text, ==, "Outcome 3 cannot be assessed as written.");
}

/* Two windows on the same review: the second save meets a conflict,
 * stops saving, keeps the first one's answers and offers Reload. */
static void
test_conflict (Fixture *f, gconstpointer data)
{
  McReviewPanel *first = review_panel_for (f, f->reviewer);
  McReviewPanel *second = review_panel_for (f, f->reviewer);
  McTemplate *template_ = mc_template_form_get_template (child (first, "form"));
  const char *id = mc_template_get_criterion (template_, 0)->id;
  gint64 review_id = mc_review_panel_get_review (first)->id;
  g_autoptr(McReview) stored = NULL;
  g_autoptr(GError) error = NULL;

  click (mc_template_form_get_control (child (first, "form"), id, MC_RATING_MET));
  g_assert_true (mc_review_panel_save (first, &error));
  g_assert_no_error (error);

  click (mc_template_form_get_control (child (second, "form"), id, MC_RATING_NOT_MET));
  g_assert_false (mc_review_panel_save (second, &error));
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (gtk_label_get_label (child (second, "status_label")), ==, "Not saved: changed elsewhere");
  stored = stored_review (f, review_id);
  g_assert_cmpint (mc_answers_find (stored->answers, id)->rating, ==, MC_RATING_MET);

  /* No more tries until reloaded; reloading shows what was stored. */
  click (mc_template_form_get_control (child (second, "form"), id, MC_RATING_PARTLY_MET));
  wait_ms (1400);
  g_clear_pointer (&stored, mc_review_free);
  stored = stored_review (f, review_id);
  g_assert_cmpint (mc_answers_find (stored->answers, id)->rating, ==, MC_RATING_MET);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (second), "review.reload", NULL));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (
    mc_template_form_get_control (child (second, "form"), id, MC_RATING_MET))));
  g_assert_cmpstr (gtk_label_get_label (child (second, "status_label")), ==, "Saved");
}

static void
test_complete_refused (Fixture *f, gconstpointer data)
{
  McReviewPanel *panel = review_panel_for (f, f->reviewer);
  McTemplateForm *form = child (panel, "form");
  gint64 review_id = mc_review_panel_get_review (panel)->id;
  g_autoptr(McReview) stored = NULL;
  g_autofree char *expected = NULL;
  const char *skipped;
  guint64 events = count_events (f);

  skipped = answer_all (form, TRUE);
  g_assert_nonnull (skipped);
  adw_combo_row_set_selected (child (panel, "recommendation_row"), 0);
  g_assert_cmpuint (mc_template_form_count_missing (form), ==, 1);

  /* Something is missing: the workflow's refusal is shown at once. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "review.complete", NULL));
  iterate ();
  g_assert_null (find_message_dialog ());
  g_assert_true (gtk_widget_get_visible (child (panel, "error_box")));
  expected = g_strdup_printf ("“%s” is not answered yet", skipped);
  g_assert_cmpstr (gtk_label_get_label (child (panel, "error_label")), ==, expected);

  /* Nothing completed, no event; the answers given are kept. */
  stored = stored_review (f, review_id);
  g_assert_cmpint (stored->state, !=, MC_REVIEW_STATE_COMPLETED);
  g_assert_cmpint (stored->completed_at, ==, 0);
  g_assert_cmpuint (count_events (f), ==, events);
  g_assert_true (gtk_widget_get_visible (child (panel, "own_box")));
}

static void
test_complete (Fixture *f, gconstpointer data)
{
  McReviewPanel *panel = review_panel_for (f, f->reviewer);
  McTemplateForm *form = child (panel, "form");
  gint64 review_id = mc_review_panel_get_review (panel)->id;
  g_autoptr(McReview) stored = NULL;
  g_autoptr(McEvent) event = NULL;
  AdwMessageDialog *dialog;
  guint64 events = count_events (f);

  answer_all (form, FALSE);
  adw_combo_row_set_selected (child (panel, "recommendation_row"),
                              MC_OUTCOME_APPROVE_WITH_CONDITIONS - MC_OUTCOME_APPROVE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (child (panel, "summary_view")),
                            "Sound design; outcome 3 needs rewording.", -1);
  g_assert_cmpuint (mc_template_form_count_missing (form), ==, 0);

  /* Complete Review asks first; the answer completes it. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (panel), "review.complete", NULL));
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Complete Your Review?");
  adw_message_dialog_response (dialog, "complete");
  iterate ();

  stored = stored_review (f, review_id);
  g_assert_cmpint (stored->state, ==, MC_REVIEW_STATE_COMPLETED);
  g_assert_cmpint (stored->recommendation, ==, MC_OUTCOME_APPROVE_WITH_CONDITIONS);
  g_assert_cmpstr (stored->summary, ==, "Sound design; outcome 3 needs rewording.");
  g_assert_cmpuint (count_events (f), ==, events + 1);
  event = last_event (f, f->design_id);
  g_assert_cmpint (event->action, ==, MC_ACTION_SUBMIT_REVIEW);
  g_assert_cmpint (event->actor_id, ==, person_id (f->reviewer));

  /* The panel now shows it read-only. */
  g_assert_false (gtk_widget_get_visible (child (panel, "own_box")));
  g_assert_true (gtk_widget_get_visible (child (panel, "done_box")));
  g_assert_nonnull (find_child (child (panel, "done_box"), GTK_TYPE_LABEL, "Your Review of Revision 1"));
}

/* The chair sees every completed review; the author none before a decision. */
static void
test_who_reads (Fixture *f, gconstpointer data)
{
  McReviewPanel *reviewer = review_panel_for (f, f->reviewer);
  McReviewPanel *chair, *author;

  answer_all (child (reviewer, "form"), FALSE);
  adw_combo_row_set_selected (child (reviewer, "recommendation_row"), 0);
  g_assert_true (mc_review_panel_complete (reviewer, NULL));

  chair = review_panel_for (f, f->chair);
  g_assert_true (mc_review_panel_get_has_content (chair));
  g_assert_false (gtk_widget_get_visible (child (chair, "own_box")));
  g_assert_nonnull (find_child (child (chair, "done_box"), GTK_TYPE_LABEL,
                                "Dr Aoife Brennan, Revision 1"));

  screenshot (gtk_widget_get_ancestor (GTK_WIDGET (chair), GTK_TYPE_WINDOW), "review-panel-chair.png");

  author = review_panel_for (f, f->author);
  g_assert_false (mc_review_panel_get_has_content (author));
}

static void
test_screenshot_panel (Fixture *f, gconstpointer data)
{
  McDesignEditor *editor = editor_for (f, f->reviewer, f->design_id);
  McReviewPanel *panel = MC_REVIEW_PANEL (editor->review->review_panel);
  McTemplateForm *form = child (panel, "form");
  McTemplate *template_ = mc_template_form_get_template (form);

  g_assert_true (gtk_widget_get_visible (editor->review->review_button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.show-review", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (editor->side_stack), ==, "review");
  g_assert_true (adw_flap_get_reveal_flap (editor->flap));

  click (mc_template_form_get_control (form, mc_template_get_criterion (template_, 0)->id,
                                       MC_RATING_MET));
  click (mc_template_form_get_control (form, mc_template_get_criterion (template_, 1)->id,
                                       MC_RATING_PARTLY_MET));
  gtk_editable_set_text (GTK_EDITABLE (mc_template_form_get_control (form,
                                                                     mc_template_get_criterion (template_, 1)->id,
                                                                     MC_RATING_UNSET)),
                         "Outcome 3 is not assessable as written");
  screenshot (gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_WINDOW), "review-panel.png");

  /* The end of the form: the recommendation, and a refusal shown. */
  g_assert_false (mc_review_panel_complete (panel, NULL));
  {
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (child (panel, "scroller"));

    /* After the focus went to the first unanswered criterion. */
    wait_ms (600);
    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
  }
  screenshot (gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_WINDOW), "review-panel-end.png");
}

/* Field comments */

/* The comment button beside a field, brought into view as a user would. */
static GtkWidget *
comment_button (McDesignEditor *editor, const char *field, int item_index, const char *item_field)
{
  GtkWidget *widget = _mc_design_editor_find_widget (editor, field, item_index, item_field);
  GtkWidget *row;

  g_assert_nonnull (widget);
  mc_design_editor_focus_field (editor, field, item_index, item_field);
  wait_ms (100);
  row = GTK_IS_LIST_BOX_ROW (widget) ? widget : gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
  g_assert_nonnull (row);
  return g_object_get_data (G_OBJECT (row), "mc-comment-button");
}

static McCommentPopover *
open_thread (GtkWidget *button)
{
  GtkPopover *popover;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  iterate ();
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  g_assert_true (MC_IS_COMMENT_POPOVER (popover));
  return MC_COMMENT_POPOVER (popover);
}

static const char *
count_shown (GtkWidget *button)
{
  GtkWidget *count = g_object_get_data (G_OBJECT (button), "mc-count");

  return gtk_widget_get_visible (count) ? gtk_label_get_label (GTK_LABEL (count)) : "";
}

static GPtrArray *
stored_comments (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *comments = mc_store_list_comments (f->store, f->design_id, 0, &error);

  g_assert_no_error (error);
  return comments;
}

static void
test_field_comment (Fixture *f, gconstpointer data)
{
  McDesignEditor *reviewer = editor_for (f, f->reviewer, f->design_id);
  McDesignEditor *author;
  McCommentPopover *popover;
  GtkWidget *button, *entry, *resolve;
  g_autoptr(GPtrArray) comments = NULL;
  McComment *root = NULL, *reply = NULL;

  /* The reviewer pins a comment to the text of learning outcome 3. */
  button = comment_button (reviewer, "outcomes", 2, "text");
  g_assert_cmpstr (count_shown (button), ==, "");
  popover = open_thread (button);
  g_assert_true (gtk_widget_is_visible (find_child (GTK_WIDGET (popover), GTK_TYPE_BUTTON, "_Add Comment")));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_child (GTK_WIDGET (popover),
                                                                                 GTK_TYPE_TEXT_VIEW, NULL))),
                            "Learning outcome 3 is not assessable as written", -1);
  click (find_child (GTK_WIDGET (popover), GTK_TYPE_BUTTON, "_Add Comment"));
  iterate ();
  g_assert_cmpstr (count_shown (button), ==, "1");
  gtk_popover_popdown (GTK_POPOVER (popover));

  comments = stored_comments (f);
  g_assert_cmpuint (comments->len, ==, 1);
  root = g_ptr_array_index (comments, 0);
  g_assert_cmpstr (root->field_id, ==, "outcomes");
  g_assert_cmpint (root->item_index, ==, 2);
  g_assert_cmpstr (root->item_field, ==, "text");
  g_assert_cmpint (root->author_id, ==, person_id (f->reviewer));
  g_assert_cmpint (root->review_id, !=, 0);

  /* A read-only choice keeps its comment button working, and stays shut. */
  {
    GtkWidget *type_row = _mc_design_editor_find_widget (reviewer, "credential_type", -1, NULL);
    GtkWidget *choices;

    g_assert_true (ADW_IS_COMBO_ROW (type_row));
    g_assert_true (gtk_widget_is_sensitive (comment_button (reviewer, "credential_type", -1, NULL)));
    g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (type_row)));
    gtk_widget_activate (type_row);
    iterate ();
    choices = find_child (type_row, GTK_TYPE_POPOVER, NULL);
    g_assert_true (choices == NULL || !gtk_widget_get_visible (choices));
  }

  /* The author sees it beside that field, and only there. */
  author = editor_for (f, f->author, f->design_id);
  button = comment_button (author, "outcomes", 2, "text");
  g_assert_cmpstr (count_shown (button), ==, "1");
  g_assert_true (gtk_widget_has_css_class (button, "comment-badge"));
  g_assert_false (gtk_widget_get_visible (comment_button (author, "title", -1, NULL)));
  g_assert_false (gtk_widget_get_visible (comment_button (author, "outcomes", 1, "text")));
  g_assert_true (gtk_widget_get_visible (author->review->comments_button));
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (author->review->comments_button)), ==, "1 Comment");

  /* Authors reply; they do not start threads. */
  popover = open_thread (button);
  g_assert_nonnull (find_child (GTK_WIDGET (popover), GTK_TYPE_LABEL,
                                "Learning outcome 3 is not assessable as written"));
  g_assert_false (gtk_widget_is_visible (find_child (GTK_WIDGET (popover), GTK_TYPE_BUTTON, "_Add Comment")));
  entry = find_child (GTK_WIDGET (popover), GTK_TYPE_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Rewritten with an observable verb.");
  g_signal_emit_by_name (entry, "activate");
  iterate ();

  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = stored_comments (f);
  g_assert_cmpuint (comments->len, ==, 2);
  for (guint i = 0; i < comments->len; i++)
    if (((McComment *) g_ptr_array_index (comments, i))->parent_id != 0)
      reply = g_ptr_array_index (comments, i);
  g_assert_nonnull (reply);
  root = ((McComment *) g_ptr_array_index (comments, 0))->parent_id == 0
         ? g_ptr_array_index (comments, 0) : g_ptr_array_index (comments, 1);
  g_assert_cmpint (reply->parent_id, ==, root->id);
  g_assert_cmpint (reply->author_id, ==, person_id (f->author));
  g_assert_nonnull (find_child (GTK_WIDGET (popover), GTK_TYPE_LABEL, "Rewritten with an observable verb."));

  screenshot_with (gtk_widget_get_ancestor (GTK_WIDGET (author), GTK_TYPE_WINDOW), GTK_WIDGET (popover),
                   "comment-thread.png");

  /* Resolving closes the thread: no open comment left on the field. */
  resolve = find_child (GTK_WIDGET (popover), GTK_TYPE_BUTTON, "Re_solve");
  click (resolve);
  iterate ();
  g_clear_pointer (&comments, g_ptr_array_unref);
  comments = stored_comments (f);
  for (guint i = 0; i < comments->len; i++)
    {
      McComment *c = g_ptr_array_index (comments, i);

      if (c->parent_id == 0)
        g_assert_true (c->resolved);
    }
  g_assert_cmpstr (count_shown (button), ==, "");
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_cmpuint (mc_comments_panel_get_n_open (MC_COMMENTS_PANEL (author->review->comments_panel)), ==, 0);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (author->review->comments_button)), ==, "Comments");
}

/* A refused comment says why and stores nothing. */
static void
test_comment_refused (Fixture *f, gconstpointer data)
{
  McDesignEditor *reviewer = editor_for (f, f->reviewer, f->design_id);
  McCommentPopover *popover = open_thread (comment_button (reviewer, "title", -1, NULL));
  GtkWidget *error_label;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GError) error = NULL;
  guint64 events = count_events (f);

  /* Too long for the workflow. */
  {
    g_autofree char *text = g_strnfill (20001, 'x');

    g_assert_false (mc_comment_popover_add (popover, 0, text, &error));
    g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID);
  }
  error_label = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (popover), MC_TYPE_COMMENT_POPOVER, "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (error_label)), ==, error->message);
  comments = stored_comments (f);
  g_assert_cmpuint (comments->len, ==, 0);
  g_assert_cmpuint (count_events (f), ==, events);
}

/* The Comments page lists every thread; activating one goes to its field. */
static void
test_comments_list (Fixture *f, gconstpointer data)
{
  McDesignEditor *reviewer = editor_for (f, f->reviewer, f->design_id);
  McCommentPopover *popover;
  GtkWidget *list, *row, *focus, *text;

  popover = open_thread (comment_button (reviewer, "outcomes", 1, "text"));
  g_assert_true (mc_comment_popover_add (popover, 0, "Second outcome overlaps the first.", NULL));
  iterate ();
  gtk_popover_popdown (GTK_POPOVER (popover));
  popover = open_thread (comment_button (reviewer, "title", -1, NULL));
  g_assert_true (mc_comment_popover_add (popover, 0, "The title promises more than the outcomes.", NULL));
  iterate ();
  gtk_popover_popdown (GTK_POPOVER (popover));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (reviewer), "editor.show-comments", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (reviewer->side_stack), ==, "comments");
  g_assert_cmpuint (mc_comments_panel_get_n_open (MC_COMMENTS_PANEL (reviewer->review->comments_panel)), ==, 2);

  /* In the form's order: the title first. */
  list = find_child (reviewer->review->comments_panel, GTK_TYPE_LIST_BOX, NULL);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "The title promises more than the outcomes.");
  list = find_child (gtk_widget_get_next_sibling (gtk_widget_get_parent (list)), GTK_TYPE_LIST_BOX, NULL);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0));
  g_signal_emit_by_name (list, "row-activated", row);
  iterate ();
  focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (reviewer)));
  text = _mc_design_editor_find_widget (reviewer, "outcomes", 1, "text");
  g_assert_true (focus == text || gtk_widget_is_ancestor (focus, text));
}

/* A resubmission: what changed since the reviewer's review */

static void
complete_as (Fixture *f, McWorkflow *workflow, McOutcomeKind recommendation)
{
  McReviewPanel *panel = review_panel_for (f, workflow);

  answer_all (child (panel, "form"), FALSE);
  adw_combo_row_set_selected (child (panel, "recommendation_row"), recommendation - MC_OUTCOME_APPROVE);
  g_assert_true (mc_review_panel_complete (panel, NULL));
}

static McRevisionCompare *
find_compare (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MC_IS_REVISION_COMPARE (window))
        return MC_REVISION_COMPARE (window);
    }
  return NULL;
}

static void
test_resubmission (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McDecision) decision = NULL;
  g_autoptr(McItem) outcome = NULL;
  g_autoptr(GError) error = NULL;
  McReviewPanel *author_panel;
  McDesignEditor *editor;
  McRevisionCompare *compare;
  GtkWidget *row, *mark;
  GPtrArray *changes;
  gboolean outcome_changed = FALSE;
  gint64 reviewers[2] = { person_id (f->reviewer), person_id (f->reviewer2) };

  /* A comment on revision 1 that nobody resolves. */
  {
    g_autoptr(McComment) comment = mc_comment_new ("title", -1, NULL, "The title is too broad.");

    comment->design_id = f->design_id;
    comment->revision_number = 1;
    g_assert_true (mc_workflow_add_comment (f->reviewer, comment, &error));
    g_assert_no_error (error);
  }
  complete_as (f, f->reviewer, MC_OUTCOME_REQUEST_CHANGES);
  complete_as (f, f->reviewer2, MC_OUTCOME_APPROVE);
  design = load (f, f->design_id);
  decision = mc_decision_new (MC_OUTCOME_REQUEST_CHANGES, "2026-02-01", "QA/2026/04");
  g_assert_true (mc_workflow_decide (f->chair, design, decision, &error));
  g_assert_no_error (error);

  /* After the decision the author reads both reviews. */
  author_panel = review_panel_for (f, f->author);
  g_assert_true (mc_review_panel_get_has_content (author_panel));
  g_assert_nonnull (find_child (child (author_panel, "done_box"), GTK_TYPE_LABEL,
                                "Dr Aoife Brennan, Revision 1"));

  /* Niall rewrites outcome 1 and submits again; the same reviewers. */
  g_clear_object (&design);
  design = load (f, f->design_id);
  g_assert_true (mc_workflow_revise (f->author, design, &error));
  g_assert_no_error (error);
  outcome = g_list_model_get_item (G_LIST_MODEL (mc_revision_get_outcomes (mc_design_get_content (design))), 0);
  mc_item_set_string (outcome, "text", "Explain the OWASP Top Ten risks and how each is exploited.");
  g_assert_true (mc_workflow_save_design (f->author, design, &error));
  g_assert_no_error (error);
  g_assert_true (mc_workflow_submit (f->author, design, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mc_workflow_assign_reviewers (f->chair, design, reviewers, 2, &error));
  g_assert_no_error (error);

  /* Aoife's editor says what changed since her review, beside the field. */
  editor = editor_for (f, f->reviewer, f->design_id);
  g_assert_cmpuint (mc_review_panel_get_reviewed_revision (MC_REVIEW_PANEL (editor->review->review_panel)), ==, 1);
  g_assert_true (gtk_widget_get_visible (editor->review->banner));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->review->changes_row)));
  row = gtk_widget_get_ancestor (_mc_design_editor_find_widget (editor, "outcomes", 0, "text"),
                                 GTK_TYPE_LIST_BOX_ROW);
  mark = g_object_get_data (G_OBJECT (row), "mc-change-mark");
  g_assert_nonnull (mark);
  g_assert_true (gtk_widget_get_visible (mark));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (mark)), ==, "Changed");
  row = gtk_widget_get_ancestor (_mc_design_editor_find_widget (editor, "title", -1, NULL),
                                 GTK_TYPE_LIST_BOX_ROW);
  mark = g_object_get_data (G_OBJECT (row), "mc-change-mark");
  g_assert_true (mark == NULL || !gtk_widget_get_visible (mark));
  /* The open comment of revision 1 is still beside its field, and says so. */
  {
    GtkWidget *button = comment_button (editor, "title", -1, NULL);
    McCommentPopover *popover;

    g_assert_cmpstr (count_shown (button), ==, "1");
    popover = open_thread (button);
    g_assert_nonnull (find_child (GTK_WIDGET (popover), GTK_TYPE_LABEL, "On revision 1"));
    gtk_popover_popdown (GTK_POPOVER (popover));
  }
  screenshot (gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_WINDOW), "changes-since-review.png");
  mc_design_editor_focus_field (editor, "outcomes", 0, "text");
  screenshot (gtk_widget_get_ancestor (GTK_WIDGET (editor), GTK_TYPE_WINDOW), "changes-marked.png");

  /* Show Changes: the revision she reviewed against the current one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.compare-revisions", NULL));
  iterate ();
  compare = find_compare ();
  g_assert_nonnull (compare);
  g_ptr_array_add (f->windows, compare);
  changes = mc_revision_compare_get_changes (compare);
  g_assert_nonnull (changes);
  for (guint i = 0; i < changes->len; i++)
    {
      const McFieldChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->field_id, "outcomes") == 0 && change->new_index == 0 &&
          g_strcmp0 (change->item_field, "text") == 0)
        outcome_changed = TRUE;
    }
  g_assert_true (outcome_changed);
}

/* Comparing revisions */

static void
test_compare (Fixture *f, gconstpointer data)
{
  gint64 id = find_design (f->store, CHANGES_TITLE);
  g_autoptr(McDesign) design = load (f, id);
  g_autoptr(McItem) outcome = mc_item_new_for_list ("outcomes");
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) numbers = NULL;
  McRevisionCompare *dialog;
  GPtrArray *changes;
  const McFieldChange *added = NULL;
  guint old_number, new_number;

  /* Sinéad revises her design and adds an outcome. */
  g_assert_true (mc_workflow_revise (f->chair, design, &error));
  g_assert_no_error (error);
  mc_item_set_string (outcome, "code", "LO9");
  mc_item_set_string (outcome, "text", "Evaluate the privacy risks of a health data flow.");
  g_list_store_append (mc_revision_get_outcomes (mc_design_get_content (design)), outcome);
  {
    McRevision *content = mc_design_get_content (design);
    g_autoptr(McItem) first = g_list_model_get_item (G_LIST_MODEL (mc_revision_get_outcomes (content)), 0);

    mc_revision_set_double (content, "ects", mc_revision_get_ects (content) + 1);
    mc_item_set_string (first, "text", "Describe how clinical data is coded, stored and exchanged.");
  }
  g_assert_true (mc_workflow_save_design (f->chair, design, &error));
  g_assert_no_error (error);

  numbers = mc_store_list_revision_numbers (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (numbers->len, >=, 2);
  old_number = g_array_index (numbers, guint, numbers->len - 2);
  new_number = g_array_index (numbers, guint, numbers->len - 1);

  dialog = mc_revision_compare_new (f->store, design);
  present (f, GTK_WINDOW (dialog));
  /* By default, the last two revisions. */
  changes = mc_revision_compare_get_changes (dialog);
  g_assert_nonnull (changes);
  for (guint i = 0; i < changes->len; i++)
    {
      const McFieldChange *change = g_ptr_array_index (changes, i);

      if (change->kind == MC_CHANGE_ADDED && g_strcmp0 (change->field_id, "outcomes") == 0)
        added = change;
    }
  g_assert_nonnull (added);
  g_assert_nonnull (strstr (added->new_text, "Evaluate the privacy risks"));

  /* Shown as added, in words, in the Learning outcomes section. */
  {
    GtkWidget *pill = find_child (GTK_WIDGET (dialog), GTK_TYPE_LABEL, "Added");
    GtkWidget *section;

    g_assert_nonnull (pill);
    g_assert_true (gtk_widget_has_css_class (pill, "change-added"));
    section = gtk_widget_get_ancestor (pill, GTK_TYPE_LIST_BOX);
    g_assert_nonnull (section);
    section = gtk_widget_get_parent (section);
    g_assert_cmpstr (gtk_widget_get_name (section), ==, "outcomes");
  }

  /* Any two revisions: the same one twice has no differences. */
  g_assert_true (mc_revision_compare_set_revisions (dialog, new_number, new_number));
  g_assert_cmpuint (mc_revision_compare_get_changes (dialog)->len, ==, 0);
  g_assert_true (mc_revision_compare_set_revisions (dialog, old_number, new_number));
  screenshot (GTK_WIDGET (dialog), "compare.png");
}

/* Yearly review */

static void
fill_annual (McAnnualReviewDialog *dialog)
{
  McTemplateForm *form = mc_annual_review_dialog_get_form (dialog);

  g_assert_nonnull (mc_template_form_get_template (form));
  GtkWidget *actions = mc_template_form_get_control (form, "actions", MC_RATING_UNSET);

  answer_all (form, FALSE);
  /* The actions are the review's own field, unless the template asks for them. */
  if (actions == NULL)
    actions = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), MC_TYPE_ANNUAL_REVIEW_DIALOG,
                                                         "actions_view"));
  g_assert_true (gtk_widget_is_visible (actions));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (actions)),
                            "Moved the lab sessions online; added a second marker.", -1);
}

static void
test_annual (Fixture *f, gconstpointer data)
{
  g_autoptr(McWorkflow) owner = workflow_for (f->store, "aoife.brennan");
  gint64 id = find_design (f->store, ACTIVE_TITLE);
  g_autoptr(McDesign) design = load (f, id);
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(McEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  McAnnualReviewDialog *dialog;
  McDesignEditor *editor;
  AdwMessageDialog *confirm;
  guint64 events;

  g_assert_nonnull (mc_design_get_review_due (design));
  mc_workflow_set_today (owner, mc_design_get_review_due (design));

  /* Due today: the editor says so at the top of the form. */
  editor = editor_for (f, owner, id);
  g_assert_true (gtk_widget_get_visible (editor->review->banner));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (editor->review->annual_row)));
  g_assert_true (gtk_widget_is_sensitive (editor->review->annual_button));

  dialog = mc_annual_review_dialog_new (owner, design, &error);
  g_assert_no_error (error);
  present (f, GTK_WINDOW (dialog));
  fill_annual (dialog);
  mc_annual_review_dialog_set_outcome (dialog, MC_ANNUAL_OUTCOME_MODIFY);
  screenshot (GTK_WIDGET (dialog), "annual-review.png");
  {
    GtkWidget *sw = find_child (GTK_WIDGET (dialog), GTK_TYPE_SCROLLED_WINDOW, NULL);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (sw));

    gtk_adjustment_set_value (adj, gtk_adjustment_get_upper (adj));
    screenshot (GTK_WIDGET (dialog), "annual-review-outcome.png");
  }

  /* Saved as the author goes. */
  wait_ms (1400);
  stored = mc_store_list_annual_reviews (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, 1);
  g_assert_cmpint (((McAnnualReview *) g_ptr_array_index (stored, 0))->state, ==, MC_REVIEW_STATE_IN_PROGRESS);
  g_assert_cmpstr (((McAnnualReview *) g_ptr_array_index (stored, 0))->actions, ==,
                   "Moved the lab sessions online; added a second marker.");

  /* Modifying asks first; cancelling changes nothing. */
  events = count_events (f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "annual.complete", NULL));
  iterate ();
  confirm = find_message_dialog ();
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_heading (confirm), ==, "Start a Modification?");
  adw_message_dialog_response (confirm, "cancel");
  iterate ();
  g_assert_cmpuint (count_events (f), ==, events);

  /* Continuing completes at once and appends an event. */
  mc_annual_review_dialog_set_outcome (dialog, MC_ANNUAL_OUTCOME_CONTINUE);
  g_object_ref (dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "annual.complete", NULL));
  iterate ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_object_unref (dialog);
  g_ptr_array_remove (f->windows, dialog);
  g_assert_cmpuint (count_events (f), ==, events + 1);
  event = last_event (f, id);
  g_assert_cmpint (event->action, ==, MC_ACTION_ANNUAL_REVIEW);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = mc_store_list_annual_reviews (f->store, id, &error);
  g_assert_cmpint (((McAnnualReview *) g_ptr_array_index (stored, 0))->state, ==, MC_REVIEW_STATE_COMPLETED);
  g_assert_cmpint (((McAnnualReview *) g_ptr_array_index (stored, 0))->outcome, ==, MC_ANNUAL_OUTCOME_CONTINUE);
}

/* Completing without the required answers is refused and stores nothing. */
static void
test_annual_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(McWorkflow) owner = workflow_for (f->store, "aoife.brennan");
  gint64 id = find_design (f->store, ACTIVE_TITLE);
  g_autoptr(McDesign) design = load (f, id);
  g_autoptr(GError) error = NULL;
  McAnnualReviewDialog *dialog;
  GtkWidget *error_box;
  guint64 events = count_events (f);

  mc_workflow_set_today (owner, "2099-01-01");
  dialog = mc_annual_review_dialog_new (owner, design, &error);
  g_assert_no_error (error);
  present (f, GTK_WINDOW (dialog));
  mc_annual_review_dialog_set_outcome (dialog, MC_ANNUAL_OUTCOME_CONTINUE);
  g_assert_false (mc_annual_review_dialog_complete (dialog, &error));
  g_assert_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY);
  error_box = (GtkWidget *) gtk_widget_get_template_child (GTK_WIDGET (dialog), MC_TYPE_ANNUAL_REVIEW_DIALOG, "error_box");
  g_assert_true (gtk_widget_get_visible (error_box));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_cmpuint (count_events (f), ==, events);
  g_assert_cmpint (mc_design_get_state (design), ==, MC_DESIGN_STATE_ACTIVE);
}

int
main (int argc, char **argv)
{
  mc_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/app/review/autosave", test_autosave);
  ADD ("/app/review/conflict", test_conflict);
  ADD ("/app/review/complete-refused", test_complete_refused);
  ADD ("/app/review/complete", test_complete);
  ADD ("/app/review/who-reads", test_who_reads);
  ADD ("/app/review/screenshot-panel", test_screenshot_panel);
  ADD ("/app/review/field-comment", test_field_comment);
  ADD ("/app/review/comment-refused", test_comment_refused);
  ADD ("/app/review/comments-list", test_comments_list);
  ADD ("/app/review/resubmission", test_resubmission);
  ADD ("/app/review/compare", test_compare);
  ADD ("/app/review/annual", test_annual);
  ADD ("/app/review/annual-refused", test_annual_refused);
#undef ADD

  return g_test_run ();
}
