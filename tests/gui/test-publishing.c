/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The publishing page of the administration window: starting the
 * publishing service after the signing key's passphrase and fetching what
 * it serves at the address shown, a wrong passphrase, a port in use,
 * stopping, publishing going on in the application after the window
 * closes (shown again by a new window and by the main window's
 * indicator), HTTPS files, did:web, the static export and cancelling it,
 * and the page read-only for others.  Each test runs on a
 * throw-away institution in a database file.  Run under
 * tests/run-with-display. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "folder-fixture.h"
#include "mc-admin-window.h"
#include "mc-application.h"
#include "mc-gui-test-util.h"
#include "mc-keyring.h"
#include "mc-publishing-indicator.h"
#include "mc-window.h"
#include "workflow-fixture.h"

#define PASSPHRASE "Vier paarden op de dijk"
#define BASE       "https://credentials.hanze.example"

typedef struct {
  McTestInstitution *inst;
  McValidator       *validator;
  McApplication     *app;      /* runs publishing; never registered */
  McAdminWindow     *admin;
} Fixture;

/* The institution ready to publish: its verification address and an
 * Ed25519 key (quick to make) that signs. */
static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McKeyring) keyring = NULL;
  g_autoptr(McKeyRecord) key = NULL;
  McWorkflow *admin = NULL;

  f->inst = mc_test_institution_new ();
  f->validator = mc_validator_new ();
  f->app = mc_application_new ();
  admin = mc_test_workflow (f->inst, MC_TEST_ADMIN);
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_VERIFICATION_URL, BASE, &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_SIGNING_ALGORITHM, "EdDSA", &error));
  keyring = mc_keyring_new (admin);
  key = mc_keyring_generate (keyring, MC_KEY_ALGORITHM_EDDSA, PASSPHRASE, FALSE, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_autofree char *dir = g_strdup (f->inst->dir);

  g_free (mc_gui_test_take_message ());
  mc_gui_test_destroy_windows ();
  g_clear_object (&f->app);
  g_clear_object (&f->validator);
  mc_test_institution_free (f->inst);
  mc_test_remove_tree (dir);
}

static McAdminPublishingPage *
open_page (Fixture *f, McTestPerson person)
{
  f->admin = mc_admin_window_new (f->app, mc_test_workflow (f->inst, person), f->validator);
  gtk_window_set_default_size (GTK_WINDOW (f->admin), 720, 1000);
  mc_gui_test_present (GTK_WINDOW (f->admin));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (f->admin), "publishing");
  return mc_admin_window_get_publishing_page (f->admin);
}

static GtkWidget *
child (McAdminPublishingPage *page, const char *name)
{
  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), MC_TYPE_ADMIN_PUBLISHING_PAGE, name));
}

/* A port nobody listens on (now). */
static guint
free_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, &error);

  g_assert_no_error (error);
  g_socket_listener_close (listener);
  return port;
}

static gboolean
unlocking_done (gpointer data)
{
  return !mc_key_unlock_dialog_get_busy (data);
}

/* Types @passphrase into @dialog and unlocks; TRUE when the dialog
 * closed (the key was open), FALSE when it stayed with a problem. */
static gboolean
unlock (McKeyUnlockDialog *dialog, const char *passphrase)
{
  gboolean closed = FALSE;

  g_assert_nonnull (dialog);
  /* Kept alive past its closing, to ask whether it closed. */
  g_object_ref (dialog);
  mc_gui_test_present (GTK_WINDOW (dialog));
  mc_key_unlock_dialog_set_passphrase (dialog, passphrase);
  g_assert_true (mc_key_unlock_dialog_unlock (dialog));
  g_assert_true (mc_gui_test_wait (unlocking_done, dialog));
  mc_gui_test_spin ();
  closed = !gtk_widget_get_visible (GTK_WIDGET (dialog));
  g_object_unref (dialog);
  return closed;
}

/* Fetching, while the main loop (which the service runs in) turns. */

typedef struct {
  GBytes  *body;
  GError  *error;
  guint    status;
  gboolean done;
} Fetch;

static void
on_fetched (GObject *source, GAsyncResult *result, gpointer data)
{
  Fetch *fetch = data;

  fetch->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &fetch->error);
  fetch->done = TRUE;
}

