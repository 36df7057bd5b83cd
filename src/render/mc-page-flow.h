/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <pango/pangocairo.h>

G_BEGIN_DECLS

/* A column of blocks poured onto pages of one body height.  A block is a
 * row of cells (wrapped text laid out by pango at an x offset and width,
 * sharing their first baseline); a paragraph is a block of one cell.
 * Pagination splits a block between lines, never through one, and leaves
 * at least two lines of a cell on either side of a break; a block kept
 * together moves whole to the next page unless it is taller than a
 * quarter of a page.  A table's header block is repeated at the top of
 * every page its rows continue on.  All lengths are in points. */

typedef enum {
  MC_FLOW_BLOCK_NONE           = 0,
  /* Never the last thing on a page (headings, a table's header). */
  MC_FLOW_BLOCK_KEEP_WITH_NEXT = 1 << 0,
  /* A hairline under the block (table rows). */
  MC_FLOW_BLOCK_RULE_BELOW     = 1 << 1,
  /* A darker rule under the block (title, table headers). */
  MC_FLOW_BLOCK_STRONG_RULE    = 1 << 2,
  /* A light background behind the block. */
  MC_FLOW_BLOCK_SHADED         = 1 << 3,
  /* Starts a table: repeated on each page until mc_page_flow_end_table(). */
  MC_FLOW_BLOCK_TABLE_HEADER   = 1 << 4,
  /* Split only when taller than a quarter of a page (table rows). */
  MC_FLOW_BLOCK_KEEP_TOGETHER  = 1 << 5,
} McFlowBlockFlags;

/* How a cell's text is set. */
typedef struct {
  const PangoFontDescription *font;
  PangoAlignment              alignment;
  /* Lines after the first of each paragraph start this far in; a tab
   * stop there lets "•\ttext" hang its bullet. */
  double                      hanging_indent;
  /* Colour of the text as 0xRRGGBB; 0 for the default dark grey.  Markup
   * can still colour parts of it. */
  guint32                     color;
} McFlowStyle;

#define MC_TYPE_PAGE_FLOW (mc_page_flow_get_type ())
G_DECLARE_FINAL_TYPE (McPageFlow, mc_page_flow, MC, PAGE_FLOW, GObject)

McPageFlow  *mc_page_flow_new            (PangoContext     *context,
                                          double            width);
PangoLayout *mc_page_flow_create_layout  (McPageFlow        *self,
                                          const McFlowStyle *style,
                                          double             width,
                                          const char        *markup);
void         mc_page_flow_begin_block    (McPageFlow       *self,
                                          McFlowBlockFlags  flags,
                                          double            space_before,
                                          double            space_after,
                                          double            padding);
void         mc_page_flow_add_cell       (McPageFlow        *self,
                                          double             x,
                                          double             width,
                                          const McFlowStyle *style,
                                          const char        *markup);
void         mc_page_flow_end_table      (McPageFlow       *self);
guint        mc_page_flow_paginate       (McPageFlow       *self,
                                          double            page_height);
guint        mc_page_flow_get_n_pages    (McPageFlow       *self);
guint        mc_page_flow_get_n_blocks   (McPageFlow       *self);
gboolean     mc_page_flow_get_block_place (McPageFlow      *self,
                                          guint             block,
                                          guint            *page,
                                          double           *y);
void         mc_page_flow_draw_page      (McPageFlow       *self,
                                          cairo_t          *cr,
                                          guint             page);
void         mc_page_flow_show_rule      (McPageFlow        *self,
                                          cairo_t           *cr,
                                          double             x,
                                          double             y,
                                          gboolean           strong);
void         mc_page_flow_show_text      (McPageFlow        *self,
                                          cairo_t           *cr,
                                          const McFlowStyle *style,
                                          double             x,
                                          double             y,
                                          double             width,
                                          const char        *markup);

G_END_DECLS
