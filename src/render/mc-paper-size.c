/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-paper-size.h"

/* The nicks ("a4", "us-letter") name the paper in settings and on the
 * command line. */
G_DEFINE_ENUM_TYPE (McPaperSize, mc_paper_size,
  G_DEFINE_ENUM_VALUE (MC_PAPER_A4, "a4"),
  G_DEFINE_ENUM_VALUE (MC_PAPER_US_LETTER, "us-letter"))

/**
 * mc_paper_size_get_points:
 * @size: a paper size
 * @width: (out): the width of a portrait page in points
 * @height: (out): its height in points
 *
 * A4 is 210 × 297 mm, rounded to whole points as printers and PDF viewers
 * report it (595 × 842); US Letter is 8½ × 11 inches (612 × 792).
 */
void
mc_paper_size_get_points (McPaperSize  size,
                          double      *width,
                          double      *height)
{
  g_return_if_fail (width != NULL && height != NULL);
  g_return_if_fail (size == MC_PAPER_A4 || size == MC_PAPER_US_LETTER);

  if (size == MC_PAPER_US_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595;
      *height = 842;
    }
}
