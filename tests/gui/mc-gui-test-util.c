/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-core.h"
#include "mc-gui-test-util.h"

/* GTK 4.8 on X11 may place a popover before its window is on a monitor,
 * and then asks for the geometry of no monitor (a GTK bug, fixed in later
 * releases; the popover is placed right once the window is).  That one
 * critical is GTK's, not ours: it must not end the test.  Every other
 * warning and critical still does. */
static gboolean
fatal_unless_gtk_monitor_bug (const char     *log_domain,
                              GLogLevelFlags  log_level,
                              const char     *message,
                              gpointer        user_data)
{
  return !(g_strcmp0 (log_domain, "Gdk") == 0 && (log_level & G_LOG_LEVEL_CRITICAL) != 0 &&
           strstr (message, "gdk_monitor_get_geometry: assertion 'GDK_IS_MONITOR (monitor)'") != NULL);
}

void
mc_gui_test_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GtkCssProvider) css = NULL;

  gtk_test_init (argc, argv, NULL);
  g_test_log_set_fatal_handler (fatal_unless_gtk_monitor_bug, NULL);
  adw_init ();
  mc_core_init ();

  /* AdwApplication loads the stylesheet; here there is no application. */
  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, RESOURCE_BASE "/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

void
mc_gui_test_spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

gboolean
mc_gui_test_wait (gboolean (*cond) (gpointer data),
                  gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!cond (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      mc_gui_test_spin ();
      g_usleep (2000);
    }
  return TRUE;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

void
mc_gui_test_present (GtkWindow *window)
{
  gtk_window_present (window);
  g_assert_true (mc_gui_test_wait (is_mapped, window));
  mc_gui_test_spin ();
}

void
mc_gui_test_screenshot (GtkWidget  *widget,
                        const char *name)
{
  const char *dir = g_getenv ("SCREENSHOT_DIR");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  int width = 0, height = 0;

  if (dir == NULL)
    return;

  /* Let what was just changed be laid out and drawn. */
  for (int i = 0; i < 5; i++)
    {
      mc_gui_test_spin ();
      g_usleep (20000);
    }
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  if (width <= 0 || height <= 0)
    return;

  /* A window being redrawn (a progress bar moving) has nothing to show
   * for a moment: try again a little later. */
  paintable = gtk_widget_paintable_new (widget);
  for (int attempt = 0; node == NULL && attempt < 20; attempt++)
    {
      if (attempt > 0)
        {
          g_usleep (50000);
          mc_gui_test_spin ();
        }
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    return;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  gdk_texture_save_to_png (texture, file);
}

gpointer
mc_gui_test_find_window (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

void
mc_gui_test_destroy_windows (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  mc_gui_test_spin ();
}

char *
mc_gui_test_take_message (void)
{
  g_autoptr(GList) toplevels = NULL;
  char *body = NULL;

  mc_gui_test_spin ();
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data))
      {
        if (body == NULL)
          body = g_strdup (adw_message_dialog_get_body (l->data));
        gtk_window_destroy (l->data);
      }
  mc_gui_test_spin ();
  return body;
}

gint64
mc_gui_test_unit_id (McStore    *store,
                     const char *code)
{
  g_autoptr(McUnit) unit = mc_store_find_unit_by_code (store, code, NULL);

  g_assert_nonnull (unit);
  return mc_unit_get_id (unit);
}
