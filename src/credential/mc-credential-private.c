/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-credential-error.h"
#include "mc-credential-private.h"

gboolean
_mc_credential_set_gnutls_error (GError     **error,
                                 int          gnutls_code,
                                 int          code,
                                 const char  *message)
{
  /* GnuTLS's wording means nothing to a registrar, but helps whoever
   * reads the debug log. */
  g_debug ("GnuTLS: %s (%d)", gnutls_strerror (gnutls_code), gnutls_code);
  g_set_error_literal (error, MC_CREDENTIAL_ERROR, code, message);
  return FALSE;
}

gnutls_datum_t
_mc_credential_datum (GBytes *bytes)
{
  gsize size = 0;
  gnutls_datum_t d;

  d.data = (unsigned char *) g_bytes_get_data (bytes, &size);
  d.size = (unsigned int) size;
  return d;
}
