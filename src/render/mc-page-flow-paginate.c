/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-page-flow-private.h"

/* Pagination: pours the blocks onto pages, splitting tall ones between
 * lines, and records the fragments that mc_page_flow_draw_page() draws. */

/* A block kept together and no taller than this share of a page moves
 * whole to the next page rather than being split. */
#define SHORT_BLOCK_SHARE 0.25
/* Fewest lines of a cell left alone at the foot or head of a page. */
#define MIN_LINES 2

typedef struct {
  McPageFlow *flow;
  double      page_height;
  guint       page;
  double      y;      /* the next free place on the page */
  double      top;    /* where the page's own content starts (below a repeated header) */
} Cursor;

static McFlowBlock *
get_block (McPageFlow *self,
           guint       index)
{
  return g_ptr_array_index (self->blocks, index);
}

/* Whether the rest of a block, from lines @from, may be split: a block
 * kept together only when taller than SHORT_BLOCK_SHARE of a page, any
 * other when a cell has lines enough for MIN_LINES on either side. */
static gboolean
can_split (const McFlowBlock *block,
           const guint       *from,
           double             page_height)
{
  if ((block->flags & MC_FLOW_BLOCK_KEEP_TOGETHER) &&
      _mc_page_flow_block_height (block, from, NULL) <= page_height * SHORT_BLOCK_SHARE)
    return FALSE;
  for (guint c = 0; c < block->cells->len; c++)
    {
      const McFlowCell *cell = g_ptr_array_index (block->cells, c);

      if (cell->n_lines - from[c] >= 2 * MIN_LINES)
        return TRUE;
    }
  return FALSE;
}

/* The least of a block that must stand on a page to start it there: all
 * of a block that cannot be split, the first lines of any other. */
static double
lead_height (const McFlowBlock *block,
             double             page_height,
             gboolean          *whole)
{
  g_autofree guint *from = g_new0 (guint, block->cells->len);
  g_autofree guint *to = g_new0 (guint, block->cells->len);

  *whole = !can_split (block, from, page_height);
  if (*whole)
    return _mc_page_flow_block_height (block, from, NULL);
  for (guint c = 0; c < block->cells->len; c++)
    to[c] = MIN (MIN_LINES, ((McFlowCell *) g_ptr_array_index (block->cells, c))->n_lines);
  return _mc_page_flow_block_height (block, from, to);
}

/* The room that what follows block @index needs on the same page: the
 * start of the next block, and what that one keeps with it in turn when
 * it goes whole. */
static double
kept_height (McPageFlow *self,
             guint       index,
             double      page_height)
{
  const McFlowBlock *next;
  gboolean whole;
  double height;

  if (index + 1 >= self->blocks->len)
    return 0;
  next = get_block (self, index + 1);
  height = next->space_before + lead_height (next, page_height, &whole);
  if (whole && (next->flags & MC_FLOW_BLOCK_KEEP_WITH_NEXT))
    height += kept_height (self, index + 1, page_height);
  return height;
}

static void
place (Cursor            *cursor,
       guint              index,
       const guint       *from,
       const guint       *to)
{
  const McFlowBlock *block = get_block (cursor->flow, index);
  guint n = block->cells->len;
  McFlowFragment fragment = { index, cursor->page, cursor->y, 0, NULL, NULL };

  fragment.height = _mc_page_flow_block_height (block, from, to);
  fragment.from = g_new (guint, 2 * n + 1);
  fragment.to = fragment.from + n;
  for (guint c = 0; c < n; c++)
    fragment.from[c] = from[c];
  for (guint c = 0; c < n; c++)
    fragment.to[c] = to != NULL ? to[c]
                                : ((McFlowCell *) g_ptr_array_index (block->cells, c))->n_lines;
  g_array_append_val (cursor->flow->fragments, fragment);
  cursor->y += fragment.height;
}

