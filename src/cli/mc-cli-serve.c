/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <glib-unix.h>

#include "mc-cli-commands.h"
#include "mc-cli-publishing.h"
#include "mc-publishing-service.h"

/* "mcred serve": runs the publishing service until interrupted. */

typedef struct {
  char            *address;
  int              port;
  char            *certificate;
  char            *tls_key;
  char            *kid;
  McCliPassphrase  passphrase;
} ServeOptions;

static void
serve_options_clear (ServeOptions *options)
{
  g_free (options->address);
  g_free (options->certificate);
  g_free (options->tls_key);
  g_free (options->kid);
  mc_cli_passphrase_clear (&options->passphrase);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ServeOptions, serve_options_clear)

static gboolean
quit (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_CONTINUE;
}

static int
run_until_interrupted (McPublishingService *service)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autofree char *url = mc_publishing_service_dup_url (service);
  guint interrupt = g_unix_signal_add (SIGINT, quit, loop);
  guint terminate = g_unix_signal_add (SIGTERM, quit, loop);

  /* Translators: %s is the address the service answers at. */
  g_print (_("Publishing at %s\n"), url);
  g_print ("%s\n", _("Press Ctrl+C to stop."));
  fflush (stdout);
  g_main_loop_run (loop);
  g_source_remove (interrupt);
  g_source_remove (terminate);
  mc_publishing_service_stop (service);
  return MC_CLI_EXIT_OK;
}

int
mc_cli_serve_run (McCliContext *ctx,
                  int           argc,
                  char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_auto(ServeOptions) options = { NULL, 0, NULL, NULL, NULL, MC_CLI_PASSPHRASE_INIT };
  g_autoptr(McSigningKey) key = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McPublication) publication = NULL;
  g_autoptr(McPublishingService) service = NULL;
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "address", 0, 0, G_OPTION_ARG_STRING, &options.address,
      N_("Listen on the IP address A (127.0.0.1 unless given; 0.0.0.0 for every network)"), N_("A") },
    { "port", 0, 0, G_OPTION_ARG_INT, &options.port, N_("Listen on port P (any free port unless given)"), N_("P") },
    { "tls-certificate", 0, 0, G_OPTION_ARG_FILENAME, &options.certificate,
      N_("Speak HTTPS with the certificate of the PEM file FILE"), N_("FILE") },
    { "tls-key", 0, 0, G_OPTION_ARG_FILENAME, &options.tls_key,
      N_("The certificate’s private key (PEM file, unencrypted)"), N_("FILE") },
    MC_CLI_PASSPHRASE_ENTRIES (&options.passphrase),
    { "key", 0, 0, G_OPTION_ARG_STRING, &options.kid,
      N_("Sign the status lists with the key KID instead of the current one"), N_("KID") },
    { NULL }
  };

  if (!mc_cli_passphrase_check_argv (argc, argv) ||
      !mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("Publish the issuer, its keys, the status lists, the catalogue and the "
                               "verification pages over HTTP (HTTPS with a certificate, from the options "
                               "or the institution settings). Give the signing key’s passphrase to serve "
                               "the signed status lists."),
                             entries, 0, 0, &args))
    return MC_CLI_EXIT_FAILURE;
  if (options.port < 0 || options.port > G_MAXUINT16)
    return mc_cli_usage_error (ctx, _("The port is a number from 1 to 65535"));
  if ((options.certificate == NULL) != (options.tls_key == NULL))
    return mc_cli_usage_error (ctx, _("Give both --tls-certificate and --tls-key"));
  if (!(publication = mc_cli_open_publication (ctx, &options.passphrase, options.kid, &store, &key)))
    return MC_CLI_EXIT_FAILURE;
  certificate = mc_publishing_service_load_certificate (store,
                                                        options.certificate, options.tls_key, &error);
  if (error != NULL)
    {
      mc_cli_report (NULL, error);
      return MC_CLI_EXIT_FAILURE;
    }
  if (key == NULL)
    g_printerr ("%s\n", _("mcred: the status lists are not served without the signing key; give its "
                          "passphrase with --passphrase-file or --passphrase-fd"));
  service = mc_publishing_service_new (publication);
  if (!mc_publishing_service_start (service, options.address, (guint) options.port, certificate, key, &error))
    {
      mc_cli_report (NULL, error);
      return MC_CLI_EXIT_FAILURE;
    }
  return run_until_interrupted (service);
}
