/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors of the credential layer: keys, signatures and signed documents.
 * Messages are written for a registrar; GnuTLS's own codes only reach the
 * debug log. */

#define MC_CREDENTIAL_ERROR (mc_credential_error_quark ())
typedef enum {
  MC_CREDENTIAL_ERROR_FAILED,
  MC_CREDENTIAL_ERROR_BAD_PASSPHRASE,        /* wrong passphrase for an encrypted key / PKCS#12 */
  MC_CREDENTIAL_ERROR_INVALID_KEY,           /* missing, damaged, not a key, unsupported key type/size */
  MC_CREDENTIAL_ERROR_MALFORMED,             /* not a compact JWS / not JSON / bad encoding */
  MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM, /* alg none, HS256, unknown, header fields OB 3.0 forbids */
  MC_CREDENTIAL_ERROR_KEY_MISMATCH,          /* alg does not fit the key type (key confusion), kid differs */
  MC_CREDENTIAL_ERROR_BAD_SIGNATURE,
  MC_CREDENTIAL_ERROR_EXPIRED,
  MC_CREDENTIAL_ERROR_NOT_YET_VALID,
  MC_CREDENTIAL_ERROR_REVOKED,
  MC_CREDENTIAL_ERROR_SUSPENDED,
  MC_CREDENTIAL_ERROR_SCHEMA,                /* the document is not a valid OpenBadgeCredential */
} McCredentialError;

GQuark mc_credential_error_quark (void);

G_END_DECLS
