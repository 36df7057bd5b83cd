/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The issuing screens: the institution's profile and signing keys in the
 * administration window, an active design's offerings and results, the
 * preview of a results file, and issuing a cohort with its progress,
 * cancelling and resuming.  Each test runs on a throw-away institution in
 * a database file (the batch issuer and the key jobs open their own
 * connections to it).  Run under tests/run-with-display. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "folder-fixture.h"
#include "mc-admin-window.h"
#include "mc-gui-test-util.h"
#include "mc-import-row-item.h"
#include "mc-keyring.h"
#include "mc-offerings-window.h"
#include "mc-result-item.h"
#include "mc-workflow-bar.h"
#include "workflow-fixture.h"

#define PASSPHRASE "Vier paarden op de dijk"

typedef struct {
  McTestInstitution *inst;
  McValidator       *validator;
  McAdminWindow     *admin;
  McDesign          *design;     /* active, for the offerings */
  McOfferingsWindow *offerings;
  GtkWindow         *window;     /* another window under test, destroyed at the end */
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->inst = mc_test_institution_new ();
  f->validator = mc_validator_new ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_strdup (f->inst->dir);

  g_free (mc_gui_test_take_message ());
  mc_gui_test_destroy_windows ();
  g_clear_object (&f->validator);
  g_clear_object (&f->design);
  mc_test_institution_free (f->inst);
  mc_test_remove_tree (dir);
}

static McWorkflow *
workflow (Fixture *f, McTestPerson person)
{
  return mc_test_workflow (f->inst, person);
}

static char *
setting (Fixture *f, const char *key)
{
  return mc_store_get_setting (f->inst->store, key, "");
}

static McAdminWindow *
open_admin (Fixture *f, McTestPerson person, const char *page)
{
  f->admin = mc_admin_window_new (NULL, workflow (f, person), f->validator);
  gtk_window_set_default_size (GTK_WINDOW (f->admin), 720, 800);
  mc_gui_test_present (GTK_WINDOW (f->admin));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->admin), page);
  return f->admin;
}

/* A PNG of @width × @height, drawn by GTK. */
static GBytes *
make_png (int width, int height)
{
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint8 *data = g_malloc (width * height * 4);

  for (int i = 0; i < width * height; i++)
    {
      data[i * 4 + 0] = 0x1c;
      data[i * 4 + 1] = 0x71;
      data[i * 4 + 2] = (i % width) < width / 2 ? 0xd8 : 0x26;
      data[i * 4 + 3] = 0xff;
    }
  pixels = g_bytes_new_take (data, width * height * 4);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8A8, pixels, width * 4);
  return gdk_texture_save_to_png_bytes (texture);
}

/* Administration: the institution */

static void
test_institution (Fixture *f, gconstpointer data)
{
  McAdminInstitutionPage *page = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GBytes) png = make_png (240, 80);
  g_autoptr(GBytes) not_png = g_bytes_new_static ("GIF89a not a png", 16);
  g_autoptr(GBytes) logo = NULL;
  GtkEditable *verification = NULL;
  const char *problem = NULL;

  page = mc_admin_window_get_institution_page (open_admin (f, MC_TEST_ADMIN, "institution"));
  verification = GTK_EDITABLE (mc_admin_institution_page_get_row (page, MC_SETTING_VERIFICATION_URL));

  /* Typed and applied as a person would. */
  gtk_editable_set_text (GTK_EDITABLE (mc_admin_institution_page_get_row (page, MC_SETTING_INSTITUTION_LEGAL_ID)),
                         "KvK 41009723");
  g_signal_emit_by_name (mc_admin_institution_page_get_row (page, MC_SETTING_INSTITUTION_LEGAL_ID), "apply");
  stored = setting (f, MC_SETTING_INSTITUTION_LEGAL_ID);
  g_assert_cmpstr (stored, ==, "KvK 41009723");
  g_clear_pointer (&stored, g_free);

  /* Credentials are verified over https only: the core refuses, the page
   * says why under the row, and nothing is stored. */
  gtk_editable_set_text (verification, "http://credentials.hanze.example");
  g_signal_emit_by_name (verification, "apply");
  problem = mc_admin_institution_page_get_problem (page, MC_SETTING_VERIFICATION_URL);
  g_assert_nonnull (problem);
  g_assert_nonnull (strstr (problem, "https://"));
  stored = setting (f, MC_SETTING_VERIFICATION_URL);
  g_assert_cmpstr (stored, ==, "");
  g_clear_pointer (&stored, g_free);
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-issue-institution-refused");

  gtk_editable_set_text (verification, "https://credentials.hanze.example");
  g_signal_emit_by_name (verification, "apply");
  g_assert_null (mc_admin_institution_page_get_problem (page, MC_SETTING_VERIFICATION_URL));
  stored = setting (f, MC_SETTING_VERIFICATION_URL);
  g_assert_cmpstr (stored, ==, "https://credentials.hanze.example");
  g_clear_pointer (&stored, g_free);

  g_assert_true (mc_admin_institution_page_set_setting (page, MC_SETTING_SIGNATORY_NAME, "Prof. Ingrid Visser"));
  g_assert_true (mc_admin_institution_page_set_setting (page, MC_SETTING_SIGNATORY_TITLE, "Rector Magnificus"));
  g_assert_true (mc_admin_institution_page_set_setting (page, MC_SETTING_INSTITUTION_URL, "https://www.hanze.example"));

  /* The logo: what is not a PNG is refused; a PNG is stored and shown. */
  g_assert_false (mc_admin_institution_page_set_logo (page, not_png));
  g_assert_nonnull (mc_admin_institution_page_get_problem (page, "logo"));
  g_assert_false (mc_admin_institution_page_has_logo (page));
  g_assert_true (mc_admin_institution_page_set_logo (page, png));
  g_assert_null (mc_admin_institution_page_get_problem (page, "logo"));
  g_assert_true (mc_admin_institution_page_has_logo (page));
  logo = mc_store_get_logo (f->inst->store, NULL);
  g_assert_nonnull (logo);
  g_assert_true (g_bytes_equal (logo, png));
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-issue-institution");

  g_assert_true (mc_admin_institution_page_set_logo (page, NULL));
  g_assert_false (mc_admin_institution_page_has_logo (page));
  g_clear_pointer (&logo, g_bytes_unref);
  logo = mc_store_get_logo (f->inst->store, NULL);
  g_assert_null (logo);
}