static gboolean
fetch_done (gpointer data)
{
  return ((Fetch *) data)->done;
}

static gboolean
accept_any_certificate (SoupMessage *message, GTlsCertificate *certificate, GTlsCertificateFlags errors,
                        gpointer data)
{
  return TRUE;  /* the test's own self-signed certificate */
}

/* GETs @url; the status, or 0 with @error set when nothing answered. */
static guint
fetch (const char *url, GBytes **body, GError **error)
{
  g_autoptr(SoupSession) session = soup_session_new_with_options ("timeout", 5, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);
  Fetch result = { NULL, NULL, 0, FALSE };

  g_signal_connect (message, "accept-certificate", G_CALLBACK (accept_any_certificate), NULL);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, on_fetched, &result);
  g_assert_true (mc_gui_test_wait (fetch_done, &result));
  if (result.error != NULL)
    {
      g_propagate_error (error, result.error);
      return 0;
    }
  *body = result.body;
  return soup_message_get_status (message);
}

/* The issuer's profile served at @url. */
static void
assert_serves_issuer (const char *url)
{
  g_autofree char *issuer = g_strconcat (url, "issuer", NULL);
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *profile = NULL;

  g_assert_cmpuint (fetch (issuer, &body, &error), ==, 200);
  g_assert_no_error (error);
  MC_TEST_ASSERT_OK (json_parser_load_from_data (parser, g_bytes_get_data (body, NULL),
                                                 (gssize) g_bytes_get_size (body), &error));
  profile = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (profile, "id"), ==, BASE "/issuer");
  g_assert_cmpstr (json_object_get_string_member (profile, "name"), ==, "Hanze Polytechnic");
}

static void
assert_nothing_listens (guint port)
{
  g_autoptr(GSocketClient) client = g_socket_client_new ();
  g_autoptr(GSocketConnection) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = g_socket_client_connect_to_host (client, "127.0.0.1", port, NULL, &error);
  g_assert_null (connection);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED);
}

/* The passphrase dialog on screen (transfer none). */
static McKeyUnlockDialog *
find_unlock_dialog (void)
{
  return mc_gui_test_find_window (MC_TYPE_KEY_UNLOCK_DIALOG);
}

/* Types @port and switches publishing on, as a click does (the port
 * typed but not confirmed with Enter); the passphrase dialog it opens. */
static McKeyUnlockDialog *
switch_on (McAdminPublishingPage *page, guint port)
{
  GtkSwitch *toggle = GTK_SWITCH (child (page, "publish_switch"));
  g_autofree char *typed = g_strdup_printf ("%u", port);

  gtk_editable_set_text (GTK_EDITABLE (child (page, "port_spin")), typed);
  gtk_switch_set_active (toggle, TRUE);
  g_assert_cmpstr (mc_admin_publishing_page_get_status (page), ==, "Waiting for the signing key’s passphrase…");
  g_assert_false (gtk_switch_get_state (toggle));
  g_assert_false (mc_admin_publishing_page_get_running (page));
  return find_unlock_dialog ();
}

/* Starting */

