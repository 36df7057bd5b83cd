/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-certificate-renderer-private.h"
#include "mc-report-builder.h"

/* The certificate page: the institution at the top, the award in the
 * middle, the signature, the QR code and the identifiers at the bottom.
 * The top and the bottom take what they need; the middle is centred in
 * the room between them and set smaller as a whole if it does not fit,
 * so that long names and titles never run into anything. */

#define FRAME           24.0
#define MARGIN          56.0
#define LOGO_HEIGHT     72.0
#define SIGNATURE_SPACE 36.0    /* above the line, for the pen */
#define QR_SIZE         78.0    /* quiet zone included: 27.5 mm */
#define ORNAMENT_SPACE  30.0    /* between the header and the middle */
#define MIN_SCALE       0.3

/* How a part of the middle is set: at @size points, on one line if it
 * fits at @one_line_size or more, else down to @min_size before an
 * ellipsis ends it, in no more than @max_lines lines. */
typedef struct {
  McFrontPart       part;
  McCertificateFont font;
  double            size;
  double            one_line_size;
  double            min_size;
  guint             max_lines;
  guint32           color;
  double            space_before;
} PartStyle;

static const PartStyle middle[] = {
  { MC_FRONT_PREAMBLE, MC_CERTIFICATE_FONT_SERIF_ITALIC, 14, 0, 9, 2, MC_CERTIFICATE_GREY, 0 },
  { MC_FRONT_NAME, MC_CERTIFICATE_FONT_SERIF_BOLD, 32, 24, 13, 2, MC_CERTIFICATE_TEXT, 14 },
  { MC_FRONT_AWARDED, MC_CERTIFICATE_FONT_SERIF_ITALIC, 14, 0, 9, 2, MC_CERTIFICATE_GREY, 14 },
  { MC_FRONT_TYPE, MC_CERTIFICATE_FONT_SANS_BOLD, 10, 0, 7, 2, MC_CERTIFICATE_GOLD, 22 },
  { MC_FRONT_TITLE, MC_CERTIFICATE_FONT_SERIF_BOLD, 23, 19, 11, 3, MC_CERTIFICATE_NAVY, 6 },
  { MC_FRONT_FACTS, MC_CERTIFICATE_FONT_SANS, 11.5, 0, 8, 2, MC_CERTIFICATE_TEXT, 24 },
  { MC_FRONT_FRAMEWORK, MC_CERTIFICATE_FONT_SANS, 9.5, 0, 7, 2, MC_CERTIFICATE_GREY, 4 },
  { MC_FRONT_GRADE, MC_CERTIFICATE_FONT_SANS, 11.5, 0, 8, 2, MC_CERTIFICATE_TEXT, 12 },
  { MC_FRONT_DATE, MC_CERTIFICATE_FONT_SANS, 11, 0, 8, 3, MC_CERTIFICATE_TEXT, 24 },
};

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

/* Puts @layout (taken) with its top left at @x, @y. */
static void
place (McCertificateFront *self,
       McFrontPart         part,
       PangoLayout        *layout,
       double              x,
       double              y,
       guint32             color)
{
  PangoRectangle logical;

  g_clear_object (&self->layouts[part]);
  self->layouts[part] = layout;
  self->origins[part][0] = x;
  self->origins[part][1] = y;
  self->colors[part] = color;
  pango_layout_get_extents (layout, NULL, &logical);
  self->boxes[part].x = x + pango_units_to_double (logical.x);
  self->boxes[part].y = y + pango_units_to_double (logical.y);
  self->boxes[part].width = pango_units_to_double (logical.width);
  self->boxes[part].height = pango_units_to_double (logical.height);
}

static double
height_of (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* The credits, hours and EQF level: "5 ECTS · 125 learning hours · EQF level 6". */
static char *
facts_text (McCertificateContent *content)
{
  double ects = mc_certificate_content_get_ects (content);
  int hours = mc_certificate_content_get_hours (content);
  int eqf = mc_certificate_content_get_eqf_level (content);
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (ects > 0)
    /* Translators: the credit value on a certificate: "5 ECTS". */
    g_ptr_array_add (parts, g_strdup_printf (_("%g ECTS"), ects));
  if (hours > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d learning hour",
                                                          "%d learning hours", hours), hours));
  if (eqf > 0)
    /* Translators: a level of the European Qualifications Framework. */
    g_ptr_array_add (parts, g_strdup_printf (_("EQF level %d"), eqf));
  g_ptr_array_add (parts, NULL);
  /* Translators: between the facts of a certificate: "5 ECTS · EQF level 6". */
  return g_strjoinv (_(" · "), (char **) parts->pdata);
}

