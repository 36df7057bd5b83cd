/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <csv.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mc-core.h"
#include "mc-result-import.h"

/* The checks run on the fixtures in tests/files/csv; large files are made
 * here.  "Today" is 2026-07-15 and the offering runs in the first half of
 * 2026 unless a test says otherwise. */

#define TODAY "2026-07-15"

static McResultImport *
new_import (McGradingScheme  scheme,
            const char      *scale_text)
{
  McResultImport *import = mc_result_import_new ();
  g_autoptr(McGradingScale) scale = mc_grading_scale_new_from_text (scheme, scale_text);

  mc_result_import_set_today (import, TODAY);
  mc_result_import_set_period (import, "2026-02-01", "2026-06-30");
  mc_result_import_set_grading (import, scale);
  return import;
}

static McResultImport *
new_numeric_import (void)
{
  return new_import (MC_GRADING_NUMERIC, "0–100 %, pass mark 40 %");
}

static McResultImport *
new_letter_import (void)
{
  return new_import (MC_GRADING_LETTER, "A–F, pass at D");
}

static gboolean
load_fixture (McResultImport  *import,
              const char      *name,
              GError         **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "csv", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return mc_result_import_load_file (import, file, NULL, error);
}

static void
load_fixture_ok (McResultImport *import,
                 const char     *name)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (load_fixture (import, name, &error));
  g_assert_no_error (error);
}

static gboolean
load_text (McResultImport  *import,
           const char      *text,
           GError         **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return mc_result_import_load_bytes (import, bytes, NULL, error);
}

static void
load_text_ok (McResultImport *import,
              const char     *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (load_text (import, text, &error));
  g_assert_no_error (error);
}

/* The problems of one severity, described, joined by newlines: what a
 * registrar reads. */
