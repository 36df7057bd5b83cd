/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-grading-scale-private.h"

/* Reading the free text of a design's "grading_scale".  Authors write it
 * for people ("0–100 %, pass mark 40 %", "A–F, pass at D"), so the reader
 * looks for the few shapes such texts take and gives up — the scale is then
 * "not understood" — rather than guess at anything else. */

#define MAX_GRADES 40
#define MAX_GRADE_LENGTH 60

/* A number: digits with an optional decimal point or comma. */
#define NUMBER "(\\d{1,9}(?:[.,]\\d{1,6})?)"

/* What a pass clause names: text up to the next comma, semicolon or
 * parenthesis, but a decimal comma ("5,5") is part of a mark. */
#define PASS_VALUE "(?:[^,;()]|(?<=\\d),(?=\\d))"

/* Ways of naming the pass mark or lowest passing grade; group 1 is what
 * follows. */
static const char * const pass_patterns[] = {
  "\\bpass(?:ing)?(?:\\s+(?:mark|grade|level|threshold))?\\s*(?:at|is|of|from|=|:)\\s*(" PASS_VALUE "+)",
  "\\bpass(?:ing)?\\s+(?:mark|grade|level|threshold)\\s*(" PASS_VALUE "+)",
  "\\b(?:minimum|min\\.?)(?!\\p{L})(?:\\s+pass(?:ing)?)?(?:\\s+(?:mark|grade))?\\s*(?:of|is|at|=|:)?\\s*(" PASS_VALUE "+)",
  "(" PASS_VALUE "+?)\\s*(?:or|and)\\s+(?:better|above|higher|over)\\b",
  "(" PASS_VALUE "+?)\\s+(?:is\\s+)?(?:needed\\s+|required\\s+)?to\\s+pass\\b",
};

static GRegex *
compile (const char *pattern)
{
  g_autoptr(GError) error = NULL;
  GRegex *regex = g_regex_new (pattern, G_REGEX_CASELESS | G_REGEX_OPTIMIZE, 0, &error);

  g_assert_no_error (error);
  return regex;
}

/* The patterns are compiled once and shared by all threads. */
static GRegex *
pass_regex (guint index)
{
  static GRegex *regexes[G_N_ELEMENTS (pass_patterns)];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (guint i = 0; i < G_N_ELEMENTS (pass_patterns); i++)
        regexes[i] = compile (pass_patterns[i]);
      g_once_init_leave (&initialised, 1);
    }
  return regexes[index];
}

enum {
  REGEX_NUMERIC_RANGE,
  REGEX_OUT_OF,
  REGEX_LETTER_RANGE,
  REGEX_PARENTHESES,
  REGEX_LIST_SEPARATOR,
  N_REGEXES
};

static GRegex *
shape_regex (guint which)
{
  static const char * const patterns[N_REGEXES] = {
    [REGEX_NUMERIC_RANGE] = (NUMBER "\\s*(?:-|to|\\.\\.|…)\\s*" NUMBER),
    [REGEX_OUT_OF] = ("(?:out\\s+of|/|max(?:imum|\\.)?)\\s*" NUMBER),
    [REGEX_LETTER_RANGE] = "(?<![\\p{L}\\p{N}])(\\p{L})\\s*(?:-|to)\\s*(\\p{L})(?![\\p{L}\\p{N}])",
    [REGEX_PARENTHESES] = "\\([^()]*\\)",
    [REGEX_LIST_SEPARATOR] = "\\s*(?:[,;/|\\n]|\\s-\\s|\\sor\\s)\\s*",
  };
  static GRegex *regexes[N_REGEXES];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (guint i = 0; i < N_REGEXES; i++)
        regexes[i] = compile (patterns[i]);
      g_once_init_leave (&initialised, 1);
    }
  return regexes[which];
}

