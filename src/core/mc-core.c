/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-core.h"
#include "mc-core-private.h"
#include "mc-core-resources.h"

void
mc_core_init (void)
{
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      mc_core_register_resource ();
      g_once_init_leave (&initialised, 1);
    }
}

GBytes *
_mc_core_lookup_resource (const char  *name,
                          GError     **error)
{
  g_autofree char *path = NULL;

  mc_core_init ();
  path = g_strconcat (RESOURCE_BASE "/core/", name, NULL);
  return g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}

char **
_mc_core_list_resources (const char  *folder,
                         GError     **error)
{
  g_autofree char *path = NULL;

  mc_core_init ();
  path = g_strconcat (RESOURCE_BASE "/core/", folder, "/", NULL);
  return g_resources_enumerate_children (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
}
