/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-admin-window.h"
#include "mc-history-dialog.h"
#include "mc-offerings-window.h"
#include "mc-report-dialog.h"
#include "mc-window-private.h"

/* The history, the administration window and the yearly report, from the
 * main menu; the Publishing page, from the indicator shown while the
 * application publishes; an issuable design's offerings, from its
 * workflow bar. */

static void
win_history (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  McWindow *self = MC_WINDOW (widget);
  McDesign *design = mc_design_editor_get_design (self->editor);
  McHistoryDialog *dialog = NULL;
  g_autoptr(GError) error = NULL;

  /* The history includes what was just typed. */
  if (!mc_design_editor_save (self->editor, &error))
    {
      _mc_window_show_error (self, _("Could Not Save the Design"), NULL, error->message);
      return;
    }

  dialog = mc_history_dialog_new (self->workflow, self->current_id != 0 ? design : NULL);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_admin_changed (McWindow   *self,
                  const char *what)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (what, "settings") == 0 && MC_IS_APPLICATION (app))
    mc_application_reload_institution (MC_APPLICATION (app));
  if (g_strcmp0 (what, "units") == 0)
    _mc_window_reload_units (self);

  /* Roles decide the tasks and what the actor may do with the design:
   * the design is shown again for the editor to judge it anew. */
  if (self->current_id != 0 && !_mc_window_load_design (self, self->current_id, TRUE, &error))
    _mc_window_show_error (self, _("Could Not Open the Design"), NULL, error->message);
  _mc_window_actor_changed (self);
}

static McApplication *
application (McWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return MC_IS_APPLICATION (app) ? MC_APPLICATION (app) : NULL;
}

/* The administration window of this window, found again when open;
 * @page: the page to show, or NULL for the one it shows. */
static void
show_administration (McWindow   *self,
                     const char *page)
{
  g_autoptr(GList) windows = gtk_window_list_toplevels ();
  McAdminWindow *admin = NULL;

  for (GList *l = windows; l != NULL && admin == NULL; l = l->next)
    if (MC_IS_ADMIN_WINDOW (l->data) && gtk_window_get_transient_for (l->data) == GTK_WINDOW (self))
      admin = l->data;
  if (admin == NULL)
    {
      /* Publishing is the application's: it goes on when this closes. */
      admin = mc_admin_window_new (application (self), self->workflow, self->validator);
      gtk_window_set_transient_for (GTK_WINDOW (admin), GTK_WINDOW (self));
      gtk_window_set_destroy_with_parent (GTK_WINDOW (admin), TRUE);
      g_signal_connect_object (admin, "changed", G_CALLBACK (on_admin_changed), self, G_CONNECT_SWAPPED);
    }
  if (page != NULL)
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (admin), page);
  gtk_window_present (GTK_WINDOW (admin));
}

static void
win_administration (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  show_administration (MC_WINDOW (widget), NULL);
}

static void
win_show_publishing (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  show_administration (MC_WINDOW (widget), "publishing");
}

static void
win_yearly_report (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  McWindow *self = MC_WINDOW (widget);
  McReportDialog *dialog = NULL;

  if (!mc_report_dialog_can_report (self->workflow))
    {
      _mc_window_show_error (self, _("No Yearly Report to Make"), NULL,
                             _("Yearly QA reports are made by QA chairs and administrators."));
      return;
    }
  dialog = mc_report_dialog_new (self->workflow);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A design's offerings open in one window, found again when asked twice. */
static void
win_offerings (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  McWindow *self = MC_WINDOW (widget);
  McDesign *design = mc_design_editor_get_design (self->editor);
  g_autoptr(GList) windows = NULL;
  McOfferingsWindow *offerings = NULL;

  if (design == NULL || self->current_id == 0)
    return;
  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    if (MC_IS_OFFERINGS_WINDOW (l->data) &&
        mc_offerings_window_get_design_id (l->data) == mc_design_get_id (design))
      {
        gtk_window_present (l->data);
        return;
      }

  offerings = mc_offerings_window_new (self->workflow, design);
  gtk_window_set_transient_for (GTK_WINDOW (offerings), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (offerings));
}

void
_mc_window_update_admin_actions (McWindow *self)
{
  gboolean admin = mc_workflow_has_role (self->workflow, MC_ROLE_ADMINISTRATOR, 0);

  /* Without a design, only the institution's history is left to show. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.history", self->current_id != 0 || admin);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.yearly-report",
                                 mc_report_dialog_can_report (self->workflow));
}

static void
on_application_changed (McWindow *self)
{
  mc_publishing_indicator_set_application (self->publishing_indicator, application (self));
  mc_publishing_indicator_set_application (self->empty_publishing_indicator, application (self));
}

void
_mc_window_setup_admin (McWindow *self)
{
  /* GtkWindow's "application" is set after construction. */
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed), NULL);
  on_application_changed (self);
}

void
_mc_window_class_add_admin_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.history", NULL, win_history);
  gtk_widget_class_install_action (widget_class, "win.administration", NULL, win_administration);
  gtk_widget_class_install_action (widget_class, "win.show-publishing", NULL, win_show_publishing);
  gtk_widget_class_install_action (widget_class, "win.yearly-report", NULL, win_yearly_report);
  gtk_widget_class_install_action (widget_class, "win.offerings", NULL, win_offerings);
}
