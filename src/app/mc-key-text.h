/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include "mc-core.h"

G_BEGIN_DECLS

/* How the windows name a signing key. */

/* "Ed25519 (EdDSA)" or "RSA (RS256)". */
const char *mc_key_text_kind      (McKeyKind   kind);
/* "kV3xH2aQ…9QzA": enough to tell keys apart (newly allocated). */
char       *mc_key_text_short_kid (const char *kid);

G_END_DECLS
