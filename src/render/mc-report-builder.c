/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-report-builder.h"

#define DASH "—"

/**
 * mc_report_escape:
 * @text: (nullable): text from the database or the user
 *
 * Returns: (transfer full): markup showing @text as it is
 */
char *
mc_report_escape (const char *text)
{
  g_autofree char *valid = NULL;
  g_autofree char *plain = NULL;
  GString *clean;

  if (text == NULL)
    return g_strdup ("");

  valid = g_utf8_make_valid (text, -1);
  clean = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        continue;
      if (*p == '\r')
        g_string_append_c (clean, '\n');
      else if ((guchar) *p < 0x20 && *p != '\n' && *p != '\t')
        g_string_append_c (clean, ' ');
      else
        g_string_append_c (clean, *p);
    }
  plain = g_string_free (clean, FALSE);
  return g_markup_escape_text (g_strstrip (plain), -1);
}

/**
 * mc_report_format_date:
 * @iso_date: (nullable): a date, "YYYY-MM-DD"
 *
 * Returns: (transfer full) (nullable): markup for the date in the
 *   reader's format, @iso_date itself when it is no such date, or NULL
 */
char *
mc_report_format_date (const char *iso_date)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *formatted = NULL;
  int year, month, day;
  char tail;

  if (iso_date == NULL)
    return NULL;

  if (sscanf (iso_date, "%4d-%2d-%2d%c", &year, &month, &day, &tail) == 3)
    date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date != NULL)
    /* Translators: how reports show a date, in the format of
     * g_date_time_format(): "3 May 2024". */
    formatted = g_date_time_format (date, C_("report date", "%-d %b %Y"));
  return mc_report_escape (formatted != NULL ? formatted : iso_date);
}

char *
mc_report_date_or_dash (const char *iso_date)
{
  char *date = mc_report_format_date (iso_date);

  return date != NULL ? date : g_strdup (DASH);
}

char *
mc_report_text_or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? mc_report_escape (text) : g_strdup (DASH);
}

/**
 * mc_report_builder_paragraph:
 * @self: a builder
 * @style: how to set the text
 * @flags: how the block behaves
 * @space_before: space above, dropped at the top of a page
 * @space_after: space below
 * @markup: the text
 *
 * Adds a block of one cell, the width of the page body.
 */
void
mc_report_builder_paragraph (McReportBuilder   *self,
                             const McFlowStyle *style,
                             McFlowBlockFlags   flags,
                             double             space_before,
                             double             space_after,
                             const char        *markup)
{
  mc_page_flow_begin_block (self->flow, flags, space_before, space_after, 0);
  mc_page_flow_add_cell (self->flow, 0, self->width, style, markup);
}

/* The title of a section, kept with what follows. */
void
mc_report_builder_heading (McReportBuilder *self,
                           const char      *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  mc_report_builder_paragraph (self, &self->styles->heading, MC_FLOW_BLOCK_KEEP_WITH_NEXT, 22, 8,
                               markup);
}

/* A sentence in grey, such as what an empty section says. */
void
mc_report_builder_note (McReportBuilder *self,
                        const char      *text)
{
  g_autofree char *markup = g_markup_escape_text (text, -1);

  mc_report_builder_paragraph (self, &self->styles->note, MC_FLOW_BLOCK_NONE, 0, 0, markup);
}

/* Where column @index of a table starts and how wide it is. */
void
mc_report_builder_column_place (McReportBuilder      *self,
                                const McReportColumn *columns,
                                guint                 n_columns,
                                guint                 index,
                                double               *x,
                                double               *width)
{
  double fixed = MC_REPORT_COLUMN_GAP * (n_columns - 1);
  double left = 0;

  g_assert (index < n_columns);

  for (guint i = 0; i < n_columns; i++)
    fixed += columns[i].width;
  for (guint i = 0; i <= index; i++)
    {
      *x = left;
      *width = columns[i].width > 0 ? columns[i].width : self->width - fixed;
      left += *width + MC_REPORT_COLUMN_GAP;
    }
}

static void
add_row (McReportBuilder      *self,
         const McReportColumn *columns,
         guint                 n_columns,
         const char * const   *cells,
         const McFlowStyle    *start_style,
         const McFlowStyle    *end_style)
{
  for (guint i = 0; i < n_columns; i++)
    {
      double x, width;

      mc_report_builder_column_place (self, columns, n_columns, i, &x, &width);
      mc_page_flow_add_cell (self->flow, x, width, columns[i].end ? end_style : start_style,
                             cells[i]);
    }
}

/* Starts a table: its header row, repeated on every page it runs on
 * until mc_page_flow_end_table(). */
void
mc_report_builder_table_header (McReportBuilder      *self,
                                const McReportColumn *columns,
                                guint                 n_columns)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_columns; i++)
    g_ptr_array_add (titles, g_markup_escape_text (_(columns[i].title), -1));

  mc_page_flow_begin_block (self->flow,
                            MC_FLOW_BLOCK_TABLE_HEADER | MC_FLOW_BLOCK_KEEP_WITH_NEXT |
                            MC_FLOW_BLOCK_STRONG_RULE, 0, 0, MC_REPORT_ROW_PADDING);
  add_row (self, columns, n_columns, (const char * const *) titles->pdata,
           &self->styles->label, &self->styles->label_end);
}

/* A row of a table, kept whole on a page: @cells holds markup for each
 * column. */
void
mc_report_builder_table_row (McReportBuilder      *self,
                             const McReportColumn *columns,
                             guint                 n_columns,
                             const char * const   *cells,
                             McFlowBlockFlags      flags)
{
  mc_page_flow_begin_block (self->flow, flags | MC_FLOW_BLOCK_KEEP_TOGETHER, 0, 0,
                            MC_REPORT_ROW_PADDING);
  add_row (self, columns, n_columns, cells, &self->styles->table, &self->styles->table_end);
}
