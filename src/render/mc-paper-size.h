/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The paper a certificate is printed on, portrait. */
typedef enum {
  MC_PAPER_A4,
  MC_PAPER_US_LETTER,
} McPaperSize;

#define MC_TYPE_PAPER_SIZE (mc_paper_size_get_type ())
GType mc_paper_size_get_type   (void) G_GNUC_CONST;

void  mc_paper_size_get_points (McPaperSize  size,
                                double      *width,
                                double      *height);

G_END_DECLS
