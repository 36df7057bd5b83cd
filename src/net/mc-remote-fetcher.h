/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mc-remote-cache.h"

G_BEGIN_DECLS

/* Fetches the documents a credential points at (keys, did:web documents,
 * status lists) from other institutions, defensively: https only (http
 * only on loopback: 127.0.0.1, ::1, localhost), a connect and a total
 * timeout, a size cap on the body as it streams in (after decompression),
 * at most MC_REMOTE_FETCHER_MAX_REDIRECTS redirects and never from https
 * to http, and no HTML, images or other media.  With a cache, answers are
 * kept with their ETag and Last-Modified and revalidated (a 304 uses the
 * cached body); offline, only the cache is read.
 *
 * Errors are MC_REMOTE_ERROR, with a message that is a clause for the
 * registrar: "the server answered 500 (Internal Server Error)".  The
 * fetcher uses the thread-default main context of the thread that first
 * fetches; use it from that thread only. */

#define MC_REMOTE_FETCHER_MAX_REDIRECTS 3
#define MC_REMOTE_FETCHER_DEFAULT_MAX_SIZE (1024 * 1024)
#define MC_REMOTE_FETCHER_DEFAULT_CONNECT_TIMEOUT 10
#define MC_REMOTE_FETCHER_DEFAULT_TOTAL_TIMEOUT 20

#define MC_REMOTE_ERROR (mc_remote_error_quark ())
GQuark mc_remote_error_quark (void);

typedef enum {
  MC_REMOTE_ERROR_INSECURE,      /* not https (loopback aside), or redirected from https to http */
  MC_REMOTE_ERROR_NETWORK,       /* the server could not be reached, or the connection broke */
  MC_REMOTE_ERROR_TIMEOUT,
  MC_REMOTE_ERROR_HTTP_STATUS,   /* an answer other than 200 */
  MC_REMOTE_ERROR_TOO_LARGE,
  MC_REMOTE_ERROR_REDIRECTS,
  MC_REMOTE_ERROR_CONTENT_TYPE,
  MC_REMOTE_ERROR_DAMAGED,       /* a compressed answer that cannot be decompressed */
  MC_REMOTE_ERROR_NOT_CACHED,    /* offline, and not in the cache */
} McRemoteError;

#define MC_TYPE_REMOTE_FETCHER (mc_remote_fetcher_get_type ())
G_DECLARE_FINAL_TYPE (McRemoteFetcher, mc_remote_fetcher, MC, REMOTE_FETCHER, GObject)

/* @cache: (nullable): where to keep and revalidate answers */
McRemoteFetcher *mc_remote_fetcher_new          (McRemoteCache   *cache);
void             mc_remote_fetcher_set_timeouts (McRemoteFetcher *self,
                                                 guint            connect_seconds,
                                                 guint            total_seconds);
void             mc_remote_fetcher_set_max_size (McRemoteFetcher *self,
                                                 gsize            max_size);
/* Offline: answers only from the cache (MC_REMOTE_ERROR_NOT_CACHED
 * otherwise); nothing goes over the network. */
void             mc_remote_fetcher_set_offline  (McRemoteFetcher *self,
                                                 gboolean         offline);
gboolean         mc_remote_fetcher_get_offline  (McRemoteFetcher *self);

void             mc_remote_fetcher_fetch_async  (McRemoteFetcher     *self,
                                                 const char          *url,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
/* @from_cache: (out) (optional): whether the body came from the cache
 * (offline, or a 304).  Returns: (transfer full): the body */
GBytes          *mc_remote_fetcher_fetch_finish (McRemoteFetcher  *self,
                                                 GAsyncResult     *result,
                                                 gboolean         *from_cache,
                                                 GError          **error);

/* Whether @url may be fetched: https, or http to a loopback host. */
gboolean         mc_remote_fetcher_check_url    (const char       *url,
                                                 GError          **error);

G_END_DECLS
