/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-issuing.h"
#include "mc-cli-lookup.h"

/* "mcred key": the institution's signing keys.  Private keys stay
 * encrypted in the keyring beside the database; passphrases come from a
 * file or a file descriptor, never from the command line. */

#define MAX_PKCS12_BYTES (1024 * 1024)

McSigningKey *
mc_cli_unlock_key (McKeyring      *keyring,
                   const char     *kid,
                   McKeyAlgorithm  alg,
                   const char     *passphrase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McKeyRecord) current = NULL;
  McSigningKey *key;

  if (kid == NULL)
    {
      if ((current = mc_keyring_get_current_key (keyring, alg, &error)) == NULL)
        {
          mc_cli_fail (error);
          return NULL;
        }
      kid = current->kid;
    }
  key = mc_keyring_unlock (keyring, kid, passphrase, &error);
  if (key == NULL)
    mc_cli_report (kid, error);
  return key;
}

static gboolean
parse_algorithm (McCliContext   *ctx,
                 const char     *name,
                 McKeyAlgorithm *alg)
{
  if (name == NULL || mc_key_algorithm_from_jws_name (name, alg))
    return TRUE;
  mc_cli_usage_error (ctx, _("Unknown algorithm “%s”: use RS256 or EdDSA"), name);
  return FALSE;
}

static void
print_added (McKeyring   *keyring,
             McKeyRecord *record)
{
  g_autofree char *file = g_build_filename (mc_keyring_get_directory (keyring), record->private_path, NULL);

  g_print (_("Added the %s signing key %s\n"), mc_enum_label (MC_TYPE_KEY_KIND, record->kind), record->kid);
  g_print (_("Its private key is encrypted in %s\n"), file);
}

static int
key_generate (McCliContext *ctx,
              int           argc,
              char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McKeyring) keyring = NULL;
  g_autoptr(McKeyRecord) record = NULL;
  g_autoptr(McCliSecret) secret = NULL;
  g_autofree char *algorithm = NULL;
  g_auto(McCliPassphrase) passphrase = MC_CLI_PASSPHRASE_INIT;
  McKeyAlgorithm alg = MC_KEY_ALGORITHM_RS256;
  gboolean self_signed = FALSE;
  const GOptionEntry entries[] = {
    { "algorithm", 0, 0, G_OPTION_ARG_STRING, &algorithm, N_("RS256 (RSA 3072, the default) or EdDSA"),
      N_("ALG") },
    { "self-signed", 0, 0, G_OPTION_ARG_NONE, &self_signed,
      N_("Also make a self-signed certificate in the institution’s name"), NULL },
    MC_CLI_PASSPHRASE_ENTRIES (&passphrase),
    { NULL }
  };

  if (!mc_cli_passphrase_check_argv (argc, argv) ||
      !mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("Generate a signing key, encrypted with a passphrase (administrators)."),
                             entries, 0, 0, &args) ||
      !parse_algorithm (ctx, algorithm, &alg) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(secret = mc_cli_passphrase_read (&passphrase)))
    return MC_CLI_EXIT_FAILURE;
  keyring = mc_keyring_new (workflow);
  if (!(record = mc_keyring_generate (keyring, alg, secret, self_signed, &error)))
    return mc_cli_fail (error);
  print_added (keyring, record);
  return MC_CLI_EXIT_OK;
}

