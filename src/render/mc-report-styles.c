/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-report-styles.h"

static McFlowStyle
style (const PangoFontDescription *font,
       PangoAlignment              alignment,
       guint32                     color)
{
  McFlowStyle s = { font, alignment, 0, color };

  return s;
}

/**
 * mc_report_styles_init:
 * @self: styles to fill
 *
 * Makes the fonts and styles; free them with mc_report_styles_clear().
 */
void
mc_report_styles_init (McReportStyles *self)
{
  static const char * const fonts[MC_REPORT_N_FONTS] = {
    [MC_REPORT_FONT_TITLE] = MC_REPORT_SANS " Bold 21",
    [MC_REPORT_FONT_SUBTITLE] = MC_REPORT_SANS " 13",
    [MC_REPORT_FONT_HEADING] = MC_REPORT_SANS " Bold 13",
    [MC_REPORT_FONT_ITEM] = MC_REPORT_SANS " Bold 10",
    [MC_REPORT_FONT_BODY] = MC_REPORT_SANS " 9.5",
    [MC_REPORT_FONT_TABLE] = MC_REPORT_SANS " 9",
    [MC_REPORT_FONT_LABEL] = MC_REPORT_SANS " Bold 8",
    [MC_REPORT_FONT_SMALL] = MC_REPORT_SANS " 7.5",
  };
  PangoFontDescription **f = self->fonts;

  g_return_if_fail (self != NULL);

  for (guint i = 0; i < MC_REPORT_N_FONTS; i++)
    f[i] = pango_font_description_from_string (fonts[i]);

  self->title = style (f[MC_REPORT_FONT_TITLE], PANGO_ALIGN_LEFT, 0);
  self->subtitle = style (f[MC_REPORT_FONT_SUBTITLE], PANGO_ALIGN_LEFT, 0);
  self->heading = style (f[MC_REPORT_FONT_HEADING], PANGO_ALIGN_LEFT, 0);
  self->item = style (f[MC_REPORT_FONT_ITEM], PANGO_ALIGN_LEFT, 0);
  self->body = style (f[MC_REPORT_FONT_BODY], PANGO_ALIGN_LEFT, 0);
  self->note = style (f[MC_REPORT_FONT_BODY], PANGO_ALIGN_LEFT, MC_REPORT_GREY_RGB);
  self->table = style (f[MC_REPORT_FONT_TABLE], PANGO_ALIGN_LEFT, 0);
  self->table_end = style (f[MC_REPORT_FONT_TABLE], PANGO_ALIGN_RIGHT, 0);
  self->label = style (f[MC_REPORT_FONT_LABEL], PANGO_ALIGN_LEFT, MC_REPORT_GREY_RGB);
  self->label_end = style (f[MC_REPORT_FONT_LABEL], PANGO_ALIGN_RIGHT, MC_REPORT_GREY_RGB);
  self->list = style (f[MC_REPORT_FONT_TABLE], PANGO_ALIGN_LEFT, 0);
  self->list.hanging_indent = 10;
  self->tile = style (f[MC_REPORT_FONT_TABLE], PANGO_ALIGN_CENTER, 0);
  self->small = style (f[MC_REPORT_FONT_SMALL], PANGO_ALIGN_LEFT, MC_REPORT_GREY_RGB);
  self->small_end = style (f[MC_REPORT_FONT_SMALL], PANGO_ALIGN_RIGHT, MC_REPORT_GREY_RGB);
}

void
mc_report_styles_clear (McReportStyles *self)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < MC_REPORT_N_FONTS; i++)
    g_clear_pointer (&self->fonts[i], pango_font_description_free);
}

/**
 * mc_report_styles_prepare_context:
 * @context: a pango context of a cairo font map
 *
 * Sets @context up for laying out in points with metrics that do not
 * depend on the resolution of the device, so that pages come out the
 * same on screen, on paper and in PDF.
 */
void
mc_report_styles_prepare_context (PangoContext *context)
{
  cairo_font_options_t *options;

  g_return_if_fail (PANGO_IS_CONTEXT (context));

  pango_cairo_context_set_resolution (context, 72);
  pango_context_set_round_glyph_positions (context, FALSE);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
}
