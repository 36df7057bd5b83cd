/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "mc-credential-builder-private.h"
#include "mc-credential-document-private.h"
#include "mc-field.h"
#include "mc-ob3-json-private.h"
#include "mc-result-description.h"
#include "mc-status-list.h"

/* The credential around the achievement: identifiers, dates, the learner
 * (identified privately, see identity_hash()), the result and the status
 * entry.  The achievement and the extensions live in their own files. */

G_DEFINE_FINAL_TYPE (McCredentialBuilder, mc_credential_builder, G_TYPE_OBJECT)

/* The dates of one build, as dateTimes in UTC; NULL when not given. */
typedef struct {
  char *valid_from;
  char *valid_until;
  char *awarded;
  char *starts;
  char *ends;
} Dates;

static void
dates_clear (Dates *dates)
{
  g_free (dates->valid_from);
  g_free (dates->valid_until);
  g_free (dates->awarded);
  g_free (dates->starts);
  g_free (dates->ends);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Dates, dates_clear)

static void
mc_credential_builder_finalize (GObject *object)
{
  McCredentialBuilder *self = MC_CREDENTIAL_BUILDER (object);

  g_clear_object (&self->issuer);
  g_clear_object (&self->revision);
  g_free (self->design_uuid);
  g_free (self->achievement_id);
  g_free (self->offering_code);
  g_free (self->starts_on);
  g_free (self->ends_on);
  g_free (self->learner_uuid);
  g_free (self->full_name);
  g_free (self->student_id);
  g_free (self->email);
  g_free (self->grade);
  g_free (self->completed_on);
  g_free (self->grade_scale);
  g_free (self->uuid);
  g_free (self->valid_from);
  g_free (self->valid_until);
  g_free (self->status_base_url);
  G_OBJECT_CLASS (mc_credential_builder_parent_class)->finalize (object);
}

static void
mc_credential_builder_class_init (McCredentialBuilderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_credential_builder_finalize;
}

static void
mc_credential_builder_init (McCredentialBuilder *self)
{
}

McCredentialBuilder *
mc_credential_builder_new (McIssuerProfile *issuer)
{
  McCredentialBuilder *self;

  g_return_val_if_fail (MC_IS_ISSUER_PROFILE (issuer), NULL);

  self = g_object_new (MC_TYPE_CREDENTIAL_BUILDER, NULL);
  self->issuer = g_object_ref (issuer);
  return self;
}

