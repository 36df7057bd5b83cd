/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mc-design-io.h"
#include "mc-store-private.h"
#include "mc-json-private.h"

/* The design exchange file, documented in docs/design-format.md.
 *
 * Reading is defensive because files come from other machines and people:
 * the size is bounded before anything is read whole, the bytes are checked
 * for UTF-8 and NULs, and the nesting depth is measured with a cheap scan
 * before json-glib (a recursive parser) sees them, so a hostile file cannot
 * exhaust memory or the stack.  Only then is the JSON parsed and every
 * member checked, with messages that name the member ("design.unit.code"). */

G_DEFINE_QUARK (mc-design-io-error-quark, mc_design_io_error)

#define MAX_CODE_LENGTH     32
#define MAX_NAME_LENGTH     200
#define MAX_USERNAME_LENGTH 64
#define MAX_REVISION_NUMBER 100000
#define MAX_UNIX_TIME       G_GINT64_CONSTANT (253402300799)   /* 9999-12-31T23:59:59Z */
#define READ_CHUNK          (64 * 1024)

void
mc_design_file_free (McDesignFile *file)
{
  if (file == NULL)
    return;

  g_clear_object (&file->design);
  g_free (file->unit_code);
  g_free (file->unit_name);
  g_free (file->owner_username);
  g_free (file->owner_name);
  g_free (file->owner_email);
  g_free (file);
}

/* Reading members */

static char *
member_path (const char *parent,
             const char *name)
{
  return parent != NULL ? g_strconcat (parent, ".", name, NULL) : g_strdup (name);
}

static gboolean
invalid (GError     **error,
         const char  *parent,
         const char  *name,
         const char  *format,
         ...) G_GNUC_PRINTF (4, 5);

/* Sets an INVALID error "parent.name: <message>". */
static gboolean
invalid (GError     **error,
         const char  *parent,
         const char  *name,
         const char  *format,
         ...)
{
  g_autofree char *path = member_path (parent, name);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: "design.unit.code: expected a text" */
  g_set_error (error, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_INVALID,
               _("%s: %s"), path, message);
  return FALSE;
}

static gboolean
check_members (JsonObject          *object,
               const char          *parent,
               const char * const  *allowed,
               GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      if (!g_strv_contains (allowed, l->data))
        return invalid (error, parent, l->data, "%s", _("unknown member"));
    }

  return TRUE;
}

/* Looks a member up; FALSE with @error if it is required and missing. */
static gboolean
find_member (JsonObject  *object,
             const char  *parent,
             const char  *name,
             gboolean     required,
             JsonNode   **node,
             GError     **error)
{
  *node = json_object_get_member (object, name);
  if (*node == NULL && required)
    return invalid (error, parent, name, "%s", _("this member is missing"));
  return TRUE;
}

