/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The administration window: institution settings kept in the database,
 * units, people and roles, and the review template editor, for an
 * administrator and for someone who is not.  Run under
 * tests/run-with-display. */
#include "config.h"

#include <string.h>

#include "mc-admin-window.h"
#include "mc-criterion-row.h"
#include "mc-gui-test-util.h"

typedef struct {
  McStore       *store;
  McValidator   *validator;
  McWorkflow    *workflow;
  McAdminWindow *window;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  f->store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->workflow = mc_workflow_new (f->store, "admin", &error);
  g_assert_no_error (error);
  g_assert_true (mc_demo_populate (f->store, &error));
  if (data != NULL)
    {
      g_clear_object (&f->workflow);
      f->workflow = mc_workflow_new (f->store, data, &error);
      g_assert_no_error (error);
    }
  f->validator = mc_validator_new ();
  f->window = mc_admin_window_new (NULL, f->workflow, f->validator);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 720, 760);
  mc_gui_test_present (GTK_WINDOW (f->window));
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_free (mc_gui_test_take_message ());
  if (f->window != NULL)
    gtk_window_destroy (GTK_WINDOW (f->window));
  mc_gui_test_spin ();
  g_clear_object (&f->validator);
  g_clear_object (&f->workflow);
  g_clear_object (&f->store);
}

static McAdminInstitutionPage *
institution (Fixture *f)
{
  return mc_admin_window_get_institution_page (f->window);
}

static GtkWidget *
institution_child (Fixture *f, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (institution (f)),
                                                    MC_TYPE_ADMIN_INSTITUTION_PAGE, name));
}

static char *
setting (Fixture *f, const char *key)
{
  return mc_store_get_setting (f->store, key, "");
}

static guint64
n_events (Fixture *f)
{
  return mc_store_count_events (f->store, NULL);
}

static void
show_page (Fixture *f, const char *name)
{
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->window), name);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (f->window)), ==, name);
}

static void
test_settings (Fixture *f, gconstpointer data)
{
  g_autofree char *name = NULL;
  g_autofree char *country = NULL;
  g_autofree char *refused = NULL;
  guint64 before = n_events (f);
  GtkEditable *name_row = GTK_EDITABLE (mc_admin_institution_page_get_row (institution (f),
                                                                          MC_SETTING_INSTITUTION_NAME));
  GtkEditable *country_row = GTK_EDITABLE (mc_admin_institution_page_get_row (institution (f),
                                                                             MC_SETTING_INSTITUTION_COUNTRY));
  const char *problem = NULL;

  g_assert_true (mc_admin_window_get_editable (f->window));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (name_row)));

  gtk_editable_set_text (name_row, "Atlantic Technological University");
  g_signal_emit_by_name (name_row, "apply");
  name = setting (f, MC_SETTING_INSTITUTION_NAME);
  g_assert_cmpstr (name, ==, "Atlantic Technological University");
  g_assert_cmpuint (n_events (f), ==, before + 1);

  /* Lower case is taken as the code it means. */
  gtk_editable_set_text (country_row, "ie");
  g_signal_emit_by_name (country_row, "apply");
  country = setting (f, MC_SETTING_INSTITUTION_COUNTRY);
  g_assert_cmpstr (country, ==, "IE");
  g_assert_cmpstr (gtk_editable_get_text (country_row), ==, "IE");

  /* Not a code: the core says why, under the row, and nothing changes;
   * the row keeps what was typed, to be corrected. */
  gtk_editable_set_text (country_row, "Ireland");
  g_signal_emit_by_name (country_row, "apply");
  problem = mc_admin_institution_page_get_problem (institution (f), MC_SETTING_INSTITUTION_COUNTRY);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "IRELAND"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (country_row), "error"));
  refused = setting (f, MC_SETTING_INSTITUTION_COUNTRY);
  g_assert_cmpstr (refused, ==, "IE");
  g_assert_cmpstr (gtk_editable_get_text (country_row), ==, "Ireland");
  g_assert_cmpuint (n_events (f), ==, before + 2);
  mc_gui_test_screenshot (GTK_WIDGET (f->window), "admin-institution-refused");

  /* Correcting it takes the refusal away. */
  gtk_editable_set_text (country_row, "IE");
  g_assert_null (mc_admin_institution_page_get_problem (institution (f), MC_SETTING_INSTITUTION_COUNTRY));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (country_row), "error"));

  mc_gui_test_screenshot (GTK_WIDGET (f->window), "admin-institution");
}