static char *
dup_problems (McResultImport   *import,
              McImportSeverity  severity)
{
  GString *out = g_string_new (NULL);
  GPtrArray *file = mc_result_import_get_file_problems (import);

  for (guint i = 0; i < file->len; i++)
    {
      McImportProblem *problem = g_ptr_array_index (file, i);
      g_autofree char *text = mc_result_import_describe_problem (import, problem);

      if (problem->severity == severity)
        g_string_append_printf (out, "%s\n", text);
    }
  for (guint r = 0; r < mc_result_import_get_n_rows (import); r++)
    {
      McImportRow *row = mc_result_import_get_row (import, r);

      for (guint i = 0; i < row->problems->len; i++)
        {
          McImportProblem *problem = g_ptr_array_index (row->problems, i);
          g_autofree char *text = mc_result_import_describe_problem (import, problem);

          if (problem->severity == severity)
            g_string_append_printf (out, "%s\n", text);
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_problems (McResultImport   *import,
                 McImportSeverity  severity,
                 const char       *expected)
{
  g_autofree char *problems = dup_problems (import, severity);

  g_assert_cmpstr (problems, ==, expected);
}

static void
assert_row (McImportRow *row,
            guint        line,
            const char  *student_id,
            const char  *given_name,
            const char  *family_name,
            const char  *grade,
            const char  *completed_on,
            gboolean     passed)
{
  g_assert_cmpuint (row->line, ==, line);
  g_assert_cmpstr (row->student_id, ==, student_id);
  g_assert_cmpstr (row->given_name, ==, given_name);
  g_assert_cmpstr (row->family_name, ==, family_name);
  g_assert_cmpstr (row->grade, ==, grade);
  g_assert_cmpstr (row->completed_on, ==, completed_on);
  g_assert_cmpint (row->passed, ==, passed);
}

/* Encodings --------------------------------------------------------------- */

/* The same three learners, whatever the encoding of the file. */
static void
assert_three_learners (McResultImport *import)
{
  McImportRow *row = NULL;

  g_assert_cmpuint (mc_result_import_get_n_columns (import), ==, 7);
  g_assert_cmpstr (mc_result_import_get_header (import, 0), ==, "Student ID");
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (mc_result_import_count_problems (import, MC_IMPORT_SEVERITY_ERROR), ==, 0);
  g_assert_true (mc_result_import_is_ready (import));

  row = mc_result_import_get_row (import, 0);
  assert_row (row, 2, "S1001", "Anna", "Müller", "72", "2026-06-20", TRUE);
  g_assert_cmpstr (row->email, ==, "anna.mueller@example.org");
  g_assert_cmpstr (row->date_of_birth, ==, "2001-04-12");
  g_assert_cmpuint (row->n_cells, ==, 7);
  g_assert_cmpstr (row->cells[2], ==, "Müller");
  row = mc_result_import_get_row (import, 1);
  assert_row (row, 3, "S1002", "Seán", "Ó Briain", "39", "2026-06-30", FALSE);
  g_assert_cmpstr (row->date_of_birth, ==, "1999-09-12");
  g_assert_cmpuint (row->problems->len, ==, 0);
  row = mc_result_import_get_row (import, 2);
  assert_row (row, 4, "S1003", "Zoë", "Ng", "100", "2026-05-02", TRUE);
  g_assert_null (row->date_of_birth);
  g_assert_cmpstr (row->cells[5], ==, "100 %");
}

static void
test_encodings (void)
{
  const struct {
    const char *file;
    const char *encoding;
    guint       warnings;
  } files[] = {
    { "utf8.csv", "UTF-8", 0 },
    { "utf8-bom.csv", "UTF-8 (with BOM)", 0 },
    { "utf16le.csv", "UTF-16LE", 0 },
    { "cp1252.csv", "Windows-1252", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(McResultImport) import = new_numeric_import ();

      g_test_message ("%s", files[i].file);
      load_fixture_ok (import, files[i].file);
      g_assert_cmpstr (mc_result_import_get_encoding (import), ==, files[i].encoding);
      g_assert_cmpint (mc_result_import_get_delimiter (import), ==, ',');
      g_assert_cmpuint (mc_result_import_count_problems (import, MC_IMPORT_SEVERITY_WARNING), ==,
                        files[i].warnings);
      assert_three_learners (import);
    }
}

static void
test_cp1252_warning (void)
{
  g_autoptr(McResultImport) import = new_numeric_import ();
  GPtrArray *problems = NULL;
  McImportProblem *problem = NULL;

  load_fixture_ok (import, "cp1252.csv");
  problems = mc_result_import_get_file_problems (import);
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->severity, ==, MC_IMPORT_SEVERITY_WARNING);
  g_assert_nonnull (strstr (problem->message, "read as Windows-1252"));
}

/* UTF-16 without a byte-order mark, as some exports write it. */
static void
test_utf16_without_bom (void)
{
  g_autoptr(McResultImport) import = new_numeric_import ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "csv", "utf8.csv", NULL);
  g_autofree char *utf8 = NULL;
  g_autofree char *utf16 = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &utf8, &length, &error));
  for (guint be = 0; be < 2; be++)
    {
      gsize converted = 0;

      g_clear_pointer (&utf16, g_free);
      g_clear_pointer (&bytes, g_bytes_unref);
      utf16 = g_convert (utf8, (gssize) length, be ? "UTF-16BE" : "UTF-16LE", "UTF-8", NULL,
                         &converted, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new (utf16, converted);
      g_assert_true (mc_result_import_load_bytes (import, bytes, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (mc_result_import_get_encoding (import), ==, be ? "UTF-16BE" : "UTF-16LE");
      g_assert_cmpuint (mc_result_import_count_problems (import, MC_IMPORT_SEVERITY_WARNING), ==, 1);
      assert_three_learners (import);
    }
}

static void
test_refused_files (void)
{
  const struct {
    const char *text;
    gsize       length;
    int         code;
    const char *message;
  } files[] = {
    { "", 0, MC_RESULT_IMPORT_ERROR_EMPTY, "The file is empty." },
    { "\n\r\n  \n", 6, MC_RESULT_IMPORT_ERROR_EMPTY,
      "The file has no heading line: it holds only blank lines." },
    { "PK\x03\x04\x14\0\x06\0", 8, MC_RESULT_IMPORT_ERROR_NOT_CSV, NULL },
    { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0", 10, MC_RESULT_IMPORT_ERROR_NOT_CSV, NULL },
    { "\xff\xfe" "a\0b", 5, MC_RESULT_IMPORT_ERROR_ENCODING, NULL },
    { "ID,Name\n1,Jo\x81", 13, MC_RESULT_IMPORT_ERROR_ENCODING,
      "Line 2 is neither UTF-8 nor Windows-1252 text. Export the file again as “CSV UTF-8”." },
    { "\"ID,Name\n1,Jo\n", 14, MC_RESULT_IMPORT_ERROR_EMPTY, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(McResultImport) import = new_numeric_import ();
      g_autoptr(GBytes) bytes = g_bytes_new (files[i].text, files[i].length);
      g_autoptr(GError) error = NULL;

      g_test_message ("file %u", i);
      g_assert_false (mc_result_import_load_bytes (import, bytes, NULL, &error));
      g_assert_error (error, MC_RESULT_IMPORT_ERROR, files[i].code);
      if (files[i].message != NULL)
        g_assert_cmpstr (error->message, ==, files[i].message);
      g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 0);
      g_assert_cmpuint (mc_result_import_get_n_columns (import), ==, 0);
      g_assert_false (mc_result_import_is_ready (import));
    }
}

static void
test_empty_fixture (void)
{
  g_autoptr(McResultImport) import = new_numeric_import ();
  g_autoptr(GError) error = NULL;

  load_fixture_ok (import, "utf8.csv");
  g_assert_false (load_fixture (import, "empty.csv", &error));
  g_assert_error (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_EMPTY);
  /* Nothing of the file before stays behind. */
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 0);
  g_assert_false (mc_result_import_is_ready (import));
}

static void
test_nul (void)
{
  g_autoptr(McResultImport) import = new_numeric_import ();
  g_autoptr(GError) error = NULL;

  g_assert_false (load_fixture (import, "nul.csv", &error));
  g_assert_error (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_NOT_CSV);
  g_assert_true (g_str_has_prefix (error->message, "Line 2 contains a NUL byte"));
}

static void
test_header_only (void)
{
  g_autoptr(McResultImport) import = new_numeric_import ();

  load_fixture_ok (import, "header-only.csv");
  g_assert_cmpuint (mc_result_import_get_n_columns (import), ==, 4);
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 0);
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR, "The file has a heading line but no results.\n");
  g_assert_false (mc_result_import_is_ready (import));
}

/* Delimiters and quoting ---------------------------------------------------- */

static void
test_semicolon (void)
{
  g_autoptr(McResultImport) import = new_numeric_import ();
  McImportRow *row = NULL;

  load_fixture_ok (import, "semicolon.csv");
  g_assert_cmpint (mc_result_import_get_delimiter (import), ==, ';');
  g_assert_cmpint (mc_result_import_get_column (import, 0), ==, MC_IMPORT_COLUMN_STUDENT_ID);
  g_assert_cmpint (mc_result_import_get_column (import, 3), ==, MC_IMPORT_COLUMN_EMAIL);
  g_assert_cmpint (mc_result_import_get_column (import, 4), ==, MC_IMPORT_COLUMN_GRADE);
  g_assert_cmpint (mc_result_import_get_column (import, 5), ==, MC_IMPORT_COLUMN_COMPLETED_ON);
  g_assert_true (mc_result_import_is_ready (import));
  row = mc_result_import_get_row (import, 0);
  assert_row (row, 2, "2026-0001", "Jan", "de Vries", "55.5", "2026-06-15", TRUE);
  row = mc_result_import_get_row (import, 1);
  assert_row (row, 3, "2026-0002", "Marie; Claire", "Dubois", "80", "2026-06-01", TRUE);
}

static void
test_tab (void)
{
  g_autoptr(McResultImport) import = new_import (MC_GRADING_PASS_FAIL, "Pass / Fail");

  load_fixture_ok (import, "tab.csv");
  g_assert_cmpint (mc_result_import_get_delimiter (import), ==, '\t');
  g_assert_cmpint (mc_result_import_get_column (import, 1), ==, MC_IMPORT_COLUMN_FULL_NAME);
  g_assert_cmpint (mc_result_import_get_column (import, 2), ==, MC_IMPORT_COLUMN_GRADE);
  assert_row (mc_result_import_get_row (import, 0), 2, "1", "Anna Maria", "Schmidt", "Pass",
              "2026-06-01", TRUE);
  assert_row (mc_result_import_get_row (import, 1), 3, "2", "Jan", "Kowalski", "Fail",
              "2026-06-01", FALSE);
  assert_row (mc_result_import_get_row (import, 2), 4, "3", "", "Plato", "Pass", "2026-06-02", TRUE);
  assert_problems (import, MC_IMPORT_SEVERITY_WARNING,
                   "Line 4, “Name”: Only one name is given; check that the learner has no other name.\n");
  g_assert_true (mc_result_import_is_ready (import));
}

static void
test_quoted (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();
  McImportRow *row = NULL;

  load_fixture_ok (import, "quoted.csv");
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 4);
  row = mc_result_import_get_row (import, 0);
  assert_row (row, 2, "S1", "Jane", "Smith", "B", "2026-06-01", TRUE);
  g_assert_cmpstr (row->cells[1], ==, "Smith, Jane");
  g_assert_cmpstr (row->cells[4], ==, "Said \"hello\", twice");
  row = mc_result_import_get_row (import, 1);
  assert_row (row, 3, "S2", "Patrick", "O'Neill", "A", "2026-06-01", TRUE);
  g_assert_cmpstr (row->cells[4], ==, "two\nline\nnote");
  /* The row after a cell of three lines starts on line 6. */
  row = mc_result_import_get_row (import, 2);
  g_assert_cmpuint (row->line, ==, 6);
  g_assert_null (row->given_name);
  row = mc_result_import_get_row (import, 3);
  assert_row (row, 8, "S4", "Ana", "Lima", "D", "2026-06-01", TRUE);
  g_assert_cmpstr (row->cells[1], ==, "  Ana   Lima ");
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "Line 6, “Full name”: This cell runs over several lines; it should hold one line.\n");
}