static void
test_start_stop (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *page = open_page (f, MC_TEST_ADMIN);
  GtkSwitch *toggle = GTK_SWITCH (child (page, "publish_switch"));
  guint port = free_port ();
  g_autofree char *expected = g_strdup_printf ("http://127.0.0.1:%u/", port);
  g_autofree char *url = NULL;
  gint64 began = 0;

  g_assert_false (gtk_switch_get_active (toggle));
  g_assert_cmpstr (mc_admin_publishing_page_get_status (page), ==, "Not publishing");
  g_assert_false (gtk_widget_get_visible (child (page, "url_row")));
  g_assert_false (mc_admin_publishing_page_get_network_warning (page));
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-publishing-off");

  began = g_get_monotonic_time ();
  g_assert_true (unlock (switch_on (page, port), PASSPHRASE));
  /* Not a timed test: how long unlocking (in a worker) and starting took. */
  g_test_message ("unlocked and started in %" G_GINT64_FORMAT " ms", (g_get_monotonic_time () - began) / 1000);
  g_assert_true (mc_admin_publishing_page_get_running (page));
  g_assert_null (mc_admin_publishing_page_get_problem (page));
  g_assert_true (gtk_switch_get_active (toggle));
  g_assert_true (gtk_switch_get_state (toggle));
  g_assert_cmpstr (mc_admin_publishing_page_get_status (page), ==, "Publishing over HTTP, with signed status lists");

  /* The address shown is the one it answers at. */
  url = mc_admin_publishing_page_dup_url (page);
  g_assert_cmpstr (url, ==, expected);
  g_assert_true (gtk_widget_get_visible (child (page, "url_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "url_row"))), ==, url);
  g_assert_cmpstr (gtk_link_button_get_uri (GTK_LINK_BUTTON (child (page, "open_button"))), ==, url);
  g_assert_false (gtk_widget_get_sensitive (child (page, "port_row")));
  assert_serves_issuer (url);
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-publishing-running");

  /* Switching off stops it. */
  gtk_switch_set_active (toggle, FALSE);
  g_assert_false (mc_admin_publishing_page_get_running (page));
  g_assert_false (gtk_switch_get_state (toggle));
  g_assert_cmpstr (mc_admin_publishing_page_get_status (page), ==, "Not publishing");
  g_assert_false (gtk_widget_get_visible (child (page, "url_row")));
  g_assert_true (gtk_widget_get_sensitive (child (page, "port_row")));
  assert_nothing_listens (port);
}

static void
test_wrong_passphrase (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *page = open_page (f, MC_TEST_ADMIN);
  guint port = free_port ();
  McKeyUnlockDialog *dialog = switch_on (page, port);

  g_assert_false (unlock (dialog, "not the passphrase"));
  g_assert_cmpstr (mc_key_unlock_dialog_get_problem (dialog), ==, "The passphrase is not right for this key");
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "gui-publishing-wrong-passphrase");
  g_assert_false (mc_admin_publishing_page_get_running (page));
  assert_nothing_listens (port);

  /* Giving up leaves it off. */
  gtk_window_close (GTK_WINDOW (dialog));
  mc_gui_test_spin ();
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (child (page, "publish_switch"))));
  g_assert_cmpstr (mc_admin_publishing_page_get_status (page), ==, "Not publishing");
  assert_nothing_listens (port);
}

static void
test_port_in_use (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *page = open_page (f, MC_TEST_ADMIN);
  g_autoptr(GSocketListener) taken = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (taken, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (unlock (switch_on (page, port), PASSPHRASE));
  g_assert_false (mc_admin_publishing_page_get_running (page));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (child (page, "publish_switch"))));
  g_assert_true (g_str_has_prefix (mc_admin_publishing_page_get_problem (page),
                                   "Another program already uses port"));
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-publishing-port-in-use");

  /* Not an address: said plainly, nothing starts. */
  mc_admin_publishing_page_set_address (page, "publish.example");
  g_assert_true (unlock (switch_on (page, 0), PASSPHRASE));
  g_assert_false (mc_admin_publishing_page_get_running (page));
  g_assert_nonnull (strstr (mc_admin_publishing_page_get_problem (page), "is not an IP address"));
}

static void
test_network_address (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *page = open_page (f, MC_TEST_ADMIN);

  mc_admin_publishing_page_set_address (page, "0.0.0.0");
  g_assert_true (mc_admin_publishing_page_get_network_warning (page));
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-publishing-network");
  mc_admin_publishing_page_set_address (page, "192.0.2.10");
  g_assert_true (mc_admin_publishing_page_get_network_warning (page));
  mc_admin_publishing_page_set_address (page, "::1");
  g_assert_false (mc_admin_publishing_page_get_network_warning (page));
  mc_admin_publishing_page_set_address (page, "127.0.0.1");
  g_assert_false (mc_admin_publishing_page_get_network_warning (page));
}

/* Publishing is the application's: closing the administration window
 * leaves it answering, a new window shows it running and stops it. */
