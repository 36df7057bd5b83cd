/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-field-schema-private.h"
#include "mc-revision.h"

static GType
value_type_for (McFieldKind   kind,
                GType       (*get_type) (void))
{
  switch (kind)
    {
    case MC_FIELD_STRING:
    case MC_FIELD_TEXT:
      return G_TYPE_STRING;
    case MC_FIELD_INT:
      return G_TYPE_INT;
    case MC_FIELD_DOUBLE:
      return G_TYPE_DOUBLE;
    case MC_FIELD_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case MC_FIELD_ENUM:
    case MC_FIELD_FLAGS:
      return get_type ();
    case MC_FIELD_STRV:
      return G_TYPE_STRV;
    case MC_FIELD_LIST:
    default:
      return G_TYPE_INVALID;
    }
}

const McFieldSchema *
_mc_field_schema_for_revision (void)
{
  static McFieldSchema schema;
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      guint n_fields, n = 0;
      const McField *fields = mc_field_get_all (&n_fields);
      McFieldSpec *specs = g_new0 (McFieldSpec, n_fields);

      for (guint i = 0; i < n_fields; i++)
        {
          if (fields[i].kind == MC_FIELD_LIST)
            continue;
          specs[n++] = (McFieldSpec) {
            fields[i].id, fields[i].kind, fields[i].label,
            value_type_for (fields[i].kind, fields[i].get_type),
            fields[i].min, fields[i].max, fields[i].max_length, fields[i].default_value,
          };
        }
      schema.n_specs = n;
      schema.specs = specs;
      g_once_init_leave (&initialised, 1);
    }
  return &schema;
}

const McFieldSchema *
_mc_field_schema_for_list (const char *list_id)
{
  static const char *ids[] = { "outcomes", "assessments", "partners", "stack_targets" };
  static McFieldSchema schemas[G_N_ELEMENTS (ids)];
  static gsize initialised[G_N_ELEMENTS (ids)];

  for (guint s = 0; s < G_N_ELEMENTS (ids); s++)
    {
      if (!g_str_equal (ids[s], list_id))
        continue;
      if (g_once_init_enter (&initialised[s]))
        {
          guint n;
          const McItemField *fields = mc_item_fields_get_all (list_id, &n);
          McFieldSpec *specs = g_new0 (McFieldSpec, n);

          for (guint i = 0; i < n; i++)
            specs[i] = (McFieldSpec) {
              fields[i].id, fields[i].kind, fields[i].label,
              value_type_for (fields[i].kind, fields[i].get_type),
              fields[i].min, fields[i].max, fields[i].max_length, 0,
            };
          schemas[s].n_specs = n;
          schemas[s].specs = specs;
          g_once_init_leave (&initialised[s], 1);
        }
      return &schemas[s];
    }
  g_return_val_if_reached (NULL);
}

int
_mc_field_schema_find (const McFieldSchema *schema,
                       const char          *id)
{
  for (guint i = 0; i < schema->n_specs; i++)
    if (g_str_equal (schema->specs[i].id, id))
      return (int) i;
  return -1;
}