static gboolean
is_value_of (JsonNode *node,
             GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Looks a scalar member up and checks its type; *@node is NULL when the
 * member is optional and absent.  @expected says what the type means. */
static gboolean
find_value (JsonObject  *object,
            const char  *parent,
            const char  *name,
            gboolean     required,
            GType        type,
            const char  *expected,
            JsonNode   **node,
            GError     **error)
{
  if (!find_member (object, parent, name, required, node, error))
    return FALSE;
  if (*node != NULL && !is_value_of (*node, type))
    return invalid (error, parent, name, "%s", expected);
  return TRUE;
}

/* A string of at most @max_length characters; NULL stays NULL when the
 * member is optional and absent. */
static gboolean
get_string (JsonObject   *object,
            const char   *parent,
            const char   *name,
            gboolean      required,
            guint         max_length,
            const char  **value,
            GError      **error)
{
  JsonNode *node;

  *value = NULL;
  if (!find_value (object, parent, name, required, G_TYPE_STRING, _("expected a text"),
                   &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  *value = json_node_get_string (node);
  if (required && **value == '\0')
    return invalid (error, parent, name, "%s", _("must not be empty"));
  if (g_utf8_strlen (*value, -1) > (glong) max_length)
    return invalid (error, parent, name, _("longer than %u characters"), max_length);

  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
         const char  *parent,
         const char  *name,
         gboolean     required,
         gint64       min,
         gint64       max,
         gint64      *value,
         GError     **error)
{
  JsonNode *node;

  if (!find_value (object, parent, name, required, G_TYPE_INT64, _("expected a whole number"),
                   &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  *value = json_node_get_int (node);
  if (*value < min || *value > max)
    return invalid (error, parent, name,
                    _("must be between %lld and %lld"),
                    (long long) min, (long long) max);

  return TRUE;
}

static gboolean
get_object (JsonObject   *object,
            const char   *parent,
            const char   *name,
            JsonObject  **value,
            GError      **error)
{
  JsonNode *node;

  if (!find_member (object, parent, name, TRUE, &node, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (error, parent, name, "%s", _("expected an object"));

  *value = json_node_get_object (node);
  return TRUE;
}

/* An ISO 8601 date and time with an explicit offset; absent leaves @value. */
static gboolean
get_timestamp (JsonObject  *object,
               const char  *parent,
               const char  *name,
               gint64      *value,
               GError     **error)
{
  g_autoptr(GDateTime) time = NULL;
  const char *text;

  if (!get_string (object, parent, name, FALSE, 64, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return invalid (error, parent, name,
                    _("“%s” is not a date and time in ISO 8601 form "
                      "(such as 2025-03-14T09:30:00Z)"), text);

  /* Designs are dated in Unix time and written back in UTC with four-digit
   * years: anything outside that would not survive an export.  The year is
   * judged in UTC ("9999-12-31T23:00:00-05:00" is already 10000 there). */
  if (g_date_time_to_unix (time) < 0 || g_date_time_to_unix (time) > MAX_UNIX_TIME)
    return invalid (error, parent, name,
                    _("“%s” is outside the years 1970 to 9999"), text);

  *value = g_date_time_to_unix (time);
  return TRUE;
}

/* Parsing */

static gboolean
parse_unit (JsonObject    *design,
            McDesignFile  *file,
            GError       **error)
{
  static const char * const members[] = { "code", "name", NULL };
  JsonObject *unit;
  const char *code;
  const char *name;

  if (!get_object (design, "design", "unit", &unit, error) ||
      !check_members (unit, "design.unit", members, error) ||
      !get_string (unit, "design.unit", "code", TRUE, MAX_CODE_LENGTH, &code, error) ||
      !get_string (unit, "design.unit", "name", TRUE, MAX_NAME_LENGTH, &name, error))
    return FALSE;

  file->unit_code = g_strdup (code);
  file->unit_name = g_strdup (name);
  return TRUE;
}

/* The owner is the author's user name, or an object with the user name and,
 * optionally, their name and e-mail address, so that a design moved to
 * another database keeps its author. */
static gboolean
parse_owner (JsonObject    *object,
             McDesignFile  *file,
             GError       **error)
{
  static const char * const members[] = { "username", "name", "email", NULL };
  JsonNode *node;
  const char *owner;

  node = json_object_get_member (object, "owner");
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *person = json_node_get_object (node);
      const char *name = NULL;
      const char *email = NULL;

      if (!check_members (person, "design.owner", members, error) ||
          !get_string (person, "design.owner", "username", TRUE, MAX_USERNAME_LENGTH, &owner, error) ||
          !get_string (person, "design.owner", "name", FALSE, MAX_NAME_LENGTH, &name, error) ||
          !get_string (person, "design.owner", "email", FALSE, MAX_NAME_LENGTH, &email, error))
        return FALSE;
      file->owner_name = g_strdup (name);
      file->owner_email = g_strdup (email);
    }
  else if (is_value_of (node, G_TYPE_STRING))
    owner = json_node_get_string (node);
  else
    return invalid (error, "design", "owner", "%s", _("expected a person, a user name or null"));

  if (*owner == '\0' || g_utf8_strlen (owner, -1) > MAX_USERNAME_LENGTH)
    return invalid (error, "design", "owner", _("“%s” is not a user name"), owner);

  file->owner_username = g_strdup (owner);
  return TRUE;
}

static gboolean
parse_design (JsonObject    *object,
              McDesignFile  *file,
              GError       **error)
{
  static const char * const members[] = {
    "uuid", "state", "revision_number", "created", "modified",
    "unit", "owner", "revision", NULL
  };
  g_autoptr(McRevision) content = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *uuid;
  const char *state_nick;
  gint64 revision_number = 1;
  gint64 created = 0;
  gint64 modified = 0;
  JsonNode *revision;
  int state;

  if (!check_members (object, "design", members, error) ||
      !get_string (object, "design", "uuid", TRUE, 36, &uuid, error))
    return FALSE;
  if (!g_uuid_string_is_valid (uuid))
    return invalid (error, "design", "uuid",
                    _("“%s” is not a valid identifier (UUID)"), uuid);

  if (!get_string (object, "design", "state", TRUE, 64, &state_nick, error))
    return FALSE;
  if (!mc_enum_from_nick (MC_TYPE_DESIGN_STATE, state_nick, &state))
    return invalid (error, "design", "state", _("unknown state “%s”"), state_nick);

  if (!get_int (object, "design", "revision_number", FALSE, 1, MAX_REVISION_NUMBER,
                &revision_number, error) ||
      !get_timestamp (object, "design", "created", &created, error) ||
      !get_timestamp (object, "design", "modified", &modified, error) ||
      !parse_unit (object, file, error) ||
      !parse_owner (object, file, error) ||
      !find_member (object, "design", "revision", TRUE, &revision, error))
    return FALSE;

  if (!JSON_NODE_HOLDS_OBJECT (revision))
    return invalid (error, "design", "revision", "%s", _("expected an object"));

  /* The revision's messages start with the member's path inside it
   * ("outcomes[2].code: ..."); completed, they name it from the file's root. */
  content = mc_revision_new_from_json (revision, &local_error);
  if (content == NULL)
    {
      g_set_error (error, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_INVALID,
                   "design.revision.%s", local_error->message);
      return FALSE;
    }

  mc_design_set_uuid (file->design, uuid);
  mc_design_set_state (file->design, state);
  mc_design_set_revision_number (file->design, (guint) revision_number);
  mc_design_set_created (file->design, created);
  mc_design_set_modified (file->design, modified != 0 ? modified : created);
  mc_design_set_content (file->design, content);

  return TRUE;
}

static gboolean
parse_header (JsonObject  *root,
              GError     **error)
{
  static const char * const members[] = { "format", "version", "exported", "design", NULL };
  JsonNode *node;
  gint64 version;
  gint64 exported = 0;

  node = json_object_get_member (root, "format");
  if (node == NULL || !is_value_of (node, G_TYPE_STRING) ||
      g_strcmp0 (json_node_get_string (node), MC_DESIGN_IO_FORMAT) != 0)
    {
      g_set_error (error, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_FORMAT,
                   _("This is not a Microcred design file: its “format” member is not “%s”."),
                   MC_DESIGN_IO_FORMAT);
      return FALSE;
    }

  node = json_object_get_member (root, "version");
  if (node == NULL || !is_value_of (node, G_TYPE_INT64) || json_node_get_int (node) < 1)
    {
      g_set_error (error, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_FORMAT,
                   _("The design file has no valid format version: "
                     "“version” must be a whole number such as %d."),
                   MC_DESIGN_IO_VERSION);
      return FALSE;
    }

  version = json_node_get_int (node);
  if (version > MC_DESIGN_IO_VERSION)
    {
      g_set_error (error, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_FORMAT,
                   _("This design file was written by a newer version of Microcred "
                     "(format version %lld); this version reads "
                     "format version %d. Update Microcred to import it."),
                   (long long) version, MC_DESIGN_IO_VERSION);
      return FALSE;
    }

  return check_members (root, NULL, members, error) &&
         get_timestamp (root, NULL, "exported", &exported, error);
}

McDesignFile *
mc_design_io_parse (GBytes  *bytes,
                    GError **error)
{
  g_autoptr(McDesignFile) file = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char *data;
  gsize length;
  JsonObject *design;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &length);
  if (length > MC_DESIGN_IO_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *limit = g_format_size (MC_DESIGN_IO_MAX_BYTES);

      g_set_error (error, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_TOO_LARGE,
                   _("The file is too large (%s); a design file may be at most %s."),
                   size, limit);
      return NULL;
    }

  root = _mc_json_parse_untrusted (data, length, MC_DESIGN_IO_MAX_DEPTH, MC_DESIGN_IO_ERROR,
                                   MC_DESIGN_IO_ERROR_ENCODING, MC_DESIGN_IO_ERROR_SYNTAX, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_FORMAT,
                           _("This is not a Microcred design file: it does not hold a JSON object."));
      return NULL;
    }

  if (!parse_header (json_node_get_object (root), error) ||
      !get_object (json_node_get_object (root), NULL, "design", &design, error))
    return NULL;

  file = g_new0 (McDesignFile, 1);
  file->design = mc_design_new ();
  if (!parse_design (design, file, error))
    return NULL;

  return g_steal_pointer (&file);
}

McDesignFile *
mc_design_io_read_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GByteArray) buffer = NULL;
  g_autoptr(GBytes) bytes = NULL;
  McDesignFile *parsed;
  gsize limit = MC_DESIGN_IO_MAX_BYTES;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  /* Refuse a huge file before reading it, and bound the read as well: the
   * file may grow between the query and the read. */
  if (g_file_info_get_size (info) > (goffset) limit)
    {
      g_autofree char *name = g_file_get_parse_name (file);
      g_autofree char *size = g_format_size ((guint64) g_file_info_get_size (info));
      g_autofree char *max = g_format_size (limit);

      g_set_error (error, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_TOO_LARGE,
                   _("%s: the file is too large (%s); a design file may be at most %s."),
                   name, size, max);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  buffer = g_byte_array_sized_new ((guint) g_file_info_get_size (info) + 1);
  for (;;)
    {
      guint8 chunk[READ_CHUNK];
      gssize n_read;

      n_read = g_input_stream_read (G_INPUT_STREAM (stream), chunk, sizeof chunk,
                                    cancellable, error);
      if (n_read < 0)
        return NULL;
      if (n_read == 0)
        break;
      g_byte_array_append (buffer, chunk, (guint) n_read);
      if (buffer->len > limit)
        break;   /* mc_design_io_parse() reports it */
    }

  if (!g_input_stream_close (G_INPUT_STREAM (stream), cancellable, error))
    return NULL;

  bytes = g_byte_array_free_to_bytes (g_steal_pointer (&buffer));
  parsed = mc_design_io_parse (bytes, error);
  if (parsed == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_prefix_error (error, "%s: ", name);
    }

  return parsed;
}

/* Writing */

static char *
format_timestamp (gint64 unix_utc)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_utc);

  if (time == NULL)
    time = g_date_time_new_from_unix_utc (0);
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

/* The export time; SOURCE_DATE_EPOCH fixes it, as for reproducible builds,
 * so that identical designs give identical files. */
static gint64
export_time (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 value;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &value, NULL))
    return (gint64) value;

  return g_get_real_time () / G_USEC_PER_SEC;
}

/* The person with @id, or NULL (no error) when there is none. */
static McPerson *
lookup_person (McStore  *store,
               gint64    id,
               GError  **error)
{
  g_autoptr(GListModel) people = NULL;
  guint n;

  if (id == 0)
    return NULL;

  people = mc_store_list_people (store, error);
  if (people == NULL)
    return NULL;

  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McPerson) person = g_list_model_get_item (people, i);

      if (mc_person_get_id (person) == id)
        return g_steal_pointer (&person);
    }

  return NULL;
}

