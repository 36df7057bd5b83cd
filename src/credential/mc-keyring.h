/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "mc-public-key.h"
#include "mc-signing-key.h"
#include "mc-workflow.h"

G_BEGIN_DECLS

/* The institution's signing keys: their public halves in the database
 * (McKeyRecord), their private halves encrypted (PKCS #8, PBES2 AES-256)
 * in a folder beside the database: for /path/inst.db, /path/inst.db-keys/
 * (mode 0700), one file per key (mode 0600), named in the record's
 * private_path relative to that folder.
 *
 * Adding keys needs an administrator (the workflow checks); unlocking a
 * key needs its passphrase, which is never logged nor kept: the keyring
 * wipes the copies it makes.  A keyring is used by one thread at a time. */

#define MC_TYPE_KEYRING (mc_keyring_get_type ())
G_DECLARE_FINAL_TYPE (McKeyring, mc_keyring, MC, KEYRING, GObject)

McKeyring      *mc_keyring_new                   (McWorkflow      *workflow);
/* A keyring that reads the public keys of @store only (for publishing
 * them): it cannot generate nor import keys. */
McKeyring      *mc_keyring_new_public            (McStore         *store);
/* "<database>-keys", or NULL for a database in memory (which can hold
 * only keys generated and unlocked in the same session: see
 * mc_keyring_new()). */
const char     *mc_keyring_get_directory         (McKeyring       *self);

/* The algorithm the institution signs with (MC_SETTING_SIGNING_ALGORITHM,
 * RS256 unless set). */
McKeyAlgorithm  mc_keyring_get_signing_algorithm (McKeyring       *self);
/* The newest key of @alg that can sign (not retired, with a private key),
 * or NULL with MC_CREDENTIAL_ERROR_INVALID_KEY and a message saying how to
 * add one. */
McKeyRecord    *mc_keyring_get_current_key       (McKeyring       *self,
                                                  McKeyAlgorithm   alg,
                                                  GError         **error);

/* Generates a key (RSA 3072 or Ed25519), encrypted with @passphrase, and
 * records it; @self_signed adds a self-signed X.509 certificate in the
 * institution's name (ten years).  The key file is written first and
 * removed again if the workflow refuses the key, so nothing half exists.
 * Returns: (transfer full): the stored record */
McKeyRecord    *mc_keyring_generate              (McKeyring       *self,
                                                  McKeyAlgorithm   alg,
                                                  const char      *passphrase,
                                                  gboolean         self_signed,
                                                  GError         **error);
/* Imports the key and certificate of a PKCS #12 file from a certificate
 * authority (@p12_password may be NULL or ""), stored encrypted with
 * @passphrase. */
McKeyRecord    *mc_keyring_import_pkcs12         (McKeyring       *self,
                                                  GBytes          *pkcs12,
                                                  const char      *p12_password,
                                                  const char      *passphrase,
                                                  GError         **error);

/* Opens the private key of @kid (NULL: the current key of the signing
 * algorithm).  A wrong passphrase is MC_CREDENTIAL_ERROR_BAD_PASSPHRASE
 * ("The passphrase is not right for this key"); an unknown, retired or
 * verification-only key, a missing or damaged file, or a file that holds
 * another key are MC_CREDENTIAL_ERROR_INVALID_KEY, naming the file.
 * Returns: (transfer full): the key, ready to sign */
McSigningKey   *mc_keyring_unlock                (McKeyring       *self,
                                                  const char      *kid,
                                                  const char      *passphrase,
                                                  GError         **error);

/* The public key of a key id: a thumbprint or the key's address
 * (mc_credential_urls_key()).  Retired keys count: they verify what they
 * signed.  MC_CREDENTIAL_ERROR_INVALID_KEY when unknown. */
McPublicKey    *mc_keyring_find_public_key       (McKeyring       *self,
                                                  const char      *kid_or_url,
                                                  GError         **error);
/* One key as published at its address: its JWK with "kid" its address
 * (the thumbprint while the verification address is unset). */
JsonObject     *mc_keyring_build_jwk             (McKeyring       *self,
                                                  McKeyRecord     *key,
                                                  GError         **error);
/* {"keys": [...]}: every key, retired ones included, newest first, each as
 * mc_keyring_build_jwk() gives it.
 * Returns: (transfer full): a JSON object node */
JsonNode       *mc_keyring_build_jwks            (McKeyring       *self,
                                                  GError         **error);

G_END_DECLS
