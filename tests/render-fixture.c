/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "render-fixture.h"

#include <stdarg.h>
#include <string.h>
#include <glib/gstdio.h>

char *
mc_test_run_tool (const char *variable,
                  ...)
{
  const char *program = g_getenv (variable);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  if (program == NULL || *program == '\0')
    {
      g_test_skip_printf ("%s is not installed", variable);
      return NULL;
    }
  g_ptr_array_add (argv, (char *) program);
  va_start (args, variable);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", program, err);
  return g_steal_pointer (&out);
}

guint
mc_test_pdf_pages (const char *path)
{
  g_autofree char *info = mc_test_run_tool ("PDFINFO", path, NULL);
  const char *line;

  if (info == NULL)
    return 0;
  line = strstr (info, "\nPages:");
  g_assert_nonnull (line);
  return (guint) g_ascii_strtoull (line + strlen ("\nPages:"), NULL, 10);
}

void
mc_test_assert_contains (const char *text,
                         ...)
{
  const char *needle;
  va_list args;

  va_start (args, text);
  while ((needle = va_arg (args, const char *)) != NULL)
    if (strstr (text, needle) == NULL)
      g_error ("“%s” is missing from:\n%s", needle, text);
  va_end (args);
}
