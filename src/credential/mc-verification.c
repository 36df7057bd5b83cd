/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-credential-document.h"
#include "mc-enums.h"
#include "mc-credential-private.h"
#include "mc-verification-private.h"

G_DEFINE_ENUM_TYPE (McVerdict, mc_verdict,
  G_DEFINE_ENUM_VALUE (MC_VERDICT_VALID, "valid"),
  G_DEFINE_ENUM_VALUE (MC_VERDICT_INVALID, "invalid"),
  G_DEFINE_ENUM_VALUE (MC_VERDICT_INCOMPLETE, "incomplete"))

G_DEFINE_ENUM_TYPE (McCheckOutcome, mc_check_outcome,
  G_DEFINE_ENUM_VALUE (MC_CHECK_OUTCOME_PASSED, "passed"),
  G_DEFINE_ENUM_VALUE (MC_CHECK_OUTCOME_FAILED, "failed"),
  G_DEFINE_ENUM_VALUE (MC_CHECK_OUTCOME_SKIPPED, "skipped"))

#define N_CHECKS 6

/* The checks in the order they are shown. */
static const struct {
  const char *id;
  const char *title;
} check_info[N_CHECKS] = {
  { MC_CHECK_FORMAT, N_("Readable credential") },
  { MC_CHECK_SIGNATURE, N_("Signature") },
  { MC_CHECK_ISSUER, N_("Issuer") },
  { MC_CHECK_DATES, N_("Validity dates") },
  { MC_CHECK_STATUS, N_("Revocation and suspension") },
  { MC_CHECK_SCHEMA, N_("Open Badges 3.0 structure") },
};

/* Stable names of the McCredentialError codes for the JSON output. */
static const char * const error_nicks[] = {
  [MC_CREDENTIAL_ERROR_FAILED] = "failed",
  [MC_CREDENTIAL_ERROR_BAD_PASSPHRASE] = "bad-passphrase",
  [MC_CREDENTIAL_ERROR_INVALID_KEY] = "invalid-key",
  [MC_CREDENTIAL_ERROR_MALFORMED] = "malformed",
  [MC_CREDENTIAL_ERROR_UNSUPPORTED_ALGORITHM] = "unsupported-algorithm",
  [MC_CREDENTIAL_ERROR_KEY_MISMATCH] = "key-mismatch",
  [MC_CREDENTIAL_ERROR_BAD_SIGNATURE] = "bad-signature",
  [MC_CREDENTIAL_ERROR_EXPIRED] = "expired",
  [MC_CREDENTIAL_ERROR_NOT_YET_VALID] = "not-yet-valid",
  [MC_CREDENTIAL_ERROR_REVOKED] = "revoked",
  [MC_CREDENTIAL_ERROR_SUSPENDED] = "suspended",
  [MC_CREDENTIAL_ERROR_SCHEMA] = "schema",
};

struct _McVerification
{
  GObject parent_instance;

  McVerdict verdict;
  GError *failure;
  char *summary;
  McVerificationCheck *checks[N_CHECKS];
  McCredentialError codes[N_CHECKS];   /* of the failed checks */
  char *reasons[N_CHECKS];             /* of failed and skipped checks, for the summary */

  JsonNode *credential;
  char *credential_id;
  char *learner_name;
  char *achievement_name;
  char *issuer_name;
  char *issuer_id;
  char *key_id;
  char *credits;                       /* "5 ECTS, EQF level 5", or NULL */
  double ects;                         /* stated credits, when has_ects */
  gboolean has_ects;
  McIssuerTrust trust;
  char *partner_name;
  GDateTime *issued;
  GDateTime *awarded;
  GDateTime *valid_until;
};

