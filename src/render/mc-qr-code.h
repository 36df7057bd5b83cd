/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/* A QR code (ISO/IEC 18004) of a text, such as a certificate's
 * verification address, with error correction level M: a square of
 * modules, drawn as vector rectangles inside a quiet zone. */

/* The light border every reader needs around the symbol, in modules. */
#define MC_QR_CODE_QUIET_ZONE 4

#define MC_QR_CODE_ERROR (mc_qr_code_error_quark ())
typedef enum {
  MC_QR_CODE_ERROR_TOO_LONG,
  MC_QR_CODE_ERROR_FAILED,
} McQrCodeError;
GQuark mc_qr_code_error_quark (void);

#define MC_TYPE_QR_CODE (mc_qr_code_get_type ())
G_DECLARE_FINAL_TYPE (McQrCode, mc_qr_code, MC, QR_CODE, GObject)

McQrCode *mc_qr_code_new         (const char *text,
                                  GError    **error);
guint     mc_qr_code_get_version (McQrCode   *self);
guint     mc_qr_code_get_size    (McQrCode   *self);
gboolean  mc_qr_code_get_module  (McQrCode   *self,
                                  guint       x,
                                  guint       y);
void      mc_qr_code_draw        (McQrCode   *self,
                                  cairo_t    *cr,
                                  double      x,
                                  double      y,
                                  double      size);

G_END_DECLS