static int
key_import (McCliContext *ctx,
            int           argc,
            char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McKeyring) keyring = NULL;
  g_autoptr(McKeyRecord) record = NULL;
  g_autoptr(McCliSecret) secret = NULL;
  g_autoptr(McCliSecret) password = NULL;
  g_autoptr(GBytes) pkcs12 = NULL;
  g_autofree char *password_file = NULL;
  g_auto(McCliPassphrase) passphrase = MC_CLI_PASSPHRASE_INIT;
  const GOptionEntry entries[] = {
    { "password-file", 0, 0, G_OPTION_ARG_FILENAME, &password_file,
      N_("Read the PKCS #12 file’s password from FILE"), N_("FILE") },
    MC_CLI_PASSPHRASE_ENTRIES (&passphrase),
    { NULL }
  };

  if (!mc_cli_passphrase_check_argv (argc, argv) ||
      !mc_cli_parse_command (ctx, argc, argv, _("FILE.p12"),
                             _("Import the key and certificate of a PKCS #12 file from a certificate "
                               "authority (administrators)."),
                             entries, 1, 1, &args) ||
      (password_file != NULL && !(password = mc_cli_secret_read_file (password_file))) ||
      !(pkcs12 = mc_cli_read_input (args[1], MAX_PKCS12_BYTES)) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(secret = mc_cli_passphrase_read (&passphrase)))
    return MC_CLI_EXIT_FAILURE;
  keyring = mc_keyring_new (workflow);
  if (!(record = mc_keyring_import_pkcs12 (keyring, pkcs12, password, secret, &error)))
    {
      mc_cli_report (mc_cli_input_name (args[1]), error);
      return MC_CLI_EXIT_FAILURE;
    }
  print_added (keyring, record);
  return MC_CLI_EXIT_OK;
}

static char **
key_row (McKeyRecord *key)
{
  char **row = g_new0 (char *, 6);

  row[0] = g_strdup (key->kid);
  row[1] = g_strdup (mc_enum_label (MC_TYPE_KEY_KIND, key->kind));
  row[2] = mc_cli_format_time (key->created_at);
  row[3] = key->retired_at != 0 ? mc_cli_format_time (key->retired_at) : g_strdup ("—");
  row[4] = g_strdup (key->private_path != NULL ? _("sign and verify") : _("verify only"));
  return row;
}

static int
key_list (McCliContext *ctx,
          int           argc,
          char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McKeyring) keyring = NULL;
  g_autoptr(GPtrArray) keys = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  const char *headers[] = { _("Key"), _("Kind"), _("Created"), _("Retired"), _("Use") };
  gboolean jwks = FALSE;
  const GOptionEntry entries[] = {
    { "jwks", 0, 0, G_OPTION_ARG_NONE, &jwks,
      N_("Print the public keys as a JSON Web Key Set, as published at <verification address>/keys.json"),
      NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL, _("List the institution’s signing keys."),
                             entries, 0, 0, &args) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  keyring = mc_keyring_new (workflow);
  if (jwks)
    {
      g_autoptr(JsonNode) set = mc_keyring_build_jwks (keyring, &error);

      if (set == NULL)
        return mc_cli_fail (error);
      return mc_cli_print_json (set) ? MC_CLI_EXIT_OK : MC_CLI_EXIT_FAILURE;
    }
  if ((keys = mc_store_list_keys (mc_workflow_get_store (workflow), &error)) == NULL)
    return mc_cli_fail (error);
  if (keys->len == 0)
    {
      g_print ("%s\n", _("No signing keys. An administrator can add one with “mcred key generate”."));
      return MC_CLI_EXIT_OK;
    }
  for (guint i = 0; i < keys->len; i++)
    g_ptr_array_add (rows, key_row (g_ptr_array_index (keys, i)));
  mc_cli_print_table (G_N_ELEMENTS (headers), headers, rows, 0);
  return MC_CLI_EXIT_OK;
}

static int
key_retire (McCliContext *ctx,
            int           argc,
            char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;

  if (!mc_cli_parse_command (ctx, argc, argv, _("KID"),
                             _("Retire a signing key: it signs nothing more, but still verifies what it "
                               "signed (administrators)."),
                             NULL, 1, 1, &args) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  if (!mc_workflow_retire_key (workflow, args[1], &error))
    return mc_cli_fail (error);
  g_print (_("Retired the signing key %s\n"), args[1]);
  return MC_CLI_EXIT_OK;
}

static const McCliCommand key_commands[] = {
  { "generate", key_generate, N_("Generate a signing key") },
  { "import",   key_import,   N_("Import a key from a PKCS #12 file") },
  { "list",     key_list,     N_("List the signing keys, or print them as a JWKS") },
  { "retire",   key_retire,   N_("Retire a signing key") },
};

int
mc_cli_key_run (McCliContext *ctx,
                int           argc,
                char        **argv)
{
  return mc_cli_dispatch (ctx, key_commands, G_N_ELEMENTS (key_commands), NULL, NULL, argc, argv);
}
