/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mc-public-key.h"

G_BEGIN_DECLS

/* The institution's private key, which signs credentials: RSA (3072 bits
 * when generated; from 2048 bits when imported) or Ed25519, held in
 * GnuTLS's memory, which GnuTLS wipes when the key is freed.  Optionally
 * with the X.509 certificate of the key (from a CA's PKCS #12 file, or
 * self-signed).
 *
 * On disk the key is an encrypted PKCS #8 PEM file (PBES2, AES-256), with
 * the certificate after it.  Passphrases and key bytes are never logged.
 *
 * Threads: like every GnuTLS object, an McSigningKey must be used by one
 * thread at a time.  To sign from several threads, give each its own copy
 * from mc_signing_key_dup(); copies share nothing and sign in parallel. */

#define MC_TYPE_SIGNING_KEY (mc_signing_key_get_type ())
G_DECLARE_FINAL_TYPE (McSigningKey, mc_signing_key, MC, SIGNING_KEY, GObject)

/* A new random key: RSA of 3072 bits or Ed25519. */
McSigningKey  *mc_signing_key_generate              (McKeyAlgorithm   alg,
                                                     GError         **error);
/* The Ed25519 key with the 32-byte private @seed (RFC 8032), for instance
 * from a Multikey secret ("z3u2…", prefix 0x80 0x26). */
McSigningKey  *mc_signing_key_new_from_ed25519_seed (const guint8     seed[32],
                                                     GError         **error);
/* A PKCS #8 PEM key: encrypted ("ENCRYPTED PRIVATE KEY", opened with
 * @passphrase) or plain; a certificate after it is kept when it belongs to
 * the key.  MC_CREDENTIAL_ERROR_BAD_PASSPHRASE for a wrong or missing
 * passphrase, MC_CREDENTIAL_ERROR_INVALID_KEY for anything else. */
McSigningKey  *mc_signing_key_new_from_pkcs8        (GBytes          *pem,
                                                     const char      *passphrase,
                                                     GError         **error);
/* The key and its certificate from a PKCS #12 file (DER or PEM), as
 * certificate authorities hand them out. */
McSigningKey  *mc_signing_key_new_from_pkcs12       (GBytes          *der,
                                                     const char      *password,
                                                     GError         **error);
/* Reads a key file: PKCS #8 PEM (as mc_signing_key_save() writes it) or
 * PKCS #12.  Missing, empty and damaged files are
 * MC_CREDENTIAL_ERROR_INVALID_KEY, with the file named in the message. */
McSigningKey  *mc_signing_key_load                  (const char      *path,
                                                     const char      *passphrase,
                                                     GError         **error);
/* An independent copy, for another thread. */
McSigningKey  *mc_signing_key_dup                   (McSigningKey    *self);

/* The key encrypted with @passphrase (PBES2, AES-256) as PKCS #8 PEM.
 * Refuses an empty passphrase (MC_CREDENTIAL_ERROR_BAD_PASSPHRASE). */
GBytes        *mc_signing_key_export_pkcs8          (McSigningKey    *self,
                                                     const char      *passphrase,
                                                     GError         **error);
/* Writes the encrypted key and the certificate, if any, to @path: all or
 * nothing (a temporary file renamed over it), mode 0600; missing parent
 * folders are created with mode 0700. */
gboolean       mc_signing_key_save                  (McSigningKey    *self,
                                                     const char      *path,
                                                     const char      *passphrase,
                                                     GError         **error);

/* Returns: (transfer none) */
McPublicKey   *mc_signing_key_get_public_key        (McSigningKey    *self);
McKeyAlgorithm mc_signing_key_get_algorithm         (McSigningKey    *self);
/* The public key's RFC 7638 thumbprint. */
const char    *mc_signing_key_get_kid               (McSigningKey    *self);

/* Makes a self-signed X.509 certificate for the key, for institutions
 * without a certificate authority, and keeps it with the key (replacing
 * any other): subject and issuer CN = @common_name and, unless NULL,
 * C = @country (two letters), a random 20-byte serial number, valid from
 * now for @days days (1 to 36500), not a CA, for digital signatures.  RSA keys sign it
 * with SHA-256; Ed25519 has its own hash. */
gboolean       mc_signing_key_create_self_signed    (McSigningKey    *self,
                                                     const char      *common_name,
                                                     const char      *country,
                                                     guint            days,
                                                     GError         **error);
/* The certificate as PEM, or NULL when the key has none. */
const char    *mc_signing_key_get_certificate_pem   (McSigningKey    *self);

/* Signs @data: RS256 (RSASSA-PKCS1-v1_5, SHA-256) or Ed25519.
 * Returns: (transfer full): the signature */
GBytes        *mc_signing_key_sign                  (McSigningKey    *self,
                                                     const guint8    *data,
                                                     gsize            len,
                                                     GError         **error);

G_END_DECLS
