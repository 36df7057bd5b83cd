/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-certificate-renderer-private.h"
#include "mc-report-builder.h"

/* The supplement: the credential described section by section, on as
 * many pages as it takes, in the typography of the reports.  Its flow
 * holds nothing about the learner, so one layout serves every
 * certificate of a credential; the holder's details go in a box drawn in
 * the room the flow keeps for them, and in the footer of every page. */

#define MARGIN         (17.0 * 72.0 / 25.4)
#define HEADER_OFFSET  26.0    /* the running header, above the body */
#define FOOTER_OFFSET  12.0    /* the footer, below the body */
#define HOLDER_HEIGHT  64.0
#define HOLDER_PADDING 8.0
#define SHADE          0xf3f3f4
#define LABEL_WIDTH    120.0   /* the sections' headings, left of their text */
#define LABEL_GAP      12.0
#define SECTION_GAP    5.0
#define ROW_PADDING    1.2     /* also keeps a section's rule off its last line */

static double
body_width (double width)
{
  return MAX (width - 2 * MARGIN, 72);
}

static double
body_height (double height)
{
  return MAX (height - 2 * MARGIN, 72);
}

/* Everything the flow shows, with the page size: equal keys, equal
 * layouts. */
static char *
supplement_key (McCertificateContent *content,
                double                width,
                double                height)
{
  GString *key = g_string_new (NULL);
  guint n = mc_certificate_content_get_n_sections (content);
  const char *title = mc_certificate_content_get_title (content);
  const char *type = mc_certificate_content_get_credential_type_label (content);

  g_string_append_printf (key, "%.3f\x1f%.3f\x1f%s\x1f%s", width, height, title ? title : "",
                          type ? type : "");
  for (guint i = 0; i < n; i++)
    {
      const char *paragraph = mc_certificate_content_get_section_paragraph (content, i);
      const char * const *items = mc_certificate_content_get_section_items (content, i);

      g_string_append_printf (key, "\x1e%s\x1f", mc_certificate_content_get_section_heading (content,
                                                                                            i));
      if (paragraph != NULL)
        g_string_append (key, paragraph);
      for (guint j = 0; items != NULL && items[j] != NULL; j++)
        g_string_append_printf (key, "\x1d%s", items[j]);
    }
  return g_string_free (key, FALSE);
}

/* A block in the column of the text, with the section's label beside it
 * when it is the section's first. */
static void
add_row (McReportBuilder   *b,
         const McFlowStyle *label_style,
         const McFlowStyle *style,
         const char        *label,
         const char        *markup,
         gboolean           last)
{
  McFlowBlockFlags flags = MC_FLOW_BLOCK_NONE;

  if (last)
    flags |= MC_FLOW_BLOCK_RULE_BELOW;
  mc_page_flow_begin_block (b->flow, flags, label != NULL ? SECTION_GAP : 0,
                            last ? SECTION_GAP : 0, ROW_PADDING);
  if (label != NULL)
    {
      g_autofree char *label_markup = g_markup_escape_text (label, -1);

      mc_page_flow_add_cell (b->flow, 0, LABEL_WIDTH, label_style, label_markup);
    }
  mc_page_flow_add_cell (b->flow, LABEL_WIDTH + LABEL_GAP, b->width - LABEL_WIDTH - LABEL_GAP,
                         style, markup);
}

/* A section: its heading in the left column, its paragraphs or the items
 * of its list in the right one. */
static void
add_section (McReportBuilder      *b,
             const McFlowStyle    *label_style,
             McCertificateContent *content,
             guint                 index)
{
  const char *heading = mc_certificate_content_get_section_heading (content, index);
  const char *paragraph = mc_certificate_content_get_section_paragraph (content, index);
  const char * const *items = mc_certificate_content_get_section_items (content, index);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new_with_free_func (g_free);
  const McFlowStyle *style = &b->styles->table;

  if (paragraph != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (paragraph, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *markup = mc_report_escape (lines[i]);

          if (*markup != '\0')
            g_ptr_array_add (blocks, markup);
          else
            g_free (markup);
        }
    }
  else if (items != NULL && items[0] != NULL && items[1] == NULL)
    g_ptr_array_add (blocks, mc_report_escape (items[0]));
  else
    {
      style = &b->styles->list;
      for (guint i = 0; items != NULL && items[i] != NULL; i++)
        {
          g_autofree char *text = mc_report_escape (items[i]);

          g_ptr_array_add (blocks, g_strdup_printf ("•\t%s", text));
        }
    }
  if (blocks->len == 0)
    g_ptr_array_add (blocks, g_strdup ("—"));

  for (guint i = 0; i < blocks->len; i++)
    add_row (b, label_style, style, i == 0 ? heading : NULL, g_ptr_array_index (blocks, i),
             i + 1 == blocks->len);
}

