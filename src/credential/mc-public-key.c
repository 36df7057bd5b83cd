/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <gnutls/crypto.h>
#include <gnutls/x509.h>

#include "mc-base-encoding.h"
#include "mc-credential-error.h"
#include "mc-credential-private.h"
#include "mc-public-key-private.h"

#define ED25519_SIGNATURE_SIZE 64

struct _McPublicKey
{
  GObject parent_instance;

  McKeyAlgorithm algorithm;
  guint bits;
  GBytes *n;   /* RSA modulus, big-endian without leading zeros */
  GBytes *e;   /* RSA exponent, likewise */
  GBytes *x;   /* Ed25519 public key */
  char *kid;
};

G_DEFINE_FINAL_TYPE (McPublicKey, mc_public_key, G_TYPE_OBJECT)

/* Algorithms */

const char *
mc_key_algorithm_to_jws_name (McKeyAlgorithm alg)
{
  switch (alg)
    {
    case MC_KEY_ALGORITHM_RS256:
      return "RS256";
    case MC_KEY_ALGORITHM_EDDSA:
      return "EdDSA";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
mc_key_algorithm_from_jws_name (const char     *name,
                                McKeyAlgorithm *alg)
{
  g_return_val_if_fail (alg != NULL, FALSE);

  if (g_strcmp0 (name, "RS256") == 0)
    *alg = MC_KEY_ALGORITHM_RS256;
  else if (g_strcmp0 (name, "EdDSA") == 0)
    *alg = MC_KEY_ALGORITHM_EDDSA;
  else
    return FALSE;
  return TRUE;
}

gnutls_sign_algorithm_t
_mc_key_algorithm_to_gnutls (McKeyAlgorithm alg)
{
  return alg == MC_KEY_ALGORITHM_RS256 ? GNUTLS_SIGN_RSA_SHA256 : GNUTLS_SIGN_EDDSA_ED25519;
}

/* Life cycle */

static void
mc_public_key_finalize (GObject *object)
{
  McPublicKey *self = (McPublicKey *) object;

  g_clear_pointer (&self->n, g_bytes_unref);
  g_clear_pointer (&self->e, g_bytes_unref);
  g_clear_pointer (&self->x, g_bytes_unref);
  g_clear_pointer (&self->kid, g_free);

  G_OBJECT_CLASS (mc_public_key_parent_class)->finalize (object);
}

static void
mc_public_key_class_init (McPublicKeyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_public_key_finalize;
}

static void
mc_public_key_init (McPublicKey *self)
{
}

static char *
bytes_to_base64url (GBytes *bytes)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  return mc_base64url_encode (data, size);
}

static GBytes *
bytes_take_datum (gnutls_datum_t *d)
{
  GBytes *bytes = g_bytes_new (d->data, d->size);

  gnutls_free (d->data);
  d->data = NULL;
  return bytes;
}

/* RFC 7638: SHA-256 over the required members, sorted, without spaces.
 * The values are base64url, which needs no escaping. */
static char *
compute_thumbprint (McPublicKey *self)
{
  g_autofree char *json = NULL;
  guint8 digest[32];

  if (self->algorithm == MC_KEY_ALGORITHM_RS256)
    {
      g_autofree char *n = bytes_to_base64url (self->n);
      g_autofree char *e = bytes_to_base64url (self->e);

      json = g_strdup_printf ("{\"e\":\"%s\",\"kty\":\"RSA\",\"n\":\"%s\"}", e, n);
    }
  else
    {
      g_autofree char *x = bytes_to_base64url (self->x);

      json = g_strdup_printf ("{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\"%s\"}", x);
    }

  if (gnutls_hash_fast (GNUTLS_DIG_SHA256, json, strlen (json), digest) < 0)
    g_error ("GnuTLS cannot compute SHA-256");
  return mc_base64url_encode (digest, sizeof digest);
}

static gboolean
take_rsa_parameters (McPublicKey      *self,
                     gnutls_pubkey_t   pubkey,
                     GError          **error)
{
  gnutls_datum_t n = { NULL, 0 };
  gnutls_datum_t e = { NULL, 0 };
  int ret;

  if (self->bits < MC_RSA_MIN_BITS || self->bits > MC_RSA_MAX_BITS)
    {
      g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                   _("The RSA key has %u bits; credentials need keys of %u to %u bits."),
                   self->bits, MC_RSA_MIN_BITS, MC_RSA_MAX_BITS);
      return FALSE;
    }

  ret = gnutls_pubkey_export_rsa_raw2 (pubkey, &n, &e, GNUTLS_EXPORT_FLAG_NO_LZ);
  if (ret < 0)
    return _mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                            _("The RSA key is damaged."));
  self->algorithm = MC_KEY_ALGORITHM_RS256;
  self->n = bytes_take_datum (&n);
  self->e = bytes_take_datum (&e);
  return TRUE;
}

