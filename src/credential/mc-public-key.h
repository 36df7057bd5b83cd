/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* The algorithms credentials are signed with: RS256 (RSASSA-PKCS1-v1_5
 * with SHA-256; new keys have 3072 bits, keys from 2048 bits are accepted)
 * and EdDSA with Ed25519. */
typedef enum {
  MC_KEY_ALGORITHM_RS256,
  MC_KEY_ALGORITHM_EDDSA,
} McKeyAlgorithm;

/* "RS256" or "EdDSA", the JWS "alg" names. */
const char *mc_key_algorithm_to_jws_name   (McKeyAlgorithm  alg);
/* TRUE and sets @alg for "RS256" and "EdDSA" (case matters); FALSE for
 * "none", "HS256", "ES256" and everything else. */
gboolean    mc_key_algorithm_from_jws_name (const char     *name,
                                            McKeyAlgorithm *alg);

/* A public key that verifies credentials: RSA of 2048 to 16384 bits, or
 * Ed25519.  Every constructor refuses other key types and sizes with
 * MC_CREDENTIAL_ERROR_INVALID_KEY, so an McPublicKey is always usable.
 *
 * Immutable: one key may verify from several threads at once (each call
 * works on its own GnuTLS object). */

#define MC_TYPE_PUBLIC_KEY (mc_public_key_get_type ())
G_DECLARE_FINAL_TYPE (McPublicKey, mc_public_key, MC, PUBLIC_KEY, GObject)

/* RFC 7517: kty "RSA" with n and e, or kty "OKP", crv "Ed25519" with x.
 * Refuses private members ("d", "p", "q", …) and a key marked for another
 * algorithm or use; "kid" is not checked (it may be a URI). */
McPublicKey   *mc_public_key_new_from_jwk      (JsonObject    *jwk,
                                                GError       **error);
/* A SubjectPublicKeyInfo ("PUBLIC KEY") or an X.509 certificate in PEM. */
McPublicKey   *mc_public_key_new_from_pem      (const char    *pem,
                                                GError       **error);
/* An Ed25519 Multikey: "z" + base58btc (0xed 0x01 + 32 bytes), "z6Mk…". */
McPublicKey   *mc_public_key_new_from_multikey (const char    *multibase,
                                                GError       **error);

McKeyAlgorithm mc_public_key_get_algorithm     (McPublicKey   *self);
/* The size of the key in bits (256 for Ed25519). */
guint          mc_public_key_get_bits          (McPublicKey   *self);
/* The RFC 7638 JWK SHA-256 thumbprint, base64url. */
const char    *mc_public_key_get_kid           (McPublicKey   *self);
/* TRUE when both are the same key. */
gboolean       mc_public_key_equal             (McPublicKey   *self,
                                                McPublicKey   *other);
/* Returns: (transfer full): kty, n and e or crv and x, plus "kid", "alg"
 * and "use": "sig". */
JsonObject    *mc_public_key_to_jwk            (McPublicKey   *self);
/* Ed25519 only (MC_CREDENTIAL_ERROR_KEY_MISMATCH for RSA). */
char          *mc_public_key_to_multikey       (McPublicKey   *self,
                                                GError       **error);
/* A SubjectPublicKeyInfo PEM. */
char          *mc_public_key_to_pem            (McPublicKey   *self);

/* Checks @signature over @data.  MC_CREDENTIAL_ERROR_KEY_MISMATCH when
 * @alg is not this key's algorithm (an RSA key never verifies EdDSA and the
 * reverse), MC_CREDENTIAL_ERROR_BAD_SIGNATURE when the signature does not
 * match. */
gboolean       mc_public_key_verify            (McPublicKey   *self,
                                                McKeyAlgorithm alg,
                                                const guint8  *data,
                                                gsize          len,
                                                const guint8  *signature,
                                                gsize          sig_len,
                                                GError       **error);

G_END_DECLS