/* Keeps a trimmed copy; NULL for NULL and blank text. */
static void
set_text (char       **field,
          const char  *value)
{
  g_autofree char *copy = value != NULL ? g_strstrip (g_strdup (value)) : NULL;

  g_free (*field);
  *field = copy != NULL && *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

void
mc_credential_builder_set_revision (McCredentialBuilder *self,
                                    McRevision          *approved_revision,
                                    const char          *design_uuid,
                                    const char          *achievement_id)
{
  g_return_if_fail (MC_IS_CREDENTIAL_BUILDER (self));
  g_return_if_fail (approved_revision == NULL || MC_IS_REVISION (approved_revision));

  g_set_object (&self->revision, approved_revision);
  set_text (&self->design_uuid, design_uuid);
  set_text (&self->achievement_id, achievement_id);
}

void
mc_credential_builder_set_offering (McCredentialBuilder *self,
                                    const char          *code,
                                    const char          *starts_on,
                                    const char          *ends_on,
                                    McParticipationMode  mode)
{
  g_return_if_fail (MC_IS_CREDENTIAL_BUILDER (self));

  set_text (&self->offering_code, code);
  set_text (&self->starts_on, starts_on);
  set_text (&self->ends_on, ends_on);
  self->mode = mode;
}

void
mc_credential_builder_set_learner (McCredentialBuilder *self,
                                   const char          *learner_uuid,
                                   const char          *full_name,
                                   const char          *student_id,
                                   const char          *email)
{
  g_autofree char *lower = email != NULL ? g_utf8_strdown (email, -1) : NULL;

  g_return_if_fail (MC_IS_CREDENTIAL_BUILDER (self));

  set_text (&self->learner_uuid, learner_uuid);
  set_text (&self->full_name, full_name);
  set_text (&self->student_id, student_id);
  /* Addresses are compared without regard to case, so they are hashed in
   * lower case: a verifier can then check the address a learner gives. */
  set_text (&self->email, lower);
}

void
mc_credential_builder_set_result (McCredentialBuilder *self,
                                  const char          *grade,
                                  const char          *completed_on,
                                  const char          *grade_scale_description)
{
  g_return_if_fail (MC_IS_CREDENTIAL_BUILDER (self));

  set_text (&self->grade, grade);
  set_text (&self->completed_on, completed_on);
  set_text (&self->grade_scale, grade_scale_description);
}

void
mc_credential_builder_set_credential (McCredentialBuilder *self,
                                      const char          *uuid,
                                      const char          *valid_from,
                                      const char          *valid_until)
{
  g_return_if_fail (MC_IS_CREDENTIAL_BUILDER (self));

  set_text (&self->uuid, uuid);
  set_text (&self->valid_from, valid_from);
  set_text (&self->valid_until, valid_until);
}

void
mc_credential_builder_set_status (McCredentialBuilder *self,
                                  const char          *status_list_base_url,
                                  guint                status_index)
{
  g_return_if_fail (MC_IS_CREDENTIAL_BUILDER (self));

  set_text (&self->status_base_url, status_list_base_url);
  self->status_index = status_index;
}

void
mc_credential_builder_set_credential_schema (McCredentialBuilder *self,
                                             gboolean             include)
{
  g_return_if_fail (MC_IS_CREDENTIAL_BUILDER (self));
  self->credential_schema = include;
}

const char *
_mc_credential_builder_revision_text (McCredentialBuilder *self,
                                      const char          *field_id)
{
  const char *value;

  /* Older design formats lack some fields (the course code came later);
   * asking a revision for an unknown field is a programming error there. */
  if (mc_field_lookup (field_id) == NULL)
    return NULL;
  value = mc_revision_get_string (self->revision, field_id);
  for (const char *p = value; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return value;
  return NULL;
}

static gboolean
is_uri (const char *text)
{
  return text != NULL && g_regex_match_simple ("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$", text, G_REGEX_RAW, 0);
}

static void
add_missing (GString    *list,
             const char *what)
{
  if (list->len > 0)
    g_string_append (list, "; ");
  g_string_append (list, what);
}

/* Everything a credential cannot do without, in the order a registrar
 * would fix it. */
static void
list_missing (McCredentialBuilder *self,
              GString             *missing)
{
  if (self->revision == NULL)
    add_missing (missing, _("no approved revision of the design was given"));
  else if (_mc_credential_builder_revision_text (self, "title") == NULL)
    add_missing (missing, _("the design has no title"));
  if (self->revision != NULL && _mc_credential_builder_revision_text (self, "description") == NULL)
    add_missing (missing, _("the design has no description"));
  if (!is_uri (self->achievement_id))
    add_missing (missing, _("the achievement has no address"));
  if (self->learner_uuid == NULL || !g_uuid_string_is_valid (self->learner_uuid))
    add_missing (missing, _("the learner has no valid identifier"));
  if (self->full_name == NULL)
    add_missing (missing, _("the learner’s name is missing"));
  if (self->uuid == NULL || !g_uuid_string_is_valid (self->uuid))
    add_missing (missing, _("the credential has no valid identifier"));
  if (self->valid_from == NULL)
    add_missing (missing, _("the date from which the credential is valid is missing"));
}

static gboolean
check_required (McCredentialBuilder  *self,
                GError              **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);

  list_missing (self, missing);
  if (missing->len == 0)
    return TRUE;
  g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA,
               _("The credential cannot be built: %s."), missing->str);
  return FALSE;
}

/* Formats an optional date; FALSE only for a date given but malformed. */
static gboolean
format_date (const char  *text,
             const char  *what,
             char       **out,
             GError     **error)
{
  *out = NULL;
  if (text == NULL)
    return TRUE;
  *out = _mc_credential_document_format_datetime (text, what, error);
  return *out != NULL;
}

