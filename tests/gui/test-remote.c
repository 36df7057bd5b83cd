/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Verify Credential online and Record Recognition: a partner's documents,
 * written by remote-samples (tests/remote-samples.c) for the address of a
 * SoupServer on 127.0.0.1 in this test, verified through the dialog as a
 * registrar does; a status list server answering 500; a recognition
 * recorded, and refused.  Run under tests/run-with-display. */
#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "folder-fixture.h"
#include "mc-gui-test-util.h"
#include "mc-recognition-dialog.h"
#include "mc-recognitions-window.h"
#include "mc-verify-dialog.h"
#include "workflow-fixture.h"

#define PARTNER_NAME "Université Partenaire"

typedef struct {
  McTestInstitution *inst;
  McDesign          *design;       /* active, of the registrar's unit */
  SoupServer        *server;
  char              *base;
  char              *dir;          /* remote-samples' output */
  char              *credential;
  char              *issuer_id;
  gboolean           fail_status;  /* status lists answer 500 */
  guint              n_cache;
} Partner;

static Partner partner;

/* The partner's web site */

static void
handle (SoupServer        *server,
        SoupServerMessage *msg,
        const char        *path,
        GHashTable        *query,
        gpointer           user_data)
{
  g_autofree char *file = NULL;
  g_autofree char *body = NULL;
  gsize size = 0;

  if (g_str_has_prefix (path, "/status/") && partner.fail_status)
    {
      soup_server_message_set_status (msg, 500, NULL);
      return;
    }
  file = g_build_filename (partner.dir, "site", path, NULL);
  if (strstr (path, "..") != NULL || !g_file_get_contents (file, &body, &size, NULL))
    {
      soup_server_message_set_status (msg, 404, NULL);
      return;
    }
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, g_str_has_prefix (path, "/status/") ? "application/jwt" : "application/json",
                                    SOUP_MEMORY_COPY, body, size);
}

static void
partner_set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSList) uris = NULL;
  const char *samples = g_getenv ("MC_REMOTE_SAMPLES");
  const char *argv[4] = { samples, NULL, NULL, NULL };
  g_autofree char *path = NULL;
  int status = 0;

  g_assert_nonnull (samples);
  partner.inst = mc_test_institution_new ();
  partner.design = mc_test_create_design (partner.inst);
  mc_test_make_active (partner.inst, partner.design);

  partner.server = soup_server_new (NULL, NULL);
  soup_server_add_handler (partner.server, NULL, handle, NULL, NULL);
  soup_server_listen_local (partner.server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (partner.server);
  partner.base = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);

  partner.dir = g_dir_make_tmp ("mc-remote-XXXXXX", &error);
  g_assert_no_error (error);
  argv[1] = partner.base;
  argv[2] = partner.dir;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  path = g_build_filename (partner.dir, "credential.jwt", NULL);
  g_file_get_contents (path, &partner.credential, NULL, &error);
  g_assert_no_error (error);
}

static void
partner_tear_down (void)
{
  soup_server_disconnect (partner.server);
  g_clear_object (&partner.server);
  mc_test_remove_tree (partner.dir);
  g_clear_object (&partner.design);
  g_clear_pointer (&partner.inst, mc_test_institution_free);
  g_free (partner.base);
  g_free (partner.dir);
  g_free (partner.credential);
  g_free (partner.issuer_id);
}

/* The dialog, with a verifier of its own on a fresh cache */

static McVerifyDialog *
verify_dialog (McTestPerson person)
{
  g_autofree char *cache = g_strdup_printf ("%s/cache-%u", partner.dir, ++partner.n_cache);
  g_autoptr(McRemoteVerifier) verifier = mc_remote_verifier_new (partner.inst->store);
  McVerifyDialog *dialog = NULL;

  mc_remote_verifier_set_cache_directory (verifier, cache);
  mc_remote_verifier_set_timeouts (verifier, 5, 10);
  dialog = g_object_new (MC_TYPE_VERIFY_DIALOG,
                         "workflow", mc_test_workflow (partner.inst, person),
                         "verifier", verifier,
                         NULL);
  mc_gui_test_present (GTK_WINDOW (dialog));
  return dialog;
}