static void
fill_flow (McCertificateRenderer *self,
           McCertificateContent  *content,
           double                 width)
{
  McReportBuilder b = { self->supplement, &self->styles, width };
  McFlowStyle label_style = { self->fonts[MC_CERTIFICATE_FONT_SECTION], PANGO_ALIGN_LEFT, 0,
                              MC_CERTIFICATE_NAVY };
  McFlowStyle title_style = { self->fonts[MC_CERTIFICATE_FONT_HEADLINE], PANGO_ALIGN_LEFT, 0, 0 };
  const char *title = mc_certificate_content_get_title (content);
  const char *type = mc_certificate_content_get_credential_type_label (content);
  g_autofree char *title_markup = mc_report_escape (title);
  g_autofree char *type_markup = mc_report_escape (type);

  mc_report_builder_paragraph (&b, &title_style, MC_FLOW_BLOCK_NONE, 0, 1, title_markup);
  mc_page_flow_begin_block (b.flow, MC_FLOW_BLOCK_STRONG_RULE, 0, 10, 2);
  mc_page_flow_add_cell (b.flow, 0, width, &self->styles.body, type_markup);

  /* The room for the holder's box: padding alone. */
  self->holder_block = mc_page_flow_get_n_blocks (b.flow);
  mc_page_flow_begin_block (b.flow, MC_FLOW_BLOCK_NONE, 0, 0, HOLDER_HEIGHT / 2);

  for (guint i = 0; i < mc_certificate_content_get_n_sections (content); i++)
    add_section (&b, &label_style, content, i);
}

/* Lays the supplement out, or keeps the last layout when @content shows
 * the same; returns its number of pages. */
guint
_mc_certificate_renderer_paginate_supplement (McCertificateRenderer *self,
                                              McCertificateContent  *content,
                                              double                 width,
                                              double                 height)
{
  g_autofree char *key = supplement_key (content, width, height);

  if (self->supplement == NULL || g_strcmp0 (key, self->supplement_key) != 0)
    {
      g_clear_object (&self->supplement);
      self->supplement = mc_page_flow_new (self->context, body_width (width));
      fill_flow (self, content, body_width (width));
      mc_page_flow_paginate (self->supplement, body_height (height));
      g_free (self->supplement_key);
      self->supplement_key = g_steal_pointer (&key);
    }
  return mc_page_flow_get_n_pages (self->supplement);
}

/* One line of small text, cut with an ellipsis when too long. */
static void
show_small (McCertificateRenderer *self,
            cairo_t               *cr,
            const McFlowStyle     *style,
            double                 x,
            double                 y,
            double                 width,
            const char            *text)
{
  g_autofree char *markup = _mc_certificate_markup_line (text);
  double size = pango_units_to_double (pango_font_description_get_size (style->font));
  g_autoptr(PangoLayout) layout = _mc_certificate_renderer_fit_text (self, style->font, size, size,
                                                                     1, width, style->alignment,
                                                                     markup);

  _mc_certificate_show_layout (cr, layout, x, y, style->color);
}

static void
draw_rule (cairo_t *cr,
           double   x,
           double   y,
           double   width)
{
  _mc_certificate_set_color (cr, 0xc7c7c7, 1);
  cairo_set_line_width (cr, 0.4);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
}

/* The running header and the footer, which names the holder so that a
 * page that comes loose still says whose it is. */
