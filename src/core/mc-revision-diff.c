/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-revision-diff-private.h"

/* Revisions and items keep their values as GObject properties named after
 * the field table, so one comparison and one rendering serve both; the
 * lists are matched in mc-revision-diff-items.c. */

static void
read_value (GObject           *object,
            const McFieldSpec *spec,
            GValue            *value)
{
  /* GObject keeps property names with dashes and looks any other spelling
   * up a second time, after copying it: spell it the way it is stored. */
  char name[64];
  gsize i;

  for (i = 0; spec->id[i] != '\0'; i++)
    {
      g_assert (i < sizeof name - 1);
      name[i] = spec->id[i] == '_' ? '-' : spec->id[i];
    }
  name[i] = '\0';
  g_value_init (value, spec->type);
  g_object_get_property (object, name, value);
}

/* "2.5", "40", "0.1": up to the precision of a double, no trailing zeros,
 * in the reader's locale. */
static char *
format_number (double value)
{
  return g_strdup_printf ("%.15g", value);
}

static char *
format_flags (GType flags_type,
              guint value)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < mc_enum_n_values (flags_type); i++)
    {
      guint bit = mc_enum_nth_value (flags_type, i);

      if ((value & bit) == 0)
        continue;
      if (text->len > 0)
        /* TRANSLATORS: separates the entries of a list, as in "Co-design, Assessment" */
        g_string_append (text, _(", "));
      g_string_append (text, mc_enum_label (flags_type, bit));
    }
  return g_string_free (text, FALSE);
}

static char *
render_value (const McFieldSpec *spec,
              const GValue      *value)
{
  if (spec->kind != MC_FIELD_BOOLEAN && _mc_field_value_is_empty (spec, value))
    return NULL;

  switch (spec->kind)
    {
    case MC_FIELD_STRING:
    case MC_FIELD_TEXT:
      return g_value_dup_string (value);
    case MC_FIELD_INT:
      return g_strdup_printf ("%d", g_value_get_int (value));
    case MC_FIELD_DOUBLE:
      return format_number (g_value_get_double (value));
    case MC_FIELD_BOOLEAN:
      return g_strdup (g_value_get_boolean (value) ? _("Yes") : _("No"));
    case MC_FIELD_ENUM:
      return g_strdup (mc_enum_label (spec->type, (guint) g_value_get_enum (value)));
    case MC_FIELD_FLAGS:
      return format_flags (spec->type, g_value_get_flags (value));
    case MC_FIELD_STRV:
      return g_strjoinv (_(", "), g_value_get_boxed (value));
    case MC_FIELD_LIST:
    default:
      g_assert_not_reached ();
    }
}

char *
_mc_revision_diff_render (GObject           *object,
                          const McFieldSpec *spec)
{
  g_auto(GValue) value = G_VALUE_INIT;

  read_value (object, spec, &value);
  return render_value (spec, &value);
}

gboolean
_mc_revision_diff_field (GObject            *old_object,
                         GObject            *new_object,
                         const McFieldSpec  *spec,
                         char              **old_text,
                         char              **new_text)
{
  g_auto(GValue) old_value = G_VALUE_INIT;
  g_auto(GValue) new_value = G_VALUE_INIT;
  /* A schema of one field, to compare with the rules of the field table. */
  const McFieldSchema one = { 1, (McFieldSpec *) spec };

  read_value (old_object, spec, &old_value);
  read_value (new_object, spec, &new_value);
  if (_mc_field_values_equal (&one, &old_value, &new_value))
    return FALSE;
  if (old_text != NULL)
    {
      *old_text = render_value (spec, &old_value);
      *new_text = render_value (spec, &new_value);
    }
  return TRUE;
}

GPtrArray *
mc_revision_diff (McRevision *old_rev,
                  McRevision *new_rev)
{
  g_autoptr(GPtrArray) changes = NULL;
  const McFieldSchema *schema = _mc_field_schema_for_revision ();
  const McField *fields;
  guint n_fields;
  guint scalar = 0;

  g_return_val_if_fail (MC_IS_REVISION (old_rev), NULL);
  g_return_val_if_fail (MC_IS_REVISION (new_rev), NULL);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_field_change_free);
  /* Comparing the stored values directly is far cheaper than reading each
   * field, and a revision compared with itself or a copy is common. */
  if (mc_revision_equal (old_rev, new_rev))
    return g_steal_pointer (&changes);

  fields = mc_field_get_all (&n_fields);
  for (guint f = 0; f < n_fields; f++)
    {
      const McFieldSpec *spec;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;

      if (fields[f].kind == MC_FIELD_LIST)
        {
          _mc_revision_diff_list (changes, old_rev, new_rev, fields[f].id);
          continue;
        }

      /* The schema holds the scalar fields in table order. */
      spec = &schema->specs[scalar++];
      g_assert (g_str_equal (spec->id, fields[f].id));
      if (_mc_revision_diff_field (G_OBJECT (old_rev), G_OBJECT (new_rev), spec,
                                   &old_text, &new_text))
        g_ptr_array_add (changes, mc_field_change_new (MC_CHANGE_CHANGED, fields[f].id, -1, -1, NULL,
                                                       mc_field_get_label (&fields[f]),
                                                       old_text, new_text));
    }
  return g_steal_pointer (&changes);
}
