/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-core.h"

/* One grade and what the scale should make of it: @normalised NULL means
 * the grade is refused. */
typedef struct {
  const char *grade;
  const char *normalised;
  gboolean    passed;
} GradeCase;

static void
assert_grades (McGradingScale  *scale,
               const GradeCase *cases,
               guint            n_cases)
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normalised = NULL;
      gboolean passed = !cases[i].passed;
      gboolean ok = mc_grading_scale_check (scale, cases[i].grade, &passed, &normalised, &error);

      g_test_message ("grade “%s”", cases[i].grade);
      if (cases[i].normalised == NULL)
        {
          g_assert_false (ok);
          g_assert_error (error, MC_GRADING_SCALE_ERROR, MC_GRADING_SCALE_ERROR_NOT_A_GRADE);
          g_assert_null (normalised);
          continue;
        }
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpstr (normalised, ==, cases[i].normalised);
      g_assert_cmpint (passed, ==, cases[i].passed);
    }
}

static void
assert_description (McGradingScale *scale,
                    const char     *expected)
{
  g_autofree char *description = mc_grading_scale_describe (scale);

  g_assert_cmpstr (description, ==, expected);
}

static void
assert_refused_with (McGradingScale *scale,
                     const char     *grade,
                     const char     *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_grading_scale_check (scale, grade, NULL, NULL, &error));
  g_assert_error (error, MC_GRADING_SCALE_ERROR, MC_GRADING_SCALE_ERROR_NOT_A_GRADE);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_numeric_demo (void)
{
  g_autoptr(McGradingScale) scale =
    mc_grading_scale_new_from_text (MC_GRADING_NUMERIC, "0–100 %, pass mark 40 %");
  const GradeCase cases[] = {
    { "40", "40", TRUE }, { "39.5", "39.5", FALSE }, { "67,5", "67.5", TRUE },
    { " 100 % ", "100", TRUE }, { "0", "0", FALSE }, { "071", "71", TRUE },
    { "101", NULL, FALSE }, { "-1", NULL, FALSE }, { "B", NULL, FALSE },
    { "4O", NULL, FALSE }, { "nan", NULL, FALSE }, { "inf", NULL, FALSE },
    { "1e2", NULL, FALSE }, { "50.", NULL, FALSE }, { ".5", NULL, FALSE },
    { "1.2.3", NULL, FALSE }, { "%", NULL, FALSE },
  };

  g_assert_true (mc_grading_scale_is_understood (scale));
  g_assert_cmpint (mc_grading_scale_get_scheme (scale), ==, MC_GRADING_NUMERIC);
  assert_grades (scale, cases, G_N_ELEMENTS (cases));
  assert_description (scale, "Numeric 0–100, pass mark 40");
  assert_refused_with (scale, "B", "“B” is not a mark of this micro-credential (0–100)");
  assert_refused_with (scale, "101", "“101” is outside the marks of this micro-credential (0–100)");
  assert_refused_with (scale, "  ", "No grade is given");
}

