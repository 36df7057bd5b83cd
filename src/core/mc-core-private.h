/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Data compiled into the core library from data/ ("profiles/eu-council.json"). */
GBytes *_mc_core_lookup_resource (const char *name, GError **error);
/* Names of the files in a compiled-in folder ("profiles"). */
char  **_mc_core_list_resources  (const char *folder, GError **error);

G_END_DECLS
