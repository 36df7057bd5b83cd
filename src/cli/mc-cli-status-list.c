/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mc-cli-commands.h"
#include "mc-credential.h"
#include "mc-status-list-export.h"

/* "mcred status-list export DIR": signs the revocation and suspension
 * lists with the institution's key and writes them for the web server.
 * Run it after revoking or suspending, and daily (the lists expire). */

#define MAX_PASSPHRASE 4096

/* The first line of @file or of descriptor @fd, without its line end.
 * Never printed or logged; the caller wipes it. */
static char *
read_passphrase (const char  *file,
                 int          fd,
                 GError     **error)
{
  char buffer[MAX_PASSPHRASE + 1];
  int input = file != NULL ? g_open (file, O_RDONLY | O_CLOEXEC, 0) : fd;
  ssize_t n;
  char *passphrase;

  if (input < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The passphrase cannot be read: %s"), g_strerror (saved_errno));
      return NULL;
    }
  do
    n = read (input, buffer, MAX_PASSPHRASE);
  while (n < 0 && errno == EINTR);
  if (file != NULL)
    close (input);
  if (n < 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The passphrase cannot be read: %s"),
                   g_strerror (errno));
      return NULL;
    }
  buffer[n] = '\0';
  buffer[strcspn (buffer, "\r\n")] = '\0';
  passphrase = buffer[0] != '\0' ? g_strdup (buffer) : NULL;
  memset (buffer, 0, sizeof buffer);
  if (passphrase == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("The passphrase is empty"));
  return passphrase;
}

static void
wipe_passphrase (char *passphrase)
{
  if (passphrase == NULL)
    return;
  memset (passphrase, 0, strlen (passphrase));
  g_free (passphrase);
}

/* The key named with --key, or else the current key of the algorithm
 * the institution signs with (or of the other one). */
static McKeyRecord *
find_key_record (McStore     *store,
                 const char  *kid,
                 GError     **error)
{
  g_autofree char *algorithm = NULL;
  McKeyKind kind;
  McKeyRecord *record;

  if (kid != NULL)
    {
      record = mc_store_find_key (store, kid, error);
      if (record == NULL && (error == NULL || *error == NULL))
        g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                     _("There is no signing key “%s”"), kid);
      return record;
    }
  algorithm = mc_store_get_setting (store, MC_SETTING_SIGNING_ALGORITHM, MC_WORKFLOW_DEFAULT_SIGNING_ALGORITHM);
  kind = g_str_equal (algorithm, "EdDSA") ? MC_KEY_KIND_ED25519 : MC_KEY_KIND_RSA;
  record = mc_store_get_current_key (store, kind, error);
  if (record == NULL && (error == NULL || *error == NULL))
    record = mc_store_get_current_key (store, kind == MC_KEY_KIND_RSA ? MC_KEY_KIND_ED25519 : MC_KEY_KIND_RSA,
                                       error);
  if (record == NULL && (error == NULL || *error == NULL))
    g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                         _("The institution has no signing key yet"));
  return record;
}

/* Whether the key that was unlocked is the one the database records. */
static gboolean
check_key (McKeyRecord   *record,
           McSigningKey  *key,
           GError       **error)
{
  g_autoptr(JsonNode) jwk = mc_strict_json_parse_object (record->public_jwk, -1, NULL);
  g_autoptr(McPublicKey) recorded = jwk != NULL ? mc_public_key_new_from_jwk (json_node_get_object (jwk), NULL)
                                                : NULL;

  if (recorded != NULL && mc_public_key_equal (recorded, mc_signing_key_get_public_key (key)))
    return TRUE;
  g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
               _("The key file of “%s” holds another key than the database records"), record->kid);
  return FALSE;
}

/* Unlocks the private key, kept as the keyring keeps it: at the
 * recorded path, relative to "<database>-keys/" unless absolute. */
static McSigningKey *
unlock_key (McStore     *store,
            const char  *kid,
            const char  *passphrase,
            GError     **error)
{
  g_autoptr(McKeyRecord) record = find_key_record (store, kid, error);
  g_autoptr(McSigningKey) key = NULL;
  g_autofree char *keys_dir = NULL;
  g_autofree char *path = NULL;

  if (record == NULL)
    return NULL;
  if (record->private_path == NULL)
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                   _("The key “%s” can only verify: its private key is not kept here"), record->kid);
      return NULL;
    }
  keys_dir = g_strconcat (mc_store_get_path (store), "-keys", NULL);
  path = g_path_is_absolute (record->private_path) ? g_strdup (record->private_path)
                                                   : g_build_filename (keys_dir, record->private_path, NULL);
  key = mc_signing_key_load (path, passphrase, error);
  if (key == NULL || !check_key (record, key, error))
    return NULL;
  return g_steal_pointer (&key);
}

static int
status_list_export (McCliContext *ctx,
                    int           argc,
                    char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autofree char *passphrase_file = NULL;
  g_autofree char *kid = NULL;
  int passphrase_fd = -1;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McSigningKey) key = NULL;
  g_autoptr(GError) error = NULL;
  char *passphrase = NULL;
  guint n;
  const GOptionEntry entries[] = {
    { "passphrase-file", 0, 0, G_OPTION_ARG_FILENAME, &passphrase_file,
      N_("Read the key’s passphrase from the first line of FILE"), N_("FILE") },
    { "passphrase-fd", 0, 0, G_OPTION_ARG_INT, &passphrase_fd,
      N_("Read the key’s passphrase from file descriptor N"), N_("N") },
    { "key", 0, 0, G_OPTION_ARG_STRING, &kid, N_("Sign with the key KID instead of the current one"), N_("KID") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("DIR"),
                             _("Sign the revocation and suspension lists and write them into DIR, "
                               "for the web server to publish. They are valid for two days: export "
                               "after every change of status and at least daily."),
                             entries, 1, 1, &args))
    return MC_CLI_EXIT_FAILURE;
  if ((passphrase_file == NULL) == (passphrase_fd < 0))
    return mc_cli_usage_error (ctx, _("Give the key’s passphrase with --passphrase-file or --passphrase-fd"));
  if (!(store = mc_cli_open_store (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;

  passphrase = read_passphrase (passphrase_file, passphrase_fd, &error);
  if (passphrase != NULL)
    key = unlock_key (store, kid, passphrase, &error);
  wipe_passphrase (passphrase);
  if (key == NULL)
    {
      mc_cli_report (NULL, error);
      return MC_CLI_EXIT_FAILURE;
    }
  n = mc_status_list_export (store, key, NULL, NULL, args[1], &error);
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
