/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gnutls/gnutls.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Sets @error to MC_CREDENTIAL_ERROR @code with the (translated) @message
 * and logs GnuTLS's description of @gnutls_code at debug level.
 *
 * Returns: FALSE, so that callers can `return _mc_credential_set_gnutls_error (...)` */
gboolean _mc_credential_set_gnutls_error (GError     **error,
                                          int          gnutls_code,
                                          int          code,
                                          const char  *message);

/* @bytes as GnuTLS sees data: not copied, valid as long as @bytes. */
gnutls_datum_t _mc_credential_datum (GBytes *bytes);

/* A copy of @node that shares nothing with it (json_node_copy() shares
 * objects and arrays).  Returns: (transfer full) */
JsonNode *_mc_json_node_deep_copy (JsonNode *node);

G_END_DECLS