G_DEFINE_FINAL_TYPE (McVerification, mc_verification, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (McIssuerTrust, mc_issuer_trust,
  G_DEFINE_ENUM_VALUE (MC_ISSUER_TRUST_UNKNOWN, "unknown"),
  G_DEFINE_ENUM_VALUE (MC_ISSUER_TRUST_OWN, "own"),
  G_DEFINE_ENUM_VALUE (MC_ISSUER_TRUST_PARTNER, "partner"),
  G_DEFINE_ENUM_VALUE (MC_ISSUER_TRUST_NOT_PARTNER, "not-partner"))

/* Checks */

G_DEFINE_BOXED_TYPE (McVerificationCheck, mc_verification_check,
                     mc_verification_check_copy, mc_verification_check_free)

McVerificationCheck *
mc_verification_check_new (const char     *id,
                           const char     *title,
                           McCheckOutcome  outcome,
                           const char     *detail)
{
  McVerificationCheck *self;

  g_return_val_if_fail (id != NULL && title != NULL && detail != NULL, NULL);

  self = g_new0 (McVerificationCheck, 1);
  self->id = g_strdup (id);
  self->title = g_strdup (title);
  self->outcome = outcome;
  self->detail = g_strdup (detail);
  return self;
}

McVerificationCheck *
mc_verification_check_copy (const McVerificationCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return mc_verification_check_new (self->id, self->title, self->outcome, self->detail);
}

void
mc_verification_check_free (McVerificationCheck *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->title);
  g_free (self->detail);
  g_free (self);
}

const char *
mc_verification_check_get_id (const McVerificationCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->id;
}

