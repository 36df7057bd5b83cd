/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-core.h"
#include "mc-template-private.h"

/* Helpers */

#define CRITERION_A "{\"id\": \"a\", \"title\": \"A\", \"answer\": \"rating\"}"

/* A template file with @members added at the top level (each followed by a
 * comma) and @criteria as its list of criteria. */
static char *
template_json (const char *members,
               const char *criteria)
{
  return g_strdup_printf ("{\"format\": \"io.github.microcred.review-template\", \"version\": 1, "
                          "\"key\": \"test\", \"kind\": \"approval\", \"title\": \"Test\", "
                          "%s \"criteria\": [%s]}", members, criteria);
}

static McTemplate *
parse (const char  *json,
       GError     **error)
{
  return mc_template_new_from_json (json, -1, error);
}

static void
assert_refused (const char *json,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McTemplate) template = parse (json, &error);

  g_assert_null (template);
  g_assert_error (error, MC_TEMPLATE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” refused with “%s”, expected “%s”", json, error->message, message);
}

static void
assert_criteria_refused (const char *criteria,
                         const char *message)
{
  g_autofree char *json = template_json ("", criteria);

  assert_refused (json, MC_TEMPLATE_ERROR_INVALID, message);
}

static McCriterion *
criterion (const char   *id,
           const char   *title,
           McAnswerKind  answer)
{
  return mc_criterion_new (id, title, answer);
}

static McTemplate *
small_template (void)
{
  McTemplate *template = mc_template_new ("small", MC_TEMPLATE_KIND_ANNUAL, "Small");
  const char *ids[] = { "one", "two", "three" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(McCriterion) c = criterion (ids[i], ids[i], MC_ANSWER_KIND_RATING);

      g_assert_true (mc_template_insert_criterion (template, i, c));
    }
  return template;
}