/* Administration: signing keys */

static gboolean
dialog_gone (gpointer data)
{
  GtkWidget **dialog = data;

  return *dialog == NULL;
}

static gboolean
dialog_idle_key (gpointer data)
{
  return !mc_key_dialog_get_busy (data);
}

static void
test_keys_generate (Fixture *f, gconstpointer data)
{
  McAdminKeysPage *page = NULL;
  McKeyGenerateDialog *dialog = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  McKeyRecord *key = NULL;
  const char *subtitle = NULL;

  page = mc_admin_window_get_keys_page (open_admin (f, MC_TEST_ADMIN, "keys"));
  g_assert_true (mc_admin_page_get_editable (MC_ADMIN_PAGE (page)));
  g_assert_cmpuint (mc_admin_keys_page_get_n_keys (page), ==, 0);

  dialog = mc_admin_keys_page_generate (page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  mc_gui_test_present (GTK_WINDOW (dialog));
  mc_key_generate_dialog_set_algorithm (dialog, MC_KEY_ALGORITHM_EDDSA);
  mc_key_generate_dialog_set_self_signed (dialog, TRUE);

  /* Too short, or typed differently twice: not yet. */
  mc_key_generate_dialog_set_passphrase (dialog, "short");
  g_assert_false (mc_key_generate_dialog_generate (dialog));
  mc_key_generate_dialog_set_passphrase (dialog, "correct horse battery staple");
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-key-generate");

  g_assert_true (mc_key_generate_dialog_generate (dialog));
  g_assert_true (mc_key_dialog_get_busy (MC_KEY_DIALOG (dialog)));
  /* It closes itself once the key is stored. */
  g_assert_true (mc_gui_test_wait (dialog_gone, &dialog));

  keys = mc_store_list_keys (f->inst->store, NULL);
  g_assert_cmpuint (keys->len, ==, 1);
  key = g_ptr_array_index (keys, 0);
  g_assert_cmpint (key->kind, ==, MC_KEY_KIND_ED25519);
  g_assert_nonnull (key->certificate_pem);
  g_assert_cmpint (key->created_by, ==, f->inst->ids[MC_TEST_ADMIN]);

  g_assert_cmpuint (mc_admin_keys_page_get_n_keys (page), ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (mc_admin_keys_page_get_row (page, 0))),
                   ==, "Ed25519 (EdDSA)");
  subtitle = adw_action_row_get_subtitle (ADW_ACTION_ROW (mc_admin_keys_page_get_row (page, 0)));
  g_assert_nonnull (strstr (subtitle, "With an X.509 certificate"));
  g_assert_nonnull (strstr (subtitle, "Key "));

  /* Signing with EdDSA makes it the key that signs. */
  g_assert_true (mc_admin_keys_page_set_algorithm (page, "EdDSA"));
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-issue-keys");

  /* Retired, it stays listed, for verifying. */
  g_assert_true (mc_admin_keys_page_retire_key (page, key->kid));
  g_assert_cmpuint (mc_admin_keys_page_get_n_keys (page), ==, 1);
  g_clear_pointer (&keys, g_ptr_array_unref);
  keys = mc_store_list_keys (f->inst->store, NULL);
  g_assert_cmpint (((McKeyRecord *) g_ptr_array_index (keys, 0))->retired_at, >, 0);
}

/* A PKCS #12 file as a certificate authority hands it out, made with
 * OpenSSL from a new Ed25519 key and its self-signed certificate. */
