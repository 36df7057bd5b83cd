/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-template.h"
#include "mc-validator.h"
#include "mc-workflow-private.h"

/* Administration: units, people, roles, settings and review templates.
 * Administrators only; every change is an event of the history. */

gboolean
_mc_workflow_record_admin (McWorkflow  *self,
                           McAction     action,
                           const char  *subject,
                           const char  *value,
                           GError     **error)
{
  McEvent *event = _mc_workflow_event (self, action, NULL);
  g_autoptr(JsonBuilder) details = json_builder_new ();

  json_builder_begin_object (details);
  json_builder_set_member_name (details, "subject");
  json_builder_add_string_value (details, subject);
  if (value != NULL)
    {
      json_builder_set_member_name (details, "value");
      json_builder_add_string_value (details, value);
    }
  return _mc_workflow_record (self, event, details, error);
}

typedef struct {
  const char *code;
  const char *name;
  const char *username;
  const char *email;
  gint64      unit_id;
  gint64      id;
} AddData;

static gboolean
add_unit_cb (McWorkflow  *self,
             gpointer     user_data,
             GError     **error)
{
  AddData *data = user_data;

  data->id = mc_store_add_unit (self->store, data->code, data->name, error);
  return data->id != 0 && _mc_workflow_record_admin (self, MC_ACTION_ADD_UNIT, data->code, data->name, error);
}

gint64
mc_workflow_add_unit (McWorkflow  *self,
                      const char  *code,
                      const char  *name,
                      GError     **error)
{
  AddData data = { code, name, NULL, NULL, 0, 0 };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), 0);
  g_return_val_if_fail (code != NULL && name != NULL, 0);

  if (!_mc_workflow_require_role (self, MC_ROLE_ADMINISTRATOR, 0, error) ||
      !_mc_workflow_run (self, add_unit_cb, &data, error))
    return 0;
  return data.id;
}

static gboolean
add_person_cb (McWorkflow  *self,
               gpointer     user_data,
               GError     **error)
{
  AddData *data = user_data;

  data->id = mc_store_add_person (self->store, data->username, data->name,
                                  data->email != NULL ? data->email : "", data->unit_id, error);
  return data->id != 0 && _mc_workflow_record_admin (self, MC_ACTION_ADD_PERSON, data->username, data->name, error);
}

gint64
mc_workflow_add_person (McWorkflow  *self,
                        const char  *username,
                        const char  *name,
                        const char  *email,
                        gint64       unit_id,
                        GError     **error)
{
  AddData data = { NULL, name, username, email, unit_id, 0 };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), 0);
  g_return_val_if_fail (username != NULL && name != NULL, 0);

  if (!_mc_workflow_require_role (self, MC_ROLE_ADMINISTRATOR, 0, error) ||
      !_mc_workflow_run (self, add_person_cb, &data, error))
    return 0;
  return data.id;
}

typedef struct {
  gint64   person_id;
  McRole   role;
  gint64   unit_id;
  gboolean granted;
} RoleData;

static gboolean
role_cb (McWorkflow  *self,
         gpointer     user_data,
         GError     **error)
{
  RoleData *data = user_data;
  g_autoptr(McPerson) person = mc_store_get_person (self->store, data->person_id, error);
  g_autoptr(McUnit) unit = NULL;
  g_autofree char *value = NULL;
  guint n_admins = 0;

  if (person == NULL)
    return FALSE;
  if (data->unit_id != 0)
    {
      unit = mc_store_get_unit (self->store, data->unit_id, error);
      if (unit == NULL)
        return FALSE;
    }
  if (!data->granted)
    {
      g_autoptr(GPtrArray) held = mc_store_list_roles (self->store, data->person_id, error);
      gboolean found = FALSE;

      if (held == NULL)
        return FALSE;
      for (guint i = 0; i < held->len; i++)
        {
          McRoleGrant *grant = g_ptr_array_index (held, i);

          found |= grant->role == data->role && grant->unit_id == data->unit_id;
        }
      if (!found)
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                       _("%s does not hold the role %s there"), mc_person_get_name (person),
                       mc_enum_label (MC_TYPE_ROLE, data->role));
          return FALSE;
        }
    }
  if (!_mc_store_set_role (self->store, data->person_id, data->role, data->unit_id, data->granted, error))
    return FALSE;
  if (!data->granted && data->role == MC_ROLE_ADMINISTRATOR)
    {
      if (!_mc_store_count_role (self->store, MC_ROLE_ADMINISTRATOR, &n_admins, error))
        return FALSE;
      if (n_admins == 0)
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_NOT_ALLOWED,
                       _("%s is the last administrator; make someone else administrator first"),
                       mc_person_get_name (person));
          return FALSE;
        }
    }
  value = g_strdup_printf ("%s%s%s", mc_enum_to_nick (MC_TYPE_ROLE, data->role),
                           unit != NULL ? "@" : "", unit != NULL ? mc_unit_get_code (unit) : "");
  return _mc_workflow_record_admin (self, data->granted ? MC_ACTION_GRANT_ROLE : MC_ACTION_REVOKE_ROLE,
                                    mc_person_get_username (person), value, error);
}

