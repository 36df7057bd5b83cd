/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mc-core-private.h"
#include "mc-demo.h"
#include "mc-design-io.h"
#include "mc-store-private.h"

/* The demo institution lives in data/demo/demo-institution.json, compiled
 * into the library.  Its structure is described in docs/design-format.md:
 * an "institution" object, then "units", "people" and "designs", where each
 * design is shaped exactly like the "design" member of a design exchange
 * file.  Each design is therefore read by the exchange file parser and
 * stored by the importer, so the demo exercises the same code as a user's
 * files and needs no parser of its own. */

#define DEMO_RESOURCE "demo/demo-institution.json"
#define DEMO_FORMAT   "io.github.microcred.demo"

static gboolean
demo_invalid (GError     **error,
              const char  *what)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The demo institution data is damaged: %s"), what);
  return FALSE;
}

static JsonParser *
load_demo (JsonObject **root,
           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *node;
  const char *data;
  gsize length;

  bytes = _mc_core_lookup_resource (DEMO_RESOURCE, error);
  if (bytes == NULL)
    return NULL;

  data = g_bytes_get_data (bytes, &length);
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, data, (gssize) length, error))
    return NULL;

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node),
                                                             "format", ""),
                 DEMO_FORMAT) != 0)
    {
      demo_invalid (error, _("it is not a demo institution file"));
      return NULL;
    }

  *root = json_node_get_object (node);
  return g_steal_pointer (&parser);
}

/* A string member of an array element, or NULL (with @error) if missing. */
static const char *
demo_string (JsonObject  *object,
             const char  *name,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is missing or not a text"), name);

      demo_invalid (error, what);
      return NULL;
    }

  return json_node_get_string (node);
}

