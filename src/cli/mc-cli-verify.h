/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-cli-context.h"
#include "mc-verification.h"

G_BEGIN_DECLS

/* mc-cli-verify.c, shared with "mcred recognise".  Each prints its own
 * errors. */

/* Verifies FILE ("-": standard input) online with McRemoteVerifier (or
 * only from its cache when @offline), at @at (NULL: now), with @store
 * (nullable) for our own credentials and the partner issuers.  @text:
 * (out) (optional): the credential as read. */
McVerification *mc_cli_verify_remote (McStore    *store,
                                      const char *file,
                                      gboolean    offline,
                                      GDateTime  *at,
                                      char      **text);
/* The summary, the checks, the issuer's standing and what could not be
 * checked; or, with @json, mc_verification_to_json() with "not_checked"
 * (the ids of the checks not done).  FALSE when it cannot be written. */
gboolean        mc_cli_verify_print  (McVerification *result,
                                      gboolean        json);

G_END_DECLS
