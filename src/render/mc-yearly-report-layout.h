/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "mc-yearly-report.h"

G_BEGIN_DECLS

/* An A4 page in points, the unit of the cairo context the layout draws on. */
#define MC_YEARLY_REPORT_PAGE_WIDTH  595.0
#define MC_YEARLY_REPORT_PAGE_HEIGHT 842.0

/* The yearly report laid out on A4 pages.  It draws onto any cairo
 * context whose unit is the point, so the window's preview, the printed
 * page and the PDF file are the same drawing. */

#define MC_TYPE_YEARLY_REPORT_LAYOUT (mc_yearly_report_layout_get_type ())
G_DECLARE_FINAL_TYPE (McYearlyReportLayout, mc_yearly_report_layout,
                      MC, YEARLY_REPORT_LAYOUT, GObject)

McYearlyReportLayout *mc_yearly_report_layout_new         (McYearlyReport       *report);
McYearlyReport       *mc_yearly_report_layout_get_report  (McYearlyReportLayout *self);
guint                 mc_yearly_report_layout_paginate    (McYearlyReportLayout *self,
                                                           cairo_t              *cr);
guint                 mc_yearly_report_layout_get_n_pages (McYearlyReportLayout *self);
void                  mc_yearly_report_layout_draw_page   (McYearlyReportLayout *self,
                                                           cairo_t              *cr,
                                                           guint                 page);

G_END_DECLS