static void
test_numbers (Fixture *f, gconstpointer data)
{
  g_autofree char *min = NULL;
  guint64 before = n_events (f);

  /* Applied a moment after the last change, once; closing the window
   * does not lose a change made just before. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (institution_child (f, "min_reviews_spin")), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (institution_child (f, "min_reviews_spin")), 4);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (institution_child (f, "cycle_spin")), 24);
  g_assert_cmpuint (n_events (f), ==, before);
  g_object_ref (f->window);
  gtk_window_close (GTK_WINDOW (f->window));
  g_clear_object (&f->window);
  min = setting (f, MC_SETTING_MIN_REVIEWS);
  g_assert_cmpstr (min, ==, "4");
  g_free (min);
  min = setting (f, MC_SETTING_REVIEW_CYCLE_MONTHS);
  g_assert_cmpstr (min, ==, "24");
  g_assert_cmpuint (n_events (f), ==, before + 2);
}

static void
test_units (Fixture *f, gconstpointer data)
{
  g_autoptr(GListModel) before = mc_store_list_units (f->store, NULL);
  g_autoptr(GListModel) after = NULL;
  g_autofree char *message = NULL;
  guint n = g_list_model_get_n_items (before);

  g_assert_cmpint (mc_admin_window_add_unit (f->window, "ENG", "School of Engineering"), >, 0);
  after = mc_store_list_units (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n + 1);

  /* The same code again: refused, shown, nothing added. */
  g_assert_cmpint (mc_admin_window_add_unit (f->window, "ENG", "Engineering Again"), ==, 0);
  message = mc_gui_test_take_message ();
  g_assert_nonnull (message);
  g_clear_object (&after);
  after = mc_store_list_units (f->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n + 1);
  show_page (f, "units");
  mc_gui_test_screenshot (GTK_WIDGET (f->window), "admin-units");
}

static gboolean
has_role (Fixture *f, const char *username, McRole role, gint64 unit_id)
{
  g_autoptr(McPerson) person = mc_store_find_person_by_username (f->store, username, NULL);
  gboolean result = FALSE;

  g_assert_nonnull (person);
  g_assert_true (mc_store_person_has_role (f->store, mc_person_get_id (person), role, unit_id, &result, NULL));
  return result;
}

static void
test_people_and_roles (Fixture *f, gconstpointer data)
{
  McAdminPeoplePage *page = mc_admin_window_get_people_page (f->window);
  g_autoptr(McPerson) added = NULL;
  gint64 id;

  id = mc_admin_people_page_add_person (page, "eoin.murphy", "Dr Eoin Murphy",
                                        "eoin.murphy@example.ie", mc_gui_test_unit_id (f->store, "COMP"));
  g_assert_cmpint (id, >, 0);
  added = mc_store_find_person_by_username (f->store, "eoin.murphy", NULL);
  g_assert_nonnull (added);
  g_assert_cmpstr (mc_person_get_name (added), ==, "Dr Eoin Murphy");

  g_assert_false (has_role (f, "eoin.murphy", MC_ROLE_REVIEWER, mc_gui_test_unit_id (f->store, "COMP")));
  g_assert_true (mc_admin_people_page_grant_role (page, id, MC_ROLE_REVIEWER, mc_gui_test_unit_id (f->store, "COMP")));
  g_assert_true (has_role (f, "eoin.murphy", MC_ROLE_REVIEWER, mc_gui_test_unit_id (f->store, "COMP")));
  /* A role for one unit is not a role for another. */
  g_assert_false (has_role (f, "eoin.murphy", MC_ROLE_REVIEWER, mc_gui_test_unit_id (f->store, "HLTH")));
  g_assert_true (mc_admin_people_page_grant_role (page, id, MC_ROLE_QA_CHAIR, 0));
  g_assert_true (has_role (f, "eoin.murphy", MC_ROLE_QA_CHAIR, mc_gui_test_unit_id (f->store, "HLTH")));
  g_assert_true (mc_admin_people_page_revoke_role (page, id, MC_ROLE_QA_CHAIR, 0));
  g_assert_false (has_role (f, "eoin.murphy", MC_ROLE_QA_CHAIR, mc_gui_test_unit_id (f->store, "HLTH")));

  show_page (f, "people");
  mc_gui_test_screenshot (GTK_WIDGET (f->window), "admin-people");
}

