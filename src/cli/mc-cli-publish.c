/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

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
  if (!(publication = mc_cli_open_publication (ctx, &passphrase, kid, NULL, &key)))
    return MC_CLI_EXIT_FAILURE;
  if (!mc_publication_export (publication, directory, NULL, NULL, NULL, &error))
    {
      mc_cli_report (directory, error);
      return MC_CLI_EXIT_FAILURE;
    }
  g_print (_("Wrote the published documents to %s\n"), directory);
  return MC_CLI_EXIT_OK;
}