static gboolean
take_ed25519_parameters (McPublicKey      *self,
                         gnutls_pubkey_t   pubkey,
                         GError          **error)
{
  gnutls_ecc_curve_t curve = GNUTLS_ECC_CURVE_INVALID;
  gnutls_datum_t x = { NULL, 0 };
  int ret;

  ret = gnutls_pubkey_export_ecc_raw2 (pubkey, &curve, &x, NULL, 0);
  if (ret < 0 || curve != GNUTLS_ECC_CURVE_ED25519 || x.size != MC_ED25519_KEY_SIZE)
    {
      gnutls_free (x.data);
      return _mc_credential_set_gnutls_error (error, ret, MC_CREDENTIAL_ERROR_INVALID_KEY,
                                              _("The Ed25519 key is damaged."));
    }
  self->algorithm = MC_KEY_ALGORITHM_EDDSA;
  self->x = bytes_take_datum (&x);
  return TRUE;
}

McPublicKey *
_mc_public_key_new_from_gnutls (gnutls_pubkey_t   pubkey,
                                GError          **error)
{
  g_autoptr(McPublicKey) self = g_object_new (MC_TYPE_PUBLIC_KEY, NULL);
  int pk;

  pk = gnutls_pubkey_get_pk_algorithm (pubkey, &self->bits);
  if (pk == GNUTLS_PK_RSA)
    {
      if (!take_rsa_parameters (self, pubkey, error))
        return NULL;
    }
  else if (pk == GNUTLS_PK_EDDSA_ED25519)
    {
      if (!take_ed25519_parameters (self, pubkey, error))
        return NULL;
    }
  else
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_INVALID_KEY,
                           _("Only RSA and Ed25519 keys can sign credentials."));
      return NULL;
    }

  self->kid = compute_thumbprint (self);
  return g_steal_pointer (&self);
}

/* A new GnuTLS key for one operation, so that no GnuTLS object is ever
 * shared between threads. */
static gnutls_pubkey_t
make_gnutls_key (McPublicKey *self)
{
  gnutls_pubkey_t pubkey = NULL;
  int ret;

  if (gnutls_pubkey_init (&pubkey) < 0)
    g_error ("GnuTLS is out of memory");

  if (self->algorithm == MC_KEY_ALGORITHM_RS256)
    {
      gnutls_datum_t n = _mc_credential_datum (self->n);
      gnutls_datum_t e = _mc_credential_datum (self->e);

      ret = gnutls_pubkey_import_rsa_raw (pubkey, &n, &e);
    }
  else
    {
      gnutls_datum_t x = _mc_credential_datum (self->x);

      ret = gnutls_pubkey_import_ecc_raw (pubkey, GNUTLS_ECC_CURVE_ED25519, &x, NULL);
    }

  /* The parameters came out of GnuTLS and were checked then. */
  if (ret < 0)
    g_error ("GnuTLS refused a key it exported: %s", gnutls_strerror (ret));
  return pubkey;
}

/* Properties */

McKeyAlgorithm
mc_public_key_get_algorithm (McPublicKey *self)
{
  g_return_val_if_fail (MC_IS_PUBLIC_KEY (self), MC_KEY_ALGORITHM_RS256);
  return self->algorithm;
}

guint
mc_public_key_get_bits (McPublicKey *self)
{
  g_return_val_if_fail (MC_IS_PUBLIC_KEY (self), 0);
  return self->bits;
}

const char *
mc_public_key_get_kid (McPublicKey *self)
{
  g_return_val_if_fail (MC_IS_PUBLIC_KEY (self), NULL);
  return self->kid;
}

gboolean
mc_public_key_equal (McPublicKey *self,
                     McPublicKey *other)
{
  g_return_val_if_fail (MC_IS_PUBLIC_KEY (self), FALSE);
  g_return_val_if_fail (MC_IS_PUBLIC_KEY (other), FALSE);

  /* The thumbprint is a hash of all the public parameters. */
  return g_str_equal (self->kid, other->kid);
}

static void
set_base64url_member (JsonObject *jwk,
                      const char *name,
                      GBytes     *bytes)
{
  g_autofree char *text = bytes_to_base64url (bytes);

  json_object_set_string_member (jwk, name, text);
}