static void
test_close_keeps_publishing (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *page = open_page (f, MC_TEST_ADMIN);
  guint port = free_port ();
  g_autofree char *url = NULL;
  g_autofree char *shown = NULL;
  McPublishingService *service = NULL;

  g_assert_true (unlock (switch_on (page, port), PASSPHRASE));
  g_assert_true (mc_admin_publishing_page_get_running (page));
  url = mc_admin_publishing_page_dup_url (page);
  service = mc_application_get_publishing_service (f->app);
  g_assert_nonnull (service);

  gtk_window_close (GTK_WINDOW (f->admin));
  mc_gui_test_spin ();
  g_assert_true (mc_application_get_publishing_service (f->app) == service);
  assert_serves_issuer (url);

  /* A new window shows it running, with its address. */
  page = open_page (f, MC_TEST_ADMIN);
  g_assert_true (mc_admin_publishing_page_get_running (page));
  shown = mc_admin_publishing_page_dup_url (page);
  g_assert_cmpstr (shown, ==, url);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (child (page, "publish_switch"))));
  g_assert_true (gtk_switch_get_state (GTK_SWITCH (child (page, "publish_switch"))));
  g_assert_cmpstr (mc_admin_publishing_page_get_status (page), ==, "Publishing over HTTP, with signed status lists");
  g_assert_true (gtk_widget_get_visible (child (page, "url_row")));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "url_row"))), ==, url);
  g_assert_false (gtk_widget_get_sensitive (child (page, "port_row")));
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-publishing-reopened");

  /* Switching off there stops the application's service. */
  gtk_switch_set_active (GTK_SWITCH (child (page, "publish_switch")), FALSE);
  g_assert_null (mc_application_get_publishing_service (f->app));
  g_assert_false (mc_admin_publishing_page_get_running (page));
  g_assert_cmpstr (mc_admin_publishing_page_get_status (page), ==, "Not publishing");
  assert_nothing_listens (port);
}

/* Two windows follow the one service: stopped in one, both show it. */
static void
test_two_windows (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *first = open_page (f, MC_TEST_ADMIN);
  McAdminPublishingPage *second = NULL;

  g_assert_true (unlock (switch_on (first, 0), PASSPHRASE));
  second = open_page (f, MC_TEST_ADMIN);
  g_assert_true (mc_admin_publishing_page_get_running (second));
  /* Already running: the second cannot start another. */
  g_assert_null (mc_admin_publishing_page_start (second));
  mc_admin_publishing_page_stop (second);
  g_assert_false (mc_admin_publishing_page_get_running (first));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (child (first, "publish_switch"))));
  g_assert_false (gtk_widget_get_visible (child (first, "url_row")));
}

/* The application stops publishing when it goes away. */
static void
test_application_stops (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *page = open_page (f, MC_TEST_ADMIN);
  guint port = free_port ();

  g_assert_true (unlock (switch_on (page, port), PASSPHRASE));
  gtk_window_destroy (GTK_WINDOW (f->admin));
  mc_gui_test_spin ();
  g_clear_object (&f->app);
  assert_nothing_listens (port);
}

/* The administration window on screen (transfer none), or NULL. */
static McAdminWindow *
find_admin_window (void)
{
  return mc_gui_test_find_window (MC_TYPE_ADMIN_WINDOW);
}

/* The main window's header shows publishing while it runs, and opens
 * the Publishing page. */
static void
test_indicator (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *expected = NULL;
  McWindow *window = NULL;
  McPublishingIndicator *indicator = NULL;
  McAdminPublishingPage *page = NULL;
  GtkMenuButton *button = NULL;

  /* Windows of an application need it registered (a private bus here). */
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  MC_TEST_ASSERT_OK (g_application_register (G_APPLICATION (f->app), NULL, &error));
  window = mc_window_new (f->app, mc_test_workflow (f->inst, MC_TEST_ADMIN), f->validator, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 700);
  mc_gui_test_present (GTK_WINDOW (window));
  indicator = MC_PUBLISHING_INDICATOR (gtk_widget_get_template_child (GTK_WIDGET (window), MC_TYPE_WINDOW,
                                                                      "publishing_indicator"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  g_assert_null (mc_publishing_indicator_get_text (indicator));

  /* Started from the administration window it opens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-publishing", NULL));
  f->admin = find_admin_window ();
  g_assert_nonnull (f->admin);
  page = mc_admin_window_get_publishing_page (f->admin);
  g_assert_cmpstr (adw_preferences_window_get_visible_page_name (ADW_PREFERENCES_WINDOW (f->admin)), ==,
                   "publishing");
  g_assert_true (unlock (switch_on (page, 0), PASSPHRASE));
  url = mc_admin_publishing_page_dup_url (page);
  expected = g_strconcat ("Publishing at ", url, NULL);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  g_assert_cmpstr (mc_publishing_indicator_get_text (indicator), ==, expected);

  /* It stays when the administration window closes, and opens it again. */
  gtk_window_destroy (GTK_WINDOW (f->admin));
  mc_gui_test_spin ();
  g_assert_null (find_admin_window ());
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  mc_gui_test_screenshot (GTK_WIDGET (window), "gui-publishing-indicator-empty");
  g_assert_true (mc_window_open_demo (window));
  mc_gui_test_screenshot (GTK_WIDGET (window), "gui-publishing-indicator");
  button = GTK_MENU_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (indicator)));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (button)), ==, expected);
  gtk_menu_button_popup (button);
  mc_gui_test_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (button)), "gui-publishing-indicator-popover");
  gtk_menu_button_popdown (button);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-publishing", NULL));
  f->admin = find_admin_window ();
  g_assert_nonnull (f->admin);
  page = mc_admin_window_get_publishing_page (f->admin);
  g_assert_true (mc_admin_publishing_page_get_running (page));

  mc_admin_publishing_page_stop (page);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (indicator)));
  g_assert_null (mc_publishing_indicator_get_text (indicator));
}