static char *
criterion_ids (McTemplate *template)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < mc_template_get_n_criteria (template); i++)
    g_string_append_printf (ids, "%s%s", i ? " " : "", mc_template_get_criterion (template, i)->id);
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
assert_check_fails (McTemplate *template,
                    const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (mc_template_check (template, &error));
  g_assert_error (error, MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

/* Built-in templates */

static void
assert_translatable (const char *text)
{
  /* The tests run untranslated, so the stored text is the message id. */
  if (!g_strv_contains (_mc_template_get_builtin_strings (), text))
    g_error ("“%s” is not in the built-in strings of mc-template-builtin.c", text);
}

static void
test_builtin (void)
{
  static const struct {
    McTemplateKind kind;
    const char    *key;
    guint          n_criteria;
  } builtin[] = {
    { MC_TEMPLATE_KIND_APPROVAL, "approval-esg", 10 },
    { MC_TEMPLATE_KIND_ANNUAL, "annual-review", 5 },
    { MC_TEMPLATE_KIND_MODIFICATION, "minor-modification", 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McTemplate) template = mc_template_load_builtin (builtin[i].kind, &error);

      g_assert_no_error (error);
      g_assert_true (mc_template_check (template, &error));
      g_assert_cmpint (mc_template_get_kind (template), ==, builtin[i].kind);
      g_assert_cmpstr (mc_template_get_key (template), ==, builtin[i].key);
      g_assert_cmpint (mc_template_get_id (template), ==, 0);
      g_assert_cmpuint (mc_template_get_version (template), ==, 0);
      g_assert_cmpuint (mc_template_get_n_criteria (template), ==, builtin[i].n_criteria);

      assert_translatable (mc_template_get_title (template));
      assert_translatable (mc_template_get_description (template));
      for (guint c = 0; c < mc_template_get_n_criteria (template); c++)
        {
          const McCriterion *criterion = mc_template_get_criterion (template, c);

          assert_translatable (criterion->title);
          assert_translatable (criterion->guidance);
          g_assert_true (criterion->required);
          /* Every approval criterion is rated and points at the design. */
          if (builtin[i].kind == MC_TEMPLATE_KIND_APPROVAL)
            {
              g_assert_cmpint (criterion->answer, ==, MC_ANSWER_KIND_RATING);
              g_assert_cmpuint (g_strv_length (criterion->fields), >, 0);
            }
        }
    }
}

/* The yearly review asks the questions of the institution's procedure. */
static void
test_builtin_annual (void)
{
  static const struct {
    const char   *id;
    McAnswerKind  answer;
  } expected[] = {
    { "meeting-purpose", MC_ANSWER_KIND_RATING },
    { "student-evaluations", MC_ANSWER_KIND_TEXT },
    { "methods-appropriate", MC_ANSWER_KIND_RATING },
    { "outcomes-appropriate", MC_ANSWER_KIND_RATING },
    { "external-support", MC_ANSWER_KIND_RATING },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(McTemplate) template = mc_template_load_builtin (MC_TEMPLATE_KIND_ANNUAL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      guint index = G_MAXUINT;
      const McCriterion *c = mc_template_find_criterion (template, expected[i].id, &index);

      g_assert_nonnull (c);
      g_assert_cmpuint (index, ==, i);
      g_assert_cmpint (c->answer, ==, expected[i].answer);
    }
  g_assert_null (mc_template_find_criterion (template, "no-such-criterion", NULL));
}

/* Round trip */

static void
assert_round_trip (McTemplate *template)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = mc_template_to_json (template);
  g_autoptr(McTemplate) parsed = parse (json, &error);
  g_autofree char *again = NULL;

  g_assert_no_error (error);
  g_assert_true (mc_template_equal_content (template, parsed));
  again = mc_template_to_json (parsed);
  g_assert_cmpstr (again, ==, json);
}

static void
test_round_trip (void)
{
  g_autoptr(McTemplate) template = small_template ();
  g_autoptr(McCriterion) full = criterion ("full", "Ünïcödé “quotes” and \\ \"escapes\"",
                                           MC_ANSWER_KIND_TEXT);

  for (McTemplateKind kind = MC_TEMPLATE_KIND_APPROVAL; kind <= MC_TEMPLATE_KIND_MODIFICATION; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(McTemplate) builtin = mc_template_load_builtin (kind, &error);

      g_assert_no_error (error);
      assert_round_trip (builtin);
    }

  g_free (full->guidance);
  full->guidance = g_strdup ("Two\nparagraphs\twith a tab.");
  full->required = TRUE;
  g_strfreev (full->fields);
  full->fields = g_strsplit ("partners ects outcomes", " ", -1);
  g_assert_true (mc_template_insert_criterion (template, 1, full));
  mc_template_set_description (template, "A description\nover two lines.");
  assert_round_trip (template);
}

/* Members absent from a file take their defaults; the writer puts them all in. */
static void
test_defaults (void)
{
  g_autofree char *json = template_json ("", CRITERION_A);
  g_autoptr(GError) error = NULL;
  g_autoptr(McTemplate) template = parse (json, &error);
  const McCriterion *c;
  g_autofree char *written = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (mc_template_get_description (template), ==, "");
  c = mc_template_get_criterion (template, 0);
  g_assert_cmpstr (c->guidance, ==, "");
  g_assert_cmpstr (mc_criterion_get_guidance (c), ==, "");
  g_assert_false (c->required);
  g_assert_cmpuint (g_strv_length (c->fields), ==, 0);

  written = mc_template_to_json (template);
  g_assert_nonnull (strstr (written, "\"description\" : \"\""));
  g_assert_nonnull (strstr (written, "\"required\" : false"));
  g_assert_nonnull (strstr (written, "\"fields\" : []"));
  /* Neither the id nor the version is part of the file. */
  g_assert_null (strstr (written, "\"id\" : 0"));
  g_assert_true (g_str_has_suffix (written, "}\n"));
}

/* Malformed files */

static void
test_not_a_template (void)
{
  assert_refused ("", MC_TEMPLATE_ERROR_SYNTAX, "The file is empty.");
  assert_refused ("{\"format\": ", MC_TEMPLATE_ERROR_SYNTAX, "not valid JSON");
  assert_refused ("[1, 2]", MC_TEMPLATE_ERROR_FORMAT,
                  "This is not a review template: “format” must be “io.github.microcred.review-template”");
  assert_refused ("{\"format\": \"io.github.microcred.profile\", \"version\": 1}",
                  MC_TEMPLATE_ERROR_FORMAT, "This is not a review template");
  assert_refused ("{\"format\": \"io.github.microcred.review-template\"}", MC_TEMPLATE_ERROR_FORMAT,
                  "Review template: “version” must be the whole number of the format version");
  assert_refused ("{\"format\": \"io.github.microcred.review-template\", \"version\": \"1\"}",
                  MC_TEMPLATE_ERROR_FORMAT, "“version” must be the whole number");
  assert_refused ("{\"format\": \"io.github.microcred.review-template\", \"version\": 2}",
                  MC_TEMPLATE_ERROR_FORMAT,
                  "Review template: the file has format version 2, but only version 1 is understood");
}

static void
test_encoding (void)
{
  static const char nul[] = "{\"format\": \"io.github\0.microcred.review-template\"}";
  g_autofree char *bad_utf8 = template_json ("\"description\": \"caf\xe9\",", CRITERION_A);
  g_autofree char *deep = g_strnfill (10000, '[');
  g_autofree char *huge = g_malloc (MC_TEMPLATE_MAX_BYTES + 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(McTemplate) template = mc_template_new_from_json (nul, sizeof nul - 1, &error);

  g_assert_null (template);
  g_assert_error (error, MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_ENCODING);
  assert_refused (bad_utf8, MC_TEMPLATE_ERROR_ENCODING, "not valid UTF-8");
  assert_refused (deep, MC_TEMPLATE_ERROR_SYNTAX, "levels deep");

  /* json-glib decodes a lone surrogate escape followed by more text into
   * bytes that are not UTF-8: such texts are refused, and messages that
   * quote them stay valid text. */
  assert_criteria_refused ("{\"id\": \"a\", \"title\": \"x\\ud800y\", \"answer\": \"rating\"}",
                           "Criterion 1 (“a”): the title is not valid UTF-8 text");
  assert_criteria_refused ("{\"id\": \"a\", \"title\": \"A\", \"guidance\": \"\\udc00z\", "
                           "\"answer\": \"rating\"}",
                           "Criterion 1 (“a”): “guidance” is not valid UTF-8 text");
  assert_criteria_refused ("{\"id\": \"a\", \"title\": \"A\", \"answer\": \"\\ud800x\"}",
                           "Criterion 1 (“a”): “answer” is “");
  assert_criteria_refused ("{\"id\": \"a\", \"title\": \"A\", \"answer\": \"text\", "
                           "\"fields\": [\"\\ud800x\"]}",
                           "” is not a field of a design");

  /* The size is judged before anything is read. */
  memset (huge, ' ', MC_TEMPLATE_MAX_BYTES + 1);
  huge[MC_TEMPLATE_MAX_BYTES + 1] = '\0';
  assert_refused (huge, MC_TEMPLATE_ERROR_TOO_LARGE, "too large");
}

static void
test_bad_members (void)
{
  static const struct {
    const char *members;
    const char *message;
  } cases[] = {
    { "\"revision\": 3,", "Review template: unknown member “revision”" },
    { "\"description\": 3,", "Review template: “description” must be text" },
    { "\"description\": null,", "Review template: “description” must be text" },
    { "\"kind\": \"yearly\",",
      "Review template: “kind” is “yearly”; it must be one of: approval, annual, modification" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = template_json (cases[i].members, CRITERION_A);

      assert_refused (json, MC_TEMPLATE_ERROR_INVALID, cases[i].message);
    }

  assert_refused ("{\"format\": \"io.github.microcred.review-template\", \"version\": 1, "
                  "\"kind\": \"annual\", \"title\": \"T\", \"criteria\": []}",
                  MC_TEMPLATE_ERROR_INVALID, "Review template: “key” is missing");
  assert_refused ("{\"format\": \"io.github.microcred.review-template\", \"version\": 1, "
                  "\"key\": \"Upper Case\", \"kind\": \"annual\", \"title\": \"T\", \"criteria\": [" CRITERION_A "]}",
                  MC_TEMPLATE_ERROR_INVALID,
                  "Review template: the key must be 1 to 64 lower-case letters, digits and dashes");
  assert_refused ("{\"format\": \"io.github.microcred.review-template\", \"version\": 1, "
                  "\"key\": \"k\", \"kind\": \"annual\", \"title\": \" \", \"criteria\": [" CRITERION_A "]}",
                  MC_TEMPLATE_ERROR_INVALID, "Review template: the title is empty");
  assert_refused ("{\"format\": \"io.github.microcred.review-template\", \"version\": 1, "
                  "\"key\": \"k\", \"kind\": \"annual\", \"title\": \"T\", \"criteria\": {}}",
                  MC_TEMPLATE_ERROR_INVALID, "Review template: “criteria” must be a list");
  assert_refused ("{\"format\": \"io.github.microcred.review-template\", \"version\": 1, "
                  "\"key\": \"k\", \"kind\": \"annual\", \"title\": \"T\", \"criteria\": []}",
                  MC_TEMPLATE_ERROR_INVALID, "Review template: there must be at least one criterion");
}

static void
test_bad_criteria (void)
{
  static const struct {
    const char *criteria;
    const char *message;
  } cases[] = {
    { CRITERION_A ", 3", "Criterion 2: a criterion must be an object" },
    { "{\"title\": \"A\", \"answer\": \"rating\"}", "Criterion 1: “id” is missing" },
    { "{\"id\": 7, \"title\": \"A\", \"answer\": \"rating\"}", "Criterion 1: “id” must be text" },
    { "{\"id\": \"Outcomes\", \"title\": \"A\", \"answer\": \"rating\"}",
      "Criterion 1: the id must be 1 to 64 lower-case letters, digits and dashes" },
    { "{\"id\": \"\", \"title\": \"A\", \"answer\": \"rating\"}",
      "Criterion 1: the id must be 1 to 64 lower-case letters, digits and dashes" },
    { "{\"id\": \"a_b\", \"title\": \"A\", \"answer\": \"rating\"}",
      "Criterion 1: the id must be 1 to 64 lower-case letters, digits and dashes" },
    { "{\"id\": \"a\", \"title\": \"A\", \"answer\": \"rating\", \"weight\": 2}",
      "Criterion 1 (“a”): unknown member “weight”" },
    /* An id that breaks the rules is not repeated. */
    { "{\"id\": \"BAD ID\", \"title\": 1, \"answer\": \"rating\"}",
      "Criterion 1: “title” must be text" },
    { CRITERION_A ", {\"id\": \"outcomes-assessable\", \"answer\": \"rating\"}",
      "Criterion 2 (“outcomes-assessable”): “title” is missing" },
    { CRITERION_A ", {\"id\": \"b\", \"title\": \"B\"}", "Criterion 2 (“b”): “answer” is missing" },
    { "{\"id\": \"a\", \"title\": \"A\", \"answer\": \"yes-no\"}",
      "Criterion 1 (“a”): “answer” is “yes-no”; it must be one of: rating, text" },
    { "{\"id\": \"a\", \"title\": \"A\", \"answer\": \"rating\", \"required\": \"yes\"}",
      "Criterion 1 (“a”): “required” must be true or false" },
    { "{\"id\": \"a\", \"title\": \"A\", \"answer\": \"rating\", \"guidance\": [\"x\"]}",
      "Criterion 1 (“a”): “guidance” must be text" },
    { "{\"id\": \"a\", \"title\": \"A\", \"answer\": \"rating\", \"fields\": \"ects\"}",
      "Criterion 1 (“a”): “fields” must be a list of design field ids" },
    { "{\"id\": \"a\", \"title\": \"A\", \"answer\": \"rating\", \"fields\": [\"ects\", 1]}",
      "Criterion 1 (“a”): “fields” must be a list of design field ids" },
    /* Rules checked once the criteria are read. */
    { CRITERION_A ", " CRITERION_A, "Criterion 2 (“a”): another criterion has the same id" },
    { CRITERION_A ", {\"id\": \"outcomes-assessable\", \"title\": \"\", \"answer\": \"rating\"}",
      "Criterion 2 (“outcomes-assessable”): the title is empty" },
    { "{\"id\": \"a\", \"title\": \"\u2003\", \"answer\": \"rating\"}", "Criterion 1 (“a”): the title is empty" },
    { "{\"id\": \"a\", \"title\": \"One\\nTwo\", \"answer\": \"rating\"}",
      "Criterion 1 (“a”): the title must be a single line" },
    { "{\"id\": \"a\", \"title\": \"A\", \"answer\": \"rating\", \"fields\": [\"outcome\"]}",
      "Criterion 1 (“a”): “outcome” is not a field of a design" },
    { "{\"id\": \"a\", \"title\": \"A\", \"answer\": \"rating\", \"fields\": [\"ects\", \"hours\", \"ects\"]}",
      "Criterion 1 (“a”): the field “ects” is listed twice" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_criteria_refused (cases[i].criteria, cases[i].message);
}

static void
test_limits (void)
{
  g_autoptr(GString) many = g_string_new (NULL);
  g_autofree char *long_title = g_strnfill (MC_TEMPLATE_MAX_TITLE + 1, 'x');
  g_autofree char *long_text = g_strnfill (MC_TEMPLATE_MAX_TEXT + 1, 'x');
  g_autofree char *long_id = g_strnfill (MC_TEMPLATE_MAX_ID + 1, 'a');
  g_autofree char *max_id = g_strnfill (MC_TEMPLATE_MAX_ID, 'a');
  g_autofree char *criteria = NULL;
  g_autofree char *json = NULL;
  g_autoptr(McTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < MC_TEMPLATE_MAX_CRITERIA; i++)
    g_string_append_printf (many, "%s{\"id\": \"c%u\", \"title\": \"C\", \"answer\": \"text\"}",
                            i ? ", " : "", i);
  json = template_json ("", many->str);
  template = parse (json, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mc_template_get_n_criteria (template), ==, MC_TEMPLATE_MAX_CRITERIA);
  g_string_append (many, ", " CRITERION_A);
  assert_criteria_refused (many->str, "Review template: there can be at most 100 criteria");

  criteria = g_strdup_printf ("{\"id\": \"a\", \"title\": \"%s\", \"answer\": \"rating\"}", long_title);
  assert_criteria_refused (criteria, "Criterion 1 (“a”): the title is 201 characters long; "
                                     "at most 200 are allowed");
  g_free (criteria);
  criteria = g_strdup_printf ("{\"id\": \"a\", \"title\": \"A\", \"guidance\": \"%s\", "
                              "\"answer\": \"rating\"}", long_text);
  assert_criteria_refused (criteria, "Criterion 1 (“a”): “guidance” is 4001 characters long; "
                                     "at most 4000 are allowed");
  g_free (criteria);
  criteria = g_strdup_printf ("{\"id\": \"%s\", \"title\": \"A\", \"answer\": \"rating\"}", long_id);
  assert_criteria_refused (criteria, "Criterion 1: the id must be");
  g_free (criteria);
  criteria = g_strdup_printf ("{\"id\": \"%s\", \"title\": \"A\", \"answer\": \"rating\"}", max_id);
  g_free (json);
  json = template_json ("", criteria);
  g_clear_object (&template);
  template = parse (json, &error);
  g_assert_no_error (error);

  g_free (criteria);
  criteria = g_strdup_printf ("\"description\": \"%s\",", long_text);
  g_free (json);
  json = template_json (criteria, CRITERION_A);
  assert_refused (json, MC_TEMPLATE_ERROR_INVALID,
                  "Review template: “description” is 4001 characters long; at most 4000 are allowed");
}

/* Editing */

static void
on_changed (McTemplate *template,
            guint      *count)
{
  (*count)++;
}

static void
test_editing (void)
{
  g_autoptr(McTemplate) template = small_template ();
  g_autoptr(McCriterion) four = criterion ("four", "Four", MC_ANSWER_KIND_TEXT);
  g_autoptr(McCriterion) renamed = criterion ("two", "Second", MC_ANSWER_KIND_TEXT);
  g_autofree char *ids = NULL;
  guint changes = 0;

  g_signal_connect (template, "changed", G_CALLBACK (on_changed), &changes);

  g_assert_true (mc_template_insert_criterion (template, 1, four));
  ids = criterion_ids (template);
  g_assert_cmpstr (ids, ==, "one four two three");
  /* The template holds a copy. */
  g_assert_true (mc_template_get_criterion (template, 1) != four);
  g_assert_cmpuint (changes, ==, 1);

  g_assert_true (mc_template_move_criterion (template, 0, 3));
  g_clear_pointer (&ids, g_free);
  ids = criterion_ids (template);
  g_assert_cmpstr (ids, ==, "four two three one");
  g_assert_true (mc_template_move_criterion (template, 3, 1));
  g_clear_pointer (&ids, g_free);
  ids = criterion_ids (template);
  g_assert_cmpstr (ids, ==, "four one two three");
  g_assert_cmpuint (changes, ==, 3);

  g_assert_true (mc_template_replace_criterion (template, 2, renamed));
  g_assert_cmpstr (mc_template_get_criterion (template, 2)->title, ==, "Second");
  g_assert_cmpint (mc_template_get_criterion (template, 2)->answer, ==, MC_ANSWER_KIND_TEXT);
  g_assert_true (mc_template_replace_criterion (template, 2, renamed));
  g_assert_cmpuint (changes, ==, 4);

  g_assert_true (mc_template_remove_criterion (template, 0));
  g_clear_pointer (&ids, g_free);
  ids = criterion_ids (template);
  g_assert_cmpstr (ids, ==, "one two three");
  g_assert_true (mc_template_insert_criterion (template, 3, four));
  g_clear_pointer (&ids, g_free);
  ids = criterion_ids (template);
  g_assert_cmpstr (ids, ==, "one two three four");
  g_assert_cmpuint (changes, ==, 6);

  /* Out of range: nothing changes. */
  g_assert_false (mc_template_insert_criterion (template, 5, four));
  g_assert_false (mc_template_remove_criterion (template, 4));
  g_assert_false (mc_template_move_criterion (template, 0, 4));
  g_assert_false (mc_template_move_criterion (template, 4, 0));
  g_assert_false (mc_template_replace_criterion (template, 4, four));
  g_assert_cmpuint (mc_template_get_n_criteria (template), ==, 4);
  g_assert_cmpuint (changes, ==, 6);

  mc_template_set_title (template, "Retitled");
  mc_template_set_title (template, "Retitled");
  mc_template_set_kind (template, MC_TEMPLATE_KIND_MODIFICATION);
  /* Where it is stored is not content. */
  mc_template_set_id (template, 12);
  mc_template_set_version (template, 3);
  g_assert_cmpuint (changes, ==, 8);
  g_assert_true (mc_template_check (template, NULL));
}

/* Editing can pass through invalid states; the check finds them. */
static void
test_check (void)
{
  g_autoptr(McTemplate) template = small_template ();
  g_autoptr(McCriterion) c = criterion ("two", "Again", MC_ANSWER_KIND_RATING);
  g_autoptr(McTemplate) empty = mc_template_new ("empty", MC_TEMPLATE_KIND_APPROVAL, "Empty");

  assert_check_fails (empty, "Review template: there must be at least one criterion");

  g_assert_true (mc_template_insert_criterion (template, 3, c));
  assert_check_fails (template, "Criterion 4 (“two”): another criterion has the same id");

  g_free (c->id);
  c->id = g_strdup ("four");
  g_strfreev (c->fields);
  c->fields = g_strsplit ("ects,no_such_field", ",", -1);
  g_assert_true (mc_template_replace_criterion (template, 3, c));
  assert_check_fails (template, "Criterion 4 (“four”): “no_such_field” is not a field of a design");

  /* Members left NULL by hand count as empty. */
  g_clear_pointer (&c->fields, g_strfreev);
  g_clear_pointer (&c->guidance, g_free);
  g_assert_true (mc_template_replace_criterion (template, 3, c));
  g_assert_true (mc_template_check (template, NULL));

  c->answer = 7;
  g_assert_true (mc_template_replace_criterion (template, 3, c));
  assert_check_fails (template, "Criterion 4 (“four”): the kind of answer is unknown");
  g_assert_true (mc_template_remove_criterion (template, 3));

  mc_template_set_key (template, "Small Template");
  assert_check_fails (template, "Review template: the key must be 1 to 64 lower-case letters, "
                                "digits and dashes");
  mc_template_set_key (template, "small-template");
  mc_template_set_title (template, NULL);
  assert_check_fails (template, "Review template: the title is empty");
  mc_template_set_title (template, "Small");
  g_assert_true (mc_template_check (template, NULL));
}

static void
test_copy_equal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McTemplate) template = mc_template_load_builtin (MC_TEMPLATE_KIND_APPROVAL, &error);
  g_autoptr(McTemplate) copy = NULL;
  g_autoptr(McCriterion) changed = NULL;

  g_assert_no_error (error);
  mc_template_set_id (template, 4);
  mc_template_set_version (template, 2);
  copy = mc_template_copy (template);
  g_assert_cmpint (mc_template_get_id (copy), ==, 4);
  g_assert_cmpuint (mc_template_get_version (copy), ==, 2);
  g_assert_true (mc_template_equal_content (template, copy));

  /* The id and the version are not content. */
  mc_template_set_id (copy, 0);
  mc_template_set_version (copy, 0);
  g_assert_true (mc_template_equal_content (template, copy));

  /* A deep copy: changing one criterion of the copy leaves the original. */
  changed = mc_criterion_copy (mc_template_get_criterion (copy, 0));
  changed->required = FALSE;
  g_assert_true (mc_template_replace_criterion (copy, 0, changed));
  g_assert_true (mc_template_get_criterion (template, 0)->required);
  g_assert_false (mc_template_equal_content (template, copy));

  g_clear_object (&copy);
  copy = mc_template_copy (template);
  mc_template_set_description (copy, "Other");
  g_assert_false (mc_template_equal_content (template, copy));
  g_clear_object (&copy);
  copy = mc_template_copy (template);
  g_assert_true (mc_template_move_criterion (copy, 0, 1));
  g_assert_false (mc_template_equal_content (template, copy));
}

static void
test_criterion (void)
{
  g_autoptr(McCriterion) a = mc_criterion_new ("a", "A", MC_ANSWER_KIND_RATING);
  g_autoptr(McCriterion) b = NULL;
  GValue value = G_VALUE_INIT;

  g_assert_cmpstr (a->guidance, ==, "");
  g_assert_nonnull (a->fields);
  g_assert_false (a->required);

  b = mc_criterion_copy (a);
  g_assert_true (mc_criterion_equal (a, b));
  g_clear_pointer (&b->guidance, g_free);
  g_clear_pointer (&b->fields, g_strfreev);
  g_assert_true (mc_criterion_equal (a, b));
  b->required = TRUE;
  g_assert_false (mc_criterion_equal (a, b));

  /* A boxed type, for properties and lists. */
  g_value_init (&value, MC_TYPE_CRITERION);
  g_value_set_boxed (&value, a);
  g_assert_true (mc_criterion_equal (g_value_get_boxed (&value), a));
  g_value_unset (&value);
}

static void
assert_answers_refused (McTemplate *template,
                        const char *json,
                        int         code,
                        const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = mc_template_parse_answers (template, json, -1, &error);

  g_assert_null (answers);
  g_assert_error (error, MC_TEMPLATE_ERROR, code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, message) == NULL)
    g_error ("“%s” refused with “%s”, expected “%s”", json, error->message, message);
}

static void
test_answers (void)
{
  g_autoptr(McTemplate) template = small_template ();
  g_autoptr(McCriterion) notes = criterion ("notes", "Notes", MC_ANSWER_KIND_TEXT);
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *deep = g_strnfill (1000, '{');
  g_autofree char *huge = g_malloc (MC_TEMPLATE_MAX_ANSWERS_BYTES + 2);
  McAnswer *answer;

  g_assert_true (mc_template_insert_criterion (template, 3, notes));
  answers = mc_template_parse_answers (template,
                                       "{\"two\": {\"rating\": \"partly-met\", \"text\": \"Why\"},"
                                       " \"one\": {\"rating\": \"met\"},"
                                       " \"notes\": {\"text\": \"Fine\"}}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 3);
  answer = g_ptr_array_index (answers, 0);
  g_assert_cmpstr (answer->criterion_id, ==, "two");
  g_assert_cmpint (answer->rating, ==, MC_RATING_PARTLY_MET);
  g_assert_cmpstr (answer->text, ==, "Why");
  answer = mc_answers_find (answers, "one");
  g_assert_cmpint (answer->rating, ==, MC_RATING_MET);
  g_assert_cmpstr (answer->text, ==, "");
  answer = mc_answers_find (answers, "notes");
  g_assert_cmpint (answer->rating, ==, MC_RATING_UNSET);
  g_assert_cmpstr (answer->text, ==, "Fine");
  g_clear_pointer (&answers, g_ptr_array_unref);

  answers = mc_template_parse_answers (template, "{}", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 0);

  assert_answers_refused (template, "", MC_TEMPLATE_ERROR_SYNTAX, "");
  assert_answers_refused (template, "{\"one\": ", MC_TEMPLATE_ERROR_SYNTAX, "");
  assert_answers_refused (template, "[1]", MC_TEMPLATE_ERROR_FORMAT, "criterion ids");
  assert_answers_refused (template, "{\"four\": {\"rating\": \"met\"}}",
                          MC_TEMPLATE_ERROR_INVALID, "“four” is not a criterion of the template “Small”");
  assert_answers_refused (template, "{\"one\": \"met\"}",
                          MC_TEMPLATE_ERROR_INVALID, "The answer to “one”: an answer must be an object");
  assert_answers_refused (template, "{\"one\": {\"rating\": 1}}",
                          MC_TEMPLATE_ERROR_INVALID, "The answer to “one”: “rating” must be text");
  assert_answers_refused (template, "{\"one\": {\"rating\": \"good\"}}",
                          MC_TEMPLATE_ERROR_INVALID, "“rating” is “good”; it must be one of:");
  assert_answers_refused (template, "{\"one\": {\"text\": null}}",
                          MC_TEMPLATE_ERROR_INVALID, "“text” must be text");
  assert_answers_refused (template, "{\"one\": {\"rating\": \"met\", \"score\": 3}}",
                          MC_TEMPLATE_ERROR_INVALID, "unknown member “score”");
  assert_answers_refused (template, "{\"notes\": {\"rating\": \"met\"}}",
                          MC_TEMPLATE_ERROR_INVALID, "The answer to “notes”: this criterion is answered with text");
  assert_answers_refused (template, "{\"one\": {\"text\": \"caf\xe9\"}}",
                          MC_TEMPLATE_ERROR_ENCODING, "UTF-8");
  assert_answers_refused (template, "{\"one\": {\"text\": {\"a\": 1}}}",
                          MC_TEMPLATE_ERROR_SYNTAX, "levels deep");
  assert_answers_refused (template, deep, MC_TEMPLATE_ERROR_SYNTAX, "levels deep");
  memset (huge, ' ', MC_TEMPLATE_MAX_ANSWERS_BYTES + 1);
  huge[MC_TEMPLATE_MAX_ANSWERS_BYTES + 1] = '\0';
  assert_answers_refused (template, huge, MC_TEMPLATE_ERROR_TOO_LARGE, "too large");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/core/template/builtin", test_builtin);
  g_test_add_func ("/core/template/builtin-annual", test_builtin_annual);
  g_test_add_func ("/core/template/round-trip", test_round_trip);
  g_test_add_func ("/core/template/defaults", test_defaults);
  g_test_add_func ("/core/template/not-a-template", test_not_a_template);
  g_test_add_func ("/core/template/encoding", test_encoding);
  g_test_add_func ("/core/template/bad-members", test_bad_members);
  g_test_add_func ("/core/template/bad-criteria", test_bad_criteria);
  g_test_add_func ("/core/template/limits", test_limits);
  g_test_add_func ("/core/template/editing", test_editing);
  g_test_add_func ("/core/template/check", test_check);
  g_test_add_func ("/core/template/copy-equal", test_copy_equal);
  g_test_add_func ("/core/template/criterion", test_criterion);
  g_test_add_func ("/core/template/answers", test_answers);

  return g_test_run ();
}
