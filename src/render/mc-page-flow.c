/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-page-flow-private.h"

#define TEXT_GREY   0.12
#define SHADE_GREY  0.955
#define RULE_GREY   0.78
#define STRONG_GREY 0.40

G_DEFINE_FINAL_TYPE (McPageFlow, mc_page_flow, G_TYPE_OBJECT)

static void
cell_free (gpointer data)
{
  McFlowCell *cell = data;

  g_object_unref (cell->layout);
  g_free (cell->tops);
  g_free (cell->baselines);
  g_free (cell->line_x);
  g_free (cell);
}

static void
block_free (gpointer data)
{
  McFlowBlock *block = data;

  g_ptr_array_unref (block->cells);
  g_free (block);
}

static void
fragment_clear (gpointer data)
{
  McFlowFragment *fragment = data;

  g_free (fragment->from);
}

static void
mc_page_flow_finalize (GObject *object)
{
  McPageFlow *self = MC_PAGE_FLOW (object);

  g_clear_object (&self->context);
  g_ptr_array_unref (self->blocks);
  g_array_unref (self->fragments);
  G_OBJECT_CLASS (mc_page_flow_parent_class)->finalize (object);
}

static void
mc_page_flow_class_init (McPageFlowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_page_flow_finalize;
}

static void
mc_page_flow_init (McPageFlow *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->fragments = g_array_new (FALSE, TRUE, sizeof (McFlowFragment));
  g_array_set_clear_func (self->fragments, fragment_clear);
  self->table_header = -1;
}

/**
 * mc_page_flow_new:
 * @context: the pango context to lay text out with, at 72 dpi
 * @width: width of the page body
 *
 * Returns: (transfer full): an empty flow
 */
McPageFlow *
mc_page_flow_new (PangoContext *context,
                  double        width)
{
  McPageFlow *self;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (width > 0, NULL);

  self = g_object_new (MC_TYPE_PAGE_FLOW, NULL);
  self->context = g_object_ref (context);
  self->width = width;
  return self;
}

/**
 * mc_page_flow_create_layout:
 * @self: a flow
 * @style: how to set the text
 * @width: the width to wrap at
 * @markup: pango markup
 *
 * Long words are broken between characters, so nothing overflows @width.
 *
 * Returns: (transfer full): a layout in the flow's context
 */
PangoLayout *
mc_page_flow_create_layout (McPageFlow        *self,
                            const McFlowStyle *style,
                            double             width,
                            const char        *markup)
{
  PangoLayout *layout;

  g_return_val_if_fail (MC_IS_PAGE_FLOW (self), NULL);
  g_return_val_if_fail (style != NULL, NULL);
  g_return_val_if_fail (markup != NULL, NULL);

  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, style->font);
  pango_layout_set_width (layout, pango_units_from_double (width));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, style->alignment);
  if (style->hanging_indent > 0)
    {
      g_autoptr(PangoTabArray) tabs = pango_tab_array_new (1, FALSE);

      pango_tab_array_set_tab (tabs, 0, PANGO_TAB_LEFT,
                               pango_units_from_double (style->hanging_indent));
      pango_layout_set_tabs (layout, tabs);
      pango_layout_set_indent (layout, pango_units_from_double (-style->hanging_indent));
    }
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

/**
 * mc_page_flow_begin_block:
 * @self: a flow
 * @flags: how the block behaves and looks
 * @space_before: space above it, dropped at the top of a page
 * @space_after: space below it
 * @padding: space inside the block above and below its cells
 *
 * Starts a block; add its cells with mc_page_flow_add_cell().
 */
void
mc_page_flow_begin_block (McPageFlow       *self,
                          McFlowBlockFlags  flags,
                          double            space_before,
                          double            space_after,
                          double            padding)
{
  McFlowBlock *block;

  g_return_if_fail (MC_IS_PAGE_FLOW (self));

  block = g_new0 (McFlowBlock, 1);
  block->flags = flags;
  block->space_before = space_before;
  block->space_after = space_after;
  block->padding = padding;
  block->cells = g_ptr_array_new_with_free_func (cell_free);
  if (flags & MC_FLOW_BLOCK_TABLE_HEADER)
    self->table_header = (int) self->blocks->len;
  block->header = self->table_header;
  g_ptr_array_add (self->blocks, block);
}

/* Moves a cell's lines down by @offset; its first line takes the room. */
static void
cell_lower (McFlowCell *cell,
            double      offset)
{
  for (guint i = 0; i < cell->n_lines; i++)
    {
      cell->baselines[i] += offset;
      cell->tops[i + 1] += offset;
    }
}

