/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The register of issued credentials: the paged table, its search, a
 * credential's window with its certificate, revoking, exporting,
 * printing, re-issuing, and Verify Credential.  One institution serves
 * every test: 2,000 credentials made through the workflow (with stand-in
 * signatures), and a few issued for real by the batch issuer with a key
 * of the keyring.  Run under tests/run-with-display. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "folder-fixture.h"
#include "mc-batch-issuer.h"
#include "mc-certificate-print.h"
#include "mc-credential-item.h"
#include "mc-credential-status-dialog.h"
#include "mc-credential-window.h"
#include "mc-credentials-view.h"
#include "mc-format.h"
#include "mc-gui-test-util.h"
#include "mc-keyring.h"
#include "mc-verify-dialog.h"
#include "workflow-fixture.h"

#define N_BULK      2000
#define PASSPHRASE  "register test passphrase"
#define BASE_URL    "https://credentials.hanze.example"

typedef struct {
  McTestInstitution *inst;
  GPtrArray         *real;        /* McIssuedCredential signed by the batch issuer */
  char              *out_dir;
} Institution;

static Institution institution;

static McWorkflow *
registrar (void)
{
  return mc_test_workflow (institution.inst, MC_TEST_REGISTRAR);
}

static McStore *
store (void)
{
  return institution.inst->store;
}

/* The institution */

static void
issue_bulk (McDesign *design)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McOffering) offering = mc_test_create_offering (institution.inst, design, "2026-BULK");
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_result_input_free);
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(McKeyRecord) key = NULL;

  for (guint i = 0; i < N_BULK; i++)
    {
      g_autofree char *student_id = g_strdup_printf ("B%05u", i + 1);
      g_autofree char *given = g_strdup_printf ("Learner%04u", i + 1);

      g_ptr_array_add (inputs, mc_test_result_input (student_id, given, "Bulk", "7", TRUE));
    }
  mc_test_record_results (institution.inst, offering->id, inputs);
  key = mc_store_get_current_key (store (), MC_KEY_KIND_ED25519, &error);
  g_assert_no_error (error);
  batch = mc_workflow_start_batch (registrar (), offering->id, key->kid, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_test_issue_batch (institution.inst, batch, 500), ==, N_BULK);
}

/* Three learners issued as a registrar does: signed for real. */
static void
issue_real (McDesign *design)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McOffering) offering = mc_test_create_offering (institution.inst, design, "2026-REAL");
  g_autoptr(GPtrArray) inputs = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_result_input_free);
  g_autoptr(McKeyring) keyring = mc_keyring_new (registrar ());
  g_autoptr(McSigningKey) key = NULL;
  g_autoptr(McBatchIssuer) issuer = NULL;
  g_autoptr(McIssueBatch) batch = NULL;
  g_autoptr(GPtrArray) results = NULL;

  g_ptr_array_add (inputs, mc_test_result_input ("S-ADA", "Ada", "Lovelace", "9", TRUE));
  g_ptr_array_add (inputs, mc_test_result_input ("S-LUC", "Łucja", "Kowalska", "8", TRUE));
  g_ptr_array_add (inputs, mc_test_result_input ("S-ZOE", "Ζωή", "Παπαδοπούλου", "8", TRUE));
  mc_test_record_results (institution.inst, offering->id, inputs);

  key = mc_keyring_unlock (keyring, NULL, PASSPHRASE, &error);
  g_assert_no_error (error);
  issuer = mc_batch_issuer_new (institution.inst->path, mc_test_username (MC_TEST_REGISTRAR), NULL);
  mc_batch_issuer_set_signing_key (issuer, key);
  mc_batch_issuer_set_jobs (issuer, 1);
  batch = mc_batch_issuer_run (issuer, offering->id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->issued, ==, 3);

  results = mc_store_list_results (store (), offering->id, &error);
  g_assert_no_error (error);
  institution.real = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_issued_credential_free);
  for (const char *const *id = (const char *const[]) { "S-ADA", "S-LUC", "S-ZOE", NULL }; *id != NULL; id++)
    {
      McCredentialQuery query = MC_CREDENTIAL_QUERY_INIT;
      g_autoptr(GPtrArray) rows = NULL;

      query.search = *id;
      rows = mc_store_query_credentials (store (), &query, 0, 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (rows->len, ==, 1);
      g_ptr_array_add (institution.real,
                       mc_store_load_credential (store (), ((McCredentialSummary *) rows->pdata[0])->id, &error));
      g_assert_no_error (error);
    }
}

