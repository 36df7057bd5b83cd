/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-credential.h"
#include "mc-status-list-export.h"
#include "mc-cli-issuing.h"
#include "mc-cli-lookup.h"
#include "mc-keyring.h"
#include "mc-cli-passphrase.h"

/* "mcred status-list export DIR": signs the revocation and suspension
 * lists with the institution's key and writes them for the web server.
 * Run it after revoking or suspending, and daily (the lists expire). */

static int
status_list_export (McCliContext *ctx,
                    int           argc,
                    char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *kid = NULL;
  g_auto(McCliPassphrase) passphrase = MC_CLI_PASSPHRASE_INIT;
  g_autoptr(McCliSecret) secret = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McKeyring) keyring = NULL;
  g_autoptr(McSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  guint n;
  const GOptionEntry entries[] = {
    MC_CLI_PASSPHRASE_ENTRIES (&passphrase),
    { "key", 0, 0, G_OPTION_ARG_STRING, &kid, N_("Sign with the key KID instead of the current one"), N_("KID") },
    { NULL }
  };

  if (!mc_cli_passphrase_check_argv (argc, argv) ||
      !mc_cli_parse_command (ctx, argc, argv, _("DIR"),
                             _("Sign the revocation and suspension lists and write them into DIR, "
                               "for the web server to publish. They are valid for two days: export "
                               "after every change of status and at least daily."),
                             entries, 1, 1, &args))
    return MC_CLI_EXIT_FAILURE;
  if (!mc_cli_passphrase_given (&passphrase))
    return mc_cli_usage_error (ctx, _("Give the key’s passphrase with --passphrase-file or --passphrase-fd"));
  if (!(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(secret = mc_cli_passphrase_read (&passphrase)))
    return MC_CLI_EXIT_FAILURE;
  keyring = mc_keyring_new (workflow);
  if (!(key = mc_cli_unlock_key (keyring, kid, mc_keyring_get_signing_algorithm (keyring), secret)))
    return MC_CLI_EXIT_FAILURE;
  n = mc_status_list_export (mc_workflow_get_store (workflow), key, NULL, NULL, args[1], &error);
  if (n == 0)
    {
      mc_cli_report (args[1], error);
      return MC_CLI_EXIT_FAILURE;
    }
  g_print (ngettext ("Wrote %u status list to %s\n", "Wrote %u status lists to %s\n", n), n, args[1]);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand commands[] = {
  { "export", status_list_export, N_("Sign and write the revocation and suspension lists") },
};

int
mc_cli_status_list_run (McCliContext *ctx,
                        int           argc,
                        char        **argv)
{
  return mc_cli_dispatch (ctx, commands, G_N_ELEMENTS (commands), NULL, NULL, argc, argv);
}
