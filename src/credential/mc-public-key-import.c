/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gnutls/x509.h>

#include "mc-base-encoding.h"
#include "mc-credential-error.h"
#include "mc-credential-private.h"
#include "mc-public-key-private.h"

/* Public keys from the outside: JWK, PEM and Multikey.  Each ends in
 * _mc_public_key_new_from_gnutls(), which checks the type and size. */


static McPublicKey *
new_from_gnutls_then_free (gnutls_pubkey_t   pubkey,
                           GError          **error)
{
  McPublicKey *self = _mc_public_key_new_from_gnutls (pubkey, error);

  gnutls_pubkey_deinit (pubkey);
  return self;
}

static gboolean
jwk_refuse (GError     **error,
            const char  *member)
{
  /* TRANSLATORS: %s is a member of a JSON Web Key, such as “n” or “crv” */
  g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
               _("The public key (JWK) has a missing or invalid “%s”."), member);
  return FALSE;
}

static gboolean
jwk_string_is (JsonObject *jwk,
               const char *member,
               const char *expected,
               gboolean    required)
{
  JsonNode *node = json_object_get_member (jwk, member);

  if (node == NULL)
    return !required;
  return JSON_NODE_HOLDS_VALUE (node)
         && json_node_get_value_type (node) == G_TYPE_STRING
         && g_strcmp0 (json_node_get_string (node), expected) == 0;
}

/* A base64url member holding @size bytes, or (@size 0) a number without
 * leading zero bytes. */
static GBytes *
jwk_bytes (JsonObject  *jwk,
           const char  *member,
           gsize        size,
           GError     **error)
{
  JsonNode *node = json_object_get_member (jwk, member);
  g_autofree guint8 *data = NULL;
  gsize len = 0;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return (jwk_refuse (error, member), NULL);
  data = mc_base64url_decode (json_node_get_string (node), &len, NULL);
  if (data == NULL || len == 0 || (size != 0 && len != size) || (size == 0 && data[0] == 0))
    return (jwk_refuse (error, member), NULL);
  return g_bytes_new_take (g_steal_pointer (&data), len);
}

static gboolean
jwk_check_members (JsonObject      *jwk,
                   McKeyAlgorithm   alg,
                   GError         **error)
{
  static const char *const private_members[] = { "d", "p", "q", "dp", "dq", "qi", "oth", "k" };

  for (guint i = 0; i < G_N_ELEMENTS (private_members); i++)
    if (json_object_has_member (jwk, private_members[i]))
      {
        g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                             _("The key (JWK) contains private parts; give only the public key."));
        return FALSE;
      }
  if (!jwk_string_is (jwk, "alg", mc_key_algorithm_to_jws_name (alg), FALSE))
    return jwk_refuse (error, "alg");
  if (!jwk_string_is (jwk, "use", "sig", FALSE))
    return jwk_refuse (error, "use");
  return TRUE;
}

static McPublicKey *
new_rsa_from_jwk (JsonObject  *jwk,
                  GError     **error)
{
  g_autoptr(GBytes) n = NULL;
  g_autoptr(GBytes) e = NULL;
  gnutls_pubkey_t pubkey = NULL;
  gnutls_datum_t dn, de;
  int ret;

  n = jwk_bytes (jwk, "n", 0, error);
  if (n == NULL)
    return NULL;
  e = jwk_bytes (jwk, "e", 0, error);
  if (e == NULL)
    return NULL;

  dn = _mc_credential_datum (n);
  de = _mc_credential_datum (e);
  if (gnutls_pubkey_init (&pubkey) < 0)
    g_error ("GnuTLS is out of memory");
  ret = gnutls_pubkey_import_rsa_raw (pubkey, &dn, &de);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      return (_mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                               _("The RSA key is damaged.")), NULL);
    }
  return new_from_gnutls_then_free (pubkey, error);
}

