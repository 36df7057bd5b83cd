/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-json-private.h"

/* Measures the nesting of arrays and objects without parsing: brackets
 * inside strings do not count, and an escaped quote does not end a string. */
static gboolean
depth_within (const char *data,
              gsize       length,
              guint       max_depth)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (in_string)
        {
          if (c == '\\')
            i++;
          else if (c == '"')
            in_string = FALSE;
          continue;
        }

      switch (c)
        {
        case '"':
          in_string = TRUE;
          break;
        case '[':
        case '{':
          if (++depth > max_depth)
            return FALSE;
          break;
        case ']':
        case '}':
          if (depth > 0)
            depth--;
          break;
        default:
          break;
        }
    }

  return TRUE;
}

JsonNode *
_mc_json_parse_untrusted (const char  *data,
                          gsize        length,
                          guint        max_depth,
                          GQuark       domain,
                          int          encoding_code,
                          int          syntax_code,
                          GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *nul;
  const char *end = NULL;

  if (length == 0 || data == NULL)
    {
      g_set_error_literal (error, domain, syntax_code, _("The file is empty."));
      return NULL;
    }

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, domain, encoding_code,
                   _("The file contains a NUL character at byte %lu; "
                     "it must be plain UTF-8 text."),
                   (unsigned long) (nul - data));
      return NULL;
    }

  if (!g_utf8_validate_len (data, length, &end))
    {
      g_set_error (error, domain, encoding_code,
                   _("The file is not valid UTF-8 text (invalid byte at position %lu)."),
                   (unsigned long) (end - data));
      return NULL;
    }

  /* Editors on some systems start UTF-8 files with a byte order mark. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (!depth_within (data, length, max_depth))
    {
      g_set_error (error, domain, syntax_code,
                   _("The file nests data more than %u levels deep; "
                     "no Microcred file does."),
                   max_depth);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local_error))
    {
      g_set_error (error, domain, syntax_code,
                   _("The file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  /* Only white space: json-glib accepts it, with no root. */
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error_literal (error, domain, syntax_code, _("The file is empty."));
      return NULL;
    }

  return json_parser_steal_root (parser);
}
