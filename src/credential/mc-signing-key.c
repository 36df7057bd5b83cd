/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gnutls/abstract.h>

#include "mc-credential-error.h"
#include "mc-credential-private.h"
#include "mc-public-key-private.h"
#include "mc-signing-key-private.h"

#define RSA_GENERATED_BITS 3072
#define ED25519_SEED_SIZE  32

/* RFC 8410 PKCS #8 of an Ed25519 key without its public part: SEQUENCE {
 * version 0, AlgorithmIdentifier { 1.3.101.112 }, OCTET STRING { OCTET
 * STRING (32 bytes) } }.  GnuTLS derives the public key on import. */
static const guint8 ed25519_pkcs8_prefix[] = {
  0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70,
  0x04, 0x22, 0x04, 0x20,
};

struct _McSigningKey
{
  GObject parent_instance;

  gnutls_x509_privkey_t x509;   /* owned; what is exported */
  gnutls_privkey_t privkey;     /* signs, through x509 */
  McPublicKey *public_key;
  char *certificate_pem;
};

G_DEFINE_FINAL_TYPE (McSigningKey, mc_signing_key, G_TYPE_OBJECT)

static void
mc_signing_key_finalize (GObject *object)
{
  McSigningKey *self = (McSigningKey *) object;

  /* GnuTLS zeroes the key parameters as it frees them. */
  g_clear_pointer (&self->privkey, gnutls_privkey_deinit);
  g_clear_pointer (&self->x509, gnutls_x509_privkey_deinit);
  g_clear_object (&self->public_key);
  g_clear_pointer (&self->certificate_pem, g_free);

  G_OBJECT_CLASS (mc_signing_key_parent_class)->finalize (object);
}

static void
mc_signing_key_class_init (McSigningKeyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_signing_key_finalize;
}

static void
mc_signing_key_init (McSigningKey *self)
{
}

static McPublicKey *
public_key_of (gnutls_privkey_t   privkey,
               GError           **error)
{
  gnutls_pubkey_t pubkey = NULL;
  McPublicKey *public_key = NULL;
  int ret;

  if (gnutls_pubkey_init (&pubkey) < 0)
    g_error ("GnuTLS is out of memory");
  ret = gnutls_pubkey_import_privkey (pubkey, privkey, 0, 0);
  if (ret < 0)
    _mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                     _("The key is damaged."));
  else
    public_key = _mc_public_key_new_from_gnutls (pubkey, error);
  gnutls_pubkey_deinit (pubkey);
  return public_key;
}

McSigningKey *
_mc_signing_key_new_take (gnutls_x509_privkey_t   key,
                          GError                **error)
{
  g_autoptr(McSigningKey) self = g_object_new (MC_TYPE_SIGNING_KEY, NULL);
  int ret;

  self->x509 = key;
  if (gnutls_privkey_init (&self->privkey) < 0)
    g_error ("GnuTLS is out of memory");
  ret = gnutls_privkey_import_x509 (self->privkey, self->x509, 0);
  if (ret < 0)
    return (_mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                             _("The key is damaged.")), NULL);

  /* The public key checks the type and size, for both kinds of key. */
  self->public_key = public_key_of (self->privkey, error);
  if (self->public_key == NULL)
    return NULL;

  /* A key whose parts do not fit together would sign garbage. */
  ret = gnutls_x509_privkey_verify_params (self->x509);
  if (ret < 0)
    return (_mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                             _("The key is damaged.")), NULL);
  return g_steal_pointer (&self);
}

gnutls_x509_privkey_t
_mc_signing_key_get_x509 (McSigningKey *self)
{
  return self->x509;
}

gnutls_privkey_t
_mc_signing_key_get_privkey (McSigningKey *self)
{
  return self->privkey;
}

McSigningKey *
mc_signing_key_generate (McKeyAlgorithm   alg,
                         GError         **error)
{
  gnutls_x509_privkey_t key = NULL;
  int ret;

  g_return_val_if_fail (alg == MC_KEY_ALGORITHM_RS256 || alg == MC_KEY_ALGORITHM_EDDSA, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (gnutls_x509_privkey_init (&key) < 0)
    g_error ("GnuTLS is out of memory");
  if (alg == MC_KEY_ALGORITHM_RS256)
    ret = gnutls_x509_privkey_generate (key, GNUTLS_PK_RSA, RSA_GENERATED_BITS, 0);
  else
    ret = gnutls_x509_privkey_generate (key, GNUTLS_PK_EDDSA_ED25519,
                                        GNUTLS_CURVE_TO_BITS (GNUTLS_ECC_CURVE_ED25519), 0);
  if (ret < 0)
    {
      gnutls_x509_privkey_deinit (key);
      return (_mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_FAILED,
                                               _("Could not make a new key.")), NULL);
    }
  return _mc_signing_key_new_take (key, error);
}