/* Dashes and minus signs as "-", so that the patterns need only one. */
static char *
normalise_dashes (const char *text)
{
  static const char * const dashes[] = { "–", "—", "−", "‒", "‐", "‑" };
  GString *out = g_string_new (text);

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    g_string_replace (out, dashes[i], "-", 0);
  return g_string_free (out, FALSE);
}

char *
_mc_grading_scale_fold (const char *text)
{
  g_autofree char *dashes = normalise_dashes (text);
  g_autofree char *folded = g_utf8_casefold (dashes, -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\r\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, words[i]);
    }
  if (out->len > 1 && out->str[out->len - 1] == '.')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

gboolean
_mc_grading_scale_parse_mark (const char *text,
                              double     *mark)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gsize length = strlen (copy);
  gboolean point = FALSE;
  gboolean digits = FALSE;

  if (length > 0 && copy[length - 1] == '%')
    copy[--length] = '\0';
  g_strchomp (copy);
  if (copy[0] == '\0' || copy[0] == '.' || copy[0] == ',' || strlen (copy) > 20)
    return FALSE;
  for (char *p = copy; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if ((*p == '.' || *p == ',') && !point && p[1] != '\0')
        {
          point = TRUE;
          *p = '.';
        }
      else
        return FALSE;
    }
  if (!digits)
    return FALSE;
  *mark = g_ascii_strtod (copy, NULL);
  return TRUE;
}

gboolean
_mc_grading_scale_reads_like_fail (const char *folded)
{
  static const char * const exact[] = { "f", "fx", "u", "ng", "nyc" };
  static const char * const parts[] = {
    "fail", "not yet", "not competent", "not achieved", "not passed", "not met",
    "unsatisfactory", "insufficient", "did not",
  };
  g_autofree char *translated = _mc_grading_scale_fold (C_("grade", "Fail"));

  for (guint i = 0; i < G_N_ELEMENTS (exact); i++)
    if (strcmp (folded, exact[i]) == 0)
      return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strstr (folded, parts[i]) != NULL)
      return TRUE;
  return strstr (folded, translated) != NULL;
}

/* Finds the pass mark or lowest passing grade in @text, returns it
 * (trimmed, without "%"), and blanks the words that named it out of @text
 * so that they do not read as grades. */
static char *
take_pass_clause (GString *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (pass_patterns); i++)
    {
      g_autoptr(GMatchInfo) match = NULL;
      char *value = NULL;
      int start = 0;
      int end = 0;

      if (!g_regex_match (pass_regex (i), text->str, 0, &match))
        continue;
      g_match_info_fetch_pos (match, 0, &start, &end);
      value = g_strstrip (g_match_info_fetch (match, 1));
      if (g_str_has_suffix (value, "%"))
        value[strlen (value) - 1] = '\0';
      g_strchomp (value);
      memset (text->str + start, ' ', (gsize) (end - start));
      return value;
    }
  return NULL;
}

static gboolean
parse_numeric (McGradingScale *self,
               GString        *text,
               const char     *pass)
{
  g_autoptr(GMatchInfo) range = NULL;
  g_autoptr(GMatchInfo) out_of = NULL;
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  if (g_regex_match (shape_regex (REGEX_NUMERIC_RANGE), text->str, 0, &range))
    {
      low = g_match_info_fetch (range, 1);
      high = g_match_info_fetch (range, 2);
    }
  else if (g_regex_match (shape_regex (REGEX_OUT_OF), text->str, 0, &out_of))
    {
      low = g_strdup ("0");
      high = g_match_info_fetch (out_of, 1);
    }
  else if (strchr (self->text, '%') != NULL)
    {
      low = g_strdup ("0");
      high = g_strdup ("100");
    }
  else
    return FALSE;

  if (!_mc_grading_scale_parse_mark (low, &self->min) ||
      !_mc_grading_scale_parse_mark (high, &self->max))
    return FALSE;
  if (self->min > self->max)
    {
      double swap = self->min;

      self->min = self->max;
      self->max = swap;
    }
  if (self->min == self->max)
    return FALSE;
  self->percentage = strchr (self->text, '%') != NULL;
  if (pass == NULL)
    return TRUE;
  self->has_pass_mark = _mc_grading_scale_parse_mark (pass, &self->pass_mark);
  return self->has_pass_mark && self->pass_mark >= self->min && self->pass_mark <= self->max;
}

