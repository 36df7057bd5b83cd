/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-render.h"

G_BEGIN_DECLS

/* Prints the certificates of issued credentials through the print dialog
 * (GtkPrintOperation), drawn by the same renderer as the preview and the
 * PDF files: each credential's pages one after the other.  Only active
 * credentials are printed; others are skipped.  Once the job is sent,
 * each printed certificate is counted as a reprint in the credential's
 * history (in a worker thread, on a connection of its own).
 *
 * For tests: with an export file name (or MC_DEBUG_PRINT_TO_PDF set in
 * the environment to a file name), the pages are written to that PDF file
 * instead, with no dialog. */

#define MC_TYPE_CERTIFICATE_PRINT (mc_certificate_print_get_type ())
G_DECLARE_FINAL_TYPE (McCertificatePrint, mc_certificate_print, MC, CERTIFICATE_PRINT, GObject)

McCertificatePrint *mc_certificate_print_new                 (McWorkflow          *workflow);
void                mc_certificate_print_add_credential      (McCertificatePrint  *self,
                                                              gint64               credential_id);
guint               mc_certificate_print_get_n_credentials   (McCertificatePrint  *self);
void                mc_certificate_print_set_export_filename (McCertificatePrint  *self,
                                                              const char          *path);
/* Shows the print dialog over @parent, prints, and counts the reprints.
 * Finishes with G_IO_ERROR_CANCELLED when the dialog is cancelled. */
void                mc_certificate_print_run_async           (McCertificatePrint  *self,
                                                              GtkWindow           *parent,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
gboolean            mc_certificate_print_run_finish          (McCertificatePrint  *self,
                                                              GAsyncResult        *result,
                                                              GError             **error);
/* After a run: certificates printed, and pages in all. */
guint               mc_certificate_print_get_n_printed       (McCertificatePrint  *self);
guint               mc_certificate_print_get_n_pages         (McCertificatePrint  *self);

/* The paper of the reader's region: US Letter where it is the default,
 * A4 elsewhere. */
McPaperSize         mc_certificate_print_get_default_paper   (void);

G_END_DECLS
