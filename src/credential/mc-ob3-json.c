/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-ob3-json-private.h"

void
_mc_ob3_json_add_string (JsonBuilder *builder,
                         const char  *name,
                         const char  *value)
{
  if (value == NULL || *value == '\0')
    return;
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

void
_mc_ob3_json_add_type (JsonBuilder *builder,
                       const char  *type)
{
  json_builder_set_member_name (builder, "type");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, type);
  json_builder_end_array (builder);
}

void
_mc_ob3_json_add_strv (JsonBuilder        *builder,
                       const char         *name,
                       const char * const *values)
{
  if (values == NULL || values[0] == NULL)
    return;
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; values[i] != NULL; i++)
    json_builder_add_string_value (builder, values[i]);
  json_builder_end_array (builder);
}
