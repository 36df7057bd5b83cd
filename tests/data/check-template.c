/* SPDX-License-Identifier: GPL-3.0-or-later */
/* check-template: reads review templates with the strict parser of the
 * application, so that a shipped template the application would refuse
 * fails the data tests rather than the first review.
 *
 * Usage: check-template PATH...
 * A PATH that is a folder stands for the *.json files in it.  Exits
 * non-zero when a file is refused or when there is nothing to check. */
#include "config.h"

#include <locale.h>

#include "mc-core.h"

static gboolean
check_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McTemplate) template = NULL;
  g_autofree char *data = NULL;
  gsize length;

  if (g_file_get_contents (path, &data, &length, &error))
    template = mc_template_new_from_json (data, (gssize) length, &error);
  if (template == NULL)
    {
      g_print ("not ok - %s: %s\n", path, error->message);
      return FALSE;
    }
  g_print ("ok - %s (%s)\n", path, mc_template_get_key (template));
  return TRUE;
}

static void
add_path (GPtrArray  *files,
          const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_ptr_array_add (files, g_strdup (path));
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, ".json"))
      g_ptr_array_add (files, g_build_filename (path, name, NULL));
}

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  guint refused = 0;

  setlocale (LC_ALL, "");
  mc_core_init ();
  for (int i = 1; i < argc; i++)
    add_path (files, argv[i]);
  if (files->len == 0)
    {
      g_printerr ("check-template: no templates to check\n");
      return 1;
    }
  g_ptr_array_sort (files, compare_paths);
  for (guint i = 0; i < files->len; i++)
    if (!check_file (g_ptr_array_index (files, i)))
      refused++;
  g_print ("check-template: %u files checked, %u refused\n", files->len, refused);
  return refused > 0 ? 1 : 0;
}