static void
test_unterminated_quote (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();

  load_fixture_ok (import, "unterminated.csv");
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 1);
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "Line 3: A quoted cell that starts on line 3 is never closed: its closing quote "
                   "(\") is missing, or a quote inside it is not doubled. The rows from line 3 on "
                   "could not be read.\n");
  g_assert_false (mc_result_import_is_ready (import));

  /* A quote opened on the second line of a row that began earlier. */
  load_text_ok (import, "Student ID,Full name,Grade,Completion date,Notes\n"
                        "S1,\"Jane\nSmith\",B,2026-06-01,\"open\nS2,Li Wei,C,2026-06-01,\n");
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "Line 3: A quoted cell that starts on line 3 is never closed: its closing quote "
                   "(\") is missing, or a quote inside it is not doubled. The rows from line 2 on "
                   "could not be read.\n");
}

/* Line ends of every kind, and a last line without one. */
static void
test_line_ends (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();

  load_text_ok (import, "Student ID,Full name,Grade,Completion date\r"
                        "S1,Jane Smith,B,2026-06-01\r\n"
                        "\r\n"
                        "S2,Li Wei,C,2026-06-01\n"
                        "  \n"
                        "S3,Ana Lima,D,2026-06-01");
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (mc_result_import_get_row (import, 0)->line, ==, 2);
  g_assert_cmpuint (mc_result_import_get_row (import, 1)->line, ==, 4);
  assert_row (mc_result_import_get_row (import, 2), 6, "S3", "Ana", "Lima", "D", "2026-06-01", TRUE);
  g_assert_true (mc_result_import_is_ready (import));
}

static void
test_extra_cells (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();

  load_text_ok (import, "Student ID,Full name,Grade,Completion date\n"
                        "S1,Smith, Jane,B,2026-06-01\n"
                        "S2,Li Wei,C,2026-06-01,,\n");
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "Line 2: This row has 5 cells but the heading line has 4: a value may hold a "
                   "“,” without quotes around it.\n"
                   "Line 2, “Grade”: “Jane” is not a grade of this micro-credential (A–F)\n"
                   "Line 2, “Completion date”: “B” is not a date; write dates as 2026-06-30, "
                   "30/06/2026 or 30.06.2026.\n");
}

/* Columns -------------------------------------------------------------------- */

