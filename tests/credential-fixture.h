/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-credential.h"

G_BEGIN_DECLS

/* Keys for the credential tests.  Making keys takes a while (RSA above
 * all), so a test program makes each one once and keeps it to the end.
 * @index (0 to 3) tells apart keys of one algorithm.
 * Returns: (transfer none) */
McSigningKey *credential_fixture_key (McKeyAlgorithm alg,
                                      guint          index);

G_END_DECLS
