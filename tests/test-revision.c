/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-core.h"

/* Filling every field with a value that is not its default */

static guint
all_flags (GType type)
{
  guint value = 0;

  for (guint i = 0; i < mc_enum_n_values (type); i++)
    value |= mc_enum_nth_value (type, i);
  return value;
}

static guint
last_enum_value (GType type)
{
  return mc_enum_nth_value (type, mc_enum_n_values (type) - 1);
}

static int
middle_int (double min,
            double max,
            double default_value)
{
  int value = (int) ((min + max) / 2);

  return value == (int) default_value ? value + 1 : value;
}

static double
quarter_double (double min,
                double max)
{
  return min + (max - min) / 4 + 0.25;
}

static void
fill_item (McItem *item,
           guint   index)
{
  const McItemField *fields;
  guint n;

  fields = mc_item_fields_get_all (mc_item_get_list_id (item), &n);
  g_assert_cmpuint (n, >, 0);

  for (guint i = 0; i < n; i++)
    {
      const McItemField *f = &fields[i];
      g_autofree char *text = NULL;

      switch (f->kind)
        {
        case MC_FIELD_STRING:
          text = g_strdup_printf ("%s-%u “quoted” 'single'", f->id, index);
          mc_item_set_string (item, f->id, text);
          break;
        case MC_FIELD_TEXT:
          text = g_strdup_printf ("%s %u, first line.\nSecond line: ünïcödé ✓.", f->id, index);
          mc_item_set_string (item, f->id, text);
          break;
        case MC_FIELD_INT:
          mc_item_set_int (item, f->id, middle_int (f->min, f->max, 0));
          break;
        case MC_FIELD_DOUBLE:
          mc_item_set_double (item, f->id, quarter_double (f->min, f->max));
          break;
        case MC_FIELD_BOOLEAN:
          mc_item_set_boolean (item, f->id, TRUE);
          break;
        case MC_FIELD_ENUM:
          mc_item_set_int (item, f->id, (int) last_enum_value (f->get_type ()));
          break;
        case MC_FIELD_FLAGS:
          mc_item_set_flags (item, f->id, all_flags (f->get_type ()));
          break;
        case MC_FIELD_STRV:
          {
            const char * const values[] = { "code-0 “q”", "code-1", NULL };
            mc_item_set_strv (item, f->id, values);
          }
          break;
        case MC_FIELD_LIST:
        default:
          g_assert_not_reached ();
        }
    }
}