static void
institution_set_up (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McKeyring) keyring = NULL;
  g_autoptr(McKeyRecord) key = NULL;
  McWorkflow *admin = NULL;

  institution.inst = mc_test_institution_new ();
  admin = mc_test_workflow (institution.inst, MC_TEST_ADMIN);
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_VERIFICATION_URL, BASE_URL, &error));
  MC_TEST_ASSERT_OK (mc_workflow_set_setting (admin, MC_SETTING_SIGNING_ALGORITHM, "EdDSA", &error));
  keyring = mc_keyring_new (admin);
  key = mc_keyring_generate (keyring, MC_KEY_ALGORITHM_EDDSA, PASSPHRASE, FALSE, &error);
  g_assert_no_error (error);

  design = mc_test_create_design (institution.inst);
  mc_test_make_active (institution.inst, design);
  issue_bulk (design);
  issue_real (design);
  institution.out_dir = g_dir_make_tmp ("mc-credentials-out-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
institution_tear_down (void)
{
  g_autofree char *keys = g_strconcat (institution.inst->path, "-keys", NULL);
  g_autofree char *exports = g_build_filename (institution.inst->dir, "exports", NULL);

  mc_test_remove_tree (keys);
  mc_test_remove_tree (exports);
  mc_test_remove_tree (institution.out_dir);
  g_clear_pointer (&institution.real, g_ptr_array_unref);
  g_clear_pointer (&institution.inst, mc_test_institution_free);
  g_free (institution.out_dir);
}

/* Helpers */

static McIssuedCredential *
reload (gint64 id)
{
  g_autoptr(GError) error = NULL;
  McIssuedCredential *credential = mc_store_load_credential (store (), id, &error);

  g_assert_no_error (error);
  return credential;
}

static McIssuedCredential *
real (guint index)
{
  return g_ptr_array_index (institution.real, index);
}

static GtkWindow *
window_with (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (adw_application_window_new (NULL));
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());

  adw_toast_overlay_set_child (overlay, child);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), GTK_WIDGET (overlay));
  gtk_window_set_default_size (window, 1000, 640);
  mc_gui_test_present (window);
  return window;
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
view_idle (gpointer view)
{
  return !mc_credentials_view_get_busy (view);
}

static gboolean
window_idle (gpointer window)
{
  return !mc_credential_window_get_busy (window);
}

static McCredentialsView *
open_view (GtkWindow **window)
{
  McCredentialsView *view = mc_credentials_view_new (registrar ());

  *window = window_with (GTK_WIDGET (view));
  g_assert_true (mc_gui_test_wait (view_idle, view));
  return view;
}

static void
search (McCredentialsView *view,
        const char        *text)
{
  mc_credentials_view_set_search (view, text);
  g_assert_true (mc_gui_test_wait (view_idle, view));
}

static guint
n_shown (McCredentialsView *view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (mc_credentials_view_get_model (view)));
}

static McCredentialItem *
item_at (McCredentialsView *view,
         guint              position)
{
  return g_list_model_get_item (G_LIST_MODEL (mc_credentials_view_get_model (view)), position);
}

static gboolean
item_loaded (gpointer item)
{
  return mc_credential_item_get_loaded (item);
}

static McCredentialWindow *
open_window (gint64 id)
{
  McCredentialWindow *window = mc_credential_window_new (registrar (), id);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 780);
  mc_gui_test_present (GTK_WINDOW (window));
  g_assert_true (mc_gui_test_wait (window_idle, window));
  return window;
}