static gboolean
prepare_dates (McCredentialBuilder  *self,
               Dates                *dates,
               GError              **error)
{
  if (!format_date (self->valid_from, _("issue"), &dates->valid_from, error) ||
      !format_date (self->valid_until, _("expiry"), &dates->valid_until, error) ||
      !format_date (self->completed_on, _("completion"), &dates->awarded, error) ||
      !format_date (self->starts_on, _("the start of the offering"), &dates->starts, error) ||
      !format_date (self->ends_on, _("the end of the offering"), &dates->ends, error))
    return FALSE;
  /* The formatted dates are all in UTC, so text order is time order. */
  if (dates->valid_until != NULL && strcmp (dates->valid_until, dates->valid_from) <= 0)
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_MALFORMED,
                   _("The credential would expire (%s) before it becomes valid (%s)."),
                   self->valid_until, self->valid_from);
      return FALSE;
    }
  return TRUE;
}

static McGradingScale *
grading_scale_new (McCredentialBuilder *self)
{
  const char *text = self->grade_scale != NULL ? self->grade_scale
                     : _mc_credential_builder_revision_text (self, "grading_scale");

  return mc_grading_scale_new_from_text (mc_revision_get_int (self->revision, "grading_scheme"), text);
}

/* The grade as the scale spells it, or NULL with @error set when it is not
 * on the scale or does not pass: no credential is issued for it. */
static char *
check_grade (McCredentialBuilder  *self,
             McGradingScale       *scale,
             GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *grade = NULL;
  g_autofree char *description = NULL;
  gboolean passed = FALSE;

  if (!mc_grading_scale_check (scale, self->grade, &passed, &grade, &local_error))
    {
      /* Translators: %s says why the grade is refused ("“Z” is not a
       * grade of this micro-credential (A–F)"). */
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA,
                   _("No credential is issued for this grade: %s."), local_error->message);
      return NULL;
    }
  if (passed)
    return g_steal_pointer (&grade);
  if (!mc_grading_scale_is_understood (scale))
    {
      g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA,
                   _("The grade “%s” is not a passing grade; no credential is issued for it."), grade);
      return NULL;
    }
  description = mc_grading_scale_describe (scale);
  /* Translators: the second %s describes the scale ("Letter grades A–F,
   * pass at D"). */
  g_set_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA,
               _("The grade “%s” does not pass (%s); no credential is issued for it."),
               grade, description);
  return NULL;
}

/* "sha256$" and the hex SHA-256 of the value followed by the salt, the
 * Open Badges IdentityHash. */
static char *
identity_hash (const char *value,
               const char *salt)
{
  g_autofree char *input = g_strconcat (value, salt, NULL);
  g_autofree char *hex = g_compute_checksum_for_string (G_CHECKSUM_SHA256, input, -1);

  return g_strconcat ("sha256$", hex, NULL);
}

static void
add_identity (JsonBuilder *builder,
              const char  *type,
              const char  *value,
              const char  *salt)
{
  g_autofree char *hash = salt != NULL ? identity_hash (value, salt) : NULL;

  json_builder_begin_object (builder);
  _mc_ob3_json_add_string (builder, "type", "IdentityObject");
  _mc_ob3_json_add_string (builder, "identityHash", hash != NULL ? hash : value);
  _mc_ob3_json_add_string (builder, "identityType", type);
  json_builder_set_member_name (builder, "hashed");
  json_builder_add_boolean_value (builder, salt != NULL);
  _mc_ob3_json_add_string (builder, "salt", salt);
  json_builder_end_object (builder);
}

/* The learner's name in clear (it is printed on the certificate anyway);
 * the student number and the address salted and hashed, so that a verifier
 * who is told them can check them, and nobody else learns them.  The salt
 * is different for every credential but fixed by its id, so that building
 * the same credential twice gives the same document. */
