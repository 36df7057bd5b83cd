/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-page-flow.h"

G_BEGIN_DECLS

/* A cell's text and where its lines fall, measured once when it is added. */
typedef struct {
  PangoLayout *layout;
  double       x;
  guint32      color;
  guint        n_lines;
  double      *tops;        /* n_lines + 1: the top of each line, then the bottom */
  double      *baselines;
  double      *line_x;      /* where each line starts (alignment, indent) */
} McFlowCell;

typedef struct {
  McFlowBlockFlags  flags;
  double            space_before;
  double            space_after;
  double            padding;
  int               header;    /* the table header block in force, or -1 */
  double            baseline;  /* the first baseline, common to all cells */
  GPtrArray        *cells;     /* McFlowCell */
} McFlowBlock;

/* The part of a block that stands on one page: lines [from, to) of each
 * cell; @to points into the same allocation as @from. */
typedef struct {
  guint   block;
  guint   page;
  double  y;
  double  height;
  guint  *from;
  guint  *to;
} McFlowFragment;

struct _McPageFlow
{
  GObject       parent_instance;

  PangoContext *context;
  double        width;
  GPtrArray    *blocks;       /* McFlowBlock */
  int           table_header;
  GArray       *fragments;    /* McFlowFragment, in page order */
  guint         n_pages;
};

double _mc_page_flow_block_height (const McFlowBlock *block,
                                   const guint       *from,
                                   const guint       *to);

G_END_DECLS