static McRevision *
new_full_revision (void)
{
  McRevision *revision = mc_revision_new ();
  const McField *fields;
  guint n;

  fields = mc_field_get_all (&n);
  for (guint i = 0; i < n; i++)
    {
      const McField *f = &fields[i];
      g_autofree char *text = NULL;

      switch (f->kind)
        {
        case MC_FIELD_STRING:
          text = g_strdup_printf ("Value of %s: “curly” 'single' \"double\" \\ ; DROP TABLE x;--", f->id);
          mc_revision_set_string (revision, f->id, text);
          break;
        case MC_FIELD_TEXT:
          text = g_strdup_printf ("Text of %s.\n\nA second paragraph with émigré, 漢字 and a tab\t.", f->id);
          mc_revision_set_string (revision, f->id, text);
          break;
        case MC_FIELD_INT:
          mc_revision_set_int (revision, f->id, middle_int (f->min, f->max, f->default_value));
          break;
        case MC_FIELD_DOUBLE:
          mc_revision_set_double (revision, f->id, quarter_double (f->min, f->max));
          break;
        case MC_FIELD_BOOLEAN:
          mc_revision_set_boolean (revision, f->id, TRUE);
          break;
        case MC_FIELD_ENUM:
          mc_revision_set_int (revision, f->id, (int) last_enum_value (f->get_type ()));
          break;
        case MC_FIELD_FLAGS:
          mc_revision_set_flags (revision, f->id, all_flags (f->get_type ()));
          break;
        case MC_FIELD_STRV:
          {
            const char * const values[] = { "en", "ga", "nl-BE", NULL };
            mc_revision_set_strv (revision, f->id, values);
          }
          break;
        case MC_FIELD_LIST:
          for (guint k = 0; k < 2; k++)
            {
              g_autoptr(McItem) item = mc_item_new_for_list (f->id);

              fill_item (item, k);
              g_list_store_append (mc_revision_get_list (revision, f->id), item);
            }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return revision;
}

static McRevision *
round_trip (McRevision *revision)
{
  g_autoptr(JsonNode) node = mc_revision_to_json (revision);
  g_autoptr(GError) error = NULL;
  McRevision *copy;

  copy = mc_revision_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  return copy;
}

static char *
to_string (McRevision *revision)
{
  g_autoptr(JsonNode) node = mc_revision_to_json (revision);

  return json_to_string (node, FALSE);
}

/* Tests */

static void
test_every_field_round_trip (void)
{
  g_autoptr(McRevision) full = new_full_revision ();
  g_autoptr(McRevision) empty = mc_revision_new ();
  g_autoptr(McRevision) copy = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const McField *fields;
  guint n;

  fields = mc_field_get_all (&n);
  g_assert_cmpuint (n, >, 30);

  /* Every field really holds something, so the round trip proves it. */
  for (guint i = 0; i < n; i++)
    {
      if (fields[i].kind == MC_FIELD_LIST)
        g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mc_revision_get_list (full, fields[i].id))), ==, 2);
      else if (fields[i].kind != MC_FIELD_INT && fields[i].kind != MC_FIELD_DOUBLE)
        g_assert_false (mc_revision_field_is_empty (full, fields[i].id));
    }
  g_assert_false (mc_revision_equal (full, empty));

  node = mc_revision_to_json (full);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_cmpuint (json_object_get_size (json_node_get_object (node)), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_true (json_object_has_member (json_node_get_object (node), fields[i].id));

  copy = round_trip (full);
  g_assert_true (mc_revision_equal (full, copy));

  /* Independently of mc_revision_equal(): the same JSON again. */
  before = to_string (full);
  after = to_string (copy);
  g_assert_cmpstr (before, ==, after);

  for (guint i = 0; i < n; i++)
    {
      const McField *f = &fields[i];

      switch (f->kind)
        {
        case MC_FIELD_STRING:
        case MC_FIELD_TEXT:
          g_assert_cmpstr (mc_revision_get_string (copy, f->id), ==,
                           mc_revision_get_string (full, f->id));
          break;
        case MC_FIELD_DOUBLE:
          g_assert_cmpfloat (mc_revision_get_double (copy, f->id), ==,
                             mc_revision_get_double (full, f->id));
          break;
        case MC_FIELD_INT:
        case MC_FIELD_ENUM:
          g_assert_cmpint (mc_revision_get_int (copy, f->id), ==, mc_revision_get_int (full, f->id));
          break;
        case MC_FIELD_FLAGS:
          g_assert_cmpuint (mc_revision_get_flags (copy, f->id), ==,
                            mc_revision_get_flags (full, f->id));
          break;
        case MC_FIELD_BOOLEAN:
          g_assert_true (mc_revision_get_boolean (copy, f->id));
          break;
        case MC_FIELD_STRV:
          g_assert_true (g_strv_equal ((const char * const *) mc_revision_get_strv (copy, f->id),
                                       (const char * const *) mc_revision_get_strv (full, f->id)));
          break;
        case MC_FIELD_LIST:
          g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mc_revision_get_list (copy, f->id))), ==, 2);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  /* An empty revision round-trips as well. */
  g_clear_object (&copy);
  copy = round_trip (empty);
  g_assert_true (mc_revision_equal (empty, copy));
}

