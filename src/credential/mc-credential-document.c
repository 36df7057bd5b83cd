/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n-lib.h>

#include "mc-credential-document-private.h"

/* Structural checks of an OpenBadgeCredential.  Every problem found is
 * collected (the first few go into the message), so that a registrar who
 * verifies a damaged file learns everything wrong with it at once. */

G_DEFINE_QUARK (mc-ob3-error-quark, mc_ob3_error)

#define MAX_REPORTED 5

typedef GPtrArray Problems;

static void problem (Problems *problems, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
problem (Problems   *problems,
         const char *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

gboolean
mc_credential_document_parse_datetime (const char  *text,
                                       GDateTime  **out)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (out != NULL)
    *out = NULL;
  if (text == NULL)
    return FALSE;
  /* g_date_time_new_from_iso8601() accepts more than XML Schema does
   * (week dates, ordinal dates, no separators), so the shape comes first. */
  if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?"
                             "(Z|[+-][0-9]{2}:[0-9]{2})$",
                             text, G_REGEX_RAW, 0))
    return FALSE;
  parsed = g_date_time_new_from_iso8601 (text, NULL);
  if (parsed == NULL)
    return FALSE;
  if (out != NULL)
    *out = g_steal_pointer (&parsed);
  return TRUE;
}

/* Midnight UTC of a plain date, or the dateTime itself. */
static GDateTime *
parse_date_or_datetime (const char *text)
{
  GDateTime *parsed = NULL;
  int y, m, d;

  if (mc_credential_document_parse_datetime (text, &parsed))
    return parsed;
  if (text == NULL || !g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", text, G_REGEX_RAW, 0) ||
      sscanf (text, "%4d-%2d-%2d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return NULL;
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

char *
_mc_credential_document_format_datetime (const char  *text,
                                         const char  *what,
                                         GError     **error)
{
  g_autoptr(GDateTime) parsed = parse_date_or_datetime (text);
  g_autoptr(GDateTime) utc = NULL;

  if (parsed == NULL)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_MALFORMED,
                   _("The date of %s (“%s”) is not a date such as 2025-09-01 "
                     "or a date and time such as 2025-09-01T09:00:00Z."),
                   what, text != NULL ? text : "");
      return NULL;
    }
  utc = g_date_time_to_utc (parsed);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

gint64
_mc_credential_document_unix_time (const char *text)
{
  g_autoptr(GDateTime) parsed = parse_date_or_datetime (text);

  g_return_val_if_fail (parsed != NULL, 0);
  return g_date_time_to_unix (parsed);
}

/* A URI has a scheme: "https:", "urn:", "did:". */
static gboolean
is_uri (const char *text)
{
  return text != NULL && g_regex_match_simple ("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$", text, G_REGEX_RAW, 0);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
member_object (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

/* The string at @index of @array, or NULL for anything else. */
static const char *
element_string (JsonArray *array,
                guint      index)
{
  JsonNode *node;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *value)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    if (g_strcmp0 (element_string (array, i), value) == 0)
      return TRUE;
  return FALSE;
}

/* "type" of an OB object: an array of strings holding @required. */
static void
check_type (Problems   *problems,
            JsonObject *object,
            const char *where,
            const char *required)
{
  JsonArray *types = member_array (object, "type");

  if (types == NULL)
    problem (problems, _("%s has no list of types"), where);
  else if (!array_has_string (types, required))
    problem (problems, _("%s is not of the type “%s”"), where, required);
}

static void
check_context (Problems   *problems,
               JsonObject *credential)
{
  JsonArray *context = member_array (credential, "@context");
  guint n = context != NULL ? json_array_get_length (context) : 0;
  const char *first, *second;

  if (context == NULL)
    {
      problem (problems, _("the list of contexts (@context) is missing"));
      return;
    }
  first = element_string (context, 0);
  second = element_string (context, 1);
  if (g_strcmp0 (first, MC_OB3_CONTEXT_VC) != 0)
    problem (problems, _("the first context is not the W3C Verifiable Credentials 2.0 context"));
  if (second == NULL ||
      !g_regex_match_simple ("^https://purl\\.imsglobal\\.org/spec/ob/v3p0/context(-3\\.[0-9]\\.[0-9])*\\.json$",
                             second, G_REGEX_RAW, 0))
    problem (problems, _("the second context is not the Open Badges 3.0 context"));
  for (guint i = 2; i < n; i++)
    {
      JsonNode *node = json_array_get_element (context, i);

      if (!JSON_NODE_HOLDS_OBJECT (node) &&
          !(JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING))
        problem (problems, _("context %u is neither an address nor an object"), i + 1);
    }
  if (json_object_has_member (credential, "credentialSchema") &&
      !array_has_string (context, MC_OB3_CONTEXT_EXTENSIONS))
    problem (problems, _("the credential names a schema but lacks the Open Badges extensions context"));
}

static void
check_date (Problems   *problems,
            JsonObject *object,
            const char *name,
            gboolean    required)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    {
      if (required)
        problem (problems, _("the date “%s” is missing"), name);
      return;
    }
  if (!mc_credential_document_parse_datetime (member_string (object, name), NULL))
    problem (problems, _("the date “%s” is not a date and time with a time zone"), name);
}

static void
check_validity (Problems   *problems,
                JsonObject *credential)
{
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) until = NULL;

  check_date (problems, credential, "validFrom", TRUE);
  check_date (problems, credential, "validUntil", FALSE);
  check_date (problems, credential, "awardedDate", FALSE);
  if (mc_credential_document_parse_datetime (member_string (credential, "validFrom"), &from) &&
      mc_credential_document_parse_datetime (member_string (credential, "validUntil"), &until) &&
      g_date_time_compare (until, from) <= 0)
    problem (problems, _("the credential expires (validUntil) before it becomes valid (validFrom)"));
}

static void
check_issuer (Problems   *problems,
              JsonObject *credential)
{
  JsonNode *node = json_object_get_member (credential, "issuer");
  JsonObject *issuer;

  if (node == NULL)
    {
      problem (problems, _("the issuer is missing"));
      return;
    }
  if (JSON_NODE_HOLDS_VALUE (node))
    {
      if (!is_uri (member_string (credential, "issuer")))
        problem (problems, _("the issuer is not an address"));
      return;
    }
  issuer = member_object (credential, "issuer");
  if (issuer == NULL || !is_uri (member_string (issuer, "id")))
    problem (problems, _("the issuer has no identifier"));
  else
    check_type (problems, issuer, _("the issuer"), "Profile");
}

static void
check_achievement (Problems   *problems,
                   JsonObject *subject)
{
  JsonObject *achievement = member_object (subject, "achievement");
  static const char * const text_members[] = { "name", "description" };

  if (achievement == NULL)
    {
      problem (problems, _("the credential subject has no achievement"));
      return;
    }
  if (!is_uri (member_string (achievement, "id")))
    problem (problems, _("the achievement has no identifier"));
  check_type (problems, achievement, _("the achievement"), "Achievement");
  for (guint i = 0; i < G_N_ELEMENTS (text_members); i++)
    if (member_string (achievement, text_members[i]) == NULL)
      problem (problems, _("the achievement has no “%s”"), text_members[i]);
  if (member_object (achievement, "criteria") == NULL)
    problem (problems, _("the achievement has no criteria"));
}

static void
check_identifiers (Problems   *problems,
                   JsonObject *subject)
{
  JsonNode *node = json_object_get_member (subject, "identifier");
  JsonArray *identifiers = member_array (subject, "identifier");

  if (node != NULL && identifiers == NULL)
    problem (problems, _("the identifiers of the learner are not a list"));
  if (member_string (subject, "id") == NULL &&
      (identifiers == NULL || json_array_get_length (identifiers) == 0))
    problem (problems, _("the learner is identified neither by an id nor by an identifier"));
  for (guint i = 0; identifiers != NULL && i < json_array_get_length (identifiers); i++)
    {
      JsonNode *item = json_array_get_element (identifiers, i);
      JsonObject *identity = JSON_NODE_HOLDS_OBJECT (item) ? json_node_get_object (item) : NULL;

      if (identity == NULL || g_strcmp0 (member_string (identity, "type"), "IdentityObject") != 0 ||
          member_string (identity, "identityHash") == NULL ||
          member_string (identity, "identityType") == NULL ||
          !json_object_has_member (identity, "hashed"))
        problem (problems, _("identifier %u of the learner is incomplete"), i + 1);
    }
}

static void
check_subject (Problems   *problems,
               JsonObject *credential)
{
  JsonObject *subject = member_object (credential, "credentialSubject");

  if (subject == NULL)
    {
      problem (problems, _("the credential subject is missing"));
      return;
    }
  check_type (problems, subject, _("the credential subject"), "AchievementSubject");
  check_identifiers (problems, subject);
  check_achievement (problems, subject);
  if (json_object_has_member (subject, "result") && member_array (subject, "result") == NULL)
    problem (problems, _("the results are not a list"));
}

static void
check_status (Problems   *problems,
              JsonObject *credential)
{
  JsonObject *status;
  const char *index;

  if (!json_object_has_member (credential, "credentialStatus"))
    return;
  status = member_object (credential, "credentialStatus");
  if (status == NULL || member_string (status, "id") == NULL || member_string (status, "type") == NULL)
    {
      problem (problems, _("the status entry (credentialStatus) needs an id and a type"));
      return;
    }
  if (g_strcmp0 (member_string (status, "type"), "BitstringStatusListEntry") != 0)
    return;
  index = member_string (status, "statusListIndex");
  if (member_string (status, "statusPurpose") == NULL ||
      index == NULL || !g_regex_match_simple ("^[0-9]+$", index, G_REGEX_RAW, 0) ||
      !is_uri (member_string (status, "statusListCredential")))
    problem (problems, _("the status list entry lacks its purpose, index or list address"));
}

static void
check_proof (Problems   *problems,
             JsonObject *credential)
{
  JsonArray *proofs;

  if (!json_object_has_member (credential, "proof"))
    return;
  proofs = member_array (credential, "proof");
  if (proofs == NULL)
    {
      problem (problems, _("the proof is not a list"));
      return;
    }
  for (guint i = 0; i < json_array_get_length (proofs); i++)
    {
      JsonNode *item = json_array_get_element (proofs, i);

      if (!JSON_NODE_HOLDS_OBJECT (item) || member_string (json_node_get_object (item), "type") == NULL)
        problem (problems, _("proof %u has no type"), i + 1);
    }
}

static void
check_header (Problems   *problems,
              JsonObject *credential)
{
  JsonArray *types = member_array (credential, "type");
  JsonArray *schemas = member_array (credential, "credentialSchema");

  if (!is_uri (member_string (credential, "id")))
    problem (problems, _("the credential has no identifier"));
  if (!array_has_string (types, "VerifiableCredential") ||
      !(array_has_string (types, "OpenBadgeCredential") || array_has_string (types, "AchievementCredential")))
    problem (problems, _("the credential is not of the types VerifiableCredential and OpenBadgeCredential"));
  if (json_object_has_member (credential, "credentialSchema") && schemas == NULL)
    problem (problems, _("the schema reference (credentialSchema) is not a list"));
}

static char *
join_problems (Problems *problems)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < problems->len && i < MAX_REPORTED; i++)
    {
      if (i > 0)
        g_string_append (text, "; ");
      g_string_append (text, g_ptr_array_index (problems, i));
    }
  if (problems->len > MAX_REPORTED)
    {
      guint more = problems->len - MAX_REPORTED;

      g_string_append (text, "; ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "and %u more problem",
                                                 "and %u more problems", more), more);
    }
  return g_string_free (text, FALSE);
}

/**
 * mc_credential_document_check:
 * @credential: a parsed credential
 * @error: return location for a #MC_OB3_ERROR_SCHEMA error
 *
 * Returns: %TRUE when the credential has the shape of an Open Badges 3.0
 *   credential
 */
gboolean
mc_credential_document_check (JsonObject  *credential,
                              GError     **error)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;

  g_return_val_if_fail (credential != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  check_context (problems, credential);
  check_header (problems, credential);
  check_issuer (problems, credential);
  check_validity (problems, credential);
  check_subject (problems, credential);
  check_status (problems, credential);
  check_proof (problems, credential);
  if (problems->len == 0)
    return TRUE;

  list = join_problems (problems);
  g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA,
               _("This is not a valid Open Badges 3.0 credential: %s."), list);
  return FALSE;
}
