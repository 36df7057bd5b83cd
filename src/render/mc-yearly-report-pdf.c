/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "mc-pdf-sink.h"
#include "mc-yearly-report-layout.h"
#include "mc-yearly-report-pdf.h"

/* The yearly report as a PDF file, written through a McPdfSink: a
 * failure or a cancellation leaves no half-written report behind. */

static void
set_metadata (cairo_surface_t *surface,
              McYearlyReport  *report)
{
  /* Translators: the title of the yearly report's PDF file: the year,
   * then the academic unit. */
  g_autofree char *title = g_strdup_printf (_("Yearly quality report %d — %s"),
                                            mc_yearly_report_get_year (report),
                                            mc_yearly_report_get_unit_name (report));
  /* Translators: the author of the yearly report's PDF file: the academic
   * unit, then the institution. */
  g_autofree char *author = g_strdup_printf (_("%s, %s"), mc_yearly_report_get_unit_name (report),
                                             mc_yearly_report_get_institution (report));

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  _("Yearly quality report for the Academic Programmes "
                                    "Committee"));
}

/* Draws every page and finishes the document. */
static gboolean
render_pages (McYearlyReport  *report,
              McPdfSink       *sink,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(McYearlyReportLayout) layout = mc_yearly_report_layout_new (report);
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;
  gboolean ok;

  surface = mc_pdf_sink_create_surface (sink, MC_YEARLY_REPORT_PAGE_WIDTH,
                                        MC_YEARLY_REPORT_PAGE_HEIGHT);
  set_metadata (surface, report);
  cr = cairo_create (surface);
  n_pages = mc_yearly_report_layout_paginate (layout, cr);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      mc_yearly_report_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  ok = mc_pdf_sink_finish (sink, surface, cancellable, error);
  cairo_surface_destroy (surface);
  return ok;
}

/**
 * mc_yearly_report_write_pdf:
 * @report: the report
 * @path: (type filename): where to save it; an existing file is replaced
 * @cancellable: (nullable): stops the writing between pages
 * @error: where to put a failure
 *
 * Lays out @report on A4 pages and saves them as a PDF with its title,
 * author and creation date set.  The file at @path is replaced only once
 * the new one is complete.
 *
 * Returns: TRUE on success; FALSE with @error set (in %G_IO_ERROR)
 */
gboolean
mc_yearly_report_write_pdf (McYearlyReport  *report,
                            const char      *path,
                            GCancellable    *cancellable,
                            GError         **error)
{
  g_autoptr(McPdfSink) sink = NULL;

  g_return_val_if_fail (MC_IS_YEARLY_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  sink = mc_pdf_sink_new_for_path (path, error);
  return sink != NULL && render_pages (report, sink, cancellable, error);
}

static void
write_pdf_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;

  if (mc_yearly_report_write_pdf (source_object, task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * mc_yearly_report_write_pdf_async:
 * @report: the report; leave it unchanged until the writing is done
 * @path: (type filename): where to save it
 * @cancellable: (nullable): stops the writing
 * @callback: called when the file is written or the writing failed
 * @user_data: for @callback
 *
 * Writes the PDF in a worker thread; see mc_yearly_report_write_pdf().
 */
void
mc_yearly_report_write_pdf_async (McYearlyReport      *report,
                                  const char          *path,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MC_IS_YEARLY_REPORT (report));
  g_return_if_fail (path != NULL);

  task = g_task_new (report, cancellable, callback, user_data);
  g_task_set_source_tag (task, mc_yearly_report_write_pdf_async);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, write_pdf_thread);
}

/**
 * mc_yearly_report_write_pdf_finish:
 * @report: the report
 * @result: the result given to the callback
 * @error: where to put a failure
 *
 * Returns: TRUE when the PDF was written
 */
gboolean
mc_yearly_report_write_pdf_finish (McYearlyReport  *report,
                                   GAsyncResult    *result,
                                   GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, report), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        mc_yearly_report_write_pdf_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