GBytes *
mc_design_io_serialize (McStore   *store,
                        McDesign  *design,
                        GError   **error)
{
  g_autoptr(McUnit) unit = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(McPerson) owner = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *created = NULL;
  g_autofree char *modified = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *file_object;
  JsonObject *design_object;
  JsonObject *unit_object;
  g_autofree char *data = NULL;
  g_autofree char *text = NULL;
  gsize length;

  g_return_val_if_fail (MC_IS_STORE (store), NULL);
  g_return_val_if_fail (MC_IS_DESIGN (design), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (mc_design_get_unit_id (design) == 0)
    {
      g_set_error_literal (error, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_INVALID,
                           _("The design has no academic unit; choose one before exporting it."));
      return NULL;
    }

  unit = mc_store_get_unit (store, mc_design_get_unit_id (design), error);
  if (unit == NULL)
    return NULL;

  owner = lookup_person (store, mc_design_get_owner_id (design), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  exported = format_timestamp (export_time ());
  created = format_timestamp (mc_design_get_created (design));
  modified = format_timestamp (mc_design_get_modified (design));

  /* Members are added in a fixed order; json-glib keeps it when writing. */
  unit_object = json_object_new ();
  json_object_set_string_member (unit_object, "code", mc_unit_get_code (unit));
  json_object_set_string_member (unit_object, "name", mc_unit_get_name (unit));

  design_object = json_object_new ();
  json_object_set_string_member (design_object, "uuid", mc_design_get_uuid (design));
  json_object_set_string_member (design_object, "state",
                                 mc_enum_to_nick (MC_TYPE_DESIGN_STATE,
                                                  mc_design_get_state (design)));
  json_object_set_int_member (design_object, "revision_number",
                              mc_design_get_revision_number (design));
  json_object_set_string_member (design_object, "created", created);
  json_object_set_string_member (design_object, "modified", modified);
  json_object_set_object_member (design_object, "unit", unit_object);
  if (owner != NULL)
    {
      JsonObject *owner_object = json_object_new ();

      json_object_set_string_member (owner_object, "username", mc_person_get_username (owner));
      json_object_set_string_member (owner_object, "name", mc_person_get_name (owner));
      json_object_set_string_member (owner_object, "email", mc_person_get_email (owner));
      json_object_set_object_member (design_object, "owner", owner_object);
    }
  else
    json_object_set_null_member (design_object, "owner");
  json_object_set_member (design_object, "revision",
                          mc_revision_to_json (mc_design_get_content (design)));

  file_object = json_object_new ();
  json_object_set_string_member (file_object, "format", MC_DESIGN_IO_FORMAT);
  json_object_set_int_member (file_object, "version", MC_DESIGN_IO_VERSION);
  json_object_set_string_member (file_object, "exported", exported);
  json_object_set_object_member (file_object, "design", design_object);

  root = json_node_init_object (json_node_alloc (), file_object);
  json_object_unref (file_object);

  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_indent_char (generator, ' ');
  json_generator_set_root (generator, root);

  data = json_generator_to_data (generator, &length);
  text = g_strconcat (data, "\n", NULL);
  return g_bytes_new_take (g_steal_pointer (&text), length + 1);
}

gboolean
mc_design_io_write_file (McStore       *store,
                         McDesign      *design,
                         GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  g_return_val_if_fail (MC_IS_DESIGN (design), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = mc_design_io_serialize (store, design, error);
  if (bytes == NULL)
    return FALSE;

  /* Written to a temporary file and renamed over the target, so a crash
   * never leaves half a file behind. */
  return g_file_replace_contents (file,
                                  g_bytes_get_data (bytes, NULL),
                                  g_bytes_get_size (bytes),
                                  NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                  cancellable, error);
}

/* Importing */

typedef struct {
  McDesignFile *file;
  gboolean      replace;
  gint64        id;
} ImportData;

static gboolean mark_approved (McStore *store, McDesign *design, GError **error);

static gboolean
import_in_transaction (McStore   *store,
                       gpointer   user_data,
                       GError   **error)
{
  ImportData *data = user_data;
  McDesign *parsed = data->file->design;
  const char *owner_name = data->file->owner_username;
  g_autoptr(McUnit) unit = NULL;
  g_autoptr(McDesign) existing = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McRevision) content = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 unit_id;
  gint64 owner_id = 0;

  unit = mc_store_find_unit_by_code (store, data->file->unit_code, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (unit != NULL)
    unit_id = mc_unit_get_id (unit);
  else
    unit_id = mc_store_add_unit (store, data->file->unit_code, data->file->unit_name, error);
  if (unit_id == 0)
    return FALSE;

  /* An author unknown here joins the people of this database, in the
   * design's unit, so that the design keeps its author. */
  if (owner_name != NULL)
    {
      g_autoptr(McPerson) person = mc_store_find_person_by_username (store, owner_name,
                                                                     &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (person != NULL)
        owner_id = mc_person_get_id (person);
      else
        {
          const char *name = data->file->owner_name;

          owner_id = mc_store_add_person (store, owner_name,
                                          name != NULL && *name != '\0' ? name : owner_name,
                                          data->file->owner_email ? data->file->owner_email : "",
                                          unit_id, error);
          if (owner_id == 0)
            return FALSE;
        }
    }

  existing = mc_store_find_design_by_uuid (store, mc_design_get_uuid (parsed), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  content = mc_revision_copy (mc_design_get_content (parsed));

  if (existing != NULL)
    {
      if (!data->replace)
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                       _("A design with this identifier already exists: “%s”."),
                       mc_design_get_uuid (parsed));
          return FALSE;
        }

      if (mc_design_get_state (existing) != MC_DESIGN_STATE_DRAFT &&
          mc_design_get_state (existing) != MC_DESIGN_STATE_MODIFYING)
        {
          g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                       _("“%s” is %s in this database; only a draft can be replaced by an import"),
                       mc_revision_get_title (mc_design_get_content (existing)),
                       mc_enum_label (MC_TYPE_DESIGN_STATE, mc_design_get_state (existing)));
          return FALSE;
        }

      /* Keeps the stored id, version, state and revision (so the update is
       * not taken for a concurrent edit, and the workflow stays in
       * charge of the state); takes the file's owner if it names one. */
      mc_design_set_unit_id (existing, unit_id);
      if (owner_id != 0)
        mc_design_set_owner_id (existing, owner_id);
      mc_design_set_content (existing, content);
      if (!mc_store_update_design (store, existing, error))
        return FALSE;

      data->id = mc_design_get_id (existing);
      return TRUE;
    }

  /* A fresh object, so the parsed file stays untouched if the transaction
   * is rolled back. */
  design = mc_design_new ();
  mc_design_set_uuid (design, mc_design_get_uuid (parsed));
  mc_design_set_state (design, mc_design_get_state (parsed));
  mc_design_set_revision_number (design, mc_design_get_revision_number (parsed));
  mc_design_set_created (design, mc_design_get_created (parsed));
  mc_design_set_modified (design, mc_design_get_modified (parsed));
  mc_design_set_unit_id (design, unit_id);
  mc_design_set_owner_id (design, owner_id);
  mc_design_set_content (design, content);
  if (!mark_approved (store, design, error) || !mc_store_insert_design (store, design, error))
    return FALSE;
  /* A design imported past the draft stage was submitted elsewhere: its
   * revision is the record and never changes here. */
  if (mc_design_get_state (design) != MC_DESIGN_STATE_DRAFT &&
      !_mc_store_freeze_revision (store, mc_design_get_id (design),
                                  mc_design_get_revision_number (design), error))
    return FALSE;

  data->id = mc_design_get_id (design);
  return TRUE;
}

/* A design imported as approved, active or beyond keeps its revision as
 * the approved one, approved on the day it was last changed, with its
 * yearly review due a review cycle later. */
static gboolean
mark_approved (McStore   *store,
               McDesign  *design,
               GError   **error)
{
  g_autoptr(GDateTime) modified = NULL;
  g_autofree char *approved_on = NULL;
  g_autofree char *cycle = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *due_on = NULL;
  guint64 months = 12;

  switch (mc_design_get_state (design))
    {
    case MC_DESIGN_STATE_APPROVED:
    case MC_DESIGN_STATE_ACTIVE:
    case MC_DESIGN_STATE_SUSPENDED:
    case MC_DESIGN_STATE_RETIRED:
      break;
    default:
      return TRUE;
    }
  modified = g_date_time_new_from_unix_utc (mc_design_get_modified (design) > 0
                                            ? mc_design_get_modified (design)
                                            : g_get_real_time () / G_USEC_PER_SEC);
  if (modified == NULL)
    {
      g_set_error (error, MC_DESIGN_IO_ERROR, MC_DESIGN_IO_ERROR_INVALID,
                   _("The design’s modification date is out of range"));
      return FALSE;
    }
  cycle = mc_store_get_setting (store, "review-cycle-months", "12");
  g_ascii_string_to_unsigned (cycle, 10, 1, 60, &months, NULL);
  approved_on = g_date_time_format (modified, "%Y-%m-%d");
  due = g_date_time_add_months (modified, (int) months);
  due_on = g_date_time_format (due, "%Y-%m-%d");
  mc_design_set_approved_revision (design, mc_design_get_revision_number (design));
  mc_design_set_approved_on (design, approved_on);
  if (mc_design_get_state (design) == MC_DESIGN_STATE_ACTIVE ||
      mc_design_get_state (design) == MC_DESIGN_STATE_SUSPENDED)
    mc_design_set_review_due (design, due_on);
  return TRUE;
}

gint64
mc_design_io_import (McStore       *store,
                     McDesignFile  *file,
                     gboolean       replace,
                     GError       **error)
{
  ImportData data = { file, replace, 0 };

  g_return_val_if_fail (MC_IS_STORE (store), 0);
  g_return_val_if_fail (file != NULL, 0);
  g_return_val_if_fail (MC_IS_DESIGN (file->design), 0);
  g_return_val_if_fail (file->unit_code != NULL && file->unit_name != NULL, 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!mc_store_run_in_transaction (store, import_in_transaction, &data, error))
    return 0;

  return data.id;
}