static char *
make_pkcs12 (Fixture *f, const char *password, char **kid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McSigningKey) key = mc_signing_key_generate (MC_KEY_ALGORITHM_EDDSA, &error);
  g_autoptr(GBytes) pem = NULL;
  g_autofree char *key_path = g_build_filename (f->inst->dir, "ca-key.pem", NULL);
  g_autofree char *cert_path = g_build_filename (f->inst->dir, "ca-cert.pem", NULL);
  g_autofree char *p12_path = g_build_filename (f->inst->dir, "institution.p12", NULL);
  g_autofree char *passin = g_strconcat ("pass:", "key file passphrase", NULL);
  g_autofree char *passout = g_strconcat ("pass:", password, NULL);
  const char *argv[] = { "openssl", "pkcs12", "-export", "-inkey", key_path, "-passin", passin,
                         "-in", cert_path, "-passout", passout, "-out", p12_path, NULL };
  int status = 0;

  g_assert_no_error (error);
  g_assert_true (mc_signing_key_create_self_signed (key, "Hanze Polytechnic", "NL", 365, &error));
  pem = mc_signing_key_export_pkcs8 (key, "key file passphrase", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (key_path, g_bytes_get_data (pem, NULL), g_bytes_get_size (pem), NULL));
  g_assert_true (g_file_set_contents (cert_path, mc_signing_key_get_certificate_pem (key), -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  *kid = g_strdup (mc_signing_key_get_kid (key));
  return g_steal_pointer (&p12_path);
}

static void
test_keys_import (Fixture *f, gconstpointer data)
{
  McAdminKeysPage *page = NULL;
  McKeyImportDialog *dialog = NULL;
  g_autofree char *kid = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autofree char *openssl = g_find_program_in_path ("openssl");

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed (tools/setup installs it)");
      return;
    }
  path = make_pkcs12 (f, "from the authority", &kid);
  file = g_file_new_for_path (path);

  page = mc_admin_window_get_keys_page (open_admin (f, MC_TEST_ADMIN, "keys"));
  dialog = mc_admin_keys_page_import (page);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  mc_gui_test_present (GTK_WINDOW (dialog));
  mc_key_import_dialog_set_file (dialog, file);
  mc_key_import_dialog_set_passphrase (dialog, PASSPHRASE);

  /* The file's password is not right: said at the top, nothing stored. */
  mc_key_import_dialog_set_password (dialog, "a guess");
  g_assert_true (mc_key_import_dialog_import (dialog));
  g_assert_true (mc_gui_test_wait (dialog_idle_key, dialog));
  g_assert_nonnull (strstr (mc_key_dialog_get_error (MC_KEY_DIALOG (dialog)), "The password of"));
  keys = mc_store_list_keys (f->inst->store, NULL);
  g_assert_cmpuint (keys->len, ==, 0);
  g_clear_pointer (&keys, g_ptr_array_unref);
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-key-import-refused");

  /* With it, the key and its certificate are kept, under the new
   * passphrase. */
  mc_key_import_dialog_set_password (dialog, "from the authority");
  mc_key_import_dialog_set_passphrase (dialog, PASSPHRASE);
  g_assert_true (mc_key_import_dialog_import (dialog));
  g_assert_true (mc_gui_test_wait (dialog_gone, &dialog));
  keys = mc_store_list_keys (f->inst->store, NULL);
  g_assert_cmpuint (keys->len, ==, 1);
  g_assert_cmpstr (((McKeyRecord *) g_ptr_array_index (keys, 0))->kid, ==, kid);
  g_assert_nonnull (((McKeyRecord *) g_ptr_array_index (keys, 0))->certificate_pem);
  g_assert_cmpuint (mc_admin_keys_page_get_n_keys (page), ==, 1);
}

static void
test_keys_read_only (Fixture *f, gconstpointer data)
{
  McAdminKeysPage *page = NULL;
  GtkWidget *generate = NULL;
  GtkWidget *note = NULL;
  g_autoptr(McKeyRecord) key = mc_test_add_key (f->inst, "registrar-sees-this", MC_KEY_KIND_RSA);
  g_autoptr(GPtrArray) keys = NULL;
  g_autofree char *message = NULL;

  page = mc_admin_window_get_keys_page (open_admin (f, MC_TEST_REGISTRAR, "keys"));
  g_assert_false (mc_admin_page_get_editable (MC_ADMIN_PAGE (page)));
  generate = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), MC_TYPE_ADMIN_KEYS_PAGE,
                                                        "generate_button"));
  note = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), MC_TYPE_ADMIN_KEYS_PAGE, "note_group"));
  g_assert_false (gtk_widget_get_sensitive (generate));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (generate), ==, "Only administrators can change this");
  g_assert_true (gtk_widget_get_visible (note));
  /* The keys are there to see. */
  g_assert_cmpuint (mc_admin_keys_page_get_n_keys (page), ==, 1);
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-issue-keys-read-only");

  /* Asked anyway, the core refuses and nothing changes. */
  g_assert_false (mc_admin_keys_page_retire_key (page, key->kid));
  message = mc_gui_test_take_message ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Administrator"));
  g_assert_false (mc_admin_keys_page_set_algorithm (page, "EdDSA"));
  g_assert_nonnull (mc_admin_keys_page_get_problem (page));
  keys = mc_store_list_keys (f->inst->store, NULL);
  g_assert_cmpint (((McKeyRecord *) g_ptr_array_index (keys, 0))->retired_at, ==, 0);
}

/* Offerings */

