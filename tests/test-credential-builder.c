/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "mc-credential-document.h"
#include "mc-field.h"
#include "ob3-fixture.h"

#define ACHIEVEMENT OB3_FIXTURE_BASE "/achievements/" OB3_FIXTURE_DESIGN

/* The first value a JSONPath expression selects, or NULL. */
static JsonNode *
select_node (JsonNode   *root,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) result = json_path_query (path, root, &error);
  JsonArray *matches;

  g_assert_no_error (error);
  matches = json_node_get_array (result);
  if (json_array_get_length (matches) == 0)
    return NULL;
  return json_node_copy (json_array_get_element (matches, 0));
}

static void
assert_string_at (JsonNode   *root,
                  const char *path,
                  const char *expected)
{
  g_autoptr(JsonNode) node = select_node (root, path);

  if (expected == NULL)
    {
      if (node != NULL)
        g_error ("%s: expected nothing, found a value", path);
      return;
    }
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    g_error ("%s: expected “%s”, found nothing", path, expected);
  g_assert_cmpstr (json_node_get_string (node), ==, expected);
}

static void
assert_number_at (JsonNode   *root,
                  const char *path,
                  double      expected)
{
  g_autoptr(JsonNode) node = select_node (root, path);

  if (node == NULL)
    g_error ("%s: expected %g, found nothing", path, expected);
  g_assert_cmpfloat (json_node_get_double (node), ==, expected);
}

static guint
count_at (JsonNode   *root,
          const char *path)
{
  g_autoptr(JsonNode) node = select_node (root, path);

  if (node == NULL)
    return 0;
  return JSON_NODE_HOLDS_ARRAY (node) ? json_array_get_length (json_node_get_array (node)) : 1;
}

