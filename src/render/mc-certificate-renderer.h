/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "mc-certificate-content.h"
#include "mc-paper-size.h"

G_BEGIN_DECLS

/* Draws certificates: page 1 the certificate, then the supplement on one
 * page or more.  It draws onto any cairo context whose user space is the
 * page in points, so the preview in the window, the printed page and the
 * PDF file are the same drawing.
 *
 * A renderer keeps what every certificate shares (its own font map and
 * pango context, the fonts, the decoded logo, the supplement of the last
 * credential laid out), so that a batch pays only for each learner's own
 * text and QR code.  A renderer is not thread-safe: give each thread its
 * own; two renderers in two threads are fine. */

#define MC_TYPE_CERTIFICATE_RENDERER (mc_certificate_renderer_get_type ())
G_DECLARE_FINAL_TYPE (McCertificateRenderer, mc_certificate_renderer,
                      MC, CERTIFICATE_RENDERER, GObject)

McCertificateRenderer *mc_certificate_renderer_new         (void);
guint                  mc_certificate_renderer_get_n_pages (McCertificateRenderer *self,
                                                            McCertificateContent  *content,
                                                            double                 width,
                                                            double                 height);
void                   mc_certificate_renderer_draw_page   (McCertificateRenderer *self,
                                                            McCertificateContent  *content,
                                                            guint                  page_nr,
                                                            cairo_t               *cr,
                                                            double                 width,
                                                            double                 height);

G_END_DECLS
