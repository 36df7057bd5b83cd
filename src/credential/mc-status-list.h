/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mc-issuer-profile.h"

G_BEGIN_DECLS

/* W3C Bitstring Status List v1.0: one bit per issued credential, set when
 * the credential is revoked (or, in the suspension list, suspended).  Bit 0
 * is the most significant bit of the first byte. */

#define MC_STATUS_LIST_SIZE 131072   /* bits in one list: 16 KiB, the spec's minimum */

/* GZIP, then multibase base64url without padding ("u" prefix). */
char      *mc_status_list_encode           (GBytes      *bits,
                                            GError     **error);
/* The reverse, strictly: refuses a missing "u", characters outside
 * base64url, padding, damaged or trailing gzip data, lists shorter than the
 * spec's 16 KiB minimum (MC_OB3_ERROR_MALFORMED) and input or output beyond
 * 16 MiB (MC_OB3_ERROR_TOO_LARGE: a gzip bomb). */
GBytes    *mc_status_list_decode           (const char  *encoded_list,
                                            GError     **error);
gboolean   mc_status_list_get_bit          (GBytes      *bits,
                                            guint        index,
                                            gboolean    *value,
                                            GError     **error);
void       mc_status_list_set_bit          (guint8      *bits,
                                            gsize        len,
                                            guint        index);

/* The address of the list that holds credential @status_index for
 * @purpose: "<base>/<purpose>/<index / MC_STATUS_LIST_SIZE>", and the
 * credential's position in that list in @list_offset. */
char      *mc_status_list_url              (const char  *base_url,
                                            const char  *purpose,
                                            guint        status_index,
                                            guint       *list_offset);

/* An unsigned BitstringStatusListCredential for @purpose ("revocation" or
 * "suspension") published at @list_url.  @valid_until may be NULL.
 * Returns: (transfer full): the credential, or NULL with @error set */
JsonNode  *mc_status_list_build_credential (McIssuerProfile *issuer,
                                            const char  *list_url,
                                            const char  *purpose,
                                            GBytes      *bits,
                                            const char  *valid_from,
                                            const char  *valid_until,
                                            GError     **error);

G_END_DECLS