static JsonNode *
build_ok (McCredentialBuilder *builder)
{
  g_autoptr(GError) error = NULL;
  JsonNode *root = mc_credential_builder_build (builder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (root);
  mc_credential_document_check (json_node_get_object (root), &error);
  g_assert_no_error (error);
  return root;
}

static JsonNode *
build_full (McGradingScheme scheme)
{
  g_autoptr(McRevision) revision = ob3_fixture_full_revision (scheme);
  g_autoptr(McCredentialBuilder) builder = ob3_fixture_builder (revision);

  return build_ok (builder);
}

static void
test_full (void)
{
  g_autoptr(JsonNode) root = build_full (MC_GRADING_NUMERIC);

  assert_string_at (root, "$['@context'][0]", MC_OB3_CONTEXT_VC);
  assert_string_at (root, "$['@context'][1]", MC_OB3_CONTEXT_OB);
  g_assert_cmpuint (count_at (root, "$['@context']"), ==, 3);
  assert_string_at (root, "$.id", "urn:uuid:" OB3_FIXTURE_CREDENTIAL);
  assert_string_at (root, "$.type[1]", "OpenBadgeCredential");
  assert_string_at (root, "$.issuer.id", OB3_FIXTURE_BASE "/issuer");
  assert_string_at (root, "$.issuer.address.addressCountryCode", "NL");
  assert_string_at (root, "$.issuer.otherIdentifier[0].identifier", "KvK 01234567");
  assert_string_at (root, "$.validFrom", "2026-02-01T09:00:00Z");
  assert_string_at (root, "$.validUntil", "2027-02-01T09:00:00Z");
  assert_string_at (root, "$.awardedDate", "2026-01-20T00:00:00Z");
  assert_string_at (root, "$.name", "Battery Systems for Electric Vehicles");
  assert_string_at (root, "$.credentialSubject.id", "urn:uuid:" OB3_FIXTURE_LEARNER);
  assert_string_at (root, "$.credentialSubject.activityStartDate", "2025-09-01T00:00:00Z");
  assert_string_at (root, "$.credentialSubject.offeringCode", "BSEV-2025-A");
  /* The offering names no form of participation: the design's is used. */
  assert_string_at (root, "$.credentialSubject.participationMode", "blended");
  assert_number_at (root, "$.credentialSubject.creditsEarned", 4);
  assert_string_at (root, "$.credentialSubject.result[0].value", "72");
  assert_string_at (root, "$.credentialSubject.result[0].resultDescription", ACHIEVEMENT "#grading");
  assert_string_at (root, "$.credentialStatus.statusListCredential", OB3_FIXTURE_BASE "/status/revocation/1");
  assert_string_at (root, "$.credentialStatus.statusListIndex", "7");
  assert_string_at (root, "$.credentialStatus.id", OB3_FIXTURE_BASE "/status/revocation/1#7");
  assert_string_at (root, "$.credentialSchema", NULL);
}

static void
test_full_achievement (void)
{
  g_autoptr(JsonNode) root = build_full (MC_GRADING_NUMERIC);
  g_autoptr(JsonNode) narrative = select_node (root, "$.credentialSubject.achievement.criteria.narrative");
  const char *text = json_node_get_string (narrative);

  assert_string_at (root, "$.credentialSubject.achievement.id", ACHIEVEMENT);
  assert_string_at (root, "$.credentialSubject.achievement.achievementType", "MicroCredential");
  assert_number_at (root, "$.credentialSubject.achievement.creditsAvailable", 4);
  assert_string_at (root, "$.credentialSubject.achievement.fieldOfStudy", "0716");
  assert_string_at (root, "$.credentialSubject.achievement.humanCode",
                    mc_field_lookup ("code") != NULL ? "BSEV-01" : NULL);
  assert_string_at (root, "$.credentialSubject.achievement.inLanguage", "en");
  assert_string_at (root, "$.credentialSubject.achievement.otherIdentifier[0].identifier", OB3_FIXTURE_DESIGN);
  assert_string_at (root, "$.credentialSubject.achievement.alignment[0].targetName", "EQF level 6");
  assert_string_at (root, "$.credentialSubject.achievement.alignment[0].targetUrl", "http://data.europa.eu/snb/eqf/6");
  /* The awarding body is the issuer itself. */
  assert_string_at (root, "$.credentialSubject.achievement.creator", NULL);
  g_assert_nonnull (strstr (text, "BS1: Compare lithium-ion"));
  g_assert_nonnull (strstr (text, "Pack design report."));
  assert_number_at (root, "$.credentialSubject.achievement.notionalWorkloadHours", 112);
  assert_string_at (root, "$.credentialSubject.achievement.learningOutcomes[1].eqfDomain", "skills");
  assert_string_at (root, "$.credentialSubject.achievement.assessments[1].supervision", "supervised-with-id");
  assert_string_at (root, "$.credentialSubject.achievement.partners[0].partnerRoles[1]", "recognition");
  assert_string_at (root, "$.credentialSubject.achievement.partners[0].contact", NULL);
  assert_string_at (root, "$.credentialSubject.achievement.stackTargets[0].targetKind", "programme");
  assert_string_at (root, "$.credentialSubject.achievement.recognitionRoutes[0]", "credit-transfer");
  assert_string_at (root, "$.credentialSubject.achievement.externalQualityAssuranceBody", "NVAO");
}

/* The hashes were computed independently, with Python's hashlib. */
static void
test_learner_identity (void)
{
  g_autoptr(JsonNode) root = build_full (MC_GRADING_NUMERIC);

  assert_string_at (root, "$.credentialSubject.identifier[0].identityType", "name");
  assert_string_at (root, "$.credentialSubject.identifier[0].identityHash", "Lena de Vries");
  assert_string_at (root, "$.credentialSubject.identifier[1].identityType", "sisSourcedId");
  assert_string_at (root, "$.credentialSubject.identifier[1].salt", "33453beb074c3ab8e7758d2e6b81bdb6");
  assert_string_at (root, "$.credentialSubject.identifier[1].identityHash",
                    "sha256$d6cd00627960ea967497bee9602c2bd9afb07d520b02123f8d8c1f915a8f2102");
  /* The address is hashed in lower case. */
  assert_string_at (root, "$.credentialSubject.identifier[2].identityHash",
                    "sha256$eddac3880c6d2d31c3e38dc437ab0c94b98bb73e7d8189730ca857a243506f8f");
}

static void
test_no_clear_identifiers (void)
{
  g_autoptr(JsonNode) root = build_full (MC_GRADING_NUMERIC);
  g_autofree char *text = json_to_string (root, FALSE);
  g_autofree char *lower = g_utf8_strdown (text, -1);

  g_assert_null (strstr (text, "S1234567"));
  g_assert_null (strstr (lower, "lena.devries@"));
}

static void
test_minimal (void)
{
  g_autoptr(McRevision) revision = ob3_fixture_minimal_revision ();
  g_autoptr(McCredentialBuilder) builder = ob3_fixture_builder (revision);
  g_autoptr(JsonNode) root = NULL;

  mc_credential_builder_set_learner (builder, OB3_FIXTURE_LEARNER, "Jan Kowalski", NULL, NULL);
  mc_credential_builder_set_offering (builder, NULL, NULL, NULL, MC_PARTICIPATION_UNSET);
  mc_credential_builder_set_result (builder, NULL, NULL, NULL);
  mc_credential_builder_set_credential (builder, OB3_FIXTURE_CREDENTIAL, "2026-02-01", NULL);
  mc_credential_builder_set_status (builder, NULL, 0);
  root = build_ok (builder);

  assert_string_at (root, "$.validFrom", "2026-02-01T00:00:00Z");
  assert_string_at (root, "$.validUntil", NULL);
  assert_string_at (root, "$.credentialStatus", NULL);
  assert_string_at (root, "$.credentialSubject.result", NULL);
  assert_string_at (root, "$.credentialSubject.activityStartDate", NULL);
  g_assert_cmpuint (count_at (root, "$.credentialSubject.identifier"), ==, 1);
  assert_string_at (root, "$.credentialSubject.achievement.criteria.narrative",
                    "Awarded for successfully completing “Safe Lab Practice”.");
  assert_string_at (root, "$.credentialSubject.achievement.alignment", NULL);
  assert_string_at (root, "$.credentialSubject.achievement.creditsAvailable", NULL);
  assert_string_at (root, "$.credentialSubject.achievement.resultDescription[0].resultType", "Result");
}

static void
test_credential_schema (void)
{
  g_autoptr(McRevision) revision = ob3_fixture_full_revision (MC_GRADING_LETTER);
  g_autoptr(McCredentialBuilder) builder = ob3_fixture_builder (revision);
  g_autoptr(JsonNode) with = NULL;
  g_autoptr(JsonNode) without = NULL;

  mc_credential_builder_set_credential_schema (builder, TRUE);
  with = build_ok (builder);
  assert_string_at (with, "$['@context'][2]", MC_OB3_CONTEXT_EXTENSIONS);
  assert_string_at (with, "$.credentialSchema[0].id", MC_OB3_SCHEMA_URL);
  assert_string_at (with, "$.credentialSchema[0].type", "1EdTechJsonSchemaValidator2019");
  mc_credential_builder_set_credential_schema (builder, FALSE);
  without = build_ok (builder);
  g_assert_cmpuint (count_at (without, "$['@context']"), ==, 3);
  assert_string_at (without, "$.credentialSchema", NULL);
}

static void
test_non_latin (void)
{
  static const char * const names[] = {
    "Αλέξανδρος Παπαδόπουλος", "Zażółć Gęślą-Jaźń", "محمد بن عبد الله", "李小龍",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(McRevision) revision = ob3_fixture_full_revision (MC_GRADING_PASS_FAIL);
      g_autoptr(McCredentialBuilder) builder = ob3_fixture_builder (revision);
      g_autoptr(JsonNode) root = NULL;
      g_autoptr(JsonNode) reparsed = NULL;
      g_autofree char *text = NULL;

      mc_credential_builder_set_learner (builder, OB3_FIXTURE_LEARNER, names[i], "S1", NULL);
      root = build_ok (builder);
      text = json_to_string (root, FALSE);
      reparsed = json_from_string (text, NULL);
      assert_string_at (reparsed, "$.credentialSubject.identifier[0].identityHash", names[i]);
    }
}

static gint64
unix_time (const char *iso)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_iso8601 (iso, NULL);
  return g_date_time_to_unix (time);
}

