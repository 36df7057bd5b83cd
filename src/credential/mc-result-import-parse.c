/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <csv.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-result-import-private.h"

/* libcsv reads the cells; this file feeds it one line at a time so that
 * each row knows the line it starts on (a quoted cell may run over several
 * lines), and notices a quote that is never closed.  libcsv grows its cell
 * buffer by a fixed block; the block is raised to the buffer's size before
 * each piece, so that a huge cell costs linear, not quadratic, time. */

#define PIECE_SIZE (64 * 1024)
#define CANCEL_CHECK_LINES 4096

typedef struct {
  McResultImport    *self;
  struct csv_parser  parser;
  GPtrArray         *cells;            /* of the record being read */
  guint              line;             /* the line being fed */
  guint              record_line;      /* where the record being read starts */
  guint              open_quote_line;  /* where its unclosed quoted cell starts */
  gboolean           in_record;        /* a record runs on past the line before */
  gboolean           record_ended;     /* on the line being fed */
  guint              fields_on_line;
  gboolean           full;             /* MC_RESULT_IMPORT_MAX_ROWS rows are read */
} Reader;

/* The delimiter is the most frequent of , ; TAB | outside quotes on the
 * heading line; a tie goes to the earlier in that list, and a single
 * column to the comma. */
static char
detect_delimiter (const char *text,
                  gsize       length)
{
  static const char candidates[] = { ',', ';', '\t', '|' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0, };
  gboolean quoted = FALSE;
  gboolean started = FALSE;
  guint best = 0;

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        {
          if (started)
            break;
          continue;
        }
      started = started || !g_ascii_isspace (c);
      for (guint k = 0; !quoted && k < G_N_ELEMENTS (candidates); k++)
        if (c == candidates[k])
          counts[k]++;
    }
  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  return candidates[best];
}

/* Only the space is trimmed around unquoted cells: a tab may be the
 * delimiter. */
static int
is_space (unsigned char c)
{
  return c == ' ';
}

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  Reader *reader = user_data;

  reader->fields_on_line++;
  if (!reader->full)
    g_ptr_array_add (reader->cells, g_strndup (data != NULL ? data : "", length));
}

