/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "mc-qr-code.h"

struct _McQrCode
{
  GObject  parent_instance;

  guint    version;
  guint    size;
  guint8  *modules;    /* size × size, row by row: 1 for a dark module */
};

G_DEFINE_FINAL_TYPE (McQrCode, mc_qr_code, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-qr-code-error-quark, mc_qr_code_error)

static void
mc_qr_code_finalize (GObject *object)
{
  McQrCode *self = MC_QR_CODE (object);

  g_free (self->modules);
  G_OBJECT_CLASS (mc_qr_code_parent_class)->finalize (object);
}

static void
mc_qr_code_class_init (McQrCodeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_qr_code_finalize;
}

static void
mc_qr_code_init (McQrCode *self)
{
}

/**
 * mc_qr_code_new:
 * @text: the text to encode, such as an address; UTF-8, stored as bytes
 * @error: where to put a failure
 *
 * Encodes @text in the smallest QR code version that holds it at error
 * correction level M (about 15 % of the symbol may be damaged).
 *
 * Returns: (transfer full) (nullable): the code, or NULL with @error set
 *   (%MC_QR_CODE_ERROR_TOO_LONG when @text does not fit in version 40)
 */
McQrCode *
mc_qr_code_new (const char  *text,
                GError     **error)
{
  g_autoptr(McQrCode) self = NULL;
  QRcode *code;
  guint n;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (*text == '\0')
    {
      g_set_error_literal (error, MC_QR_CODE_ERROR, MC_QR_CODE_ERROR_FAILED,
                           _("There is no address to put in the QR code"));
      return NULL;
    }

  errno = 0;
  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      if (errno == ERANGE)
        g_set_error_literal (error, MC_QR_CODE_ERROR, MC_QR_CODE_ERROR_TOO_LONG,
                             _("The address is too long for a QR code"));
      else
        g_set_error (error, MC_QR_CODE_ERROR, MC_QR_CODE_ERROR_FAILED,
                     _("Could not make the QR code: %s"), g_strerror (errno));
      return NULL;
    }

  self = g_object_new (MC_TYPE_QR_CODE, NULL);
  self->version = (guint) code->version;
  self->size = (guint) code->width;
  n = self->size * self->size;
  self->modules = g_malloc (n);
  /* The low bit of each byte is the module's colour; the others say what
   * part of the symbol it belongs to. */
  for (guint i = 0; i < n; i++)
    self->modules[i] = code->data[i] & 1;
  QRcode_free (code);
  return g_steal_pointer (&self);
}

/**
 * mc_qr_code_get_version:
 * @self: a code
 *
 * Returns: the QR code version, from 1 (21 modules a side) to 40
 */
guint
mc_qr_code_get_version (McQrCode *self)
{
  g_return_val_if_fail (MC_IS_QR_CODE (self), 0);

  return self->version;
}

/**
 * mc_qr_code_get_size:
 * @self: a code
 *
 * Returns: the number of modules on a side of the symbol, without the
 *   quiet zone: 17 + 4 × version
 */
guint
mc_qr_code_get_size (McQrCode *self)
{
  g_return_val_if_fail (MC_IS_QR_CODE (self), 0);

  return self->size;
}

/**
 * mc_qr_code_get_module:
 * @self: a code
 * @x: column, from 0 at the left
 * @y: row, from 0 at the top
 *
 * Returns: TRUE for a dark module
 */
gboolean
mc_qr_code_get_module (McQrCode *self,
                       guint     x,
                       guint     y)
{
  g_return_val_if_fail (MC_IS_QR_CODE (self), FALSE);
  g_return_val_if_fail (x < self->size && y < self->size, FALSE);

  return self->modules[y * self->size + x] != 0;
}

/**
 * mc_qr_code_draw:
 * @self: a code
 * @cr: where to draw
 * @x: left edge of the quiet zone
 * @y: top edge of the quiet zone
 * @size: the side of the square, quiet zone included
 *
 * Paints the quiet zone white and the dark modules black.  Each run of
 * dark modules in a row is one line as thick as a module, and all are
 * stroked as one path, so that no seam shows between neighbouring rows
 * at any scale; a line takes half the numbers of a rectangle in a PDF.
 */
void
mc_qr_code_draw (McQrCode *self,
                 cairo_t  *cr,
                 double    x,
                 double    y,
                 double    size)
{
  double module;

  g_return_if_fail (MC_IS_QR_CODE (self));
  g_return_if_fail (cr != NULL);

  module = size / (self->size + 2 * MC_QR_CODE_QUIET_ZONE);
  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, size, size);
  cairo_fill (cr);

  /* One unit a module, from the symbol's top left. */
  cairo_translate (cr, x + MC_QR_CODE_QUIET_ZONE * module, y + MC_QR_CODE_QUIET_ZONE * module);
  cairo_scale (cr, module, module);
  cairo_new_path (cr);
  for (guint row = 0; row < self->size; row++)
    {
      const guint8 *line = self->modules + row * self->size;

      for (guint col = 0; col < self->size;)
        {
          guint end = col;

          if (!line[col])
            {
              col++;
              continue;
            }
          while (end < self->size && line[end])
            end++;
          cairo_move_to (cr, col, row + 0.5);
          cairo_line_to (cr, end, row + 0.5);
          col = end;
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 1);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_stroke (cr);
  cairo_restore (cr);
}
