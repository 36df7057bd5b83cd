/* SPDX-License-Identifier: GPL-3.0-or-later */
/* My Tasks, the notifications of new tasks and acting for someone else,
 * in the main window on the demo institution.  Run under
 * tests/run-with-display. */
#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <string.h>

#include "mc-account-button.h"
#include "mc-act-as-dialog.h"
#include "mc-gui-test-util.h"
#include "mc-task-notifier.h"
#include "mc-tasks-view.h"
#include "mc-window.h"

typedef struct {
  McStore     *store;
  McValidator *validator;
  GSettings   *settings;
  McWorkflow  *workflow;
  McWindow    *window;
} Fixture;

static void
open_window (Fixture    *f,
             const char *username)
{
  g_autoptr(GError) error = NULL;

  f->workflow = mc_workflow_new (f->store, username, &error);
  g_assert_no_error (error);
  f->window = mc_window_new (NULL, f->workflow, f->validator, f->settings);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 760);
  mc_gui_test_present (GTK_WINDOW (f->window));
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettingsBackend) backend = g_memory_settings_backend_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(McWorkflow) first = NULL;

  f->store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  /* The first account becomes the administrator. */
  first = mc_workflow_new (f->store, "admin", &error);
  g_assert_no_error (error);
  g_assert_true (mc_demo_populate (f->store, &error));
  g_assert_no_error (error);
  f->validator = mc_validator_new ();
  f->settings = g_settings_new_with_backend ("io.github.microcred.Microcred", backend);
  open_window (f, data != NULL ? data : "admin");
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  mc_gui_test_spin ();
  g_free (mc_gui_test_take_message ());
  g_clear_object (&f->settings);
  g_clear_object (&f->validator);
  g_clear_object (&f->workflow);
  g_clear_object (&f->store);
}

static GObject *
child (Fixture *f, const char *name)
{
  return gtk_widget_get_template_child (GTK_WIDGET (f->window), MC_TYPE_WINDOW, name);
}

static McTasksView *
tasks_view (Fixture *f)
{
  return MC_TASKS_VIEW (child (f, "tasks_view"));
}

/* How many tasks of @kind the core gives the actor. */
static guint
core_count (Fixture *f, McTaskKind kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) tasks = mc_workflow_list_tasks (f->workflow, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    if (((McTask *) g_ptr_array_index (tasks, i))->kind == kind)
      n++;
  return n;
}

static void
assert_counts_match_core (Fixture *f)
{
  g_autoptr(GPtrArray) tasks = mc_workflow_list_tasks (f->workflow, NULL);

  g_assert_nonnull (tasks);
  g_assert_cmpuint (mc_tasks_view_get_n_tasks (tasks_view (f)), ==, tasks->len);
  for (guint i = 0; i < mc_enum_n_values (MC_TYPE_TASK_KIND); i++)
    {
      McTaskKind kind = mc_enum_nth_value (MC_TYPE_TASK_KIND, i);

      g_assert_cmpuint (mc_tasks_view_count_kind (tasks_view (f), kind), ==, core_count (f, kind));
    }
}

static const char *
visible_page (Fixture *f)
{
  return adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (child (f, "view_stack")));
}

static void
test_nothing_to_do (Fixture *f, gconstpointer data)
{
  /* The administrator owns no design and chairs nothing. */
  g_assert_cmpuint (mc_tasks_view_get_n_tasks (tasks_view (f)), ==, 0);
  g_assert_cmpstr (visible_page (f), ==, "designs");
  g_assert_cmpint (adw_view_stack_page_get_badge_number (ADW_VIEW_STACK_PAGE (child (f, "tasks_page"))), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (f, "acting_revealer"))));
  mc_window_show_tasks (f->window);
  g_assert_cmpstr (visible_page (f), ==, "tasks");
  mc_gui_test_screenshot (GTK_WIDGET (f->window), "tasks-empty");
}

