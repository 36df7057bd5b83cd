/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-certificate-preview.h"

/* Room around the sheet for its shadow, in pixels. */
#define SHEET_MARGIN 18
/* The size asked for: a sheet this wide when there is room. */
#define NATURAL_WIDTH 480

struct _McCertificatePreview
{
  GtkWidget              parent_instance;

  McCertificateRenderer *renderer;
  McCertificateContent  *content;
  McPaperSize            paper;
  guint                  page;
  guint                  n_pages;
};

G_DEFINE_FINAL_TYPE (McCertificatePreview, mc_certificate_preview, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CONTENT,
  PROP_PAGE,
  PROP_PAPER,
  PROP_N_PAGES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (McCertificatePreview *self)
{
  g_autofree char *label = NULL;

  if (self->content == NULL)
    label = g_strdup (_("No certificate"));
  else if (self->page == 0)
    /* Translators: what a screen reader says of the preview: "Certificate, page 1 of 2" */
    label = g_strdup_printf (_("Certificate, page %u of %u"), self->page + 1, self->n_pages);
  else
    /* Translators: what a screen reader says of the preview: "Supplement, page 2 of 2" */
    label = g_strdup_printf (_("Supplement, page %u of %u"), self->page + 1, self->n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* The number of pages depends on the content and the paper. */
static void
update_pages (McCertificatePreview *self)
{
  guint n_pages = 0;
  guint page = self->page;

  if (self->content != NULL)
    {
      double width = 0, height = 0;

      mc_paper_size_get_points (self->paper, &width, &height);
      n_pages = mc_certificate_renderer_get_n_pages (self->renderer, self->content, width, height);
    }
  page = n_pages == 0 ? 0 : MIN (page, n_pages - 1);

  g_object_freeze_notify (G_OBJECT (self));
  if (n_pages != self->n_pages)
    {
      self->n_pages = n_pages;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
    }
  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
mc_certificate_preview_set_content (McCertificatePreview *self,
                                    McCertificateContent *content)
{
  g_return_if_fail (MC_IS_CERTIFICATE_PREVIEW (self));
  g_return_if_fail (content == NULL || MC_IS_CERTIFICATE_CONTENT (content));

  if (!g_set_object (&self->content, content))
    return;
  update_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

McCertificateContent *
mc_certificate_preview_get_content (McCertificatePreview *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_PREVIEW (self), NULL);
  return self->content;
}

void
mc_certificate_preview_set_page (McCertificatePreview *self,
                                 guint                 page)
{
  g_return_if_fail (MC_IS_CERTIFICATE_PREVIEW (self));

  page = self->n_pages == 0 ? 0 : MIN (page, self->n_pages - 1);
  if (page == self->page)
    return;
  self->page = page;
  update_label (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

guint
mc_certificate_preview_get_page (McCertificatePreview *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_PREVIEW (self), 0);
  return self->page;
}

guint
mc_certificate_preview_get_n_pages (McCertificatePreview *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_PREVIEW (self), 0);
  return self->n_pages;
}

void
mc_certificate_preview_set_paper (McCertificatePreview *self,
                                  McPaperSize           paper)
{
  g_return_if_fail (MC_IS_CERTIFICATE_PREVIEW (self));

  if (paper == self->paper)
    return;
  self->paper = paper;
  update_pages (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAPER]);
}

McPaperSize
mc_certificate_preview_get_paper (McCertificatePreview *self)
{
  g_return_val_if_fail (MC_IS_CERTIFICATE_PREVIEW (self), MC_PAPER_A4);
  return self->paper;
}

/* Drawing */

static void
mc_certificate_preview_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  McCertificatePreview *self = MC_CERTIFICATE_PREVIEW (widget);
  double width = 0, height = 0;

  mc_paper_size_get_points (self->paper, &width, &height);
  *minimum = 2 * SHEET_MARGIN + 100;
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    *natural = 2 * SHEET_MARGIN + NATURAL_WIDTH;
  else
    *natural = 2 * SHEET_MARGIN + (int) (NATURAL_WIDTH * height / width);
}

static void
mc_certificate_preview_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  McCertificatePreview *self = MC_CERTIFICATE_PREVIEW (widget);
  double paper_width = 0, paper_height = 0, scale;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t sheet;
  GskRoundedRect outline;
  const GdkRGBA shadow = { 0, 0, 0, 0.3f };
  cairo_t *cr = NULL;

  if (self->content == NULL)
    return;

  mc_paper_size_get_points (self->paper, &paper_width, &paper_height);
  scale = MIN ((width - 2.0 * SHEET_MARGIN) / paper_width, (height - 2.0 * SHEET_MARGIN) / paper_height);
  if (scale <= 0)
    return;

  graphene_rect_init (&sheet, (float) floor ((width - paper_width * scale) / 2),
                      (float) floor ((height - paper_height * scale) / 2),
                      (float) (paper_width * scale), (float) (paper_height * scale));
  gsk_rounded_rect_init_from_rect (&outline, &sheet, 0);
  gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 2, 1, 8);

  /* The sheet in points, drawn exactly as the printer and the PDF get it. */
  cr = gtk_snapshot_append_cairo (snapshot, &sheet);
  cairo_translate (cr, sheet.origin.x, sheet.origin.y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, paper_width, paper_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  mc_certificate_renderer_draw_page (self->renderer, self->content, self->page, cr,
                                     paper_width, paper_height);
  cairo_destroy (cr);
}

/* GObject */

static void
mc_certificate_preview_finalize (GObject *object)
{
  McCertificatePreview *self = MC_CERTIFICATE_PREVIEW (object);

  g_clear_object (&self->renderer);
  g_clear_object (&self->content);

  G_OBJECT_CLASS (mc_certificate_preview_parent_class)->finalize (object);
}

static void
mc_certificate_preview_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  McCertificatePreview *self = MC_CERTIFICATE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      g_value_set_object (value, self->content);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_PAPER:
      g_value_set_enum (value, self->paper);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_certificate_preview_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  McCertificatePreview *self = MC_CERTIFICATE_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_CONTENT:
      mc_certificate_preview_set_content (self, g_value_get_object (value));
      break;
    case PROP_PAGE:
      mc_certificate_preview_set_page (self, g_value_get_uint (value));
      break;
    case PROP_PAPER:
      mc_certificate_preview_set_paper (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_certificate_preview_class_init (McCertificatePreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = mc_certificate_preview_finalize;
  object_class->get_property = mc_certificate_preview_get_property;
  object_class->set_property = mc_certificate_preview_set_property;
  widget_class->measure = mc_certificate_preview_measure;
  widget_class->snapshot = mc_certificate_preview_snapshot;

  properties[PROP_CONTENT] = g_param_spec_object ("content", NULL, NULL, MC_TYPE_CERTIFICATE_CONTENT, flags);
  properties[PROP_PAGE] = g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PAPER] = g_param_spec_enum ("paper", NULL, NULL, MC_TYPE_PAPER_SIZE, MC_PAPER_A4, flags);
  properties[PROP_N_PAGES] = g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS |
                                                G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "certificatepreview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
mc_certificate_preview_init (McCertificatePreview *self)
{
  self->renderer = mc_certificate_renderer_new ();
  update_label (self);
}

McCertificatePreview *
mc_certificate_preview_new (void)
{
  return g_object_new (MC_TYPE_CERTIFICATE_PREVIEW, NULL);
}