static gboolean
change_role (McWorkflow  *self,
             RoleData    *data,
             GError     **error)
{
  /* Administrators hold their role for the whole institution. */
  if (data->role == MC_ROLE_ADMINISTRATOR)
    data->unit_id = 0;
  return _mc_workflow_require_role (self, MC_ROLE_ADMINISTRATOR, 0, error) &&
         _mc_workflow_run (self, role_cb, data, error);
}

gboolean
mc_workflow_grant_role (McWorkflow  *self,
                        gint64       person_id,
                        McRole       role,
                        gint64       unit_id,
                        GError     **error)
{
  RoleData data = { person_id, role, unit_id, TRUE };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  return change_role (self, &data, error);
}

gboolean
mc_workflow_revoke_role (McWorkflow  *self,
                         gint64       person_id,
                         McRole       role,
                         gint64       unit_id,
                         GError     **error)
{
  RoleData data = { person_id, role, unit_id, FALSE };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  return change_role (self, &data, error);
}

/* Settings */

static gboolean
check_number_setting (const char  *value,
                      guint        min,
                      guint        max,
                      GError     **error)
{
  guint64 number = 0;

  if (g_ascii_string_to_unsigned (value, 10, min, max, &number, NULL))
    return TRUE;
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
               _("“%s” is not a whole number from %u to %u"), value, min, max);
  return FALSE;
}

/* An absolute https:// address (http:// on this computer only, for
 * testing), or "" for none. */
static gboolean
check_url_setting (const char  *value,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;
  gboolean ok;

  if (*value == '\0')
    return TRUE;
  uri = g_uri_parse (value, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : "";
  host = uri != NULL && g_uri_get_host (uri) != NULL ? g_uri_get_host (uri) : "";
  ok = uri != NULL && *host != '\0' && g_uri_get_userinfo (uri) == NULL &&
       g_uri_get_query (uri) == NULL && g_uri_get_fragment (uri) == NULL &&
       (g_ascii_strcasecmp (scheme, "https") == 0 ||
        (g_ascii_strcasecmp (scheme, "http") == 0 &&
         (g_ascii_strcasecmp (host, "localhost") == 0 || g_str_equal (host, "127.0.0.1") ||
          g_str_equal (host, "::1"))));
  if (!ok)
    g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                 _("“%s” is not a web address starting with https://, like https://credentials.example.edu"),
                 value);
  return ok;
}

