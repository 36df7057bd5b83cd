/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mc-certificate-renderer.h"

G_BEGIN_DECLS

gboolean mc_certificate_renderer_write_pdf           (McCertificateRenderer  *self,
                                                      McCertificateContent   *content,
                                                      McPaperSize             paper,
                                                      const char             *path,
                                                      GError                **error);
gboolean mc_certificate_renderer_write_pdf_to_stream (McCertificateRenderer  *self,
                                                      McCertificateContent   *content,
                                                      McPaperSize             paper,
                                                      GOutputStream          *stream,
                                                      GCancellable           *cancellable,
                                                      GError                **error);

G_END_DECLS