/* Splits a list of grades or tiers; NULL unless it has 2 to MAX_GRADES
 * items of sensible length. */
static GStrv
split_list (const char *text)
{
  g_autofree char *bare = g_regex_replace_literal (shape_regex (REGEX_PARENTHESES), text, -1, 0,
                                                   " ", 0, NULL);
  g_auto(GStrv) items = g_regex_split (shape_regex (REGEX_LIST_SEPARATOR), bare, 0);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  guint n = 0;

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      gsize length = strlen (item);

      if (length > 0 && item[length - 1] == '.')
        item[--length] = '\0';
      if (length == 0)
        continue;
      if (g_utf8_strlen (item, -1) > MAX_GRADE_LENGTH || ++n > MAX_GRADES)
        return NULL;
      g_strv_builder_add (kept, item);
    }
  return n >= 2 ? g_strv_builder_end (kept) : NULL;
}

static gboolean
is_letter_grade (const char *item)
{
  gsize length = strlen (item);

  if (length > 0 && (item[length - 1] == '+' || item[length - 1] == '-'))
    length--;
  if (length < 1 || length > 2)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalpha (item[i]))
      return FALSE;
  return TRUE;
}

/* Marks @pass and the grades better than it as passing, the others as
 * failing; FALSE if @pass names no grade. */
static gboolean
apply_pass (McGradingScale *self,
            const char     *pass,
            gboolean        best_first)
{
  g_autofree char *key = _mc_grading_scale_fold (pass);
  McGrade *threshold = g_hash_table_lookup (self->lookup, key);
  gboolean passes = best_first;

  if (threshold == NULL)
    return FALSE;
  for (guint i = 0; i < self->grades->len; i++)
    {
      McGrade *grade = self->grades->pdata[i];

      if (grade == threshold)
        {
          grade->passes = TRUE;
          passes = !passes;
        }
      else
        grade->passes = passes;
    }
  return TRUE;
}

static void
add_named_grades (McGradingScale     *self,
                  const char * const *names,
                  gboolean            upper)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *name = upper ? g_utf8_strup (names[i], -1) : g_strdup (names[i]);
      g_autofree char *key = _mc_grading_scale_fold (name);

      _mc_grading_scale_add_grade (self, name, !_mc_grading_scale_reads_like_fail (key));
    }
}

static gboolean
parse_letter (McGradingScale *self,
              GString        *text,
              const char     *pass)
{
  g_autoptr(GMatchInfo) match = NULL;

  if (g_regex_match (shape_regex (REGEX_LETTER_RANGE), text->str, 0, &match))
    {
      g_autofree char *from = g_match_info_fetch (match, 1);
      g_autofree char *to = g_match_info_fetch (match, 2);
      char first = g_ascii_toupper (from[0]);
      char last = g_ascii_toupper (to[0]);

      if (!g_ascii_isalpha (first) || !g_ascii_isalpha (last) || first == last)
        return FALSE;
      for (char c = MIN (first, last); c <= MAX (first, last); c++)
        {
          char name[2] = { c, '\0' };

          _mc_grading_scale_add_grade (self, name, c != 'F');
        }
      self->letter_range = TRUE;
    }
  else
    {
      g_auto(GStrv) items = split_list (text->str);

      if (items == NULL)
        return FALSE;
      for (guint i = 0; items[i] != NULL; i++)
        if (!is_letter_grade (items[i]))
          return FALSE;
      add_named_grades (self, (const char * const *) items, TRUE);
    }
  return pass == NULL || apply_pass (self, pass, TRUE);
}