static const char * const claim_names[] = { "iss", "jti", "sub", "nbf", "exp" };

static void
check_jwt_claims (McCredentialBuilder *builder,
                  gboolean             expires)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *payload = mc_credential_builder_build_jwt_payload (builder, &error);
  g_autoptr(JsonNode) claims = NULL;
  g_autoptr(JsonNode) document = NULL;
  JsonObject *object, *credential;

  g_assert_no_error (error);
  claims = json_from_string (payload, &error);
  g_assert_no_error (error);
  document = mc_credential_builder_build (builder, NULL);
  object = json_node_get_object (claims);
  credential = json_node_get_object (document);
  g_assert_cmpstr (json_object_get_string_member (object, "iss"), ==,
                   json_object_get_string_member (json_object_get_object_member (credential, "issuer"), "id"));
  g_assert_cmpstr (json_object_get_string_member (object, "jti"), ==, json_object_get_string_member (credential, "id"));
  g_assert_cmpstr (json_object_get_string_member (object, "sub"), ==, "urn:uuid:" OB3_FIXTURE_LEARNER);
  g_assert_cmpint (json_object_get_int_member (object, "nbf"), ==,
                   unix_time (json_object_get_string_member (credential, "validFrom")));
  g_assert_cmpint (json_object_get_int_member (object, "nbf"), ==, 1769936400);
  g_assert_cmpint (json_object_has_member (object, "exp"), ==, expires);
  if (expires)
    g_assert_cmpint (json_object_get_int_member (object, "exp"), ==, 1801472400);
  /* Apart from the claims, the payload is the credential itself. */
  for (guint i = 0; i < G_N_ELEMENTS (claim_names); i++)
    json_object_remove_member (object, claim_names[i]);
  g_assert_true (json_node_equal (claims, document));
}