static void
test_aliases (void)
{
  g_autoptr(McResultImport) import = new_import (MC_GRADING_PASS_FAIL, NULL);
  const McImportColumn expected[] = {
    MC_IMPORT_COLUMN_STUDENT_ID, MC_IMPORT_COLUMN_FAMILY_NAME, MC_IMPORT_COLUMN_GIVEN_NAME,
    MC_IMPORT_COLUMN_EMAIL, MC_IMPORT_COLUMN_DATE_OF_BIRTH, MC_IMPORT_COLUMN_GRADE,
    MC_IMPORT_COLUMN_COMPLETED_ON, MC_IMPORT_COLUMN_IGNORE, MC_IMPORT_COLUMN_IGNORE,
  };
  McImportRow *row = NULL;

  load_fixture_ok (import, "aliases.csv");
  g_assert_cmpuint (mc_result_import_get_n_columns (import), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (mc_result_import_get_column (import, i), ==, expected[i]);
  row = mc_result_import_get_row (import, 0);
  assert_row (row, 2, "S1", "Jane", "Smith", "Pass", "2026-06-01", TRUE);
  g_assert_cmpstr (row->date_of_birth, ==, "2000-02-01");
  /* The empty last column, with empty cells, is not worth a word. */
  assert_problems (import, MC_IMPORT_SEVERITY_WARNING,
                   "Column 8, “Campus”, is not a column Microcred knows; it is not imported.\n");
  g_assert_true (mc_result_import_is_ready (import));
}

static void
test_heading_variants (void)
{
  const struct {
    const char     *heading;
    McImportColumn  role;
  } headings[] = {
    { "Student number", MC_IMPORT_COLUMN_STUDENT_ID }, { "  STUDENT-ID ", MC_IMPORT_COLUMN_STUDENT_ID },
    { "student_id", MC_IMPORT_COLUMN_STUDENT_ID }, { "ID", MC_IMPORT_COLUMN_STUDENT_ID },
    { "Matriculation No.", MC_IMPORT_COLUMN_STUDENT_ID }, { "First name", MC_IMPORT_COLUMN_GIVEN_NAME },
    { "Given Name", MC_IMPORT_COLUMN_GIVEN_NAME }, { "Forename", MC_IMPORT_COLUMN_GIVEN_NAME },
    { "SURNAME", MC_IMPORT_COLUMN_FAMILY_NAME }, { "Last-Name", MC_IMPORT_COLUMN_FAMILY_NAME },
    { "Family name", MC_IMPORT_COLUMN_FAMILY_NAME }, { "Name", MC_IMPORT_COLUMN_FULL_NAME },
    { "Full Name", MC_IMPORT_COLUMN_FULL_NAME }, { "e mail", MC_IMPORT_COLUMN_EMAIL },
    { "E-mail", MC_IMPORT_COLUMN_EMAIL }, { "Email", MC_IMPORT_COLUMN_EMAIL },
    { "Date of Birth", MC_IMPORT_COLUMN_DATE_OF_BIRTH }, { "D.O.B.", MC_IMPORT_COLUMN_DATE_OF_BIRTH },
    { "Grade", MC_IMPORT_COLUMN_GRADE }, { "mark", MC_IMPORT_COLUMN_GRADE },
    { "Result", MC_IMPORT_COLUMN_GRADE }, { "Outcome", MC_IMPORT_COLUMN_GRADE },
    { "Completion date", MC_IMPORT_COLUMN_COMPLETED_ON }, { "Completed", MC_IMPORT_COLUMN_COMPLETED_ON },
    { "Date completed", MC_IMPORT_COLUMN_COMPLETED_ON }, { "DATE", MC_IMPORT_COLUMN_COMPLETED_ON },
    { "Notes", MC_IMPORT_COLUMN_IGNORE }, { "Student", MC_IMPORT_COLUMN_IGNORE },
    { "Identity", MC_IMPORT_COLUMN_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    {
      g_autoptr(McResultImport) import = mc_result_import_new ();
      g_autofree char *text = g_strdup_printf ("\"%s\"\nx\n", headings[i].heading);

      g_test_message ("heading “%s”", headings[i].heading);
      load_text_ok (import, text);
      g_assert_cmpint (mc_result_import_get_column (import, 0), ==, headings[i].role);
    }
}

static void
test_missing_columns (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();

  load_fixture_ok (import, "missing-column.csv");
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "No column holds the grade. Choose it for a column in the preview, or head the "
                   "column “Grade” in the file.\n"
                   "No column holds the family name. Choose it for a column in the preview, or head "
                   "the column “Family name” in the file.\n");
  g_assert_false (mc_result_import_is_ready (import));

  /* No heading known at all: the first line is most likely not headings. */
  load_text_ok (import, "S1,Jane Smith,B,2026-06-01\nS2,Li Wei,C,2026-06-01\n");
  g_assert_cmpuint (mc_result_import_count_problems (import, MC_IMPORT_SEVERITY_ERROR), ==, 1);
  g_assert_cmpuint (mc_result_import_count_problems (import, MC_IMPORT_SEVERITY_WARNING), ==, 0);
  g_assert_true (g_str_has_prefix (((McImportProblem *) mc_result_import_get_file_problems (import)->pdata[0])->message,
                                   "None of the headings of the first line is known"));
}

static void
test_column_conflict (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();

  load_text_ok (import, "Student ID,Name,Full name,Grade,Date\nS1,Jane Smith,J. Smith,B,2026-06-01\n");
  g_assert_cmpint (mc_result_import_get_column (import, 1), ==, MC_IMPORT_COLUMN_FULL_NAME);
  g_assert_cmpint (mc_result_import_get_column (import, 2), ==, MC_IMPORT_COLUMN_IGNORE);
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "Columns 2, “Name”, and 3, “Full name”, both hold the Full name. Choose in the "
                   "preview which one is imported; column 3 is not imported until then.\n");

  /* Choosing the second moves the role away from the first. */
  mc_result_import_set_column (import, 2, MC_IMPORT_COLUMN_FULL_NAME);
  g_assert_cmpint (mc_result_import_get_column (import, 1), ==, MC_IMPORT_COLUMN_IGNORE);
  g_assert_cmpint (mc_result_import_get_column (import, 2), ==, MC_IMPORT_COLUMN_FULL_NAME);
  g_assert_true (mc_result_import_is_ready (import));
  g_assert_cmpstr (mc_result_import_get_row (import, 0)->given_name, ==, "J.");
}

static void
test_mapping_round_trip (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();
  g_autoptr(McResultImport) next = new_letter_import ();
  g_autoptr(GError) error = NULL;
  g_autofree char *mapping = NULL;
  g_autofree char *again = NULL;

  load_text_ok (import, "Code,Learner,Score,When,Campus\nS1,Jane Smith,B,2026-06-01,North\n");
  g_assert_false (mc_result_import_is_ready (import));
  mc_result_import_set_column (import, 0, MC_IMPORT_COLUMN_STUDENT_ID);
  mc_result_import_set_column (import, 1, MC_IMPORT_COLUMN_FULL_NAME);
  mc_result_import_set_column (import, 2, MC_IMPORT_COLUMN_GRADE);
  mc_result_import_set_column (import, 3, MC_IMPORT_COLUMN_COMPLETED_ON);
  mc_result_import_set_column (import, 4, MC_IMPORT_COLUMN_IGNORE);
  g_assert_true (mc_result_import_is_ready (import));
  g_assert_cmpuint (mc_result_import_count_problems (import, MC_IMPORT_SEVERITY_WARNING), ==, 0);
  mapping = mc_result_import_dup_mapping (import);
  g_assert_cmpstr (mapping, ==,
                   "{\n"
                   "  \"format\" : \"io.github.microcred.results-mapping\",\n"
                   "  \"version\" : 1,\n"
                   "  \"columns\" : {\n"
                   "    \"Code\" : \"student-id\",\n"
                   "    \"Learner\" : \"full-name\",\n"
                   "    \"Score\" : \"grade\",\n"
                   "    \"When\" : \"completed-on\",\n"
                   "    \"Campus\" : \"ignore\"\n"
                   "  }\n"
                   "}");

  /* The next export, with its columns in another order and spelling. */
  g_assert_true (mc_result_import_set_mapping (next, mapping, &error));
  g_assert_no_error (error);
  load_text_ok (next, "campus,WHEN,code,learner,score,Email\nSouth,2026-06-02,S2,Li Wei,C,li@example.org\n");
  g_assert_true (mc_result_import_is_ready (next));
  assert_row (mc_result_import_get_row (next, 0), 2, "S2", "Li", "Wei", "C", "2026-06-02", TRUE);
  g_assert_cmpstr (mc_result_import_get_row (next, 0)->email, ==, "li@example.org");

  /* Its mapping keeps what it learned, and what this file did not have. */
  mc_result_import_set_column (next, 0, MC_IMPORT_COLUMN_IGNORE);
  again = mc_result_import_dup_mapping (next);
  g_assert_nonnull (strstr (again, "\"campus\" : \"ignore\""));
  g_assert_nonnull (strstr (again, "\"Email\" : \"email\""));
  g_assert_null (strstr (again, "\"Campus\""));
}

static void
test_mapping_refused (void)
{
#define FORMAT "\"format\": \"io.github.microcred.results-mapping\", "
  const char *bad[] = {
    "", "[]", "{\"version\": 1, \"columns\": {}}",
    "{\"format\": \"io.github.microcred.profile\", \"version\": 1, \"columns\": {}}",
    "{" FORMAT "\"version\": 2, \"columns\": {}}", "{" FORMAT "\"version\": 1}",
    "{" FORMAT "\"version\": 1, \"columns\": []}",
    "{" FORMAT "\"version\": 1, \"columns\": {\"ID\": \"shoe-size\"}}",
    "{" FORMAT "\"version\": 1, \"columns\": {\"ID\": 3}}", "{" FORMAT "\"version\": 1, \"columns\": ",
  };
  g_autoptr(McResultImport) import = new_letter_import ();
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_result_import_set_mapping (import, "{" FORMAT "\"version\": 1, \"columns\": "
                                               "{\"Code\": \"student-id\"}}", &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_test_message ("mapping %s", bad[i]);
      g_assert_false (mc_result_import_set_mapping (import, bad[i], &error));
      g_assert_error (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_MAPPING);
      g_assert_true (g_str_has_prefix (error->message, "The saved column mapping cannot be used: "));
      g_clear_error (&error);
    }
  /* The good mapping is still in force. */
  load_text_ok (import, "Code,Name,Grade,Date\nS1,Jane Smith,B,2026-06-01\n");
  g_assert_true (mc_result_import_is_ready (import));
  g_assert_true (mc_result_import_set_mapping (import, NULL, &error));
  g_assert_false (mc_result_import_is_ready (import));
#undef FORMAT
}

/* Rows ------------------------------------------------------------------------ */

static void
test_duplicates (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();

  load_fixture_ok (import, "duplicates.csv");
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 3);
  g_assert_cmpuint (mc_result_import_get_row (import, 2)->line, ==, 5);
  g_assert_null (mc_result_import_get_row (import, 2)->student_id);
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "Line 5, “Student ID”: Student ID “s1” is also on line 2; a learner can have "
                   "only one result per offering.\n");
  g_assert_cmpuint (mc_result_import_count_problems (import, MC_IMPORT_SEVERITY_ERROR), ==, 1);
}

