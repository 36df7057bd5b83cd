/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mc-store.h"
#include "mc-public-key.h"
#include "mc-verification.h"

G_BEGIN_DECLS

/* Verifies a credential that someone presents: a VC-JWT (compact JWS), an
 * Open Badges 3.0 credential in JSON with an eddsa-jcs-2022 Data
 * Integrity proof, or the address of our verification page as scanned
 * from a certificate's QR code ("<base>/credentials/<uuid>?token=…").
 *
 * The verifier trusts only the keys it is given: the institution's own
 * (set_store: current and retired keys) and those added or loaded from a
 * file.  It never fetches a key or a status list named in the credential
 * (that is for the caller to do, e.g. from the issuer's keys.json, and
 * then hand over with load_key_file / set_status_list).
 *
 * Set up once, then verify any number of credentials.  Not thread-safe:
 * do not change a verifier while it verifies. */

/* Texts and files larger than this are refused before they are read. */
#define MC_CREDENTIAL_VERIFIER_MAX_SIZE (1024 * 1024)

#define MC_TYPE_CREDENTIAL_VERIFIER (mc_credential_verifier_get_type ())
G_DECLARE_FINAL_TYPE (McCredentialVerifier, mc_credential_verifier, MC, CREDENTIAL_VERIFIER, GObject)

McCredentialVerifier *mc_credential_verifier_new            (void);

/* The institution's database: its keys (current and retired) verify
 * signatures, our credentials' status is its own record (revoked,
 * suspended, replaced, with the reason and date), and verification
 * addresses are looked up in it.  NULL unsets.  The store is read during
 * each verification, from the thread that verifies. */
void      mc_credential_verifier_set_store        (McCredentialVerifier *self,
                                                   McStore              *store);
/* Trusts @key, found by its thumbprint (mc_public_key_get_kid()) or a
 * "kid" URL whose last path segment is that thumbprint. */
void      mc_credential_verifier_add_public_key   (McCredentialVerifier *self,
                                                   McPublicKey          *key);
/* The same, and also finds @key by @kid exactly: the id a did:web
 * document gives its verification method ("did:web:…#key-1"). */
void      mc_credential_verifier_add_public_key_as (McCredentialVerifier *self,
                                                    McPublicKey          *key,
                                                    const char           *kid);
/* The same, for a key fetched from the issuer's own publication at
 * @source (a kid URL, a JWKS, a did:web document): the verification
 * says where the key came from.  @kid may be NULL. */
void      mc_credential_verifier_add_published_key (McCredentialVerifier *self,
                                                    McPublicKey          *key,
                                                    const char           *kid,
                                                    const char           *source);
/* Trusts every key in a file: a JWKS ({"keys": […]}, as published at
 * "<base>/keys.json"), a single JWK, a PEM public key or an X.509
 * certificate in PEM.  A JWKS key with a "kid" other than its thumbprint
 * is also found by that kid.  On failure (unreadable, over the size cap,
 * not a key, a JWKS with a bad key) nothing is added and @error says
 * why.  Returns: the number of keys added (at least 1), or 0 on error */
guint     mc_credential_verifier_load_key_file    (McCredentialVerifier *self,
                                                   const char           *path,
                                                   GError              **error);

/* Gives a published status list: @purpose "revocation" or "suspension"
 * (NULL: the purpose the list states), @text a BitstringStatusListCredential as a VC-JWT or as JSON with a
 * Data Integrity proof.  It is checked when the credential is verified
 * (its own signature must verify with a known key, its statusPurpose must
 * be @purpose, it must be the list the credential points at, and not
 * expired); a list that fails is not used and the status check says why.
 * Several lists may be given (one per list number and purpose).  FALSE
 * with @error only when @text is not a status list credential at all (not
 * a JWT or JSON object, or too large), or @purpose is unknown. */
gboolean  mc_credential_verifier_set_status_list  (McCredentialVerifier *self,
                                                   const char           *purpose,
                                                   const char           *text,
                                                   GError              **error);
/* The same, reading a file (with the size cap first). */
gboolean  mc_credential_verifier_load_status_list_file (McCredentialVerifier *self,
                                                        const char           *purpose,
                                                        const char           *path,
                                                        GError              **error);

/* The time to check validity dates against; NULL (the default) means the
 * moment of each verification.  For tests and for "was it valid on …". */
void      mc_credential_verifier_set_now          (McCredentialVerifier *self,
                                                   GDateTime            *now);

/* Verifies @text: surrounding white space is ignored.  Every problem with
 * the credential is a failed check in the result; @error is set (and NULL
 * returned) only when @text is not a credential at all: empty, binary
 * (not UTF-8 text, or containing NUL), or larger than
 * MC_CREDENTIAL_VERIFIER_MAX_SIZE (MC_CREDENTIAL_ERROR_MALFORMED), or when
 * the database cannot be read (MC_STORE_ERROR).
 * Returns: (transfer full): the result */
McVerification *mc_credential_verifier_verify_text (McCredentialVerifier *self,
                                                    const char           *text,
                                                    GError              **error);
/* The same for text as bytes (a file's content, standard input), which
 * may hold anything: NUL bytes and invalid UTF-8 are refused as binary. */
McVerification *mc_credential_verifier_verify_bytes (McCredentialVerifier *self,
                                                     GBytes               *data,
                                                     GError              **error);
/* @bytes as text without surrounding white space, as the verifiers read
 * it; refuses (MC_CREDENTIAL_ERROR_MALFORMED) empty, binary (NUL bytes,
 * not UTF-8) and oversized data.  Returns: (transfer full) */
char           *mc_credential_verifier_bytes_to_text (GBytes  *bytes,
                                                      GError **error);
/* Reads @file as the verifiers read a credential (the size cap first, then
 * mc_credential_verifier_bytes_to_text()), blocking: for a worker thread
 * of the application, which then verifies the text online.
 * Returns: (transfer full) */
char           *mc_credential_verifier_read_text_file (GFile         *file,
                                                       GCancellable  *cancellable,
                                                       GError       **error);
/* Reads @path (refusing files larger than the cap before reading them) and
 * verifies its content; G_IO_ERROR when it cannot be read. */
McVerification *mc_credential_verifier_verify_file (McCredentialVerifier *self,
                                                    const char           *path,
                                                    GError              **error);

/* The same off the main loop, for the user interface.  Without a store
 * the work runs in a worker thread; with one it runs in the calling thread
 * (McStore is not thread-safe; it is a few indexed reads and one signature
 * check), and the callback still comes from the main context. */
void            mc_credential_verifier_verify_text_async (McCredentialVerifier *self,
                                                          const char           *text,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
void            mc_credential_verifier_verify_file_async (McCredentialVerifier *self,
                                                          GFile                *file,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
/* Returns: (transfer full): the result of either, or NULL with @error set */
McVerification *mc_credential_verifier_verify_finish     (McCredentialVerifier *self,
                                                          GAsyncResult         *result,
                                                          GError              **error);

G_END_DECLS
