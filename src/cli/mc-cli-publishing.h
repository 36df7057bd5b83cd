/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-cli-context.h"
#include "mc-cli-passphrase.h"
#include "mc-publication.h"

G_BEGIN_DECLS

/* mc-cli-publish.c: opens the database (into *@store, nullable) and its
 * publication, and unlocks the signing key (@kid, NULL: the current one)
 * into *@key when @passphrase names a passphrase.  Prints its errors;
 * NULL on failure. */
McPublication *mc_cli_open_publication (McCliContext          *ctx,
                                        const McCliPassphrase *passphrase,
                                        const char            *kid,
                                        McStore              **store,
                                        McSigningKey         **key);

G_END_DECLS
