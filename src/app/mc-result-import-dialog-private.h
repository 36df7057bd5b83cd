/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-result-import-dialog.h"

G_BEGIN_DECLS

struct _McResultImportDialog
{
  AdwWindow             parent_instance;

  McWorkflow           *workflow;
  McOffering           *offering;
  GFile                *file;
  McResultImport       *import;
  GCancellable         *cancellable;
  GListStore           *rows;             /* McImportRowItem, every row */
  GtkCustomFilter      *filter;
  GtkFilterListModel   *shown;
  GPtrArray            *dropdowns;        /* GtkDropDown, one per column */
  GtkFileChooserNative *chooser;
  char                 *summary;
  char                 *error;
  gboolean              loading;
  gboolean              recording;
  gboolean              saving;
  gboolean              only_problems;
  gboolean              syncing;

  /* Template widgets */
  AdwWindowTitle       *window_title;
  GtkWidget            *import_button;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *loading_page;
  GtkSpinner           *spinner;
  AdwStatusPage        *failed_page;
  GtkWidget            *summary_box;
  GtkImage             *summary_icon;
  GtkLabel             *verdict_label;
  GtkLabel             *summary_label;
  GtkWidget            *save_problems_button;
  GtkListBox           *file_problems_list;
  GtkFlowBox           *columns_box;
  GtkLabel             *rows_label;
  GtkSwitch            *only_problems_switch;
  GtkColumnView        *rows_view;
};

/* mc-result-import-dialog.c */
/* Import's sensitivity and tooltip. */
void _mc_result_import_dialog_update_import          (McResultImportDialog *self);

/* mc-result-import-dialog-preview.c */
/* The rows' models, at init. */
void _mc_result_import_dialog_init_rows              (McResultImportDialog *self);
/* The column choosers and the table's columns, once the file is read. */
void _mc_result_import_dialog_build_preview          (McResultImportDialog *self);
/* Shows what the import found, after reading or a change of column. */
void _mc_result_import_dialog_refresh                (McResultImportDialog *self);
void _mc_result_import_dialog_only_problems_toggled  (McResultImportDialog *self);

G_END_DECLS