static guint
pdf_pages (const char *path)
{
  const char *pdfinfo = g_getenv ("PDFINFO");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *pages = NULL;
  int status = 0;

  if (pdfinfo == NULL)
    return 0;
  g_assert_true (g_spawn_sync (NULL, (char *[]) { (char *) pdfinfo, (char *) path, NULL }, NULL,
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  pages = strstr (out, "Pages:");
  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* The register */

static void
test_register (void)
{
  GtkWindow *window = NULL;
  McCredentialsView *view = open_view (&window);
  McCredentialListModel *model = mc_credentials_view_get_model (view);
  GtkScrolledWindow *scroller = NULL;
  GtkAdjustment *adjustment = NULL;
  g_autoptr(McCredentialItem) first = NULL;
  g_autoptr(McCredentialItem) last = NULL;
  guint n = N_BULK + 3;
  g_autofree char *count = mc_format_count (n);
  /* The count in the locale's digits: "2,003 credentials" */
  g_autofree char *count_text = g_strdup_printf ("%s credentials", count);

  g_assert_cmpuint (n_shown (view), ==, n);
  g_assert_cmpstr (mc_credentials_view_get_page (view), ==, "list");
  g_assert_cmpstr (mc_credentials_view_get_count_text (view), ==, count_text);
  /* GTK's list view makes rows for up to 200 items around those seen:
   * the first few pages, no more. */
  g_assert_cmpuint (mc_credential_list_model_get_n_pages (model), <=, 3);
  first = item_at (view, 0);
  g_assert_true (mc_credential_item_get_loaded (first));
  g_assert_cmpint (mc_credential_item_get_state (first), ==, MC_CREDENTIAL_STATE_ACTIVE);
  mc_gui_test_screenshot (GTK_WIDGET (window), "register");

  /* Scrolling through the whole register reads each page once and keeps
   * only a few. */
  scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (find_descendant (GTK_WIDGET (view),
                                                                            GTK_TYPE_COLUMN_VIEW),
                                                           GTK_TYPE_SCROLLED_WINDOW));
  adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment)
         < gtk_adjustment_get_upper (adjustment))
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      mc_gui_test_spin ();
      g_assert_cmpuint (mc_credential_list_model_get_n_pages (model), <=, MC_CREDENTIAL_LIST_MAX_PAGES);
    }
  last = item_at (view, n - 1);
  g_assert_true (mc_gui_test_wait (item_loaded, last));
  /* Newest first: the last row is the first credential issued. */
  g_assert_cmpstr (mc_credential_item_get_summary (last)->student_id, ==, "B00001");
  g_assert_cmpuint (mc_credential_list_model_get_n_pages (model), <=, MC_CREDENTIAL_LIST_MAX_PAGES);
  g_assert_cmpuint (mc_credential_list_model_get_n_reads (model), <=, n / MC_CREDENTIAL_LIST_PAGE_SIZE + 3);
  mc_gui_test_screenshot (GTK_WIDGET (window), "register-end");

  gtk_window_destroy (window);
}

static void
test_search (void)
{
  GtkWindow *window = NULL;
  McCredentialsView *view = open_view (&window);
  g_autoptr(McCredentialItem) item = NULL;
  g_autofree char *urn = mc_issued_credential_dup_urn (real (1));

  search (view, "lovelace");
  g_assert_cmpuint (n_shown (view), ==, 1);
  item = item_at (view, 0);
  g_assert_cmpstr (mc_credential_item_get_summary (item)->learner_name, ==, "Ada Lovelace");
  g_assert_cmpstr (mc_credentials_view_get_count_text (view), ==, "1 matching credential");
  mc_gui_test_screenshot (GTK_WIDGET (window), "register-search");

  /* By student ID, by credential ID (with or without its urn:uuid:). */
  search (view, "Learner015");
  g_assert_cmpuint (n_shown (view), ==, 10);
  search (view, "B01500");
  g_assert_cmpuint (n_shown (view), ==, 1);
  search (view, "S-ZOE");
  g_assert_cmpuint (n_shown (view), ==, 1);
  search (view, urn);
  g_assert_cmpuint (n_shown (view), ==, 1);
  g_clear_object (&item);
  item = item_at (view, 0);
  g_assert_cmpstr (mc_credential_item_get_summary (item)->uuid, ==, real (1)->uuid);
  search (view, "Παπαδοπούλου");
  g_assert_cmpuint (n_shown (view), ==, 1);

  search (view, "no such learner");
  g_assert_cmpuint (n_shown (view), ==, 0);
  g_assert_cmpstr (mc_credentials_view_get_page (view), ==, "no-results");

  /* The status filter, with and without a search. */
  search (view, "");
  mc_credentials_view_set_state_filter (view, MC_CREDENTIAL_STATE_PENDING);
  g_assert_true (mc_gui_test_wait (view_idle, view));
  g_assert_cmpuint (n_shown (view), ==, 0);
  g_assert_cmpstr (mc_credentials_view_get_page (view), ==, "no-results");
  mc_credentials_view_set_state_filter (view, -1);
  g_assert_true (mc_gui_test_wait (view_idle, view));
  g_assert_cmpuint (n_shown (view), ==, N_BULK + 3);

  gtk_window_destroy (window);
}