static void
test_jwt_payload (void)
{
  g_autoptr(McRevision) revision = ob3_fixture_full_revision (MC_GRADING_NUMERIC);
  g_autoptr(McCredentialBuilder) builder = ob3_fixture_builder (revision);

  check_jwt_claims (builder, TRUE);
  mc_credential_builder_set_credential (builder, OB3_FIXTURE_CREDENTIAL, "2026-02-01T10:00:00+01:00", NULL);
  check_jwt_claims (builder, FALSE);
}

static void
assert_refused (McCredentialBuilder *builder,
                int                  code,
                const char          *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = mc_credential_builder_build (builder, &error);
  g_autofree char *payload = NULL;

  g_assert_null (root);
  g_assert_error (error, MC_OB3_ERROR, code);
  if (strstr (error->message, words) == NULL)
    g_error ("message “%s” lacks “%s”", error->message, words);
  g_clear_error (&error);
  payload = mc_credential_builder_build_jwt_payload (builder, &error);
  g_assert_null (payload);
  g_assert_error (error, MC_OB3_ERROR, code);
}

static void
test_refusals (void)
{
  g_autoptr(McIssuerProfile) issuer = ob3_fixture_issuer ();
  g_autoptr(McCredentialBuilder) empty = mc_credential_builder_new (issuer);
  g_autoptr(McRevision) revision = ob3_fixture_full_revision (MC_GRADING_LETTER);
  g_autoptr(McCredentialBuilder) builder = ob3_fixture_builder (revision);

  assert_refused (empty, MC_OB3_ERROR_SCHEMA, "no approved revision of the design");
  assert_refused (empty, MC_OB3_ERROR_SCHEMA, "the learner’s name is missing");
  assert_refused (empty, MC_OB3_ERROR_SCHEMA, "the credential has no valid identifier");

  mc_credential_builder_set_credential (builder, "not-a-uuid", "2026-02-01", NULL);
  assert_refused (builder, MC_OB3_ERROR_SCHEMA, "the credential has no valid identifier");
  mc_credential_builder_set_credential (builder, OB3_FIXTURE_CREDENTIAL, "2026-02-30", NULL);
  assert_refused (builder, MC_OB3_ERROR_MALFORMED, "2026-02-30");
  mc_credential_builder_set_credential (builder, OB3_FIXTURE_CREDENTIAL, "2026-02-01", "2026-01-01");
  assert_refused (builder, MC_OB3_ERROR_MALFORMED, "expire");
  mc_credential_builder_set_credential (builder, OB3_FIXTURE_CREDENTIAL, "2026-02-01", NULL);
  mc_credential_builder_set_offering (builder, "X", "next autumn", NULL, MC_PARTICIPATION_ONLINE);
  assert_refused (builder, MC_OB3_ERROR_MALFORMED, "start of the offering");
  mc_credential_builder_set_offering (builder, "X", NULL, NULL, MC_PARTICIPATION_ONLINE);

  mc_credential_builder_set_result (builder, "Z", "2026-01-20", NULL);
  assert_refused (builder, MC_OB3_ERROR_SCHEMA, "“Z” is not a grade of this micro-credential (A–F)");
  mc_credential_builder_set_result (builder, "F", "2026-01-20", NULL);
  assert_refused (builder, MC_OB3_ERROR_SCHEMA, "“F” does not pass (Letter grades A–F, pass at D)");

  mc_revision_set_string (revision, "title", "");
  assert_refused (builder, MC_OB3_ERROR_SCHEMA, "the design has no title");
  mc_revision_set_string (revision, "description", "   ");
  assert_refused (builder, MC_OB3_ERROR_SCHEMA, "the design has no description");
}

