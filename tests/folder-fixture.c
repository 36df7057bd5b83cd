/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "folder-fixture.h"

#include <stdarg.h>
#include <glib/gstdio.h>

char *
mc_test_make_dir (const char *prefix)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strconcat (prefix, "-XXXXXX", NULL);
  char *dir = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return dir;
}

void
mc_test_remove_dir (const char *dir,
                    ...)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  va_list args;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      gboolean expected = FALSE;
      const char *allowed;

      va_start (args, dir);
      while ((allowed = va_arg (args, const char *)) != NULL)
        expected = expected || g_str_equal (allowed, name);
      va_end (args);
      if (!expected)
        g_error ("left behind in %s: %s", dir, name);
      g_assert_cmpint (g_unlink (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

void
mc_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        mc_test_remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}