/* "Awarded on 12 June 2026 by …", and the expiry. */
static char *
date_text (McCertificateContent *content)
{
  const char *date = mc_certificate_content_get_date_awarded_text (content);
  const char *body = mc_certificate_content_get_awarding_body (content);
  const char *until = mc_certificate_content_get_valid_until_text (content);
  g_autofree char *awarded = NULL;

  if (!is_set (body))
    body = mc_certificate_content_get_institution_name (content);
  if (is_set (date) && is_set (body))
    /* Translators: on a certificate: the date, then the awarding body. */
    awarded = g_strdup_printf (_("Awarded on %s by %s"), date, body);
  else if (is_set (date))
    awarded = g_strdup_printf (_("Awarded on %s"), date);
  else if (is_set (body))
    awarded = g_strdup_printf (_("Awarded by %s"), body);
  if (!is_set (until))
    return g_steal_pointer (&awarded);
  /* Translators: on a certificate, the last day the credential is valid. */
  return g_strdup_printf (_("%s\nValid until %s"), awarded != NULL ? awarded : "", until);
}

/* Markup for @text in capitals, spaced by @spacing (1/1024 points).  The
 * text itself is in capitals, rather than transformed by pango, so that
 * it reads the same when copied from the PDF, and so that the PDF's fonts
 * map each glyph to one letter, which keeps them small. */
static char *
spaced_capitals (const char *text,
                 int         spacing)
{
  g_autofree char *capitals = g_utf8_strup (text, -1);
  g_autofree char *line = _mc_certificate_markup_line (capitals);

  return g_strdup_printf ("<span letter_spacing='%d'>%s</span>", spacing, line);
}

/* The markup of each part of the middle; NULL for those not shown. */
static void
middle_markup (McCertificateContent *content,
               char                 *markup[MC_FRONT_N_PARTS])
{
  const char *type = mc_certificate_content_get_credential_type_label (content);
  const char *grade = mc_certificate_content_get_grade (content);
  const char *framework = mc_certificate_content_get_national_framework (content);
  g_autofree char *facts = facts_text (content);
  g_autofree char *date = date_text (content);

  markup[MC_FRONT_PREAMBLE] = g_markup_escape_text (_("This is to certify that"), -1);
  if (is_set (mc_certificate_content_get_learner_name (content)))
    markup[MC_FRONT_NAME] =
      _mc_certificate_markup_line (mc_certificate_content_get_learner_name (content));
  /* Translators: on a certificate, between the learner's name and the
   * type and title of the credential. */
  markup[MC_FRONT_AWARDED] = g_markup_escape_text (_("has been awarded"), -1);
  if (is_set (type))
    markup[MC_FRONT_TYPE] = spaced_capitals (type, 2048);
  if (is_set (mc_certificate_content_get_title (content)))
    markup[MC_FRONT_TITLE] = _mc_certificate_markup_line (mc_certificate_content_get_title (content));
  if (is_set (facts))
    markup[MC_FRONT_FACTS] = _mc_certificate_markup_line (facts);
  if (is_set (framework))
    markup[MC_FRONT_FRAMEWORK] = _mc_certificate_markup_line (framework);
  if (is_set (grade))
    {
      g_autofree char *line = _mc_certificate_markup_line (grade);

      /* Translators: on a certificate, the grade achieved; keep the markup. */
      markup[MC_FRONT_GRADE] = g_strdup_printf (_("Result: <b>%s</b>"), line);
    }
  if (is_set (date))
    markup[MC_FRONT_DATE] = mc_report_escape (date);
}

/* The logo and the institution's name and country, from @y down;
 * returns the bottom. */
