/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mc-signing-key.h"
#include "mc-store.h"

G_BEGIN_DECLS

/* Publishing the institution's W3C Bitstring Status Lists: for every list
 * in use (list n holds status indexes n × 131072 to n × 131072 + 131071)
 * a revocation list (revoked and superseded credentials) and a suspension
 * list, each a BitstringStatusListCredential signed as a VC-JWT, written
 * to "revocation-<n>.jwt" and "suspension-<n>.jwt" for the web server to
 * publish at "<base>/status/revocation/<n>" and "<base>/status/suspension/<n>".
 *
 * No unsigned copies are written: a verifier must not trust a list it
 * cannot check.  Each list is valid for MC_STATUS_LIST_VALIDITY_HOURS from
 * the export (validUntil), so that verifiers notice a list that is no
 * longer published: export after every change of status and at least
 * once a day (docs/verification.md). */

#define MC_STATUS_LIST_VALIDITY_HOURS 48

/* @key signs; @kid_url is the JWS "kid" (the key's published address,
 * "<base>/keys/<thumbprint>"; NULL: that address built from @base_url).
 * @base_url: the verification address ("https://credentials.example.edu";
 * NULL: the institution's MC_SETTING_VERIFICATION_URL).  The files are
 * signed first and then each written whole (a temporary file renamed over
 * the old one); @directory is created when missing.
 * Returns: the number of files written, or 0 with @error set */
guint mc_status_list_export (McStore       *store,
                             McSigningKey  *key,
                             const char    *kid_url,
                             const char    *base_url,
                             const char    *directory,
                             GError       **error);

/* How many lists are in use (at least one, possibly empty). */
gboolean mc_status_list_count_lists (McStore       *store,
                                     guint         *n_lists,
                                     GError       **error);

/* One list, signed as mc_status_list_export() signs it: list @number
 * for @purpose holding @bits (MC_STATUS_LIST_SIZE bits), valid from
 * @signed_at (Unix seconds) for MC_STATUS_LIST_VALIDITY_HOURS.  @kid_url
 * and @base_url as for mc_status_list_export().
 * Returns: (transfer full): the compact JWS, or NULL with @error set */
char    *mc_status_list_sign        (McStore       *store,
                                     McSigningKey  *key,
                                     const char    *kid_url,
                                     const char    *base_url,
                                     const char    *purpose,
                                     guint          number,
                                     GBytes        *bits,
                                     gint64         signed_at,
                                     GError       **error);

G_END_DECLS
