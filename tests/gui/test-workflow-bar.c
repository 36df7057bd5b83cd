/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Widget tests of the workflow bar, its dialogs and the editor's
 * read-only form, on the demo institution in a throw-away database.  The
 * people are the demo's: Aoife Brennan (author in Computing, reviewer),
 * Niall O'Keeffe and Tomasz Kowalski (reviewers), Prof. Sinéad Walsh (QA
 * chair).  Run under tests/run-with-display. */
#include "config.h"

#include <adwaita.h>

#include "mc-assign-reviewers-dialog.h"
#include "mc-core.h"
#include "mc-decision-dialog.h"
#include "mc-design-editor-private.h"
#include "mc-template.h"
#include "mc-window-private.h"
#include "mc-workflow-bar-private.h"
#include "mc-gui-test-util.h"

#define AUTHOR   "aoife.brennan"
#define OTHER    "niall.okeeffe"
#define REVIEWER1 "niall.okeeffe"
#define REVIEWER2 "tomasz.kowalski"
#define CHAIR    "sinead.walsh"

typedef struct {
  McStore        *store;
  McWorkflow     *workflow;
  McValidator    *validator;
  GtkWindow      *window;
  McDesignEditor *editor;
  McWorkflowBar  *bar;
  McDesign       *design;
} Fixture;

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

/* With $SCREENSHOT_DIR set, saves what @widget's window shows as NAME.png,
 * for a person to look at. */
static void
snap (GtkWidget *widget, const char *name)
{
  const char *dir = g_getenv ("SCREENSHOT_DIR");
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  gboolean done = FALSE;
  int width = 0, height = 0;

  if (dir == NULL || window == NULL)
    return;

  /* Let the last changes be laid out and drawn; a window that is being
   * redrawn has nothing to show for a moment. */
  paintable = gtk_widget_paintable_new (window);
  for (guint attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      done = FALSE;
      g_timeout_add (100, timeout_cb, &done);
      while (!done)
        g_main_context_iteration (NULL, TRUE);
      width = gtk_widget_get_width (window);
      height = gtk_widget_get_height (window);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    {
      g_test_message ("no screenshot of %s: nothing drawn", name);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  file = g_strconcat ("workflow-bar-", name, ".png", NULL);
  path = g_build_filename (dir, file, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot %s", path);
}

static McPerson *
person (Fixture *f, const char *username)
{
  g_autoptr(GError) error = NULL;
  McPerson *p = mc_store_find_person_by_username (f->store, username, &error);

  g_assert_no_error (error);
  g_assert_nonnull (p);
  return p;
}

static void
act (Fixture *f, const char *username)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_workflow_act_as (f->workflow, username, &error));
  g_assert_no_error (error);
  iterate ();
}

/* The stored design with the most outcomes, whose content passes the
 * required profiles. */
static McDesign *
rich_design (McStore *store)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  McDesign *best = NULL;
  guint best_n = 0;

  all = mc_store_query_designs (store, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(McDesign) d = NULL;
      guint n;

      d = mc_store_load_design (store, mc_design_summary_get_id (g_ptr_array_index (all, i)), &error);
      g_assert_no_error (error);
      n = g_list_model_get_n_items (G_LIST_MODEL (mc_revision_get_outcomes (mc_design_get_content (d))));
      if (best == NULL || n > best_n)
        {
          g_set_object (&best, d);
          best_n = n;
        }
    }
  return best;
}