JsonObject *
mc_public_key_to_jwk (McPublicKey *self)
{
  JsonObject *jwk;

  g_return_val_if_fail (MC_IS_PUBLIC_KEY (self), NULL);

  jwk = json_object_new ();
  if (self->algorithm == MC_KEY_ALGORITHM_RS256)
    {
      json_object_set_string_member (jwk, "kty", "RSA");
      set_base64url_member (jwk, "n", self->n);
      set_base64url_member (jwk, "e", self->e);
    }
  else
    {
      json_object_set_string_member (jwk, "kty", "OKP");
      json_object_set_string_member (jwk, "crv", "Ed25519");
      set_base64url_member (jwk, "x", self->x);
    }
  json_object_set_string_member (jwk, "kid", self->kid);
  json_object_set_string_member (jwk, "alg", mc_key_algorithm_to_jws_name (self->algorithm));
  json_object_set_string_member (jwk, "use", "sig");
  return jwk;
}

char *
mc_public_key_to_multikey (McPublicKey  *self,
                           GError      **error)
{
  guint8 bytes[MC_MULTIKEY_PREFIX_SIZE + MC_ED25519_KEY_SIZE];
  g_autofree char *base58 = NULL;

  g_return_val_if_fail (MC_IS_PUBLIC_KEY (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (self->algorithm != MC_KEY_ALGORITHM_EDDSA)
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_KEY_MISMATCH,
                           _("Only Ed25519 keys have a Multikey form."));
      return NULL;
    }

  memcpy (bytes, MC_MULTIKEY_ED25519_PREFIX, MC_MULTIKEY_PREFIX_SIZE);
  memcpy (bytes + MC_MULTIKEY_PREFIX_SIZE, g_bytes_get_data (self->x, NULL), MC_ED25519_KEY_SIZE);
  base58 = mc_base58btc_encode (bytes, sizeof bytes);
  return g_strconcat ("z", base58, NULL);
}

char *
mc_public_key_to_pem (McPublicKey *self)
{
  gnutls_pubkey_t pubkey;
  gnutls_datum_t out = { NULL, 0 };
  char *pem;
  int ret;

  g_return_val_if_fail (MC_IS_PUBLIC_KEY (self), NULL);

  pubkey = make_gnutls_key (self);
  ret = gnutls_pubkey_export2 (pubkey, GNUTLS_X509_FMT_PEM, &out);
  gnutls_pubkey_deinit (pubkey);
  if (ret < 0)
    g_error ("GnuTLS cannot write a public key: %s", gnutls_strerror (ret));
  pem = g_strndup ((const char *) out.data, out.size);
  gnutls_free (out.data);
  return pem;
}

/* Verification */

static gboolean
refuse_algorithm (McPublicKey     *self,
                  McKeyAlgorithm   alg,
                  GError         **error)
{
  /* TRANSLATORS: the first %s is a signature algorithm (RS256, EdDSA), the
   * second the algorithm of the key (likewise) */
  g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_KEY_MISMATCH,
               _("The signature claims the algorithm %s, but the key is for %s."),
               mc_key_algorithm_to_jws_name (alg),
               mc_key_algorithm_to_jws_name (self->algorithm));
  return FALSE;
}

static gboolean
refuse_signature (GError **error)
{
  g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_BAD_SIGNATURE,
                       _("The signature does not match: the document was changed after "
                         "signing, or another key signed it."));
  return FALSE;
}

gboolean
mc_public_key_verify (McPublicKey    *self,
                      McKeyAlgorithm  alg,
                      const guint8   *data,
                      gsize           len,
                      const guint8   *signature,
                      gsize           sig_len,
                      GError        **error)
{
  gnutls_datum_t d = { (unsigned char *) data, (unsigned int) len };
  gnutls_datum_t s = { (unsigned char *) signature, (unsigned int) sig_len };
  gnutls_pubkey_t pubkey;
  gsize expected_len;
  int ret;

  g_return_val_if_fail (MC_IS_PUBLIC_KEY (self), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);
  g_return_val_if_fail (signature != NULL || sig_len == 0, FALSE);
  g_return_val_if_fail (len <= G_MAXUINT && sig_len <= G_MAXUINT, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (alg != self->algorithm)
    return refuse_algorithm (self, alg, error);

  /* One signature, one text: a shorter RSA signature (leading zeros left
   * out) would also verify in GnuTLS. */
  expected_len = alg == MC_KEY_ALGORITHM_RS256 ? (self->bits + 7) / 8 : ED25519_SIGNATURE_SIZE;
  if (sig_len != expected_len)
    return refuse_signature (error);

  pubkey = make_gnutls_key (self);
  ret = gnutls_pubkey_verify_data2 (pubkey, _mc_key_algorithm_to_gnutls (alg), 0, &d, &s);
  gnutls_pubkey_deinit (pubkey);
  if (ret < 0)
    {
      g_debug ("GnuTLS: %s (%d)", gnutls_strerror (ret), ret);
      return refuse_signature (error);
    }
  return TRUE;
}
