/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <signal.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "mc-cli-commands.h"
#include "mc-cli-issuing.h"
#include "mc-cli-lookup.h"
#include "mc-cli-publishing.h"

/* "mcred publish --export DIR": the documents the publishing service
 * serves, written into a folder for any web server. */

McPublication *
mc_cli_open_publication (McCliContext          *ctx,
                         const McCliPassphrase *passphrase,
                         const char            *kid,
                         McStore              **store,
                         McSigningKey         **key)
{
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McKeyring) keyring = NULL;
  g_autoptr(McCliSecret) secret = NULL;
  g_autoptr(McPublication) publication = NULL;
  g_autoptr(GError) error = NULL;

  *key = NULL;
  if (!(workflow = mc_cli_open_workflow (ctx, FALSE)))
    return NULL;
  if ((publication = mc_publication_new (mc_workflow_get_store (workflow), &error)) == NULL)
    {
      mc_cli_report (NULL, error);
      return NULL;
    }
  if (store != NULL)
    *store = g_object_ref (mc_workflow_get_store (workflow));
  if (!mc_cli_passphrase_given (passphrase))
    return g_steal_pointer (&publication);
  if (!(secret = mc_cli_passphrase_read (passphrase)))
    return NULL;
  keyring = mc_keyring_new (workflow);
  if (!(*key = mc_cli_unlock_key (keyring, kid, mc_keyring_get_signing_algorithm (keyring), secret)))
    return NULL;
  mc_publication_set_signing_key (publication, *key);
  return g_steal_pointer (&publication);
}

/* An export in a worker thread, which Ctrl+C (or SIGTERM) cancels: the
 * folder is then left as it was, with no half-written copy beside it. */
typedef struct {
  McPublication *publication;
  const char    *directory;
  GCancellable  *cancellable;
  GMainLoop     *loop;
  GError        *error;
  gboolean       ok;
} ExportRun;

static gboolean
export_done_cb (gpointer user_data)
{
  ExportRun *run = user_data;

  g_main_loop_quit (run->loop);
  return G_SOURCE_REMOVE;
}

static gpointer
export_thread (gpointer user_data)
{
  ExportRun *run = user_data;

  run->ok = mc_publication_export (run->publication, run->directory, NULL, NULL, run->cancellable, &run->error);
  g_idle_add (export_done_cb, run);
  return NULL;
}

static gboolean
export_interrupt_cb (gpointer user_data)
{
  ExportRun *run = user_data;

  if (!g_cancellable_is_cancelled (run->cancellable))
    g_printerr ("%s\n", _("Stopping the export…"));
  g_cancellable_cancel (run->cancellable);
  return G_SOURCE_CONTINUE;
}

/* Runs the export in a worker thread while the main loop waits for it
 * and for the signals; one that came earlier (while the key was being
 * unlocked) cancels it before it starts. */
static gboolean
run_export (ExportRun      *run,
            McPublication  *publication,
            const char     *directory,
            GError        **error)
{
  GThread *thread;

  run->publication = publication;
  run->directory = directory;
  while (g_main_context_iteration (NULL, FALSE))
    ;
  thread = g_thread_new ("mc-export", export_thread, run);
  g_main_loop_run (run->loop);
  g_thread_join (thread);
  if (!run->ok)
    g_propagate_error (error, g_steal_pointer (&run->error));
  return run->ok;
}

int
mc_cli_publish_run (McCliContext *ctx,
                    int           argc,
                    char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *kid = NULL;
  g_autofree char *directory = NULL;
  g_auto(McCliPassphrase) passphrase = MC_CLI_PASSPHRASE_INIT;
  g_autoptr(McSigningKey) key = NULL;
  g_autoptr(McPublication) publication = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  ExportRun run = { NULL, NULL, cancellable, loop, NULL, FALSE };
  guint sigint = 0;
  guint sigterm = 0;
  gboolean exported;
  const GOptionEntry entries[] = {
    { "export", 0, 0, G_OPTION_ARG_FILENAME, &directory, N_("Write the documents into the folder DIR"), N_("DIR") },
    MC_CLI_PASSPHRASE_ENTRIES (&passphrase),
    { "key", 0, 0, G_OPTION_ARG_STRING, &kid, N_("Sign the status lists with the key KID instead of the current one"),
      N_("KID") },
    { NULL }
  };

  if (!mc_cli_passphrase_check_argv (argc, argv) ||
      !mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("Write everything the publishing service serves into a folder, to upload "
                               "to any web server: the issuer and its keys, the signed status lists, the "
                               "achievements, the catalogue and a verification page per credential (without "
                               "personal data). The status lists are valid for two days: export again after "
                               "every change of status and at least daily."),
                             entries, 0, 0, &args))
    return MC_CLI_EXIT_FAILURE;
  if (directory == NULL)
    return mc_cli_usage_error (ctx, _("Give the folder to write into with --export DIR"));
  if (!mc_cli_passphrase_given (&passphrase))
    return mc_cli_usage_error (ctx, _("The status lists are signed: give the key’s passphrase with "
                                      "--passphrase-file or --passphrase-fd"));
  /* From here on, Ctrl+C stops the export, or keeps it from starting. */
  sigint = g_unix_signal_add (SIGINT, export_interrupt_cb, &run);
  sigterm = g_unix_signal_add (SIGTERM, export_interrupt_cb, &run);
  publication = mc_cli_open_publication (ctx, &passphrase, kid, NULL, &key);
  exported = publication != NULL && run_export (&run, publication, directory, &error);
  g_source_remove (sigint);
  g_source_remove (sigterm);
  if (publication == NULL)
    return MC_CLI_EXIT_FAILURE;
  if (!exported)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *shown = g_filename_display_name (directory);

          /* Translators: %s is a folder */
          g_printerr (_("The export was stopped: %s is as it was before.\n"), shown);
          return MC_CLI_EXIT_FAILURE;
        }
      mc_cli_report (directory, error);
      return MC_CLI_EXIT_FAILURE;
    }
  g_print (_("Wrote the published documents to %s\n"), directory);
  return MC_CLI_EXIT_OK;
}