/* A credential's window */

static void
test_window (void)
{
  McCredentialWindow *window = open_window (real (0)->id);
  McCertificatePreview *preview = mc_credential_window_get_preview (window);
  GPtrArray *events = NULL;

  g_assert_null (mc_credential_window_get_preview_error (window));
  g_assert_nonnull (mc_certificate_preview_get_content (preview));
  g_assert_cmpuint (mc_certificate_preview_get_n_pages (preview), ==, 2);
  g_assert_cmpstr (mc_certificate_content_get_learner_name (mc_certificate_preview_get_content (preview)), ==,
                   "Ada Lovelace");
  g_assert_cmpstr (mc_credential_window_get_status_text (window), ==, "");
  events = mc_credential_window_get_events (window);
  g_assert_nonnull (events);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_cmpint (((McEvent *) g_ptr_array_index (events, 0))->action, ==, MC_ACTION_ISSUE);
  mc_gui_test_screenshot (GTK_WIDGET (window), "credential-window");

  /* The supplement, and back; there is no third page. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "credential.next-page", NULL));
  g_assert_cmpuint (mc_certificate_preview_get_page (preview), ==, 1);
  mc_gui_test_screenshot (GTK_WIDGET (window), "credential-window-supplement");
  gtk_widget_activate_action (GTK_WIDGET (window), "credential.next-page", NULL);
  g_assert_cmpuint (mc_certificate_preview_get_page (preview), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (window), "credential.previous-page", NULL);
  g_assert_cmpuint (mc_certificate_preview_get_page (preview), ==, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_destroyed (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

static void
test_revoke (void)
{
  GtkWindow *register_window = NULL;
  McCredentialsView *view = open_view (&register_window);
  g_autoptr(McCredentialItem) item = item_at (view, 10);
  gint64 id = mc_credential_item_get_id (item);
  g_autoptr(GPtrArray) before = mc_store_list_credential_events (store (), mc_credential_item_get_summary (item)->uuid,
                                                                 NULL);
  g_autoptr(McIssuedCredential) revoked = NULL;
  g_autoptr(GPtrArray) after = NULL;
  McCredentialWindow *window = NULL;
  McCredentialStatusDialog *dialog = NULL;
  AdwMessageDialog *confirmation = NULL;

  g_assert_cmpint (mc_credential_item_get_state (item), ==, MC_CREDENTIAL_STATE_ACTIVE);
  mc_credentials_view_open_credential (view, id);
  mc_gui_test_spin ();
  for (GList *l = gtk_window_list_toplevels (); l != NULL; l = g_list_delete_link (l, l))
    if (MC_IS_CREDENTIAL_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  g_assert_true (mc_gui_test_wait (window_idle, window));

  /* Without a reason: the button is off, and the workflow refuses. */
  dialog = mc_credential_window_change_status (window, MC_ACTION_REVOKE_CREDENTIAL);
  mc_gui_test_present (GTK_WINDOW (dialog));
  g_assert_false (mc_credential_status_dialog_get_can_apply (dialog));
  mc_credential_status_dialog_set_reason (dialog, "   ");
  mc_credential_status_dialog_apply (dialog);
  g_assert_nonnull (mc_credential_status_dialog_get_error (dialog));
  g_assert_nonnull (strstr (mc_credential_status_dialog_get_error (dialog), "reason"));
  g_assert_null (mc_credential_status_dialog_get_confirmation (dialog));
  revoked = reload (id);
  g_assert_cmpint (revoked->state, ==, MC_CREDENTIAL_STATE_ACTIVE);

  /* With one: a confirmation, then the credential is revoked. */
  mc_credential_status_dialog_set_reason (dialog, "Academic misconduct");
  g_assert_true (mc_credential_status_dialog_get_can_apply (dialog));
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "revoke-dialog");
  mc_credential_status_dialog_apply (dialog);
  confirmation = mc_credential_status_dialog_get_confirmation (dialog);
  g_assert_nonnull (confirmation);
  mc_gui_test_present (GTK_WINDOW (confirmation));
  mc_gui_test_screenshot (GTK_WIDGET (confirmation), "revoke-confirmation");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  adw_message_dialog_response (confirmation, "revoke");
  g_assert_true (mc_gui_test_wait (is_destroyed, &dialog));

  g_clear_pointer (&revoked, mc_issued_credential_free);
  revoked = reload (id);
  g_assert_cmpint (revoked->state, ==, MC_CREDENTIAL_STATE_REVOKED);
  g_assert_cmpstr (revoked->status_reason, ==, "Academic misconduct");
  after = mc_store_list_credential_events (store (), revoked->uuid, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  g_assert_true (mc_gui_test_wait (window_idle, window));
  g_assert_nonnull (strstr (mc_credential_window_get_status_text (window), "Academic misconduct"));
  mc_gui_test_screenshot (GTK_WIDGET (window), "credential-window-revoked");

  /* The row in the register follows. */
  g_assert_cmpint (mc_credential_item_get_state (item), ==, MC_CREDENTIAL_STATE_REVOKED);

  gtk_window_destroy (GTK_WINDOW (window));
  gtk_window_destroy (register_window);
}