/* A draft of Computing by its author, complete enough to be submitted. */
static McDesign *
author_draft (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) rich = rich_design (f->store);
  g_autoptr(McRevision) content = mc_revision_copy (mc_design_get_content (rich));
  g_autoptr(McUnit) unit = mc_store_find_unit_by_code (f->store, "COMP", &error);
  McDesign *draft = mc_design_new ();

  g_assert_no_error (error);
  g_assert_nonnull (unit);
  mc_revision_set_string (content, "title", "Workflow Test: Edge Computing");
  mc_design_set_unit_id (draft, mc_unit_get_id (unit));
  mc_design_set_content (draft, content);
  act (f, AUTHOR);
  g_assert_true (mc_workflow_create_design (f->workflow, draft, &error));
  g_assert_no_error (error);
  return draft;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_true (mc_demo_populate (f->store, &error));
  g_assert_no_error (error);
  /* The first account becomes the administrator, who acts for the others. */
  f->workflow = mc_workflow_new (f->store, "tester", &error);
  g_assert_no_error (error);
  mc_workflow_set_today (f->workflow, "2026-03-10");
  g_assert_true (mc_workflow_set_setting (f->workflow, MC_SETTING_INSTITUTION_NAME,
                                          "Corrib Technological University", &error));
  g_assert_true (mc_workflow_set_setting (f->workflow, MC_SETTING_INSTITUTION_COUNTRY, "IE", &error));
  g_assert_no_error (error);
  f->design = author_draft (f);

  f->validator = mc_validator_new ();
  mc_validator_set_institution (f->validator, "Corrib Technological University", "IE");
  mc_validator_set_today (f->validator, "2026-03-10");

  f->editor = mc_design_editor_new (f->workflow, f->validator);
  mc_design_editor_set_profiles (f->editor, (const char *[]) { "eu-council", "consistency", NULL });
  f->bar = f->editor->workflow_bar;
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 800);
  gtk_window_set_child (f->window, GTK_WIDGET (f->editor));
  gtk_window_present (f->window);
  while (!gtk_widget_get_mapped (GTK_WIDGET (f->editor)))
    g_main_context_iteration (NULL, TRUE);

  mc_design_editor_set_design (f->editor, f->design);
  iterate ();
}

static void
close_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) || MC_IS_ASSIGN_REVIEWERS_DIALOG (l->data) ||
        MC_IS_DECISION_DIALOG (l->data))
      gtk_window_destroy (l->data);
  iterate ();
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  close_dialogs ();
  gtk_window_destroy (f->window);
  iterate ();
  g_clear_object (&f->design);
  g_clear_object (&f->validator);
  g_clear_object (&f->workflow);
  g_clear_object (&f->store);
}

/* What the store says now. */
static McDesign *
stored (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  McDesign *d = mc_store_load_design (f->store, mc_design_get_id (f->design), &error);

  g_assert_no_error (error);
  return d;
}

static McDesignState
stored_state (Fixture *f)
{
  g_autoptr(McDesign) d = stored (f);

  return mc_design_get_state (d);
}

static guint64
n_events (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  guint64 n = mc_store_count_events (f->store, &error);

  g_assert_no_error (error);
  return n;
}

static McEvent *
last_event (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_list_events (f->store, mc_design_get_id (f->design), &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  return mc_event_copy (g_ptr_array_index (events, events->len - 1));
}

/* The button of @action is offered and the actor may use it. */
static GtkWidget *
assert_allowed (Fixture *f, McAction action)
{
  GtkWidget *button = mc_workflow_bar_get_button (f->bar, action);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_get_sensitive (button));
  return button;
}

