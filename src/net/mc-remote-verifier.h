/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mc-store.h"
#include "mc-verification.h"

G_BEGIN_DECLS

/* Verifies a credential another institution issued, online: it fetches
 * the issuer's key from the JWS "kid" (a JWK, or a JWKS such as the
 * issuer's keys.json), or from a did:web document
 * ("did:web:host[:path]#key" → https://host/.well-known/did.json or
 * https://host/path/did.json), and the credential's status lists (its
 * revocation list and the sibling suspension list), through
 * McRemoteFetcher, and hands them to McCredentialVerifier.  Every problem
 * fetching becomes a check in the result, in words: "Not checked: the
 * issuer's revocation list could not be fetched from …: the server
 * answered 500 (Internal Server Error)."
 *
 * Our own credentials (whose issuer is our verification address) are
 * verified against the store, as McCredentialVerifier does.  With a
 * store, a valid credential from a trusted partner issuer is marked so
 * (mc_verification_get_issuer_trust()).  Offline, only the cache is used,
 * and the result says what could not be checked.  See docs/verification.md. */

#define MC_TYPE_REMOTE_VERIFIER (mc_remote_verifier_get_type ())
G_DECLARE_FINAL_TYPE (McRemoteVerifier, mc_remote_verifier, MC, REMOTE_VERIFIER, GObject)

/* @store: (nullable): the institution's database (own credentials, partners) */
McRemoteVerifier *mc_remote_verifier_new           (McStore          *store);
/* NULL (the default): $XDG_CACHE_HOME/microcred/remote. */
void              mc_remote_verifier_set_cache_directory (McRemoteVerifier *self,
                                                          const char       *directory);
void              mc_remote_verifier_set_offline   (McRemoteVerifier *self,
                                                    gboolean          offline);
/* Defaults: 10 s to connect or for an answer to start, 20 s in all per
 * document, 1 MiB per document. */
void              mc_remote_verifier_set_timeouts  (McRemoteVerifier *self,
                                                    guint             connect_seconds,
                                                    guint             total_seconds);
void              mc_remote_verifier_set_max_size  (McRemoteVerifier *self,
                                                    gsize             max_size);
/* The time to check dates against; NULL: now. */
void              mc_remote_verifier_set_now       (McRemoteVerifier *self,
                                                    GDateTime        *now);

/* Fetches in the thread-default main context; the callback comes there.
 * @error is set only when @text is not a credential at all (see
 * mc_credential_verifier_verify_text()) or on cancellation. */
void              mc_remote_verifier_verify_async  (McRemoteVerifier    *self,
                                                    const char          *text,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* Returns: (transfer full) */
McVerification   *mc_remote_verifier_verify_finish (McRemoteVerifier  *self,
                                                    GAsyncResult      *result,
                                                    GError           **error);
/* The same, blocking (for mcred): runs its own main context until done.
 * Returns: (transfer full) */
McVerification   *mc_remote_verifier_verify        (McRemoteVerifier  *self,
                                                    const char        *text,
                                                    GCancellable      *cancellable,
                                                    GError           **error);

G_END_DECLS
