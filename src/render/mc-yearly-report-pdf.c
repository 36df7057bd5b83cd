/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-yearly-report-layout.h"
#include "mc-yearly-report-pdf.h"

/* The yearly report as a PDF file.  The pages go to a hidden file beside
 * the target, which takes the target's name only once it is complete: a
 * failure or a cancellation leaves no half-written report behind. */

typedef struct {
  int fd;
  int errsv;     /* errno of a failed write, or 0 */
} Sink;

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  Sink *sink = closure;

  while (length > 0)
    {
      ssize_t written = write (sink->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          sink->errsv = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: %s is a file name, then the system's reason. */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not save the report as “%s”: %s"), name, g_strerror (errsv));
  return FALSE;
}

static void
set_metadata (cairo_surface_t *surface,
              McYearlyReport  *report)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
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
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Microcred");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
}

/* Draws every page; FALSE when cancelled or when cairo failed. */
static gboolean
render_pages (McYearlyReport  *report,
              Sink            *sink,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autoptr(McYearlyReportLayout) layout = mc_yearly_report_layout_new (report);
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  guint n_pages;

  surface = cairo_pdf_surface_create_for_stream (sink_write, sink, MC_YEARLY_REPORT_PAGE_WIDTH,
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
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS && sink->errsv == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the report: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Puts the complete temporary file in place of the target. */
static gboolean
commit_file (Sink        *sink,
             const char  *temp_path,
             const char  *path,
             GError     **error)
{
  int fd = sink->fd;

  if (sink->errsv != 0)
    return set_errno_error (error, sink->errsv, path);
  if (fsync (fd) != 0)
    return set_errno_error (error, errno, path);
  sink->fd = -1;
  if (close (fd) != 0)
    return set_errno_error (error, errno, path);
  if (g_rename (temp_path, path) != 0)
    return set_errno_error (error, errno, path);
  return TRUE;
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
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_name = NULL;
  g_autofree char *temp_path = NULL;
  Sink sink = { -1, 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (MC_IS_YEARLY_REPORT (report), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    return set_errno_error (error, EISDIR, path);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_name = g_strdup_printf (".%s.XXXXXX", base);
  temp_path = g_build_filename (dir, temp_name, NULL);
  sink.fd = g_mkstemp_full (temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (sink.fd < 0)
    return set_errno_error (error, errno, path);

  ok = render_pages (report, &sink, cancellable, error) &&
       commit_file (&sink, temp_path, path, error);

  if (sink.fd >= 0)
    close (sink.fd);
  if (!ok)
    g_unlink (temp_path);
  return ok;
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
