/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "mc-core.h"

/* Helpers */

static McStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  McStore *store = mc_store_open (":memory:", MC_STORE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

typedef struct {
  guint designs;
  guint units;
  guint people;
} Counts;

static Counts
count (McStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) units = NULL;
  g_autoptr(GListModel) people = NULL;
  Counts counts;

  counts.designs = mc_store_count_designs (store, &error);
  g_assert_no_error (error);
  units = mc_store_list_units (store, &error);
  g_assert_no_error (error);
  counts.units = g_list_model_get_n_items (units);
  people = mc_store_list_people (store, &error);
  g_assert_no_error (error);
  counts.people = g_list_model_get_n_items (people);
  return counts;
}

static GBytes *
load_test_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "files", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static JsonNode *
load_test_json (const char *name)
{
  g_autoptr(GBytes) bytes = load_test_file (name);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                              (gssize) g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static GBytes *
node_to_bytes (JsonNode *node)
{
  char *text = json_to_string (node, TRUE);

  return g_bytes_new_take (text, strlen (text));
}

/* The object at a dotted path ("design.unit") of a file's root. */
static JsonObject *
object_at (JsonNode   *root,
           const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, ".", -1);
  JsonObject *object = json_node_get_object (root);

  for (guint i = 0; parts[i] != NULL && parts[i][0] != '\0'; i++)
    object = json_object_get_object_member (object, parts[i]);
  return object;
}