/* The button is offered, insensitive, with the workflow's own reason. */
static void
assert_refused (Fixture *f, McAction action, GQuark domain, int code)
{
  GtkWidget *button = mc_workflow_bar_get_button (f->bar, action);
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_false (mc_workflow_check (f->workflow, f->design, action, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, error->message);
}

static void
assert_hidden (Fixture *f, McAction action)
{
  g_assert_null (mc_workflow_bar_get_button (f->bar, action));
}

static void
submit (Fixture *f)
{
  act (f, AUTHOR);
  g_assert_true (mc_workflow_bar_activate (f->bar, MC_ACTION_SUBMIT));
  iterate ();
  g_assert_cmpint (stored_state (f), ==, MC_DESIGN_STATE_SUBMITTED);
}

static void
assign (Fixture *f, const char *first, const char *second)
{
  g_autoptr(McPerson) p1 = person (f, first);
  g_autoptr(McPerson) p2 = person (f, second);
  McAssignReviewersDialog *dialog;

  act (f, CHAIR);
  g_assert_true (mc_workflow_bar_activate (f->bar, MC_ACTION_ASSIGN_REVIEWERS));
  dialog = mc_gui_test_find_window (MC_TYPE_ASSIGN_REVIEWERS_DIALOG);
  g_assert_nonnull (dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (mc_assign_reviewers_dialog_get_check (dialog, mc_person_get_id (p1))), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (mc_assign_reviewers_dialog_get_check (dialog, mc_person_get_id (p2))), TRUE);
  g_assert_true (mc_assign_reviewers_dialog_assign (dialog));
  iterate ();
}

/* Completes @username's review through the core, every criterion met. */
static void
complete_review (Fixture *f, const char *username, McOutcomeKind recommendation)
{
  g_autoptr(McPerson) reviewer = person (f, username);
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GError) error = NULL;
  McReview *review = NULL;
  g_autoptr(McTemplate) template_ = NULL;

  act (f, username);
  reviews = mc_store_list_reviews (f->store, mc_design_get_id (f->design),
                                   mc_design_get_revision_number (f->design), &error);
  g_assert_no_error (error);
  for (guint i = 0; i < reviews->len; i++)
    if (((McReview *) g_ptr_array_index (reviews, i))->reviewer_id == mc_person_get_id (reviewer))
      review = g_ptr_array_index (reviews, i);
  g_assert_nonnull (review);
  template_ = mc_store_load_template (f->store, review->template_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < mc_template_get_n_criteria (template_); i++)
    {
      const McCriterion *c = mc_template_get_criterion (template_, i);

      mc_answers_set (review->answers, c->id,
                      c->answer == MC_ANSWER_KIND_RATING ? MC_RATING_MET : MC_RATING_UNSET,
                      "Clear and sound.");
    }
  review->recommendation = recommendation;
  g_free (review->summary);
  review->summary = g_strdup ("A well-made design.");
  g_assert_true (mc_workflow_complete_review (f->workflow, review, &error));
  g_assert_no_error (error);
}

/* Tests */

static void
test_draft_author (Fixture *f, gconstpointer data)
{
  GtkWidget *title;

  act (f, AUTHOR);
  title = _mc_design_editor_find_widget (f->editor, "title", -1, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (f->bar)));
  g_assert_cmpstr (mc_workflow_bar_get_status (f->bar), ==, "Draft — not submitted yet");
  assert_allowed (f, MC_ACTION_SUBMIT);
  g_assert_true (gtk_widget_has_css_class (mc_workflow_bar_get_button (f->bar, MC_ACTION_SUBMIT),
                                           "suggested-action"));
  /* Nothing of the later states is offered on a draft. */
  assert_hidden (f, MC_ACTION_WITHDRAW);
  assert_hidden (f, MC_ACTION_ASSIGN_REVIEWERS);
  assert_hidden (f, MC_ACTION_DECIDE);
  assert_hidden (f, MC_ACTION_RETIRE);
  /* The author edits. */
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (title)));
  g_assert_cmpstr (gtk_label_get_label (f->editor->save_status), !=, "Read Only");
}

static void
test_draft_other_person (Fixture *f, gconstpointer data)
{
  GtkWidget *title, *description, *ects;
  g_autofree char *before = g_strdup (mc_revision_get_title (mc_design_get_content (f->design)));
  g_autoptr(McDesign) after = NULL;

  act (f, OTHER);
  assert_refused (f, MC_ACTION_SUBMIT, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED);

  /* The form can be read and copied, not changed. */
  title = _mc_design_editor_find_widget (f->editor, "title", -1, NULL);
  description = _mc_design_editor_find_widget (f->editor, "description", -1, NULL);
  ects = _mc_design_editor_find_widget (f->editor, "ects", -1, NULL);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (title)));
  g_assert_true (gtk_widget_get_sensitive (title));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (description)));
  g_assert_true (gtk_widget_get_sensitive (description));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (ects)));
  g_assert_cmpstr (gtk_label_get_label (f->editor->save_status), ==, "Read Only");
  g_assert_true (g_str_has_prefix (gtk_widget_get_tooltip_text (GTK_WIDGET (f->editor->save_status)),
                                   "Read only: "));
  snap (GTK_WIDGET (f->editor), "draft-read-only");

  /* Even a change made behind the widgets' back is never saved. */
  mc_revision_set_string (mc_design_get_content (f->design), "title", "Changed by someone else");
  iterate ();
  g_assert_false (mc_design_editor_get_dirty (f->editor));
  g_assert_true (mc_design_editor_save (f->editor, NULL));
  after = stored (f);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (after)), ==, before);

  /* Back to the author: editable again. */
  act (f, AUTHOR);
  title = _mc_design_editor_find_widget (f->editor, "title", -1, NULL);
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (title)));
}

