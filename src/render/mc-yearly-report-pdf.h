/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "mc-yearly-report.h"

G_BEGIN_DECLS

gboolean mc_yearly_report_write_pdf        (McYearlyReport       *report,
                                            const char           *path,
                                            GCancellable         *cancellable,
                                            GError              **error);
void     mc_yearly_report_write_pdf_async  (McYearlyReport       *report,
                                            const char           *path,
                                            GCancellable         *cancellable,
                                            GAsyncReadyCallback   callback,
                                            gpointer              user_data);
gboolean mc_yearly_report_write_pdf_finish (McYearlyReport       *report,
                                            GAsyncResult         *result,
                                            GError              **error);

G_END_DECLS
