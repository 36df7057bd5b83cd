/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-cli-context.h"
#include "mc-cli-passphrase.h"
#include "mc-credential.h"
#include "mc-keyring.h"
#include "mc-render.h"

G_BEGIN_DECLS

/* Helpers shared by the issuing commands; each prints its own errors. */

/* mc-cli-offering.c: an offering by its numeric id. */
McOffering   *mc_cli_resolve_offering  (McStore    *store,
                                        const char *ref);
/* mc-cli-credential.c: a credential by id, uuid or "urn:uuid:…". */
McIssuedCredential *mc_cli_resolve_credential (McStore    *store,
                                               const char *ref);
/* mc-cli-key.c: unlocks @kid (NULL: the current key of @alg) with
 * @passphrase. */
McSigningKey *mc_cli_unlock_key        (McKeyring      *keyring,
                                        const char     *kid,
                                        McKeyAlgorithm  alg,
                                        const char     *passphrase);
/* mc-cli-issue.c: "a4" or "letter". */
gboolean      mc_cli_parse_paper       (const char  *text,
                                        McPaperSize *paper);
/* Issues what is pending for @offering_id with @key (and @di_key),
 * showing progress on a terminal and a summary; Ctrl+C cancels between
 * pages.  Returns the exit status. */
int           mc_cli_issue_offering    (McCliContext *ctx,
                                        McWorkflow   *workflow,
                                        gint64        offering_id,
                                        McSigningKey *key,
                                        McSigningKey *di_key,
                                        guint         jobs,
                                        const char   *export_dir,
                                        McPaperSize   paper);

G_END_DECLS