static double
lay_out_header (McCertificateFront    *self,
                McCertificateRenderer *renderer,
                McCertificateContent  *content,
                double                 width,
                double                 y)
{
  double column = width - 2 * self->margin;
  const char *name = mc_certificate_content_get_institution_name (content);
  const char *country = mc_certificate_content_get_country (content);
  PangoFontDescription * const *fonts = renderer->fonts;

  self->logo = _mc_certificate_renderer_get_logo (renderer, content, NULL);
  if (self->logo != NULL)
    {
      double w = cairo_image_surface_get_width (self->logo);
      double h = cairo_image_surface_get_height (self->logo);
      double scale = MIN (LOGO_HEIGHT / h, column * 0.5 / w);

      self->boxes[MC_FRONT_LOGO] = (cairo_rectangle_t) { (width - w * scale) / 2, y, w * scale,
                                                         h * scale };
      y += h * scale + 10;
    }
  if (is_set (name))
    {
      g_autofree char *line = _mc_certificate_markup_line (name);
      g_autofree char *markup = g_strdup_printf ("<span letter_spacing='512'>%s</span>", line);

      place (self, MC_FRONT_INSTITUTION,
             _mc_certificate_renderer_fit_text (renderer, fonts[MC_CERTIFICATE_FONT_SANS_BOLD], 16,
                                                10, 2, column, PANGO_ALIGN_CENTER, markup),
             self->margin, y, MC_CERTIFICATE_NAVY);
      y += height_of (self->layouts[MC_FRONT_INSTITUTION]) + 1;
    }
  if (is_set (country))
    {
      g_autofree char *markup = spaced_capitals (country, 1536);

      place (self, MC_FRONT_COUNTRY,
             _mc_certificate_renderer_fit_text (renderer, fonts[MC_CERTIFICATE_FONT_SANS], 8, 6, 1,
                                                column, PANGO_ALIGN_CENTER, markup),
             self->margin, y, MC_CERTIFICATE_GREY);
      y += height_of (self->layouts[MC_FRONT_COUNTRY]);
    }
  return y;
}