static McItem *
nth_item (McRevision *revision,
          const char *list_id,
          guint       index)
{
  McItem *item = g_list_model_get_item (G_LIST_MODEL (mc_revision_get_list (revision, list_id)), index);

  g_object_unref (item);   /* the list keeps it */
  return item;
}

static void
test_copy_equal (void)
{
  g_autoptr(McRevision) full = new_full_revision ();
  g_autoptr(McRevision) copy = mc_revision_copy (full);
  g_autoptr(McRevision) a = mc_revision_new ();
  g_autoptr(McRevision) b = mc_revision_new ();
  g_autofree char *original_text = g_strdup (mc_item_get_string (nth_item (full, "outcomes", 0), "text"));

  g_assert_true (mc_revision_equal (a, b));
  g_assert_true (mc_revision_equal (full, copy));
  g_assert_true (mc_revision_equal (copy, full));

  /* Scalar change. */
  mc_revision_set_string (copy, "title", "Another title");
  g_assert_false (mc_revision_equal (full, copy));
  g_assert_cmpstr (mc_revision_get_title (full), !=, "Another title");
  g_clear_object (&copy);

  /* Deep copy: editing an item of the copy leaves the original alone. */
  copy = mc_revision_copy (full);
  mc_item_set_string (nth_item (copy, "outcomes", 0), "text", "Changed outcome");
  g_assert_false (mc_revision_equal (full, copy));
  g_assert_cmpstr (mc_item_get_string (nth_item (full, "outcomes", 0), "text"), ==, original_text);
  g_clear_object (&copy);

  /* Removing an item, and reordering, both make a difference. */
  copy = mc_revision_copy (full);
  g_list_store_remove (mc_revision_get_partners (copy), 1);
  g_assert_false (mc_revision_equal (full, copy));
  g_clear_object (&copy);

  copy = mc_revision_copy (full);
  g_assert_true (mc_revision_move_item (copy, "assessments", 0, 1));
  g_assert_false (mc_revision_equal (full, copy));
  g_assert_true (mc_revision_move_item (copy, "assessments", 1, 0));
  g_assert_true (mc_revision_equal (full, copy));
  g_assert_false (mc_revision_move_item (copy, "assessments", 0, 5));

  /* Numbers and booleans count. */
  mc_revision_set_double (copy, "ects", mc_revision_get_ects (full) + 0.5);
  g_assert_false (mc_revision_equal (full, copy));
}

static void
count_changed (McRevision *revision,
               guint      *counter)
{
  (*counter)++;
}

