/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-certificate-preview.h"
#include "mc-credential-status-dialog.h"

G_BEGIN_DECLS

/* One issued credential: who holds it and what for, its status with the
 * reason, its history, and its certificate exactly as it prints (both
 * pages); with what a registrar does to it: print, export as PDF,
 * suspend, reinstate, revoke, re-issue.  What the acting person may not
 * do is insensitive.  Construct-only properties "workflow" and
 * "credential-id".  Signal ::changed after the credential changed
 * (state, reprints, a re-issue). */

#define MC_TYPE_CREDENTIAL_WINDOW (mc_credential_window_get_type ())
G_DECLARE_FINAL_TYPE (McCredentialWindow, mc_credential_window, MC, CREDENTIAL_WINDOW, AdwWindow)

McCredentialWindow   *mc_credential_window_new              (McWorkflow         *workflow,
                                                             gint64              credential_id);
/* Reads the credential, its certificate and its history again. */
void                  mc_credential_window_reload           (McCredentialWindow *self);
/* The credential shown (transfer none), NULL if it could not be read. */
McIssuedCredential   *mc_credential_window_get_credential   (McCredentialWindow *self);
McCertificatePreview *mc_credential_window_get_preview      (McCredentialWindow *self);
/* Why there is no preview (the institution's profile is incomplete …), or NULL. */
const char           *mc_credential_window_get_preview_error (McCredentialWindow *self);
/* The events of the history shown (McEvent, transfer none), once read. */
GPtrArray            *mc_credential_window_get_events       (McCredentialWindow *self);
/* The sentence of the status bar ("" for an active credential). */
const char           *mc_credential_window_get_status_text  (McCredentialWindow *self);
/* TRUE while the history is read or a PDF written. */
gboolean              mc_credential_window_get_busy         (McCredentialWindow *self);
/* Writes the certificate to @file as PDF, then counts the reprint. */
void                  mc_credential_window_export_pdf       (McCredentialWindow *self,
                                                             GFile              *file);
/* Opens the dialog that suspends, revokes or re-issues the credential
 * (transfer none). */
McCredentialStatusDialog *mc_credential_window_change_status (McCredentialWindow *self,
                                                              McAction            action);

G_END_DECLS