static void
test_not_administrator (Fixture *f, gconstpointer data)
{
  McAdminPeoplePage *page = mc_admin_window_get_people_page (f->window);
  g_autoptr(McPerson) niall = mc_store_find_person_by_username (f->store, "niall.okeeffe", NULL);
  g_autoptr(GPtrArray) roles_before = mc_store_list_roles (f->store, 0, NULL);
  g_autoptr(GPtrArray) roles_after = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  guint64 events = n_events (f);
  GtkWidget *name_row = NULL;

  /* Everything can be seen, nothing can be changed, and it says why. */
  g_assert_false (mc_admin_window_get_editable (f->window));
  name_row = mc_admin_institution_page_get_row (institution (f), MC_SETTING_INSTITUTION_NAME);
  g_assert_false (gtk_widget_get_sensitive (name_row));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (name_row), ==, "Only administrators can change this");
  g_assert_true (gtk_widget_get_visible (institution_child (f, "note_group")));

  /* Asked anyway, the core refuses; the window shows it; nothing changes. */
  g_assert_false (mc_admin_people_page_grant_role (page, mc_person_get_id (niall),
                                                   MC_ROLE_QA_CHAIR, 0));
  message = mc_gui_test_take_message ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Administrator"));
  roles_after = mc_store_list_roles (f->store, 0, NULL);
  g_assert_cmpuint (roles_after->len, ==, roles_before->len);
  g_assert_false (has_role (f, "niall.okeeffe", MC_ROLE_QA_CHAIR, 0));

  g_assert_false (mc_admin_window_set_setting (f->window, MC_SETTING_INSTITUTION_NAME, "Mine Now"));
  g_assert_nonnull (mc_admin_institution_page_get_problem (institution (f), MC_SETTING_INSTITUTION_NAME));
  name = setting (f, MC_SETTING_INSTITUTION_NAME);
  g_assert_cmpstr (name, !=, "Mine Now");
  g_assert_cmpuint (n_events (f), ==, events);
  mc_gui_test_screenshot (GTK_WIDGET (f->window), "admin-read-only");
}

/* Templates */

static McTemplateEditor *
edit_approval_template (Fixture *f, guint *index)
{
  g_autoptr(GPtrArray) templates = mc_store_list_templates (f->store, NULL);

  for (guint i = 0; i < templates->len; i++)
    if (mc_template_get_kind (g_ptr_array_index (templates, i)) == MC_TEMPLATE_KIND_APPROVAL)
      {
        McTemplateEditor *editor = NULL;

        show_page (f, "templates");
        editor = mc_admin_window_edit_template (f->window, i);
        mc_gui_test_spin ();
        if (index != NULL)
          *index = i;
        return editor;
      }
  g_assert_not_reached ();
}

static GtkEditable *
row_entry (McTemplateEditor *editor, guint index, const char *name)
{
  GtkWidget *row = mc_template_editor_get_row (editor, index);

  return GTK_EDITABLE (gtk_widget_get_template_child (row, MC_TYPE_CRITERION_ROW, name));
}

static void
test_template_new_version (Fixture *f, gconstpointer data)
{
  g_autoptr(McTemplate) before = mc_store_current_template (f->store, MC_TEMPLATE_KIND_APPROVAL, NULL);
  g_autoptr(McTemplate) after = NULL;
  g_autoptr(McTemplate) old = NULL;
  McTemplateEditor *editor = edit_approval_template (f, NULL);
  g_autofree char *first_id = g_strdup (mc_template_get_criterion (before, 0)->id);
  g_autofree char *second_id = g_strdup (mc_template_get_criterion (before, 1)->id);
  guint n = mc_template_get_n_criteria (before);

  g_assert_false (mc_template_editor_get_dirty (editor));

  /* Edit a question in its row, swap the first two, add one, remove the last. */
  gtk_editable_set_text (row_entry (editor, 0, "title_row"), "Are the outcomes clear and assessable?");
  g_assert_true (mc_template_editor_get_dirty (editor));
  mc_template_editor_move_criterion (editor, 0, 1);
  mc_template_editor_add_criterion (editor);
  gtk_editable_set_text (row_entry (editor, n, "title_row"), "Is the digital badge design appropriate?");
  mc_template_editor_remove_criterion (editor, n - 1);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (mc_template_editor_get_row (editor, 1)), TRUE);
  mc_gui_test_screenshot (GTK_WIDGET (f->window), "admin-template-criterion");
  g_assert_true (mc_template_editor_save (editor));
  g_assert_null (mc_template_editor_get_error (editor));

  after = mc_store_current_template (f->store, MC_TEMPLATE_KIND_APPROVAL, NULL);
  g_assert_cmpuint (mc_template_get_version (after), ==, mc_template_get_version (before) + 1);
  g_assert_cmpuint (mc_template_get_n_criteria (after), ==, n);
  g_assert_cmpstr (mc_template_get_criterion (after, 0)->id, ==, second_id);
  g_assert_cmpstr (mc_template_get_criterion (after, 1)->id, ==, first_id);
  g_assert_cmpstr (mc_template_get_criterion (after, 1)->title, ==, "Are the outcomes clear and assessable?");
  g_assert_cmpstr (mc_template_get_criterion (after, n - 1)->title, ==, "Is the digital badge design appropriate?");

  /* The version reviews were made on is still there, as it was. */
  old = mc_store_load_template (f->store, mc_template_get_id (before), NULL);
  g_assert_nonnull (old);
  g_assert_true (mc_template_equal_content (old, before));
  g_assert_false (mc_template_editor_get_dirty (editor));
  mc_gui_test_screenshot (GTK_WIDGET (f->window), "admin-template-saved");
}

