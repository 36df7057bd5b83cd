/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-admin-publishing-page.h"
#include "mc-application.h"
#include "mc-problem-row.h"
#include "mc-publication.h"
#include "mc-publishing-service.h"

G_BEGIN_DECLS

/* An export running in a worker (mc-admin-publishing-page-export.c). */
typedef struct _McPublishingExportJob McPublishingExportJob;

typedef void (*McPublishingChosenFunc) (McAdminPublishingPage *self,
                                        const char            *path);

struct _McAdminPublishingPage
{
  McAdminPage           parent_instance;

  McApplication        *application;     /* runs the service; NULL in some tests */
  McWorkflow           *workflow;        /* the page's (borrowed) */
  GCancellable         *cancellable;     /* cancelled on dispose */
  GtkFileChooserNative *chooser;
  McPublishingChosenFunc chosen;         /* what the chooser's answer goes to */
  GSimpleActionGroup   *actions;         /* "publishing.": the toasts' */
  char                 *status_url;      /* "" while stopped */
  gboolean              editable;
  gboolean              syncing;
  gboolean              starting;        /* the passphrase is being asked for */
  McPublishingExportJob *export_job;     /* while exporting; the task's */
  guint                 export_progress_id;

  /* Template widgets */
  AdwPreferencesGroup  *note_group;
  AdwActionRow         *publish_row;
  GtkSwitch            *publish_switch;
  McProblemRow         *service_problem;
  AdwActionRow         *url_row;
  GtkWidget            *copy_button;
  GtkLinkButton        *open_button;
  GtkEditable          *address_row;
  GtkWidget            *network_warning;
  GtkWidget            *port_row;
  GtkSpinButton        *port_spin;
  GtkWidget            *tls_clear_button;
  AdwActionRow         *certificate_row;
  GtkWidget            *certificate_button;
  AdwActionRow         *tls_key_row;
  GtkWidget            *tls_key_button;
  McProblemRow         *tls_problem;
  GtkSwitch            *did_web_switch;
  McProblemRow         *did_web_problem;
  AdwActionRow         *export_row;
  GtkSpinner           *export_spinner;
  GtkWidget            *export_button;
  GtkWidget            *export_cancel_button;
  McProblemRow         *export_problem;
};

/* mc-admin-publishing-page.c */
/* Asks for the signing key's passphrase; @on_unlocked (swapped: the page,
 * then the key) runs once it is open. */
McKeyUnlockDialog *_mc_admin_publishing_page_ask_key (McAdminPublishingPage *self,
                                                      const char            *heading,
                                                      const char            *body,
                                                      const char            *confirm_label,
                                                      GCallback              on_unlocked);
void               _mc_admin_publishing_page_toast   (McAdminPublishingPage *self,
                                                      AdwToast              *toast);

/* Opens a file chooser (one at a time); @chosen gets the path chosen. */
void               _mc_admin_publishing_page_choose  (McAdminPublishingPage *self,
                                                      const char            *title,
                                                      GtkFileChooserAction   action,
                                                      GtkFileFilter         *filter,
                                                      McPublishingChosenFunc chosen);

/* mc-admin-publishing-page-settings.c: the HTTPS files and did:web */
void               _mc_admin_publishing_page_load_settings (McAdminPublishingPage *self);
void               _mc_admin_publishing_page_on_certificate_clicked (McAdminPublishingPage *self);
void               _mc_admin_publishing_page_on_tls_key_clicked     (McAdminPublishingPage *self);
void               _mc_admin_publishing_page_on_tls_clear_clicked   (McAdminPublishingPage *self);
void               _mc_admin_publishing_page_on_did_web_toggled     (McAdminPublishingPage *self);

/* mc-admin-publishing-page-export.c */
void               _mc_admin_publishing_page_export_init   (McAdminPublishingPage *self);
void               _mc_admin_publishing_page_update_export (McAdminPublishingPage *self);
void               _mc_admin_publishing_page_on_export_clicked (McAdminPublishingPage *self);
void               _mc_admin_publishing_page_on_export_cancel_clicked (McAdminPublishingPage *self);

G_END_DECLS