/* Closing the window while the passphrase is asked for starts nothing. */
static void
test_close_while_asking (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *page = open_page (f, MC_TEST_ADMIN);
  guint port = free_port ();
  McKeyUnlockDialog *dialog = switch_on (page, port);

  g_assert_nonnull (dialog);
  gtk_window_destroy (GTK_WINDOW (f->admin));
  mc_gui_test_spin ();
  g_assert_null (find_unlock_dialog ());
  assert_nothing_listens (port);
}

/* Settings */

static char *
setting (Fixture *f, const char *key)
{
  return mc_store_get_setting (f->inst->store, key, "");
}

/* A self-signed certificate and its key, made by openssl; FALSE (the test
 * skipped) without it. */
static gboolean
make_certificate (Fixture *f, char **certificate, char **key)
{
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed");
      return FALSE;
    }
  *certificate = g_build_filename (f->inst->dir, "cert.pem", NULL);
  *key = g_build_filename (f->inst->dir, "key.pem", NULL);
  {
    const char *argv[] = { openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256",
                           "-nodes", "-keyout", *key, "-out", *certificate, "-subj", "/CN=127.0.0.1",
                           "-days", "2", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static void
test_https (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *page = open_page (f, MC_TEST_ADMIN);
  g_autofree char *certificate = NULL;
  g_autofree char *key = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *url = NULL;

  if (!make_certificate (f, &certificate, &key))
    return;

  /* The certificate twice is no pair: said, nothing stored. */
  g_assert_false (mc_admin_publishing_page_set_tls_files (page, certificate, certificate));
  g_assert_nonnull (strstr (mc_admin_publishing_page_get_tls_problem (page), "cannot be used"));
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-publishing-bad-tls");
  stored = setting (f, MC_SETTING_PUBLISH_TLS_CERTIFICATE);
  g_assert_cmpstr (stored, ==, "");
  g_assert_false (gtk_widget_get_sensitive (child (page, "tls_clear_button")));

  /* One file alone is kept, with a word that the other is missing. */
  g_assert_true (mc_admin_publishing_page_set_tls_files (page, certificate, ""));
  g_assert_nonnull (strstr (mc_admin_publishing_page_get_tls_problem (page), "private key too"));

  g_assert_true (mc_admin_publishing_page_set_tls_files (page, certificate, key));
  g_assert_null (mc_admin_publishing_page_get_tls_problem (page));
  g_clear_pointer (&stored, g_free);
  stored = setting (f, MC_SETTING_PUBLISH_TLS_KEY);
  g_assert_cmpstr (stored, ==, key);
  g_assert_true (gtk_widget_get_sensitive (child (page, "tls_clear_button")));

  /* Publishing now speaks HTTPS. */
  g_assert_true (unlock (switch_on (page, 0), PASSPHRASE));
  g_assert_true (mc_admin_publishing_page_get_running (page));
  url = mc_admin_publishing_page_dup_url (page);
  g_assert_true (g_str_has_prefix (url, "https://127.0.0.1:"));
  g_assert_cmpstr (mc_admin_publishing_page_get_status (page), ==, "Publishing over HTTPS, with signed status lists");
  assert_serves_issuer (url);
  mc_admin_publishing_page_stop (page);

  /* Plain HTTP again. */
  g_signal_emit_by_name (child (page, "tls_clear_button"), "clicked");
  g_clear_pointer (&stored, g_free);
  stored = setting (f, MC_SETTING_PUBLISH_TLS_CERTIFICATE);
  g_assert_cmpstr (stored, ==, "");
}

static void
test_did_web (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *page = open_page (f, MC_TEST_ADMIN);
  GtkSwitch *toggle = GTK_SWITCH (child (page, "did_web_switch"));
  g_autofree char *on = NULL;
  g_autofree char *off = NULL;

  g_assert_false (gtk_switch_get_active (toggle));
  gtk_switch_set_active (toggle, TRUE);
  on = setting (f, MC_SETTING_PUBLISH_DID_WEB);
  g_assert_cmpstr (on, ==, "true");
  g_assert_true (mc_admin_publishing_page_set_did_web (page, FALSE));
  g_assert_false (gtk_switch_get_active (toggle));
  off = setting (f, MC_SETTING_PUBLISH_DID_WEB);
  g_assert_cmpstr (off, ==, "false");
}

/* The export */

static gboolean
export_done (gpointer data)
{
  return !mc_admin_publishing_page_get_exporting (data);
}

static void
assert_file (const char *dir, const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_error ("the export has no %s", name);
}

static void
test_export (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *page = open_page (f, MC_TEST_ADMIN);
  g_autofree char *dir = g_build_filename (f->inst->dir, "site", NULL);
  g_autofree char *issuer = g_build_filename (dir, "issuer", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  McKeyUnlockDialog *dialog = NULL;

  /* A wrong passphrase writes nothing. */
  dialog = mc_admin_publishing_page_export (page, dir);
  g_assert_false (unlock (dialog, "wrong"));
  gtk_window_close (GTK_WINDOW (dialog));
  mc_gui_test_spin ();
  g_assert_false (mc_admin_publishing_page_get_exporting (page));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  g_assert_true (unlock (mc_admin_publishing_page_export (page, dir), PASSPHRASE));
  g_assert_true (mc_gui_test_wait (export_done, page));
  g_assert_null (mc_admin_publishing_page_get_export_problem (page));
  g_assert_true (gtk_widget_get_sensitive (child (page, "export_button")));
  assert_file (dir, ".microcred-export");
  assert_file (dir, "keys.json");
  assert_file (dir, "status/revocation/0");
  assert_file (dir, "catalogue.json");
  assert_file (dir, "index.html");
  MC_TEST_ASSERT_OK (g_file_get_contents (issuer, &text, NULL, &error));
  MC_TEST_ASSERT_OK (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (json_parser_get_root (parser)), "id"),
                   ==, BASE "/issuer");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "export_row"))),
                            "Exported to"));
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-publishing-exported");

  /* A folder that holds something else is refused, plainly. */
  g_clear_pointer (&dir, g_free);
  dir = g_build_filename (f->inst->dir, "institution.db-keys", NULL);
  g_assert_true (unlock (mc_admin_publishing_page_export (page, dir), PASSPHRASE));
  g_assert_true (mc_gui_test_wait (export_done, page));
  g_assert_nonnull (strstr (mc_admin_publishing_page_get_export_problem (page), "is not an earlier export"));
}

