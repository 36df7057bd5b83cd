/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Small JsonBuilder steps shared by the Open Badges documents. */

/* "name": "value"; nothing for NULL or "". */
void _mc_ob3_json_add_string (JsonBuilder        *builder,
                              const char         *name,
                              const char         *value);
/* "type": ["Type"], the form Open Badges uses for its own classes. */
void _mc_ob3_json_add_type   (JsonBuilder        *builder,
                              const char         *type);
/* "name": ["a", "b"]; nothing for NULL or an empty list. */
void _mc_ob3_json_add_strv   (JsonBuilder        *builder,
                              const char         *name,
                              const char * const *values);

G_END_DECLS
