/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "mc-core.h"
#include "mc-yearly-report-layout-private.h"

/* Page chrome, between the body and the page's edge. */
#define HEADER_TOP (MC_REPORT_MARGIN - 30.0)
#define FOOTER_TOP (MC_YEARLY_REPORT_PAGE_HEIGHT - MC_REPORT_MARGIN + 14.0)

struct _McYearlyReportLayout
{
  GObject         parent_instance;

  McYearlyReport *report;
  McReportStyles  styles;
  McPageFlow     *flow;       /* NULL until paginated */
};

G_DEFINE_FINAL_TYPE (McYearlyReportLayout, mc_yearly_report_layout, G_TYPE_OBJECT)

static void
mc_yearly_report_layout_finalize (GObject *object)
{
  McYearlyReportLayout *self = MC_YEARLY_REPORT_LAYOUT (object);

  g_clear_object (&self->report);
  g_clear_object (&self->flow);
  mc_report_styles_clear (&self->styles);
  G_OBJECT_CLASS (mc_yearly_report_layout_parent_class)->finalize (object);
}

static void
mc_yearly_report_layout_class_init (McYearlyReportLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_yearly_report_layout_finalize;
}

static void
mc_yearly_report_layout_init (McYearlyReportLayout *self)
{
  mc_report_styles_init (&self->styles);
}

/**
 * mc_yearly_report_layout_new:
 * @report: the report to lay out
 *
 * Returns: (transfer full): a layout; paginate it before drawing
 */
McYearlyReportLayout *
mc_yearly_report_layout_new (McYearlyReport *report)
{
  McYearlyReportLayout *self;

  g_return_val_if_fail (MC_IS_YEARLY_REPORT (report), NULL);

  mc_core_init ();
  self = g_object_new (MC_TYPE_YEARLY_REPORT_LAYOUT, NULL);
  self->report = g_object_ref (report);
  return self;
}

/**
 * mc_yearly_report_layout_get_report:
 * @self: a layout
 *
 * Returns: (transfer none): the report laid out
 */
McYearlyReport *
mc_yearly_report_layout_get_report (McYearlyReportLayout *self)
{
  g_return_val_if_fail (MC_IS_YEARLY_REPORT_LAYOUT (self), NULL);

  return self->report;
}

/**
 * mc_yearly_report_layout_paginate:
 * @self: a layout
 * @cr: a cairo context whose unit is the point
 *
 * Lays the report out with the font map of @cr, with metrics that do not
 * depend on its resolution, so that the pages come out the same on
 * screen, on paper and in PDF.  Call it again to lay out anew.
 *
 * Returns: the number of pages, at least 1
 */
guint
mc_yearly_report_layout_paginate (McYearlyReportLayout *self,
                                  cairo_t              *cr)
{
  McReportBuilder builder;
  PangoContext *context;

  g_return_val_if_fail (MC_IS_YEARLY_REPORT_LAYOUT (self), 0);
  g_return_val_if_fail (cr != NULL, 0);

  context = pango_cairo_create_context (cr);
  mc_report_styles_prepare_context (context);

  g_clear_object (&self->flow);
  self->flow = mc_page_flow_new (context, MC_REPORT_BODY_WIDTH);
  g_object_unref (context);
  builder.flow = self->flow;
  builder.styles = &self->styles;
  builder.width = MC_REPORT_BODY_WIDTH;
  _mc_yearly_report_layout_fill (&builder, self->report);
  return mc_page_flow_paginate (self->flow, MC_REPORT_BODY_HEIGHT);
}

/**
 * mc_yearly_report_layout_get_n_pages:
 * @self: a layout
 *
 * Returns: the number of pages, or 0 before mc_yearly_report_layout_paginate()
 */
guint
mc_yearly_report_layout_get_n_pages (McYearlyReportLayout *self)
{
  g_return_val_if_fail (MC_IS_YEARLY_REPORT_LAYOUT (self), 0);

  return self->flow != NULL ? mc_page_flow_get_n_pages (self->flow) : 0;
}

/* A running header from the second page on, and a footer on every page. */
static void
draw_chrome (McYearlyReportLayout *self,
             cairo_t              *cr,
             guint                 page)
{
  const McReportStyles *s = &self->styles;
  double x = MC_REPORT_MARGIN;
  double width = MC_REPORT_BODY_WIDTH;
  g_autofree char *date = mc_report_format_date (
    mc_yearly_report_get_generated_on (self->report));
  g_autofree char *generated = NULL;
  g_autofree char *page_of = NULL;

  if (page > 0)
    {
      g_autofree char *unit = mc_report_escape (
        mc_yearly_report_get_unit_name (self->report));
      g_autofree char *institution = mc_report_escape (
        mc_yearly_report_get_institution (self->report));
      /* Translators: running header of the yearly report's pages:
       * the name of the academic unit, then the year. */
      g_autofree char *title = g_strdup_printf (_("%s · Yearly quality report %d"), unit,
                                                mc_yearly_report_get_year (self->report));

      mc_page_flow_show_text (self->flow, cr, &s->small, x, HEADER_TOP, width * 0.6, title);
      mc_page_flow_show_text (self->flow, cr, &s->small_end, x + width * 0.6, HEADER_TOP,
                              width * 0.4, institution);
      mc_page_flow_show_rule (self->flow, cr, x, HEADER_TOP + 14, FALSE);
    }

  mc_page_flow_show_rule (self->flow, cr, x, FOOTER_TOP - 4, FALSE);
  /* Translators: footer of the yearly report; %s is a date. */
  generated = g_strdup_printf (_("Generated on %s"), date);
  /* Translators: footer of the yearly report: "Page 2 of 5". */
  page_of = g_strdup_printf (_("Page %u of %u"), page + 1, mc_page_flow_get_n_pages (self->flow));
  mc_page_flow_show_text (self->flow, cr, &s->small, x, FOOTER_TOP, width / 2, generated);
  mc_page_flow_show_text (self->flow, cr, &s->small_end, x + width / 2, FOOTER_TOP, width / 2,
                          page_of);
}

/**
 * mc_yearly_report_layout_draw_page:
 * @self: a paginated layout
 * @cr: a cairo context whose unit is the point, origin at the page's top left
 * @page: the page, from 0
 *
 * Draws one page of the report; the page's background is left alone.
 */
void
mc_yearly_report_layout_draw_page (McYearlyReportLayout *self,
                                   cairo_t              *cr,
                                   guint                 page)
{
  g_return_if_fail (MC_IS_YEARLY_REPORT_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (self->flow != NULL);
  g_return_if_fail (page < mc_page_flow_get_n_pages (self->flow));

  cairo_save (cr);
  cairo_translate (cr, MC_REPORT_MARGIN, MC_REPORT_MARGIN);
  mc_page_flow_draw_page (self->flow, cr, page);
  cairo_restore (cr);

  cairo_save (cr);
  draw_chrome (self, cr, page);
  cairo_restore (cr);
}