static void
test_submit_with_errors (Fixture *f, gconstpointer data)
{
  GtkWidget *title;
  guint64 events = 0;

  act (f, AUTHOR);
  title = _mc_design_editor_find_widget (f->editor, "title", -1, NULL);
  /* An empty title is an error under the required profiles. */
  gtk_editable_set_text (GTK_EDITABLE (title), "");
  iterate ();
  events = n_events (f);

  g_assert_false (mc_workflow_bar_activate (f->bar, MC_ACTION_SUBMIT));
  g_assert_cmpint (stored_state (f), ==, MC_DESIGN_STATE_DRAFT);
  g_assert_cmpint (mc_design_get_state (f->design), ==, MC_DESIGN_STATE_DRAFT);
  g_assert_cmpuint (n_events (f), ==, events);
  g_assert_nonnull (mc_workflow_bar_get_message (f->bar));
  g_assert_true (g_str_has_prefix (mc_workflow_bar_get_message (f->bar), "Not submitted: "));
  g_assert_nonnull (strstr (mc_workflow_bar_get_message (f->bar), "error"));
  snap (GTK_WIDGET (f->editor), "submit-refused");
  /* The edits themselves were saved first. */
  {
    g_autoptr(McDesign) d = stored (f);

    g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (d)), ==, "");
  }

  /* Show Findings opens the panel. */
  gtk_toggle_button_set_active (f->editor->findings_button, FALSE);
  g_signal_emit_by_name (f->bar->message_button, "clicked");
  g_assert_true (gtk_toggle_button_get_active (f->editor->findings_button));
}

