/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "mc-cli-context.h"
#include "mc-cli-passphrase.h"

/* Reading secrets without leaving copies about: a fixed buffer, wiped. */

void
mc_cli_secret_free (McCliSecret *secret)
{
  if (secret == NULL)
    return;
  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

gboolean
mc_cli_passphrase_check_argv (int    argc,
                              char **argv)
{
  static const char * const refused[] = { "--passphrase", "--password", "--pass" };

  for (int i = 1; i < argc && g_strcmp0 (argv[i], "--") != 0; i++)
    for (guint j = 0; j < G_N_ELEMENTS (refused); j++)
      {
        gsize len = strlen (refused[j]);

        if (strncmp (argv[i], refused[j], len) == 0 && (argv[i][len] == '\0' || argv[i][len] == '='))
          {
            mc_cli_error (NULL, _("Secrets are never given on the command line, where other users can "
                                  "read them; use --passphrase-file FILE or --passphrase-fd N "
                                  "(and --password-file FILE for a PKCS #12 password)"));
            return FALSE;
          }
      }
  return TRUE;
}

gboolean
mc_cli_passphrase_given (const McCliPassphrase *options)
{
  return options->file != NULL || options->fd >= 0;
}

/* Reads all of @fd into a fresh secret; one trailing newline goes. */
static McCliSecret *
read_secret (int         fd,
             const char *source)
{
  char buffer[MC_CLI_SECRET_MAX_BYTES + 1];
  gsize len = 0;
  McCliSecret *secret;

  for (;;)
    {
      gssize n = read (fd, buffer + len, sizeof buffer - len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          explicit_bzero (buffer, sizeof buffer);
          mc_cli_error (source, "%s", g_strerror (saved_errno));
          return NULL;
        }
      if (n == 0)
        break;
      len += (gsize) n;
      if (len == sizeof buffer)
        {
          explicit_bzero (buffer, sizeof buffer);
          mc_cli_error (source, _("This is too long for a passphrase (at most %d bytes)"),
                        MC_CLI_SECRET_MAX_BYTES);
          return NULL;
        }
    }
  if (len > 0 && buffer[len - 1] == '\n')
    len--;
  if (len > 0 && buffer[len - 1] == '\r')
    len--;
  if (len == 0 || memchr (buffer, '\0', len) != NULL || !g_utf8_validate (buffer, (gssize) len, NULL))
    {
      explicit_bzero (buffer, sizeof buffer);
      mc_cli_error (source, len == 0 ? _("The passphrase is empty")
                                     : _("The passphrase is not text (UTF-8 without NUL bytes)"));
      return NULL;
    }
  secret = g_malloc (len + 1);
  memcpy (secret, buffer, len);
  secret[len] = '\0';
  explicit_bzero (buffer, sizeof buffer);
  return secret;
}

McCliSecret *
mc_cli_secret_read_file (const char *path)
{
  g_autofree char *shown = g_filename_display_name (path);
  McCliSecret *secret;
  int fd;

  if (g_str_equal (path, "-"))
    {
      mc_cli_error (NULL, _("Give a file for the passphrase, not standard input; or use --passphrase-fd 0"));
      return NULL;
    }
  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      mc_cli_error (shown, "%s", g_strerror (saved_errno));
      return NULL;
    }
  secret = read_secret (fd, shown);
  close (fd);
  return secret;
}

McCliSecret *
mc_cli_passphrase_read (const McCliPassphrase *options)
{
  g_autofree char *source = NULL;

  if (options->file != NULL && options->fd >= 0)
    {
      mc_cli_error (NULL, _("Give either --passphrase-file or --passphrase-fd, not both"));
      return NULL;
    }
  if (options->file != NULL)
    return mc_cli_secret_read_file (options->file);
  if (options->fd < 0)
    {
      mc_cli_error (NULL, _("The key’s passphrase is needed: give --passphrase-file FILE "
                            "or --passphrase-fd N"));
      return NULL;
    }
  source = g_strdup_printf (_("file descriptor %d"), options->fd);
  return read_secret (options->fd, source);
}

void
mc_cli_passphrase_clear (McCliPassphrase *options)
{
  g_clear_pointer (&options->file, g_free);
  options->fd = -1;
}