static void
test_bad_dates (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();

  load_fixture_ok (import, "bad-dates.csv");
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "Line 2, “Completion date”: “2026-02-30” is not a date in the calendar.\n"
                   "Line 3, “Completion date”: “03/25/2026” is not a date: dates are read day first "
                   "(DD/MM/YYYY), never month first.\n"
                   "Line 4, “Completion date”: “1/6/26” has a two-digit year; write the year in "
                   "full, as in 30/06/2026.\n"
                   "Line 5, “Completion date”: “yesterday” is not a date; write dates as 2026-06-30, "
                   "30/06/2026 or 30.06.2026.\n"
                   "Line 7, “Date of birth”: “2030-01-01” cannot be the learner’s date of birth.\n");
  g_assert_cmpstr (mc_result_import_get_row (import, 4)->completed_on, ==, "2026-06-01");
  g_assert_cmpstr (mc_result_import_get_row (import, 4)->date_of_birth, ==, "1999-12-31");
  g_assert_cmpstr (mc_result_import_get_row (import, 5)->completed_on, ==, "2026-06-01");
  g_assert_null (mc_result_import_get_row (import, 5)->date_of_birth);
  g_assert_cmpstr (mc_result_import_get_row (import, 6)->completed_on, ==, "2026-06-01");
}

static void
test_period (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();

  load_fixture_ok (import, "period.csv");
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "Line 4, “Completion date”: “2026-08-01” is in the future.\n");
  assert_problems (import, MC_IMPORT_SEVERITY_WARNING,
                   "Line 3, “Completion date”: “2026-07-10” is after the offering ended on "
                   "2026-06-30; check that it is right.\n");
  g_assert_cmpstr (mc_result_import_get_row (import, 1)->completed_on, ==, "2026-07-10");
  g_assert_null (mc_result_import_get_row (import, 2)->completed_on);

  /* Changing the run checks the rows again. */
  mc_result_import_set_period (import, "2025-02-01", "2025-06-30");
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "Line 3, “Completion date”: “2026-07-10” is more than a year after the offering "
                   "ended on 2025-06-30.\n"
                   "Line 4, “Completion date”: “2026-08-01” is in the future.\n");
  assert_problems (import, MC_IMPORT_SEVERITY_WARNING,
                   "Line 2, “Completion date”: “2026-03-01” is after the offering ended on "
                   "2025-06-30; check that it is right.\n");
}

static void
test_period_start (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();

  load_fixture_ok (import, "period.csv");
  mc_result_import_set_today (import, "2026-12-31");
  mc_result_import_set_period (import, "2026-04-01", NULL);
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "Line 2, “Completion date”: “2026-03-01” is before the offering started on "
                   "2026-04-01.\n");
  assert_problems (import, MC_IMPORT_SEVERITY_WARNING, "");
}

/* A grade from each scheme's scale, one outside it, and one that fails:
 * failing is fine, it is recorded and earns no credential. */