const char *
mc_verification_check_get_title (const McVerificationCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

McCheckOutcome
mc_verification_check_get_outcome (const McVerificationCheck *self)
{
  g_return_val_if_fail (self != NULL, MC_CHECK_OUTCOME_SKIPPED);
  return self->outcome;
}

const char *
mc_verification_check_get_detail (const McVerificationCheck *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->detail;
}

/* Life cycle */

static void
mc_verification_finalize (GObject *object)
{
  McVerification *self = MC_VERIFICATION (object);

  g_clear_error (&self->failure);
  g_free (self->summary);
  for (guint i = 0; i < N_CHECKS; i++)
    {
      mc_verification_check_free (self->checks[i]);
      g_free (self->reasons[i]);
    }
  g_clear_pointer (&self->credential, json_node_unref);
  g_free (self->credential_id);
  g_free (self->learner_name);
  g_free (self->achievement_name);
  g_free (self->issuer_name);
  g_free (self->issuer_id);
  g_free (self->key_id);
  g_free (self->credits);
  g_free (self->partner_name);
  g_clear_pointer (&self->issued, g_date_time_unref);
  g_clear_pointer (&self->awarded, g_date_time_unref);
  g_clear_pointer (&self->valid_until, g_date_time_unref);
  G_OBJECT_CLASS (mc_verification_parent_class)->finalize (object);
}

static void
mc_verification_class_init (McVerificationClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_verification_finalize;
}

static void
mc_verification_init (McVerification *self)
{
  for (guint i = 0; i < N_CHECKS; i++)
    self->checks[i] = mc_verification_check_new (check_info[i].id, _(check_info[i].title),
                                                 MC_CHECK_OUTCOME_SKIPPED, _("Not checked."));
  self->verdict = MC_VERDICT_INCOMPLETE;
}

McVerification *
_mc_verification_new (void)
{
  return g_object_new (MC_TYPE_VERIFICATION, NULL);
}

/* Recording the checks */

static guint
check_index (const char *check_id)
{
  for (guint i = 0; i < N_CHECKS; i++)
    if (g_str_equal (check_info[i].id, check_id))
      return i;
  g_return_val_if_reached (0);
}

static void
set_check (McVerification *self,
           const char     *check_id,
           McCheckOutcome  outcome,
           const char     *detail,
           const char     *reason)
{
  guint i = check_index (check_id);

  self->checks[i]->outcome = outcome;
  g_free (self->checks[i]->detail);
  self->checks[i]->detail = g_strdup (detail);
  g_free (self->reasons[i]);
  self->reasons[i] = g_strdup (reason);
}

void
_mc_verification_pass (McVerification *self,
                       const char     *check_id,
                       const char     *detail)
{
  set_check (self, check_id, MC_CHECK_OUTCOME_PASSED, detail, NULL);
}

void
_mc_verification_fail (McVerification   *self,
                       const char       *check_id,
                       McCredentialError code,
                       const char       *detail,
                       const char       *reason)
{
  set_check (self, check_id, MC_CHECK_OUTCOME_FAILED, detail, reason);
  self->codes[check_index (check_id)] = code;
}

void
_mc_verification_skip (McVerification *self,
                       const char     *check_id,
                       const char     *detail,
                       const char     *reason)
{
  set_check (self, check_id, MC_CHECK_OUTCOME_SKIPPED, detail, reason);
}

McCheckOutcome
_mc_verification_get_outcome (McVerification *self,
                              const char     *check_id)
{
  return self->checks[check_index (check_id)]->outcome;
}

void
_mc_verification_set_key_id (McVerification *self,
                             const char     *key_id)
{
  g_free (self->key_id);
  self->key_id = g_strdup (key_id);
}

/* Reading the credential */

static const char *
string_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonObject *
object_member (JsonObject *object,
               const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static JsonArray *
array_member (JsonObject *object,
              const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

static gboolean
number_member (JsonObject *object,
               const char *name,
               double     *value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  if (type != G_TYPE_INT64 && type != G_TYPE_DOUBLE)
    return FALSE;
  *value = json_node_get_double (node);
  return TRUE;
}

static GDateTime *
date_member (JsonObject *object,
             const char *name)
{
  GDateTime *date = NULL;

  mc_credential_document_parse_datetime (string_member (object, name), &date);
  return date;
}

/* The name in clear among the subject's identifiers (OB 3.0 IdentityObject
 * of identityType "name", not hashed). */
static const char *
find_learner_name (JsonObject *subject)
{
  JsonArray *identifiers = array_member (subject, "identifier");

  for (guint i = 0; identifiers != NULL && i < json_array_get_length (identifiers); i++)
    {
      JsonNode *node = json_array_get_element (identifiers, i);
      JsonObject *identity = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
      JsonNode *hashed = identity != NULL ? json_object_get_member (identity, "hashed") : NULL;

      if (g_strcmp0 (string_member (identity, "identityType"), "name") == 0 &&
          hashed != NULL && JSON_NODE_HOLDS_VALUE (hashed) &&
          json_node_get_value_type (hashed) == G_TYPE_BOOLEAN && !json_node_get_boolean (hashed))
        return string_member (identity, "identityHash");
    }
  return string_member (subject, "name");
}

static const char *
find_eqf_level (JsonObject *achievement)
{
  JsonArray *alignments = array_member (achievement, "alignment");

  for (guint i = 0; alignments != NULL && i < json_array_get_length (alignments); i++)
    {
      JsonNode *node = json_array_get_element (alignments, i);
      JsonObject *alignment = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (g_strcmp0 (string_member (alignment, "targetFramework"), "European Qualifications Framework") == 0)
        return string_member (alignment, "targetCode");
    }
  return NULL;
}

/* "5 ECTS, EQF level 5", "EQF level 5", or NULL. */
static char *
describe_credits (JsonObject *subject,
                  JsonObject *achievement)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char *eqf = find_eqf_level (achievement);
  double ects;

  if (number_member (subject, "creditsEarned", &ects) || number_member (achievement, "creditsAvailable", &ects))
    /* Translators: ECTS credits of a micro-credential, like "5 ECTS" or "2.5 ECTS" */
    g_ptr_array_add (parts, g_strdup_printf (_("%g ECTS"), ects));
  if (eqf != NULL)
    /* Translators: a level of the European Qualifications Framework, like "EQF level 5" */
    g_ptr_array_add (parts, g_strdup_printf (_("EQF level %s"), eqf));
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

void
_mc_verification_set_credential (McVerification *self,
                                 JsonNode       *credential)
{
  JsonObject *object, *subject, *achievement, *issuer;

  g_return_if_fail (JSON_NODE_HOLDS_OBJECT (credential));

  g_clear_pointer (&self->credential, json_node_unref);
  self->credential = json_node_ref (credential);
  object = json_node_get_object (credential);
  subject = object_member (object, "credentialSubject");
  achievement = object_member (subject, "achievement");
  issuer = object_member (object, "issuer");

  self->credential_id = g_strdup (string_member (object, "id"));
  self->learner_name = g_strdup (find_learner_name (subject));
  self->achievement_name = g_strdup (string_member (achievement, "name") != NULL
                                     ? string_member (achievement, "name")
                                     : string_member (object, "name"));
  self->issuer_id = g_strdup (issuer != NULL ? string_member (issuer, "id") : string_member (object, "issuer"));
  self->issuer_name = g_strdup (string_member (issuer, "name"));
  self->credits = describe_credits (subject, achievement);
  self->has_ects = number_member (subject, "creditsEarned", &self->ects) ||
                   number_member (achievement, "creditsAvailable", &self->ects);
  self->issued = date_member (object, "validFrom");
  self->awarded = date_member (object, "awardedDate");
  self->valid_until = date_member (object, "validUntil");
}

char *
_mc_verification_format_date (GDateTime *date)
{
  /* Translators: a date as in "revoked on 3 July 2026"; see
   * g_date_time_format() for the codes ("%-d" is the day without a
   * leading zero) */
  return g_date_time_format (date, _("%-d %B %Y"));
}

/* The verdict */

/* "Ada Lovelace earned “Data Analytics Foundations” (5 ECTS, EQF level 5)
 * from Demo University on 12 June 2026." */
static char *
describe_award (McVerification *self)
{
  g_autofree char *what = NULL;
  g_autofree char *date = NULL;
  GDateTime *when = self->awarded != NULL ? self->awarded : self->issued;
  const char *learner = self->learner_name != NULL ? self->learner_name : _("The holder");
  const char *issuer = self->issuer_name != NULL ? self->issuer_name : _("an unnamed issuer");
  const char *title = self->achievement_name != NULL ? self->achievement_name : _("a credential without a title");

  if (self->credits != NULL)
    /* Translators: the title of the micro-credential and its credits and level */
    what = g_strdup_printf (_("“%s” (%s)"), title, self->credits);
  else
    what = g_strdup_printf (_("“%s”"), title);
  if (when == NULL)
    /* Translators: learner, what they earned, the institution */
    return g_strdup_printf (_("%s earned %s from %s."), learner, what, issuer);
  date = _mc_verification_format_date (when);
  /* Translators: learner, what they earned, the institution, the date */
  return g_strdup_printf (_("%s earned %s from %s on %s."), learner, what, issuer, date);
}

static int
first_with (McVerification *self,
            McCheckOutcome  outcome)
{
  for (guint i = 0; i < N_CHECKS; i++)
    if (self->checks[i]->outcome == outcome)
      return (int) i;
  return -1;
}

void
_mc_verification_finish (McVerification *self)
{
  g_autofree char *award = NULL;
  int failed = first_with (self, MC_CHECK_OUTCOME_FAILED);
  int skipped = first_with (self, MC_CHECK_OUTCOME_SKIPPED);

  g_clear_pointer (&self->summary, g_free);
  g_clear_error (&self->failure);
  if (failed >= 0)
    {
      self->verdict = MC_VERDICT_INVALID;
      self->failure = g_error_new_literal (MC_CREDENTIAL_ERROR, self->codes[failed],
                                           self->checks[failed]->detail);
      /* Translators: the reason is a clause like "this credential was revoked on 3 July 2026" */
      self->summary = g_strdup_printf (_("Not valid: %s."), self->reasons[failed]);
      return;
    }
  if (skipped >= 0 && self->credential == NULL)
    {
      self->verdict = MC_VERDICT_INCOMPLETE;
      /* Translators: the reason is a clause like "a verification address can only be checked …" */
      self->summary = g_strdup_printf (_("Not verified: %s."), self->reasons[skipped]);
      return;
    }
  award = describe_award (self);
  if (skipped >= 0)
    {
      self->verdict = MC_VERDICT_INCOMPLETE;
      /* Translators: the reason is a clause like "its status could not be checked";
       * then what the credential says */
      self->summary = g_strdup_printf (_("Not fully verified: %s. Otherwise in order: %s"),
                                       self->reasons[skipped], award);
      return;
    }
  self->verdict = MC_VERDICT_VALID;
  if (self->trust == MC_ISSUER_TRUST_PARTNER)
    /* Translators: a partner institution's name, then what the credential says */
    self->summary = g_strdup_printf (_("Valid, from a trusted partner (%s). %s"), self->partner_name, award);
  else if (self->trust == MC_ISSUER_TRUST_NOT_PARTNER)
    /* Translators: what the credential says, like "Ada Lovelace earned …" */
    self->summary = g_strdup_printf (_("Valid, but the issuer is not one of our partners. %s"), award);
  else
    /* Translators: what the credential says, like "Ada Lovelace earned …" */
    self->summary = g_strdup_printf (_("Valid. %s"), award);
}

void
_mc_verification_set_issuer_trust (McVerification *self,
                                   McIssuerTrust   trust,
                                   const char     *partner_name)
{
  self->trust = trust;
  g_free (self->partner_name);
  self->partner_name = g_strdup (partner_name);
}

McIssuerTrust
mc_verification_get_issuer_trust (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), MC_ISSUER_TRUST_UNKNOWN);

  return self->trust;
}

const char *
mc_verification_get_partner_name (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);

  return self->partner_name;
}