static void
test_chair_tasks (Fixture *f, gconstpointer data)
{
  GPtrArray *tasks = NULL;
  g_autoptr(McTask) assign = NULL;
  g_autofree char *title = NULL;

  /* The QA chair of the whole institution, with a design to revise. */
  g_assert_true (mc_window_act_as (f->window, "sinead.walsh"));
  g_assert_cmpstr (mc_person_get_username (mc_workflow_get_actor (f->workflow)), ==, "sinead.walsh");

  assert_counts_match_core (f);
  g_assert_cmpuint (mc_tasks_view_count_kind (tasks_view (f), MC_TASK_ASSIGN_REVIEWERS), ==, 2);
  g_assert_cmpuint (mc_tasks_view_count_kind (tasks_view (f), MC_TASK_REVISE), ==, 1);
  g_assert_cmpint (adw_view_stack_page_get_badge_number (ADW_VIEW_STACK_PAGE (child (f, "tasks_page"))),
                   ==, (int) mc_tasks_view_get_n_tasks (tasks_view (f)));

  /* The window says clearly whom it acts for. */
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child (f, "acting_revealer"))));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "acting_label"))), ==,
                   "Acting as Prof. Sinéad Walsh");

  mc_window_show_tasks (f->window);
  mc_gui_test_screenshot (GTK_WIDGET (f->window), "tasks-chair");
  {
    GtkWidget *account = GTK_WIDGET (child (f, "account_button"));
    GtkMenuButton *button = GTK_MENU_BUTTON (gtk_widget_get_first_child (account));

    g_assert_nonnull (strstr (mc_account_button_get_roles (MC_ACCOUNT_BUTTON (account)), "QA chair"));
    gtk_menu_button_popup (button);
    mc_gui_test_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (button)), "account-popover");
    gtk_menu_button_popdown (button);
  }

  /* Activating a task opens its design. */
  tasks = mc_tasks_view_get_tasks (tasks_view (f));
  for (guint i = 0; i < tasks->len && assign == NULL; i++)
    if (((McTask *) g_ptr_array_index (tasks, i))->kind == MC_TASK_ASSIGN_REVIEWERS)
      {
        /* A copy: opening the design reads the tasks again. */
        assign = mc_task_copy (g_ptr_array_index (tasks, i));
        mc_tasks_view_activate_task (tasks_view (f), i);
      }
  g_assert_nonnull (mc_window_get_design (f->window));
  g_assert_cmpint (mc_design_get_id (mc_window_get_design (f->window)), ==, assign->design_id);
  title = g_strdup (mc_revision_get_title (mc_design_get_content (mc_window_get_design (f->window))));
  g_assert_cmpstr (title, ==, assign->design_title);
  mc_gui_test_screenshot (GTK_WIDGET (f->window), "tasks-open-design");
}

static McActAsDialog *
find_act_as_dialog (void)
{
  return mc_gui_test_find_window (MC_TYPE_ACT_AS_DIALOG);
}

