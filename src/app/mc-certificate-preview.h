/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-render.h"

G_BEGIN_DECLS

/* A page of a certificate as it will print: drawn by the certificate
 * renderer on a sheet of the chosen paper, scaled to fit the widget, with
 * a paper shadow.  Properties: "content" (McCertificateContent, nullable:
 * nothing shown), "page" (0 the certificate, then the supplement),
 * "paper" (McPaperSize), "n-pages" (read-only). */

#define MC_TYPE_CERTIFICATE_PREVIEW (mc_certificate_preview_get_type ())
G_DECLARE_FINAL_TYPE (McCertificatePreview, mc_certificate_preview, MC, CERTIFICATE_PREVIEW, GtkWidget)

McCertificatePreview *mc_certificate_preview_new         (void);
void                  mc_certificate_preview_set_content (McCertificatePreview *self,
                                                          McCertificateContent *content);
McCertificateContent *mc_certificate_preview_get_content (McCertificatePreview *self);
/* @page is clamped to the pages there are. */
void                  mc_certificate_preview_set_page    (McCertificatePreview *self,
                                                          guint                 page);
guint                 mc_certificate_preview_get_page    (McCertificatePreview *self);
guint                 mc_certificate_preview_get_n_pages (McCertificatePreview *self);
void                  mc_certificate_preview_set_paper   (McCertificatePreview *self,
                                                          McPaperSize           paper);
McPaperSize           mc_certificate_preview_get_paper   (McCertificatePreview *self);

G_END_DECLS
