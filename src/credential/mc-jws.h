/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "mc-public-key.h"
#include "mc-signing-key.h"

G_BEGIN_DECLS

/* Compact JWS (RFC 7515) for VC-JWT, Open Badges 3.0 §8.2: the credential
 * is the payload, and the header is exactly {"alg":…,"kid":…,"typ":"JWT"}:
 * OB 3.0 allows no other header fields.
 *
 * Parsing is strict, because the token comes from outside: at most
 * MC_JWS_MAX_LENGTH bytes; exactly three parts of base64url without
 * padding; header and payload strict JSON objects (see mc-strict-json.h).
 * Those problems are MC_CREDENTIAL_ERROR_MALFORMED.  The header may hold
 * only "alg" (required), "kid" and "typ"; "alg" must be RS256 or EdDSA and
 * "typ", when present, "JWT".  Everything else — "none", HS256 and other
 * algorithms, "crit", "jku", "jwk", "x5u", "x5c", "b64" and any other field —
 * is MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM: a verifier never takes the
 * key or the rules from the token it checks. */

#define MC_JWS_MAX_LENGTH (1024 * 1024)

/* Signs @payload_json (a JSON object, signed byte for byte as given) with
 * @key; the header's "kid" is the key's thumbprint.
 * Returns: the compact JWS */
char       *mc_jws_sign          (McSigningKey  *key,
                                  const char    *payload_json,
                                  GError       **error);
/* The same with another "kid", such as the URI where the issuer publishes
 * the key (OB 3.0 asks for a URI that dereferences to the JWK); NULL means
 * the thumbprint. */
char       *mc_jws_sign_with_kid (McSigningKey  *key,
                                  const char    *kid,
                                  const char    *payload_json,
                                  GError       **error);

#define MC_TYPE_JWS (mc_jws_get_type ())
typedef struct _McJws McJws;

GType       mc_jws_get_type      (void) G_GNUC_CONST;
McJws      *mc_jws_parse         (const char    *compact,
                                  GError       **error);
McJws      *mc_jws_copy          (McJws         *self);
void        mc_jws_free          (McJws         *self);

/* The header's "kid", or NULL when it has none.  Choosing the key that
 * belongs to it is the caller's business. */
const char *mc_jws_get_kid       (McJws         *self);
McKeyAlgorithm mc_jws_get_algorithm (McJws      *self);
/* Returns: (transfer none) */
JsonObject *mc_jws_get_payload   (McJws         *self);
const char *mc_jws_get_payload_text (McJws      *self);

/* Verifies the signature with @key: MC_CREDENTIAL_ERROR_KEY_MISMATCH when
 * the token's algorithm does not fit the key type (an RSA key never
 * verifies EdDSA and the reverse; no McPublicKey has fewer than 2048 RSA
 * bits), MC_CREDENTIAL_ERROR_BAD_SIGNATURE when the signature is wrong. */
gboolean    mc_jws_verify        (McJws         *self,
                                  McPublicKey   *key,
                                  GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McJws, mc_jws_free)

G_END_DECLS
