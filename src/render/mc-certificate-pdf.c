/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "mc-certificate-pdf.h"
#include "mc-certificate-renderer-private.h"
#include "mc-pdf-sink.h"

/* A certificate as a PDF document, written through a McPdfSink: into a
 * file that appears only once complete, or into a stream. */

static void
set_metadata (cairo_surface_t      *surface,
              McCertificateContent *content)
{
  const char *title = mc_certificate_content_get_title (content);
  const char *learner = mc_certificate_content_get_learner_name (content);
  const char *institution = mc_certificate_content_get_institution_name (content);
  const char *type = mc_certificate_content_get_credential_type_label (content);
  const char *id = mc_certificate_content_get_credential_id (content);
  g_autofree char *document_title = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *keywords = NULL;

  title = title != NULL ? title : "";
  learner = learner != NULL ? learner : "";
  /* Translators: the title of a certificate's PDF file: the credential's
   * title, then the learner's name. */
  document_title = g_strdup_printf (_("%s — %s"), title, learner);
  /* Translators: the subject of a certificate's PDF file. */
  subject = g_strdup_printf (_("Certificate and supplement of “%s” awarded to %s"), title,
                             learner);
  keywords = g_strjoin (", ", type != NULL ? type : _("Certificate"), _("certificate"),
                        _("supplement"), id != NULL ? id : "", NULL);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, document_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR,
                                  institution != NULL ? institution : "");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
}

/* What a drawing leaves out silently, a document refuses. */
static gboolean
check_content (McCertificateRenderer  *self,
               McCertificateContent   *content,
               GError                **error)
{
  g_autoptr(GError) local_error = NULL;

  _mc_certificate_renderer_get_logo (self, content, &local_error);
  if (local_error == NULL)
    _mc_certificate_renderer_get_qr (self, content, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Draws every page into @sink and finishes the document. */
static gboolean
render (McCertificateRenderer  *self,
        McCertificateContent   *content,
        McPaperSize             paper,
        McPdfSink              *sink,
        GCancellable           *cancellable,
        GError                **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  guint n_pages;
  gboolean ok;

  mc_paper_size_get_points (paper, &width, &height);
  n_pages = mc_certificate_renderer_get_n_pages (self, content, width, height);
  surface = mc_pdf_sink_create_surface (sink, width, height);
  set_metadata (surface, content);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      mc_certificate_renderer_draw_page (self, content, page, cr, width, height);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  ok = mc_pdf_sink_finish (sink, surface, cancellable, error);
  cairo_surface_destroy (surface);
  return ok;
}

/**
 * mc_certificate_renderer_write_pdf:
 * @self: a renderer
 * @content: the certificate
 * @paper: the paper size of the pages
 * @path: (type filename): where to save it; an existing file is replaced
 * @error: where to put a failure
 *
 * Saves the certificate and its supplement as a PDF, with fonts embedded
 * and the title, author (the institution), subject, keywords, creator and
 * creation date set.  The file is written under a temporary name beside
 * @path and renamed when complete: on failure nothing is left behind.
 *
 * Returns: TRUE on success; FALSE with @error set: in %G_IO_ERROR for a
 *   folder that does not exist or cannot be written, a full disk, or a
 *   logo that is no PNG, in %MC_QR_CODE_ERROR for an address too long
 */
gboolean
mc_certificate_renderer_write_pdf (McCertificateRenderer  *self,
                                   McCertificateContent   *content,
                                   McPaperSize             paper,
                                   const char             *path,
                                   GError                **error)
{
  g_autoptr(McPdfSink) sink = NULL;

  g_return_val_if_fail (MC_IS_CERTIFICATE_RENDERER (self), FALSE);
  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (content), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_content (self, content, error))
    return FALSE;
  sink = mc_pdf_sink_new_for_path (path, error);
  return sink != NULL && render (self, content, paper, sink, NULL, error);
}

/**
 * mc_certificate_renderer_write_pdf_to_stream:
 * @self: a renderer
 * @content: the certificate
 * @paper: the paper size of the pages
 * @stream: where to write the PDF; it is left open
 * @cancellable: (nullable): stops the writing
 * @error: where to put a failure
 *
 * Writes the same document as mc_certificate_renderer_write_pdf() to a
 * stream, such as a memory stream for a batch that packs many
 * certificates into one archive.
 *
 * Returns: TRUE on success; FALSE with @error set otherwise
 */
gboolean
mc_certificate_renderer_write_pdf_to_stream (McCertificateRenderer  *self,
                                             McCertificateContent   *content,
                                             McPaperSize             paper,
                                             GOutputStream          *stream,
                                             GCancellable           *cancellable,
                                             GError                **error)
{
  g_autoptr(McPdfSink) sink = NULL;

  g_return_val_if_fail (MC_IS_CERTIFICATE_RENDERER (self), FALSE);
  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (content), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_content (self, content, error))
    return FALSE;
  sink = mc_pdf_sink_new_for_stream (stream, cancellable);
  return render (self, content, paper, sink, cancellable, error);
}