/* The footer's identifiers: credential, student number, institution. */
static char *
footer_text (McCertificateContent *content)
{
  const char *id = mc_certificate_content_get_credential_id (content);
  const char *learner = mc_certificate_content_get_learner_identifier (content);
  const char *legal = mc_certificate_content_get_legal_identifier (content);
  g_autoptr(GString) text = g_string_new (NULL);

  if (is_set (id))
    /* Translators: in a certificate's footer. */
    g_string_append_printf (text, _("Credential %s"), id);
  if (is_set (learner))
    {
      if (text->len > 0)
        g_string_append (text, _(" · "));
      /* Translators: in a certificate's footer: the learner's number. */
      g_string_append_printf (text, _("Student number %s"), learner);
    }
  if (is_set (legal))
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: in a certificate's footer: the institution's
       * registration, such as its Erasmus code. */
      g_string_append_printf (text, _("Institution identifier %s"), legal);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The footer, its last line at @bottom; returns the room left above it. */
static double
lay_out_footer (McCertificateFront    *self,
                McCertificateRenderer *renderer,
                McCertificateContent  *content,
                double                 width,
                double                 bottom)
{
  g_autofree char *footer = footer_text (content);
  g_autofree char *markup = NULL;
  double top;

  if (*footer == '\0')
    return bottom;
  markup = mc_report_escape (footer);
  place (self, MC_FRONT_FOOTER,
         _mc_certificate_renderer_fit_text (renderer, renderer->fonts[MC_CERTIFICATE_FONT_SANS], 7,
                                            5.5, 3, width - 2 * self->margin, PANGO_ALIGN_CENTER,
                                            markup),
         self->margin, 0, MC_CERTIFICATE_GREY);
  top = bottom - height_of (self->layouts[MC_FRONT_FOOTER]);
  self->origins[MC_FRONT_FOOTER][1] = top;
  self->boxes[MC_FRONT_FOOTER].y += top;
  return top - 18;
}

/* The signature on the left and the QR code on the right, standing on
 * @bottom; returns their top. */
static double
lay_out_signature_and_qr (McCertificateFront    *self,
                          McCertificateRenderer *renderer,
                          McCertificateContent  *content,
                          double                 width,
                          double                 bottom)
{
  PangoFontDescription *sans = renderer->fonts[MC_CERTIFICATE_FONT_SANS];
  double column = width - 2 * self->margin;
  double sign_width = MIN (210, column * 0.45);
  double qr_width = MIN (170, column * 0.4);
  double qr_left = width - self->margin - qr_width;
  const char *signatory = mc_certificate_content_get_signatory_name (content);
  const char *office = mc_certificate_content_get_signatory_title (content);
  g_autofree char *markup = NULL;
  double sign_height, qr_height = 0;

  markup = g_markup_printf_escaped ("<b>%s</b>\n%s", is_set (signatory) ? signatory : "",
                                    is_set (office) ? office : "");
  place (self, MC_FRONT_SIGNATURE,
         _mc_certificate_renderer_fit_text (renderer, sans, 9.5, 7, 4, sign_width,
                                            PANGO_ALIGN_CENTER, markup),
         self->margin, 0, MC_CERTIFICATE_TEXT);
  sign_height = SIGNATURE_SPACE + 5 + height_of (self->layouts[MC_FRONT_SIGNATURE]);
  self->signature_line = bottom - sign_height + SIGNATURE_SPACE;
  self->origins[MC_FRONT_SIGNATURE][1] = self->signature_line + 5;
  self->boxes[MC_FRONT_SIGNATURE] = (cairo_rectangle_t) { self->margin, bottom - sign_height,
                                                          sign_width, sign_height };

  self->qr = _mc_certificate_renderer_get_qr (renderer, content, NULL);
  if (self->qr != NULL)
    {
      g_autofree char *url = _mc_certificate_markup_line (
        mc_certificate_content_get_verification_url (content));
      double top;

      place (self, MC_FRONT_URL,
             _mc_certificate_renderer_fit_text (renderer, sans, 6.5, 5, 3, qr_width,
                                                PANGO_ALIGN_CENTER, url),
             qr_left, 0, MC_CERTIFICATE_GREY);
      qr_height = QR_SIZE + height_of (self->layouts[MC_FRONT_URL]);
      top = bottom - qr_height;
      self->boxes[MC_FRONT_QR] = (cairo_rectangle_t) { qr_left + (qr_width - QR_SIZE) / 2, top,
                                                       QR_SIZE, QR_SIZE };
      self->origins[MC_FRONT_URL][1] = top + QR_SIZE;
      self->boxes[MC_FRONT_URL].y += top + QR_SIZE;
    }
  return bottom - MAX (sign_height, qr_height);
}

/* A part of the middle at @scale: a name a little too long for a line
 * reads better a little smaller than broken in two. */
static PangoLayout *
fit_part (McCertificateRenderer *renderer,
          const PartStyle       *style,
          const char            *markup,
          double                 width,
          double                 scale)
{
  const PangoFontDescription *font = renderer->fonts[style->font];

  if (style->one_line_size > 0)
    {
      PangoLayout *layout = _mc_certificate_renderer_fit_text (renderer, font, style->size * scale,
                                                               style->one_line_size * scale, 1,
                                                               width, PANGO_ALIGN_CENTER, markup);

      if (!pango_layout_is_ellipsized (layout))
        return layout;
      g_object_unref (layout);
    }
  return _mc_certificate_renderer_fit_text (renderer, font, style->size * scale,
                                            style->min_size * scale, style->max_lines, width,
                                            PANGO_ALIGN_CENTER, markup);
}

/* Lays the middle out at @scale; returns its height. */
static double
lay_out_middle (McCertificateFront    *self,
                McCertificateRenderer *renderer,
                char                  *markup[MC_FRONT_N_PARTS],
                double                 width,
                double                 scale)
{
  double column = width - 2 * self->margin;
  double y = 0;

  for (guint i = 0; i < G_N_ELEMENTS (middle); i++)
    {
      const PartStyle *style = &middle[i];
      PangoLayout *layout;

      if (markup[style->part] == NULL)
        continue;
      if (y > 0)
        y += style->space_before * scale;
      layout = fit_part (renderer, style, markup[style->part], column, scale);
      place (self, style->part, layout, self->margin, y, style->color);
      y += height_of (layout);
    }
  return y;
}

/* Moves the middle down by @offset, from its own origin to the page's. */
static void
lower_middle (McCertificateFront *self,
              double              offset)
{
  for (guint i = 0; i < G_N_ELEMENTS (middle); i++)
    {
      McFrontPart part = middle[i].part;

      if (self->layouts[part] == NULL)
        continue;
      self->origins[part][1] += offset;
      self->boxes[part].y += offset;
    }
}

/**
 * _mc_certificate_front_init:
 * @self: the layout to fill
 * @renderer: the renderer, with its fonts, logo and QR code
 * @content: what the page shows
 * @width: the page's width in points
 * @height: its height
 *
 * Lays the certificate page out; free with _mc_certificate_front_clear().
 */
void
_mc_certificate_front_init (McCertificateFront    *self,
                            McCertificateRenderer *renderer,
                            McCertificateContent  *content,
                            double                 width,
                            double                 height)
{
  char *markup[MC_FRONT_N_PARTS] = { NULL, };
  double top, bottom, room, needed;

  memset (self, 0, sizeof *self);
  self->frame = MIN (FRAME, MIN (width, height) * 0.04);
  self->margin = MIN (MARGIN, MIN (width, height) * 0.094);

  top = lay_out_header (self, renderer, content, width, self->margin) + ORNAMENT_SPACE;
  bottom = lay_out_footer (self, renderer, content, width, height - self->margin);
  bottom = lay_out_signature_and_qr (self, renderer, content, width, bottom) - 20;
  room = bottom - top;

  middle_markup (content, markup);
  for (self->scale = 1;; self->scale *= 0.9)
    {
      needed = lay_out_middle (self, renderer, markup, width, self->scale);
      if (needed <= room || self->scale < MIN_SCALE)
        break;
    }
  /* A little above the centre, where the eye expects it. */
  lower_middle (self, top + MAX (0, room - needed) * 0.42);
  for (guint i = 0; i < MC_FRONT_N_PARTS; i++)
    g_free (markup[i]);
}

void
_mc_certificate_front_clear (McCertificateFront *self)
{
  for (guint i = 0; i < MC_FRONT_N_PARTS; i++)
    g_clear_object (&self->layouts[i]);
}

/* A double rule around the page, with small squares at the inner corners. */
static void
draw_frame (McCertificateFront *self,
            cairo_t            *cr,
            double              width,
            double              height)
{
  double outer = self->frame;
  double inner = outer + 5;

  _mc_certificate_set_color (cr, MC_CERTIFICATE_NAVY, 1);
  cairo_set_line_width (cr, 2.4);
  cairo_rectangle (cr, outer, outer, width - 2 * outer, height - 2 * outer);
  cairo_stroke (cr);
  cairo_set_line_width (cr, 0.6);
  cairo_rectangle (cr, inner, inner, width - 2 * inner, height - 2 * inner);
  cairo_stroke (cr);

  _mc_certificate_set_color (cr, MC_CERTIFICATE_GOLD, 1);
  for (guint corner = 0; corner < 4; corner++)
    {
      double x = corner % 2 ? width - inner : inner;
      double y = corner / 2 ? height - inner : inner;

      cairo_rectangle (cr, x - 2.5, y - 2.5, 5, 5);
    }
  cairo_fill (cr);
}

/* A gold rule with a diamond between the header and the middle. */
static void
draw_ornament (cairo_t *cr,
               double   x,
               double   y)
{
  _mc_certificate_set_color (cr, MC_CERTIFICATE_GOLD, 1);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, x - 60, y);
  cairo_line_to (cr, x - 8, y);
  cairo_move_to (cr, x + 8, y);
  cairo_line_to (cr, x + 60, y);
  cairo_stroke (cr);
  cairo_move_to (cr, x, y - 4);
  cairo_line_to (cr, x + 4, y);
  cairo_line_to (cr, x, y + 4);
  cairo_line_to (cr, x - 4, y);
  cairo_close_path (cr);
  cairo_fill (cr);
}