/**
 * mc_page_flow_add_cell:
 * @self: a flow
 * @x: left edge of the cell from the left of the body
 * @width: width of the cell
 * @style: how to set the text
 * @markup: pango markup
 *
 * Adds a cell to the block begun last; its lines are measured now.
 */
void
mc_page_flow_add_cell (McPageFlow        *self,
                       double             x,
                       double             width,
                       const McFlowStyle *style,
                       const char        *markup)
{
  McFlowBlock *block;
  McFlowCell *cell;
  PangoLayoutIter *iter;
  guint i = 0;
  int bottom = 0;

  g_return_if_fail (MC_IS_PAGE_FLOW (self));
  g_return_if_fail (self->blocks->len > 0);

  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  cell = g_new0 (McFlowCell, 1);
  cell->layout = mc_page_flow_create_layout (self, style, width, markup);
  cell->x = x;
  cell->color = style->color;
  cell->n_lines = (guint) pango_layout_get_line_count (cell->layout);
  cell->tops = g_new (double, cell->n_lines + 1);
  cell->baselines = g_new (double, cell->n_lines);
  cell->line_x = g_new (double, cell->n_lines);

  iter = pango_layout_get_iter (cell->layout);
  do
    {
      PangoRectangle logical;
      int y0;

      g_assert (i < cell->n_lines);
      pango_layout_iter_get_line_yrange (iter, &y0, &bottom);
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      cell->tops[i] = pango_units_to_double (y0);
      cell->baselines[i] = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      cell->line_x[i] = pango_units_to_double (logical.x);
      i++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cell->tops[cell->n_lines] = pango_units_to_double (bottom);

  /* Cells of different sizes share their first baseline, so a label
   * reads on the same line as the text beside it. */
  if (block->cells->len == 0 || cell->baselines[0] > block->baseline)
    {
      for (guint c = 0; c < block->cells->len; c++)
        cell_lower (g_ptr_array_index (block->cells, c), cell->baselines[0] - block->baseline);
      block->baseline = cell->baselines[0];
    }
  else
    cell_lower (cell, block->baseline - cell->baselines[0]);

  g_ptr_array_add (block->cells, cell);
}

/**
 * mc_page_flow_end_table:
 * @self: a flow
 *
 * Ends the table begun by the last %MC_FLOW_BLOCK_TABLE_HEADER block: the
 * blocks added after this no longer repeat its header.
 */
void
mc_page_flow_end_table (McPageFlow *self)
{
  g_return_if_fail (MC_IS_PAGE_FLOW (self));

  self->table_header = -1;
}

guint
mc_page_flow_get_n_pages (McPageFlow *self)
{
  g_return_val_if_fail (MC_IS_PAGE_FLOW (self), 0);

  return self->n_pages;
}

/**
 * mc_page_flow_get_n_blocks:
 * @self: a flow
 *
 * Returns: the number of blocks begun so far; the next block gets this index
 */
guint
mc_page_flow_get_n_blocks (McPageFlow *self)
{
  g_return_val_if_fail (MC_IS_PAGE_FLOW (self), 0);

  return self->blocks->len;
}

/**
 * mc_page_flow_get_block_place:
 * @self: a paginated flow
 * @block: the index of a block
 * @page: (out): the page the block starts on
 * @y: (out): the top of the block there, below its space before
 *
 * Tells where a block went, so that something can be drawn in the room
 * a block of padding alone keeps.
 *
 * Returns: FALSE when @block does not exist or the flow is not paginated
 */
gboolean
mc_page_flow_get_block_place (McPageFlow *self,
                              guint       block,
                              guint      *page,
                              double     *y)
{
  g_return_val_if_fail (MC_IS_PAGE_FLOW (self), FALSE);

  for (guint i = 0; i < self->fragments->len; i++)
    {
      const McFlowFragment *fragment = &g_array_index (self->fragments, McFlowFragment, i);

      if (fragment->block == block)
        {
          *page = fragment->page;
          *y = fragment->y;
          return TRUE;
        }
    }
  return FALSE;
}

/* Sets @color (0xRRGGBB, 0 for the text colour) as the source of @cr. */
static void
set_color (cairo_t *cr,
           guint32  color)
{
  if (color == 0)
    cairo_set_source_rgb (cr, TEXT_GREY, TEXT_GREY, TEXT_GREY);
  else
    cairo_set_source_rgb (cr, ((color >> 16) & 0xff) / 255.0, ((color >> 8) & 0xff) / 255.0,
                          (color & 0xff) / 255.0);
}

static void
draw_fragment (McPageFlow     *self,
               cairo_t        *cr,
               const McFlowFragment *fragment)
{
  const McFlowBlock *block = g_ptr_array_index (self->blocks, fragment->block);
  double bottom = fragment->y + fragment->height;

  if (block->flags & MC_FLOW_BLOCK_SHADED)
    {
      cairo_set_source_rgb (cr, SHADE_GREY, SHADE_GREY, SHADE_GREY);
      cairo_rectangle (cr, 0, fragment->y, self->width, fragment->height);
      cairo_fill (cr);
    }

  for (guint c = 0; c < block->cells->len; c++)
    {
      const McFlowCell *cell = g_ptr_array_index (block->cells, c);
      double origin = fragment->y + block->padding - cell->tops[fragment->from[c]];

      set_color (cr, cell->color);
      for (guint i = fragment->from[c]; i < fragment->to[c]; i++)
        {
          cairo_move_to (cr, cell->x + cell->line_x[i], origin + cell->baselines[i]);
          pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (cell->layout, (int) i));
        }
    }

  if (block->flags & (MC_FLOW_BLOCK_RULE_BELOW | MC_FLOW_BLOCK_STRONG_RULE))
    mc_page_flow_show_rule (self, cr, 0, bottom, (block->flags & MC_FLOW_BLOCK_STRONG_RULE) != 0);
}

