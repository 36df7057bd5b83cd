/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include "mc-core.h"
#include "mc-result-import.h"

G_BEGIN_DECLS

/* The preview of a results file before anything is recorded: the file is
 * read in a worker thread, then every row is shown with its problems
 * (errors in red, warnings in amber), with a summary (encoding,
 * delimiter, rows, errors, warnings), the problems of the whole file, and
 * what each column holds, which the registrar may change (every row is
 * then checked again).  Save Problems… writes them as a CSV file.  Import
 * stays insensitive while there are errors; it records the results
 * through the workflow (in a worker thread), keeps the column mapping for
 * the next file, and closes.  Signal ::imported (guint: results and
 * learners written). */

#define MC_TYPE_RESULT_IMPORT_DIALOG (mc_result_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (McResultImportDialog, mc_result_import_dialog, MC, RESULT_IMPORT_DIALOG, AdwWindow)

McResultImportDialog *mc_result_import_dialog_new               (McWorkflow           *workflow,
                                                                 McOffering           *offering,
                                                                 GFile                *file);
/* Whether the file is being read, the results recorded or the problems
 * saved. */
gboolean              mc_result_import_dialog_get_busy          (McResultImportDialog *self);
/* The import being previewed (transfer none); NULL until it is read. */
McResultImport       *mc_result_import_dialog_get_import        (McResultImportDialog *self);
/* Chooses what column @column holds, as its drop-down does. */
void                  mc_result_import_dialog_set_column        (McResultImportDialog *self,
                                                                 guint                 column,
                                                                 McImportColumn        role);
void                  mc_result_import_dialog_set_only_problems (McResultImportDialog *self,
                                                                 gboolean              only_problems);
/* The rows shown (McImportRowItem, transfer none). */
GListModel           *mc_result_import_dialog_get_rows          (McResultImportDialog *self);
/* What the summary line says. */
const char           *mc_result_import_dialog_get_summary       (McResultImportDialog *self);
/* Whether Import is sensitive. */
gboolean              mc_result_import_dialog_get_can_import    (McResultImportDialog *self);
/* Records the results as Import does; FALSE if it cannot start. */
gboolean              mc_result_import_dialog_import            (McResultImportDialog *self);
/* Writes the problems to @file, as Save Problems… does. */
void                  mc_result_import_dialog_save_problems     (McResultImportDialog *self,
                                                                 GFile                *file);
/* What could not be done (reading, recording, saving), or NULL. */
const char           *mc_result_import_dialog_get_error         (McResultImportDialog *self);

G_END_DECLS