static void
test_changed_signal (void)
{
  g_autoptr(McRevision) revision = mc_revision_new ();
  g_autoptr(McOutcome) outcome = mc_outcome_new ("LO1", "Explain things.");
  g_autoptr(McAssessment) assessment = mc_assessment_new ();
  g_autoptr(McOutcome) second = mc_outcome_new ("LO2", "Apply things.");
  const char * const languages[] = { "en", NULL };
  guint changes = 0;
  guint before;

  g_signal_connect (revision, "changed", G_CALLBACK (count_changed), &changes);

  mc_revision_set_string (revision, "title", "Title");
  g_assert_cmpuint (changes, ==, 1);
  mc_revision_set_string (revision, "title", "Title");   /* no change, no signal */
  g_assert_cmpuint (changes, ==, 1);
  mc_revision_set_double (revision, "ects", 5);
  g_assert_cmpuint (changes, ==, 2);
  mc_revision_set_int (revision, "eqf_level", 6);
  g_assert_cmpuint (changes, ==, 3);
  mc_revision_set_boolean (revision, "credit_bearing", TRUE);
  g_assert_cmpuint (changes, ==, 4);
  mc_revision_set_flags (revision, "recognition_routes", MC_RECOGNITION_CREDIT_TRANSFER);
  g_assert_cmpuint (changes, ==, 5);
  mc_revision_set_strv (revision, "languages", languages);
  g_assert_cmpuint (changes, ==, 6);
  g_object_set (revision, "hours", 125, NULL);
  g_assert_cmpuint (changes, ==, 7);

  /* Lists: adding, editing an item inside, moving, removing. */
  g_list_store_append (mc_revision_get_outcomes (revision), outcome);
  g_assert_cmpuint (changes, ==, 8);
  mc_item_set_string (MC_ITEM (outcome), "text", "Explain things clearly.");
  g_assert_cmpuint (changes, ==, 9);
  mc_item_set_int (MC_ITEM (outcome), "domain", MC_EQF_DOMAIN_KNOWLEDGE);
  g_assert_cmpuint (changes, ==, 10);

  g_list_store_append (mc_revision_get_assessments (revision), assessment);
  g_assert_cmpuint (changes, ==, 11);
  mc_item_set_double (MC_ITEM (assessment), "weight", 100);
  g_assert_cmpuint (changes, ==, 12);

  before = changes;
  g_list_store_append (mc_revision_get_outcomes (revision), second);
  g_assert_cmpuint (changes, >, before);
  before = changes;
  g_assert_true (mc_revision_move_item (revision, "outcomes", 1, 0));
  g_assert_cmpuint (changes, >, before);

  before = changes;
  g_list_store_remove (mc_revision_get_outcomes (revision), 1);   /* "LO1" */
  g_assert_cmpuint (changes, >, before);

  /* A removed item is no longer part of the content. */
  before = changes;
  mc_item_set_string (MC_ITEM (outcome), "text", "Not in the revision any more.");
  g_assert_cmpuint (changes, ==, before);
}

typedef struct {
  const char *json;
  const char *field;
} BadCase;