static void
test_submit_assign_review_decide (Fixture *f, gconstpointer data)
{
  g_autoptr(McPerson) author = person (f, AUTHOR);
  g_autoptr(McEvent) event = NULL;
  g_autoptr(McDesign) d = NULL;
  McDecisionDialog *dialog;
  GtkWidget *title;
  guint64 events;

  /* The author submits: frozen, read-only, waiting for the chair. */
  submit (f);
  event = last_event (f);
  g_assert_cmpint (event->action, ==, MC_ACTION_SUBMIT);
  g_assert_cmpint (event->actor_id, ==, mc_person_get_id (author));
  /* The date is when it happened (the clock, not the workflow's today). */
  g_assert_true (g_str_has_prefix (mc_workflow_bar_get_status (f->bar), "Submitted on "));
  g_assert_true (g_str_has_suffix (mc_workflow_bar_get_status (f->bar),
                                   " — waiting for the QA chair to assign reviewers"));
  title = _mc_design_editor_find_widget (f->editor, "title", -1, NULL);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (title)));
  assert_allowed (f, MC_ACTION_WITHDRAW);
  assert_refused (f, MC_ACTION_ASSIGN_REVIEWERS, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED);

  /* The chair may assign but not withdraw. */
  act (f, CHAIR);
  assert_allowed (f, MC_ACTION_ASSIGN_REVIEWERS);
  assert_refused (f, MC_ACTION_WITHDRAW, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED);
  assert_hidden (f, MC_ACTION_SUBMIT);

  assign (f, REVIEWER1, REVIEWER2);
  g_assert_cmpint (stored_state (f), ==, MC_DESIGN_STATE_IN_REVIEW);
  g_assert_cmpstr (mc_workflow_bar_get_status (f->bar), ==, "In review — 0 of 2 reviews completed");
  assert_refused (f, MC_ACTION_DECIDE, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY);

  /* The decision dialog refuses without enough reviews, and records nothing. */
  complete_review (f, REVIEWER1, MC_OUTCOME_APPROVE_WITH_CONDITIONS);
  act (f, CHAIR);
  g_assert_cmpstr (mc_workflow_bar_get_status (f->bar), ==, "In review — 1 of 2 reviews completed");
  events = n_events (f);
  dialog = MC_DECISION_DIALOG (mc_decision_dialog_new (f->workflow, f->design));
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_cmpstr (mc_decision_dialog_get_reviews_summary (dialog), ==,
                   "1 of 2 reviews completed; at least 2 are needed.");
  mc_decision_dialog_set_outcome (dialog, MC_OUTCOME_APPROVE);
  mc_decision_dialog_set_reference (dialog, "QA-2026-03");
  g_assert_false (mc_decision_dialog_record (dialog));
  g_assert_nonnull (mc_workflow_dialog_get_error (MC_WORKFLOW_DIALOG (dialog)));
  g_assert_nonnull (strstr (mc_workflow_dialog_get_error (MC_WORKFLOW_DIALOG (dialog)), "needs 2 completed reviews"));
  snap (GTK_WIDGET (dialog), "decision-refused");
  g_assert_cmpuint (n_events (f), ==, events);
  g_assert_cmpint (stored_state (f), ==, MC_DESIGN_STATE_IN_REVIEW);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* With both reviews: the reviewers agree, so their recommendation is
   * preselected; conditions are required for it. */
  complete_review (f, REVIEWER2, MC_OUTCOME_APPROVE_WITH_CONDITIONS);
  act (f, CHAIR);
  assert_allowed (f, MC_ACTION_DECIDE);
  g_assert_true (mc_workflow_bar_activate (f->bar, MC_ACTION_DECIDE));
  dialog = mc_gui_test_find_window (MC_TYPE_DECISION_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpint (mc_decision_dialog_get_outcome (dialog), ==, MC_OUTCOME_APPROVE_WITH_CONDITIONS);
  mc_decision_dialog_set_meeting_date (dialog, "2026-02-30");
  g_assert_false (mc_decision_dialog_record (dialog));
  g_assert_nonnull (strstr (mc_workflow_dialog_get_error (MC_WORKFLOW_DIALOG (dialog)), "meeting date"));
  mc_decision_dialog_set_meeting_date (dialog, "2026-03-09");
  mc_decision_dialog_set_reference (dialog, "QA-2026-03");
  g_assert_false (mc_decision_dialog_record (dialog));
  g_assert_nonnull (strstr (mc_workflow_dialog_get_error (MC_WORKFLOW_DIALOG (dialog)), "condition"));
  g_assert_cmpint (stored_state (f), ==, MC_DESIGN_STATE_IN_REVIEW);
  mc_decision_dialog_add_condition (dialog, "Name the external examiner");
  mc_decision_dialog_add_condition (dialog, "   ");
  g_assert_cmpuint (mc_decision_dialog_get_n_conditions (dialog), ==, 1);
  snap (GTK_WIDGET (dialog), "decision-conditions");
  g_assert_true (mc_decision_dialog_record (dialog));
  iterate ();
  g_assert_null (mc_gui_test_find_window (MC_TYPE_DECISION_DIALOG));

  d = stored (f);
  g_assert_cmpint (mc_design_get_state (d), ==, MC_DESIGN_STATE_APPROVED);
  g_assert_cmpint (mc_design_get_state (f->design), ==, MC_DESIGN_STATE_APPROVED);
  g_assert_cmpstr (mc_workflow_bar_get_status (f->bar), ==, "Approved with 1 condition — 0 met");
  snap (GTK_WIDGET (f->editor), "approved-with-conditions");
  assert_refused (f, MC_ACTION_ACTIVATE, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_READY);

  /* The author meets the condition; then the chair may activate. */
  act (f, AUTHOR);
  assert_allowed (f, MC_ACTION_MEET_CONDITION);
  g_assert_true (mc_workflow_bar_activate (f->bar, MC_ACTION_MEET_CONDITION));
  {
    AdwMessageDialog *meet = mc_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
    GtkWidget *box;

    g_assert_nonnull (meet);
    box = adw_message_dialog_get_extra_child (meet);
    gtk_editable_set_text (g_object_get_data (G_OBJECT (box), "mc-evidence"), "Minutes QA-2026-04");
    adw_message_dialog_response (meet, "meet");
    iterate ();
  }
  g_assert_cmpstr (mc_workflow_bar_get_status (f->bar), ==, "Approved with 1 condition — 1 met");
  act (f, CHAIR);
  assert_allowed (f, MC_ACTION_ACTIVATE);
  g_assert_true (mc_workflow_bar_activate (f->bar, MC_ACTION_ACTIVATE));
  iterate ();
  g_assert_cmpint (stored_state (f), ==, MC_DESIGN_STATE_ACTIVE);
  g_assert_true (g_str_has_prefix (mc_workflow_bar_get_status (f->bar), "Active — yearly review due "));
}