static void
test_numeric_refusals (void)
{
  g_autoptr(McRevision) revision = ob3_fixture_full_revision (MC_GRADING_NUMERIC);
  g_autoptr(McCredentialBuilder) builder = ob3_fixture_builder (revision);
  g_autoptr(JsonNode) root = NULL;

  mc_credential_builder_set_result (builder, "39", NULL, NULL);
  assert_refused (builder, MC_OB3_ERROR_SCHEMA, "“39” does not pass (Numeric 0–100, pass mark 40)");
  mc_credential_builder_set_result (builder, "101", NULL, NULL);
  assert_refused (builder, MC_OB3_ERROR_SCHEMA, "outside the marks of this micro-credential (0–100)");
  mc_credential_builder_set_result (builder, "good", NULL, NULL);
  assert_refused (builder, MC_OB3_ERROR_SCHEMA, "not a mark of this micro-credential");
  /* The offering's own scale replaces the design's. */
  mc_credential_builder_set_result (builder, "7,5", NULL, "1–10, pass mark 5,5");
  root = build_ok (builder);
  assert_string_at (root, "$.credentialSubject.achievement.resultDescription[0].resultType", "ScaledScore");
  assert_string_at (root, "$.credentialSubject.achievement.resultDescription[0].valueMin", "1");
  assert_string_at (root, "$.credentialSubject.achievement.resultDescription[0].valueMax", "10");
  assert_string_at (root, "$.credentialSubject.achievement.resultDescription[0].requiredValue", "5.5");
  mc_credential_builder_set_result (builder, "5", NULL, "1–10, pass mark 5,5");
  assert_refused (builder, MC_OB3_ERROR_SCHEMA, "“5” does not pass (Numeric 1–10, pass mark 5.5)");
}