gboolean
mc_verification_get_credits (McVerification *self,
                             double         *ects)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), FALSE);

  if (self->has_ects && ects != NULL)
    *ects = self->ects;
  return self->has_ects;
}

/* Accessors */

McVerdict
mc_verification_get_verdict (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), MC_VERDICT_INCOMPLETE);
  return self->verdict;
}

gboolean
mc_verification_is_valid (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), FALSE);
  return self->verdict == MC_VERDICT_VALID;
}

const GError *
mc_verification_get_failure (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  return self->failure;
}

const char *
mc_verification_get_summary (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  return self->summary;
}

guint
mc_verification_get_n_checks (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), 0);
  return N_CHECKS;
}

const McVerificationCheck *
mc_verification_get_check (McVerification *self,
                           guint           index)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  g_return_val_if_fail (index < N_CHECKS, NULL);
  return self->checks[index];
}

const McVerificationCheck *
mc_verification_find_check (McVerification *self,
                            const char     *id)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < N_CHECKS; i++)
    if (g_str_equal (self->checks[i]->id, id))
      return self->checks[i];
  return NULL;
}

JsonObject *
mc_verification_get_credential (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  return self->credential != NULL ? json_node_get_object (self->credential) : NULL;
}

const char *
mc_verification_get_credential_id (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  return self->credential_id;
}