static void
add_identifiers (McCredentialBuilder *self,
                 JsonBuilder         *builder)
{
  g_autofree char *seed = g_strconcat ("microcred identity salt\n", self->uuid, NULL);
  g_autofree char *salt = g_compute_checksum_for_string (G_CHECKSUM_SHA256, seed, -1);

  salt[32] = '\0';
  json_builder_set_member_name (builder, "identifier");
  json_builder_begin_array (builder);
  add_identity (builder, "name", self->full_name, NULL);
  if (self->student_id != NULL)
    add_identity (builder, "sisSourcedId", self->student_id, salt);
  if (self->email != NULL)
    add_identity (builder, "emailAddress", self->email, salt);
  json_builder_end_array (builder);
}

static void
add_subject (McCredentialBuilder  *self,
             JsonBuilder          *builder,
             const Dates          *dates,
             McGradingScale       *scale,
             const char           *grade)
{
  g_autofree char *subject_id = g_strconcat ("urn:uuid:", self->learner_uuid, NULL);
  double ects = mc_revision_get_ects (self->revision);

  json_builder_set_member_name (builder, "credentialSubject");
  json_builder_begin_object (builder);
  _mc_ob3_json_add_string (builder, "id", subject_id);
  _mc_ob3_json_add_type (builder, "AchievementSubject");
  add_identifiers (self, builder);
  _mc_ob3_json_add_string (builder, "activityStartDate", dates->starts);
  _mc_ob3_json_add_string (builder, "activityEndDate", dates->ends);
  if (ects > 0)
    {
      json_builder_set_member_name (builder, "creditsEarned");
      json_builder_add_double_value (builder, ects);
    }
  json_builder_set_member_name (builder, "achievement");
  json_builder_begin_object (builder);
  _mc_credential_builder_add_achievement_members (self, builder, scale);
  json_builder_end_object (builder);
  if (grade != NULL)
    {
      json_builder_set_member_name (builder, "result");
      json_builder_begin_array (builder);
      mc_result_description_write_result (builder, scale, self->achievement_id, grade);
      json_builder_end_array (builder);
    }
  _mc_credential_builder_add_offering_extensions (self, builder);
  json_builder_end_object (builder);
}

/* Open Badges 3.0 allows one credentialStatus, so the credential names its
 * revocation entry; the suspension list uses the same position
 * (docs/credential-format.md, "Status"). */
static void
add_status (McCredentialBuilder *self,
            JsonBuilder         *builder)
{
  guint offset;
  g_autofree char *list_url = mc_status_list_url (self->status_base_url, "revocation",
                                                  self->status_index, &offset);
  g_autofree char *entry_id = g_strdup_printf ("%s#%u", list_url, offset);
  g_autofree char *index = g_strdup_printf ("%u", offset);

  json_builder_set_member_name (builder, "credentialStatus");
  json_builder_begin_object (builder);
  _mc_ob3_json_add_string (builder, "id", entry_id);
  _mc_ob3_json_add_string (builder, "type", "BitstringStatusListEntry");
  _mc_ob3_json_add_string (builder, "statusPurpose", "revocation");
  _mc_ob3_json_add_string (builder, "statusListIndex", index);
  _mc_ob3_json_add_string (builder, "statusListCredential", list_url);
  json_builder_end_object (builder);
}

static void
add_schema (JsonBuilder *builder)
{
  json_builder_set_member_name (builder, "credentialSchema");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  _mc_ob3_json_add_string (builder, "id", MC_OB3_SCHEMA_URL);
  _mc_ob3_json_add_string (builder, "type", MC_OB3_SCHEMA_TYPE);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_contexts (McCredentialBuilder *self,
              JsonBuilder         *builder)
{
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, MC_OB3_CONTEXT_VC);
  json_builder_add_string_value (builder, MC_OB3_CONTEXT_OB);
  if (self->credential_schema)
    json_builder_add_string_value (builder, MC_OB3_CONTEXT_EXTENSIONS);
  _mc_credential_builder_add_context (builder);
  json_builder_end_array (builder);
}

