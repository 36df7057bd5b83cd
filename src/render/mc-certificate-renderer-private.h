/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pangocairo.h>

#include "mc-certificate-renderer.h"
#include "mc-page-flow.h"
#include "mc-qr-code.h"
#include "mc-report-styles.h"

G_BEGIN_DECLS

/* Colours of the certificate, 0xRRGGBB. */
#define MC_CERTIFICATE_TEXT  0x1f1f1f
#define MC_CERTIFICATE_GREY  0x5e5c64
#define MC_CERTIFICATE_NAVY  0x1c3557
#define MC_CERTIFICATE_GOLD  0x9c7c38
#define MC_CERTIFICATE_RED   0xc01c28

/* The faces of the certificate page; the supplement uses the report
 * styles and its own headings. */
typedef enum {
  MC_CERTIFICATE_FONT_SANS,
  MC_CERTIFICATE_FONT_SANS_BOLD,
  MC_CERTIFICATE_FONT_SERIF_ITALIC,
  MC_CERTIFICATE_FONT_SERIF_BOLD,
  MC_CERTIFICATE_FONT_HEADLINE,     /* the supplement's title */
  MC_CERTIFICATE_FONT_SECTION,      /* the supplement's section headings */
  MC_CERTIFICATE_N_FONTS
} McCertificateFont;

struct _McCertificateRenderer
{
  GObject               parent_instance;

  PangoFontMap         *font_map;
  PangoContext         *context;
  PangoFontDescription *fonts[MC_CERTIFICATE_N_FONTS];
  McReportStyles        styles;

  /* The last logo decoded, by its PNG bytes; NULL surface when those are
   * no PNG. */
  GBytes               *logo_png;
  cairo_surface_t      *logo;

  /* The last QR code, by its text. */
  char                 *qr_text;
  McQrCode             *qr;

  /* The last supplement laid out, by everything it shows and the page size. */
  char                 *supplement_key;
  McPageFlow           *supplement;
  guint                 holder_block;   /* the room kept for the holder's details */
};

/* The parts of the certificate page, top to bottom. */
typedef enum {
  MC_FRONT_LOGO,
  MC_FRONT_INSTITUTION,
  MC_FRONT_COUNTRY,
  MC_FRONT_PREAMBLE,
  MC_FRONT_NAME,
  MC_FRONT_AWARDED,
  MC_FRONT_TYPE,
  MC_FRONT_TITLE,
  MC_FRONT_FACTS,
  MC_FRONT_FRAMEWORK,
  MC_FRONT_GRADE,
  MC_FRONT_DATE,
  MC_FRONT_SIGNATURE,        /* the line, the signatory's name and title */
  MC_FRONT_QR,
  MC_FRONT_URL,
  MC_FRONT_FOOTER,
  MC_FRONT_N_PARTS
} McFrontPart;

/* The certificate page laid out: where each part goes.  A part that is
 * not shown has no layout and an empty box.  Boxes hold the logical
 * extents of the text, or the image, in page coordinates. */
typedef struct {
  PangoLayout       *layouts[MC_FRONT_N_PARTS];
  double             origins[MC_FRONT_N_PARTS][2];   /* each layout's top left */
  guint32            colors[MC_FRONT_N_PARTS];
  cairo_rectangle_t  boxes[MC_FRONT_N_PARTS];
  cairo_surface_t   *logo;            /* the renderer's */
  McQrCode          *qr;              /* the renderer's */
  double             signature_line;  /* the height of the line to sign on */
  double             frame;           /* inset of the outer frame from the page's edge */
  double             margin;          /* inset of everything inside it */
  double             scale;           /* of the middle text, to fit */
} McCertificateFront;

void         _mc_certificate_front_init   (McCertificateFront    *self,
                                           McCertificateRenderer *renderer,
                                           McCertificateContent  *content,
                                           double                 width,
                                           double                 height);
void         _mc_certificate_front_clear  (McCertificateFront    *self);
void         _mc_certificate_front_draw   (McCertificateFront    *self,
                                           cairo_t               *cr,
                                           double                 width,
                                           double                 height);

guint        _mc_certificate_renderer_paginate_supplement (McCertificateRenderer *self,
                                                           McCertificateContent  *content,
                                                           double                 width,
                                                           double                 height);
void         _mc_certificate_renderer_draw_supplement     (McCertificateRenderer *self,
                                                           McCertificateContent  *content,
                                                           guint                  page,
                                                           cairo_t               *cr,
                                                           double                 width,
                                                           double                 height);

/* Shared by both. */
char        *_mc_certificate_markup_line          (const char            *text);
PangoLayout *_mc_certificate_renderer_fit_text    (McCertificateRenderer      *self,
                                                   const PangoFontDescription *font,
                                                   double                      size,
                                                   double                      min_size,
                                                   guint                       max_lines,
                                                   double                      width,
                                                   PangoAlignment              alignment,
                                                   const char                 *markup);
void         _mc_certificate_show_layout          (cairo_t               *cr,
                                                   PangoLayout           *layout,
                                                   double                 x,
                                                   double                 y,
                                                   guint32                color);
void         _mc_certificate_set_color            (cairo_t               *cr,
                                                   guint32                color,
                                                   double                 alpha);
cairo_surface_t *_mc_certificate_renderer_get_logo (McCertificateRenderer  *self,
                                                    McCertificateContent   *content,
                                                    GError                **error);
McQrCode    *_mc_certificate_renderer_get_qr      (McCertificateRenderer  *self,
                                                   McCertificateContent   *content,
                                                   GError                **error);

G_END_DECLS