static void
test_grading_schemes (void)
{
  g_autoptr(JsonNode) letter = build_full (MC_GRADING_LETTER);
  g_autoptr(JsonNode) numeric = build_full (MC_GRADING_NUMERIC);
  g_autoptr(JsonNode) tiered = build_full (MC_GRADING_TIERED);
  g_autoptr(JsonNode) pass_fail = build_full (MC_GRADING_PASS_FAIL);
  const char *rd = "$.credentialSubject.achievement.resultDescription[0]";
  g_autofree char *type = g_strconcat (rd, ".resultType", NULL);

  assert_string_at (letter, type, "LetterGrade");
  g_assert_cmpuint (count_at (letter, "$.credentialSubject.achievement.resultDescription[0].allowedValue"), ==, 6);
  assert_string_at (letter, "$.credentialSubject.achievement.resultDescription[0].allowedValue[5]", "F");
  assert_string_at (letter, "$.credentialSubject.achievement.resultDescription[0].requiredValue", "D");
  assert_string_at (numeric, type, "Percent");
  assert_string_at (numeric, "$.credentialSubject.achievement.resultDescription[0].valueMax", "100");
  assert_string_at (numeric, "$.credentialSubject.achievement.resultDescription[0].requiredValue", "40");
  assert_string_at (tiered, type, "RubricCriterionLevel");
  g_assert_cmpuint (count_at (tiered, "$.credentialSubject.achievement.resultDescription[0].rubricCriterionLevel"), ==, 3);
  assert_string_at (tiered, "$.credentialSubject.achievement.resultDescription[0].rubricCriterionLevel[1].name", "proficient");
  assert_string_at (tiered, "$.credentialSubject.result[0].achievedLevel", ACHIEVEMENT "#grading-level-2");
  assert_string_at (pass_fail, type, "Status");
  assert_string_at (pass_fail, "$.credentialSubject.achievement.resultDescription[0].requiredValue", "Pass");
  assert_string_at (pass_fail, "$.credentialSubject.result[0].status", "Completed");
}

/* The builder writes the scale as the core McGradingScale reads it: the
 * lowest passing grade where the text implies one, grades in the scale's
 * spelling, failing tiers refused. */
static void
test_scale_readings (void)
{
  g_autoptr(McRevision) letter = ob3_fixture_full_revision (MC_GRADING_LETTER);
  g_autoptr(McRevision) tiered = ob3_fixture_full_revision (MC_GRADING_TIERED);
  g_autoptr(McRevision) pass_fail = ob3_fixture_full_revision (MC_GRADING_PASS_FAIL);
  g_autoptr(McCredentialBuilder) letters = ob3_fixture_builder (letter);
  g_autoptr(McCredentialBuilder) tiers = ob3_fixture_builder (tiered);
  g_autoptr(McCredentialBuilder) words = ob3_fixture_builder (pass_fail);
  g_autoptr(JsonNode) plain = NULL;
  g_autoptr(JsonNode) modified = NULL;
  g_autoptr(JsonNode) levels = NULL;
  g_autoptr(JsonNode) reversed = NULL;
  const char *rd = "$.credentialSubject.achievement.resultDescription[0]";
  g_autofree char *required_value = g_strconcat (rd, ".requiredValue", NULL);
  g_autofree char *required_level = g_strconcat (rd, ".requiredLevel", NULL);

  /* "A–F" alone: F fails, so E is the lowest passing grade. */
  mc_credential_builder_set_result (letters, "e", NULL, "A–F");
  plain = build_ok (letters);
  assert_string_at (plain, required_value, "E");
  assert_string_at (plain, "$.credentialSubject.result[0].value", "E");
  mc_credential_builder_set_result (letters, "F", NULL, "A–F");
  assert_refused (letters, MC_OB3_ERROR_SCHEMA, "“F” does not pass (Letter grades A–F, pass at E)");
  mc_credential_builder_set_result (letters, "b+", NULL, NULL);
  modified = build_ok (letters);
  assert_string_at (modified, "$.credentialSubject.result[0].value", "B+");

  mc_credential_builder_set_result (tiers, "EXPERT", NULL, "Not yet competent, competent, expert");
  levels = build_ok (tiers);
  assert_string_at (levels, required_level, ACHIEVEMENT "#grading-level-2");
  assert_string_at (levels, "$.credentialSubject.result[0].value", "expert");
  assert_string_at (levels, "$.credentialSubject.result[0].achievedLevel", ACHIEVEMENT "#grading-level-3");
  mc_credential_builder_set_result (tiers, "not yet competent", NULL, "Not yet competent, competent, expert");
  assert_refused (tiers, MC_OB3_ERROR_SCHEMA, "“Not yet competent” does not pass (Tiers Not yet competent, competent, expert, pass at competent)");

  /* The pass word is required, wherever the text puts it. */
  mc_credential_builder_set_result (words, "passed", NULL, "Fail / Pass");
  reversed = build_ok (words);
  assert_string_at (reversed, required_value, "Pass");
  assert_string_at (reversed, "$.credentialSubject.result[0].value", "Pass");
  g_assert_cmpuint (count_at (reversed, "$.credentialSubject.achievement.resultDescription[0].allowedValue"), ==, 2);
}