static JsonArray *
demo_array (JsonObject  *root,
            const char  *name,
            GError     **error)
{
  JsonNode *node = json_object_get_member (root, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *what = g_strdup_printf (_("“%s” is missing or not a list"), name);

      demo_invalid (error, what);
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
demo_element (JsonArray  *array,
              guint       index,
              GError    **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      demo_invalid (error, _("a list element is not an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

gboolean
mc_demo_get_institution (char   **name,
                         char   **country,
                         GError **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root = NULL;
  JsonNode *node;
  JsonObject *institution;
  const char *demo_name;
  const char *demo_country;

  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (country != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parser = load_demo (&root, error);
  if (parser == NULL)
    return FALSE;

  node = json_object_get_member (root, "institution");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return demo_invalid (error, _("“institution” is missing"));

  institution = json_node_get_object (node);
  demo_name = demo_string (institution, "name", error);
  if (demo_name == NULL)
    return FALSE;
  demo_country = demo_string (institution, "country", error);
  if (demo_country == NULL)
    return FALSE;

  *name = g_strdup (demo_name);
  *country = g_strdup (demo_country);
  return TRUE;
}

static gboolean
add_units (McStore    *store,
           JsonArray  *units,
           GError    **error)
{
  guint n = json_array_get_length (units);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McUnit) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      JsonObject *unit;
      const char *code;
      const char *unit_name;

      if ((unit = demo_element (units, i, error)) == NULL ||
          (code = demo_string (unit, "code", error)) == NULL ||
          (unit_name = demo_string (unit, "name", error)) == NULL)
        return FALSE;

      existing = mc_store_find_unit_by_code (store, code, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (existing == NULL && mc_store_add_unit (store, code, unit_name, error) == 0)
        return FALSE;
    }

  return TRUE;
}

/* A person with their roles: "role" for the whole institution or
 * "role@UNIT" for one unit. */
static gboolean
add_person (McStore     *store,
            JsonObject  *person,
            const char  *username,
            const char  *name,
            const char  *email,
            gint64       unit_id,
            GError     **error)
{
  JsonArray *roles = NULL;
  gint64 id = mc_store_add_person (store, username, name, email, unit_id, error);

  if (id == 0)
    return FALSE;
  if (json_object_has_member (person, "roles") &&
      (roles = demo_array (person, "roles", error)) == NULL)
    return FALSE;
  for (guint i = 0; roles != NULL && i < json_array_get_length (roles); i++)
    {
      const char *text = json_node_get_string (json_array_get_element (roles, i));
      g_auto(GStrv) parts = g_strsplit (text != NULL ? text : "", "@", 2);
      g_autoptr(McUnit) unit = NULL;
      int role = 0;

      if (!mc_enum_from_nick (MC_TYPE_ROLE, parts[0], &role))
        return demo_invalid (error, _("unknown role"));
      if (parts[1] != NULL && (unit = mc_store_find_unit_by_code (store, parts[1], NULL)) == NULL)
        return demo_invalid (error, _("unknown unit of a role"));
      if (!_mc_store_set_role (store, id, role, unit != NULL ? mc_unit_get_id (unit) : 0, TRUE, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_people (McStore    *store,
            JsonArray  *people,
            GError    **error)
{
  guint n = json_array_get_length (people);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McUnit) unit = NULL;
      g_autoptr(McPerson) existing = NULL;
      g_autoptr(GError) local_error = NULL;
      JsonObject *person;
      const char *username;
      const char *person_name;
      const char *email;
      const char *unit_code;

      if ((person = demo_element (people, i, error)) == NULL ||
          (username = demo_string (person, "username", error)) == NULL ||
          (person_name = demo_string (person, "name", error)) == NULL ||
          (email = demo_string (person, "email", error)) == NULL ||
          (unit_code = demo_string (person, "unit", error)) == NULL)
        return FALSE;

      existing = mc_store_find_person_by_username (store, username, &local_error);
      if (local_error == NULL && existing == NULL)
        unit = mc_store_find_unit_by_code (store, unit_code, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (existing != NULL)
        continue;
      if (unit == NULL)
        {
          g_autofree char *what = g_strdup_printf (_("unknown unit “%s”"), unit_code);

          return demo_invalid (error, what);
        }

      if (!add_person (store, person, username, person_name, email, mc_unit_get_id (unit), error))
        return FALSE;
    }

  return TRUE;
}

/* Wraps a demo design in the envelope of an exchange file and reads it with
 * the exchange file parser. */
static McDesignFile *
parse_demo_design (JsonNode  *design,
                   GError   **error)
{
  g_autoptr(JsonNode) envelope = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonObject *object;
  char *text;
  gsize length;

  object = json_object_new ();
  json_object_set_string_member (object, "format", MC_DESIGN_IO_FORMAT);
  json_object_set_int_member (object, "version", MC_DESIGN_IO_VERSION);
  json_object_set_member (object, "design", json_node_copy (design));
  envelope = json_node_init_object (json_node_alloc (), object);
  json_object_unref (object);

  text = json_to_string (envelope, FALSE);
  length = strlen (text);
  bytes = g_bytes_new_take (text, length);
  return mc_design_io_parse (bytes, error);
}

static gboolean
add_designs (McStore    *store,
             JsonArray  *designs,
             GError    **error)
{
  guint n = json_array_get_length (designs);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(McDesignFile) file = NULL;

      g_autoptr(McDesign) design = NULL;
      g_autoptr(McPerson) owner = NULL;
      g_autoptr(McEvent) event = mc_event_new (MC_ACTION_IMPORT);
      gint64 id;

      file = parse_demo_design (json_array_get_element (designs, i), error);
      if (file == NULL || (id = mc_design_io_import (store, file, FALSE, error)) == 0)
        {
          g_prefix_error (error, _("Demo design %u: "), i + 1);
          return FALSE;
        }
      /* Its history starts with its arrival, recorded for its author. */
      design = mc_store_load_design (store, id, error);
      if (design == NULL ||
          (owner = mc_store_get_person (store, mc_design_get_owner_id (design), error)) == NULL)
        return FALSE;
      event->design_id = id;
      event->design_uuid = g_strdup (mc_design_get_uuid (design));
      event->actor_id = mc_person_get_id (owner);
      event->to_state = (int) mc_design_get_state (design);
      g_free (event->comment);
      event->comment = g_strdup (_("Added with the demo institution"));
      if (!_mc_store_append_event (store, event, error))
        return FALSE;
    }

  return TRUE;
}

/* The demo designs name the demo institution as their awarding body: it
 * becomes the database's institution unless one is set already. */
static gboolean
set_institution (McStore  *store,
                 GError  **error)
{
  g_autofree char *name = NULL;
  g_autofree char *country = NULL;
  g_autofree char *current = mc_store_get_setting (store, "institution-name", "");

  if (*current != '\0')
    return TRUE;
  return mc_demo_get_institution (&name, &country, error) &&
         _mc_store_set_setting (store, "institution-name", name, error) &&
         _mc_store_set_setting (store, "institution-country", country, error);
}

static gboolean
populate_in_transaction (McStore   *store,
                         gpointer   user_data,
                         GError   **error)
{
  JsonObject *root = user_data;
  g_autoptr(GError) local_error = NULL;
  JsonArray *units;
  JsonArray *people;
  JsonArray *designs;
  guint count;

  /* Checked inside the transaction, so that nothing can slip in between. */
  count = mc_store_count_designs (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (count > 0)
    {
      g_set_error (error, MC_STORE_ERROR, MC_STORE_ERROR_CONSTRAINT,
                   g_dngettext (GETTEXT_PACKAGE, "The database already holds %u design; the demo institution "
                             "can only be added to an empty database.",
                             "The database already holds %u designs; the demo institution "
                             "can only be added to an empty database.",
                             count),
                   count);
      return FALSE;
    }

  return set_institution (store, error) &&
         (units = demo_array (root, "units", error)) != NULL &&
         (people = demo_array (root, "people", error)) != NULL &&
         (designs = demo_array (root, "designs", error)) != NULL &&
         add_units (store, units, error) &&
         add_people (store, people, error) &&
         add_designs (store, designs, error);
}

gboolean
mc_demo_populate (McStore  *store,
                  GError  **error)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *root = NULL;

  g_return_val_if_fail (MC_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  parser = load_demo (&root, error);
  if (parser == NULL)
    return FALSE;

  return mc_store_run_in_transaction (store, populate_in_transaction, root, error);
}
