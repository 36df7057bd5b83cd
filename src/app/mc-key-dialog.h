/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-keyring.h"
#include "mc-workflow-job.h"

G_BEGIN_DECLS

/* What the dialogs that add a signing key share (McKeyGenerateDialog,
 * McKeyImportDialog): the workflow (construct-only property "workflow"),
 * a refusal shown at their top, and the keyring's work run in a worker
 * thread (see mc-workflow-job.h) while a spinner turns and the dialog
 * cannot be closed.  Signal ::done (McKeyRecord) when the key was stored; the dialog
 * then closes itself. */

#define MC_TYPE_KEY_DIALOG (mc_key_dialog_get_type ())
G_DECLARE_DERIVABLE_TYPE (McKeyDialog, mc_key_dialog, MC, KEY_DIALOG, AdwWindow)

struct _McKeyDialogClass
{
  AdwWindowClass parent_class;
};

McWorkflow *mc_key_dialog_get_workflow     (McKeyDialog *self);
gboolean    mc_key_dialog_get_busy         (McKeyDialog *self);
/* The refusal shown, or NULL. */
const char *mc_key_dialog_get_error        (McKeyDialog *self);

/* For the subclasses: the widgets of their template that the dialog
 * drives.  @stack has the pages "form" and "busy". */
void        _mc_key_dialog_set_widgets     (McKeyDialog *self,
                                            GtkWidget   *confirm_button,
                                            GtkWidget   *cancel_button,
                                            GtkRevealer *error_revealer,
                                            GtkLabel    *error_label,
                                            GtkStack    *stack,
                                            GtkSpinner  *spinner);
/* Whether the form is complete: the confirm button's sensitivity. */
void        _mc_key_dialog_set_ready       (McKeyDialog *self,
                                            gboolean     ready);
void        _mc_key_dialog_show_error      (McKeyDialog *self,
                                            const char  *message);
/* Runs @func with a keyring of the job's workflow; it returns the
 * stored McKeyRecord.  Takes @data. */
typedef McKeyRecord *(*McKeyDialogFunc) (McKeyring  *keyring,
                                         gpointer    data,
                                         GError    **error);
void        _mc_key_dialog_run             (McKeyDialog     *self,
                                            McKeyDialogFunc  func,
                                            gpointer         data,
                                            GDestroyNotify   data_free);

G_END_DECLS