/* Turns the page; rows of a table get its header again first. */
static void
new_page (Cursor *cursor,
          guint   index)
{
  const McFlowBlock *block = get_block (cursor->flow, index);

  cursor->page++;
  cursor->y = 0;
  if (block->header >= 0 && (guint) block->header != index)
    {
      const McFlowBlock *header = get_block (cursor->flow, (guint) block->header);
      g_autofree guint *from = g_new0 (guint, header->cells->len);

      place (cursor, (guint) block->header, from, NULL);
      cursor->y += header->space_after;
    }
  cursor->top = cursor->y;
}

/* Chooses the lines of each cell that go on this page, within @room.
 * Away from the top of a page, a cell never leaves fewer than MIN_LINES
 * lines on either side of the break, and FALSE means "turn the page
 * first"; at the top, every unfinished cell takes at least a line. */
static gboolean
choose_break (const McFlowBlock *block,
              const guint       *from,
              guint             *to,
              double             room,
              gboolean           at_top)
{
  for (guint c = 0; c < block->cells->len; c++)
    {
      const McFlowCell *cell = g_ptr_array_index (block->cells, c);
      guint left = cell->n_lines - from[c];
      guint take = 0;

      while (take < left && cell->tops[from[c] + take + 1] - cell->tops[from[c]] <= room)
        take++;
      if (take < left && !at_top)
        {
          if (left - take < MIN_LINES)
            take = left >= MIN_LINES ? left - MIN_LINES : 0;
          if (take < MIN_LINES)
            return FALSE;
        }
      if (take == 0 && left > 0)
        take = 1;
      to[c] = from[c] + take;
    }
  return TRUE;
}

static void
pour_block (Cursor *cursor,
            guint   index)
{
  const McFlowBlock *block = get_block (cursor->flow, index);
  g_autofree guint *from = g_new0 (guint, block->cells->len);
  g_autofree guint *to = g_new0 (guint, block->cells->len);
  gboolean first = TRUE;

  for (;;)
    {
      gboolean at_top = cursor->y <= cursor->top;
      gboolean splits = can_split (block, from, cursor->page_height);
      double gap = first && !at_top ? block->space_before : 0;
      double room = cursor->page_height - cursor->y - gap;
      double rest = _mc_page_flow_block_height (block, from, NULL);
      double need = rest;

      /* A block that may be split keeps only its last part with the next. */
      if (first && !splits && (block->flags & MC_FLOW_BLOCK_KEEP_WITH_NEXT))
        need += kept_height (cursor->flow, index, cursor->page_height);

      /* At the top of a page, a block with no lines left (only padding)
       * goes whole, so that pouring always ends. */
      if (need <= room || (at_top && (rest <= room || rest <= 2 * block->padding)))
        {
          cursor->y += gap;
          place (cursor, index, from, NULL);
          cursor->y += block->space_after;
          return;
        }
      if (!at_top && !splits)
        {
          new_page (cursor, index);
          continue;
        }
      if (!choose_break (block, from, to, room - 2 * block->padding, at_top))
        {
          new_page (cursor, index);
          continue;
        }
      cursor->y += gap;
      place (cursor, index, from, to);
      memcpy (from, to, block->cells->len * sizeof (guint));
      first = FALSE;
      new_page (cursor, index);
    }
}

/**
 * mc_page_flow_paginate:
 * @self: a flow
 * @page_height: height of the page body
 *
 * Lays the blocks out on pages; can be called again after more blocks
 * were added.
 *
 * Returns: the number of pages, at least 1
 */
guint
mc_page_flow_paginate (McPageFlow *self,
                       double      page_height)
{
  Cursor cursor = { self, page_height, 0, 0, 0 };

  g_return_val_if_fail (MC_IS_PAGE_FLOW (self), 0);
  g_return_val_if_fail (page_height > 0, 0);

  g_array_set_size (self->fragments, 0);
  for (guint i = 0; i < self->blocks->len; i++)
    pour_block (&cursor, i);
  self->n_pages = cursor.page + 1;
  return self->n_pages;
}