static void
draw_chrome (McCertificateRenderer *self,
             McCertificateContent  *content,
             cairo_t               *cr,
             guint                  page,
             double                 width,
             double                 height)
{
  const McReportStyles *s = &self->styles;
  double w = body_width (width);
  double footer = height - MARGIN + FOOTER_OFFSET;
  const char *name = mc_certificate_content_get_learner_name (content);
  const char *id = mc_certificate_content_get_credential_id (content);
  g_autofree char *holder = NULL;
  g_autofree char *page_of = NULL;

  show_small (self, cr, &s->small, MARGIN, MARGIN - HEADER_OFFSET, w * 0.5,
              _("Certificate supplement"));
  show_small (self, cr, &s->small_end, MARGIN + w * 0.5, MARGIN - HEADER_OFFSET, w * 0.5,
              mc_certificate_content_get_institution_name (content));
  draw_rule (cr, MARGIN, MARGIN - HEADER_OFFSET + 14, w);

  draw_rule (cr, MARGIN, footer - 4, w);
  if (name != NULL && id != NULL)
    /* Translators: in the footer of a certificate's supplement: the
     * holder's name, then the credential's identifier. */
    holder = g_strdup_printf (_("%s · %s"), name, id);
  else
    holder = g_strdup (name != NULL ? name : id);
  show_small (self, cr, &s->small, MARGIN, footer, w * 0.8, holder);
  /* Translators: footer of a certificate's pages: "Page 2 of 3". */
  page_of = g_strdup_printf (_("Page %u of %u"), page + 2,
                             mc_page_flow_get_n_pages (self->supplement) + 1);
  show_small (self, cr, &s->small_end, MARGIN + w * 0.8, footer, w * 0.2, page_of);
}

/* One of the holder's details: a label over its value, at @x, @y. */
static void
draw_detail (McCertificateRenderer *self,
             cairo_t               *cr,
             double                 x,
             double                 y,
             double                 width,
             const char            *label,
             const char            *value)
{
  const McReportStyles *s = &self->styles;
  g_autofree char *markup = _mc_certificate_markup_line (value != NULL ? value : "—");
  g_autoptr(PangoLayout) layout = _mc_certificate_renderer_fit_text (self, s->body.font, 10, 7, 1,
                                                                     width, PANGO_ALIGN_LEFT,
                                                                     markup);

  show_small (self, cr, &s->label, x, y, width, label);
  _mc_certificate_show_layout (cr, layout, x, y + 10.5, 0x1f1f1f);
}

static void
draw_holder (McCertificateRenderer *self,
             McCertificateContent  *content,
             cairo_t               *cr,
             double                 x,
             double                 y,
             double                 width)
{
  double column = (width - 3 * HOLDER_PADDING) / 2;
  double row = (HOLDER_HEIGHT - 2 * HOLDER_PADDING) / 2 + 3;
  double left = x + HOLDER_PADDING;
  double right = left + column + HOLDER_PADDING;
  double top = y + HOLDER_PADDING - 1;

  _mc_certificate_set_color (cr, SHADE, 1);
  cairo_rectangle (cr, x, y, width, HOLDER_HEIGHT);
  cairo_fill (cr);

  draw_detail (self, cr, left, top, column, _("Holder"),
               mc_certificate_content_get_learner_name (content));
  draw_detail (self, cr, right, top, column, _("Student number"),
               mc_certificate_content_get_learner_identifier (content));
  draw_detail (self, cr, left, top + row, column, _("Date of award"),
               mc_certificate_content_get_date_awarded_text (content));
  draw_detail (self, cr, right, top + row, column, _("Credential ID"),
               mc_certificate_content_get_credential_id (content));
}

/* Draws page @page of the supplement, from 0, once paginated. */
void
_mc_certificate_renderer_draw_supplement (McCertificateRenderer *self,
                                          McCertificateContent  *content,
                                          guint                  page,
                                          cairo_t               *cr,
                                          double                 width,
                                          double                 height)
{
  guint holder_page;
  double holder_y;

  draw_chrome (self, content, cr, page, width, height);
  cairo_save (cr);
  cairo_translate (cr, MARGIN, MARGIN);
  mc_page_flow_draw_page (self->supplement, cr, page);
  if (mc_page_flow_get_block_place (self->supplement, self->holder_block, &holder_page, &holder_y)
      && holder_page == page)
    draw_holder (self, content, cr, 0, holder_y, body_width (width));
  cairo_restore (cr);
}