static void
test_act_as_switches_tasks (Fixture *f, gconstpointer data)
{
  McActAsDialog *dialog = NULL;

  /* Through the menu's dialog, as a person would. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.act-as", NULL));
  dialog = find_act_as_dialog ();
  g_assert_nonnull (dialog);
  mc_gui_test_present (GTK_WINDOW (dialog));
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "act-as-dialog");
  g_assert_true (mc_act_as_dialog_act_as (dialog, "aoife.brennan"));
  mc_gui_test_spin ();
  g_assert_null (find_act_as_dialog ());
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child (f, "acting_label"))), ==,
                   "Acting as Dr Aoife Brennan");
  assert_counts_match_core (f);
  g_assert_cmpuint (mc_tasks_view_count_kind (tasks_view (f), MC_TASK_FINISH_DRAFT), ==, 1);
  g_assert_cmpuint (mc_tasks_view_count_kind (tasks_view (f), MC_TASK_ASSIGN_REVIEWERS), ==, 0);

  g_assert_true (mc_window_act_as (f->window, "sinead.walsh"));
  g_assert_cmpuint (mc_tasks_view_count_kind (tasks_view (f), MC_TASK_FINISH_DRAFT), ==, 0);
  g_assert_cmpuint (mc_tasks_view_count_kind (tasks_view (f), MC_TASK_ASSIGN_REVIEWERS), ==, 2);

  /* Back to oneself: the administrator's (empty) list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.stop-acting", NULL));
  g_assert_cmpstr (mc_person_get_username (mc_workflow_get_actor (f->workflow)), ==, "admin");
  g_assert_cmpuint (mc_tasks_view_get_n_tasks (tasks_view (f)), ==, 0);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (f, "acting_revealer"))));
}

static gint64
design_in_state (Fixture *f, McDesignState state, gint64 except)
{
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  g_autoptr(GPtrArray) designs = NULL;

  query.state = state;
  designs = mc_store_query_designs (f->store, &query, NULL);
  for (guint i = 0; designs != NULL && i < designs->len; i++)
    if (mc_design_summary_get_id (g_ptr_array_index (designs, i)) != except)
      return mc_design_summary_get_id (g_ptr_array_index (designs, i));
  g_assert_not_reached ();
}

static void
test_refresh_after_action (Fixture *f, gconstpointer data)
{
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McPerson) reviewer_a = NULL;
  g_autoptr(McPerson) reviewer_b = NULL;
  g_autoptr(GError) error = NULL;
  gint64 reviewers[2];
  guint before;

  g_assert_true (mc_window_act_as (f->window, "sinead.walsh"));
  before = mc_tasks_view_count_kind (tasks_view (f), MC_TASK_ASSIGN_REVIEWERS);
  g_assert_cmpuint (before, ==, 2);

  /* The chair assigns two reviewers to a design she does not own. */
  design = mc_store_load_design (f->store, design_in_state (f, MC_DESIGN_STATE_SUBMITTED, 0), &error);
  g_assert_no_error (error);
  reviewer_a = mc_store_find_person_by_username (f->store, "aoife.brennan", NULL);
  reviewer_b = mc_store_find_person_by_username (f->store, "tomasz.kowalski", NULL);
  reviewers[0] = mc_person_get_id (reviewer_a);
  reviewers[1] = mc_person_get_id (reviewer_b);
  g_assert_true (mc_workflow_assign_reviewers (f->workflow, design, reviewers, 2, &error));
  g_assert_no_error (error);

  mc_window_refresh_tasks (f->window);
  g_assert_cmpuint (mc_tasks_view_count_kind (tasks_view (f), MC_TASK_ASSIGN_REVIEWERS), ==, before - 1);

  /* The reviewer now has a review to do. */
  g_assert_true (mc_window_act_as (f->window, "tomasz.kowalski"));
  g_assert_cmpuint (mc_tasks_view_count_kind (tasks_view (f), MC_TASK_REVIEW), ==, 1);
  assert_counts_match_core (f);
}

static void
test_act_as_refused (Fixture *f, gconstpointer data)
{
  g_autofree char *message = NULL;

  /* Not an administrator: the core refuses, and the window says why. */
  g_assert_cmpstr (mc_person_get_username (mc_workflow_get_actor (f->workflow)), ==, "aoife.brennan");
  g_assert_false (mc_window_act_as (f->window, "sinead.walsh"));
  message = mc_gui_test_take_message ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "administrator"));
  g_assert_cmpstr (mc_person_get_username (mc_workflow_get_actor (f->workflow)), ==, "aoife.brennan");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child (f, "acting_revealer"))));
  /* Her own tasks, unchanged. */
  g_assert_cmpuint (mc_tasks_view_count_kind (tasks_view (f), MC_TASK_FINISH_DRAFT), ==, 1);
}

static void
find_rows (GtkWidget *widget, const char *css_class, GPtrArray *found)
{
  if (gtk_widget_has_css_class (widget, css_class))
    g_ptr_array_add (found, widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    find_rows (c, css_class, found);
}

static void
test_many_tasks (Fixture *f, gconstpointer data)
{
  g_autoptr(McUnit) unit = mc_store_find_unit_by_code (f->store, "COMP", NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GPtrArray) more = g_ptr_array_new ();
  guint drafts;

  g_assert_true (mc_window_act_as (f->window, "aoife.brennan"));
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(McDesign) design = mc_design_new ();
      g_autoptr(GError) error = NULL;

      mc_design_set_unit_id (design, mc_unit_get_id (unit));
      mc_design_set_owner_id (design, mc_person_get_id (mc_workflow_get_actor (f->workflow)));
      g_assert_true (mc_workflow_create_design (f->workflow, design, &error));
      g_assert_no_error (error);
    }
  mc_window_refresh_tasks (f->window);
  drafts = mc_tasks_view_count_kind (tasks_view (f), MC_TASK_FINISH_DRAFT);
  g_assert_cmpuint (drafts, ==, 61);

  /* The first fifty, and a row to show them all. */
  find_rows (GTK_WIDGET (tasks_view (f)), "task-row", rows);
  find_rows (GTK_WIDGET (tasks_view (f)), "show-all-row", more);
  g_assert_cmpuint (rows->len, ==, mc_tasks_view_get_n_tasks (tasks_view (f)) - drafts + 50);
  g_assert_cmpuint (more->len, ==, 1);

  g_signal_emit_by_name (g_ptr_array_index (more, 0), "activated");
  g_ptr_array_set_size (rows, 0);
  g_ptr_array_set_size (more, 0);
  find_rows (GTK_WIDGET (tasks_view (f)), "task-row", rows);
  find_rows (GTK_WIDGET (tasks_view (f)), "show-all-row", more);
  g_assert_cmpuint (rows->len, ==, mc_tasks_view_get_n_tasks (tasks_view (f)));
  g_assert_cmpuint (more->len, ==, 0);
}