static void
test_grades (void)
{
  const struct {
    McGradingScheme scheme;
    const char *scale;
    const char *good;
    const char *failing;
    const char *bad;
    const char *message;
  } schemes[] = {
    { MC_GRADING_NUMERIC, "0–100 %, pass mark 40 %", "40", "39", "B",
      "Line 4, “Grade”: “B” is not a mark of this micro-credential (0–100)\n" },
    { MC_GRADING_NUMERIC, "0–100 %, pass mark 40 %", "100", "0", "101",
      "Line 4, “Grade”: “101” is outside the marks of this micro-credential (0–100)\n" },
    { MC_GRADING_LETTER, "A–F, pass at D", "d", "E", "G",
      "Line 4, “Grade”: “G” is not a grade of this micro-credential (A–F)\n" },
    { MC_GRADING_TIERED, "Not yet competent, competent, expert", "Expert", "not yet competent", "Novice",
      "Line 4, “Grade”: “Novice” is not a grade of this micro-credential (Not yet competent, competent, expert)\n" },
    { MC_GRADING_PASS_FAIL, "", "P", "fail", "Merit",
      "Line 4, “Grade”: “Merit” is not a grade of this micro-credential (Pass, Fail)\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (schemes); i++)
    {
      g_autoptr(McResultImport) import = new_import (schemes[i].scheme, schemes[i].scale);
      g_autofree char *text =
        g_strdup_printf ("Student ID,Name,Grade,Date\nS1,Jane Smith,%s,2026-06-01\n"
                         "S2,Li Wei,%s,2026-06-01\nS3,Ana Lima,%s,2026-06-01\nS4,Bo Berg,,2026-06-01\n",
                         schemes[i].good, schemes[i].failing, schemes[i].bad);
      g_autofree char *expected = g_strconcat (schemes[i].message,
                                               "Line 5, “Grade”: The grade is missing.\n", NULL);

      g_test_message ("scale %s", schemes[i].scale);
      load_text_ok (import, text);
      g_assert_true (mc_result_import_get_row (import, 0)->passed);
      g_assert_nonnull (mc_result_import_get_row (import, 0)->grade);
      g_assert_false (mc_result_import_get_row (import, 1)->passed);
      g_assert_cmpuint (mc_result_import_get_row (import, 1)->problems->len, ==, 0);
      g_assert_null (mc_result_import_get_row (import, 2)->grade);
      g_assert_false (mc_result_import_get_row (import, 2)->passed);
      assert_problems (import, MC_IMPORT_SEVERITY_ERROR, expected);
      assert_problems (import, MC_IMPORT_SEVERITY_WARNING, "");
    }
}

static void
test_grading_not_understood (void)
{
  g_autoptr(McResultImport) import = new_import (MC_GRADING_LETTER, "Excellent to poor");
  g_autoptr(McResultImport) no_scale = mc_result_import_new ();
  const char *text = "Student ID,Name,Grade,Date\nS1,Jane Smith,Excellent,2026-06-01\n"
                     "S2,Li Wei,Fail,2026-06-01\n";

  load_text_ok (import, text);
  assert_problems (import, MC_IMPORT_SEVERITY_WARNING,
                   "Letter grades “Excellent to poor” is not understood; grades are not checked. "
                   "A grade passes unless it reads like a fail (such as “Fail” or “F”); check the "
                   "grades yourself.\n");
  g_assert_true (mc_result_import_is_ready (import));
  g_assert_true (mc_result_import_get_row (import, 0)->passed);
  g_assert_false (mc_result_import_get_row (import, 1)->passed);

  mc_result_import_set_today (no_scale, TODAY);
  load_text_ok (no_scale, text);
  assert_problems (no_scale, MC_IMPORT_SEVERITY_WARNING,
                   "No grading scale is known for these results, so the grades are not checked. "
                   "Check them yourself.\n");
  g_assert_cmpstr (mc_result_import_get_row (no_scale, 0)->grade, ==, "Excellent");
}

static void
test_values (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();
  g_autofree char *long_name = g_strnfill (MC_RESULT_IMPORT_MAX_CELL_CHARS + 1, 'x');
  g_autofree char *text =
    g_strdup_printf ("Student ID,Given name,Family name,Email,Grade,Date\n"
                     ",Jane,Smith,jane@example.org,B,2026-06-01\n"
                     "S2,,,li@example,B,2026-06-01\n"
                     "S3,Ana,%s,ana lima@example.org,B,2026-06-01\n"
                     "S4,Bo,Berg,bo@@example.org,B,\n"
                     "S5,\"Ève\x01\",Roy,eve@example.org,B,2026-06-01\n"
                     "S6,,Ng,ng@example.org,B,2026-06-01\n",
                     long_name);

  load_text_ok (import, text);
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "Line 2, “Student ID”: The student ID is missing.\n"
                   "Line 3, “Family name”: The learner’s name is missing.\n"
                   "Line 3, “Email”: “li@example” is not an email address.\n"
                   "Line 4, “Family name”: This cell is longer than 1000 characters; it cannot be imported.\n"
                   "Line 4, “Email”: “ana lima@example.org” is not an email address.\n"
                   "Line 5, “Email”: “bo@@example.org” is not an email address.\n"
                   "Line 5, “Date”: The completion date is missing.\n"
                   "Line 6, “Given name”: This cell holds an invisible control character; type it again.\n");
  assert_problems (import, MC_IMPORT_SEVERITY_WARNING,
                   "Line 7, “Family name”: Only one name is given; check that the learner has no other name.\n");
  g_assert_cmpstr (mc_result_import_get_row (import, 0)->email, ==, "jane@example.org");
  g_assert_null (mc_result_import_get_row (import, 1)->email);
}

/* Formulas ------------------------------------------------------------------- */

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  g_ptr_array_add (user_data, g_strndup (data != NULL ? data : "", length));
}

/* The cells of a CSV text, read back with libcsv. */
static GPtrArray *
read_cells (const char *csv)
{
  struct csv_parser parser;
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (csv_init (&parser, 0), ==, 0);
  g_assert_cmpuint (csv_parse (&parser, csv, strlen (csv), on_field, NULL, cells), ==, strlen (csv));
  g_assert_cmpint (csv_fini (&parser, on_field, NULL, cells), ==, 0);
  csv_free (&parser);
  return cells;
}

static void
test_formulas (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();
  g_autofree char *csv = NULL;
  g_autoptr(GPtrArray) cells = NULL;
  const char *neutralised[] = {
    "'=1+1", "'=HYPERLINK(\"http://evil.example\",\"click\")", "'@SUM(A1)", "'+B", "'-1",
  };
  const char *warning = "This cell looks like a spreadsheet formula; it is imported as text.";

  load_fixture_ok (import, "formula.csv");
  assert_problems (import, MC_IMPORT_SEVERITY_WARNING,
                   "Column 5, “Notes”, is not a column Microcred knows; it is not imported.\n"
                   "Line 2, “Student ID”: This cell looks like a spreadsheet formula; it is imported as text.\n"
                   "Line 3, “Full name”: This cell looks like a spreadsheet formula; it is imported as text.\n"
                   "Line 4, “Full name”: This cell looks like a spreadsheet formula; it is imported as text.\n"
                   "Line 4, “Full name”: Only one name is given; check that the learner has no other name.\n"
                   "Line 5, “Grade”: This cell looks like a spreadsheet formula; it is imported as text.\n"
                   "Line 6, “Grade”: This cell looks like a spreadsheet formula; it is imported as text.\n");
  /* Imported as text: the ID is the formula's text, never its result. */
  g_assert_cmpstr (mc_result_import_get_row (import, 0)->student_id, ==, "=1+1");

  csv = mc_result_import_write_problems_csv (import);
  g_assert_true (g_str_has_prefix (csv, "Line,Severity,Column,Problem,Value\r\n"));
  g_assert_nonnull (strstr (csv, "\r\n2,Warning,Student ID,\"This cell looks like a spreadsheet "
                                 "formula; it is imported as text.\",'=1+1\r\n"));
  cells = read_cells (csv);
  for (guint i = 0; i < cells->len; i++)
    g_assert_false (mc_csv_looks_like_formula (g_ptr_array_index (cells, i)));
  for (guint n = 0; n < G_N_ELEMENTS (neutralised); n++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < cells->len && !found; i++)
        found = strcmp (g_ptr_array_index (cells, i), neutralised[n]) == 0;
      g_test_message ("%s", neutralised[n]);
      g_assert_true (found);
    }
  g_assert_true (g_ptr_array_find_with_equal_func (cells, warning, g_str_equal, NULL));
}