static gboolean
parse_tiered (McGradingScale *self,
              GString        *text,
              const char     *pass)
{
  g_auto(GStrv) items = split_list (text->str);
  McGrade *last = NULL;

  if (items == NULL)
    return FALSE;
  add_named_grades (self, (const char * const *) items, FALSE);
  /* Tiers go from the lowest up, unless the list ends with its fail
   * ("Distinction, Merit, Pass, Fail"). */
  last = self->grades->pdata[self->grades->len - 1];
  return pass == NULL || apply_pass (self, pass, !last->passes);
}

/* "pass" → "Pass": the word is the grade a certificate shows. */
static char *
capitalise (const char *word)
{
  const char *rest = g_utf8_next_char (word);
  g_autofree char *first = g_utf8_strup (word, rest - word);

  return g_strconcat (first, rest, NULL);
}

/* Pass and fail in every spelling a records system may use, and the two
 * words the design names, if it names two. */
static void
parse_pass_fail (McGradingScale *self)
{
  static const char * const pass_words[] = { "Pass", "Passed", "P" };
  static const char * const fail_words[] = { "Fail", "Failed", "F" };
  g_auto(GStrv) items = split_list (self->text);
  McGrade *pass = NULL;
  McGrade *fail = NULL;

  if (items != NULL && g_strv_length (items) == 2)
    {
      g_autofree char *first = _mc_grading_scale_fold (items[0]);
      gboolean swapped = _mc_grading_scale_reads_like_fail (first);
      g_autofree char *pass_name = capitalise (items[swapped ? 1 : 0]);
      g_autofree char *fail_name = capitalise (items[swapped ? 0 : 1]);

      pass = _mc_grading_scale_add_grade (self, pass_name, TRUE);
      fail = _mc_grading_scale_add_grade (self, fail_name, FALSE);
    }
  else
    {
      pass = _mc_grading_scale_add_grade (self, "Pass", TRUE);
      fail = _mc_grading_scale_add_grade (self, "Fail", FALSE);
    }
  for (guint i = 0; i < G_N_ELEMENTS (pass_words); i++)
    {
      _mc_grading_scale_add_alias (self, pass_words[i], pass);
      _mc_grading_scale_add_alias (self, fail_words[i], fail);
    }
  _mc_grading_scale_add_alias (self, C_("grade", "Pass"), pass);
  _mc_grading_scale_add_alias (self, C_("grade", "Passed"), pass);
  _mc_grading_scale_add_alias (self, C_("grade", "Fail"), fail);
  _mc_grading_scale_add_alias (self, C_("grade", "Failed"), fail);
}

static gboolean
parse_text (McGradingScale *self)
{
  g_autofree char *dashes = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *pass = NULL;

  if (self->scheme == MC_GRADING_PASS_FAIL)
    {
      parse_pass_fail (self);
      return TRUE;
    }
  if (self->scheme == MC_GRADING_UNSET || self->text[0] == '\0')
    return FALSE;

  dashes = normalise_dashes (self->text);
  text = g_string_new (dashes);
  pass = take_pass_clause (text);
  switch (self->scheme)
    {
    case MC_GRADING_NUMERIC:
      return parse_numeric (self, text, pass);
    case MC_GRADING_LETTER:
      return parse_letter (self, text, pass);
    case MC_GRADING_TIERED:
      return parse_tiered (self, text, pass);
    case MC_GRADING_UNSET:
    case MC_GRADING_PASS_FAIL:
    default:
      return FALSE;
    }
}

void
_mc_grading_scale_parse (McGradingScale *self)
{
  self->understood = parse_text (self);
  if (!self->understood)
    {
      /* Nothing half-read stays behind. */
      g_hash_table_remove_all (self->lookup);
      g_ptr_array_set_size (self->grades, 0);
      self->letter_range = FALSE;
      self->has_pass_mark = FALSE;
      self->percentage = FALSE;
    }
}