/* Notifications */

static GPtrArray *
make_tasks (const McTaskKind *kinds, guint n)
{
  GPtrArray *tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_task_free);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Design %u", i + 1);

      g_ptr_array_add (tasks, mc_task_new (kinds[i], i + 1, title, "Unit"));
    }
  return tasks;
}

static void
test_notifier (void)
{
  static const McTaskKind first[] = { MC_TASK_FINISH_DRAFT, MC_TASK_DECIDE, MC_TASK_DECIDE };
  static const McTaskKind later[] = { MC_TASK_FINISH_DRAFT, MC_TASK_DECIDE, MC_TASK_DECIDE,
                                      MC_TASK_REVIEW, MC_TASK_REVIEW };
  static const McTaskKind mixed[] = { MC_TASK_FINISH_DRAFT, MC_TASK_DECIDE, MC_TASK_DECIDE,
                                      MC_TASK_REVIEW, MC_TASK_REVIEW, MC_TASK_REVISE,
                                      MC_TASK_ANNUAL_REVIEW_OVERDUE };
  g_autoptr(McTaskNotifier) notifier = mc_task_notifier_new ();
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GNotification) notification = NULL;
  char *title = NULL, *body = NULL;

  /* First look: one summary of what was already there. */
  tasks = make_tasks (first, G_N_ELEMENTS (first));
  g_assert_true (mc_task_notifier_update (notifier, 7, tasks, &title, &body));
  g_assert_cmpstr (title, ==, "You have 3 tasks waiting");
  g_assert_cmpstr (body, ==, "2 decisions pending; 1 draft to finish");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);

  /* Nothing new, nothing said. */
  g_assert_false (mc_task_notifier_update (notifier, 7, tasks, &title, &body));
  g_assert_null (title);

  /* Two new reviews: one notification for both. */
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = make_tasks (later, G_N_ELEMENTS (later));
  g_assert_true (mc_task_notifier_update (notifier, 7, tasks, &title, &body));
  g_assert_cmpstr (title, ==, "2 reviews to do");
  g_assert_cmpstr (body, ==, "Design 4, Design 5");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);

  /* New tasks of several kinds, the late one first. */
  g_clear_pointer (&tasks, g_ptr_array_unref);
  tasks = make_tasks (mixed, G_N_ELEMENTS (mixed));
  g_assert_true (mc_task_notifier_update (notifier, 7, tasks, &title, &body));
  g_assert_cmpstr (title, ==, "2 new tasks");
  g_assert_cmpstr (body, ==, "1 yearly review overdue; 1 revision to make");
  notification = mc_task_notifier_build (title, body);
  g_assert_true (G_IS_NOTIFICATION (notification));
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);

  /* Another person starts afresh. */
  g_assert_true (mc_task_notifier_update (notifier, 8, tasks, &title, &body));
  g_assert_cmpstr (title, ==, "You have 7 tasks waiting");
  g_free (title);
  g_free (body);
}

int
main (int argc, char *argv[])
{
  mc_gui_test_init (&argc, &argv);

#define ADD(path, user, func) \
  g_test_add ("/gui/tasks/" path, Fixture, user, fixture_set_up, func, fixture_tear_down)
  ADD ("nothing-to-do", NULL, test_nothing_to_do);
  ADD ("chair", NULL, test_chair_tasks);
  ADD ("act-as-switches-tasks", NULL, test_act_as_switches_tasks);
  ADD ("refresh-after-action", NULL, test_refresh_after_action);
  ADD ("act-as-refused", "aoife.brennan", test_act_as_refused);
  ADD ("many-tasks", NULL, test_many_tasks);
#undef ADD
  g_test_add_func ("/gui/tasks/notifier", test_notifier);

  return g_test_run ();
}
