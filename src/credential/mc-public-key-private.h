/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gnutls/abstract.h>

#include "mc-public-key.h"

G_BEGIN_DECLS

#define MC_RSA_MIN_BITS 2048
#define MC_RSA_MAX_BITS 16384
#define MC_ED25519_KEY_SIZE 32

/* The multicodec prefix of an Ed25519 public key (the varint of 0xed). */
#define MC_MULTIKEY_ED25519_PREFIX ((const guint8 *) "\xed\x01")
#define MC_MULTIKEY_PREFIX_SIZE    2

/* The GnuTLS signature algorithm of @alg. */
gnutls_sign_algorithm_t _mc_key_algorithm_to_gnutls (McKeyAlgorithm alg);

/* The one gate every public key passes: checks type and size (INVALID_KEY
 * otherwise) and copies the parameters out of @pubkey. */
McPublicKey    *_mc_public_key_new_from_gnutls (gnutls_pubkey_t   pubkey,
                                                GError          **error);

G_END_DECLS
