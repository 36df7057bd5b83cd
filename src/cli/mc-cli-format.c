/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-format.h"

/* Shown for a field that holds nothing. */
#define EMPTY_VALUE "—"

void
mc_cli_print_table (guint               n_columns,
                    const char * const *headers,
                    GPtrArray          *rows,
                    guint               right_aligned)
{
  g_autofree glong *widths = g_new0 (glong, n_columns);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < n_columns; c++)
    widths[c] = g_utf8_strlen (headers[c], -1);
  for (guint r = 0; r < rows->len; r++)
    {
      char **row = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], g_utf8_strlen (row[c], -1));
    }

  for (guint r = 0; r <= rows->len; r++)
    {
      const char * const *row = r == 0 ? headers
                                       : (const char * const *) g_ptr_array_index (rows, r - 1);

      g_string_truncate (line, 0);
      for (guint c = 0; c < n_columns; c++)
        {
          glong pad = widths[c] - g_utf8_strlen (row[c], -1);
          gboolean last = c + 1 == n_columns;

          if (c > 0)
            g_string_append (line, "  ");
          if (right_aligned & (1u << c))
            {
              for (glong i = 0; i < pad; i++)
                g_string_append_c (line, ' ');
              g_string_append (line, row[c]);
            }
          else
            {
              g_string_append (line, row[c]);
              for (glong i = 0; i < pad && !last; i++)
                g_string_append_c (line, ' ');
            }
        }
      g_print ("%s\n", line->str);
    }
}

static char *
format_flags (GType type,
              guint value)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint n = mc_enum_n_values (type);

  for (guint i = 0; i < n; i++)
    {
      guint bit = mc_enum_nth_value (type, i);

      if (value & bit)
        g_ptr_array_add (labels, (gpointer) mc_enum_label (type, bit));
    }
  if (labels->len == 0)
    return NULL;
  g_ptr_array_add (labels, NULL);
  return g_strjoinv (", ", (char **) labels->pdata);
}

char *
mc_cli_format_field (GObject      *object,
                     const char   *id,
                     McFieldKind   kind,
                     GType       (*get_type) (void))
{
  McRevision *rev = MC_IS_REVISION (object) ? MC_REVISION (object) : NULL;
  McItem *item = rev == NULL ? MC_ITEM (object) : NULL;
  const char * const *strv;
  const char *text;

  if (rev != NULL && kind != MC_FIELD_BOOLEAN && mc_revision_field_is_empty (rev, id))
    return NULL;

  switch (kind)
    {
    case MC_FIELD_STRING:
    case MC_FIELD_TEXT:
      text = rev ? mc_revision_get_string (rev, id) : mc_item_get_string (item, id);
      return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
    case MC_FIELD_INT:
      return g_strdup_printf ("%d", rev ? mc_revision_get_int (rev, id) : mc_item_get_int (item, id));
    case MC_FIELD_DOUBLE:
      return g_strdup_printf ("%g", rev ? mc_revision_get_double (rev, id)
                                        : mc_item_get_double (item, id));
    case MC_FIELD_BOOLEAN:
      return g_strdup ((rev ? mc_revision_get_boolean (rev, id) : mc_item_get_boolean (item, id))
                       ? _("Yes") : _("No"));
    case MC_FIELD_ENUM:
      return g_strdup (mc_enum_label (get_type (),
                                      (guint) (rev ? mc_revision_get_int (rev, id)
                                                   : mc_item_get_int (item, id))));
    case MC_FIELD_FLAGS:
      return format_flags (get_type (), rev ? mc_revision_get_flags (rev, id)
                                            : mc_item_get_flags (item, id));
    case MC_FIELD_STRV:
      strv = rev ? mc_revision_get_strv (rev, id) : mc_item_get_strv (item, id);
      return strv != NULL && strv[0] != NULL ? g_strjoinv (", ", (char **) strv) : NULL;
    case MC_FIELD_LIST:
    default:
      return NULL;
    }
}