const char *
mc_verification_get_learner_name (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  return self->learner_name;
}

const char *
mc_verification_get_achievement_name (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  return self->achievement_name;
}

const char *
mc_verification_get_issuer_name (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  return self->issuer_name;
}

const char *
mc_verification_get_issuer_id (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  return self->issuer_id;
}

GDateTime *
mc_verification_get_issued (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  return self->issued;
}

GDateTime *
mc_verification_get_valid_until (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  return self->valid_until;
}

const char *
mc_verification_get_key_id (McVerification *self)
{
  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);
  return self->key_id;
}

/* JSON */

static void
add_date (JsonBuilder *builder,
          const char  *name,
          GDateTime   *date)
{
  g_autofree char *text = date != NULL ? g_date_time_format_iso8601 (date) : NULL;

  json_builder_set_member_name (builder, name);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
}

static void
add_nullable (JsonBuilder *builder,
              const char  *name,
              const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_checks (McVerification *self,
            JsonBuilder    *builder,
            GEnumClass     *outcomes)
{
  json_builder_set_member_name (builder, "checks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < N_CHECKS; i++)
    {
      McVerificationCheck *check = self->checks[i];

      json_builder_begin_object (builder);
      add_nullable (builder, "id", check->id);
      add_nullable (builder, "title", check->title);
      add_nullable (builder, "outcome", g_enum_get_value (outcomes, (int) check->outcome)->value_nick);
      add_nullable (builder, "detail", check->detail);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

JsonNode *
mc_verification_to_json (McVerification *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GEnumClass) verdicts = g_type_class_ref (MC_TYPE_VERDICT);
  g_autoptr(GEnumClass) outcomes = g_type_class_ref (MC_TYPE_CHECK_OUTCOME);
  guint code;

  g_return_val_if_fail (MC_IS_VERIFICATION (self), NULL);

  json_builder_begin_object (builder);
  add_nullable (builder, "verdict", g_enum_get_value (verdicts, (int) self->verdict)->value_nick);
  add_nullable (builder, "summary", self->summary);
  code = self->failure != NULL ? (guint) self->failure->code : G_N_ELEMENTS (error_nicks);
  add_nullable (builder, "error", code < G_N_ELEMENTS (error_nicks) ? error_nicks[code] : NULL);
  add_checks (self, builder, outcomes);
  add_nullable (builder, "credential_id", self->credential_id);
  add_nullable (builder, "learner_name", self->learner_name);
  add_nullable (builder, "achievement_name", self->achievement_name);
  add_nullable (builder, "issuer_name", self->issuer_name);
  add_nullable (builder, "issuer_id", self->issuer_id);
  add_date (builder, "issued", self->issued);
  add_date (builder, "valid_until", self->valid_until);
  add_nullable (builder, "key_id", self->key_id);
  add_nullable (builder, "issuer_trust", mc_enum_to_nick (MC_TYPE_ISSUER_TRUST, self->trust));
  add_nullable (builder, "partner_name", self->partner_name);
  json_builder_set_member_name (builder, "credential");
  if (self->credential != NULL)
    json_builder_add_value (builder, _mc_json_node_deep_copy (self->credential));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}
