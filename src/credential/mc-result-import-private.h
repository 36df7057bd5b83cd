/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-result-import.h"

G_BEGIN_DECLS

/* The importer is split by stage: mc-result-import-load.c reads a file,
 * mc-result-import-decode.c turns bytes into UTF-8 text,
 * mc-result-import-parse.c reads the text into a header and rows (with
 * libcsv), mc-result-import-columns.c decides what each column holds
 * (mc-result-import-mapping.c reads and writes saved mappings), and
 * mc-result-import-check.c checks every row (mc-result-import-dates.c
 * reads its dates). */

struct _McResultImport
{
  GObject          parent_instance;

  /* What rows are checked against. */
  McGradingScale  *scale;
  char            *starts_on;
  char            *ends_on;
  char            *today;

  /* Column mapping: saved (folded heading → McMappingEntry), and the
   * user's choice per column (an McImportColumn, or -1). */
  GHashTable      *saved_mapping;
  GArray          *overrides;

  /* What was read. */
  gboolean         loaded;
  const char      *encoding;
  char             delimiter;
  char           **headers;
  guint            n_columns;
  GPtrArray       *rows;            /* McImportRow */
  GPtrArray       *read_problems;   /* McImportProblem about the file, from reading */

  /* Derived: recomputed by _mc_result_import_recheck(). */
  McImportColumn  *roles;
  GPtrArray       *file_problems;   /* read_problems, then the columns' and the scale's */
  guint            n_errors;
  guint            n_warnings;
};

typedef struct {
  char           *header;   /* as the file spells it */
  McImportColumn  role;
} McMappingEntry;

void     _mc_result_import_add_problem (GPtrArray *problems, McImportSeverity severity,
                                        guint line, int column, const char *message);
/* Forgets what was read, keeping the settings. */
void     _mc_result_import_clear_file  (McResultImport *self);

/* decode: the text is NUL-terminated UTF-8 without a byte-order mark. */
char    *_mc_result_import_decode      (GBytes *data, gsize *length, const char **encoding,
                                        GPtrArray *problems, GError **error);
/* Sets the error for a file of @size bytes, over MC_RESULT_IMPORT_MAX_BYTES. */
void     _mc_result_import_refuse_size (guint64 size, GError **error);
/* The 1-based line of byte @offset of @text ("\n", "\r\n" and "\r" end a line). */
guint    _mc_result_import_line_at     (const char *text, gsize offset);

/* parse: fills in delimiter, headers, n_columns, rows and read_problems. */
gboolean _mc_result_import_parse       (McResultImport *self, const char *text, gsize length,
                                        GCancellable *cancellable, GError **error);

/* columns: sets roles and adds the mapping's problems to file_problems. */
void     _mc_result_import_map_columns (McResultImport *self);
/* The role a heading names by itself, or MC_IMPORT_COLUMN_IGNORE. */
McImportColumn _mc_result_import_role_for_header (const char *header);
/* A heading reduced to its letters and digits, case-folded: "E-mail" → "email". */
char    *_mc_result_import_fold_header (const char *header);
void     _mc_mapping_entry_free        (gpointer entry);

/* check: the values and problems of every row. */
void     _mc_result_import_check_rows  (McResultImport *self);
/* dates: "2026-06-30", "30/06/2026", "30.06.2026" → "2026-06-30"; NULL and a
 * translated reason otherwise. */
char    *_mc_result_import_parse_date  (const char *text, char **reason);
/* @iso_date plus @years, YYYY-MM-DD. */
char    *_mc_result_import_add_years   (const char *iso_date, guint years);

/* Everything derived again from what was read and the settings. */
void     _mc_result_import_recheck     (McResultImport *self);

G_END_DECLS