void
_mc_field_schema_install (const McFieldSchema *schema,
                          GObjectClass        *klass,
                          guint                first_prop_id)
{
  /* Field ids use underscores, so GObject keeps its own canonical copy of
   * each name (G_PARAM_STATIC_NAME requires a canonical one). */
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                            G_PARAM_STATIC_NICK | G_PARAM_STATIC_BLURB;

  for (guint i = 0; i < schema->n_specs; i++)
    {
      const McFieldSpec *s = &schema->specs[i];
      GParamSpec *pspec = NULL;

      switch (s->kind)
        {
        case MC_FIELD_STRING:
        case MC_FIELD_TEXT:
          pspec = g_param_spec_string (s->id, NULL, NULL, "", flags);
          break;
        case MC_FIELD_INT:
          pspec = g_param_spec_int (s->id, NULL, NULL, (int) s->min, (int) s->max,
                                    (int) s->default_value, flags);
          break;
        case MC_FIELD_DOUBLE:
          pspec = g_param_spec_double (s->id, NULL, NULL, s->min, s->max, s->default_value, flags);
          break;
        case MC_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (s->id, NULL, NULL, FALSE, flags);
          break;
        case MC_FIELD_ENUM:
          pspec = g_param_spec_enum (s->id, NULL, NULL, s->type, 0, flags);
          break;
        case MC_FIELD_FLAGS:
          pspec = g_param_spec_flags (s->id, NULL, NULL, s->type, 0, flags);
          break;
        case MC_FIELD_STRV:
          pspec = g_param_spec_boxed (s->id, NULL, NULL, G_TYPE_STRV, flags);
          break;
        case MC_FIELD_LIST:
        default:
          g_assert_not_reached ();
        }
      g_object_class_install_property (klass, first_prop_id + i, pspec);
    }
}

static void
value_init_default (const McFieldSpec *spec,
                    GValue            *value)
{
  g_value_init (value, spec->type);
  switch (spec->kind)
    {
    case MC_FIELD_STRING:
    case MC_FIELD_TEXT:
      g_value_set_static_string (value, "");
      break;
    case MC_FIELD_INT:
      g_value_set_int (value, (int) spec->default_value);
      break;
    case MC_FIELD_DOUBLE:
      g_value_set_double (value, spec->default_value);
      break;
    case MC_FIELD_STRV:
      g_value_take_boxed (value, g_new0 (char *, 1));
      break;
    case MC_FIELD_BOOLEAN:
    case MC_FIELD_ENUM:
    case MC_FIELD_FLAGS:
    case MC_FIELD_LIST:
    default:
      break;   /* zero */
    }
}

GValue *
_mc_field_values_new (const McFieldSchema *schema)
{
  GValue *values = g_new0 (GValue, schema->n_specs);

  for (guint i = 0; i < schema->n_specs; i++)
    value_init_default (&schema->specs[i], &values[i]);
  return values;
}

void
_mc_field_values_free (const McFieldSchema *schema,
                       GValue              *values)
{
  if (values == NULL)
    return;
  for (guint i = 0; i < schema->n_specs; i++)
    g_value_unset (&values[i]);
  g_free (values);
}

static gboolean
value_equal (const McFieldSpec *spec,
             const GValue      *a,
             const GValue      *b)
{
  switch (spec->kind)
    {
    case MC_FIELD_STRING:
    case MC_FIELD_TEXT:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case MC_FIELD_INT:
      return g_value_get_int (a) == g_value_get_int (b);
    case MC_FIELD_DOUBLE:
      return g_value_get_double (a) == g_value_get_double (b);
    case MC_FIELD_BOOLEAN:
      return g_value_get_boolean (a) == g_value_get_boolean (b);
    case MC_FIELD_ENUM:
      return g_value_get_enum (a) == g_value_get_enum (b);
    case MC_FIELD_FLAGS:
      return g_value_get_flags (a) == g_value_get_flags (b);
    case MC_FIELD_STRV:
      {
        const char * const *sa = g_value_get_boxed (a);
        const char * const *sb = g_value_get_boxed (b);
        static const char * const empty[] = { NULL };
        return g_strv_equal (sa ? sa : empty, sb ? sb : empty);
      }
    case MC_FIELD_LIST:
    default:
      g_assert_not_reached ();
    }
}

gboolean
_mc_field_values_set (const McFieldSchema *schema,
                      GValue              *values,
                      guint                index,
                      const GValue        *value)
{
  const McFieldSpec *spec = &schema->specs[index];

  g_assert (index < schema->n_specs);

  if (value_equal (spec, &values[index], value))
    return FALSE;

  if (spec->kind == MC_FIELD_STRV && g_value_get_boxed (value) == NULL)
    g_value_take_boxed (&values[index], g_new0 (char *, 1));
  else if ((spec->kind == MC_FIELD_STRING || spec->kind == MC_FIELD_TEXT) &&
           g_value_get_string (value) == NULL)
    g_value_set_static_string (&values[index], "");
  else
    g_value_copy (value, &values[index]);
  return TRUE;
}