/* An active design of the unit, its registrar's window of offerings. */
static McOfferingsWindow *
open_offerings (Fixture *f, McTestPerson person)
{
  if (f->design == NULL)
    {
      f->design = mc_test_create_design (f->inst);
      mc_test_make_active (f->inst, f->design);
    }
  f->offerings = mc_offerings_window_new (workflow (f, person), f->design);
  gtk_window_set_default_size (GTK_WINDOW (f->offerings), 1040, 640);
  mc_gui_test_present (GTK_WINDOW (f->offerings));
  return f->offerings;
}

static gboolean
results_loaded (gpointer data)
{
  return !mc_offerings_window_get_loading (data);
}

static McOffering *
add_offering (Fixture *f, const char *code)
{
  if (f->design == NULL)
    {
      f->design = mc_test_create_design (f->inst);
      mc_test_make_active (f->inst, f->design);
    }
  return mc_test_create_offering (f->inst, f->design, code);
}

static void
test_workflow_bar (Fixture *f, gconstpointer data)
{
  GtkWidget *bar = mc_workflow_bar_new ();
  GtkWidget *button = NULL;
  g_autoptr(McDesign) draft = mc_test_create_design (f->inst);

  f->design = mc_test_create_design (f->inst);
  mc_test_make_active (f->inst, f->design);
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (f->window, bar);

  /* A registrar's: the active design's offerings open from the bar. */
  mc_workflow_bar_set_workflow (MC_WORKFLOW_BAR (bar), workflow (f, MC_TEST_REGISTRAR));
  mc_workflow_bar_set_design (MC_WORKFLOW_BAR (bar), f->design);
  button = mc_workflow_bar_get_button (MC_WORKFLOW_BAR (bar), MC_ACTION_CREATE_OFFERING);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));

  /* Its author sees why not. */
  mc_workflow_bar_set_workflow (MC_WORKFLOW_BAR (bar), workflow (f, MC_TEST_OWNER));
  button = mc_workflow_bar_get_button (MC_WORKFLOW_BAR (bar), MC_ACTION_CREATE_OFFERING);
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_sensitive (button));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (button), "Registrar"));

  /* A draft has no offerings. */
  mc_workflow_bar_set_workflow (MC_WORKFLOW_BAR (bar), workflow (f, MC_TEST_REGISTRAR));
  mc_workflow_bar_set_design (MC_WORKFLOW_BAR (bar), draft);
  g_assert_null (mc_workflow_bar_get_button (MC_WORKFLOW_BAR (bar), MC_ACTION_CREATE_OFFERING));
}