static void
test_template_malformed (Fixture *f, gconstpointer data)
{
  g_autoptr(McTemplate) before = mc_store_current_template (f->store, MC_TEMPLATE_KIND_APPROVAL, NULL);
  g_autoptr(McTemplate) after = NULL;
  McTemplateEditor *editor = edit_approval_template (f, NULL);
  GtkWidget *revealer = NULL;
  guint64 events = n_events (f);

  /* A new criterion left without a question. */
  mc_template_editor_add_criterion (editor);
  g_assert_false (mc_template_editor_save (editor));
  g_assert_nonnull (mc_template_editor_get_error (editor));
  g_assert_nonnull (strstr (mc_template_editor_get_error (editor), "title is empty"));
  revealer = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), MC_TYPE_TEMPLATE_EDITOR,
                                                        "error_revealer"));
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
  mc_gui_test_screenshot (GTK_WIDGET (f->window), "admin-template-error");

  /* Two criteria with the same id. */
  mc_template_editor_remove_criterion (editor, mc_template_get_n_criteria (mc_template_editor_get_template (editor)) - 1);
  gtk_editable_set_text (row_entry (editor, 1, "id_row"), mc_template_get_criterion (before, 0)->id);
  g_assert_false (mc_template_editor_save (editor));
  g_assert_nonnull (strstr (mc_template_editor_get_error (editor), "same id"));

  /* Nothing was stored. */
  after = mc_store_current_template (f->store, MC_TEMPLATE_KIND_APPROVAL, NULL);
  g_assert_cmpuint (mc_template_get_version (after), ==, mc_template_get_version (before));
  g_assert_true (mc_template_equal_content (after, before));
  g_assert_cmpuint (n_events (f), ==, events);

  /* Fixed, it saves, and the message goes. */
  gtk_editable_set_text (row_entry (editor, 1, "id_row"), "workload-realistic-again");
  g_assert_true (mc_template_editor_save (editor));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (revealer)));
}

static void
test_template_read_only (Fixture *f, gconstpointer data)
{
  McTemplateEditor *editor = edit_approval_template (f, NULL);
  GtkWidget *save = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (editor), MC_TYPE_TEMPLATE_EDITOR,
                                                               "save_button"));
  GtkWidget *title = GTK_WIDGET (row_entry (editor, 0, "title_row"));

  g_assert_false (gtk_widget_get_sensitive (save));
  g_assert_nonnull (gtk_widget_get_tooltip_text (save));
  g_assert_false (gtk_widget_get_sensitive (title));
  /* Saving anyway: the core refuses, the editor says so. */
  mc_template_set_title (mc_template_editor_get_template (editor), "Changed");
  g_assert_false (mc_template_editor_save (editor));
  g_assert_nonnull (mc_template_editor_get_error (editor));
}

/* Trusted partner issuers */

#define PARTNER_ID "https://credentials.partner.example/issuer"

static McAdminPartnersPage *
partners (Fixture *f)
{
  show_page (f, "partners");
  return mc_admin_window_get_partners_page (f->window);
}

static guint
n_stored_partners (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = mc_store_list_partners (f->store, &error);

  g_assert_no_error (error);
  return all->len;
}

static McAction
last_action (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_list_events (f->store, 0, &error);

  g_assert_no_error (error);
  return ((McEvent *) g_ptr_array_index (events, events->len - 1))->action;
}