static void
test_escape_cell (void)
{
  const struct {
    const char *cell;
    const char *escaped;
  } cells[] = {
    { "plain", "plain" }, { "", "" }, { "a,b", "\"a,b\"" }, { "a;b", "\"a;b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" }, { "two\nlines", "\"two\nlines\"" },
    { "=1+2", "'=1+2" }, { "+1", "'+1" }, { "-1", "'-1" }, { "@SUM(A1)", "'@SUM(A1)" },
    { "\tx", "'\tx" }, { "\rx", "\"'\rx\"" }, { "=A1,B1", "\"'=A1,B1\"" },
    { "a=b", "a=b" }, { "Müller", "Müller" }, { "  =1", "'  =1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autofree char *escaped = mc_csv_escape_cell (cells[i].cell);

      g_assert_cmpstr (escaped, ==, cells[i].escaped);
    }
  g_assert_true (mc_csv_looks_like_formula ("=x"));
  g_assert_false (mc_csv_looks_like_formula (""));
  g_assert_false (mc_csv_looks_like_formula (NULL));
  g_assert_false (mc_csv_looks_like_formula ("x="));
  g_assert_false (mc_csv_looks_like_formula ("   "));
  g_assert_true (mc_csv_looks_like_formula (" -1"));
}

static void
test_describe_problem (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();
  const McImportProblem file = { MC_IMPORT_SEVERITY_ERROR, 0, -1, (char *) "About the file." };
  const McImportProblem row = { MC_IMPORT_SEVERITY_ERROR, 7, -1, (char *) "About the row." };
  const McImportProblem unnamed = { MC_IMPORT_SEVERITY_WARNING, 7, 3, (char *) "About a cell." };
  const McImportProblem named = { MC_IMPORT_SEVERITY_WARNING, 7, 2, (char *) "About a cell." };
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  load_text_ok (import, "ID,Name,Grade,,Date\n1,Jo Ng,A,,2026-06-01\n");
  a = mc_result_import_describe_problem (import, &file);
  b = mc_result_import_describe_problem (import, &row);
  c = mc_result_import_describe_problem (import, &unnamed);
  d = mc_result_import_describe_problem (import, &named);
  g_assert_cmpstr (a, ==, "About the file.");
  g_assert_cmpstr (b, ==, "Line 7: About the row.");
  g_assert_cmpstr (c, ==, "Line 7, column 4: About a cell.");
  g_assert_cmpstr (d, ==, "Line 7, “Grade”: About a cell.");
}

/* Size ---------------------------------------------------------------------- */

static GString *
make_rows (guint n_rows,
           guint padding)
{
  GString *text = g_string_new ("Student ID,Name,Grade,Date,Notes\n");
  g_autofree char *notes = g_strnfill (padding, 'n');

  for (guint i = 0; i < n_rows; i++)
    g_string_append_printf (text, "S%06u,Learner Number%u,%c,2026-06-%02u,%s\n",
                            i, i, 'A' + (i % 6), 1 + i % 28, notes);
  return text;
}

static void
test_too_many_rows (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();
  g_autoptr(GString) text = make_rows (MC_RESULT_IMPORT_MAX_ROWS + 1000, 0);
  GPtrArray *problems = NULL;
  McImportProblem *problem = NULL;

  load_text_ok (import, text->str);
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, MC_RESULT_IMPORT_MAX_ROWS);
  /* The rows, then the unknown column "Notes". */
  problems = mc_result_import_get_file_problems (import);
  g_assert_cmpuint (problems->len, ==, 2);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpint (problem->severity, ==, MC_IMPORT_SEVERITY_ERROR);
  g_assert_cmpuint (problem->line, ==, MC_RESULT_IMPORT_MAX_ROWS + 2);
  g_assert_cmpstr (problem->message, ==, "The file has more than 100000 rows; only the first 100000 "
                                         "were read. Import the results in parts.");
  g_assert_cmpuint (mc_result_import_count_problems (import, MC_IMPORT_SEVERITY_ERROR), ==, 1);
  g_assert_false (mc_result_import_is_ready (import));
}