/* "Label: value", continuation lines of long text indented under the value. */
void
mc_cli_print_labelled (guint       indent,
                       const char *label,
                       const char *value)
{
  g_auto(GStrv) lines = g_strsplit (value != NULL ? value : EMPTY_VALUE, "\n", -1);

  g_print ("%*s%s: %s\n", (int) indent, "", label, lines[0]);
  for (guint i = 1; lines[i] != NULL; i++)
    g_print ("%*s%s\n", (int) indent + 4, "", lines[i]);
}

static void
print_list (McRevision    *content,
            const McField *field)
{
  GListModel *list = G_LIST_MODEL (mc_revision_get_list (content, field->id));
  guint n_items = g_list_model_get_n_items (list);
  guint n_fields = 0;
  const McItemField *fields = mc_item_fields_get_all (field->id, &n_fields);

  if (n_items == 0)
    {
      mc_cli_print_labelled (2, mc_field_get_label (field), NULL);
      return;
    }

  g_print ("  %s:\n", mc_field_get_label (field));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (list, i);

      g_print ("    %u.\n", i + 1);
      for (guint f = 0; f < n_fields; f++)
        {
          g_autofree char *value = mc_cli_format_field (item, fields[f].id, fields[f].kind,
                                                        fields[f].get_type);

          mc_cli_print_labelled (6, mc_item_field_get_label (&fields[f]), value);
        }
    }
}

void
mc_cli_print_revision (McRevision *content)
{
  guint n_fields = 0;
  const McField *fields = mc_field_get_all (&n_fields);
  guint n_sections = mc_enum_n_values (MC_TYPE_SECTION);

  for (guint s = 0; s < n_sections; s++)
    {
      McSection section = (McSection) mc_enum_nth_value (MC_TYPE_SECTION, s);

      g_print ("\n%s\n", mc_section_get_label (section));
      for (guint f = 0; f < n_fields; f++)
        {
          const McField *field = &fields[f];
          g_autofree char *value = NULL;

          if (field->section != section)
            continue;
          if (field->kind == MC_FIELD_LIST)
            {
              print_list (content, field);
              continue;
            }
          value = mc_cli_format_field (G_OBJECT (content), field->id, field->kind,
                                       field->get_type);
          mc_cli_print_labelled (2, mc_field_get_label (field), value);
        }
    }
}

char *
mc_cli_format_ects (double ects)
{
  return ects > 0 ? g_strdup_printf ("%g", ects) : g_strdup (EMPTY_VALUE);
}

static char *
format_local (gint64      unix_utc,
              const char *format)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_utc);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (EMPTY_VALUE);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, format);
}

char *
mc_cli_format_time (gint64 unix_utc)
{
  return format_local (unix_utc, "%Y-%m-%d %H:%M");
}

char *
mc_cli_format_local_iso8601 (gint64 unix_utc)
{
  return format_local (unix_utc, "%Y-%m-%dT%H:%M:%S%:z");
}

char *
mc_cli_format_iso8601 (gint64 unix_utc)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_utc);

  return utc != NULL ? g_date_time_format_iso8601 (utc) : NULL;
}

char *
mc_cli_format_place (const char *field_id,
                     int         item_index,
                     const char *item_field_id)
{
  const McField *field = field_id != NULL ? mc_field_lookup (field_id) : NULL;
  const McItemField *item_field = NULL;
  g_autofree char *place = NULL;

  if (field_id == NULL)
    return g_strdup ("");
  place = g_strdup (field != NULL ? mc_field_get_label (field) : field_id);

  if (item_index >= 0)
    {
      char *numbered = g_strdup_printf (C_("field of item number", "%s %d"), place, item_index + 1);

      g_free (place);
      place = numbered;
    }
  if (item_field_id != NULL)
    {
      char *full;

      item_field = mc_item_field_lookup (field_id, item_field_id);
      full = g_strdup_printf (C_("item, field of item", "%s, %s"), place,
                              item_field != NULL ? mc_item_field_get_label (item_field)
                                                 : item_field_id);
      g_free (place);
      place = full;
    }
  return g_steal_pointer (&place);
}