McSigningKey *
mc_signing_key_new_from_ed25519_seed (const guint8   seed[32],
                                      GError       **error)
{
  guint8 der[sizeof ed25519_pkcs8_prefix + ED25519_SEED_SIZE];
  gnutls_datum_t data = { der, sizeof der };
  gnutls_x509_privkey_t key = NULL;
  int ret;

  g_return_val_if_fail (seed != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  memcpy (der, ed25519_pkcs8_prefix, sizeof ed25519_pkcs8_prefix);
  memcpy (der + sizeof ed25519_pkcs8_prefix, seed, ED25519_SEED_SIZE);
  if (gnutls_x509_privkey_init (&key) < 0)
    g_error ("GnuTLS is out of memory");
  ret = gnutls_x509_privkey_import_pkcs8 (key, &data, GNUTLS_X509_FMT_DER, NULL, GNUTLS_PKCS_PLAIN);
  gnutls_memset (der, 0, sizeof der);
  if (ret < 0)
    {
      gnutls_x509_privkey_deinit (key);
      return (_mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                               _("The Ed25519 key is damaged.")), NULL);
    }
  return _mc_signing_key_new_take (key, error);
}

McSigningKey *
mc_signing_key_dup (McSigningKey *self)
{
  g_autoptr(GError) error = NULL;
  gnutls_x509_privkey_t key = NULL;
  McSigningKey *copy;
  int ret;

  g_return_val_if_fail (MC_IS_SIGNING_KEY (self), NULL);

  if (gnutls_x509_privkey_init (&key) < 0)
    g_error ("GnuTLS is out of memory");
  ret = gnutls_x509_privkey_cpy (key, self->x509);
  if (ret < 0)
    g_error ("GnuTLS cannot copy a key: %s", gnutls_strerror (ret));
  /* The original passed the same checks. */
  copy = _mc_signing_key_new_take (key, &error);
  if (copy == NULL)
    g_error ("A copy of a key is not valid: %s", error->message);
  copy->certificate_pem = g_strdup (self->certificate_pem);
  return copy;
}

McPublicKey *
mc_signing_key_get_public_key (McSigningKey *self)
{
  g_return_val_if_fail (MC_IS_SIGNING_KEY (self), NULL);
  return self->public_key;
}

McKeyAlgorithm
mc_signing_key_get_algorithm (McSigningKey *self)
{
  g_return_val_if_fail (MC_IS_SIGNING_KEY (self), MC_KEY_ALGORITHM_RS256);
  return mc_public_key_get_algorithm (self->public_key);
}

const char *
mc_signing_key_get_kid (McSigningKey *self)
{
  g_return_val_if_fail (MC_IS_SIGNING_KEY (self), NULL);
  return mc_public_key_get_kid (self->public_key);
}

const char *
mc_signing_key_get_certificate_pem (McSigningKey *self)
{
  g_return_val_if_fail (MC_IS_SIGNING_KEY (self), NULL);
  return self->certificate_pem;
}

gboolean
_mc_signing_key_set_certificate (McSigningKey       *self,
                                 gnutls_x509_crt_t   crt,
                                 GError            **error)
{
  gnutls_pubkey_t pubkey = NULL;
  g_autoptr(McPublicKey) certified = NULL;
  gnutls_datum_t pem = { NULL, 0 };
  int ret;

  if (gnutls_pubkey_init (&pubkey) < 0)
    g_error ("GnuTLS is out of memory");
  ret = gnutls_pubkey_import_x509 (pubkey, crt, 0);
  if (ret >= 0)
    certified = _mc_public_key_new_from_gnutls (pubkey, NULL);
  gnutls_pubkey_deinit (pubkey);
  if (certified == NULL || !mc_public_key_equal (certified, self->public_key))
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                           _("The certificate belongs to another key."));
      return FALSE;
    }

  ret = gnutls_x509_crt_export2 (crt, GNUTLS_X509_FMT_PEM, &pem);
  if (ret < 0)
    return _mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                            _("The certificate is damaged."));
  g_free (self->certificate_pem);
  self->certificate_pem = g_strndup ((const char *) pem.data, pem.size);
  gnutls_free (pem.data);
  return TRUE;
}

GBytes *
mc_signing_key_sign (McSigningKey  *self,
                     const guint8  *data,
                     gsize          len,
                     GError       **error)
{
  gnutls_datum_t d = { (unsigned char *) data, (unsigned int) len };
  gnutls_datum_t signature = { NULL, 0 };
  McKeyAlgorithm alg;
  GBytes *bytes;
  int ret;

  g_return_val_if_fail (MC_IS_SIGNING_KEY (self), NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (len <= G_MAXUINT, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  alg = mc_signing_key_get_algorithm (self);
  ret = gnutls_privkey_sign_data2 (self->privkey, _mc_key_algorithm_to_gnutls (alg), 0, &d, &signature);
  if (ret < 0)
    return (_mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_FAILED,
                                             _("Could not sign with the key.")), NULL);
  bytes = g_bytes_new (signature.data, signature.size);
  gnutls_free (signature.data);
  return bytes;
}