static JsonNode *
build_document (McCredentialBuilder  *self,
                const Dates          *dates,
                McGradingScale       *scale,
                const char           *grade)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *id = g_strconcat ("urn:uuid:", self->uuid, NULL);

  json_builder_begin_object (builder);
  add_contexts (self, builder);
  _mc_ob3_json_add_string (builder, "id", id);
  json_builder_set_member_name (builder, "type");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, "VerifiableCredential");
  json_builder_add_string_value (builder, "OpenBadgeCredential");
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "issuer");
  json_builder_add_value (builder, mc_issuer_profile_to_json (self->issuer, FALSE));
  _mc_ob3_json_add_string (builder, "validFrom", dates->valid_from);
  _mc_ob3_json_add_string (builder, "validUntil", dates->valid_until);
  _mc_ob3_json_add_string (builder, "awardedDate", dates->awarded);
  _mc_ob3_json_add_string (builder, "name", _mc_credential_builder_revision_text (self, "title"));
  add_subject (self, builder, dates, scale, grade);
  if (self->status_base_url != NULL)
    add_status (self, builder);
  if (self->credential_schema)
    add_schema (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * mc_credential_builder_build:
 * @self: a builder
 * @error: return location for a #MC_OB3_ERROR
 *
 * Returns: (transfer full): the unsigned credential
 */
JsonNode *
mc_credential_builder_build (McCredentialBuilder  *self,
                             GError              **error)
{
  g_auto(Dates) dates = { NULL, };
  g_autoptr(McGradingScale) scale = NULL;
  g_autofree char *grade = NULL;

  g_return_val_if_fail (MC_IS_CREDENTIAL_BUILDER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_required (self, error) || !prepare_dates (self, &dates, error))
    return NULL;
  scale = grading_scale_new (self);
  if (self->grade != NULL && (grade = check_grade (self, scale, error)) == NULL)
    return NULL;
  return build_document (self, &dates, scale, grade);
}

static void
add_claim (JsonObject *payload,
           const char *name,
           const char *value)
{
  json_object_set_string_member (payload, name, value);
}

/**
 * mc_credential_builder_build_jwt_payload:
 * @self: a builder
 * @error: return location for a #MC_OB3_ERROR
 *
 * Returns: (transfer full): the JWT claims as compact JSON text
 */
char *
mc_credential_builder_build_jwt_payload (McCredentialBuilder  *self,
                                         GError              **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *payload, *subject;
  const char *valid_until;

  g_return_val_if_fail (MC_IS_CREDENTIAL_BUILDER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  root = mc_credential_builder_build (self, error);
  if (root == NULL)
    return NULL;
  payload = json_node_get_object (root);
  subject = json_object_get_object_member (payload, "credentialSubject");
  add_claim (payload, "iss", mc_issuer_profile_get_id (self->issuer));
  add_claim (payload, "jti", json_object_get_string_member (payload, "id"));
  add_claim (payload, "sub", json_object_get_string_member (subject, "id"));
  json_object_set_int_member (payload, "nbf",
                              _mc_credential_document_unix_time (json_object_get_string_member (payload, "validFrom")));
  valid_until = json_object_get_string_member_with_default (payload, "validUntil", NULL);
  if (valid_until != NULL)
    json_object_set_int_member (payload, "exp", _mc_credential_document_unix_time (valid_until));
  return json_to_string (root, FALSE);
}

/**
 * mc_credential_builder_build_achievement:
 * @self: a builder with its revision set
 *
 * Returns: (transfer full): the achievement as published at its id, with
 *   its own @context: the same object credentials embed
 */
JsonNode *
mc_credential_builder_build_achievement (McCredentialBuilder *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(McGradingScale) scale = NULL;

  g_return_val_if_fail (MC_IS_CREDENTIAL_BUILDER (self), NULL);
  g_return_val_if_fail (self->revision != NULL, NULL);

  scale = grading_scale_new (self);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, MC_OB3_CONTEXT_VC);
  json_builder_add_string_value (builder, MC_OB3_CONTEXT_OB);
  _mc_credential_builder_add_context (builder);
  json_builder_end_array (builder);
  _mc_credential_builder_add_achievement_members (self, builder, scale);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/**
 * mc_credential_builder_build_context_document:
 *
 * Returns: (transfer full): Microcred's JSON-LD context as a document,
 *   {"@context": {...}}: the terms credentials carry inline
 */
JsonNode *
mc_credential_builder_build_context_document (void)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "@context");
  _mc_credential_builder_add_context (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