/* Export and print */

static void
test_export_pdf (void)
{
  McCredentialWindow *window = open_window (real (0)->id);
  g_autofree char *path = g_build_filename (institution.out_dir, "exported.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(McIssuedCredential) before = reload (real (0)->id);
  g_autoptr(McIssuedCredential) after = NULL;

  mc_credential_window_export_pdf (window, file);
  g_assert_true (mc_credential_window_get_busy (window));
  g_assert_true (mc_gui_test_wait (window_idle, window));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (g_getenv ("PDFINFO") != NULL)
    g_assert_cmpuint (pdf_pages (path), ==, 2);
  after = reload (real (0)->id);
  g_assert_cmpuint (after->reprints, ==, before->reprints + 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
reprinted (gpointer data)
{
  g_autoptr(McIssuedCredential) credential = reload (real (0)->id);

  return credential->reprints > GPOINTER_TO_UINT (data);
}

/* Print in a credential's window: the copy counted, the window shows it. */
static void
test_window_print (void)
{
  g_autofree char *path = g_build_filename (institution.out_dir, "window.pdf", NULL);
  McCredentialWindow *window = open_window (real (0)->id);
  g_autoptr(McIssuedCredential) before = reload (real (0)->id);

  g_setenv ("MC_DEBUG_PRINT_TO_PDF", path, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "credential.print", NULL));
  g_assert_true (mc_gui_test_wait (reprinted, GUINT_TO_POINTER (before->reprints)));
  g_unsetenv ("MC_DEBUG_PRINT_TO_PDF");
  g_assert_true (mc_gui_test_wait (window_idle, window));
  g_assert_nonnull (mc_credential_window_get_credential (window));
  g_assert_cmpuint (mc_credential_window_get_credential (window)->reprints, ==, before->reprints + 1);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_print_done (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **error = user_data;

  if (!mc_certificate_print_run_finish (MC_CERTIFICATE_PRINT (source), result, error) && *error == NULL)
    g_assert_not_reached ();
  g_object_set_data (source, "done", GINT_TO_POINTER (TRUE));
}

static gboolean
print_done (gpointer print)
{
  return g_object_get_data (print, "done") != NULL;
}

static void
test_print (void)
{
  g_autofree char *path = g_build_filename (institution.out_dir, "printed.pdf", NULL);
  g_autoptr(McCertificatePrint) print = mc_certificate_print_new (registrar ());
  g_autoptr(McIssuedCredential) first = reload (real (1)->id);
  g_autoptr(McIssuedCredential) second = reload (real (2)->id);
  g_autoptr(McIssuedCredential) first_after = NULL;
  g_autoptr(McIssuedCredential) second_after = NULL;
  GError *error = NULL;
  McCredentialQuery revoked = MC_CREDENTIAL_QUERY_INIT;
  g_autoptr(GPtrArray) rows = NULL;

  /* A revoked credential in the selection is left out. */
  revoked.state = MC_CREDENTIAL_STATE_REVOKED;
  rows = mc_store_query_credentials (store (), &revoked, 0, 1, NULL);
  mc_certificate_print_add_credential (print, real (1)->id);
  if (rows != NULL && rows->len == 1)
    mc_certificate_print_add_credential (print, ((McCredentialSummary *) rows->pdata[0])->id);
  mc_certificate_print_add_credential (print, real (2)->id);
  mc_certificate_print_set_export_filename (print, path);
  mc_certificate_print_run_async (print, NULL, NULL, on_print_done, &error);
  g_assert_true (mc_gui_test_wait (print_done, print));
  g_assert_no_error (error);

  g_assert_cmpuint (mc_certificate_print_get_n_printed (print), ==, 2);
  g_assert_cmpuint (mc_certificate_print_get_n_pages (print), ==, 4);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (g_getenv ("PDFINFO") != NULL)
    g_assert_cmpuint (pdf_pages (path), ==, 4);
  first_after = reload (real (1)->id);
  second_after = reload (real (2)->id);
  g_assert_cmpuint (first_after->reprints, ==, first->reprints + 1);
  g_assert_cmpuint (second_after->reprints, ==, second->reprints + 1);
}

/* Print Selection in the register, printing to a file as the debug
 * variable asks. */
static void
test_print_selection (void)
{
  g_autofree char *path = g_build_filename (institution.out_dir, "selection.pdf", NULL);
  GtkWindow *window = NULL;
  McCredentialsView *view = NULL;
  g_autoptr(McCredentialItem) item = NULL;
  g_autoptr(McIssuedCredential) before = NULL;
  g_autoptr(McIssuedCredential) after = NULL;

  g_setenv ("MC_DEBUG_PRINT_TO_PDF", path, TRUE);
  view = open_view (&window);
  search (view, "Kowalska");
  item = item_at (view, 0);
  before = reload (mc_credential_item_get_id (item));
  g_assert_true (gtk_selection_model_select_item (mc_credentials_view_get_selection (view), 0, TRUE));
  mc_gui_test_screenshot (GTK_WIDGET (window), "register-selection");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "credentials.print-selection", NULL));
  g_assert_true (mc_gui_test_wait (view_idle, view));
  g_unsetenv ("MC_DEBUG_PRINT_TO_PDF");
  {
    g_autofree char *message = mc_gui_test_take_message ();
    g_assert_cmpstr (message, ==, NULL);
  }

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  if (g_getenv ("PDFINFO") != NULL)
    g_assert_cmpuint (pdf_pages (path), ==, 2);
  /* The reprint is counted in a worker. */
  for (gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC; g_get_monotonic_time () < end;)
    {
      g_clear_pointer (&after, mc_issued_credential_free);
      after = reload (before->id);
      if (after->reprints > before->reprints)
        break;
      mc_gui_test_spin ();
      g_usleep (10000);
    }
  g_assert_cmpuint (after->reprints, ==, before->reprints + 1);

  gtk_window_destroy (window);
}

/* Verify Credential */

static gboolean
dialog_idle (gpointer dialog)
{
  return !mc_verify_dialog_get_busy (dialog);
}

static void
test_verify (void)
{
  McVerifyDialog *dialog = mc_verify_dialog_new (registrar ());
  g_autoptr(McIssuedCredential) credential = reload (real (2)->id);
  g_autofree char *tampered = g_strdup (credential->jwt);
  char *payload = strchr (tampered, '.') + 1;

  gtk_window_set_default_size (GTK_WINDOW (dialog), 620, 820);
  mc_gui_test_present (GTK_WINDOW (dialog));
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "verify-input");

  mc_verify_dialog_verify_text (dialog, credential->jwt);
  g_assert_true (mc_gui_test_wait (dialog_idle, dialog));
  g_assert_null (mc_verify_dialog_get_error (dialog));
  g_assert_cmpint (mc_verification_get_verdict (mc_verify_dialog_get_verification (dialog)), ==, MC_VERDICT_VALID);
  g_assert_cmpstr (mc_verify_dialog_get_verdict_text (dialog), ==, "Valid");
  g_assert_cmpstr (mc_verification_get_learner_name (mc_verify_dialog_get_verification (dialog)), ==,
                   "Ζωή Παπαδοπούλου");
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "verify-valid");

  /* One character of the payload changed: the signature no longer matches. */
  payload[10] = payload[10] == 'A' ? 'B' : 'A';
  mc_verify_dialog_verify_text (dialog, tampered);
  g_assert_true (mc_gui_test_wait (dialog_idle, dialog));
  g_assert_cmpint (mc_verification_get_verdict (mc_verify_dialog_get_verification (dialog)), ==,
                   MC_VERDICT_INVALID);
  g_assert_cmpstr (mc_verify_dialog_get_verdict_text (dialog), ==, "Not Valid");
  g_assert_cmpint (mc_verification_find_check (mc_verify_dialog_get_verification (dialog), MC_CHECK_SIGNATURE)->outcome,
                   !=, MC_CHECK_OUTCOME_PASSED);
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "verify-tampered");

  /* Not a credential at all: said on the first page. */
  mc_verify_dialog_verify_text (dialog, "   ");
  g_assert_true (mc_gui_test_wait (dialog_idle, dialog));
  g_assert_nonnull (mc_verify_dialog_get_error (dialog));
  g_assert_null (mc_verify_dialog_get_verification (dialog));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* Re-issue: the key's passphrase first, then the replacement is signed. */