/**
 * mc_page_flow_draw_page:
 * @self: a paginated flow
 * @cr: where to draw, with the origin at the top left of the page body
 * @page: the page, from 0
 */
void
mc_page_flow_draw_page (McPageFlow *self,
                        cairo_t    *cr,
                        guint       page)
{
  g_return_if_fail (MC_IS_PAGE_FLOW (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->n_pages);

  cairo_save (cr);
  for (guint i = 0; i < self->fragments->len; i++)
    {
      const McFlowFragment *fragment = &g_array_index (self->fragments, McFlowFragment, i);

      if (fragment->page == page)
        draw_fragment (self, cr, fragment);
      else if (fragment->page > page)
        break;
    }
  cairo_restore (cr);
}

/* The block from lines @from of its cells to lines @to; @to NULL for the end. */
double
_mc_page_flow_block_height (const McFlowBlock *block,
                            const guint       *from,
                            const guint       *to)
{
  double tallest = 0;

  for (guint c = 0; c < block->cells->len; c++)
    {
      const McFlowCell *cell = g_ptr_array_index (block->cells, c);
      guint end = to != NULL ? to[c] : cell->n_lines;

      tallest = MAX (tallest, cell->tops[end] - cell->tops[from[c]]);
    }
  return tallest + 2 * block->padding;
}

/**
 * mc_page_flow_show_text:
 * @self: a flow
 * @cr: where to draw
 * @style: how to set the text
 * @x: left edge
 * @y: top edge
 * @width: the width to wrap or align in
 * @markup: pango markup
 *
 * Draws text outside the flow, such as a page's header or footer, the way
 * the flow draws its cells.
 */
void
mc_page_flow_show_text (McPageFlow        *self,
                        cairo_t           *cr,
                        const McFlowStyle *style,
                        double             x,
                        double             y,
                        double             width,
                        const char        *markup)
{
  g_autoptr(PangoLayout) layout = NULL;

  g_return_if_fail (MC_IS_PAGE_FLOW (self));
  g_return_if_fail (cr != NULL);

  layout = mc_page_flow_create_layout (self, style, width, markup);
  cairo_save (cr);
  set_color (cr, style->color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/**
 * mc_page_flow_show_rule:
 * @self: a flow
 * @cr: where to draw
 * @x: left end
 * @y: height
 * @strong: a darker, thicker rule than the hairline
 *
 * Draws a rule the width of the flow, like those under its blocks.
 */
void
mc_page_flow_show_rule (McPageFlow *self,
                        cairo_t    *cr,
                        double      x,
                        double      y,
                        gboolean    strong)
{
  double grey = strong ? STRONG_GREY : RULE_GREY;

  g_return_if_fail (MC_IS_PAGE_FLOW (self));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, strong ? 0.8 : 0.4);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + self->width, y);
  cairo_stroke (cr);
  cairo_restore (cr);
}