static gboolean
is_blank_record (GPtrArray *cells)
{
  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = g_ptr_array_index (cells, i);

      for (const char *p = cell; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}

static char **
take_cells (GPtrArray *cells)
{
  g_ptr_array_add (cells, NULL);
  return (char **) g_ptr_array_steal (cells, NULL);
}

static void
on_record (int   terminator,
           void *user_data)
{
  Reader *reader = user_data;
  McResultImport *self = reader->self;

  reader->record_ended = TRUE;
  if (reader->full || is_blank_record (reader->cells))
    {
      g_ptr_array_set_size (reader->cells, 0);
      return;
    }
  if (self->headers == NULL)
    {
      self->n_columns = reader->cells->len;
      self->headers = take_cells (reader->cells);
      return;
    }
  if (self->rows->len == MC_RESULT_IMPORT_MAX_ROWS)
    {
      g_autofree char *message =
        g_strdup_printf (_("The file has more than %u rows; only the first %u were read. "
                           "Import the results in parts."),
                         MC_RESULT_IMPORT_MAX_ROWS, MC_RESULT_IMPORT_MAX_ROWS);

      reader->full = TRUE;
      g_ptr_array_set_size (reader->cells, 0);
      _mc_result_import_add_problem (self->read_problems, MC_IMPORT_SEVERITY_ERROR,
                                     reader->record_line, -1, message);
      return;
    }
  g_ptr_array_add (self->rows, mc_import_row_new (reader->record_line, take_cells (reader->cells)));
}

static void
feed (Reader     *reader,
      const char *text,
      gsize       length)
{
  while (length > 0)
    {
      gsize piece = MIN (length, PIECE_SIZE);

      csv_set_blk_size (&reader->parser, MAX (csv_get_buffer_size (&reader->parser), 128));
      csv_parse (&reader->parser, text, piece, on_field, on_record, reader);
      text += piece;
      length -= piece;
    }
}

/* The offset just after the line that starts at @start ends: after its
 * "\n", "\r\n" or "\r", or at the end of the text. */
static gsize
line_end (const char *text,
          gsize       length,
          gsize       start)
{
  for (gsize i = start; i < length; i++)
    {
      if (text[i] == '\n')
        return i + 1;
      if (text[i] == '\r')
        return i + 1 < length && text[i + 1] == '\n' ? i + 2 : i + 1;
    }
  return length;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

static void
read_line (Reader     *reader,
           const char *text,
           gsize       length)
{
  if (!reader->in_record)
    reader->record_line = reader->line;
  reader->record_ended = FALSE;
  reader->fields_on_line = 0;

  feed (reader, text, length);
  /* The last line may have no line end; the row ends all the same. */
  if (text[length - 1] != '\n' && text[length - 1] != '\r')
    feed (reader, "\n", 1);

  /* libcsv ends a row at every line end outside quotes: a row that goes
   * on is in a quoted cell, opened on this line unless one was open
   * since an earlier line and no cell closed on this one. */
  if (reader->record_ended)
    reader->in_record = FALSE;
  else if (reader->in_record)
    {
      if (reader->fields_on_line > 0)
        reader->open_quote_line = reader->line;
    }
  else if (!is_blank (text, length))
    {
      reader->in_record = TRUE;
      reader->open_quote_line = reader->line;
    }
}

static void
report_open_quote (Reader *reader)
{
  g_autofree char *message =
    g_strdup_printf (_("A quoted cell that starts on line %u is never closed: its closing quote (\") "
                       "is missing, or a quote inside it is not doubled. The rows from line %u on "
                       "could not be read."),
                     reader->open_quote_line, reader->record_line);

  _mc_result_import_add_problem (reader->self->read_problems, MC_IMPORT_SEVERITY_ERROR,
                                 reader->open_quote_line, -1, message);
}

static gboolean
read_lines (Reader        *reader,
            const char    *text,
            gsize          length,
            GCancellable  *cancellable,
            GError       **error)
{
  gsize start = 0;

  while (start < length && !reader->full)
    {
      gsize end = line_end (text, length, start);

      read_line (reader, text + start, end - start);
      start = end;
      if (reader->line++ % CANCEL_CHECK_LINES == 0 &&
          g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * _mc_result_import_parse:
 *
 * Reads @text into the header and rows of @self.  A quote left open stops
 * the reading with a problem for the file; a file with no heading line is
 * refused.
 */
gboolean
_mc_result_import_parse (McResultImport  *self,
                         const char      *text,
                         gsize            length,
                         GCancellable    *cancellable,
                         GError         **error)
{
  Reader reader = { .self = self, .line = 1 };
  gboolean ok = FALSE;

  if (csv_init (&reader.parser, CSV_APPEND_NULL) != 0)
    g_error ("libcsv could not allocate its parser");
  self->delimiter = detect_delimiter (text, length);
  csv_set_delim (&reader.parser, (unsigned char) self->delimiter);
  csv_set_space_func (&reader.parser, is_space);
  reader.cells = g_ptr_array_new_with_free_func (g_free);

  ok = read_lines (&reader, text, length, cancellable, error);
  if (ok && reader.in_record)
    report_open_quote (&reader);
  csv_fini (&reader.parser, NULL, NULL, NULL);
  csv_free (&reader.parser);
  g_ptr_array_unref (reader.cells);

  if (ok && self->headers == NULL)
    {
      g_set_error_literal (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_EMPTY,
                           reader.in_record
                             ? _("The heading line has a quoted cell that is never closed, so "
                                 "the file cannot be read.")
                             : _("The file has no heading line: it holds only blank lines."));
      return FALSE;
    }
  if (ok && self->n_columns > MC_RESULT_IMPORT_MAX_COLUMNS)
    {
      g_set_error (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_NOT_CSV,
                   _("The heading line has %u columns; a results file has a few, and never more "
                     "than %u. Check that this is the right file."),
                   self->n_columns, MC_RESULT_IMPORT_MAX_COLUMNS);
      return FALSE;
    }
  if (ok && self->rows->len == 0 && !reader.in_record)
    _mc_result_import_add_problem (self->read_problems, MC_IMPORT_SEVERITY_ERROR, 0, -1,
                                   _("The file has a heading line but no results."));
  return ok;
}