/* A label showing @text below @widget (a toast's title), or NULL. */
static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks Cancel as soon as the export has begun (run after the page's
 * own handler of the passphrase dialog's ::unlocked). */
static void
cancel_once_begun (McAdminPublishingPage *page)
{
  g_assert_true (mc_admin_publishing_page_get_exporting (page));
  g_assert_true (gtk_widget_get_visible (child (page, "export_cancel_button")));
  g_assert_false (gtk_widget_get_visible (child (page, "export_button")));
  g_signal_emit_by_name (child (page, "export_cancel_button"), "clicked");
}

/* What the page said of an export cancelled as soon as it began: TRUE
 * when it was cancelled, and then the earlier export is untouched, with
 * nothing left beside it; FALSE when the worker had written it all
 * before the click reached it, and then the page says it is exported. */
static gboolean
export_and_cancel (Fixture *f, McAdminPublishingPage *page, const char *dir, const char *issuer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) parent = NULL;
  g_autofree char *text = NULL;
  McKeyUnlockDialog *dialog = NULL;
  const char *name = NULL;
  const char *said = NULL;

  MC_TEST_ASSERT_OK (g_file_set_contents (issuer, "earlier", -1, &error));
  dialog = mc_admin_publishing_page_export (page, dir);
  g_signal_connect_swapped (dialog, "unlocked", G_CALLBACK (cancel_once_begun), page);
  g_assert_true (unlock (dialog, PASSPHRASE));
  g_assert_true (mc_gui_test_wait (export_done, page));

  g_assert_null (mc_admin_publishing_page_get_export_problem (page));
  g_assert_true (gtk_widget_get_visible (child (page, "export_button")));
  g_assert_false (gtk_widget_get_visible (child (page, "export_cancel_button")));
  g_assert_false (gtk_widget_get_visible (child (page, "export_spinner")));
  MC_TEST_ASSERT_OK (g_file_get_contents (issuer, &text, NULL, &error));
  said = adw_action_row_get_subtitle (ADW_ACTION_ROW (child (page, "export_row")));
  if (said != NULL && g_str_has_prefix (said, "Exported to "))
    {
      g_assert_cmpstr (text, !=, "earlier");
      return FALSE;
    }
  g_assert_cmpstr (said, ==, "");
  g_assert_cmpstr (text, ==, "earlier");
  parent = g_dir_open (f->inst->dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (parent)) != NULL)
    g_assert_false (g_str_has_prefix (name, "site.new"));
  return TRUE;
}

