/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* RFC 8785 JSON Canonicalization Scheme: the one serialisation of a JSON
 * value that Data Integrity proofs (eddsa-jcs-2022) sign.
 *
 * - members sorted by their names' UTF-16 code units, no white space;
 * - strings with only the escapes JSON.stringify writes (\b \f \n \r \t
 *   \" \\ and \u00XX for other control characters), everything else as
 *   UTF-8, so "€" stays literal;
 * - numbers as ECMAScript's Number.prototype.toString writes doubles: the
 *   shortest digits that read back to the same double, exponents from
 *   1e21 and below 1e-6, -0 as 0.  Integers are converted to doubles
 *   first, as a JavaScript verifier would read them; those up to 2^53 stay
 *   exact.
 *
 * Fails with MC_CREDENTIAL_ERROR_MALFORMED for values JSON cannot hold
 * (NaN, infinities), invalid UTF-8, value types other than JSON's, and
 * nesting deeper than MC_JCS_MAX_DEPTH. */

#define MC_JCS_MAX_DEPTH 128

char *mc_jcs_canonicalize (JsonNode  *node,
                           GError   **error);

G_END_DECLS