static gboolean
status_idle (gpointer dialog)
{
  return *(gpointer *) dialog == NULL || !mc_credential_status_dialog_get_busy (*(gpointer *) dialog);
}

static void
test_reissue (void)
{
  McCredentialWindow *window = open_window (real (1)->id);
  McCredentialStatusDialog *dialog = mc_credential_window_change_status (window, MC_ACTION_REISSUE);
  g_autoptr(McIssuedCredential) old = NULL;
  g_autoptr(McIssuedCredential) replacement = NULL;

  mc_gui_test_present (GTK_WINDOW (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  mc_credential_status_dialog_set_reason (dialog, "Name misspelt");
  g_assert_false (mc_credential_status_dialog_get_can_apply (dialog));
  mc_credential_status_dialog_set_passphrase (dialog, "not the passphrase");
  g_assert_true (mc_credential_status_dialog_get_can_apply (dialog));
  mc_gui_test_screenshot (GTK_WIDGET (dialog), "reissue-dialog");
  mc_credential_status_dialog_apply (dialog);
  g_assert_true (mc_gui_test_wait (status_idle, &dialog));
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (mc_credential_status_dialog_get_error (dialog), "passphrase"));
  old = reload (real (1)->id);
  g_assert_cmpint (old->state, ==, MC_CREDENTIAL_STATE_ACTIVE);

  mc_credential_status_dialog_set_passphrase (dialog, PASSPHRASE);
  mc_credential_status_dialog_apply (dialog);
  g_assert_true (mc_gui_test_wait (status_idle, &dialog));
  g_assert_true (mc_gui_test_wait (is_destroyed, &dialog));

  g_clear_pointer (&old, mc_issued_credential_free);
  old = reload (real (1)->id);
  g_assert_cmpint (old->state, ==, MC_CREDENTIAL_STATE_SUPERSEDED);
  g_assert_cmpint (old->superseded_by_id, !=, 0);
  replacement = reload (old->superseded_by_id);
  g_assert_cmpint (replacement->state, ==, MC_CREDENTIAL_STATE_ACTIVE);
  g_assert_nonnull (replacement->jwt);
  g_assert_true (mc_gui_test_wait (window_idle, window));
  g_assert_nonnull (strstr (mc_credential_window_get_status_text (window), "Name misspelt"));
  mc_gui_test_screenshot (GTK_WIDGET (window), "credential-window-superseded");

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  int status;

  mc_gui_test_init (&argc, &argv);
  if (g_getenv ("SCREENSHOT_DIR") != NULL)
    g_mkdir_with_parents (g_getenv ("SCREENSHOT_DIR"), 0755);
  institution_set_up ();

  g_test_add_func ("/gui/credentials/register", test_register);
  g_test_add_func ("/gui/credentials/search", test_search);
  g_test_add_func ("/gui/credentials/window", test_window);
  g_test_add_func ("/gui/credentials/revoke", test_revoke);
  g_test_add_func ("/gui/credentials/export-pdf", test_export_pdf);
  g_test_add_func ("/gui/credentials/print", test_print);
  g_test_add_func ("/gui/credentials/window-print", test_window_print);
  g_test_add_func ("/gui/credentials/print-selection", test_print_selection);
  g_test_add_func ("/gui/credentials/verify", test_verify);
  g_test_add_func ("/gui/credentials/reissue", test_reissue);

  status = g_test_run ();
  institution_tear_down ();
  return status;
}