static void
test_partners (Fixture *f, gconstpointer data)
{
  McAdminPartnersPage *page = partners (f);
  guint before = mc_admin_partners_page_get_n_partners (page);
  const char *subtitle = NULL;
  AdwMessageDialog *confirm = NULL;
  guint64 events = 0;

  g_assert_true (mc_admin_page_get_editable (MC_ADMIN_PAGE (page)));
  g_assert_cmpuint (before, ==, n_stored_partners (f));
  g_assert_cmpint (mc_admin_partners_page_add (page, PARTNER_ID, "Université Partenaire", "Erasmus+ 2026–2030"), >, 0);
  g_assert_null (mc_admin_partners_page_get_problem (page));
  g_assert_cmpuint (mc_admin_partners_page_get_n_partners (page), ==, before + 1);
  g_assert_cmpuint (n_stored_partners (f), ==, before + 1);
  g_assert_cmpint (last_action (f), ==, MC_ACTION_ADD_PARTNER);
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (mc_admin_partners_page_get_row (page, before)));
  g_assert_nonnull (strstr (subtitle, PARTNER_ID));
  g_assert_nonnull (strstr (subtitle, mc_person_get_name (mc_workflow_get_actor (f->workflow))));
  g_assert_nonnull (strstr (subtitle, "Erasmus+"));
  mc_gui_test_screenshot (GTK_WIDGET (f->window), "admin-partners");

  /* Twice, or not an address: refused, said, nothing changed. */
  events = n_events (f);
  g_assert_cmpint (mc_admin_partners_page_add (page, PARTNER_ID, "Again", NULL), ==, 0);
  g_assert_nonnull (strstr (mc_admin_partners_page_get_problem (page), "already a partner"));
  g_assert_cmpint (mc_admin_partners_page_add (page, "partner university", "Partner", NULL), ==, 0);
  g_assert_nonnull (strstr (mc_admin_partners_page_get_problem (page), "not an issuer"));
  g_assert_cmpuint (n_stored_partners (f), ==, before + 1);
  g_assert_cmpuint (n_events (f), ==, events);

  /* Remove… asks first; Cancel keeps it, Remove removes it. */
  confirm = mc_admin_partners_page_confirm_remove (page, before);
  adw_message_dialog_response (confirm, "cancel");
  gtk_window_destroy (GTK_WINDOW (confirm));
  g_assert_cmpuint (n_stored_partners (f), ==, before + 1);
  confirm = mc_admin_partners_page_confirm_remove (page, before);
  adw_message_dialog_response (confirm, "remove");
  gtk_window_destroy (GTK_WINDOW (confirm));
  g_assert_cmpuint (n_stored_partners (f), ==, before);
  g_assert_cmpuint (mc_admin_partners_page_get_n_partners (page), ==, before);
  g_assert_cmpint (last_action (f), ==, MC_ACTION_REMOVE_PARTNER);
}

static void
test_partners_read_only (Fixture *f, gconstpointer data)
{
  McAdminPartnersPage *page = partners (f);
  GtkWidget *add = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), MC_TYPE_ADMIN_PARTNERS_PAGE,
                                                              "add_button"));

  g_assert_false (mc_admin_page_get_editable (MC_ADMIN_PAGE (page)));
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_nonnull (gtk_widget_get_tooltip_text (add));
  /* Adding anyway: the core refuses, the page says why. */
  g_assert_cmpint (mc_admin_partners_page_add (page, PARTNER_ID, "Partner", NULL), ==, 0);
  g_assert_nonnull (strstr (mc_admin_partners_page_get_problem (page), "Administrator"));
  g_assert_cmpuint (n_stored_partners (f), ==, 0);
  mc_gui_test_screenshot (GTK_WIDGET (f->window), "admin-partners-read-only");
}

int
main (int argc, char *argv[])
{
  mc_gui_test_init (&argc, &argv);

#define ADD(path, user, func) \
  g_test_add ("/gui/admin/" path, Fixture, user, fixture_set_up, func, fixture_tear_down)
  ADD ("settings", NULL, test_settings);
  ADD ("numbers", NULL, test_numbers);
  ADD ("units", NULL, test_units);
  ADD ("people-and-roles", NULL, test_people_and_roles);
  ADD ("not-administrator", "aoife.brennan", test_not_administrator);
  ADD ("template-new-version", NULL, test_template_new_version);
  ADD ("template-malformed", NULL, test_template_malformed);
  ADD ("template-read-only", "aoife.brennan", test_template_read_only);
  ADD ("partners", NULL, test_partners);
  ADD ("partners-read-only", "aoife.brennan", test_partners_read_only);
#undef ADD

  return g_test_run ();
}