static void
test_offering_new (Fixture *f, gconstpointer data)
{
  McOfferingsWindow *window = open_offerings (f, MC_TEST_REGISTRAR);
  McOfferingDialog *dialog = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  McOffering *offering = NULL;

  g_assert_cmpuint (mc_offerings_window_get_n_offerings (window), ==, 0);
  mc_gui_test_screenshot (GTK_WIDGET (window), "gui-issue-offerings-empty");

  dialog = mc_offerings_window_new_offering (window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  mc_gui_test_present (GTK_WINDOW (dialog));
  g_assert_false (mc_offering_dialog_get_ready (dialog));

  /* Not a date, then dates the wrong way round: said, and not ready. */
  mc_offering_dialog_fill (dialog, "2026-AUTUMN", "2026-09-14", "2026-13-01", "Groningen");
  g_assert_nonnull (strstr (mc_offering_dialog_get_problem (dialog), "2026-13-01"));
  g_assert_false (mc_offering_dialog_get_ready (dialog));
  g_assert_false (mc_offering_dialog_create (dialog));
  mc_offering_dialog_fill (dialog, NULL, NULL, "2026-09-01", NULL);
  g_assert_nonnull (strstr (mc_offering_dialog_get_problem (dialog), "cannot end before it starts"));
  g_assert_false (mc_offering_dialog_get_ready (dialog));
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-offering-new-invalid");

  mc_offering_dialog_fill (dialog, NULL, NULL, "2026-12-18", NULL);
  g_assert_null (mc_offering_dialog_get_problem (dialog));
  g_assert_true (mc_offering_dialog_get_ready (dialog));
  mc_offering_dialog_set_mode (dialog, MC_PARTICIPATION_ONLINE);
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-offering-new");
  g_assert_true (mc_offering_dialog_create (dialog));
  mc_gui_test_spin ();
  g_assert_null (dialog);

  stored = mc_store_list_offerings (f->inst->store, mc_design_get_id (f->design), NULL);
  g_assert_cmpuint (stored->len, ==, 1);
  offering = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (offering->code, ==, "2026-AUTUMN");
  g_assert_cmpstr (offering->starts_on, ==, "2026-09-14");
  g_assert_cmpstr (offering->ends_on, ==, "2026-12-18");
  g_assert_cmpint (offering->mode, ==, MC_PARTICIPATION_ONLINE);
  g_assert_cmpstr (offering->location, ==, "Groningen");
  /* The title on the certificates is the approved revision's unless changed. */
  g_assert_cmpstr (offering->title, ==, "Battery Systems for Electric Vehicles");

  /* The window lists it, selected. */
  g_assert_cmpuint (mc_offerings_window_get_n_offerings (window), ==, 1);
  g_assert_cmpint (mc_offerings_window_get_offering (window)->id, ==, offering->id);

  /* The same code again: the workflow refuses, the dialog says why and
   * stays open; nothing is stored. */
  dialog = mc_offerings_window_new_offering (window);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  mc_offering_dialog_fill (dialog, "2026-AUTUMN", "2027-01-11", "2027-05-28", NULL);
  g_assert_false (mc_offering_dialog_create (dialog));
  g_assert_nonnull (strstr (mc_offering_dialog_get_error (dialog), "2026-AUTUMN"));
  g_assert_nonnull (dialog);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = mc_store_list_offerings (f->inst->store, mc_design_get_id (f->design), NULL);
  g_assert_cmpuint (stored->len, ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Results */

static GFile *
write_csv (Fixture *f, const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (f->inst->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

static gboolean
import_read (gpointer data)
{
  return !mc_result_import_dialog_get_busy (data);
}

static McResultImportDialog *
preview (Fixture *f, const char *name, const char *contents)
{
  g_autoptr(McOffering) offering = add_offering (f, "2026-SPRING");
  g_autoptr(GFile) file = write_csv (f, name, contents);
  McOfferingsWindow *window = open_offerings (f, MC_TEST_REGISTRAR);
  McResultImportDialog *dialog = NULL;

  g_assert_true (mc_offerings_window_select_offering (window, offering->id));
  dialog = mc_offerings_window_import_file (window, file);
  g_assert_true (mc_gui_test_wait (import_read, dialog));
  g_assert_null (mc_result_import_dialog_get_error (dialog));
  return dialog;
}

static void
test_import_errors (Fixture *f, gconstpointer data)
{
  McResultImportDialog *dialog = preview (f, "results-with-errors.csv",
                                          "Student number,First name,Surname,Grade,Completed,Notes\n"
                                          "S1001,Anna,Jansen,72,2026-02-27,\n"
                                          "S1002,Bram,de Vries,,2026-02-27,no grade\n"
                                          "S1001,Anna,Jansen,80,2026-02-27,twice\n"
                                          "S1004,Chloé,Bakker,65,2026-13-01,not a date\n"
                                          "S1005,Zofia,Wiśniewska,58,2026-02-25,\n");
  g_autofree char *problems_path = g_build_filename (f->inst->dir, "problems.csv", NULL);
  g_autoptr(GFile) problems_file = g_file_new_for_path (problems_path);
  g_autofree char *problems = NULL;
  GListModel *rows = mc_result_import_dialog_get_rows (dialog);
  g_autoptr(McImportRowItem) first = NULL;
  g_autoptr(GPtrArray) results = NULL;

  /* The summary says what was read and found; Import waits for the fixes. */
  g_assert_nonnull (strstr (mc_result_import_dialog_get_summary (dialog), "UTF-8"));
  g_assert_nonnull (strstr (mc_result_import_dialog_get_summary (dialog), "comma-separated"));
  g_assert_nonnull (strstr (mc_result_import_dialog_get_summary (dialog), "5 rows"));
  g_assert_nonnull (strstr (mc_result_import_dialog_get_summary (dialog), "3 errors"));
  g_assert_false (mc_result_import_dialog_get_can_import (dialog));
  g_assert_false (mc_result_import_dialog_import (dialog));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 5);
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-import-errors");

  /* Only the rows with problems: the three wrong ones. */
  mc_result_import_dialog_set_only_problems (dialog, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  first = g_list_model_get_item (rows, 0);
  g_assert_cmpuint (mc_import_row_item_get_row (first)->line, ==, 3);
  g_assert_cmpint (mc_import_row_item_get_cell_severity (first, 3), ==, MC_IMPORT_SEVERITY_ERROR);
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-import-only-problems");

  /* Saved for whoever exported the file. */
  mc_result_import_dialog_save_problems (dialog, problems_file);
  g_assert_true (mc_result_import_dialog_get_busy (dialog));
  g_assert_true (mc_gui_test_wait (import_read, dialog));
  g_assert_true (g_file_get_contents (problems_path, &problems, NULL, NULL));
  g_assert_nonnull (strstr (problems, "S1001"));
  g_assert_nonnull (strstr (problems, "2026-13-01"));

  /* Reading the grade from another column checks every row again: the
   * notes are no grades either. */
  mc_result_import_dialog_set_column (dialog, 5, MC_IMPORT_COLUMN_GRADE);
  g_assert_cmpint (mc_import_column_get_label (MC_IMPORT_COLUMN_GRADE) != NULL, ==, TRUE);
  g_assert_cmpint (mc_result_import_get_column (mc_result_import_dialog_get_import (dialog), 5), ==,
                   MC_IMPORT_COLUMN_GRADE);
  g_assert_cmpint (mc_result_import_get_column (mc_result_import_dialog_get_import (dialog), 3), ==,
                   MC_IMPORT_COLUMN_IGNORE);
  g_assert_false (mc_result_import_dialog_get_can_import (dialog));

  /* Nothing was recorded. */
  results = mc_store_list_results (f->inst->store, mc_offerings_window_get_offering (f->offerings)->id, NULL);
  g_assert_cmpuint (results->len, ==, 0);
}

static gboolean
window_gone (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_import_clean (Fixture *f, gconstpointer data)
{
  McResultImportDialog *dialog = preview (f, "results.csv",
                                          "Student number,First name,Surname,Grade,Completed\n"
                                          "S1001,Anna,Jansen,72,2026-02-27\n"
                                          "S1002,Bram,de Vries,Fail,2026-02-27\n"
                                          "S1003,Chloé,Bakker,65,2026-02-26\n"
                                          "S1004,Dimitris,Παπαδόπουλος,81,2026-02-26\n"
                                          "S1005,Zofia,Wiśniewska,58,2026-02-25\n");
  GListModel *results = NULL;
  g_autofree char *mapping = NULL;
  g_autoptr(McResultItem) bram = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_nonnull (strstr (mc_result_import_dialog_get_summary (dialog), "0 errors"));
  g_assert_true (mc_result_import_dialog_get_can_import (dialog));
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-import-clean");

  g_assert_true (mc_result_import_dialog_import (dialog));
  g_assert_true (mc_gui_test_wait (window_gone, &dialog));
  g_assert_true (mc_gui_test_wait (results_loaded, f->offerings));

  /* The window lists them, with what happens to their credentials. */
  results = mc_offerings_window_get_results (f->offerings);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 5);
  for (guint i = 0; bram == NULL && i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(McResultItem) item = g_list_model_get_item (results, i);

      if (g_str_equal (mc_result_item_get_result (item)->learner->student_id, "S1002"))
        bram = g_steal_pointer (&item);
    }
  g_assert_nonnull (bram);
  g_assert_cmpstr (mc_result_item_get_name (bram), ==, "Bram de Vries");
  g_assert_false (mc_result_item_get_result (bram)->passed);
  g_assert_cmpstr (mc_result_item_get_credential_text (bram), ==, "—");
  g_assert_cmpuint (mc_offerings_window_get_offering (f->offerings)->n_results, ==, 5);
  g_assert_cmpuint (mc_offerings_window_get_offering (f->offerings)->n_passed, ==, 4);

  /* The columns are kept for the next file. */
  mapping = setting (f, MC_SETTING_RESULTS_CSV_MAPPING);
  g_assert_nonnull (strstr (mapping, "\"Student number\""));
  mc_gui_test_screenshot (GTK_WIDGET (f->offerings), "gui-issue-offerings");
}

/* Issuing */

/* The institution ready to issue: its verification address and an
 * Ed25519 key (quick to make) that signs; a cohort of @n who passed, the
 * first five of them with names from several scripts. */
static McOffering *
prepare_cohort (Fixture *f, guint n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McKeyring) keyring = mc_keyring_new (workflow (f, MC_TEST_ADMIN));
  g_autoptr(McKeyRecord) key = NULL;
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_result_input_free);
  McOffering *offering = NULL;
  static const char *names[][3] = {
    { "S2001", "Aoife", "Byrne" }, { "S2002", "Łukasz", "Nowak" }, { "S2003", "Ελένη", "Παππά" },
    { "S2004", "Mei", "王" }, { "S2005", "Youssef", "El Amrani" },
  };

  MC_TEST_ASSERT_OK (mc_workflow_set_setting (workflow (f, MC_TEST_ADMIN), MC_SETTING_VERIFICATION_URL,
                                              "https://credentials.hanze.example", &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (workflow (f, MC_TEST_ADMIN), MC_SETTING_SIGNING_ALGORITHM,
                                              "EdDSA", &error));
  key = mc_keyring_generate (keyring, MC_KEY_ALGORITHM_EDDSA, PASSPHRASE, FALSE, &error);
  g_assert_no_error (error);

  offering = add_offering (f, "2026-SPRING");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("S%04u", 3000 + i);
      g_autofree char *given = g_strdup_printf ("Learner %u", i + 1);

      if (i < G_N_ELEMENTS (names))
        g_ptr_array_add (inputs, mc_test_result_input (names[i][0], names[i][1], names[i][2], "74", TRUE));
      else
        g_ptr_array_add (inputs, mc_test_result_input (id, given, "Visser", "68", TRUE));
    }
  mc_test_record_results (f->inst, offering->id, inputs);
  return offering;
}

static McOffering *
prepare_issuing (Fixture *f)
{
  return prepare_cohort (f, 5);
}

static McIssueDialog *
open_issue (Fixture *f, McOffering *offering)
{
  McOfferingsWindow *window = open_offerings (f, MC_TEST_REGISTRAR);
  McIssueDialog *dialog = NULL;
  g_autofree char *exports = g_build_filename (f->inst->dir, "exports", offering->code, NULL);

  g_assert_true (mc_offerings_window_select_offering (window, offering->id));
  dialog = mc_offerings_window_issue (window);
  mc_issue_dialog_set_export_dir (dialog, exports);
  mc_gui_test_present (GTK_WINDOW (dialog));
  return dialog;
}

static gboolean
dialog_idle (gpointer data)
{
  return !mc_issue_dialog_get_running (data);
}

static void
test_issue_wrong_passphrase (Fixture *f, gconstpointer data)
{
  g_autoptr(McOffering) offering = prepare_issuing (f);
  McIssueDialog *dialog = open_issue (f, offering);

  g_assert_nonnull (strstr (mc_issue_dialog_get_intro (dialog), "5 learners passed"));
  g_assert_true (mc_issue_dialog_get_can_data_integrity (dialog));
  mc_issue_dialog_set_passphrase (dialog, "not the passphrase");
  g_assert_true (mc_issue_dialog_issue (dialog));
  g_assert_true (mc_gui_test_wait (dialog_idle, dialog));

  /* Said under the passphrase; the dialog stays on its form. */
  g_assert_cmpstr (mc_issue_dialog_get_passphrase_problem (dialog), ==, "The passphrase is not right for this key");
  g_assert_cmpstr (mc_issue_dialog_get_page (dialog), ==, "form");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_null (mc_store_find_unfinished_batch (f->inst->store, offering->id, NULL));
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-issue-wrong-passphrase");
}

typedef struct {
  gboolean stop;
} Watch;

static void
on_started (McIssueDialog *dialog, Watch *watch)
{
  /* Stopped before its first page is read. */
  if (watch->stop)
    mc_issue_dialog_stop (dialog);
}

static gboolean
dialog_ended (gpointer data)
{
  McIssueDialog *dialog = data;

  return !mc_issue_dialog_get_running (dialog) &&
         (g_str_equal (mc_issue_dialog_get_page (dialog), "done") ||
          g_str_equal (mc_issue_dialog_get_page (dialog), "stopped"));
}

static void
assert_issued (Fixture *f, McOffering *offering, guint expected)
{
  McCredentialQuery query = MC_CREDENTIAL_QUERY_INIT;
  GListModel *results = NULL;

  query.offering_id = offering->id;
  query.state = MC_CREDENTIAL_STATE_ACTIVE;
  g_assert_cmpuint (mc_store_count_credentials (f->inst->store, &query, NULL), ==, expected);

  /* The window shows them issued. */
  g_assert_true (mc_gui_test_wait (results_loaded, f->offerings));
  results = mc_offerings_window_get_results (f->offerings);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(McResultItem) item = g_list_model_get_item (results, i);

      g_assert_cmpstr (mc_result_item_get_credential_text (item), ==, "Issued");
    }
}

static void
test_issue_run (Fixture *f, gconstpointer data)
{
  g_autoptr(McOffering) offering = prepare_issuing (f);
  McIssueDialog *dialog = open_issue (f, offering);
  Watch watch = { 0 };
  g_autofree char *manifest = NULL;

  g_signal_connect (dialog, "started", G_CALLBACK (on_started), &watch);
  mc_issue_dialog_set_passphrase (dialog, PASSPHRASE);
  mc_issue_dialog_set_data_integrity (dialog, TRUE);
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-issue");
  g_assert_true (mc_issue_dialog_issue (dialog));
  g_assert_true (mc_issue_dialog_get_running (dialog));
  g_assert_true (mc_gui_test_wait (dialog_ended, dialog));

  g_assert_cmpstr (mc_issue_dialog_get_page (dialog), ==, "done");
  g_assert_cmpstr (mc_issue_dialog_get_outcome (dialog), ==, "5 Credentials Issued");
  g_assert_cmpstr (mc_issue_dialog_get_progress_text (dialog), ==, "5 of 5");
  g_assert_nonnull (mc_issue_dialog_get_batch (dialog));
  g_assert_true (mc_issue_dialog_get_batch (dialog)->data_integrity);
  manifest = g_build_filename (mc_issue_dialog_get_batch (dialog)->export_dir, "manifest.json", NULL);
  g_assert_true (g_file_test (manifest, G_FILE_TEST_IS_REGULAR));
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-issue-done");
  assert_issued (f, offering, 5);
  mc_gui_test_screenshot (GTK_WIDGET (f->offerings), "gui-issue-offerings-issued");
}

/* Part of the cohort issued, not all of it. */
static gboolean
partly_issued (gpointer data)
{
  const char *text = mc_issue_dialog_get_progress_text (data);
  guint done = 0, total = 0;

  return text != NULL && sscanf (text, "%u of %u", &done, &total) == 2 && done > 0 && done < total;
}

static void
test_issue_progress (Fixture *f, gconstpointer data)
{
  g_autoptr(McOffering) offering = prepare_cohort (f, 130);
  McIssueDialog *dialog = open_issue (f, offering);
  GtkWidget *bar = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), MC_TYPE_ISSUE_DIALOG,
                                                              "progress_bar"));
  const char *text = NULL;

  /* The issuer reports each page of 64 as it is stored; the window
   * shows it while the rest is signed. */
  mc_issue_dialog_set_passphrase (dialog, PASSPHRASE);
  g_assert_true (mc_issue_dialog_issue (dialog));
  g_assert_true (mc_gui_test_wait (partly_issued, dialog));
  text = mc_issue_dialog_get_progress_text (dialog);
  g_assert_cmpstr (gtk_progress_bar_get_text (GTK_PROGRESS_BAR (bar)), ==, text);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), >, 0);
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), <, 1);
  g_assert_cmpstr (mc_issue_dialog_get_page (dialog), ==, "progress");
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-issue-progress");

  g_assert_true (mc_gui_test_wait (dialog_ended, dialog));
  g_assert_cmpstr (mc_issue_dialog_get_outcome (dialog), ==, "130 Credentials Issued");
  g_assert_cmpstr (mc_issue_dialog_get_progress_text (dialog), ==, "130 of 130");
}