static void
test_strict_json (void)
{
  g_autofree char *long_title = NULL;
  g_autofree char *long_json = NULL;
  g_autofree char *limit_title = NULL;
  g_autofree char *limit_json = NULL;
  const BadCase cases[] = {
    { "{\"colour\": \"blue\"}", "colour" },
    { "{\"title\": 5}", "title" },
    { "{\"title\": null}", "title" },
    { "{\"title\": \"two\\nlines\"}", "title" },
    { "{\"credential_type\": \"diploma\"}", "credential_type" },
    { "{\"credential_type\": 1}", "credential_type" },
    { "{\"ects\": -1}", "ects" },
    { "{\"ects\": \"5\"}", "ects" },
    { "{\"hours\": 1e9}", "hours" },
    { "{\"hours\": 1000000000}", "hours" },
    { "{\"hours\": -3}", "hours" },
    { "{\"eqf_level\": 4.5}", "eqf_level" },
    { "{\"eqf_level\": 9}", "eqf_level" },
    { "{\"credit_bearing\": \"yes\"}", "credit_bearing" },
    { "{\"languages\": \"en\"}", "languages" },
    { "{\"languages\": [\"en\", 3]}", "languages" },
    { "{\"recognition_routes\": [\"telepathy\"]}", "recognition_routes" },
    { "{\"outcomes\": {}}", "outcomes" },
    { "{\"outcomes\": [{\"code\": \"A\", \"colour\": \"x\"}]}", "outcomes[0].colour" },
    { "{\"outcomes\": [{\"code\": \"A\", \"domain\": \"wisdom\"}]}", "outcomes[0].domain" },
    { "{\"assessments\": [{\"supervision\": \"sometimes\"}]}", "assessments[0].supervision" },
    { "{\"assessments\": [{\"weight\": 150}]}", "assessments[0].weight" },
    { "{\"partners\": [{\"roles\": [\"catering\"]}]}", "partners[0].roles" },
    { "{\"stack_targets\": [{\"ects\": -2}]}", "stack_targets[0].ects" },
  };

  /* Two outcomes with one code are a draft's state of work, which the
   * validator reports; the format carries them. */
  {
    g_autoptr(JsonNode) node = json_from_string (
      "{\"outcomes\": [{\"code\": \"A\", \"text\": \"x\"}, {\"code\": \"A\", \"text\": \"y\"}]}", NULL);
    g_autoptr(McRevision) revision = mc_revision_new_from_json (node, NULL);

    g_assert_nonnull (revision);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mc_revision_get_outcomes (revision))), ==, 2);
    g_assert_true (mc_revision_check (revision, NULL));
  }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = json_from_string (cases[i].json, NULL);
      g_autoptr(McRevision) revision = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_nonnull (node);
      revision = mc_revision_new_from_json (node, &error);
      g_assert_null (revision);
      g_assert_error (error, MC_REVISION_ERROR, MC_REVISION_ERROR_INVALID);
      g_test_message ("%s → %s", cases[i].json, error->message);
      if (!g_str_has_prefix (error->message, cases[i].field))
        g_error ("the message “%s” does not name “%s”", error->message, cases[i].field);
    }

  /* Over-long title: refused just beyond the limit, accepted at it. */
  long_title = g_strnfill (mc_field_lookup ("title")->max_length + 1, 'x');
  long_json = g_strdup_printf ("{\"title\": \"%s\"}", long_title);
  limit_title = g_strnfill (mc_field_lookup ("title")->max_length, 'x');
  limit_json = g_strdup_printf ("{\"title\": \"%s\"}", limit_title);
  {
    g_autoptr(JsonNode) too_long = json_from_string (long_json, NULL);
    g_autoptr(JsonNode) at_limit = json_from_string (limit_json, NULL);
    g_autoptr(McRevision) revision = NULL;
    g_autoptr(GError) error = NULL;

    revision = mc_revision_new_from_json (too_long, &error);
    g_assert_null (revision);
    g_assert_error (error, MC_REVISION_ERROR, MC_REVISION_ERROR_INVALID);
    g_assert_true (g_str_has_prefix (error->message, "title"));
    g_clear_error (&error);

    revision = mc_revision_new_from_json (at_limit, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (mc_revision_get_title (revision), ==, limit_title);
  }

  /* Not an object at all. */
  {
    g_autoptr(JsonNode) array = json_from_string ("[]", NULL);
    g_autoptr(McRevision) revision = NULL;
    g_autoptr(GError) error = NULL;

    revision = mc_revision_new_from_json (array, &error);
    g_assert_null (revision);
    g_assert_error (error, MC_REVISION_ERROR, MC_REVISION_ERROR_INVALID);
  }
}

static void
test_partial_json (void)
{
  g_autoptr(JsonNode) node = json_from_string ("{\"title\": \"Only a title\", "
                                               "\"outcomes\": [{\"code\": \"LO1\", \"text\": \"One\"}]}",
                                               NULL);
  g_autoptr(McRevision) revision = NULL;
  g_autoptr(McRevision) blank = mc_revision_new ();
  g_autoptr(GError) error = NULL;

  /* Members left out keep their defaults. */
  revision = mc_revision_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_revision_get_title (revision), ==, "Only a title");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (mc_revision_get_outcomes (revision))), ==, 1);
  g_assert_cmpfloat (mc_revision_get_ects (revision), ==, mc_revision_get_ects (blank));
  g_assert_cmpint (mc_revision_get_int (revision, "review_cycle_months"), ==,
                   mc_revision_get_int (blank, "review_cycle_months"));
  g_assert_true (mc_revision_field_is_empty (revision, "assessments"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/core/revision/every-field-round-trip", test_every_field_round_trip);
  g_test_add_func ("/core/revision/copy-equal", test_copy_equal);
  g_test_add_func ("/core/revision/changed-signal", test_changed_signal);
  g_test_add_func ("/core/revision/strict-json", test_strict_json);
  g_test_add_func ("/core/revision/partial-json", test_partial_json);

  return g_test_run ();
}