static void
test_export_cancel (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *page = open_page (f, MC_TEST_ADMIN);
  g_autofree char *dir = g_build_filename (f->inst->dir, "site", NULL);
  g_autofree char *issuer = g_build_filename (dir, "issuer", NULL);
  guint attempts = 0;

  /* An earlier export, marked each time to tell it apart. */
  g_assert_true (unlock (mc_admin_publishing_page_export (page, dir), PASSPHRASE));
  g_assert_true (mc_gui_test_wait (export_done, page));
  /* The worker may finish this small export before the click reaches it;
   * what the page says must match the folder either way, and a cancel
   * must come through within a few tries. */
  while (!export_and_cancel (f, page, dir, issuer))
    g_assert_cmpuint (++attempts, <, 10);
  g_test_message ("cancelled on try %u", attempts + 1);
  g_assert_nonnull (find_label (GTK_WIDGET (f->admin), "Export cancelled"));
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-publishing-export-cancelled");
}

/* Others */

static void
test_read_only (Fixture *f, gconstpointer data)
{
  McAdminPublishingPage *page = open_page (f, MC_TEST_REGISTRAR);
  const char *names[] = { "publish_switch", "certificate_button", "tls_key_button", "did_web_switch",
                          "export_button", "address_row", "port_row" };

  g_assert_false (mc_admin_page_get_editable (MC_ADMIN_PAGE (page)));
  g_assert_true (gtk_widget_get_visible (child (page, "note_group")));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_assert_false (gtk_widget_get_sensitive (child (page, names[i])));
      g_assert_cmpstr (gtk_widget_get_tooltip_text (child (page, names[i])), ==, "Only administrators can change this");
    }
  g_assert_null (mc_admin_publishing_page_start (page));
  g_assert_null (mc_admin_publishing_page_export (page, f->inst->dir));
  g_assert_null (find_unlock_dialog ());
  mc_gui_test_screenshot (GTK_WIDGET (f->admin), "gui-publishing-read-only");
}

int
main (int argc, char *argv[])
{
  mc_gui_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/gui/publishing/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("start-stop", test_start_stop);
  ADD ("wrong-passphrase", test_wrong_passphrase);
  ADD ("port-in-use", test_port_in_use);
  ADD ("network-address", test_network_address);
  ADD ("close-keeps-publishing", test_close_keeps_publishing);
  ADD ("two-windows", test_two_windows);
  ADD ("application-stops", test_application_stops);
  ADD ("indicator", test_indicator);
  ADD ("close-while-asking", test_close_while_asking);
  ADD ("https", test_https);
  ADD ("did-web", test_did_web);
  ADD ("export", test_export);
  ADD ("export-cancel", test_export_cancel);
  ADD ("read-only", test_read_only);
#undef ADD
  return g_test_run ();
}
