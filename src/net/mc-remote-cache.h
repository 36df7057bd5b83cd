/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What McRemoteFetcher fetched, kept in a folder (by default
 * "$XDG_CACHE_HOME/microcred/remote"), one small JSON file per address
 * with the body and its ETag and Last-Modified, for revalidation
 * (If-None-Match) and for the offline mode.  Bounded: at most
 * MC_REMOTE_CACHE_MAX_ENTRIES files, the least recently stored go first.
 * A damaged or unreadable entry is simply not there. */

#define MC_REMOTE_CACHE_MAX_ENTRIES 256

#define MC_TYPE_REMOTE_CACHE (mc_remote_cache_get_type ())
G_DECLARE_FINAL_TYPE (McRemoteCache, mc_remote_cache, MC, REMOTE_CACHE, GObject)

/* @directory: (nullable): NULL for the user cache folder */
McRemoteCache *mc_remote_cache_new    (const char     *directory);
const char    *mc_remote_cache_get_directory (McRemoteCache *self);
/* Returns: (transfer full) (nullable): the body stored for @url, with its
 * validators (each NULL when the server sent none) */
GBytes        *mc_remote_cache_lookup (McRemoteCache  *self,
                                       const char     *url,
                                       char          **etag,
                                       char          **last_modified);
/* Stores @body for @url; a failure to write only loses the entry. */
void           mc_remote_cache_store  (McRemoteCache  *self,
                                       const char     *url,
                                       GBytes         *body,
                                       const char     *etag,
                                       const char     *last_modified);

G_END_DECLS