static McPublicKey *
new_ed25519 (const guint8  *x,
             gsize          len,
             GError       **error)
{
  gnutls_pubkey_t pubkey = NULL;
  gnutls_datum_t dx = { (unsigned char *) x, (unsigned int) len };
  int ret;

  if (gnutls_pubkey_init (&pubkey) < 0)
    g_error ("GnuTLS is out of memory");
  ret = gnutls_pubkey_import_ecc_raw (pubkey, GNUTLS_ECC_CURVE_ED25519, &dx, NULL);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      return (_mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                               _("The Ed25519 key is damaged.")), NULL);
    }
  return new_from_gnutls_then_free (pubkey, error);
}

McPublicKey *
mc_public_key_new_from_jwk (JsonObject  *jwk,
                            GError     **error)
{
  g_return_val_if_fail (jwk != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (jwk_string_is (jwk, "kty", "RSA", TRUE))
    {
      if (!jwk_check_members (jwk, MC_KEY_ALGORITHM_RS256, error))
        return NULL;
      return new_rsa_from_jwk (jwk, error);
    }

  if (jwk_string_is (jwk, "kty", "OKP", TRUE))
    {
      g_autoptr(GBytes) x = NULL;

      if (!jwk_check_members (jwk, MC_KEY_ALGORITHM_EDDSA, error))
        return NULL;
      if (!jwk_string_is (jwk, "crv", "Ed25519", TRUE))
        {
          g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                               _("Only RSA and Ed25519 keys can sign credentials."));
          return NULL;
        }
      x = jwk_bytes (jwk, "x", MC_ED25519_KEY_SIZE, error);
      if (x == NULL)
        return NULL;
      return new_ed25519 (g_bytes_get_data (x, NULL), g_bytes_get_size (x), error);
    }

  g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                       _("Only RSA and Ed25519 keys can sign credentials."));
  return NULL;
}

static int
import_certificate_key (gnutls_pubkey_t        pubkey,
                        const gnutls_datum_t  *pem)
{
  gnutls_x509_crt_t crt = NULL;
  int ret;

  ret = gnutls_x509_crt_init (&crt);
  if (ret >= 0)
    ret = gnutls_x509_crt_import (crt, pem, GNUTLS_X509_FMT_PEM);
  if (ret >= 0)
    ret = gnutls_pubkey_import_x509 (pubkey, crt, 0);
  gnutls_x509_crt_deinit (crt);
  return ret;
}

McPublicKey *
mc_public_key_new_from_pem (const char  *pem,
                            GError     **error)
{
  gnutls_pubkey_t pubkey = NULL;
  gnutls_datum_t data;
  int ret;

  g_return_val_if_fail (pem != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (strstr (pem, "PRIVATE KEY-----") != NULL)
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                           _("This is a private key; give the public key or the certificate."));
      return NULL;
    }

  data.data = (unsigned char *) pem;
  data.size = (unsigned int) strlen (pem);
  if (gnutls_pubkey_init (&pubkey) < 0)
    g_error ("GnuTLS is out of memory");
  if (strstr (pem, "-----BEGIN CERTIFICATE-----") != NULL)
    ret = import_certificate_key (pubkey, &data);
  else
    ret = gnutls_pubkey_import (pubkey, &data, GNUTLS_X509_FMT_PEM);
  if (ret < 0)
    {
      gnutls_pubkey_deinit (pubkey);
      return (_mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                               _("The text is not a public key or certificate "
                                                 "in PEM form, or it is damaged.")), NULL);
    }
  return new_from_gnutls_then_free (pubkey, error);
}

McPublicKey *
mc_public_key_new_from_multikey (const char  *multibase,
                                 GError     **error)
{
  g_autofree guint8 *bytes = NULL;
  gsize len = 0;

  g_return_val_if_fail (multibase != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (multibase[0] == 'z')
    bytes = mc_base58btc_decode (multibase + 1, &len, NULL);
  if (bytes == NULL || len != MC_MULTIKEY_PREFIX_SIZE + MC_ED25519_KEY_SIZE
      || memcmp (bytes, MC_MULTIKEY_ED25519_PREFIX, MC_MULTIKEY_PREFIX_SIZE) != 0)
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                           _("The text is not an Ed25519 public key in Multikey form."));
      return NULL;
    }
  return new_ed25519 (bytes + MC_MULTIKEY_PREFIX_SIZE, MC_ED25519_KEY_SIZE, error);
}
