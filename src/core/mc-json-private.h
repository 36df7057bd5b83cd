/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses JSON text that came from outside (a design file, a policy profile).
 * Before json-glib sees it, refuses empty input, NUL bytes, invalid UTF-8
 * and nesting deeper than @max_depth (json-glib recurses, so deep nesting
 * would exhaust the stack); skips a UTF-8 byte order mark.  Errors go into
 * @domain: @encoding_code for NUL and UTF-8 problems, @syntax_code for the
 * others, with a message a registrar can act on.
 *
 * Returns: (transfer full) (nullable): the root node, never NULL on success */
JsonNode *_mc_json_parse_untrusted (const char  *data,
                                    gsize        length,
                                    guint        max_depth,
                                    GQuark       domain,
                                    int          encoding_code,
                                    int          syntax_code,
                                    GError     **error);

G_END_DECLS