static McDesignFile *
parse_ok (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  McDesignFile *file = mc_design_io_parse (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (file);
  return file;
}

static gint64
import_ok (McStore      *store,
           McDesignFile *file,
           gboolean      replace)
{
  g_autoptr(GError) error = NULL;
  gint64 id = mc_design_io_import (store, file, replace, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static McDesign *
load_ok (McStore *store,
         gint64   id)
{
  g_autoptr(GError) error = NULL;
  McDesign *design = mc_store_load_design (store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (design);
  return design;
}

/* Parses and imports @bytes, expects the error, and checks that the
 * database did not change. */
static void
assert_refused (McStore    *store,
                GBytes     *bytes,
                GQuark      domain,
                int         code,
                const char *needle)
{
  g_autoptr(McDesignFile) file = NULL;
  g_autoptr(GError) error = NULL;
  Counts before = count (store);
  Counts after;

  file = mc_design_io_parse (bytes, &error);
  if (file != NULL)
    g_assert_cmpint (mc_design_io_import (store, file, FALSE, &error), ==, 0);

  g_assert_error (error, domain, code);
  g_test_message ("refused as expected: %s", error->message);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” not found in the message “%s”", needle, error->message);

  after = count (store);
  g_assert_cmpuint (before.designs, ==, after.designs);
  g_assert_cmpuint (before.units, ==, after.units);
  g_assert_cmpuint (before.people, ==, after.people);
}

/* A store holding the valid test design, so refusals are checked against a
 * database that is not empty. */
static McStore *
seeded_store (void)
{
  McStore *store = new_store ();
  g_autoptr(GBytes) bytes = load_test_file ("design-valid.json");
  g_autoptr(McDesignFile) file = parse_ok (bytes);

  import_ok (store, file, FALSE);
  return store;
}

/* Mutates the valid file with @mutate, then expects a refusal. */
typedef void (*Mutation) (JsonNode *root);

static void
assert_mutation_refused (Mutation    mutate,
                         GQuark      domain,
                         int         code,
                         const char *needle)
{
  g_autoptr(McStore) store = seeded_store ();
  g_autoptr(JsonNode) root = load_test_json ("design-valid.json");
  g_autoptr(GBytes) bytes = NULL;

  mutate (root);
  bytes = node_to_bytes (root);
  assert_refused (store, bytes, domain, code, needle);
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("mc-design-io-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Round trip */

static void
test_round_trip (void)
{
  g_autoptr(McStore) source = new_store ();
  g_autoptr(McStore) target = new_store ();
  g_autoptr(GBytes) bytes = load_test_file ("design-valid.json");
  g_autoptr(McDesignFile) original = parse_ok (bytes);
  g_autoptr(McDesignFile) reread = NULL;
  g_autoptr(McDesign) stored = NULL;
  g_autoptr(McDesign) copied = NULL;
  g_autoptr(McUnit) unit = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "export.mcdesign.json", NULL);
  gint64 person_id;
  gint64 id;

  g_assert_cmpstr (original->unit_code, ==, "ENG");
  g_assert_cmpstr (original->unit_name, ==, "Faculty of Engineering");
  g_assert_cmpint (mc_design_get_state (original->design), ==, MC_DESIGN_STATE_APPROVED);
  g_assert_cmpuint (mc_design_get_revision_number (original->design), ==, 2);

  person_id = mc_store_add_person (source, "lena.devries", "Lena de Vries",
                                   "lena@example.org", 0, &error);
  g_assert_no_error (error);

  id = import_ok (source, original, FALSE);
  stored = load_ok (source, id);
  g_assert_cmpint (mc_design_get_owner_id (stored), ==, person_id);
  g_assert_true (mc_revision_equal (mc_design_get_content (stored),
                                    mc_design_get_content (original->design)));

  /* Through a real file, into another database. */
  file = g_file_new_for_path (path);
  mc_design_io_write_file (source, stored, file, NULL, &error);
  g_assert_no_error (error);
  reread = mc_design_io_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reread);

  id = import_ok (target, reread, FALSE);
  copied = load_ok (target, id);

  g_assert_cmpstr (mc_design_get_uuid (copied), ==, mc_design_get_uuid (stored));
  g_assert_cmpint (mc_design_get_state (copied), ==, mc_design_get_state (stored));
  g_assert_cmpuint (mc_design_get_revision_number (copied), ==,
                    mc_design_get_revision_number (stored));
  g_assert_cmpint (mc_design_get_created (copied), ==, mc_design_get_created (stored));
  g_assert_cmpint (mc_design_get_modified (copied), ==, mc_design_get_modified (stored));
  /* 2025-04-28T16:30:00+02:00 in the original file. */
  g_assert_cmpint (mc_design_get_modified (copied), ==, 1745850600);
  g_assert_true (mc_revision_equal (mc_design_get_content (copied),
                                    mc_design_get_content (stored)));
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (copied)), ==,
                   "Battery Systems for Electric Vehicles");

  /* The unit and the author came with the file: the author, unknown
   * there, joined its people with their name and address. */
  unit = mc_store_get_unit (target, mc_design_get_unit_id (copied), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_unit_get_code (unit), ==, "ENG");
  g_assert_cmpstr (mc_unit_get_name (unit), ==, "Faculty of Engineering");
  g_assert_cmpstr (reread->owner_username, ==, "lena.devries");
  g_assert_cmpstr (reread->owner_name, ==, "Lena de Vries");
  {
    g_autoptr(McPerson) author = mc_store_find_person_by_username (target, "lena.devries", &error);

    g_assert_no_error (error);
    g_assert_nonnull (author);
    g_assert_cmpint (mc_design_get_owner_id (copied), ==, mc_person_get_id (author));
    g_assert_cmpstr (mc_person_get_name (author), ==, "Lena de Vries");
    g_assert_cmpstr (mc_person_get_email (author), ==, "lena@example.org");
    g_assert_cmpint (mc_person_get_unit_id (author), ==, mc_unit_get_id (unit));
  }

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_deterministic (void)
{
  g_autoptr(McStore) store = new_store ();
  g_autoptr(GBytes) input = load_test_file ("design-valid.json");
  g_autoptr(McDesignFile) file = parse_ok (input);
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McDesign) reloaded = NULL;
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GError) error = NULL;
  const char *data;
  gsize length;
  gint64 id;

  g_setenv ("SOURCE_DATE_EPOCH", "1700000000", TRUE);

  id = import_ok (store, file, FALSE);
  design = load_ok (store, id);
  reloaded = load_ok (store, id);

  first = mc_design_io_serialize (store, design, &error);
  g_assert_no_error (error);
  second = mc_design_io_serialize (store, reloaded, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (first, second));

  data = g_bytes_get_data (first, &length);
  g_assert_cmpuint (length, >, 0);
  g_assert_true (g_utf8_validate_len (data, length, NULL));
  g_assert_cmpint (data[length - 1], ==, '\n');
  g_assert_true (g_str_has_prefix (data, "{\n  \"format\" : \"io.github.microcred.design\""));
  g_assert_nonnull (g_strstr_len (data, (gssize) length, "2023-11-14T22:13:20Z"));
  /* The owner, given by user name only in the file, was added to the
   * people of this database under that name. */
  g_assert_nonnull (g_strstr_len (data, (gssize) length, "\"username\" : \"lena.devries\""));

  g_unsetenv ("SOURCE_DATE_EPOCH");
}

static void
test_quotes_and_sql (void)
{
  g_autoptr(McStore) store = new_store ();
  g_autoptr(McStore) other = new_store ();
  g_autoptr(GBytes) input = load_test_file ("design-quotes-sql.json");
  g_autoptr(McDesignFile) file = parse_ok (input);
  g_autoptr(McDesignFile) again = NULL;
  g_autoptr(McDesign) stored = NULL;
  g_autoptr(McDesign) copied = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(McUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  McRevision *content;
  McOutcome *outcome;
  gint64 id;

  id = import_ok (store, file, FALSE);
  stored = load_ok (store, id);
  content = mc_design_get_content (stored);
  g_assert_cmpstr (mc_revision_get_title (content), ==,
                   "Robert'); DROP TABLE design;-- \"quoted\" \\ back\\slash");
  g_assert_true (g_str_has_suffix (mc_revision_get_string (content, "description"),
                                   "[[ ]] ' OR 1=1 --"));
  outcome = g_list_model_get_item (G_LIST_MODEL (mc_revision_get_outcomes (content)), 0);
  g_assert_cmpstr (mc_item_get_string (MC_ITEM (outcome), "code"), ==, "Q'1");
  g_object_unref (outcome);

  /* The unit kept its odd name; so did the owner, added as a person. */
  unit = mc_store_find_unit_by_code (store, "X'; DROP TABLE unit; --", &error);
  g_assert_no_error (error);
  g_assert_nonnull (unit);
  g_assert_cmpstr (mc_unit_get_name (unit), ==, "Robert\"); DELETE FROM design; --");
  {
    g_autoptr(McPerson) odd = mc_store_find_person_by_username (store, "nobody' OR '1'='1", &error);

    g_assert_no_error (error);
    g_assert_nonnull (odd);
    g_assert_cmpint (mc_design_get_owner_id (stored), ==, mc_person_get_id (odd));
  }
  g_assert_cmpuint (count (store).designs, ==, 1);

  /* And it all comes back verbatim. */
  exported = mc_design_io_serialize (store, stored, &error);
  g_assert_no_error (error);
  again = parse_ok (exported);
  g_assert_cmpstr (again->unit_code, ==, "X'; DROP TABLE unit; --");
  id = import_ok (other, again, FALSE);
  copied = load_ok (other, id);
  g_assert_true (mc_revision_equal (mc_design_get_content (copied), content));
}

/* Bad input */

static void
test_wrong_format (void)
{
  g_autoptr(McStore) store = seeded_store ();
  g_autoptr(GBytes) badge = load_test_file ("design-wrong-format.json");
  g_autoptr(GBytes) array = g_bytes_new_static ("[1, 2, 3]", 9);

  assert_refused (store, badge, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_FORMAT,
                  "not a Microcred design file");
  assert_refused (store, array, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_FORMAT,
                  "not a Microcred design file");
}

static void
test_newer_version (void)
{
  g_autoptr(McStore) store = seeded_store ();
  g_autoptr(GBytes) bytes = load_test_file ("design-version-2.json");

  assert_refused (store, bytes, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_FORMAT,
                  "newer version of Microcred");
}

static void
version_as_text (JsonNode *root)
{
  json_object_set_string_member (object_at (root, ""), "version", "1");
}

static void
version_zero (JsonNode *root)
{
  json_object_set_int_member (object_at (root, ""), "version", 0);
}

static void
test_bad_version (void)
{
  assert_mutation_refused (version_as_text, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_FORMAT,
                           "version");
  assert_mutation_refused (version_zero, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_FORMAT,
                           "version");
}

/* Replaces the first occurrence of @needle in the valid file by @bytes. */
static GBytes *
valid_file_with (const char *needle,
                 const char *replacement,
                 gsize       replacement_length)
{
  g_autoptr(GBytes) valid = load_test_file ("design-valid.json");
  const char *data = g_bytes_get_data (valid, NULL);
  const char *at = strstr (data, needle);
  GByteArray *out = g_byte_array_new ();

  g_assert_nonnull (at);
  g_byte_array_append (out, (const guint8 *) data, (guint) (at - data));
  g_byte_array_append (out, (const guint8 *) replacement, (guint) replacement_length);
  g_byte_array_append (out, (const guint8 *) at + strlen (needle),
                       (guint) (g_bytes_get_size (valid) - (gsize) (at - data) - strlen (needle)));
  return g_byte_array_free_to_bytes (out);
}

static void
test_invalid_utf8 (void)
{
  g_autoptr(McStore) store = seeded_store ();
  g_autoptr(GBytes) stray = valid_file_with ("Battery", "B\xFF" "ttery", 7);
  g_autoptr(GBytes) overlong = valid_file_with ("Battery", "\xC0\xAF" "attery", 8);
  g_autoptr(GBytes) latin1 = valid_file_with ("Battery", "Caf\xE9 ", 5);

  assert_refused (store, stray, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_ENCODING, "UTF-8");
  assert_refused (store, overlong, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_ENCODING, "UTF-8");
  assert_refused (store, latin1, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_ENCODING, "UTF-8");

  /* Valid UTF-8 in the file, but an escape of half a surrogate pair that
   * would decode into bytes that are not. */
  {
    g_autoptr(GBytes) surrogate = valid_file_with ("Battery", "\\ud800ttery", 11);

    assert_refused (store, surrogate, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_INVALID, "Unicode");
  }
}

static void
test_embedded_nul (void)
{
  g_autoptr(McStore) store = seeded_store ();
  g_autoptr(GBytes) bytes = valid_file_with ("Battery", "Batt\0ry", 7);

  assert_refused (store, bytes, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_ENCODING, "NUL");
}

static void
test_syntax (void)
{
  g_autoptr(McStore) store = seeded_store ();
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) valid = load_test_file ("design-valid.json");
  g_autoptr(GBytes) truncated = g_bytes_new_from_bytes (valid, 0, g_bytes_get_size (valid) / 2);

  assert_refused (store, empty, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_SYNTAX, "empty");
  assert_refused (store, truncated, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_SYNTAX, "JSON");
}

static void remove_unit_code (JsonNode *r) { json_object_remove_member (object_at (r, "design.unit"), "code"); }
static void unit_code_number (JsonNode *r) { json_object_set_int_member (object_at (r, "design.unit"), "code", 42); }
static void remove_uuid (JsonNode *r) { json_object_remove_member (object_at (r, "design"), "uuid"); }
static void bad_uuid (JsonNode *r) { json_object_set_string_member (object_at (r, "design"), "uuid", "not-a-uuid"); }
static void remove_design (JsonNode *r) { json_object_remove_member (object_at (r, ""), "design"); }
static void remove_revision (JsonNode *r) { json_object_remove_member (object_at (r, "design"), "revision"); }
static void revision_array (JsonNode *r) { json_object_set_array_member (object_at (r, "design"), "revision", json_array_new ()); }
static void bad_state (JsonNode *r) { json_object_set_string_member (object_at (r, "design"), "state", "finished"); }
static void bad_created (JsonNode *r) { json_object_set_string_member (object_at (r, "design"), "created", "yesterday"); }
/* Found by the fuzzer: such dates were accepted, then exported as "999-…",
 * which no ISO 8601 reader (this one included) takes back. */
static void ancient_created (JsonNode *r) { json_object_set_string_member (object_at (r, "design"), "created", "0999-01-01T00:00:00Z"); }
/* Found in review: the year 10000 in UTC, written in another time zone. */
static void far_future_offset (JsonNode *r) { json_object_set_string_member (object_at (r, "design"), "created", "9999-12-31T23:00:00-05:00"); }
static void pre_epoch_modified (JsonNode *r) { json_object_set_string_member (object_at (r, "design"), "modified", "1969-12-31T23:59:59Z"); }
static void owner_object_without_username (JsonNode *r)
{
  JsonObject *owner = json_object_new ();

  json_object_set_string_member (owner, "name", "Somebody");
  json_object_set_object_member (object_at (r, "design"), "owner", owner);
}
static void owner_number (JsonNode *r) { json_object_set_int_member (object_at (r, "design"), "owner", 7); }
static void extra_member (JsonNode *r) { json_object_set_string_member (object_at (r, "design"), "colour", "blue"); }
static void extra_field (JsonNode *r) { json_object_set_string_member (object_at (r, "design.revision"), "colour", "blue"); }
static void empty_unit_name (JsonNode *r) { json_object_set_string_member (object_at (r, "design.unit"), "name", ""); }

static void
test_missing_fields (void)
{
  const struct {
    Mutation    mutate;
    const char *needle;
  } cases[] = {
    { remove_unit_code, "design.unit.code: this member is missing" },
    { unit_code_number, "design.unit.code: expected a text" },
    { remove_uuid, "design.uuid" },
    { bad_uuid, "design.uuid" },
    { remove_design, "design: this member is missing" },
    { remove_revision, "design.revision: this member is missing" },
    { revision_array, "design.revision: expected an object" },
    { bad_state, "design.state" },
    { bad_created, "design.created" },
    { owner_number, "design.owner" },
    { ancient_created, "design.created: “0999-01-01T00:00:00Z” is outside the years 1970 to 9999" },
    { pre_epoch_modified, "design.modified" },
    { far_future_offset, "design.created" },
    { owner_object_without_username, "design.owner.username: this member is missing" },
    { extra_member, "design.colour" },
    { extra_field, "design.revision.colour" },
    { empty_unit_name, "design.unit.name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_mutation_refused (cases[i].mutate, MC_DESIGN_IO_ERROR,
                             MC_DESIGN_IO_ERROR_INVALID, cases[i].needle);
}

static void negative_ects (JsonNode *r) { json_object_set_int_member (object_at (r, "design.revision"), "ects", -5); }
static void billion_hours (JsonNode *r) { json_object_set_double_member (object_at (r, "design.revision"), "hours", 1e9); }
static void ects_as_text (JsonNode *r) { json_object_set_string_member (object_at (r, "design.revision"), "ects", "five"); }

static void
test_absurd_numbers (void)
{
  assert_mutation_refused (negative_ects, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_INVALID,
                           "design.revision.ects");
  assert_mutation_refused (billion_hours, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_INVALID,
                           "design.revision.hours");
  assert_mutation_refused (ects_as_text, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_INVALID,
                           "design.revision.ects");
}

static void
test_huge_file (void)
{
  g_autoptr(McStore) store = seeded_store ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(McDesignFile) parsed = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize size = 5 * 1024 * 1024;
  GString *text = g_string_sized_new (size + 64);

  /* Valid JSON with a 5 MB string: refused for its size alone. */
  g_string_append (text, "{\"format\": \"io.github.microcred.design\", \"version\": 1, \"pad\": \"");
  while (text->len < size)
    g_string_append_c (text, 'a');
  g_string_append (text, "\"}\n");
  bytes = g_string_free_to_bytes (text);

  assert_refused (store, bytes, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_TOO_LARGE, "too large");

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes),
                       &error);
  g_assert_no_error (error);
  parsed = mc_design_io_read_file (file, NULL, &error);
  g_assert_error (error, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_TOO_LARGE);
  g_assert_null (parsed);
  g_assert_nonnull (strstr (error->message, "huge.json"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_deep_nesting (void)
{
  g_autoptr(McStore) store = seeded_store ();
  g_autoptr(GBytes) arrays = NULL;
  g_autoptr(GBytes) inside = NULL;
  g_autoptr(GBytes) objects = NULL;
  guint depth = 100000;
  GString *text = g_string_sized_new (2 * depth + 2);
  GString *nested = g_string_new (NULL);
  GString *braces = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');
  arrays = g_string_free_to_bytes (text);
  assert_refused (store, arrays, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_SYNTAX, "levels deep");

  /* Deep inside an otherwise plausible file. */
  g_string_append (nested, "\"isced_f\": ");
  for (guint i = 0; i < 40; i++)
    g_string_append_c (nested, '[');
  for (guint i = 0; i < 40; i++)
    g_string_append_c (nested, ']');
  inside = valid_file_with ("\"isced_f\": \"0716\"", nested->str, nested->len);
  g_string_free (nested, TRUE);
  assert_refused (store, inside, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_SYNTAX, "levels deep");

  /* Objects count as well as arrays. */
  for (guint i = 0; i < depth; i++)
    g_string_append (braces, "{\"a\":");
  g_string_append (braces, "1");
  for (guint i = 0; i < depth; i++)
    g_string_append_c (braces, '}');
  objects = g_string_free_to_bytes (braces);
  assert_refused (store, objects, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_SYNTAX, "levels deep");
}

static void
test_brackets_in_strings (void)
{
  g_autoptr(McStore) store = new_store ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(McDesignFile) file = NULL;
  GString *title = g_string_new ("\"title\": \"An escaped quote \\\" then ");

  /* Brackets inside a string are text, also after an escaped quote. */
  for (guint i = 0; i < 60; i++)
    g_string_append (title, "[{");
  g_string_append_c (title, '"');
  bytes = valid_file_with ("\"title\": \"Battery Systems for Electric Vehicles\"",
                           title->str, title->len);
  g_string_free (title, TRUE);

  file = parse_ok (bytes);
  g_assert_true (g_str_has_prefix (mc_revision_get_title (mc_design_get_content (file->design)),
                                   "An escaped quote \" then [{[{"));
  import_ok (store, file, FALSE);
  g_assert_cmpuint (count (store).designs, ==, 1);
}

static void
empty_title (JsonNode *root)
{
  JsonObject *design = object_at (root, "design");

  json_object_set_string_member (design, "state", "draft");
  json_object_set_string_member (object_at (root, "design.revision"), "title", "");
}

/* An empty title is allowed: a draft may be saved before it has one, and
 * an exchange file must be able to carry any stored draft.  Validation is
 * what reports it. */
static void
test_empty_title (void)
{
  g_autoptr(McStore) store = new_store ();
  g_autoptr(JsonNode) root = load_test_json ("design-valid.json");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(McDesignFile) file = NULL;
  g_autoptr(McDesign) stored = NULL;
  g_autoptr(McValidator) validator = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GError) error = NULL;
  const char * const profiles[] = { "eu-council", NULL };
  gboolean flagged = FALSE;
  gint64 id;

  empty_title (root);
  bytes = node_to_bytes (root);
  file = parse_ok (bytes);
  id = import_ok (store, file, FALSE);
  stored = load_ok (store, id);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (stored)), ==, "");
  g_assert_cmpint (mc_design_get_state (stored), ==, MC_DESIGN_STATE_DRAFT);

  validator = mc_validator_new ();
  findings = mc_validator_validate (validator, mc_design_get_content (stored), profiles, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    {
      McFinding *finding = g_ptr_array_index (findings, i);

      if (g_strcmp0 (mc_finding_get_field (finding), "title") == 0 &&
          mc_finding_get_severity (finding) == MC_SEVERITY_ERROR)
        flagged = TRUE;
    }
  g_assert_true (flagged);
}

static void new_unit_and_title (JsonNode *root)
{
  json_object_set_string_member (object_at (root, "design.unit"), "code", "NEWU");
  json_object_set_string_member (object_at (root, "design.unit"), "name", "New Unit");
  json_object_set_string_member (object_at (root, "design.revision"), "title", "Replaced title");
  json_object_set_string_member (object_at (root, "design"), "state", "active");
  json_object_set_string_member (object_at (root, "design"), "owner", "new.author");
}

static void
test_duplicate_uuid (void)
{
  g_autoptr(McStore) store = seeded_store ();
  g_autoptr(GBytes) same = load_test_file ("design-valid.json");
  g_autoptr(JsonNode) root = load_test_json ("design-valid.json");
  g_autoptr(GBytes) changed = NULL;
  g_autoptr(McDesignFile) file = NULL;
  g_autoptr(McDesign) before = NULL;
  g_autoptr(McDesign) after = NULL;
  g_autoptr(McUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid = "7d3f0c4e-2b8a-4e61-9a57-0c1b2d3e4f50";
  Counts counts;
  gint64 id;

  before = mc_store_find_design_by_uuid (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (before);

  assert_refused (store, same, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT, uuid);

  /* The refused import would have created a unit and a person: both are
   * rolled back too (assert_refused also counts units and people). */
  new_unit_and_title (root);
  changed = node_to_bytes (root);
  assert_refused (store, changed, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT, "already exists");
  unit = mc_store_find_unit_by_code (store, "NEWU", &error);
  g_assert_no_error (error);
  g_assert_null (unit);
  {
    g_autoptr(McPerson) nobody = mc_store_find_person_by_username (store, "new.author", &error);

    g_assert_no_error (error);
    g_assert_null (nobody);
  }

  /* A design past the draft stage is never replaced: its submitted
   * revision is the institution's record. */
  file = parse_ok (changed);
  g_assert_cmpint (mc_design_io_import (store, file, TRUE, &error), ==, 0);
  g_assert_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "only a draft"));
  g_clear_error (&error);
  g_clear_pointer (&file, mc_design_file_free);
  after = load_ok (store, mc_design_get_id (before));
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (after)), !=, "Replaced title");
  g_clear_object (&after);

  /* A draft is updated in place; its state stays the stored one. */
  json_object_set_string_member (object_at (root, "design"), "uuid", "0f5c2b1a-9d8e-4c7b-a6f5-e4d3c2b1a090");
  json_object_set_string_member (object_at (root, "design"), "state", "draft");
  json_object_set_string_member (object_at (root, "design.revision"), "title", "Draft title");
  g_clear_pointer (&changed, g_bytes_unref);
  changed = node_to_bytes (root);
  file = parse_ok (changed);
  id = import_ok (store, file, FALSE);
  g_clear_pointer (&file, mc_design_file_free);
  g_clear_object (&before);
  before = load_ok (store, id);
  json_object_set_string_member (object_at (root, "design.revision"), "title", "Replaced title");
  json_object_set_string_member (object_at (root, "design"), "state", "active");
  g_clear_pointer (&changed, g_bytes_unref);
  changed = node_to_bytes (root);

  counts = count (store);
  file = parse_ok (changed);
  g_assert_cmpint (import_ok (store, file, TRUE), ==, id);
  g_assert_cmpuint (count (store).designs, ==, counts.designs);

  after = load_ok (store, id);
  g_assert_cmpstr (mc_revision_get_title (mc_design_get_content (after)), ==, "Replaced title");
  g_assert_cmpint (mc_design_get_state (after), ==, MC_DESIGN_STATE_DRAFT);
  g_assert_cmpint (mc_design_get_version (after), >, mc_design_get_version (before));
  g_clear_object (&unit);
  unit = mc_store_get_unit (store, mc_design_get_unit_id (after), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mc_unit_get_code (unit), ==, "NEWU");
}

