/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* A strict RFC 8259 parser for JSON that is signed or verified.
 *
 * json-glib is lenient in ways that matter once a signature depends on the
 * exact value: it accepts single quotes and leading zeros, keeps the last
 * of two equal member names, cuts strings at "\u0000" and wraps integers
 * beyond 64 bits around.  Two texts that differ could then canonicalise to
 * the same bytes, and a signature on one would also seem to cover the
 * other.  This parser refuses all of that: duplicate member names, lone
 * surrogates, "\u0000", control characters in strings, numbers too large
 * for a double, invalid UTF-8, a byte order mark, nesting deeper than
 * MC_STRICT_JSON_MAX_DEPTH, and anything after the value.  Integers that
 * do not fit 64 bits become doubles, as in JavaScript.
 *
 * Errors are MC_CREDENTIAL_ERROR_MALFORMED and name the byte offset. */

#define MC_STRICT_JSON_MAX_DEPTH 64

/* @length: the length of @text in bytes, or -1 when it ends with a NUL.
 * Returns: (transfer full): the root node */
JsonNode *mc_strict_json_parse (const char  *text,
                                gssize       length,
                                GError     **error);

/* The same, but refuses (MC_CREDENTIAL_ERROR_MALFORMED) a root that is not
 * an object.  Returns: (transfer full): an object node */
JsonNode *mc_strict_json_parse_object (const char  *text,
                                       gssize       length,
                                       GError     **error);

G_END_DECLS
