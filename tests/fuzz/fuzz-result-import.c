/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for results files: any bytes go through the CSV import
 * against each kind of grading scale.  Beyond crashes, leaks and undefined
 * behaviour, it checks the import's promises: rows in file order with
 * their lines, a message for every problem, values only where they were
 * checked, a problem export in which no cell can run as a formula, and a
 * mapping that reads back.  The same bytes also go through the reader of
 * saved mappings and of grading scales. */
#include "config.h"

#include <csv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mc-core.h"
#include "mc-result-import.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

#define BROKEN(what, detail) \
  G_STMT_START { \
    g_printerr ("fuzz-result-import: %s: %s\n", what, detail); \
    abort (); \
  } G_STMT_END

static McGradingScale *
scale_for (size_t size)
{
  static McGradingScale *scales[5];

  if (scales[0] == NULL)
    {
      mc_core_init ();
      scales[0] = mc_grading_scale_new_from_text (MC_GRADING_NUMERIC, "0–100 %, pass mark 40 %");
      scales[1] = mc_grading_scale_new_from_text (MC_GRADING_LETTER, "A–F, pass at D");
      scales[2] = mc_grading_scale_new_from_text (MC_GRADING_TIERED, "Novice, proficient, expert");
      scales[3] = mc_grading_scale_new_from_text (MC_GRADING_PASS_FAIL, "Pass / Fail");
      scales[4] = mc_grading_scale_new_from_text (MC_GRADING_UNSET, NULL);
    }
  return scales[size % G_N_ELEMENTS (scales)];
}

static void
check_problems (McResultImport *import,
                GPtrArray      *problems,
                guint           n_columns)
{
  for (guint i = 0; i < problems->len; i++)
    {
      McImportProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *described = mc_result_import_describe_problem (import, problem);

      if (problem->message == NULL || problem->message[0] == '\0' ||
          !g_utf8_validate (problem->message, -1, NULL))
        BROKEN ("a problem without a readable message", "");
      if (problem->column >= (int) n_columns && problem->column >= 0)
        BROKEN ("a problem in a column that does not exist", problem->message);
      if (described == NULL || strstr (described, problem->message) == NULL)
        BROKEN ("a description that loses the message", problem->message);
    }
}

static void
check_date (const char *date,
            const char *what)
{
  GDate parsed;

  if (date == NULL)
    return;
  g_date_clear (&parsed, 1);
  g_date_set_parse (&parsed, date);
  if (strlen (date) != 10 || !g_date_valid (&parsed))
    BROKEN (what, date);
}

static void
check_rows (McResultImport *import)
{
  guint n_columns = mc_result_import_get_n_columns (import);
  guint last_line = 1;

  if (mc_result_import_get_n_rows (import) > MC_RESULT_IMPORT_MAX_ROWS)
    BROKEN ("more rows than allowed", "");
  for (guint r = 0; r < mc_result_import_get_n_rows (import); r++)
    {
      McImportRow *row = mc_result_import_get_row (import, r);

      if (row->line <= last_line)
        BROKEN ("rows out of line order", "");
      last_line = row->line;
      if (row->n_cells != g_strv_length (row->cells))
        BROKEN ("a row miscounts its cells", "");
      for (guint i = 0; i < row->n_cells; i++)
        if (!g_utf8_validate (row->cells[i], -1, NULL))
          BROKEN ("a cell that is not UTF-8", row->cells[i]);
      if (row->passed && row->grade == NULL)
        BROKEN ("a pass without a grade", "");
      check_date (row->completed_on, "a completion date that is not a date");
      check_date (row->date_of_birth, "a date of birth that is not a date");
      check_problems (import, row->problems, MAX (n_columns, row->n_cells));
    }
}

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  if (length > 0 && mc_csv_looks_like_formula (data))
    BROKEN ("the problem export holds a formula", (const char *) data);
}

