/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "mc-batch-issuer.h"
#include "mc-cli-commands.h"
#include "mc-cli-issuing.h"
#include "mc-cli-lookup.h"

/* "mcred issue": signs and writes the credentials of an offering with the
 * batch issuer.  A batch that stopped (a crash, Ctrl+C, a full disk) is
 * resumed by running the command again. */

gboolean
mc_cli_parse_paper (const char  *text,
                    McPaperSize *paper)
{
  if (text == NULL || g_ascii_strcasecmp (text, "a4") == 0)
    *paper = MC_PAPER_A4;
  else if (g_ascii_strcasecmp (text, "letter") == 0)
    *paper = MC_PAPER_US_LETTER;
  else
    {
      mc_cli_error ("--paper", _("Unknown paper size “%s”: use a4 or letter"), text);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  GMainLoop    *loop;
  GCancellable *cancellable;
  McIssueBatch *batch;
  GError       *error;
  gboolean      terminal;
} IssueRun;

static void
progress_cb (McBatchIssuer *issuer,
             guint          done,
             guint          total,
             gpointer       user_data)
{
  IssueRun *run = user_data;

  if (run->terminal)
    g_printerr (_("\rIssued %u of %u credentials"), done, total);
}

static gboolean
interrupt_cb (gpointer user_data)
{
  IssueRun *run = user_data;

  if (!g_cancellable_is_cancelled (run->cancellable))
    g_printerr ("\n%s\n", _("Stopping after the credentials being signed now…"));
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

static void
done_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  IssueRun *run = user_data;

  run->batch = mc_batch_issuer_run_finish (MC_BATCH_ISSUER (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
print_summary (McBatchIssuer *issuer,
               McIssueBatch  *batch)
{
  McBatchIssuerStats stats;

  mc_batch_issuer_get_stats (issuer, &stats);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Issued %u credential in batch %" G_GINT64_FORMAT,
                        "Issued %u credentials in batch %" G_GINT64_FORMAT, stats.count),
           stats.count, batch->id);
  if (stats.total_ms > 0 && stats.count > 0)
    g_print (_(" (%.1f per second)"), stats.count * 1000.0 / stats.total_ms);
  g_print ("\n");
  g_print (_("Files and manifest: %s\n"), batch->export_dir);
}

int
mc_cli_issue_offering (McCliContext *ctx,
                       McWorkflow   *workflow,
                       gint64        offering_id,
                       McSigningKey *key,
                       McSigningKey *di_key,
                       guint         jobs,
                       const char   *export_dir,
                       McPaperSize   paper)
{
  McStore *store = mc_workflow_get_store (workflow);
  McPerson *actor = mc_workflow_get_actor (workflow);
  McPerson *account = mc_workflow_get_account (workflow);
  g_autoptr(McBatchIssuer) issuer = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  IssueRun run = { loop, cancellable, NULL, NULL, isatty (STDERR_FILENO) };
  guint sigint, sigterm;
  int status = MC_CLI_EXIT_OK;

  issuer = mc_batch_issuer_new (mc_store_get_path (store), mc_person_get_username (account),
                                actor != account ? mc_person_get_username (actor) : NULL);
  mc_batch_issuer_set_jobs (issuer, jobs);
  mc_batch_issuer_set_signing_key (issuer, key);
  mc_batch_issuer_set_data_integrity_key (issuer, di_key);
  mc_batch_issuer_set_export_dir (issuer, export_dir);
  mc_batch_issuer_set_paper (issuer, paper);
  g_signal_connect (issuer, "progress", G_CALLBACK (progress_cb), &run);
  sigint = g_unix_signal_add (SIGINT, interrupt_cb, &run);
  sigterm = g_unix_signal_add (SIGTERM, interrupt_cb, &run);
  mc_batch_issuer_run_async (issuer, offering_id, cancellable, done_cb, &run);
  g_main_loop_run (loop);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  if (run.terminal)
    g_printerr ("\n");

  if (run.batch == NULL)
    {
      if (g_error_matches (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mc_cli_error (NULL, "%s", _("Issuing was stopped; run the command again to continue"));
      else
        mc_cli_fail (run.error);
      status = MC_CLI_EXIT_FAILURE;
    }
  else
    print_summary (issuer, run.batch);
  g_clear_error (&run.error);
  g_clear_pointer (&run.batch, mc_issue_batch_free);
  return status;
}

/* The Ed25519 key of Data Integrity proofs: the signing key itself when
 * it is one, else the institution's current Ed25519 key. */
static McSigningKey *
data_integrity_key (McKeyring    *keyring,
                    McSigningKey *key,
                    const char   *passphrase)
{
  if (mc_signing_key_get_algorithm (key) == MC_KEY_ALGORITHM_EDDSA)
    return g_object_ref (key);
  return mc_cli_unlock_key (keyring, NULL, MC_KEY_ALGORITHM_EDDSA, passphrase);
}

int
mc_cli_issue_run (McCliContext *ctx,
                  int           argc,
                  char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McOffering) offering = NULL;
  g_autoptr(McKeyring) keyring = NULL;
  g_autoptr(McSigningKey) key = NULL;
  g_autoptr(McSigningKey) di_key = NULL;
  g_autoptr(McCliSecret) secret = NULL;
  g_autofree char *offering_ref = NULL;
  g_autofree char *export_dir = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *paper_name = NULL;
  g_auto(McCliPassphrase) passphrase = MC_CLI_PASSPHRASE_INIT;
  McPaperSize paper = MC_PAPER_A4;
  gboolean data_integrity = FALSE;
  int jobs = 2;
  const GOptionEntry entries[] = {
    { "offering", 0, 0, G_OPTION_ARG_STRING, &offering_ref, N_("The offering to issue"), N_("ID") },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &jobs, N_("Credentials signed at once (1 to 8; 2 by default)"),
      N_("N") },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &export_dir,
      N_("The folder for the files (by default exports/ beside the database)"), N_("DIR") },
    { "data-integrity", 0, 0, G_OPTION_ARG_NONE, &data_integrity,
      N_("Also write each credential with a Data Integrity proof (needs an EdDSA key)"), NULL },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_name, N_("a4 (the default) or letter"), N_("SIZE") },
    MC_CLI_PASSPHRASE_ENTRIES (&passphrase),
    { NULL }
  };

  if (!mc_cli_passphrase_check_argv (argc, argv) ||
      !mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("Issue the credentials of an offering: one signed credential and one PDF "
                               "certificate per learner who passed (registrars)."),
                             entries, 0, 0, &args))
    return MC_CLI_EXIT_FAILURE;
  if (offering_ref == NULL)
    return mc_cli_usage_error (ctx, _("Give the offering with --offering"));
  if (jobs < MC_BATCH_ISSUER_MIN_JOBS || jobs > MC_BATCH_ISSUER_MAX_JOBS)
    return mc_cli_usage_error (ctx, _("--jobs is a number from %d to %d"), MC_BATCH_ISSUER_MIN_JOBS,
                               MC_BATCH_ISSUER_MAX_JOBS);
  if (!mc_cli_parse_paper (paper_name, &paper) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(offering = mc_cli_resolve_offering (mc_workflow_get_store (workflow), offering_ref)) ||
      !(secret = mc_cli_passphrase_read (&passphrase)))
    return MC_CLI_EXIT_FAILURE;
  keyring = mc_keyring_new (workflow);
  if (!(key = mc_cli_unlock_key (keyring, NULL, mc_keyring_get_signing_algorithm (keyring), secret)) ||
      (data_integrity && !(di_key = data_integrity_key (keyring, key, secret))))
    return MC_CLI_EXIT_FAILURE;
  absolute = export_dir != NULL ? g_canonicalize_filename (export_dir, NULL) : NULL;
  return mc_cli_issue_offering (ctx, workflow, offering->id, key, di_key, (guint) jobs, absolute, paper);
}
