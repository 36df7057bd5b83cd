/* SPDX-License-Identifier: GPL-3.0-or-later */
/* renameat2() swaps the old export for the new one in one step. */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-publication-private.h"

/* The static export: the documents the service would answer, as files
 * for any web server.  A folder-like address, or an HTML page whose
 * address has no extension, becomes "<address>/index.html". */

#define MARKER ".microcred-export"

static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: the folder, and the system's reason. */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               _("Could not write the export into “%s”: %s"), name, g_strerror (saved_errno));
  return FALSE;
}

static char *
file_for (const char            *root,
          const char            *path,
          McPublicationDocument *document)
{
  gboolean html = g_str_has_prefix (document->content_type, "text/html");

  if (g_str_has_suffix (path, "/"))
    return g_build_filename (root, path, "index.html", NULL);
  if (html && !g_str_has_suffix (path, ".html"))
    return g_build_filename (root, path, "index.html", NULL);
  return g_build_filename (root, path, NULL);
}

static gboolean
write_document (const char            *root,
                const char            *path,
                McPublicationDocument *document,
                GError               **error)
{
  g_autofree char *file = file_for (root, path, document);
  g_autofree char *folder = g_path_get_dirname (file);
  gsize length = 0;
  const char *data = g_bytes_get_data (document->body, &length);

  if (g_mkdir_with_parents (folder, 0755) != 0)
    return set_errno_error (error, errno, folder);
  return g_file_set_contents_full (file, data, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0644, error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* Checked before each document, so that cancelling a long export (a
 * page per credential) takes effect within one document. */
static gboolean
write_all (McPublication              *self,
           const char                 *root,
           McPublicationProgressFunc   progress,
           gpointer                    progress_data,
           GCancellable               *cancellable,
           GError                    **error)
{
  g_autoptr(GPtrArray) paths = mc_publication_list_paths (self, error);
  g_autofree char *marker = g_build_filename (root, MARKER, NULL);

  if (paths == NULL)
    return FALSE;
  for (guint i = 0; i < paths->len; i++)
    {
      g_autoptr(McPublicationDocument) document = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      document = mc_publication_get (self, paths->pdata[i], NULL, NULL, error);
      if (document == NULL || !write_document (root, paths->pdata[i], document, error))
        return FALSE;
      if (progress != NULL)
        progress (i + 1, paths->len, progress_data);
    }
  return !g_cancellable_set_error_if_cancelled (cancellable, error) &&
         g_file_set_contents (marker, "Written by mcred publish --export\n", -1, error);
}

static gboolean
is_empty_folder (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);

  return dir != NULL && g_dir_read_name (dir) == NULL;
}

/* A folder that a new export may replace: none, an empty one (as a
 * folder chooser's "Create Folder" makes), or an earlier export. */
static gboolean
check_target (const char  *directory,
              gboolean    *exists,
              GError     **error)
{
  g_autofree char *marker = g_build_filename (directory, MARKER, NULL);
  g_autofree char *name = g_filename_display_name (directory);

  *exists = g_file_test (directory, G_FILE_TEST_EXISTS);
  if (!*exists || g_file_test (marker, G_FILE_TEST_IS_REGULAR) || is_empty_folder (directory))
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
               _("“%s” exists and is not an earlier export; choose an empty or new folder"), name);
  return FALSE;
}

/* Puts @fresh in the place of @directory (an earlier export, or none). */
static gboolean
replace (const char  *fresh,
         const char  *directory,
         gboolean     exists,
         GError     **error)
{
  if (!exists)
    return rename (fresh, directory) == 0 || set_errno_error (error, errno, directory);
  if (renameat2 (AT_FDCWD, fresh, AT_FDCWD, directory, RENAME_EXCHANGE) != 0)
    {
      /* A file system that cannot swap: move the old one aside first. */
      g_autofree char *aside = g_strconcat (fresh, ".old", NULL);

      if (rename (directory, aside) != 0)
        return set_errno_error (error, errno, directory);
      if (rename (fresh, directory) != 0)
        {
          int saved_errno = errno;

          rename (aside, directory);
          return set_errno_error (error, saved_errno, directory);
        }
      remove_tree (aside);
      return TRUE;
    }
  /* After the swap, @fresh holds the old export. */
  remove_tree (fresh);
  return TRUE;
}

gboolean
mc_publication_export (McPublication              *self,
                       const char                 *directory,
                       McPublicationProgressFunc   progress,
                       gpointer                    progress_data,
                       GCancellable               *cancellable,
                       GError                    **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *fresh = NULL;
  gboolean exists = FALSE;

  g_return_val_if_fail (MC_IS_PUBLICATION (self), FALSE);
  g_return_val_if_fail (directory != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  stripped = g_strdup (directory);
  while (strlen (stripped) > 1 && g_str_has_suffix (stripped, "/"))
    stripped[strlen (stripped) - 1] = '\0';
  if (!check_target (stripped, &exists, error))
    return FALSE;
  fresh = g_strconcat (stripped, ".new-XXXXXX", NULL);
  if (g_mkdtemp_full (fresh, 0755) == NULL)
    return set_errno_error (error, errno, stripped);
  /* A cancelled or failed export removes the new folder: @directory
   * keeps what it held, whatever the run wrote before it stopped. */
  if (!write_all (self, fresh, progress, progress_data, cancellable, error) || !replace (fresh, stripped, exists, error))
    {
      remove_tree (fresh);
      return FALSE;
    }
  return TRUE;
}