void
_mc_field_values_copy (const McFieldSchema *schema,
                       GValue              *dest,
                       const GValue        *src)
{
  for (guint i = 0; i < schema->n_specs; i++)
    g_value_copy (&src[i], &dest[i]);
}

gboolean
_mc_field_values_equal (const McFieldSchema *schema,
                        const GValue        *a,
                        const GValue        *b)
{
  for (guint i = 0; i < schema->n_specs; i++)
    if (!value_equal (&schema->specs[i], &a[i], &b[i]))
      return FALSE;
  return TRUE;
}

gboolean
_mc_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

gboolean
_mc_field_value_is_empty (const McFieldSpec *spec,
                          const GValue      *value)
{
  switch (spec->kind)
    {
    case MC_FIELD_STRING:
    case MC_FIELD_TEXT:
      return _mc_text_is_blank (g_value_get_string (value));
    case MC_FIELD_INT:
      return g_value_get_int (value) == 0;
    case MC_FIELD_DOUBLE:
      return g_value_get_double (value) == 0.0;
    case MC_FIELD_BOOLEAN:
      return !g_value_get_boolean (value);
    case MC_FIELD_ENUM:
      {
        /* Enums whose first value is "unset" are empty there; others never are. */
        const char *nick = mc_enum_to_nick (spec->type, g_value_get_enum (value));
        return g_strcmp0 (nick, "unset") == 0;
      }
    case MC_FIELD_FLAGS:
      return g_value_get_flags (value) == 0;
    case MC_FIELD_STRV:
      {
        const char * const *v = g_value_get_boxed (value);
        return v == NULL || v[0] == NULL;
      }
    case MC_FIELD_LIST:
    default:
      g_assert_not_reached ();
    }
}

void
_mc_field_values_to_json (const McFieldSchema *schema,
                          const GValue        *values,
                          JsonBuilder         *builder)
{
  for (guint i = 0; i < schema->n_specs; i++)
    {
      const McFieldSpec *spec = &schema->specs[i];
      const GValue *v = &values[i];

      json_builder_set_member_name (builder, spec->id);
      switch (spec->kind)
        {
        case MC_FIELD_STRING:
        case MC_FIELD_TEXT:
          json_builder_add_string_value (builder, g_value_get_string (v) ? g_value_get_string (v) : "");
          break;
        case MC_FIELD_INT:
          json_builder_add_int_value (builder, g_value_get_int (v));
          break;
        case MC_FIELD_DOUBLE:
          json_builder_add_double_value (builder, g_value_get_double (v));
          break;
        case MC_FIELD_BOOLEAN:
          json_builder_add_boolean_value (builder, g_value_get_boolean (v));
          break;
        case MC_FIELD_ENUM:
          json_builder_add_string_value (builder, mc_enum_to_nick (spec->type, g_value_get_enum (v)));
          break;
        case MC_FIELD_FLAGS:
        case MC_FIELD_STRV:
          {
            g_auto(GStrv) owned = NULL;
            const char * const *strv;

            if (spec->kind == MC_FIELD_FLAGS)
              strv = (const char * const *) (owned = mc_flags_to_nicks (spec->type, g_value_get_flags (v)));
            else
              strv = g_value_get_boxed (v);
            json_builder_begin_array (builder);
            for (guint j = 0; strv != NULL && strv[j] != NULL; j++)
              json_builder_add_string_value (builder, strv[j]);
            json_builder_end_array (builder);
          }
          break;
        case MC_FIELD_LIST:
        default:
          g_assert_not_reached ();
        }
    }
}

