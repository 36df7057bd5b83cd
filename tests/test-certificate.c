/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mc-render.h"

#define URL "https://verify.corribtu.example/c/3f0c2a5e-8d7b-4c1e-9a6f-2b4d5e6f7a8b"

/* QR codes ----------------------------------------------------------------- */

/* A 7 × 7 finder pattern with its top left at @x, @y. */
static void
assert_finder (McQrCode *code,
               guint     x,
               guint     y)
{
  for (guint i = 0; i < 7; i++)
    for (guint j = 0; j < 7; j++)
      {
        gboolean ring = i == 0 || i == 6 || j == 0 || j == 6;
        gboolean centre = i >= 2 && i <= 4 && j >= 2 && j <= 4;

        g_assert_cmpint (mc_qr_code_get_module (code, x + i, y + j), ==, ring || centre);
      }
}

static void
test_qr_matrix (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McQrCode) code = mc_qr_code_new (URL, &error);
  guint size;

  g_assert_no_error (error);
  /* 70 bytes need version 5 at level M (84 bytes; version 4 holds 62). */
  g_assert_cmpuint (strlen (URL), ==, 70);
  g_assert_cmpuint (mc_qr_code_get_version (code), ==, 5);
  size = mc_qr_code_get_size (code);
  g_assert_cmpuint (size, ==, 37);

  assert_finder (code, 0, 0);
  assert_finder (code, size - 7, 0);
  assert_finder (code, 0, size - 7);
  /* Timing patterns between the finders alternate, dark first. */
  for (guint i = 8; i < size - 8; i++)
    {
      g_assert_cmpint (mc_qr_code_get_module (code, i, 6), ==, i % 2 == 0);
      g_assert_cmpint (mc_qr_code_get_module (code, 6, i), ==, i % 2 == 0);
    }
  /* The dark module beside the bottom left finder. */
  g_assert_true (mc_qr_code_get_module (code, 8, size - 8));
}

static void
test_qr_draw (void)
{
  g_autoptr(McQrCode) code = mc_qr_code_new (URL, NULL);
  guint size = mc_qr_code_get_size (code);
  guint side = (size + 2 * MC_QR_CODE_QUIET_ZONE) * 3;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_t *cr = cairo_create (surface);
  const guint8 *data;
  int stride;

  /* Three pixels a module: every module's centre pixel is its colour. */
  cairo_set_source_rgb (cr, 1, 0, 0);
  cairo_paint (cr);
  mc_qr_code_draw (code, cr, 0, 0, side);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  for (guint y = 0; y < size + 2 * MC_QR_CODE_QUIET_ZONE; y++)
    for (guint x = 0; x < size + 2 * MC_QR_CODE_QUIET_ZONE; x++)
      {
        guint32 pixel = *(const guint32 *) (const void *) (data + (3 * y + 1) * stride + (3 * x + 1) * 4);
        gboolean in_symbol = x >= MC_QR_CODE_QUIET_ZONE && y >= MC_QR_CODE_QUIET_ZONE &&
                             x < size + MC_QR_CODE_QUIET_ZONE && y < size + MC_QR_CODE_QUIET_ZONE;
        gboolean dark = in_symbol && mc_qr_code_get_module (code, x - MC_QR_CODE_QUIET_ZONE,
                                                            y - MC_QR_CODE_QUIET_ZONE);

        g_assert_cmphex (pixel & 0xffffff, ==, dark ? 0x000000 : 0xffffff);
      }
  cairo_surface_destroy (surface);
}

static void
test_qr_too_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (3000, 'x');
  g_autoptr(McQrCode) code = mc_qr_code_new (text, &error);

  g_assert_null (code);
  g_assert_error (error, MC_QR_CODE_ERROR, MC_QR_CODE_ERROR_TOO_LONG);
}

/* Paper ------------------------------------------------------------------- */

static void
test_paper_sizes (void)
{
  double width, height;

  mc_paper_size_get_points (MC_PAPER_A4, &width, &height);
  g_assert_cmpfloat (width, ==, 595);
  g_assert_cmpfloat (height, ==, 842);
  mc_paper_size_get_points (MC_PAPER_US_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/render/qr-code/matrix", test_qr_matrix);
  g_test_add_func ("/render/qr-code/draw", test_qr_draw);
  g_test_add_func ("/render/qr-code/too-long", test_qr_too_long);
  g_test_add_func ("/render/paper-sizes", test_paper_sizes);

  return g_test_run ();
}
