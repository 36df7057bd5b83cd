/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-page-flow.h"

G_BEGIN_DECLS

/* The typography of Microcred's printed reports and certificates:
 * Cantarell (GNOME's face) in dark and mid grey, a red for what needs
 * attention.  Colours come as markup and as McFlowStyle colours.
 *
 * The family lists name a face for each script a name may be written in,
 * so that pango picks the same fonts on every machine: Cantarell for
 * Latin, Greek and Cyrillic, DejaVu for Arabic, Hebrew, Armenian and
 * Georgian, WenQuanYi Micro Hei for Chinese, Japanese and Korean, then
 * whatever fontconfig finds. */
#define MC_REPORT_SANS  "Cantarell, DejaVu Sans, WenQuanYi Micro Hei, Sans"
#define MC_REPORT_SERIF "DejaVu Serif, DejaVu Sans, WenQuanYi Micro Hei, Serif"

#define MC_REPORT_TEXT      "#1f1f1f"
#define MC_REPORT_GREY      "#5e5c64"
#define MC_REPORT_GREY_RGB  0x5e5c64
#define MC_REPORT_ALERT     "#a51d2d"

typedef enum {
  MC_REPORT_FONT_TITLE,
  MC_REPORT_FONT_SUBTITLE,
  MC_REPORT_FONT_HEADING,
  MC_REPORT_FONT_ITEM,
  MC_REPORT_FONT_BODY,
  MC_REPORT_FONT_TABLE,
  MC_REPORT_FONT_LABEL,
  MC_REPORT_FONT_SMALL,
  MC_REPORT_N_FONTS
} McReportFont;

typedef struct {
  PangoFontDescription *fonts[MC_REPORT_N_FONTS];
  McFlowStyle title;
  McFlowStyle subtitle;
  McFlowStyle heading;
  McFlowStyle item;          /* the name of an item described below it */
  McFlowStyle body;
  McFlowStyle note;          /* grey body text: introductions, empty sections */
  McFlowStyle table;
  McFlowStyle table_end;     /* numbers, right-aligned */
  McFlowStyle label;         /* table headers, labels of paragraphs */
  McFlowStyle label_end;
  McFlowStyle list;          /* bulleted ("•\ttext"), hanging */
  McFlowStyle tile;          /* key figures, centred */
  McFlowStyle small;         /* page headers and footers */
  McFlowStyle small_end;
} McReportStyles;

void mc_report_styles_init            (McReportStyles *self);
void mc_report_styles_clear           (McReportStyles *self);
void mc_report_styles_prepare_context (PangoContext   *context);

G_END_DECLS
