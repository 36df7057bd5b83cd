/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-admin-page.h"
#include "mc-application.h"
#include "mc-key-unlock-dialog.h"

G_BEGIN_DECLS

/* Publishing in the administration window: the publishing service
 * (mc-publishing-service.h) started and stopped with a switch, after the
 * signing key's passphrase (so that the status lists are signed), on the
 * address and port chosen here, with HTTPS when the institution's TLS
 * certificate and key are set; the address it answers at while it runs;
 * the did:web setting; and the static export into a folder, run in a
 * worker thread.  The service is the application's
 * (mc_application_get_publishing_service()): the page asks the
 * application to start and stop it and shows its state, so publishing
 * goes on when the window closes and a new window shows it running.
 * Only administrators publish; others see the page read-only with the
 * reason.  Properties (construct-only): "application" (NULL: publishing
 * cannot be switched on), "workflow". */

#define MC_TYPE_ADMIN_PUBLISHING_PAGE (mc_admin_publishing_page_get_type ())
G_DECLARE_FINAL_TYPE (McAdminPublishingPage, mc_admin_publishing_page, MC, ADMIN_PUBLISHING_PAGE,
                      McAdminPage)

McAdminPublishingPage *mc_admin_publishing_page_new          (McApplication         *application,
                                                              McWorkflow            *workflow);

/* Asks for the passphrase, as switching on does, and starts the service
 * once the key is unlocked (transfer none; NULL when already running or
 * not an administrator). */
McKeyUnlockDialog *mc_admin_publishing_page_start            (McAdminPublishingPage *self);
/* Stops the application's service (whoever started it). */
void               mc_admin_publishing_page_stop             (McAdminPublishingPage *self);
gboolean           mc_admin_publishing_page_get_running      (McAdminPublishingPage *self);
/* The address the service answers at, or NULL while stopped (newly
 * allocated). */
char              *mc_admin_publishing_page_dup_url          (McAdminPublishingPage *self);
/* The status shown under the switch. */
const char        *mc_admin_publishing_page_get_status       (McAdminPublishingPage *self);
/* Why the service could not start, or NULL. */
const char        *mc_admin_publishing_page_get_problem      (McAdminPublishingPage *self);

/* The address and port for the next start, as typed in the page. */
void               mc_admin_publishing_page_set_address      (McAdminPublishingPage *self,
                                                              const char            *address);
void               mc_admin_publishing_page_set_port         (McAdminPublishingPage *self,
                                                              guint                  port);
/* Whether the page warns that the address reaches beyond this computer. */
gboolean           mc_admin_publishing_page_get_network_warning (McAdminPublishingPage *self);

/* Stores the TLS certificate and key files (absolute paths; "" for none)
 * in the institution settings, as the file choosers do; when both are
 * given they must make a pair, or nothing is stored and the reason is
 * shown (mc_admin_publishing_page_get_tls_problem()). */
gboolean           mc_admin_publishing_page_set_tls_files    (McAdminPublishingPage *self,
                                                              const char            *certificate,
                                                              const char            *key);
const char        *mc_admin_publishing_page_get_tls_problem  (McAdminPublishingPage *self);
/* The did:web setting, as its switch does. */
gboolean           mc_admin_publishing_page_set_did_web      (McAdminPublishingPage *self,
                                                              gboolean               did_web);

/* Asks for the passphrase, then exports into @directory in a worker
 * thread, as Export… does after its folder chooser (transfer none; NULL
 * while an export runs or not an administrator).  A toast with Open
 * Folder says when it is done; a failure is shown under the button
 * (mc_admin_publishing_page_get_export_problem()). */
McKeyUnlockDialog *mc_admin_publishing_page_export           (McAdminPublishingPage *self,
                                                              const char            *directory);
gboolean           mc_admin_publishing_page_get_exporting    (McAdminPublishingPage *self);
/* Stops the running export between two documents, as its Cancel button
 * does: the folder stays as it was and a toast says "Export cancelled". */
void               mc_admin_publishing_page_cancel_export    (McAdminPublishingPage *self);
const char        *mc_admin_publishing_page_get_export_problem (McAdminPublishingPage *self);

G_END_DECLS