static gboolean
fail (GError     **error,
      const char  *path,
      const char  *problem)
{
  /* Translators: the first %s is a field in a design file, like
   * "revision.ects"; the second says what is wrong with it. */
  g_set_error (error, MC_REVISION_ERROR, MC_REVISION_ERROR_INVALID, _("%s: %s"), path, problem);
  return FALSE;
}

static gboolean
string_from_json (const McFieldSpec *spec,
                  JsonNode          *node,
                  const char        *path,
                  GValue            *value,
                  GError           **error)
{
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (error, path, _("expected a text"));
  g_value_set_string (value, json_node_get_string (node));
  return _mc_field_value_check (spec, value, path, error);
}

/* The hard limits, on a value however it was made: parsed from a file or
 * typed in the editor.  Content that passes can always be written and read
 * back. */
gboolean
_mc_field_value_check (const McFieldSpec  *spec,
                       const GValue       *value,
                       const char         *path,
                       GError            **error)
{
  switch (spec->kind)
    {
    case MC_FIELD_STRING:
    case MC_FIELD_TEXT:
      {
        const char *s = g_value_get_string (value);
        glong len;

        /* json-glib decodes a lone surrogate escape ("\ud800") into bytes
         * that are not UTF-8: refuse them rather than store them. */
        if (s != NULL && !g_utf8_validate (s, -1, NULL))
          return fail (error, path, _("the text is not valid Unicode"));
        len = s != NULL ? g_utf8_strlen (s, -1) : 0;
        if (spec->max_length > 0 && len > (glong) spec->max_length)
          {
            g_autofree char *msg = g_strdup_printf (_("the text is %ld characters long; at most %u are allowed"),
                                                    len, spec->max_length);
            return fail (error, path, msg);
          }
        if (spec->kind == MC_FIELD_STRING && s != NULL && strpbrk (s, "\r\n") != NULL)
          return fail (error, path, _("expected a single line of text"));
        return TRUE;
      }
    case MC_FIELD_INT:
    case MC_FIELD_DOUBLE:
      {
        double d = spec->kind == MC_FIELD_INT ? g_value_get_int (value) : g_value_get_double (value);

        if (!isfinite (d) || d < spec->min || d > spec->max)
          {
            g_autofree char *msg = g_strdup_printf (_("%g is outside the allowed range %g to %g"),
                                                    d, spec->min, spec->max);
            return fail (error, path, msg);
          }
        return TRUE;
      }
    case MC_FIELD_STRV:
      {
        const char * const *strv = g_value_get_boxed (value);
        guint n = strv != NULL ? g_strv_length ((char **) strv) : 0;

        if (spec->max_length > 0 && n > spec->max_length)
          return fail (error, path, _("the list is too long"));
        for (guint i = 0; i < n; i++)
          if (!g_utf8_validate (strv[i], -1, NULL))
            return fail (error, path, _("an entry of the list is not valid Unicode"));
          else if (g_utf8_strlen (strv[i], -1) > MC_FIELD_MAX_ENTRY_LENGTH)
            return fail (error, path, _("an entry of the list is too long"));
        return TRUE;
      }
    case MC_FIELD_BOOLEAN:
    case MC_FIELD_ENUM:
    case MC_FIELD_FLAGS:
      return TRUE;
    case MC_FIELD_LIST:
    default:
      g_assert_not_reached ();
    }
}