static void
check_exports (McResultImport *import)
{
  g_autofree char *csv = mc_result_import_write_problems_csv (import);
  g_autofree char *mapping = mc_result_import_dup_mapping (import);
  g_autoptr(McResultImport) other = mc_result_import_new ();
  g_autoptr(GError) error = NULL;
  struct csv_parser parser;

  if (csv_init (&parser, CSV_APPEND_NULL) != 0)
    abort ();
  csv_parse (&parser, csv, strlen (csv), on_field, NULL, NULL);
  csv_fini (&parser, on_field, NULL, NULL);
  csv_free (&parser);

  if (!mc_result_import_set_mapping (other, mapping, &error))
    BROKEN ("the mapping does not read back", error->message);
}

/* The start of the bytes as the text of a grading scale (a design's
 * "grading_scale" holds at most 500 characters of UTF-8): it reads, it
 * describes itself, and a grade it accepts has a spelling. */
static void
check_scale_text (const uint8_t *data,
                  size_t         size)
{
  static const char * const grades[] = { "A", "b+", "40", "67,5 %", "Pass", "F", "expert", "" };
  g_autofree char *valid = g_utf8_make_valid ((const char *) data, (gssize) size);
  const char *end = g_utf8_offset_to_pointer (valid, MIN (g_utf8_strlen (valid, -1), 500));
  g_autofree char *text = g_strndup (valid, (gsize) (end - valid));
  g_autoptr(McGradingScale) scale = mc_grading_scale_new_from_text ((McGradingScheme) (size % 5), text);
  g_autofree char *description = mc_grading_scale_describe (scale);

  if (description == NULL || description[0] == '\0')
    BROKEN ("a scale that does not describe itself", text);
  for (guint i = 0; i < G_N_ELEMENTS (grades); i++)
    {
      g_autofree char *normalised = NULL;
      g_autoptr(GError) error = NULL;
      gboolean passed = FALSE;

      if (mc_grading_scale_check (scale, grades[i], &passed, &normalised, &error)
          ? normalised == NULL || normalised[0] == '\0' || error != NULL
          : normalised != NULL || error == NULL || error->message[0] == '\0')
        BROKEN ("a grade checked without a spelling or a reason", text);
    }
}

/* The same bytes as a saved mapping: read, or refused with a reason. */
static void
check_mapping_text (const uint8_t *data,
                    size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(McResultImport) import = mc_result_import_new ();
  g_autoptr(GError) error = NULL;

  if (!mc_result_import_set_mapping (import, text, &error) &&
      (error == NULL || error->message[0] == '\0'))
    BROKEN ("a mapping refused without a message", "");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(McResultImport) import = mc_result_import_new ();
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  guint errors;

  mc_result_import_set_today (import, "2026-07-15");
  mc_result_import_set_period (import, "2026-02-01", "2026-06-30");
  mc_result_import_set_grading (import, scale_for (size));
  check_mapping_text (data, size);
  check_scale_text (data, size);

  if (!mc_result_import_load_bytes (import, bytes, NULL, &error))
    {
      if (error == NULL || error->message[0] == '\0')
        BROKEN ("refused without a message", "");
      if (mc_result_import_get_n_rows (import) != 0 || mc_result_import_is_ready (import))
        BROKEN ("a refused file left rows behind", error->message);
      return 0;
    }

  check_problems (import, mc_result_import_get_file_problems (import),
                  mc_result_import_get_n_columns (import));
  check_rows (import);
  errors = mc_result_import_count_problems (import, MC_IMPORT_SEVERITY_ERROR);
  if (mc_result_import_is_ready (import) != (errors == 0 && mc_result_import_get_n_rows (import) > 0))
    BROKEN ("ready with errors, or not ready without", "");
  check_exports (import);

  /* The user's choice of a column checks every row again. */
  if (mc_result_import_get_n_columns (import) > 0)
    {
      mc_result_import_set_column (import, 0, (McImportColumn) (size % (MC_IMPORT_COLUMN_IGNORE + 1)));
      check_rows (import);
    }
  return 0;
}