/* Ten MiB of good rows, and ten MiB in one cell: both read in one pass. */
static void
test_large (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();
  g_autoptr(GString) rows = make_rows (90000, 80);
  g_autoptr(GString) cell = g_string_new ("Student ID,Name,Grade,Date\nS1,\"");
  McImportRow *row = NULL;

  g_assert_cmpuint (rows->len, >, 10 * 1024 * 1024);
  load_text_ok (import, rows->str);
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 90000);
  g_assert_true (mc_result_import_is_ready (import));
  assert_row (mc_result_import_get_row (import, 89999), 90001, "S089999", "Learner", "Number89999",
              "F", "2026-06-08", FALSE);

  while (cell->len < 10 * 1024 * 1024)
    g_string_append (cell, "a \"\"quoted\"\" name, and more, ");
  g_string_append (cell, "\",B,2026-06-01\nS2,Li Wei,C,2026-06-01\n");
  load_text_ok (import, cell->str);
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 2);
  row = mc_result_import_get_row (import, 0);
  g_assert_cmpuint (strlen (row->cells[1]), >, 9 * 1024 * 1024);
  assert_problems (import, MC_IMPORT_SEVERITY_ERROR,
                   "Line 2, “Name”: This cell is longer than 1000 characters; it cannot be imported.\n");
  g_assert_cmpuint (mc_result_import_get_row (import, 1)->line, ==, 3);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("mc-result-import-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(McResultImport) import = new_letter_import ();
  g_autoptr(GString) rows = make_rows (10, 0);
  g_autofree char *big = g_malloc (MC_RESULT_IMPORT_MAX_BYTES + 1);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "big.csv", NULL);
  file = g_file_new_for_path (path);

  memset (big, 'x', MC_RESULT_IMPORT_MAX_BYTES + 1);
  g_assert_true (g_file_set_contents (path, big, MC_RESULT_IMPORT_MAX_BYTES + 1, &error));
  g_assert_no_error (error);

  /* A file loaded before is forgotten. */
  load_text_ok (import, rows->str);
  g_assert_false (mc_result_import_load_file (import, file, NULL, &error));
  g_assert_error (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "The file is 20.0\u00a0MiB; results files larger than 20 MiB "
                                       "are not read. Export one offering at a time.");
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 0);
  g_clear_error (&error);

  bytes = g_bytes_new_take (g_steal_pointer (&big), MC_RESULT_IMPORT_MAX_BYTES + 1);
  g_assert_false (mc_result_import_load_bytes (import, bytes, NULL, &error));
  g_assert_error (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_TOO_LARGE);

  g_assert_cmpint (g_unlink (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_too_many_columns (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();
  g_autofree char *commas = g_strnfill (MC_RESULT_IMPORT_MAX_COLUMNS, ',');
  g_autofree char *text = g_strdup_printf ("ID%s\n1\n", commas);
  g_autoptr(GError) error = NULL;

  g_assert_false (load_text (import, text, &error));
  g_assert_error (error, MC_RESULT_IMPORT_ERROR, MC_RESULT_IMPORT_ERROR_NOT_CSV);
}

/* Loading ------------------------------------------------------------------- */

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  g_assert_false (*error != NULL);
  if (!mc_result_import_load_file_finish (MC_RESULT_IMPORT (source), result, error))
    g_assert_nonnull (*error);
  else
    *error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_EXISTS, "loaded");
}

static void
test_async (void)
{
  g_autoptr(McResultImport) import = new_numeric_import ();
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", "csv", "utf8.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path ("/nonexistent/results.csv");
  GError *outcome = NULL;

  mc_result_import_load_file_async (import, file, NULL, on_loaded, &outcome);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&outcome);
  assert_three_learners (import);

  mc_result_import_load_file_async (import, missing, NULL, on_loaded, &outcome);
  while (outcome == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&outcome);
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 0);
}

static void
test_cancelled (void)
{
  g_autoptr(McResultImport) import = new_letter_import ();
  g_autoptr(GString) text = make_rows (10000, 0);
  g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (mc_result_import_load_bytes (import, bytes, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (mc_result_import_get_n_rows (import), ==, 0);
}

static void
test_column_labels (void)
{
  g_autoptr(GEnumClass) roles = g_type_class_ref (MC_TYPE_IMPORT_COLUMN);

  g_assert_cmpuint (roles->n_values, ==, MC_IMPORT_COLUMN_IGNORE + 1);
  for (guint i = 0; i < roles->n_values; i++)
    g_assert_cmpstr (mc_import_column_get_label (roles->values[i].value), !=, "");
  g_assert_cmpstr (mc_import_column_get_label (MC_IMPORT_COLUMN_COMPLETED_ON), ==, "Completion date");
  g_assert_cmpstr (g_enum_get_value (roles, MC_IMPORT_COLUMN_DATE_OF_BIRTH)->value_nick, ==, "date-of-birth");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/credential/result-import/encodings", test_encodings);
  g_test_add_func ("/credential/result-import/cp1252-warning", test_cp1252_warning);
  g_test_add_func ("/credential/result-import/utf16-without-bom", test_utf16_without_bom);
  g_test_add_func ("/credential/result-import/refused-files", test_refused_files);
  g_test_add_func ("/credential/result-import/empty", test_empty_fixture);
  g_test_add_func ("/credential/result-import/nul", test_nul);
  g_test_add_func ("/credential/result-import/header-only", test_header_only);
  g_test_add_func ("/credential/result-import/semicolon", test_semicolon);
  g_test_add_func ("/credential/result-import/tab", test_tab);
  g_test_add_func ("/credential/result-import/quoted", test_quoted);
  g_test_add_func ("/credential/result-import/unterminated-quote", test_unterminated_quote);
  g_test_add_func ("/credential/result-import/line-ends", test_line_ends);
  g_test_add_func ("/credential/result-import/extra-cells", test_extra_cells);
  g_test_add_func ("/credential/result-import/aliases", test_aliases);
  g_test_add_func ("/credential/result-import/heading-variants", test_heading_variants);
  g_test_add_func ("/credential/result-import/missing-columns", test_missing_columns);
  g_test_add_func ("/credential/result-import/column-conflict", test_column_conflict);
  g_test_add_func ("/credential/result-import/mapping-round-trip", test_mapping_round_trip);
  g_test_add_func ("/credential/result-import/mapping-refused", test_mapping_refused);
  g_test_add_func ("/credential/result-import/duplicates", test_duplicates);
  g_test_add_func ("/credential/result-import/bad-dates", test_bad_dates);
  g_test_add_func ("/credential/result-import/period", test_period);
  g_test_add_func ("/credential/result-import/period-start", test_period_start);
  g_test_add_func ("/credential/result-import/grades", test_grades);
  g_test_add_func ("/credential/result-import/grading-not-understood", test_grading_not_understood);
  g_test_add_func ("/credential/result-import/values", test_values);
  g_test_add_func ("/credential/result-import/formulas", test_formulas);
  g_test_add_func ("/credential/result-import/escape-cell", test_escape_cell);
  g_test_add_func ("/credential/result-import/describe-problem", test_describe_problem);
  g_test_add_func ("/credential/result-import/too-many-rows", test_too_many_rows);
  g_test_add_func ("/credential/result-import/large", test_large);
  g_test_add_func ("/credential/result-import/too-large", test_too_large);
  g_test_add_func ("/credential/result-import/too-many-columns", test_too_many_columns);
  g_test_add_func ("/credential/result-import/async", test_async);
  g_test_add_func ("/credential/result-import/cancelled", test_cancelled);
  g_test_add_func ("/credential/result-import/column-labels", test_column_labels);
  return g_test_run ();
}