static void
test_assign_dialog (Fixture *f, gconstpointer data)
{
  g_autoptr(McPerson) author = person (f, AUTHOR);
  g_autoptr(McPerson) r1 = person (f, REVIEWER1);
  g_autoptr(McPerson) r2 = person (f, REVIEWER2);
  g_autoptr(GPtrArray) reviews = NULL;
  McAssignReviewersDialog *dialog;
  GtkWidget *check;

  submit (f);
  assign (f, REVIEWER1, REVIEWER2);
  complete_review (f, REVIEWER1, MC_OUTCOME_APPROVE);

  /* Reopened: the author cannot be chosen, who is assigned shows, the
   * completed review cannot be withdrawn, and the minimum is a hint. */
  act (f, CHAIR);
  g_assert_true (mc_workflow_bar_activate (f->bar, MC_ACTION_ASSIGN_REVIEWERS));
  dialog = mc_gui_test_find_window (MC_TYPE_ASSIGN_REVIEWERS_DIALOG);
  g_assert_nonnull (dialog);
  check = mc_assign_reviewers_dialog_get_check (dialog, mc_person_get_id (author));
  g_assert_nonnull (check);
  g_assert_false (gtk_widget_get_sensitive (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (g_str_has_prefix (mc_assign_reviewers_dialog_get_note (dialog, mc_person_get_id (author)),
                                   "Author of this design"));
  check = mc_assign_reviewers_dialog_get_check (dialog, mc_person_get_id (r1));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_false (gtk_widget_get_sensitive (check));
  g_assert_true (g_str_has_prefix (mc_assign_reviewers_dialog_get_note (dialog, mc_person_get_id (r1)),
                                   "Review completed on "));
  check = mc_assign_reviewers_dialog_get_check (dialog, mc_person_get_id (r2));
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (gtk_widget_get_sensitive (check));
  g_assert_nonnull (strstr (mc_assign_reviewers_dialog_get_hint (dialog), "at least 2 completed reviews"));
  snap (GTK_WIDGET (dialog), "assign-again");

  /* Re-assignment after submission: unchecking withdraws the unfinished review. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  g_assert_nonnull (strstr (mc_assign_reviewers_dialog_get_hint (dialog), "1 reviewer chosen."));
  g_assert_true (mc_assign_reviewers_dialog_assign (dialog));
  iterate ();
  reviews = mc_store_list_reviews (f->store, mc_design_get_id (f->design),
                                   mc_design_get_revision_number (f->design), NULL);
  for (guint i = 0; i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);

      if (review->reviewer_id == mc_person_get_id (r2))
        g_assert_cmpint (review->state, ==, MC_REVIEW_STATE_WITHDRAWN);
      else if (review->reviewer_id == mc_person_get_id (r1))
        g_assert_cmpint (review->state, ==, MC_REVIEW_STATE_COMPLETED);
    }
  g_assert_cmpstr (mc_workflow_bar_get_status (f->bar), ==, "In review — 1 of 1 review completed");
}

static void
test_states_and_people (Fixture *f, gconstpointer data)
{
  /* Changes requested: the author revises into a new draft revision. */
  submit (f);
  assign (f, REVIEWER1, REVIEWER2);
  complete_review (f, REVIEWER1, MC_OUTCOME_REQUEST_CHANGES);
  complete_review (f, REVIEWER2, MC_OUTCOME_REQUEST_CHANGES);
  act (f, CHAIR);
  {
    McDecisionDialog *dialog = MC_DECISION_DIALOG (mc_decision_dialog_new (f->workflow, f->design));

    g_signal_connect_swapped (dialog, "done", G_CALLBACK (mc_workflow_bar_refresh), f->bar);
    gtk_window_present (GTK_WINDOW (dialog));
    g_assert_cmpint (mc_decision_dialog_get_outcome (dialog), ==, MC_OUTCOME_REQUEST_CHANGES);
    mc_decision_dialog_set_reference (dialog, "QA-2026-05");
    mc_decision_dialog_set_comment (dialog, "Outcome 3 cannot be assessed as written.");
    g_assert_true (mc_decision_dialog_record (dialog));
    iterate ();
  }
  g_assert_cmpint (stored_state (f), ==, MC_DESIGN_STATE_CHANGES_REQUESTED);
  g_assert_cmpstr (mc_workflow_bar_get_status (f->bar), ==,
                   "Changes requested on 10 March — waiting for the author to revise it");
  g_assert_nonnull (strstr (mc_workflow_bar_get_detail (f->bar), "QA-2026-05"));
  assert_refused (f, MC_ACTION_REVISE, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED);
  assert_hidden (f, MC_ACTION_DECIDE);

  act (f, AUTHOR);
  assert_allowed (f, MC_ACTION_REVISE);
  g_assert_true (mc_workflow_bar_activate (f->bar, MC_ACTION_REVISE));
  iterate ();
  g_assert_cmpint (stored_state (f), ==, MC_DESIGN_STATE_DRAFT);
  g_assert_cmpuint (mc_design_get_revision_number (f->design), ==, 2);
  g_assert_cmpstr (mc_workflow_bar_get_status (f->bar), ==, "Draft of revision 2 — not submitted yet");
  g_assert_true (gtk_editable_get_editable (GTK_EDITABLE (
    _mc_design_editor_find_widget (f->editor, "title", -1, NULL))));
}

static void
test_retire_confirmed (Fixture *f, gconstpointer data)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) active = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McEvent) event = NULL;
  AdwMessageDialog *confirm;
  guint64 events;

  /* A demo design that is active, as the chair sees it. */
  query.state = MC_DESIGN_STATE_ACTIVE;
  active = mc_store_query_designs (f->store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (active->len, >, 0);
  g_clear_object (&f->design);
  f->design = mc_store_load_design (f->store, mc_design_summary_get_id (g_ptr_array_index (active, 0)),
                                    &error);
  g_assert_no_error (error);
  act (f, CHAIR);
  mc_design_editor_set_design (f->editor, f->design);
  iterate ();

  g_assert_true (g_str_has_prefix (mc_workflow_bar_get_status (f->bar), "Active"));
  assert_allowed (f, MC_ACTION_SUSPEND);
  assert_allowed (f, MC_ACTION_RETIRE);
  assert_refused (f, MC_ACTION_START_MODIFICATION, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED);
  assert_hidden (f, MC_ACTION_REINSTATE);
  assert_hidden (f, MC_ACTION_SUBMIT);

  /* Cancelling changes nothing. */
  events = n_events (f);
  g_assert_true (mc_workflow_bar_activate (f->bar, MC_ACTION_SUSPEND));
  confirm = mc_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  adw_message_dialog_response (confirm, "cancel");
  iterate ();
  g_assert_cmpuint (n_events (f), ==, events);
  g_assert_cmpint (stored_state (f), ==, MC_DESIGN_STATE_ACTIVE);

  /* Retiring asks first and keeps the comment in the history. */
  g_assert_true (mc_workflow_bar_activate (f->bar, MC_ACTION_RETIRE));
  confirm = mc_gui_test_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  g_assert_cmpstr (adw_message_dialog_get_default_response (confirm), ==, "cancel");
  gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (confirm)),
                         "Replaced by the new data programme");
  snap (GTK_WIDGET (confirm), "retire-confirm");
  adw_message_dialog_response (confirm, "confirm");
  iterate ();
  g_assert_cmpint (stored_state (f), ==, MC_DESIGN_STATE_RETIRED);
  event = last_event (f);
  g_assert_cmpint (event->action, ==, MC_ACTION_RETIRE);
  g_assert_cmpstr (event->comment, ==, "Replaced by the new data programme");
  g_assert_true (g_str_has_prefix (mc_workflow_bar_get_status (f->bar), "Retired on "));
  g_assert_nonnull (strstr (mc_workflow_bar_get_detail (f->bar), "Replaced by the new data programme"));
  snap (GTK_WIDGET (f->editor), "retired");
  assert_hidden (f, MC_ACTION_RETIRE);
}