static gboolean
dialog_done (gpointer data)
{
  return !mc_verify_dialog_get_busy (data);
}

static void
verify (McVerifyDialog *dialog)
{
  mc_verify_dialog_verify_text (dialog, partner.credential);
  g_assert_true (mc_verify_dialog_get_busy (dialog));
  g_assert_true (mc_gui_test_wait (dialog_done, dialog));
  g_assert_null (mc_verify_dialog_get_error (dialog));
}

static const char *
issuer_id (void)
{
  if (partner.issuer_id == NULL)
    {
      g_autoptr(McRemoteVerifier) verifier = mc_remote_verifier_new (NULL);
      g_autoptr(McVerification) verification = NULL;
      g_autoptr(GError) error = NULL;

      mc_remote_verifier_set_offline (verifier, TRUE);
      verification = mc_remote_verifier_verify (verifier, partner.credential, NULL, &error);
      g_assert_no_error (error);
      partner.issuer_id = g_strdup (mc_verification_get_issuer_id (verification));
    }
  return partner.issuer_id;
}

static void
add_partner (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McPartnerIssuer) found = mc_store_find_partner (partner.inst->store, issuer_id (), &error);

  g_assert_no_error (error);
  if (found == NULL)
    g_assert_cmpint (mc_workflow_add_partner (mc_test_workflow (partner.inst, MC_TEST_ADMIN), issuer_id (),
                                              PARTNER_NAME, "Erasmus+ agreement", &error), >, 0);
  g_assert_no_error (error);
}

/* Tests */

