/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-credential-verifier.h"
#include "mc-remote-verifier.h"
#include "mc-verification-private.h"

G_BEGIN_DECLS

/* What the remote verifier fetches for one credential. */
typedef enum {
  MC_SOURCE_KEY,          /* a JWK, a JWKS or a did:web document */
  MC_SOURCE_REVOCATION,
  MC_SOURCE_SUSPENSION,
} McSourceKind;

typedef struct {
  McSourceKind  kind;
  char         *url;
  GBytes       *body;        /* NULL when fetching failed */
  GError       *error;       /* why, in MC_REMOTE_ERROR words */
  gboolean      from_cache;
} McSource;

void  _mc_source_free (McSource *source);

/* Check results to put in place of the verifier's own, for what could
 * not be fetched or used. */
typedef struct _McSourceProblems McSourceProblems;
void  _mc_source_problems_free (McSourceProblems *problems);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McSourceProblems, _mc_source_problems_free)

/* Hands the fetched keys and status lists to @verifier; @kid: the key the
 * credential names.  Returns: (transfer full): what went wrong */
McSourceProblems *_mc_remote_verifier_use_sources     (McCredentialVerifier *verifier,
                                                       const char           *kid,
                                                       GPtrArray            *sources);
/* Puts the problems into @result where its checks could not be done. */
void              _mc_remote_verifier_report_problems (McVerification       *result,
                                                       McSourceProblems     *problems);

/* The address of a did:web document, or NULL. */
char             *_mc_remote_did_web_url              (const char           *did);

G_END_DECLS
