/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "mc-grading-scale.h"
#include "mc-import-problem.h"
#include "mc-import-row.h"
#include "mc-store.h"

G_BEGIN_DECLS

/* Reading the results of an offering from a CSV export of the
 * student-records system, and checking every row before anything is
 * recorded.  docs/results-csv.md describes the file for registrars.
 *
 * Loading reads the whole file into memory (at most 20 MiB, 100,000 rows
 * and 500 columns), detects its encoding and delimiter, maps its columns by their
 * headings, and checks each row against the grading scale and the run of
 * the offering.  Changing the grading scale, the period, the mapping or a
 * column's role checks every row again.  An McResultImport is not
 * thread-safe, but loading may run in a worker thread
 * (mc_result_import_load_file_async()) while nothing else touches it. */

/* What a column of the file holds. */
typedef enum {
  MC_IMPORT_COLUMN_STUDENT_ID,
  MC_IMPORT_COLUMN_GIVEN_NAME,
  MC_IMPORT_COLUMN_FAMILY_NAME,
  MC_IMPORT_COLUMN_FULL_NAME,     /* split on a comma ("Family, Given") or the last space */
  MC_IMPORT_COLUMN_EMAIL,
  MC_IMPORT_COLUMN_DATE_OF_BIRTH,
  MC_IMPORT_COLUMN_GRADE,
  MC_IMPORT_COLUMN_COMPLETED_ON,
  MC_IMPORT_COLUMN_IGNORE,
} McImportColumn;

#define MC_TYPE_IMPORT_COLUMN (mc_import_column_get_type ())
GType       mc_import_column_get_type  (void) G_GNUC_CONST;
/* Translated name of a role, for the column choosers of the preview. */
const char *mc_import_column_get_label (McImportColumn role);

#define MC_RESULT_IMPORT_ERROR (mc_result_import_error_quark ())
typedef enum {
  MC_RESULT_IMPORT_ERROR_TOO_LARGE,   /* over 20 MiB */
  MC_RESULT_IMPORT_ERROR_NOT_CSV,     /* a spreadsheet, a binary file, NUL bytes, 500+ columns */
  MC_RESULT_IMPORT_ERROR_ENCODING,    /* neither UTF-8, UTF-16 nor Windows-1252 */
  MC_RESULT_IMPORT_ERROR_EMPTY,       /* no heading line */
  MC_RESULT_IMPORT_ERROR_MAPPING,     /* a saved mapping that cannot be read */
} McResultImportError;
GQuark mc_result_import_error_quark (void);

/* The limits, for messages and tests. */
#define MC_RESULT_IMPORT_MAX_BYTES      (20 * 1024 * 1024)
#define MC_RESULT_IMPORT_MAX_ROWS       100000
#define MC_RESULT_IMPORT_MAX_COLUMNS    500
#define MC_RESULT_IMPORT_MAX_CELL_CHARS 1000

#define MC_TYPE_RESULT_IMPORT (mc_result_import_get_type ())
G_DECLARE_FINAL_TYPE (McResultImport, mc_result_import, MC, RESULT_IMPORT, GObject)

McResultImport *mc_result_import_new           (void);

/* What the rows are checked against. */
void            mc_result_import_set_grading   (McResultImport *self, McGradingScale *scale);
void            mc_result_import_set_period    (McResultImport *self, const char *starts_on,
                                                const char *ends_on);
void            mc_result_import_set_today     (McResultImport *self, const char *iso_date);

/* Column mapping: a saved mapping (JSON, see docs/results-csv.md) maps
 * headings to roles before the automatic recognition of headings; the
 * user's choice for one column overrides both. */
gboolean        mc_result_import_set_mapping   (McResultImport *self, const char *mapping_json,
                                                GError **error);
char           *mc_result_import_dup_mapping   (McResultImport *self);
void            mc_result_import_set_column    (McResultImport *self, guint column,
                                                McImportColumn role);

gboolean        mc_result_import_load_bytes    (McResultImport *self, GBytes *data,
                                                GCancellable *cancellable, GError **error);
gboolean        mc_result_import_load_file     (McResultImport *self, GFile *file,
                                                GCancellable *cancellable, GError **error);
void            mc_result_import_load_file_async  (McResultImport *self, GFile *file,
                                                   GCancellable *cancellable,
                                                   GAsyncReadyCallback callback,
                                                   gpointer user_data);
gboolean        mc_result_import_load_file_finish (McResultImport *self, GAsyncResult *result,
                                                   GError **error);

/* Checks the rows against @offering (mc-result-import-offering.c): the
 * grading scale of the revision it runs, its period, and the
 * institution's saved mapping. */
gboolean        mc_result_import_set_offering  (McResultImport *self, McStore *store,
                                                McOffering *offering, GError **error);
/* The rows as mc_workflow_record_results() takes them (McResultInput);
 * only when mc_result_import_is_ready().  Returns: (transfer full) */
GPtrArray      *mc_result_import_dup_inputs    (McResultImport *self);

/* What was read. */
const char     *mc_result_import_get_encoding  (McResultImport *self);
char            mc_result_import_get_delimiter (McResultImport *self);
guint           mc_result_import_get_n_columns (McResultImport *self);
const char     *mc_result_import_get_header    (McResultImport *self, guint column);
McImportColumn  mc_result_import_get_column    (McResultImport *self, guint column);
guint           mc_result_import_get_n_rows    (McResultImport *self);
McImportRow    *mc_result_import_get_row       (McResultImport *self, guint index);

/* What was found. */
GPtrArray      *mc_result_import_get_file_problems (McResultImport *self);
guint           mc_result_import_count_problems    (McResultImport *self, McImportSeverity severity);
gboolean        mc_result_import_is_ready          (McResultImport *self);
char           *mc_result_import_describe_problem  (McResultImport *self,
                                                    const McImportProblem *problem);
char           *mc_result_import_write_problems_csv (McResultImport *self);

G_END_DECLS
