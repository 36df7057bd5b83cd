/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-core.h"
#include "mc-certificate-renderer-private.h"
#include "mc-report-builder.h"

/* The logo is kept at no more than this many pixels high: 300 dpi at the
 * largest size the page draws it, so that print stays sharp and each PDF
 * embeds no more than it needs. */
#define LOGO_MAX_PIXELS 300

G_DEFINE_FINAL_TYPE (McCertificateRenderer, mc_certificate_renderer, G_TYPE_OBJECT)

static void
mc_certificate_renderer_finalize (GObject *object)
{
  McCertificateRenderer *self = MC_CERTIFICATE_RENDERER (object);

  for (guint i = 0; i < MC_CERTIFICATE_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
  mc_report_styles_clear (&self->styles);
  g_clear_pointer (&self->logo_png, g_bytes_unref);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_clear_pointer (&self->qr_text, g_free);
  g_clear_object (&self->qr);
  g_clear_pointer (&self->supplement_key, g_free);
  g_clear_object (&self->supplement);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  G_OBJECT_CLASS (mc_certificate_renderer_parent_class)->finalize (object);
}

static void
mc_certificate_renderer_class_init (McCertificateRendererClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_certificate_renderer_finalize;
}

static void
mc_certificate_renderer_init (McCertificateRenderer *self)
{
  static const char * const fonts[MC_CERTIFICATE_N_FONTS] = {
    [MC_CERTIFICATE_FONT_SANS] = MC_REPORT_SANS " 11",
    [MC_CERTIFICATE_FONT_SANS_BOLD] = MC_REPORT_SANS " Bold 11",
    [MC_CERTIFICATE_FONT_SERIF_ITALIC] = MC_REPORT_SERIF " Italic 13",
    [MC_CERTIFICATE_FONT_SERIF_BOLD] = MC_REPORT_SERIF " Bold 21",
    [MC_CERTIFICATE_FONT_HEADLINE] = MC_REPORT_SANS " Bold 18",
    [MC_CERTIFICATE_FONT_SECTION] = MC_REPORT_SANS " Bold 9",
  };

  /* A font map of its own: pango's shared one is not to be used from
   * several threads at once. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  mc_report_styles_prepare_context (self->context);
  for (guint i = 0; i < MC_CERTIFICATE_N_FONTS; i++)
    self->fonts[i] = pango_font_description_from_string (fonts[i]);
  mc_report_styles_init (&self->styles);
}

/**
 * mc_certificate_renderer_new:
 *
 * Returns: (transfer full): a renderer, for use in one thread at a time
 */
McCertificateRenderer *
mc_certificate_renderer_new (void)
{
  mc_core_init ();
  return g_object_new (MC_TYPE_CERTIFICATE_RENDERER, NULL);
}

/* Markup for one line of text from the content: line breaks and tabs
 * become spaces. */
char *
_mc_certificate_markup_line (const char *text)
{
  g_autofree char *markup = mc_report_escape (text);

  return g_strdelimit (g_steal_pointer (&markup), "\n\t", ' ');
}

/* Lays @markup out @width wide at @size points, smaller down to
 * @min_size until it takes no more than @max_lines lines; what still does
 * not fit then ends in an ellipsis.  Nothing is ever wider than @width:
 * a word too long for a line is broken between characters. */
PangoLayout *
_mc_certificate_renderer_fit_text (McCertificateRenderer      *self,
                                   const PangoFontDescription *font,
                                   double                      size,
                                   double                      min_size,
                                   guint                       max_lines,
                                   double                      width,
                                   PangoAlignment              alignment,
                                   const char                 *markup)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *sized = pango_font_description_copy_static (font);

  g_assert (max_lines > 0);

  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_markup (layout, markup, -1);
  for (;;)
    {
      pango_font_description_set_size (sized, pango_units_from_double (size));
      pango_layout_set_font_description (layout, sized);
      if ((guint) pango_layout_get_line_count (layout) <= max_lines || size <= min_size)
        break;
      size = MAX (min_size, size * 0.92);
    }
  if ((guint) pango_layout_get_line_count (layout) > max_lines)
    {
      pango_layout_set_height (layout, -(int) max_lines);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  pango_font_description_free (sized);
  return layout;
}

void
_mc_certificate_set_color (cairo_t *cr,
                           guint32  color,
                           double   alpha)
{
  cairo_set_source_rgba (cr, ((color >> 16) & 0xff) / 255.0, ((color >> 8) & 0xff) / 255.0,
                         (color & 0xff) / 255.0, alpha);
}

/* Draws @layout with its top left at @x, @y. */
void
_mc_certificate_show_layout (cairo_t     *cr,
                             PangoLayout *layout,
                             double       x,
                             double       y,
                             guint32      color)
{
  _mc_certificate_set_color (cr, color, 1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

typedef struct {
  const guint8 *data;
  gsize         left;
} PngReader;

static cairo_status_t
read_png (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

/* Decodes a PNG, at no more than LOGO_MAX_PIXELS high and set on white:
 * an opaque image is half the work for a PDF, which need not keep its
 * transparency apart.  NULL when it is no PNG. */
static cairo_surface_t *
decode_logo (GBytes *png)
{
  PngReader reader = { NULL, 0 };
  cairo_surface_t *image;
  cairo_surface_t *scaled;
  cairo_t *cr;
  int width, height;
  double factor;

  reader.data = g_bytes_get_data (png, &reader.left);
  image = cairo_image_surface_create_from_png_stream (read_png, &reader);
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (image);
      return NULL;
    }
  width = cairo_image_surface_get_width (image);
  height = cairo_image_surface_get_height (image);
  factor = MIN (1, MIN ((double) LOGO_MAX_PIXELS / height, 4.0 * LOGO_MAX_PIXELS / width));

  scaled = cairo_image_surface_create (CAIRO_FORMAT_RGB24, MAX (1, (int) round (width * factor)),
                                       MAX (1, (int) round (height * factor)));
  cr = cairo_create (scaled);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, (double) cairo_image_surface_get_width (scaled) / width,
               (double) cairo_image_surface_get_height (scaled) / height);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  return scaled;
}

/* The content's logo, decoded once for all the contents that share its
 * bytes; NULL when there is none, or, with @error set, when it is no PNG. */
cairo_surface_t *
_mc_certificate_renderer_get_logo (McCertificateRenderer  *self,
                                   McCertificateContent   *content,
                                   GError                **error)
{
  GBytes *png = mc_certificate_content_get_logo (content);

  if (png == NULL)
    return NULL;
  if (self->logo_png == NULL || !g_bytes_equal (png, self->logo_png))
    {
      g_clear_pointer (&self->logo, cairo_surface_destroy);
      g_clear_pointer (&self->logo_png, g_bytes_unref);
      self->logo_png = g_bytes_ref (png);
      self->logo = decode_logo (png);
    }
  if (self->logo == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("The institution’s logo is not a PNG image"));
  return self->logo;
}

/* The QR code of the verification address, made once per address; NULL
 * when there is no address, or, with @error set, when it is too long. */
McQrCode *
_mc_certificate_renderer_get_qr (McCertificateRenderer  *self,
                                 McCertificateContent   *content,
                                 GError                **error)
{
  const char *url = mc_certificate_content_get_verification_url (content);

  if (url == NULL)
    return NULL;
  if (g_strcmp0 (url, self->qr_text) != 0)
    {
      g_clear_object (&self->qr);
      g_free (self->qr_text);
      self->qr_text = g_strdup (url);
      self->qr = mc_qr_code_new (url, error);
    }
  else if (self->qr == NULL)
    g_set_error_literal (error, MC_QR_CODE_ERROR, MC_QR_CODE_ERROR_TOO_LONG,
                         _("The address is too long for a QR code"));
  return self->qr;
}

/**
 * mc_certificate_renderer_get_n_pages:
 * @self: a renderer
 * @content: what to show
 * @width: the width of the pages in points
 * @height: their height
 *
 * Returns: the number of pages: 2, the certificate and its supplement,
 *   or more when the supplement continues on further pages
 */
guint
mc_certificate_renderer_get_n_pages (McCertificateRenderer *self,
                                     McCertificateContent  *content,
                                     double                 width,
                                     double                 height)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_RENDERER (self), 0);
  g_return_val_if_fail (MC_IS_CERTIFICATE_CONTENT (content), 0);
  g_return_val_if_fail (width > 0 && height > 0, 0);

  return 1 + _mc_certificate_renderer_paginate_supplement (self, content, width, height);
}

static const char *
watermark_text (McCertificateWatermark watermark)
{
  switch (watermark)
    {
    case MC_CERTIFICATE_WATERMARK_REVOKED:
      /* Translators: across a certificate whose credential was revoked. */
      return C_("watermark", "REVOKED");
    case MC_CERTIFICATE_WATERMARK_SUPERSEDED:
      /* Translators: across a certificate replaced by a newer one. */
      return C_("watermark", "SUPERSEDED");
    case MC_CERTIFICATE_WATERMARK_SPECIMEN:
      /* Translators: across a sample certificate, which is no credential. */
      return C_("watermark", "SPECIMEN");
    case MC_CERTIFICATE_WATERMARK_NONE:
    default:
      return NULL;
    }
}

/* The mark across the page, corner to corner, over everything so that
 * nothing hides it. */
static void
draw_watermark (McCertificateRenderer *self,
                McCertificateContent  *content,
                cairo_t               *cr,
                double                 width,
                double                 height)
{
  const char *text = watermark_text (mc_certificate_content_get_watermark (content));
  g_autoptr(PangoLayout) layout = NULL;
  double diagonal = hypot (width, height);
  int text_width, text_height;
  double scale;

  if (text == NULL)
    return;

  /* Set large, then scaled to six tenths of the diagonal. */
  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, self->fonts[MC_CERTIFICATE_FONT_SANS_BOLD]);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_size (layout, &text_width, &text_height);
  scale = diagonal * 0.6 / pango_units_to_double (text_width);

  cairo_save (cr);
  cairo_translate (cr, width / 2, height / 2);
  cairo_rotate (cr, -atan2 (height, width));
  cairo_scale (cr, scale, scale);
  cairo_move_to (cr, -pango_units_to_double (text_width) / 2,
                 -pango_units_to_double (text_height) / 2);
  _mc_certificate_set_color (cr, MC_CERTIFICATE_RED, 0.2);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * mc_certificate_renderer_draw_page:
 * @self: a renderer
 * @content: what to show
 * @page_nr: the page, from 0 for the certificate; less than
 *   mc_certificate_renderer_get_n_pages()
 * @cr: where to draw, with its user space @width × @height points and
 *   the origin at the page's top left (scale it for a preview)
 * @width: the width of the page in points
 * @height: its height
 *
 * Draws one page; the paper's white is left to the surface.  A logo that
 * is no PNG and an address too long for a QR code are left out here;
 * writing a PDF reports them.
 */
void
mc_certificate_renderer_draw_page (McCertificateRenderer *self,
                                   McCertificateContent  *content,
                                   guint                  page_nr,
                                   cairo_t               *cr,
                                   double                 width,
                                   double                 height)
{
  g_return_if_fail (MC_IS_CERTIFICATE_RENDERER (self));
  g_return_if_fail (MC_IS_CERTIFICATE_CONTENT (content));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (width > 0 && height > 0);
  g_return_if_fail (page_nr == 0 ||
                    page_nr <= _mc_certificate_renderer_paginate_supplement (self, content, width,
                                                                            height));

  cairo_save (cr);
  if (page_nr == 0)
    {
      McCertificateFront front;

      _mc_certificate_front_init (&front, self, content, width, height);
      _mc_certificate_front_draw (&front, cr, width, height);
      _mc_certificate_front_clear (&front);
    }
  else
    _mc_certificate_renderer_draw_supplement (self, content, page_nr - 1, cr, width, height);
  draw_watermark (self, content, cr, width, height);
  cairo_restore (cr);
}