gboolean
_mc_field_values_check (const McFieldSchema  *schema,
                        const GValue         *values,
                        const char           *prefix,
                        GError              **error)
{
  for (guint i = 0; i < schema->n_specs; i++)
    {
      g_autofree char *path = prefix != NULL ? g_strconcat (prefix, ".", schema->specs[i].id, NULL)
                                             : g_strdup (schema->specs[i].id);

      if (!_mc_field_value_check (&schema->specs[i], &values[i], path, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
number_from_json (const McFieldSpec *spec,
                  JsonNode          *node,
                  const char        *path,
                  GValue            *value,
                  GError           **error)
{
  GType t;
  double d;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return fail (error, path, _("expected a number"));
  t = json_node_get_value_type (node);
  if (t == G_TYPE_INT64)
    d = (double) json_node_get_int (node);
  else if (t == G_TYPE_DOUBLE)
    d = json_node_get_double (node);
  else
    return fail (error, path, _("expected a number"));

  if (!isfinite (d))
    return fail (error, path, _("expected a finite number"));
  if (spec->kind == MC_FIELD_INT && d != floor (d))
    return fail (error, path, _("expected a whole number"));
  if (d < spec->min || d > spec->max)
    {
      g_autofree char *msg = g_strdup_printf (_("%g is outside the allowed range %g to %g"),
                                              d, spec->min, spec->max);
      return fail (error, path, msg);
    }
  if (spec->kind == MC_FIELD_INT)
    g_value_set_int (value, (int) d);
  else
    g_value_set_double (value, d);
  return TRUE;
}

static gboolean
strings_from_json (const McFieldSpec *spec,
                   JsonNode          *node,
                   const char        *path,
                   GStrv             *out,
                   GError           **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, path, _("expected a list of texts"));
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (spec->max_length > 0 && n > spec->max_length)
    return fail (error, path, _("the list is too long"));
  for (guint i = 0; i < n; i++)
    {
      JsonNode *e = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (e) || json_node_get_value_type (e) != G_TYPE_STRING)
        return fail (error, path, _("expected a list of texts"));
      if (g_utf8_strlen (json_node_get_string (e), -1) > MC_FIELD_MAX_ENTRY_LENGTH)
        return fail (error, path, _("an entry of the list is too long"));
      g_strv_builder_add (builder, json_node_get_string (e));
    }
  *out = g_strv_builder_end (builder);
  return TRUE;
}

gboolean
_mc_field_value_from_json (const McFieldSpec *spec,
                           JsonNode          *node,
                           const char        *path,
                           GValue            *value,
                           GError           **error)
{
  switch (spec->kind)
    {
    case MC_FIELD_STRING:
    case MC_FIELD_TEXT:
      return string_from_json (spec, node, path, value, error);
    case MC_FIELD_INT:
    case MC_FIELD_DOUBLE:
      return number_from_json (spec, node, path, value, error);
    case MC_FIELD_BOOLEAN:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail (error, path, _("expected true or false"));
      g_value_set_boolean (value, json_node_get_boolean (node));
      return TRUE;
    case MC_FIELD_ENUM:
      {
        int v;

        if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
          return fail (error, path, _("expected a text"));
        if (!mc_enum_from_nick (spec->type, json_node_get_string (node), &v))
          {
            g_autofree char *msg = g_strdup_printf (_("“%s” is not one of the allowed values"),
                                                    json_node_get_string (node));
            return fail (error, path, msg);
          }
        g_value_set_enum (value, v);
        return TRUE;
      }
    case MC_FIELD_FLAGS:
    case MC_FIELD_STRV:
      {
        g_auto(GStrv) strv = NULL;

        if (!strings_from_json (spec, node, path, &strv, error))
          return FALSE;
        if (spec->kind == MC_FIELD_FLAGS)
          {
            const char *bad = NULL;
            guint flags;

            if (!mc_flags_from_nicks (spec->type, (const char * const *) strv, &flags, &bad))
              {
                g_autofree char *msg = g_strdup_printf (_("“%s” is not one of the allowed values"), bad);
                return fail (error, path, msg);
              }
            g_value_set_flags (value, flags);
          }
        else
          g_value_take_boxed (value, g_steal_pointer (&strv));
        return TRUE;
      }
    case MC_FIELD_LIST:
    default:
      g_assert_not_reached ();
    }
}