static void
test_verify_partner (void)
{
  McVerifyDialog *dialog = verify_dialog (MC_TEST_REGISTRAR);
  g_autofree char *expected = g_strdup_printf ("From a trusted partner: “%s”", PARTNER_NAME);

  /* Not listed yet: valid, but not a partner. */
  g_assert_false (mc_verify_dialog_get_offline (dialog));
  verify (dialog);
  g_assert_cmpstr (mc_verify_dialog_get_verdict_text (dialog), ==, "Valid");
  g_assert_cmpstr (mc_verify_dialog_get_trust_text (dialog), ==,
                   "Valid, but the issuer is not one of our trusted partners");
  g_assert_null (mc_verify_dialog_get_not_checked_text (dialog));

  add_partner ();
  verify (dialog);
  g_assert_cmpstr (mc_verify_dialog_get_verdict_text (dialog), ==, "Valid");
  g_assert_cmpint (mc_verification_get_issuer_trust (mc_verify_dialog_get_verification (dialog)), ==,
                   MC_ISSUER_TRUST_PARTNER);
  g_assert_cmpstr (mc_verify_dialog_get_trust_text (dialog), ==, expected);
  g_assert_true (mc_verify_dialog_get_can_recognise (dialog, NULL));
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "verify-partner");

  /* Offline now finds it all in the cache. */
  mc_verify_dialog_set_offline (dialog, TRUE);
  verify (dialog);
  g_assert_cmpstr (mc_verify_dialog_get_verdict_text (dialog), ==, "Valid");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_server_error (void)
{
  McVerifyDialog *dialog = verify_dialog (MC_TEST_REGISTRAR);
  const char *reason = NULL;

  partner.fail_status = TRUE;
  verify (dialog);
  partner.fail_status = FALSE;
  g_assert_cmpstr (mc_verify_dialog_get_verdict_text (dialog), ==, "Incomplete");
  g_assert_nonnull (mc_verify_dialog_get_not_checked_text (dialog));
  g_assert_nonnull (strstr (mc_verify_dialog_get_not_checked_text (dialog), "500"));
  /* Only partly verified: the core's reason, and no dialog. */
  g_assert_false (mc_verify_dialog_get_can_recognise (dialog, &reason));
  g_assert_nonnull (strstr (reason, "partly verified"));
  g_assert_null (mc_verify_dialog_record_recognition (dialog));
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "verify-server-error");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_offline_empty_cache (void)
{
  McVerifyDialog *dialog = verify_dialog (MC_TEST_REGISTRAR);

  mc_verify_dialog_set_offline (dialog, TRUE);
  verify (dialog);
  g_assert_cmpstr (mc_verify_dialog_get_verdict_text (dialog), !=, "Valid");
  g_assert_nonnull (mc_verify_dialog_get_not_checked_text (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_cancel (void)
{
  McVerifyDialog *dialog = verify_dialog (MC_TEST_REGISTRAR);

  mc_verify_dialog_verify_text (dialog, partner.credential);
  g_assert_true (mc_verify_dialog_get_busy (dialog));
  mc_verify_dialog_cancel (dialog);
  g_assert_false (mc_verify_dialog_get_busy (dialog));
  mc_gui_test_spin ();
  g_assert_null (mc_verify_dialog_get_verification (dialog));
  g_assert_null (mc_verify_dialog_get_error (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static gboolean
recognition_done (gpointer data)
{
  return !mc_recognition_dialog_get_busy (data);
}

static guint
n_recognitions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = mc_store_list_recognitions (partner.inst->store, &error);

  g_assert_no_error (error);
  return all->len;
}

static McEvent *
last_event (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = mc_store_list_events (partner.inst->store, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >, 0);
  return mc_event_copy (g_ptr_array_index (events, events->len - 1));
}

static void
test_recognise (void)
{
  McVerifyDialog *dialog = verify_dialog (MC_TEST_REGISTRAR);
  g_autoptr(McRecognitionDialog) recognition = NULL;
  g_autoptr(GPtrArray) recorded = NULL;
  g_autoptr(McEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  guint before = 0;
  McRecognition *r = NULL;

  /* None yet: the list says how to make one. */
  if (n_recognitions () == 0)
    {
      McRecognitionsWindow *empty = mc_recognitions_window_new (mc_test_workflow (partner.inst, MC_TEST_REGISTRAR));

      g_assert_cmpuint (mc_recognitions_window_get_n_rows (empty), ==, 0);
      gtk_window_destroy (GTK_WINDOW (empty));
    }
  add_partner ();
  verify (dialog);
  recognition = g_object_ref (mc_verify_dialog_record_recognition (dialog));
  g_assert_nonnull (recognition);
  mc_gui_test_present (GTK_WINDOW (recognition));
  g_assert_cmpuint (mc_recognition_dialog_get_n_designs (recognition), ==, 1);
  /* Bounded by what the credential states. */
  mc_recognition_dialog_set_ects (recognition, 200);
  g_assert_cmpfloat (mc_recognition_dialog_get_ects (recognition), <=,
                     mc_recognition_dialog_get_max_ects (recognition));
  g_assert_cmpfloat (mc_recognition_dialog_get_max_ects (recognition), <, 200);

  /* A programme without a name: refused, nothing recorded. */
  before = n_recognitions ();
  mc_recognition_dialog_choose_programme (recognition, "   ");
  mc_recognition_dialog_record (recognition);
  g_assert_true (mc_gui_test_wait (recognition_done, recognition));
  g_assert_nonnull (mc_recognition_dialog_get_problem (recognition));
  g_assert_cmpuint (n_recognitions (), ==, before);
  mc_gui_test_screenshot (GTK_WIDGET (recognition), "recognition-refused");

  g_assert_true (mc_recognition_dialog_choose_design (recognition, mc_design_get_id (partner.design)));
  mc_recognition_dialog_set_ects (recognition, 2.5);
  mc_recognition_dialog_set_route (recognition, MC_CREDIT_ROUTE_JOINT_OFFER);
  mc_recognition_dialog_set_note (recognition, "Stacks into the data track");
  mc_gui_test_screenshot (GTK_WIDGET (recognition), "recognition-dialog");
  mc_recognition_dialog_record (recognition);
  g_assert_true (mc_gui_test_wait (recognition_done, recognition));
  g_assert_null (mc_recognition_dialog_get_problem (recognition));

  recorded = mc_store_list_recognitions (partner.inst->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (recorded->len, ==, before + 1);
  r = g_ptr_array_index (recorded, 0);
  g_assert_cmpint (r->design_id, ==, mc_design_get_id (partner.design));
  g_assert_cmpfloat (r->ects, ==, 2.5);
  g_assert_cmpint (r->route, ==, MC_CREDIT_ROUTE_JOINT_OFFER);
  g_assert_cmpstr (r->note, ==, "Stacks into the data track");
  g_assert_cmpstr (r->issuer_id, ==, issuer_id ());
  g_assert_nonnull (strstr (partner.credential, r->credential_text));
  g_assert_cmpint (r->recorded_by, ==, partner.inst->ids[MC_TEST_REGISTRAR]);
  event = last_event ();
  g_assert_cmpint (event->action, ==, MC_ACTION_RECOGNISE);
  g_assert_cmpint (event->actor_id, ==, partner.inst->ids[MC_TEST_REGISTRAR]);
  g_assert_nonnull (strstr (mc_verify_dialog_get_recorded_text (dialog), "2.5 ECTS"));
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "verify-recorded");
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_recognitions_window (void)
{
  McRecognitionsWindow *window = mc_recognitions_window_new (mc_test_workflow (partner.inst, MC_TEST_REGISTRAR));
  g_autoptr(GPtrArray) recorded = mc_store_list_recognitions (partner.inst->store, NULL);
  McRecognition *newest = NULL;
  AdwActionRow *row = NULL;
  const char *subtitle = NULL;

  mc_gui_test_present (GTK_WINDOW (window));
  g_assert_null (mc_recognitions_window_get_error (window));
  g_assert_cmpuint (recorded->len, >, 0);
  g_assert_cmpuint (mc_recognitions_window_get_n_rows (window), ==, recorded->len);
  newest = g_ptr_array_index (recorded, 0);
  row = mc_recognitions_window_get_row (window, 0);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), newest->learner_name));
  subtitle = adw_action_row_get_subtitle (row);
  g_assert_nonnull (strstr (subtitle, "2.5 ECTS towards “"));
  g_assert_nonnull (strstr (subtitle, "Joint offer"));
  g_assert_nonnull (strstr (subtitle, "Stacks into the data track"));
  g_assert_nonnull (strstr (subtitle, mc_person_get_name (mc_workflow_get_actor (mc_test_workflow (partner.inst, MC_TEST_REGISTRAR)))));
  mc_gui_test_screenshot (GTK_WIDGET (window), "recognitions");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_recognise_refused (void)
{
  McVerifyDialog *dialog = verify_dialog (MC_TEST_OWNER);
  McRecognitionDialog *recognition = NULL;
  const char *reason = NULL;
  guint before = n_recognitions ();

  /* An author: the button says why not. */
  add_partner ();
  verify (dialog);
  g_assert_false (mc_verify_dialog_get_can_recognise (dialog, &reason));
  g_assert_nonnull (strstr (reason, "Registrar"));
  g_assert_null (mc_verify_dialog_record_recognition (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* The registrar of the other unit: none of our designs to offer, and a
   * programme needs a registrar for the whole institution. */
  dialog = verify_dialog (MC_TEST_OTHER_REGISTRAR);
  verify (dialog);
  recognition = mc_verify_dialog_record_recognition (dialog);
  g_assert_nonnull (recognition);
  g_assert_cmpuint (mc_recognition_dialog_get_n_designs (recognition), ==, 0);
  mc_recognition_dialog_choose_programme (recognition, "MSc Data Science");
  mc_recognition_dialog_record (recognition);
  g_assert_true (mc_gui_test_wait (recognition_done, recognition));
  g_assert_nonnull (strstr (mc_recognition_dialog_get_problem (recognition), "Registrar"));
  g_assert_cmpuint (n_recognitions (), ==, before);
  gtk_window_destroy (GTK_WINDOW (recognition));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int    argc,
      char **argv)
{
  int status;

  mc_gui_test_init (&argc, &argv);
  partner_set_up ();

  g_test_add_func ("/gui/remote/verify-partner", test_verify_partner);
  g_test_add_func ("/gui/remote/server-error", test_server_error);
  g_test_add_func ("/gui/remote/offline-empty-cache", test_offline_empty_cache);
  g_test_add_func ("/gui/remote/cancel", test_cancel);
  g_test_add_func ("/gui/remote/recognise", test_recognise);
  g_test_add_func ("/gui/remote/recognitions-window", test_recognitions_window);
  g_test_add_func ("/gui/remote/recognise-refused", test_recognise_refused);
  status = g_test_run ();
  partner_tear_down ();
  return status;
}
