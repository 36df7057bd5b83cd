/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>

#include "mc-credential-error.h"
#include "mc-credential-private.h"
#include "mc-signing-key-private.h"

/* Self-signed certificates, for institutions without a certificate
 * authority: they let a verifier see who claims the key, and they travel
 * with the key file. */

#define SERIAL_SIZE          20        /* RFC 5280 §4.1.2.2: at most 20 bytes */
#define MAX_COMMON_NAME      64        /* X.520 ub-common-name */
#define MAX_DAYS             36500
#define SECONDS_PER_DAY      86400

static gboolean
check_subject (const char  *common_name,
               const char  *country,
               guint        days,
               GError     **error)
{
  if (common_name == NULL || common_name[0] == '\0' || !g_utf8_validate (common_name, -1, NULL)
      || g_utf8_strlen (common_name, -1) > MAX_COMMON_NAME)
    g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                 _("The certificate needs a name of 1 to %d characters."), MAX_COMMON_NAME);
  else if (country != NULL
           && (strlen (country) != 2 || !g_ascii_isalpha (country[0]) || !g_ascii_isalpha (country[1])))
    g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                         _("The country must be a two-letter code such as “FR”."));
  else if (days == 0 || days > MAX_DAYS)
    g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_FAILED,
                 _("The certificate must be valid for 1 to %d days."), MAX_DAYS);
  else
    return TRUE;
  return FALSE;
}

static int
set_subject (gnutls_x509_crt_t  crt,
             const char        *common_name,
             const char        *country)
{
  int ret;

  ret = gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COMMON_NAME, 0,
                                       common_name, (unsigned int) strlen (common_name));
  if (ret >= 0 && country != NULL)
    {
      g_autofree char *upper = g_ascii_strup (country, -1);

      ret = gnutls_x509_crt_set_dn_by_oid (crt, GNUTLS_OID_X520_COUNTRY_NAME, 0, upper, 2);
    }
  return ret;
}

static int
set_serial_and_validity (gnutls_x509_crt_t crt,
                         guint             days)
{
  guint8 serial[SERIAL_SIZE];
  time_t now = (time_t) (g_get_real_time () / G_USEC_PER_SEC);
  int ret;

  ret = gnutls_rnd (GNUTLS_RND_NONCE, serial, sizeof serial);
  /* Positive, and with its first byte not zero, so that it keeps 20 bytes. */
  serial[0] = (guint8) ((serial[0] & 0x7f) | 0x40);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_serial (crt, serial, sizeof serial);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_activation_time (crt, now);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_expiration_time (crt, now + (time_t) days * SECONDS_PER_DAY);
  return ret;
}

static int
set_key_and_extensions (McSigningKey      *self,
                        gnutls_x509_crt_t  crt)
{
  guint8 key_id[64];
  size_t key_id_size = sizeof key_id;
  int ret;

  ret = gnutls_x509_crt_set_key (crt, _mc_signing_key_get_x509 (self));
  if (ret >= 0)
    ret = gnutls_x509_crt_set_basic_constraints (crt, 0, -1);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_key_usage (crt, GNUTLS_KEY_DIGITAL_SIGNATURE);
  if (ret >= 0)
    ret = gnutls_x509_crt_get_key_id (crt, 0, key_id, &key_id_size);
  if (ret >= 0)
    ret = gnutls_x509_crt_set_subject_key_id (crt, key_id, key_id_size);
  return ret;
}

gboolean
mc_signing_key_create_self_signed (McSigningKey  *self,
                                   const char    *common_name,
                                   const char    *country,
                                   guint          days,
                                   GError       **error)
{
  gnutls_x509_crt_t crt = NULL;
  gnutls_digest_algorithm_t digest;
  gboolean ok;
  int ret;

  g_return_val_if_fail (MC_IS_SIGNING_KEY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_subject (common_name, country, days, error))
    return FALSE;

  /* Ed25519 hashes with SHA-512 on its own and takes no digest. */
  digest = mc_signing_key_get_algorithm (self) == MC_KEY_ALGORITHM_RS256
           ? GNUTLS_DIG_SHA256 : GNUTLS_DIG_UNKNOWN;

  if (gnutls_x509_crt_init (&crt) < 0)
    g_error ("GnuTLS is out of memory");
  ret = gnutls_x509_crt_set_version (crt, 3);
  if (ret >= 0)
    ret = set_subject (crt, common_name, country);
  if (ret >= 0)
    ret = set_serial_and_validity (crt, days);
  if (ret >= 0)
    ret = set_key_and_extensions (self, crt);
  if (ret >= 0)
    ret = gnutls_x509_crt_privkey_sign (crt, crt, _mc_signing_key_get_privkey (self), digest, 0);

  if (ret < 0)
    ok = _mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_FAILED,
                                          _("Could not make the certificate."));
  else
    ok = _mc_signing_key_set_certificate (self, crt, error);
  gnutls_x509_crt_deinit (crt);
  return ok;
}
