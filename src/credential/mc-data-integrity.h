/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "mc-public-key.h"
#include "mc-signing-key.h"

G_BEGIN_DECLS

/* W3C Data Integrity proofs with the cryptosuite eddsa-jcs-2022 (vc-di-eddsa
 * §3.3): Ed25519 signatures over
 * SHA-256(JCS(proof configuration)) || SHA-256(JCS(document without "proof")).
 * Several proofs on one document form a proof set: each signs the document
 * without any proof.  Proof chains ("previousProof") are not supported. */

/* Returns: (transfer full): a deep copy of @document (a JSON object) with a
 * DataIntegrityProof appended to "proof", which is always an array:
 * cryptosuite eddsa-jcs-2022, @created (an XML Schema dateTime; now, in
 * UTC to the second, when NULL), @verification_method, proofPurpose
 * assertionMethod, the document's @context, and proofValue (multibase
 * base58btc).  Ed25519 keys only (MC_CREDENTIAL_ERROR_KEY_MISMATCH
 * otherwise). */
JsonNode *mc_data_integrity_sign   (JsonNode      *document,
                                    McSigningKey  *key,
                                    const char    *verification_method,
                                    const char    *created,
                                    GError       **error);

/* Verifies every proof of @secured (one at least) against @key.
 * MC_CREDENTIAL_ERROR_MALFORMED when there is no proof, a proof is not an
 * eddsa-jcs-2022 DataIntegrityProof for assertionMethod or lacks a part;
 * MC_CREDENTIAL_ERROR_KEY_MISMATCH for a key that is not Ed25519 or not
 * the did:key the proof names; MC_CREDENTIAL_ERROR_BAD_SIGNATURE when a
 * signature does not match. */
gboolean  mc_data_integrity_verify (JsonNode      *secured,
                                    McPublicKey   *key,
                                    GError       **error);

G_END_DECLS
