/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-report-builder.h"
#include "mc-yearly-report-layout.h"

G_BEGIN_DECLS

/* 20 mm margins all round. */
#define MC_REPORT_MARGIN      (20.0 * 72.0 / 25.4)
#define MC_REPORT_BODY_WIDTH  (MC_YEARLY_REPORT_PAGE_WIDTH - 2 * MC_REPORT_MARGIN)
#define MC_REPORT_BODY_HEIGHT (MC_YEARLY_REPORT_PAGE_HEIGHT - 2 * MC_REPORT_MARGIN)

void _mc_yearly_report_layout_fill (McReportBuilder *builder,
                                    McYearlyReport  *report);

G_END_DECLS