static void
test_issue_stop_and_resume (Fixture *f, gconstpointer data)
{
  g_autoptr(McOffering) offering = prepare_cohort (f, 130);
  McIssueDialog *dialog = open_issue (f, offering);
  Watch watch = { .stop = TRUE };
  g_autoptr(McIssueBatch) unfinished = NULL;
  g_autofree char *intro = NULL;

  /* Stopped as soon as it starts: the page under way is finished, the
   * rest is kept for later; nothing is lost. */
  g_signal_connect (dialog, "started", G_CALLBACK (on_started), &watch);
  mc_issue_dialog_set_passphrase (dialog, PASSPHRASE);
  g_assert_true (mc_issue_dialog_issue (dialog));
  g_assert_true (mc_gui_test_wait (dialog_ended, dialog));
  g_assert_cmpstr (mc_issue_dialog_get_page (dialog), ==, "stopped");
  g_assert_cmpstr (mc_issue_dialog_get_outcome (dialog), ==, "Issuing Stopped");
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-issue-stopped");
  unfinished = mc_store_find_unfinished_batch (f->inst->store, offering->id, NULL);
  g_assert_nonnull (unfinished);
  g_assert_cmpint (unfinished->state, ==, MC_BATCH_STATE_CANCELLED);
  g_assert_cmpuint (unfinished->total, ==, 130);
  g_assert_cmpuint (unfinished->issued, >, 0);
  g_assert_cmpuint (unfinished->issued, <, 130);

  /* A new dialog offers to continue it, and does. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  dialog = mc_offerings_window_issue (f->offerings);
  mc_gui_test_present (GTK_WINDOW (dialog));
  intro = g_strdup_printf ("An earlier batch stopped after %u of 130. Issue the remaining %u.",
                           unfinished->issued, 130 - unfinished->issued);
  g_assert_cmpstr (mc_issue_dialog_get_intro (dialog), ==, intro);
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-issue-issue-resume");
  watch.stop = FALSE;
  g_signal_connect (dialog, "started", G_CALLBACK (on_started), &watch);
  mc_issue_dialog_set_passphrase (dialog, PASSPHRASE);
  g_assert_true (mc_issue_dialog_issue (dialog));
  g_assert_true (mc_gui_test_wait (dialog_ended, dialog));
  g_assert_cmpstr (mc_issue_dialog_get_outcome (dialog), ==, "130 Credentials Issued");
  g_assert_cmpint (mc_issue_dialog_get_batch (dialog)->id, ==, unfinished->id);
  g_assert_null (mc_store_find_unfinished_batch (f->inst->store, offering->id, NULL));
  assert_issued (f, offering, 130);
}

static gboolean
message_dialog_shown (gpointer data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      {
        *(AdwMessageDialog **) data = l->data;
        return TRUE;
      }
  return FALSE;
}

static void
close_asks (McIssueDialog *dialog, Watch *watch)
{
  AdwMessageDialog *question = NULL;

  /* Closing mid-batch asks first; stopping ends it cleanly, then closes. */
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (mc_gui_test_wait (message_dialog_shown, &question));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  adw_message_dialog_response (question, "stop");
}