static void
draw_logo (McCertificateFront *self,
           cairo_t            *cr)
{
  const cairo_rectangle_t *box = &self->boxes[MC_FRONT_LOGO];

  cairo_save (cr);
  cairo_translate (cr, box->x, box->y);
  cairo_scale (cr, box->width / cairo_image_surface_get_width (self->logo),
               box->height / cairo_image_surface_get_height (self->logo));
  cairo_set_source_surface (cr, self->logo, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  cairo_paint (cr);
  cairo_restore (cr);
}

/**
 * _mc_certificate_front_draw:
 * @self: the laid out page
 * @cr: where to draw, in points
 * @width: the page's width
 * @height: its height
 */
void
_mc_certificate_front_draw (McCertificateFront *self,
                            cairo_t            *cr,
                            double              width,
                            double              height)
{
  const cairo_rectangle_t *signature = &self->boxes[MC_FRONT_SIGNATURE];
  double header_bottom = self->margin;

  draw_frame (self, cr, width, height);
  if (self->logo != NULL)
    {
      draw_logo (self, cr);
      header_bottom = self->boxes[MC_FRONT_LOGO].y + self->boxes[MC_FRONT_LOGO].height;
    }
  for (guint part = 0; part < MC_FRONT_N_PARTS; part++)
    if (self->layouts[part] != NULL)
      {
        _mc_certificate_show_layout (cr, self->layouts[part], self->origins[part][0],
                                     self->origins[part][1], self->colors[part]);
        if (part <= MC_FRONT_COUNTRY)
          header_bottom = self->boxes[part].y + self->boxes[part].height;
      }
  draw_ornament (cr, width / 2, header_bottom + ORNAMENT_SPACE / 2);

  _mc_certificate_set_color (cr, MC_CERTIFICATE_NAVY, 1);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, signature->x, self->signature_line);
  cairo_line_to (cr, signature->x + signature->width, self->signature_line);
  cairo_stroke (cr);

  if (self->qr != NULL)
    mc_qr_code_draw (self->qr, cr, self->boxes[MC_FRONT_QR].x, self->boxes[MC_FRONT_QR].y,
                     self->boxes[MC_FRONT_QR].width);
}
