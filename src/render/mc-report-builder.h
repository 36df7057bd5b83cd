/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-page-flow.h"
#include "mc-report-styles.h"

G_BEGIN_DECLS

/* The pieces reports are made of (headings, paragraphs, tables), added to
 * a McPageFlow in the report styles.  A plain struct on the stack:
 * { flow, styles, width of the page body }. */

typedef struct {
  McPageFlow           *flow;
  const McReportStyles *styles;
  double                width;
} McReportBuilder;

/* A column of a table. */
typedef struct {
  const char *title;     /* untranslated, for N_() */
  double      width;     /* 0: what the other columns leave */
  gboolean    end;       /* numbers: aligned to the right */
} McReportColumn;

#define MC_REPORT_COLUMN_GAP  10.0
#define MC_REPORT_ROW_PADDING 3.5

/* Markup for text from the database: valid UTF-8, no control characters
 * but line breaks and tabs, no space around it, escaped; "" for NULL. */
char *mc_report_escape       (const char *text);
/* Markup for an ISO date in the reader's format; NULL for NULL. */
char *mc_report_format_date  (const char *iso_date);
/* The same, with a dash for a missing value. */
char *mc_report_date_or_dash (const char *iso_date);
char *mc_report_text_or_dash (const char *text);

void  mc_report_builder_paragraph    (McReportBuilder      *self,
                                      const McFlowStyle    *style,
                                      McFlowBlockFlags      flags,
                                      double                space_before,
                                      double                space_after,
                                      const char           *markup);
void  mc_report_builder_heading      (McReportBuilder      *self,
                                      const char           *text);
void  mc_report_builder_note         (McReportBuilder      *self,
                                      const char           *text);
void  mc_report_builder_column_place (McReportBuilder      *self,
                                      const McReportColumn *columns,
                                      guint                 n_columns,
                                      guint                 index,
                                      double               *x,
                                      double               *width);
void  mc_report_builder_table_header (McReportBuilder      *self,
                                      const McReportColumn *columns,
                                      guint                 n_columns);
void  mc_report_builder_table_row    (McReportBuilder      *self,
                                      const McReportColumn *columns,
                                      guint                 n_columns,
                                      const char * const   *cells,
                                      McFlowBlockFlags      flags);

G_END_DECLS
