/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-account-button.h"
#include "mc-credentials-view.h"
#include "mc-design-editor.h"
#include "mc-publishing-indicator.h"
#include "mc-tasks-view.h"
#include "mc-window.h"

G_BEGIN_DECLS

struct _McWindow
{
  AdwApplicationWindow  parent_instance;

  McWorkflow           *workflow;
  McStore              *store;          /* the workflow's */
  McValidator          *validator;
  GSettings            *settings;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwLeaflet           *leaflet;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *unit_dropdown;
  GtkDropDown          *type_dropdown;
  GtkDropDown          *state_dropdown;
  GtkStack             *list_stack;
  GtkListView          *design_list;
  AdwBin               *editor_bin;
  AdwViewStack         *view_stack;
  AdwViewStackPage     *tasks_page;
  McTasksView          *tasks_view;
  McCredentialsView    *credentials_view;
  GtkWidget            *sidebar;
  AdwHeaderBar         *sidebar_header;
  GtkWidget            *new_button;
  GtkWidget            *editor_separator;
  McAccountButton      *account_button;
  McPublishingIndicator *publishing_indicator;
  McPublishingIndicator *empty_publishing_indicator;  /* in the header without designs */
  GtkRevealer          *acting_revealer;
  GtkLabel             *acting_label;

  McDesignEditor       *editor;
  GListStore           *designs;        /* McDesignSummary, as listed */
  GListStore           *slots;          /* McDesignSlot: what the list view shows */
  GtkSingleSelection   *selection;
  GArray               *unit_ids;       /* gint64, parallel to the unit drop-down */

  gint64                current_id;     /* design in the editor, 0 if none */
  McDesign             *deleted;        /* the last deleted draft, for Undo */
  guint                 tasks_timeout;  /* reads the tasks again while in the background */
  guint                 updating : 1;   /* the code, not the user, changes the list */
  guint                 close_confirmed : 1;
};

/* mc-window.c */
gboolean _mc_window_load_design     (McWindow    *self,
                                     gint64       id,
                                     gboolean     save_first,
                                     GError     **error);
void     _mc_window_reload_units    (McWindow    *self);
void     _mc_window_reset_filters   (McWindow    *self);
void     _mc_window_show_list       (McWindow    *self);
void     _mc_window_show_editor     (McWindow    *self);
void     _mc_window_toast           (McWindow    *self,
                                     const char  *text);
void     _mc_window_show_error      (McWindow    *self,
                                     const char  *heading,
                                     GFile       *file,
                                     const char  *message);

/* mc-window-tasks.c: My Tasks and the person the window acts for */
void     _mc_window_setup_tasks       (McWindow       *self);
void     _mc_window_dispose_tasks     (McWindow       *self);
void     _mc_window_actor_changed     (McWindow       *self);
void     _mc_window_show_designs      (McWindow       *self);
void     _mc_window_class_add_tasks_actions (GtkWidgetClass *widget_class);

/* mc-window-admin.c: history, administration and the yearly report */
void     _mc_window_class_add_admin_actions (GtkWidgetClass *widget_class);
void     _mc_window_update_admin_actions    (McWindow       *self);
void     _mc_window_setup_admin             (McWindow       *self);

/* mc-window-credentials.c: the register of credentials, Verify Credential */
void     _mc_window_setup_credentials             (McWindow       *self);
/* Ctrl+F on the Credentials page: its search.  FALSE on other pages. */
gboolean _mc_window_search_credentials            (McWindow       *self);
void     _mc_window_class_add_credentials_actions (GtkWidgetClass *widget_class);

/* mc-window-actions.c */
void     _mc_window_class_add_actions (GtkWidgetClass *widget_class);
void     _mc_window_update_actions    (McWindow       *self);
gboolean _mc_window_close_request     (McWindow       *self);

G_END_DECLS
