/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The issuing screens: the institution's profile and signing keys in the
 * administration window, an active design's offerings and results, the
 * preview of a results file, and issuing a cohort with its progress,
 * cancelling and resuming.  Each test runs on a throw-away institution in
 * a database file (the batch issuer and the key jobs open their own
 * connections to it).  Run under tests/run-with-display. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mc-admin-window.h"
#include "mc-gui-test-util.h"
#include "workflow-fixture.h"

typedef struct {
  McTestInstitution *inst;
  McValidator       *validator;
  McAdminWindow     *admin;
  GtkWindow         *window;     /* the window under test, destroyed at the end */
} Fixture;

/* Removes @path and everything in it (keys and exports live in folders
 * beside the database, which the institution's own cleanup leaves). */
static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_remove (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

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
  if (f->admin != NULL)
    gtk_window_destroy (GTK_WINDOW (f->admin));
  if (f->window != NULL)
    gtk_window_destroy (f->window);
  mc_gui_test_spin ();
  g_clear_object (&f->validator);
  mc_test_institution_free (f->inst);
  remove_tree (dir);
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
  f->admin = mc_admin_window_new (workflow (f, person), f->validator);
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

static void
test_keys_generate (Fixture *f, gconstpointer data)
{
  McAdminKeysPage *page = NULL;
  McKeyGenerateDialog *dialog = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  McKeyRecord *key = NULL;
  const char *subtitle = NULL;

  page = mc_admin_window_get_keys_page (open_admin (f, MC_TEST_ADMIN, "keys"));
  g_assert_true (mc_admin_keys_page_get_editable (page));
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

static void
test_keys_read_only (Fixture *f, gconstpointer data)
{
  McAdminKeysPage *page = NULL;
  GtkWidget *generate = NULL;
  GtkWidget *note = NULL;
  g_autoptr(McKeyRecord) key = mc_test_add_key (f->inst, "registrar-sees-this", MC_KEY_KIND_RSA);
  g_autoptr(GPtrArray) keys = NULL;

  page = mc_admin_window_get_keys_page (open_admin (f, MC_TEST_REGISTRAR, "keys"));
  g_assert_false (mc_admin_keys_page_get_editable (page));
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
  g_assert_nonnull (mc_gui_test_take_message ());
  g_assert_false (mc_admin_keys_page_set_algorithm (page, "EdDSA"));
  g_assert_nonnull (mc_admin_keys_page_get_problem (page));
  keys = mc_store_list_keys (f->inst->store, NULL);
  g_assert_cmpint (((McKeyRecord *) g_ptr_array_index (keys, 0))->retired_at, ==, 0);
}

int
main (int argc, char *argv[])
{
  mc_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gui/issuing/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("institution", test_institution);
  ADD ("keys/generate", test_keys_generate);
  ADD ("keys/read-only", test_keys_read_only);
#undef ADD

  return g_test_run ();
}