static void
test_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) other = NULL;
  g_autoptr(GError) error = NULL;
  guint64 events;

  /* A second window submits the same design first. */
  act (f, AUTHOR);
  other = stored (f);
  g_assert_true (mc_workflow_submit (f->workflow, other, NULL, &error));
  g_assert_no_error (error);
  events = n_events (f);

  /* This one still shows the draft: acting on it is refused, nothing changes. */
  g_assert_cmpint (mc_design_get_state (f->design), ==, MC_DESIGN_STATE_DRAFT);
  g_assert_false (mc_workflow_bar_activate (f->bar, MC_ACTION_SUBMIT));
  g_assert_true (mc_workflow_bar_get_conflict (f->bar));
  g_assert_true (g_str_has_prefix (mc_workflow_bar_get_message (f->bar),
                                   "This design was changed meanwhile"));
  g_assert_cmpuint (n_events (f), ==, events);
  g_assert_false (gtk_widget_get_sensitive (mc_workflow_bar_get_button (f->bar, MC_ACTION_SUBMIT)));
  snap (GTK_WIDGET (f->editor), "conflict");

  /* Reload shows the stored state. */
  g_signal_emit_by_name (f->bar->message_button, "clicked");
  iterate ();
  g_assert_false (mc_workflow_bar_get_conflict (f->bar));
  g_assert_null (mc_workflow_bar_get_message (f->bar));
  g_assert_cmpint (mc_design_get_state (f->design), ==, MC_DESIGN_STATE_SUBMITTED);
  assert_allowed (f, MC_ACTION_WITHDRAW);
}

