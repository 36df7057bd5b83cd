/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-pdf-sink.h"

/* A file is written under a hidden temporary name beside the target and
 * renamed over it when complete, so that a failure or a cancellation
 * never leaves a half-written document, nor spoils the one it replaces.
 * As g_file_set_contents() does, the new file is flushed to the disk
 * before the rename only when it replaces one: then a crash cannot leave
 * an empty file where a good one was.  A batch writing thousands of new
 * files is spared a disk flush for each. */

struct _McPdfSink
{
  /* A file */
  char          *path;
  char          *temp_path;    /* NULL once renamed */
  int            fd;
  int            errsv;        /* errno of the first failed write, or 0 */
  gboolean       replacing;    /* a file is already at @path */

  /* Or a stream */
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;        /* the stream's first failure */
};

static gboolean
set_errno_error (GError     **error,
                 int          errsv,
                 const char  *path)
{
  g_autofree char *name = g_filename_display_name (path);

  /* Translators: %s is a file name, then the system's reason. */
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
               _("Could not save “%s”: %s"), name, g_strerror (errsv));
  return FALSE;
}

/**
 * mc_pdf_sink_new_for_path:
 * @path: (type filename): where the document goes; an existing file is
 *   replaced only when the new one is complete
 * @error: where to put a failure
 *
 * Creates the temporary file beside @path at once, so that a folder that
 * does not exist or cannot be written is reported before any drawing.
 *
 * Returns: (transfer full) (nullable): the sink, or NULL with @error set
 *   (in %G_IO_ERROR)
 */
McPdfSink *
mc_pdf_sink_new_for_path (const char  *path,
                          GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp_name = NULL;
  McPdfSink *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_errno_error (error, EISDIR, path);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp_name = g_strdup_printf (".%s.XXXXXX", base);
  self = g_new0 (McPdfSink, 1);
  self->path = g_strdup (path);
  self->replacing = g_file_test (path, G_FILE_TEST_EXISTS);
  self->temp_path = g_build_filename (dir, temp_name, NULL);
  self->fd = g_mkstemp_full (self->temp_path, O_WRONLY | O_CLOEXEC, 0666);
  if (self->fd < 0)
    {
      set_errno_error (error, errno, path);
      g_clear_pointer (&self->temp_path, g_free);
      mc_pdf_sink_free (self);
      return NULL;
    }
  return self;
}

/**
 * mc_pdf_sink_new_for_stream:
 * @stream: where the document goes; the sink does not close it
 * @cancellable: (nullable): stops the writing
 *
 * Returns: (transfer full): the sink
 */
McPdfSink *
mc_pdf_sink_new_for_stream (GOutputStream *stream,
                            GCancellable  *cancellable)
{
  McPdfSink *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_new0 (McPdfSink, 1);
  self->fd = -1;
  self->stream = g_object_ref (stream);
  self->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return self;
}

static cairo_status_t
write_file (McPdfSink           *self,
            const unsigned char *data,
            unsigned int         length)
{
  while (length > 0)
    {
      ssize_t written = write (self->fd, data, length);

      if (written < 0)
        {
          if (errno == EINTR)
            continue;
          self->errsv = errno;
          return CAIRO_STATUS_WRITE_ERROR;
        }
      data += written;
      length -= (unsigned int) written;
    }
  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
sink_write (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  McPdfSink *self = closure;

  if (self->errsv != 0 || self->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (self->stream == NULL)
    return write_file (self, data, length);
  if (!g_output_stream_write_all (self->stream, data, length, NULL, self->cancellable,
                                  &self->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

/**
 * mc_pdf_sink_create_surface:
 * @self: a sink
 * @width: the width of the first page in points
 * @height: its height
 *
 * Makes the PDF surface that writes to @self, with the creator and the
 * creation date set; set the title, author and subject, draw, and give it
 * to mc_pdf_sink_finish().
 *
 * Returns: (transfer full): the surface
 */
cairo_surface_t *
mc_pdf_sink_create_surface (McPdfSink *self,
                            double     width,
                            double     height)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_surface_t *surface;

  g_return_val_if_fail (self != NULL, NULL);

  surface = cairo_pdf_surface_create_for_stream (sink_write, self, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Microcred");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);
  return surface;
}

/* Puts the complete temporary file in place of the target. */
static gboolean
commit_file (McPdfSink  *self,
             GError    **error)
{
  int fd = self->fd;

  if (self->replacing && fsync (fd) != 0)
    return set_errno_error (error, errno, self->path);
  self->fd = -1;
  if (close (fd) != 0)
    return set_errno_error (error, errno, self->path);
  if (g_rename (self->temp_path, self->path) != 0)
    return set_errno_error (error, errno, self->path);
  g_clear_pointer (&self->temp_path, g_free);
  return TRUE;
}

/**
 * mc_pdf_sink_finish:
 * @self: a sink
 * @surface: the surface made by mc_pdf_sink_create_surface(), with every
 *   page shown; the caller still destroys it
 * @cancellable: (nullable): a cancellable the drawing was stopped with
 * @error: where to put a failure
 *
 * Finishes the document and, for a file, puts it in place.
 *
 * Returns: TRUE when the whole document was written; FALSE with @error
 *   set otherwise
 */
gboolean
mc_pdf_sink_finish (McPdfSink        *self,
                    cairo_surface_t  *surface,
                    GCancellable     *cancellable,
                    GError          **error)
{
  cairo_status_t status;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (self->errsv != 0)
    return set_errno_error (error, self->errsv, self->path);
  if (self->error != NULL)
    {
      /* Translators: %s is why a stream could not be written. */
      g_set_error (error, self->error->domain, self->error->code,
                   _("Could not write the PDF document: %s"), self->error->message);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: %s is cairo's reason, such as "out of memory". */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the PDF document: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return self->stream != NULL || commit_file (self, error);
}

/**
 * mc_pdf_sink_free:
 * @self: (transfer full): a sink
 *
 * Frees the sink; a file sink that did not finish removes its temporary
 * file.
 */
void
mc_pdf_sink_free (McPdfSink *self)
{
  if (self == NULL)
    return;
  if (self->fd >= 0)
    close (self->fd);
  if (self->temp_path != NULL)
    g_unlink (self->temp_path);
  g_free (self->temp_path);
  g_free (self->path);
  g_clear_object (&self->stream);
  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  g_free (self);
}
