/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "mc-status-list.h"
#include "ob3-fixture.h"

/* Prints every shape of document the credential code can produce, as a
 * JSON array of { "shape", "kind", "document" }, for
 * tests/interop/test-ob3-schema.py to check against the official schema. */

typedef void (*Adjust) (McCredentialBuilder *builder, McRevision *revision);

static void
no_valid_until (McCredentialBuilder *builder,
                McRevision          *revision)
{
  mc_credential_builder_set_credential (builder, OB3_FIXTURE_CREDENTIAL, "2026-02-01", NULL);
}

static void
with_schema (McCredentialBuilder *builder,
             McRevision          *revision)
{
  mc_credential_builder_set_credential_schema (builder, TRUE);
}

static void
with_creator (McCredentialBuilder *builder,
              McRevision          *revision)
{
  mc_revision_set_string (revision, "awarding_body", "Faculty of Engineering, Hanze Polytechnic");
}

static void
non_latin (McCredentialBuilder *builder,
           McRevision          *revision)
{
  mc_credential_builder_set_learner (builder, OB3_FIXTURE_LEARNER, "Αλέξανδρος Παπαδόπουλος 李小龍",
                                     "S7654321", NULL);
}

static void
bare_learner (McCredentialBuilder *builder,
              McRevision          *revision)
{
  mc_credential_builder_set_learner (builder, OB3_FIXTURE_LEARNER, "Jan Kowalski", NULL, NULL);
  mc_credential_builder_set_offering (builder, NULL, NULL, NULL, MC_PARTICIPATION_UNSET);
  mc_credential_builder_set_result (builder, NULL, NULL, NULL);
  mc_credential_builder_set_credential (builder, OB3_FIXTURE_CREDENTIAL, "2026-02-01T09:00:00+01:00", NULL);
  mc_credential_builder_set_status (builder, NULL, 0);
}

static const struct {
  const char      *shape;
  gboolean         minimal;
  McGradingScheme  scheme;
  Adjust           adjust;
} shapes[] = {
  { "full-with-partners", FALSE, MC_GRADING_NUMERIC, NULL },
  { "minimal", TRUE, MC_GRADING_UNSET, bare_learner },
  { "no-valid-until", FALSE, MC_GRADING_NUMERIC, no_valid_until },
  { "credential-schema", FALSE, MC_GRADING_NUMERIC, with_schema },
  { "minimal-credential-schema", TRUE, MC_GRADING_UNSET, with_schema },
  { "pass-fail", FALSE, MC_GRADING_PASS_FAIL, NULL },
  { "letter", FALSE, MC_GRADING_LETTER, NULL },
  { "tiered", FALSE, MC_GRADING_TIERED, NULL },
  { "ungraded", FALSE, MC_GRADING_UNSET, NULL },
  { "creator", FALSE, MC_GRADING_LETTER, with_creator },
  { "non-latin-learner", FALSE, MC_GRADING_PASS_FAIL, non_latin },
};

static void
add_sample (JsonArray  *samples,
            const char *shape,
            const char *kind,
            JsonNode   *document)
{
  JsonObject *sample = json_object_new ();

  json_object_set_string_member (sample, "shape", shape);
  json_object_set_string_member (sample, "kind", kind);
  json_object_set_member (sample, "document", document);
  json_array_add_object_element (samples, sample);
}

static JsonNode *
build_shape (guint i)
{
  g_autoptr(McRevision) revision = shapes[i].minimal ? ob3_fixture_minimal_revision ()
                                                     : ob3_fixture_full_revision (shapes[i].scheme);
  g_autoptr(McCredentialBuilder) builder = ob3_fixture_builder (revision);
  g_autoptr(GError) error = NULL;
  JsonNode *document;

  if (shapes[i].adjust != NULL)
    shapes[i].adjust (builder, revision);
  document = mc_credential_builder_build (builder, &error);
  if (document == NULL)
    g_error ("%s: %s", shapes[i].shape, error->message);
  return document;
}

/* List 1 of the revocation lists, with the fixture's credential revoked. */
static JsonNode *
build_status_list (void)
{
  g_autoptr(McIssuerProfile) issuer = ob3_fixture_issuer ();
  g_autofree guint8 *bits = g_malloc0 (MC_STATUS_LIST_SIZE / 8);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint offset;
  JsonNode *document;

  url = mc_status_list_url (OB3_FIXTURE_BASE "/status", "revocation", OB3_FIXTURE_STATUS, &offset);
  mc_status_list_set_bit (bits, MC_STATUS_LIST_SIZE / 8, offset);
  bytes = g_bytes_new (bits, MC_STATUS_LIST_SIZE / 8);
  document = mc_status_list_build_credential (issuer, url, "revocation", bytes,
                                              "2026-02-01T09:00:00Z", NULL, &error);
  if (document == NULL)
    g_error ("status list: %s", error->message);
  return document;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(JsonArray) samples = json_array_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autoptr(McIssuerProfile) issuer = ob3_fixture_issuer ();
  g_autofree char *text = NULL;

  setlocale (LC_ALL, "");
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    add_sample (samples, shapes[i].shape, "credential", build_shape (i));
  add_sample (samples, "status-list", "status-list", build_status_list ());
  add_sample (samples, "issuer-profile", "profile", mc_issuer_profile_to_json (issuer, TRUE));
  json_node_set_array (root, samples);
  text = json_to_string (root, TRUE);
  puts (text);
  return 0;
}