static void
test_read_missing_file (void)
{
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "absent.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(McDesignFile) parsed = NULL;
  g_autoptr(GError) error = NULL;

  parsed = mc_design_io_read_file (file, NULL, &error);
  g_assert_null (parsed);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/core/design-io/round-trip", test_round_trip);
  g_test_add_func ("/core/design-io/deterministic", test_deterministic);
  g_test_add_func ("/core/design-io/quotes-and-sql", test_quotes_and_sql);
  g_test_add_func ("/core/design-io/wrong-format", test_wrong_format);
  g_test_add_func ("/core/design-io/newer-version", test_newer_version);
  g_test_add_func ("/core/design-io/bad-version", test_bad_version);
  g_test_add_func ("/core/design-io/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/core/design-io/embedded-nul", test_embedded_nul);
  g_test_add_func ("/core/design-io/syntax", test_syntax);
  g_test_add_func ("/core/design-io/missing-fields", test_missing_fields);
  g_test_add_func ("/core/design-io/absurd-numbers", test_absurd_numbers);
  g_test_add_func ("/core/design-io/huge-file", test_huge_file);
  g_test_add_func ("/core/design-io/deep-nesting", test_deep_nesting);
  g_test_add_func ("/core/design-io/brackets-in-strings", test_brackets_in_strings);
  g_test_add_func ("/core/design-io/empty-title", test_empty_title);
  g_test_add_func ("/core/design-io/duplicate-uuid", test_duplicate_uuid);
  g_test_add_func ("/core/design-io/read-missing-file", test_read_missing_file);

  return g_test_run ();
}
