/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>
#include "mc-field.h"

G_BEGIN_DECLS

/* The scalar fields of a revision or of an item type, in one shape, so that
 * McRevision and McItem share one implementation of storage, properties,
 * comparison and strict JSON.  Schemas are built once and never freed. */

typedef struct {
  const char  *id;
  McFieldKind  kind;
  const char  *label;
  GType        type;        /* GValue type */
  double       min;
  double       max;
  guint        max_length;
  double       default_value;
} McFieldSpec;

typedef struct {
  guint        n_specs;
  McFieldSpec *specs;
} McFieldSchema;

const McFieldSchema *_mc_field_schema_for_revision (void);
const McFieldSchema *_mc_field_schema_for_list     (const char *list_id);
int       _mc_field_schema_find      (const McFieldSchema *schema, const char *id);
/* Installs one property per spec, with ids first_prop_id + index. */
void      _mc_field_schema_install   (const McFieldSchema *schema, GObjectClass *klass,
                                      guint first_prop_id);

GValue   *_mc_field_values_new       (const McFieldSchema *schema);
void      _mc_field_values_free      (const McFieldSchema *schema, GValue *values);
/* Stores @value at @index; TRUE if the stored value changed. */
gboolean  _mc_field_values_set       (const McFieldSchema *schema, GValue *values,
                                      guint index, const GValue *value);
void      _mc_field_values_copy      (const McFieldSchema *schema, GValue *dest,
                                      const GValue *src);
gboolean  _mc_field_values_equal     (const McFieldSchema *schema, const GValue *a,
                                      const GValue *b);
gboolean  _mc_field_value_is_empty   (const McFieldSpec *spec, const GValue *value);
/* NULL, empty or only white space (any Unicode space, not just ASCII). */
gboolean  _mc_text_is_blank          (const char *text);
/* Adds one member per field to the builder's current object. */
void      _mc_field_values_to_json   (const McFieldSchema *schema, const GValue *values,
                                      JsonBuilder *builder);
/* Characters in one entry of a list of short texts (language codes, ...). */
#define MC_FIELD_MAX_ENTRY_LENGTH 200

/* Checks a value against the field's hard limits (length, one line, range,
 * list size); @path names it in the message.  Parsing applies the same. */
gboolean  _mc_field_value_check      (const McFieldSpec *spec, const GValue *value,
                                      const char *path, GError **error);
gboolean  _mc_field_values_check     (const McFieldSchema *schema, const GValue *values,
                                      const char *prefix, GError **error);
/* Reads a JSON member into values[index]; @path names it in messages. */
gboolean  _mc_field_value_from_json  (const McFieldSpec *spec, JsonNode *node,
                                      const char *path, GValue *value, GError **error);

G_END_DECLS
