/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-result-import-private.h"

/* Student-records systems and spreadsheets write CSV in UTF-8 (with or
 * without a byte-order mark), in UTF-16 ("Unicode text" in Excel) or in
 * the Windows code page of the office computer.  This turns any of them
 * into UTF-8, says which it was, and refuses files that are not text. */

guint
_mc_result_import_line_at (const char *text,
                           gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == offset || text[i + 1] != '\n')))
      line++;
  return line;
}

static gboolean
refuse_other_formats (const guint8  *bytes,
                      gsize          length,
                      GError       **error)
{
  static const struct {
    const char *magic;
    gsize       length;
    const char *message;
  } formats[] = {
    { "PK\x03\x04", 4, N_("This is a spreadsheet or another compressed file (such as .xlsx or .ods), "
                          "not a CSV file. Save it from the spreadsheet as “CSV UTF-8” and import that.") },
    { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8, N_("This is an Excel 97–2003 workbook (.xls), not a CSV file. "
                                                "Save it from the spreadsheet as “CSV UTF-8” and import that.") },
    { "%PDF-", 5, N_("This is a PDF document, not a CSV file. Export the results from the "
                     "student-records system as CSV.") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (length >= formats[i].length && memcmp (bytes, formats[i].magic, formats[i].length) == 0)
      {
        g_set_error_literal (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_NOT_CSV,
                             _(formats[i].message));
        return FALSE;
      }
  return TRUE;
}

/* UTF-16 without a byte-order mark: in a text of mostly Latin letters,
 * digits and punctuation, most characters have a NUL as their high byte. */
static const char *
guess_utf16 (const guint8 *bytes,
             gsize         length)
{
  gsize n = MIN (length, 512) / 2;
  gsize le = 0;
  gsize be = 0;

  if (length % 2 != 0 || n < 2)
    return NULL;
  for (gsize i = 0; i < n; i++)
    {
      guint8 first = bytes[2 * i];
      guint8 second = bytes[2 * i + 1];

      le += first != 0 && second == 0;
      be += first == 0 && second != 0;
    }
  return le * 10 >= n * 8 ? "UTF-16LE" : be * 10 >= n * 8 ? "UTF-16BE" : NULL;
}

static char *
convert (const char  *bytes,
         gsize        length,
         const char  *from,
         gsize       *converted,
         GError     **error)
{
  g_autoptr(GError) local = NULL;
  gsize read = 0;
  char *text = g_convert (bytes, (gssize) length, "UTF-8", from, &read, converted, &local);

  /* A character cut off at the end is damage too. */
  if (text != NULL && read < length)
    g_clear_pointer (&text, g_free);
  if (text == NULL)
    {
      g_set_error (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_ENCODING,
                   /* Translators: %s is an encoding ("UTF-16LE"), %u a line number. */
                   _("The file looks like %s text but is damaged near line %u. Export it again, "
                     "preferably as “CSV UTF-8”."),
                   from, _mc_result_import_line_at (bytes, MIN (read, length)));
      return NULL;
    }
  return text;
}

/* Windows-1252 when the text is not UTF-8: what Excel writes as "CSV" on a
 * Western European Windows computer. */
static char *
decode_8bit (const char  *bytes,
             gsize        length,
             gsize       *converted,
             const char **encoding,
             GPtrArray   *problems,
             GError     **error)
{
  gsize read = 0;
  char *text = NULL;

  if (g_utf8_validate_len (bytes, length, NULL))
    {
      *converted = length;
      return g_strndup (bytes, length);
    }
  text = g_convert (bytes, (gssize) length, "UTF-8", "WINDOWS-1252", &read, converted, NULL);
  if (text == NULL)
    {
      g_set_error (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_ENCODING,
                   _("Line %u is neither UTF-8 nor Windows-1252 text. Export the file again as "
                     "“CSV UTF-8”."),
                   _mc_result_import_line_at (bytes, MIN (read, length)));
      return NULL;
    }
  *encoding = "Windows-1252";
  _mc_result_import_add_problem (problems, MC_IMPORT_SEVERITY_WARNING, 0, -1,
                                 _("The file is not UTF-8 text, so it was read as Windows-1252. "
                                   "Check that names with accents (such as “Müller”) look right; "
                                   "if they do not, export the file as “CSV UTF-8”."));
  return text;
}

static gboolean
refuse_nul (const char  *text,
            gsize        length,
            GError     **error)
{
  const char *nul = memchr (text, '\0', length);

  if (nul == NULL)
    return TRUE;
  g_set_error (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_NOT_CSV,
               _("Line %u contains a NUL byte, which a CSV file never holds: the file is damaged "
                 "or is not text. Export the results again as CSV."),
               _mc_result_import_line_at (text, (gsize) (nul - text)));
  return FALSE;
}

static char *
decode_utf16 (const char  *bytes,
              gsize        length,
              const char  *from,
              gsize       *converted,
              GError     **error)
{
  char *text = convert (bytes, length, from, converted, error);

  /* U+0000 converts to a NUL byte. */
  if (text != NULL && !refuse_nul (text, *converted, error))
    g_clear_pointer (&text, g_free);
  return text;
}

static char *
decode_text (const char  *bytes,
             gsize        length,
             gsize       *converted,
             const char **encoding,
             GPtrArray   *problems,
             GError     **error)
{
  const char *utf16 = NULL;

  if (length >= 3 && memcmp (bytes, "\xef\xbb\xbf", 3) == 0)
    {
      *encoding = "UTF-8 (with BOM)";
      if (!refuse_nul (bytes + 3, length - 3, error))
        return NULL;
      return decode_8bit (bytes + 3, length - 3, converted, encoding, problems, error);
    }
  if (length >= 2 && (memcmp (bytes, "\xff\xfe", 2) == 0 || memcmp (bytes, "\xfe\xff", 2) == 0))
    {
      *encoding = bytes[0] == '\xff' ? "UTF-16LE" : "UTF-16BE";
      return decode_utf16 (bytes + 2, length - 2, *encoding, converted, error);
    }
  utf16 = guess_utf16 ((const guint8 *) bytes, length);
  if (utf16 != NULL)
    {
      *encoding = utf16;
      _mc_result_import_add_problem (problems, MC_IMPORT_SEVERITY_WARNING, 0, -1,
                                     _("The file has no byte-order mark; it was read as UTF-16 "
                                       "text because it looks like it. Check that the names look right."));
      return decode_utf16 (bytes, length, utf16, converted, error);
    }
  *encoding = "UTF-8";
  if (!refuse_nul (bytes, length, error))
    return NULL;
  return decode_8bit (bytes, length, converted, encoding, problems, error);
}

void
_mc_result_import_refuse_size (guint64   size,
                               GError  **error)
{
  g_autofree char *actual = g_format_size_full (size, G_FORMAT_SIZE_IEC_UNITS);

  g_set_error (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_TOO_LARGE,
               _("The file is %s; results files larger than 20 MiB are not read. "
                 "Export one offering at a time."),
               actual);
}

/**
 * _mc_result_import_decode:
 * @data: the file's bytes
 * @length: (out): the length of the text returned
 * @encoding: (out): the name of the encoding it was read as
 * @problems: McImportProblem about the encoding are added here
 * @error: a #MC_RESULT_IMPORT_ERROR
 *
 * Returns: (transfer full) (nullable): the text as UTF-8, NUL-terminated,
 *   without a byte-order mark
 */
char *
_mc_result_import_decode (GBytes      *data,
                          gsize       *length,
                          const char **encoding,
                          GPtrArray   *problems,
                          GError     **error)
{
  gsize size = 0;
  const char *bytes = g_bytes_get_data (data, &size);

  if (size > MC_RESULT_IMPORT_MAX_BYTES)
    {
      _mc_result_import_refuse_size (size, error);
      return NULL;
    }
  if (size == 0)
    {
      g_set_error_literal (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_EMPTY,
                           _("The file is empty."));
      return NULL;
    }
  if (!refuse_other_formats ((const guint8 *) bytes, size, error))
    return NULL;
  return decode_text (bytes, size, length, encoding, problems, error);
}