/* The CSV importer's saved mapping: a JSON object. */
static gboolean
check_json_setting (const char  *value,
                    GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root = NULL;

  if (g_utf8_validate (value, -1, NULL) && strlen (value) <= 20000 &&
      json_parser_load_from_data (parser, value, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    return TRUE;
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
               _("The column mapping is not a JSON object of up to 20,000 characters"));
  return FALSE;
}

static gboolean
check_setting (const char  *key,
               const char  *value,
               GError     **error)
{
  if (g_str_equal (key, MC_SETTING_RESULTS_CSV_MAPPING))
    return check_json_setting (value, error);
  if (!g_utf8_validate (value, -1, NULL) || strchr (value, '\n') != NULL || g_utf8_strlen (value, -1) > 200)
    {
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("The value must be one line of up to 200 characters"));
      return FALSE;
    }
  if (g_str_equal (key, MC_SETTING_INSTITUTION_NAME) || g_str_equal (key, MC_SETTING_INSTITUTION_LEGAL_ID) ||
      g_str_equal (key, MC_SETTING_SIGNATORY_NAME) || g_str_equal (key, MC_SETTING_SIGNATORY_TITLE))
    return TRUE;
  if (g_str_equal (key, MC_SETTING_INSTITUTION_URL) || g_str_equal (key, MC_SETTING_VERIFICATION_URL))
    return check_url_setting (value, error);
  if (g_str_equal (key, MC_SETTING_SIGNING_ALGORITHM))
    {
      if (g_str_equal (value, "RS256") || g_str_equal (value, "EdDSA"))
        return TRUE;
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("“%s” is not a signing algorithm; choose RS256 or EdDSA"), value);
      return FALSE;
    }
  if (g_str_equal (key, MC_SETTING_INSTITUTION_COUNTRY))
    {
      if (*value == '\0' || (strlen (value) == 2 && g_ascii_isupper (value[0]) && g_ascii_isupper (value[1])))
        return TRUE;
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("“%s” is not a two-letter country code like IE"), value);
      return FALSE;
    }
  if (g_str_equal (key, MC_SETTING_PUBLISH_DID_WEB))
    {
      if (g_str_equal (value, "true") || g_str_equal (value, "false"))
        return TRUE;
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("Publishing a did:web document is either “true” or “false”"));
      return FALSE;
    }
  if (g_str_equal (key, MC_SETTING_PUBLISH_TLS_CERTIFICATE) || g_str_equal (key, MC_SETTING_PUBLISH_TLS_KEY))
    {
      if (*value == '\0' || g_path_is_absolute (value))
        return TRUE;
      g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                   _("Give the full path of the file, like /etc/ssl/certs/credentials.pem"));
      return FALSE;
    }
  if (g_str_equal (key, MC_SETTING_MIN_REVIEWS) || g_str_equal (key, MC_SETTING_MIN_MODIFICATION_REVIEWS))
    return check_number_setting (value, 1, 10, error);
  if (g_str_equal (key, MC_SETTING_REVIEW_CYCLE_MONTHS))
    return check_number_setting (value, 1, 60, error);
  if (g_str_equal (key, MC_SETTING_REQUIRED_PROFILES))
    {
      g_autoptr(McValidator) validator = mc_validator_new ();
      g_auto(GStrv) ids = g_strsplit (value, ",", -1);

      /* Without a profile, submission would check nothing. */
      if (*g_strstrip (ids[0]) == '\0' && ids[1] == NULL)
        {
          g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                       _("Choose at least one policy profile that submissions must pass"));
          return FALSE;
        }

      for (guint i = 0; ids[i] != NULL; i++)
        if (mc_validator_find_profile (validator, g_strstrip (ids[i])) == NULL)
          {
            g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
                         _("There is no policy profile “%s”"), ids[i]);
            return FALSE;
          }
      return TRUE;
    }
  g_set_error (error, MC_WORKFLOW_ERROR, MC_WORKFLOW_ERROR_INVALID,
               _("There is no setting “%s”"), key);
  return FALSE;
}

typedef struct {
  const char *key;
  const char *value;
} SettingData;

static gboolean
setting_cb (McWorkflow  *self,
            gpointer     user_data,
            GError     **error)
{
  SettingData *data = user_data;

  return _mc_store_set_setting (self->store, data->key, data->value, error) &&
         _mc_workflow_record_admin (self, MC_ACTION_CHANGE_SETTINGS, data->key, data->value, error);
}

/* Whether the actor is a registrar of any unit, or of all. */
static gboolean
is_registrar (McWorkflow *self)
{
  g_autoptr(GPtrArray) grants = mc_store_list_roles (self->store, _mc_workflow_actor_id (self), NULL);

  for (guint i = 0; grants != NULL && i < grants->len; i++)
    if (((McRoleGrant *) g_ptr_array_index (grants, i))->role == MC_ROLE_REGISTRAR)
      return TRUE;
  return FALSE;
}

gboolean
mc_workflow_set_setting (McWorkflow  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  SettingData data = { key, value };

  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  /* Registrars keep the importer's column mapping as they import. */
  if (!(g_str_equal (key, MC_SETTING_RESULTS_CSV_MAPPING) && is_registrar (self)) &&
      !_mc_workflow_require_role (self, MC_ROLE_ADMINISTRATOR, 0, error))
    return FALSE;
  return check_setting (key, value, error) && _mc_workflow_run (self, setting_cb, &data, error);
}

/* Templates */

static gboolean
template_cb (McWorkflow  *self,
             gpointer     user_data,
             GError     **error)
{
  McTemplate *template_ = user_data;
  g_autofree char *version = NULL;

  if (!_mc_store_insert_template (self->store, template_, _mc_workflow_actor_id (self), error))
    return FALSE;
  version = g_strdup_printf ("%u", mc_template_get_version (template_));
  return _mc_workflow_record_admin (self, MC_ACTION_EDIT_TEMPLATE, mc_template_get_key (template_), version, error);
}

gboolean
mc_workflow_save_template (McWorkflow  *self,
                           McTemplate  *template_,
                           GError     **error)
{
  g_return_val_if_fail (MC_IS_WORKFLOW (self), FALSE);
  g_return_val_if_fail (MC_IS_TEMPLATE (template_), FALSE);

  return _mc_workflow_require_role (self, MC_ROLE_ADMINISTRATOR, 0, error) &&
         mc_template_check (template_, error) &&
         _mc_workflow_run (self, template_cb, template_, error);
}
