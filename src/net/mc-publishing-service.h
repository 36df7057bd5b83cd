/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mc-publication.h"

G_BEGIN_DECLS

/* The publishing service: an HTTP(S) server (libsoup) answering GET and
 * HEAD for the documents of a McPublication, with the headers caches and
 * verifiers rely on (ETag, Last-Modified, Cache-Control, CORS).  It runs
 * in the thread-default main context of the thread that starts it; the
 * documents are built by worker threads, each with its own database
 * connection, so that the main loop never waits on the database.
 * docs/publishing.md describes what it serves and its limits. */

#define MC_TYPE_PUBLISHING_SERVICE (mc_publishing_service_get_type ())
G_DECLARE_FINAL_TYPE (McPublishingService, mc_publishing_service, MC, PUBLISHING_SERVICE, GObject)

/* The default address: the service is reachable from this computer only
 * unless the administrator chooses another. */
#define MC_PUBLISHING_SERVICE_DEFAULT_ADDRESS "127.0.0.1"

McPublishingService *mc_publishing_service_new             (McPublication        *publication);
McPublication       *mc_publishing_service_get_publication (McPublishingService  *self);

/* Starts listening on @address (NULL: 127.0.0.1; an IPv4 or IPv6
 * address, "0.0.0.0" for all) and @port (0: any free port), speaking
 * HTTPS when @tls_certificate (with its private key) is given.  @key
 * (nullable) signs the status lists; without it they are answered with
 * 503.  Fails with G_IO_ERROR (address in use, not an address …) and a
 * message for the administrator. */
gboolean             mc_publishing_service_start           (McPublishingService  *self,
                                                            const char           *address,
                                                            guint                 port,
                                                            GTlsCertificate      *tls_certificate,
                                                            McSigningKey         *key,
                                                            GError              **error);
void                 mc_publishing_service_stop            (McPublishingService  *self);
/* The "running" property. */
gboolean             mc_publishing_service_get_running     (McPublishingService  *self);
/* The address the service answers at ("http://127.0.0.1:8080/" plus the
 * verification address's path), or NULL while stopped.
 * Returns: (transfer full) (nullable) */
char                *mc_publishing_service_dup_url         (McPublishingService  *self);
/* How long a client may take to send a request's headers (the
 * "request-timeout" property, in seconds; 10 by default) before its
 * connection is closed. */
void                 mc_publishing_service_set_request_timeout (McPublishingService *self,
                                                                guint                seconds);

/* The TLS certificate of @certificate_path and @key_path (PEM files), or
 * when both are NULL those of the institution settings
 * (MC_SETTING_PUBLISH_TLS_CERTIFICATE and _KEY); NULL without error when
 * none is set.  A file that cannot be read or holds no certificate or key
 * is an error naming it.
 * Returns: (transfer full) (nullable) */
GTlsCertificate     *mc_publishing_service_load_certificate (McStore             *store,
                                                             const char          *certificate_path,
                                                             const char          *key_path,
                                                             GError             **error);

G_END_DECLS