static void
test_creator (void)
{
  g_autoptr(McRevision) revision = ob3_fixture_full_revision (MC_GRADING_LETTER);
  g_autoptr(McCredentialBuilder) builder = ob3_fixture_builder (revision);
  g_autoptr(JsonNode) first = NULL;
  g_autoptr(JsonNode) second = NULL;
  g_autoptr(JsonNode) id = NULL;

  mc_revision_set_string (revision, "awarding_body", "Noord Engineering Academy");
  first = build_ok (builder);
  second = build_ok (builder);
  assert_string_at (first, "$.credentialSubject.achievement.creator.name", "Noord Engineering Academy");
  assert_string_at (first, "$.credentialSubject.achievement.creator.type[0]", "Profile");
  id = select_node (first, "$.credentialSubject.achievement.creator.id");
  g_assert_true (g_str_has_prefix (json_node_get_string (id), "urn:uuid:"));
  g_assert_true (g_uuid_string_is_valid (json_node_get_string (id) + strlen ("urn:uuid:")));
  /* Building again gives the same document, creator id and salts included. */
  g_assert_true (json_node_equal (first, second));
}

/* A built credential, changed by @path = @value (a JSON text, or NULL to
 * remove the member), must be refused with @words in the message. */
static void
assert_check_refuses (const char *member,
                      const char *json_value,
                      const char *words)
{
  g_autoptr(JsonNode) root = build_full (MC_GRADING_NUMERIC);
  JsonObject *credential = json_node_get_object (root);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) path = g_strsplit (member, ".", -1);
  JsonObject *parent = credential;
  guint last = g_strv_length (path) - 1;

  for (guint i = 0; i < last; i++)
    parent = json_object_get_object_member (parent, path[i]);
  if (json_value == NULL)
    json_object_remove_member (parent, path[last]);
  else
    json_object_set_member (parent, path[last], json_from_string (json_value, NULL));
  g_assert_false (mc_credential_document_check (credential, &error));
  g_assert_error (error, MC_OB3_ERROR, MC_OB3_ERROR_SCHEMA);
  if (strstr (error->message, words) == NULL)
    g_error ("%s: message “%s” lacks “%s”", member, error->message, words);
}

static void
test_check_rejects (void)
{
  assert_check_refuses ("credentialSubject.achievement", NULL, "no achievement");
  assert_check_refuses ("credentialSubject.achievement.criteria", NULL, "no criteria");
  assert_check_refuses ("@context", "[\"" MC_OB3_CONTEXT_OB "\", \"" MC_OB3_CONTEXT_VC "\"]", "first context");
  assert_check_refuses ("@context", "\"" MC_OB3_CONTEXT_VC "\"", "@context");
  assert_check_refuses ("@context", "[{}, 5, null]", "Open Badges 3.0 context");
  assert_check_refuses ("proof", "{\"type\": \"DataIntegrityProof\"}", "proof is not a list");
  assert_check_refuses ("proof", "[{\"cryptosuite\": \"eddsa-jcs-2022\"}]", "proof 1 has no type");
  assert_check_refuses ("validFrom", "\"2026-02-01\"", "validFrom");
  assert_check_refuses ("validFrom", NULL, "validFrom");
  assert_check_refuses ("validUntil", "\"2020-01-01T00:00:00Z\"", "expires");
  assert_check_refuses ("issuer", NULL, "issuer is missing");
  assert_check_refuses ("issuer", "{\"type\": [\"Profile\"]}", "issuer has no identifier");
  assert_check_refuses ("type", "[\"VerifiableCredential\"]", "OpenBadgeCredential");
  assert_check_refuses ("id", "\"not a uri\"", "no identifier");
  assert_check_refuses ("credentialSchema", "[{\"id\": \"x\", \"type\": \"y\"}]", "extensions context");
  assert_check_refuses ("credentialStatus.statusListIndex", "\"seven\"", "status list entry");
  assert_check_refuses ("credentialSubject.identifier", "[{\"type\": \"IdentityObject\"}]", "identifier 1");
}