static void
test_numeric_shapes (void)
{
  const struct {
    const char *text;
    const char *description;
    const char *passing;
    const char *failing;
  } shapes[] = {
    { "0 to 20, pass at 10", "Numeric 0–20, pass mark 10", "10", "9.99" },
    { "Marks out of 20; 10 needed to pass", "Numeric 0–20, pass mark 10", "20", "9" },
    { "Percentage, 50% or above", "Numeric 0–100, pass mark 50", "50 %", "49" },
    { "1-5 (minimum 3)", "Numeric 1–5, pass mark 3", "3", "2" },
    { "100—0, pass mark: 45", "Numeric 0–100, pass mark 45", "45", "44" },
    { "Score 0..10, pass is 5.5", "Numeric 0–10, pass mark 5.5", "5,5", "5.4" },
    { "1–10, pass mark 5,5", "Numeric 1–10, pass mark 5.5", "5.5", "5" },
    { "0–20, 12,5 or above", "Numeric 0–20, pass mark 12.5", "12,5", "12,4" },
    { "0-100", "Numeric 0–100, no pass mark: every mark passes", "0", NULL },
    { "%", "Numeric 0–100, no pass mark: every mark passes", "3", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    {
      g_autoptr(McGradingScale) scale = mc_grading_scale_new_from_text (MC_GRADING_NUMERIC,
                                                                         shapes[i].text);
      gboolean passed = FALSE;

      g_test_message ("scale “%s”", shapes[i].text);
      g_assert_true (mc_grading_scale_is_understood (scale));
      assert_description (scale, shapes[i].description);
      g_assert_true (mc_grading_scale_check (scale, shapes[i].passing, &passed, NULL, NULL));
      g_assert_true (passed);
      if (shapes[i].failing != NULL)
        {
          g_assert_true (mc_grading_scale_check (scale, shapes[i].failing, &passed, NULL, NULL));
          g_assert_false (passed);
        }
    }
}

static void
test_letter_range (void)
{
  g_autoptr(McGradingScale) scale = mc_grading_scale_new_from_text (MC_GRADING_LETTER,
                                                                     "A–F, pass at D");
  const GradeCase cases[] = {
    { "A", "A", TRUE }, { "b", "B", TRUE }, { " D ", "D", TRUE }, { "E", "E", FALSE },
    { "f", "F", FALSE }, { "B+", "B+", TRUE }, { "d-", "D-", TRUE }, { "C−", "C-", TRUE },
    { "E+", "E+", FALSE }, { "G", NULL, FALSE }, { "AA", NULL, FALSE }, { "+", NULL, FALSE },
    { "A++", NULL, FALSE }, { "70", NULL, FALSE }, { "Pass", NULL, FALSE },
  };

  g_assert_true (mc_grading_scale_is_understood (scale));
  assert_grades (scale, cases, G_N_ELEMENTS (cases));
  assert_description (scale, "Letter grades A–F, pass at D");
  assert_refused_with (scale, "G", "“G” is not a grade of this micro-credential (A–F)");
}

static void
test_letter_shapes (void)
{
  g_autoptr(McGradingScale) no_pass = mc_grading_scale_new_from_text (MC_GRADING_LETTER, "A to F");
  g_autoptr(McGradingScale) list = mc_grading_scale_new_from_text (MC_GRADING_LETTER,
                                                                    "A, B, C, D, E, FX, F");
  g_autoptr(McGradingScale) better = mc_grading_scale_new_from_text (MC_GRADING_LETTER,
                                                                      "A/B/C/D/E, C or better");
  g_autoptr(McGradingScale) short_range = mc_grading_scale_new_from_text (MC_GRADING_LETTER, "A-C");
  const GradeCase list_cases[] = {
    { "a", "A", TRUE }, { "E", "E", TRUE }, { "fx", "FX", FALSE }, { "F", "F", FALSE },
    { "B+", NULL, FALSE }, { "G", NULL, FALSE },
  };
  const GradeCase better_cases[] = {
    { "C", "C", TRUE }, { "D", "D", FALSE }, { "E", "E", FALSE }, { "A", "A", TRUE },
  };

  g_assert_true (mc_grading_scale_is_understood (no_pass));
  assert_description (no_pass, "Letter grades A–F, pass at E");
  g_assert_true (mc_grading_scale_is_understood (list));
  assert_grades (list, list_cases, G_N_ELEMENTS (list_cases));
  assert_description (list, "Letter grades A, B, C, D, E, FX, F, pass at E");
  assert_refused_with (list, "G", "“G” is not a grade of this micro-credential (A, B, C, D, E, FX, F)");
  g_assert_true (mc_grading_scale_is_understood (better));
  assert_grades (better, better_cases, G_N_ELEMENTS (better_cases));
  assert_description (short_range, "Letter grades A–C, all pass");
}

static void
test_tiered (void)
{
  g_autoptr(McGradingScale) demo = mc_grading_scale_new_from_text (MC_GRADING_TIERED,
                                                                    "Novice, proficient, expert");
  g_autoptr(McGradingScale) competence =
    mc_grading_scale_new_from_text (MC_GRADING_TIERED, "Not yet competent / Competent / Advanced");
  g_autoptr(McGradingScale) descending =
    mc_grading_scale_new_from_text (MC_GRADING_TIERED, "Distinction, Merit, Pass, Fail");
  g_autoptr(McGradingScale) threshold =
    mc_grading_scale_new_from_text (MC_GRADING_TIERED, "Novice, proficient, expert; pass at proficient");
  g_autoptr(McGradingScale) descending_threshold =
    mc_grading_scale_new_from_text (MC_GRADING_TIERED, "Distinction, Merit, Pass, Fail (pass mark: Merit)");
  const GradeCase demo_cases[] = {
    { "novice", "Novice", TRUE }, { "PROFICIENT", "proficient", TRUE },
    { "  expert ", "expert", TRUE }, { "master", NULL, FALSE }, { "Pass", NULL, FALSE },
  };
  const GradeCase competence_cases[] = {
    { "not yet  competent", "Not yet competent", FALSE }, { "competent", "Competent", TRUE },
  };
  const GradeCase threshold_cases[] = {
    { "Novice", "Novice", FALSE }, { "proficient", "proficient", TRUE }, { "Expert", "expert", TRUE },
  };
  const GradeCase descending_cases[] = {
    { "Distinction", "Distinction", TRUE }, { "merit", "Merit", TRUE }, { "Pass", "Pass", FALSE },
    { "fail", "Fail", FALSE },
  };

  g_assert_true (mc_grading_scale_is_understood (demo));
  assert_grades (demo, demo_cases, G_N_ELEMENTS (demo_cases));
  assert_description (demo, "Tiers Novice, proficient, expert, all pass");
  assert_refused_with (demo, "master",
                       "“master” is not a grade of this micro-credential (Novice, proficient, expert)");
  assert_grades (competence, competence_cases, G_N_ELEMENTS (competence_cases));
  assert_description (competence, "Tiers Not yet competent, Competent, Advanced, pass at Competent");
  assert_description (descending, "Tiers Distinction, Merit, Pass, Fail, pass at Pass");
  assert_grades (threshold, threshold_cases, G_N_ELEMENTS (threshold_cases));
  assert_grades (descending_threshold, descending_cases, G_N_ELEMENTS (descending_cases));
}

static void
test_pass_fail (void)
{
  const char *texts[] = { NULL, "", "Pass / Fail", "pass or fail" };
  const GradeCase cases[] = {
    { "Pass", "Pass", TRUE }, { "PASS", "Pass", TRUE }, { "p", "Pass", TRUE },
    { "Passed", "Pass", TRUE }, { "fail", "Fail", FALSE }, { "F", "Fail", FALSE },
    { "failed", "Fail", FALSE }, { "Merit", NULL, FALSE }, { "1", NULL, FALSE },
  };
  g_autoptr(McGradingScale) words =
    mc_grading_scale_new_from_text (MC_GRADING_PASS_FAIL, "Competent / Not yet competent");
  g_autoptr(McGradingScale) reversed =
    mc_grading_scale_new_from_text (MC_GRADING_PASS_FAIL, "Unsatisfactory or Satisfactory");
  const GradeCase word_cases[] = {
    { "competent", "Competent", TRUE }, { "NOT YET COMPETENT", "Not yet competent", FALSE },
    { "P", "Competent", TRUE }, { "Fail", "Not yet competent", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(McGradingScale) scale = mc_grading_scale_new_from_text (MC_GRADING_PASS_FAIL, texts[i]);

      g_assert_true (mc_grading_scale_is_understood (scale));
      assert_grades (scale, cases, G_N_ELEMENTS (cases));
      assert_description (scale, "Pass or fail: Pass, Fail");
    }
  assert_grades (words, word_cases, G_N_ELEMENTS (word_cases));
  assert_description (words, "Pass or fail: Competent, Not yet competent");
  assert_description (reversed, "Pass or fail: Satisfactory, Unsatisfactory");
}

/* Texts that name no grades the reader can trust: every grade goes
 * through, failing words fail, and the description says so. */
static void
test_not_understood (void)
{
  const struct {
    McGradingScheme scheme;
    const char *text;
    const char *description;
  } scales[] = {
    { MC_GRADING_UNSET, "A–F", "No grading scheme is set; grades are not checked" },
    { MC_GRADING_NUMERIC, NULL, "Numeric marks, with no grades stated; grades are not checked" },
    { MC_GRADING_NUMERIC, "Marks as usual", "Numeric marks “Marks as usual” is not understood; grades are not checked" },
    { MC_GRADING_NUMERIC, "0–100, pass mark 140", NULL },
    { MC_GRADING_NUMERIC, "5-5", NULL },
    { MC_GRADING_LETTER, "", NULL },
    { MC_GRADING_LETTER, "A–F, pass at G", NULL },
    { MC_GRADING_LETTER, "Excellent, good", NULL },
    { MC_GRADING_TIERED, "Competent", NULL },
    { MC_GRADING_TIERED, "Novice, expert, pass at master", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      g_autoptr(McGradingScale) scale = mc_grading_scale_new_from_text (scales[i].scheme, scales[i].text);
      g_autofree char *normalised = NULL;
      gboolean passed = FALSE;

      g_test_message ("scale “%s”", scales[i].text);
      g_assert_false (mc_grading_scale_is_understood (scale));
      if (scales[i].description != NULL)
        assert_description (scale, scales[i].description);
      g_assert_true (mc_grading_scale_check (scale, " Whatever 7 ", &passed, &normalised, NULL));
      g_assert_true (passed);
      g_assert_cmpstr (normalised, ==, "Whatever 7");
      g_assert_true (mc_grading_scale_check (scale, "Not yet competent", &passed, NULL, NULL));
      g_assert_false (passed);
      g_assert_true (mc_grading_scale_check (scale, "F", &passed, NULL, NULL));
      g_assert_false (passed);
      g_assert_false (mc_grading_scale_check (scale, "", &passed, NULL, NULL));
    }
}

/* The scales of the demo institution's designs, read from their revisions. */
static void
test_from_revision (void)
{
  g_autoptr(McRevision) revision = mc_revision_new ();
  g_autoptr(McGradingScale) numeric = NULL;
  g_autoptr(McGradingScale) unset = NULL;

  unset = mc_grading_scale_new (revision);
  g_assert_false (mc_grading_scale_is_understood (unset));
  g_assert_cmpint (mc_grading_scale_get_scheme (unset), ==, MC_GRADING_UNSET);

  mc_revision_set_int (revision, "grading_scheme", MC_GRADING_NUMERIC);
  mc_revision_set_string (revision, "grading_scale", "0–100 %, pass mark 40 %");
  numeric = mc_grading_scale_new (revision);
  g_assert_true (mc_grading_scale_is_understood (numeric));
  g_assert_cmpstr (mc_grading_scale_get_text (numeric), ==, "0–100 %, pass mark 40 %");
  assert_description (numeric, "Numeric 0–100, pass mark 40");
}

static void
test_demo_designs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);
  g_autoptr(GPtrArray) all = NULL;
  McDesignQuery query = MC_DESIGN_QUERY_INIT;
  guint understood = 0;

  g_assert_no_error (error);
  g_assert_true (mc_demo_populate (store, &error));
  all = mc_store_query_designs (store, &query, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      g_autoptr(McDesign) design =
        mc_store_load_design (store, mc_design_summary_get_id (g_ptr_array_index (all, i)), &error);
      McRevision *content = NULL;
      g_autoptr(McGradingScale) scale = NULL;

      g_assert_no_error (error);
      content = mc_design_get_content (design);
      scale = mc_grading_scale_new (content);
      if (mc_revision_field_is_empty (content, "grading_scale") &&
          mc_revision_get_int (content, "grading_scheme") != MC_GRADING_PASS_FAIL)
        continue;
      g_test_message ("%s: %s", mc_revision_get_title (content),
                      mc_revision_get_string (content, "grading_scale"));
      g_assert_true (mc_grading_scale_is_understood (scale));
      understood++;
    }
  g_assert_cmpuint (understood, >=, 5);
}

/* What a writer of another format (Open Badges) reads back. */
static void
test_read_back_marks (void)
{
  g_autoptr(McGradingScale) percent = mc_grading_scale_new_from_text (MC_GRADING_NUMERIC,
                                                                       "0–100 %, pass mark 40 %");
  g_autoptr(McGradingScale) scaled = mc_grading_scale_new_from_text (MC_GRADING_NUMERIC, "10 to 1");
  g_autoptr(McGradingScale) unread = mc_grading_scale_new_from_text (MC_GRADING_NUMERIC, "good marks");
  g_autofree char *mark = mc_grading_scale_format_mark (67.5);
  g_autofree char *whole = mc_grading_scale_format_mark (40);
  double min = -1;
  double max = -1;
  double pass_mark = -1;

  g_assert_true (mc_grading_scale_get_range (percent, &min, &max));
  g_assert_cmpfloat (min, ==, 0);
  g_assert_cmpfloat (max, ==, 100);
  g_assert_true (mc_grading_scale_get_pass_mark (percent, &pass_mark));
  g_assert_cmpfloat (pass_mark, ==, 40);
  g_assert_true (mc_grading_scale_is_percentage (percent));
  g_assert_cmpuint (mc_grading_scale_get_n_grades (percent), ==, 0);
  g_assert_null (mc_grading_scale_get_pass_grade (percent));

  g_assert_true (mc_grading_scale_get_range (scaled, &min, &max));
  g_assert_cmpfloat (min, ==, 1);
  g_assert_cmpfloat (max, ==, 10);
  g_assert_false (mc_grading_scale_get_pass_mark (scaled, NULL));
  g_assert_false (mc_grading_scale_is_percentage (scaled));

  g_assert_false (mc_grading_scale_get_range (unread, NULL, NULL));
  g_assert_false (mc_grading_scale_get_pass_mark (unread, NULL));

  g_assert_cmpstr (mark, ==, "67.5");
  g_assert_cmpstr (whole, ==, "40");
}

static void
test_read_back_grades (void)
{
  g_autoptr(McGradingScale) letters = mc_grading_scale_new_from_text (MC_GRADING_LETTER, "A–F, pass at D");
  g_autoptr(McGradingScale) tiers = mc_grading_scale_new_from_text (MC_GRADING_TIERED,
                                                                     "Distinction, merit, pass, fail");
  g_autoptr(McGradingScale) all_pass = mc_grading_scale_new_from_text (MC_GRADING_TIERED,
                                                                        "Novice, proficient, expert");
  g_autoptr(McGradingScale) words = mc_grading_scale_new_from_text (MC_GRADING_PASS_FAIL, "Fail / Pass");
  g_autoptr(McGradingScale) unread = mc_grading_scale_new_from_text (MC_GRADING_LETTER, "Excellent");
  gboolean passes = FALSE;

  g_assert_cmpuint (mc_grading_scale_get_n_grades (letters), ==, 6);
  g_assert_cmpstr (mc_grading_scale_get_grade (letters, 0, &passes), ==, "A");
  g_assert_true (passes);
  g_assert_cmpstr (mc_grading_scale_get_grade (letters, 4, &passes), ==, "E");
  g_assert_false (passes);
  g_assert_cmpstr (mc_grading_scale_get_pass_grade (letters), ==, "D");
  g_assert_cmpint (mc_grading_scale_find_grade (letters, " b+ "), ==, 1);
  g_assert_cmpint (mc_grading_scale_find_grade (letters, "G"), ==, -1);
  g_assert_false (mc_grading_scale_get_range (letters, NULL, NULL));

  /* Best first: the passing tiers are at the start of the list. */
  g_assert_cmpstr (mc_grading_scale_get_pass_grade (tiers), ==, "pass");
  g_assert_cmpint (mc_grading_scale_find_grade (tiers, "MERIT"), ==, 1);
  g_assert_null (mc_grading_scale_get_pass_grade (all_pass));
  g_assert_cmpint (mc_grading_scale_find_grade (all_pass, "expert"), ==, 2);

  g_assert_cmpuint (mc_grading_scale_get_n_grades (words), ==, 2);
  g_assert_cmpstr (mc_grading_scale_get_grade (words, 0, NULL), ==, "Pass");
  g_assert_cmpstr (mc_grading_scale_get_pass_grade (words), ==, "Pass");
  g_assert_cmpint (mc_grading_scale_find_grade (words, "failed"), ==, 1);

  g_assert_cmpuint (mc_grading_scale_get_n_grades (unread), ==, 0);
  g_assert_null (mc_grading_scale_get_pass_grade (unread));
  g_assert_cmpint (mc_grading_scale_find_grade (unread, "Excellent"), ==, -1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/core/grading-scale/numeric-demo", test_numeric_demo);
  g_test_add_func ("/core/grading-scale/numeric-shapes", test_numeric_shapes);
  g_test_add_func ("/core/grading-scale/letter-range", test_letter_range);
  g_test_add_func ("/core/grading-scale/letter-shapes", test_letter_shapes);
  g_test_add_func ("/core/grading-scale/tiered", test_tiered);
  g_test_add_func ("/core/grading-scale/pass-fail", test_pass_fail);
  g_test_add_func ("/core/grading-scale/not-understood", test_not_understood);
  g_test_add_func ("/core/grading-scale/from-revision", test_from_revision);
  g_test_add_func ("/core/grading-scale/demo-designs", test_demo_designs);
  g_test_add_func ("/core/grading-scale/read-back-marks", test_read_back_marks);
  g_test_add_func ("/core/grading-scale/read-back-grades", test_read_back_grades);
  return g_test_run ();
}
