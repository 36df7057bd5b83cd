/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Where a PDF document goes while cairo writes it: a file that takes its
 * name only once it is complete, or a stream.  Any failure (a folder
 * that cannot be written, a full disk, a broken stream) is kept and
 * reported by mc_pdf_sink_finish() as a message for the user, and a
 * file sink leaves nothing behind unless it succeeded. */

typedef struct _McPdfSink McPdfSink;

McPdfSink       *mc_pdf_sink_new_for_path   (const char     *path,
                                             GError        **error);
McPdfSink       *mc_pdf_sink_new_for_stream (GOutputStream  *stream,
                                             GCancellable   *cancellable);
cairo_surface_t *mc_pdf_sink_create_surface (McPdfSink      *self,
                                             double          width,
                                             double          height);
gboolean         mc_pdf_sink_finish         (McPdfSink      *self,
                                             cairo_surface_t *surface,
                                             GCancellable   *cancellable,
                                             GError        **error);
void             mc_pdf_sink_free           (McPdfSink      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (McPdfSink, mc_pdf_sink_free)

G_END_DECLS