static void
test_issue_close_while_running (Fixture *f, gconstpointer data)
{
  g_autoptr(McOffering) offering = prepare_issuing (f);
  McIssueDialog *dialog = open_issue (f, offering);
  g_autoptr(McIssueBatch) unfinished = NULL;
  Watch watch = { 0 };

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_signal_connect (dialog, "started", G_CALLBACK (close_asks), &watch);
  mc_issue_dialog_set_passphrase (dialog, PASSPHRASE);
  g_assert_true (mc_issue_dialog_issue (dialog));
  g_assert_true (mc_gui_test_wait (window_gone, &dialog));

  /* Stopped between pages: either all five were done before the stop was
   * seen, or the batch waits for the next run. */
  unfinished = mc_store_find_unfinished_batch (f->inst->store, offering->id, NULL);
  if (unfinished != NULL)
    g_assert_cmpint (unfinished->state, ==, MC_BATCH_STATE_CANCELLED);
}

int
main (int argc, char *argv[])
{
  mc_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gui/issuing/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("institution", test_institution);
  ADD ("keys/generate", test_keys_generate);
  ADD ("keys/import", test_keys_import);
  ADD ("keys/read-only", test_keys_read_only);
  ADD ("workflow-bar", test_workflow_bar);
  ADD ("offering/new", test_offering_new);
  ADD ("import/errors", test_import_errors);
  ADD ("import/clean", test_import_clean);
  ADD ("issue/wrong-passphrase", test_issue_wrong_passphrase);
  ADD ("issue/run", test_issue_run);
  ADD ("issue/progress", test_issue_progress);
  ADD ("issue/stop-and-resume", test_issue_stop_and_resume);
  ADD ("issue/close-while-running", test_issue_close_while_running);
#undef ADD

  return g_test_run ();
}