static void
test_check_accepts_proof (void)
{
  g_autoptr(JsonNode) root = build_full (MC_GRADING_TIERED);
  JsonObject *credential = json_node_get_object (root);
  g_autoptr(GError) error = NULL;

  json_object_set_member (credential, "proof",
                          json_from_string ("[{\"type\": \"DataIntegrityProof\", \"cryptosuite\": \"eddsa-jcs-2022\"}]", NULL));
  g_assert_true (mc_credential_document_check (credential, &error));
  g_assert_no_error (error);
}

static void
test_datetime (void)
{
  static const char * const good[] = {
    "2025-05-02T08:00:00Z", "2025-05-02T10:00:00.5+02:00", "2024-02-29T23:59:59-05:30",
  };
  static const char * const bad[] = {
    "", "2025-05-02", "2025-05-02T08:00:00", "2025-13-02T08:00:00Z", "2025-05-02 08:00:00Z",
    "2025-02-30T08:00:00Z", "20250502T080000Z", "2025-05-02T08:00:00Z ", "2025-W18-5T08:00:00Z",
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GDateTime) parsed = NULL;

      g_assert_true (mc_credential_document_parse_datetime (good[i], &parsed));
      g_assert_nonnull (parsed);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDateTime *parsed = NULL;

      if (mc_credential_document_parse_datetime (bad[i], &parsed))
        g_error ("“%s” was accepted", bad[i]);
      g_assert_null (parsed);
    }
}

static void
test_issuer_profile (void)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };
  g_autoptr(McIssuerProfile) issuer = ob3_fixture_issuer ();
  g_autoptr(GBytes) image = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) text = g_bytes_new_static ("GIF89a", 6);
  g_autoptr(JsonNode) full = NULL;
  g_autoptr(JsonNode) embedded = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mc_issuer_profile_set_image (issuer, image, &error));
  g_assert_no_error (error);
  full = mc_issuer_profile_to_json (issuer, TRUE);
  embedded = mc_issuer_profile_to_json (issuer, FALSE);
  assert_string_at (full, "$['@context'][1]", MC_OB3_CONTEXT_OB);
  assert_string_at (full, "$.image.id", "data:image/png;base64,iVBORw0KGgoAAAAN");
  assert_string_at (full, "$.description", "A university of applied sciences.");
  assert_string_at (embedded, "$['@context']", NULL);
  assert_string_at (embedded, "$.image", NULL);
  assert_string_at (embedded, "$.otherIdentifier[0].identifierType", "identifier");

  g_assert_false (mc_issuer_profile_set_image (issuer, text, &error));
  g_assert_error (error, MC_OB3_ERROR, MC_OB3_ERROR_MALFORMED);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/credential/builder/full", test_full);
  g_test_add_func ("/credential/builder/full-achievement", test_full_achievement);
  g_test_add_func ("/credential/builder/learner-identity", test_learner_identity);
  g_test_add_func ("/credential/builder/no-clear-identifiers", test_no_clear_identifiers);
  g_test_add_func ("/credential/builder/minimal", test_minimal);
  g_test_add_func ("/credential/builder/credential-schema", test_credential_schema);
  g_test_add_func ("/credential/builder/non-latin", test_non_latin);
  g_test_add_func ("/credential/builder/jwt-payload", test_jwt_payload);
  g_test_add_func ("/credential/builder/refusals", test_refusals);
  g_test_add_func ("/credential/builder/numeric-refusals", test_numeric_refusals);
  g_test_add_func ("/credential/builder/grading-schemes", test_grading_schemes);
  g_test_add_func ("/credential/builder/scale-readings", test_scale_readings);
  g_test_add_func ("/credential/builder/creator", test_creator);
  g_test_add_func ("/credential/document/rejects", test_check_rejects);
  g_test_add_func ("/credential/document/accepts-proof", test_check_accepts_proof);
  g_test_add_func ("/credential/document/datetime", test_datetime);
  g_test_add_func ("/credential/issuer/profile", test_issuer_profile);

  return g_test_run ();
}