/* The list of the window shows the new state after an action. */
static void
test_window_list (void)
{
  g_autoptr(McStore) store = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McValidator) validator = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) draft = NULL;
  Fixture f = { 0 };
  McWindow *window;
  McDesignEditor *editor;
  GListModel *designs;
  McDesignState listed = MC_DESIGN_STATE_DRAFT;

  store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
  g_assert_true (mc_demo_populate (store, &error));
  workflow = mc_workflow_new (store, "tester", &error);
  g_assert_no_error (error);
  g_assert_true (mc_workflow_set_setting (workflow, MC_SETTING_INSTITUTION_COUNTRY, "IE", &error));
  f.store = store;
  f.workflow = workflow;
  draft = author_draft (&f);

  validator = mc_validator_new ();
  settings = g_settings_new ("io.github.microcred.Microcred");
  window = mc_window_new (NULL, workflow, validator, settings);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (mc_window_select_design (window, mc_design_get_id (draft)));
  iterate ();

  editor = window->editor;
  g_assert_nonnull (editor);
  g_assert_true (mc_workflow_bar_activate (editor->workflow_bar, MC_ACTION_SUBMIT));
  iterate ();

  designs = mc_window_get_designs (window);
  for (guint i = 0; i < g_list_model_get_n_items (designs); i++)
    {
      g_autoptr(McDesignSummary) summary = g_list_model_get_item (designs, i);

      if (mc_design_summary_get_id (summary) == mc_design_get_id (draft))
        listed = mc_design_summary_get_state (summary);
    }
  g_assert_cmpint (listed, ==, MC_DESIGN_STATE_SUBMITTED);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
}

int
main (int argc, char **argv)
{
  mc_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/workflow-bar/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("draft-author", test_draft_author);
  ADD ("draft-other-person", test_draft_other_person);
  ADD ("submit-with-errors", test_submit_with_errors);
  ADD ("submit-assign-review-decide", test_submit_assign_review_decide);
  ADD ("assign-dialog", test_assign_dialog);
  ADD ("changes-requested-revise", test_states_and_people);
  ADD ("retire-confirmed", test_retire_confirmed);
  ADD ("conflict", test_conflict);
#undef ADD
  g_test_add_func ("/workflow-bar/window-list", test_window_list);

  return g_test_run ();
}
