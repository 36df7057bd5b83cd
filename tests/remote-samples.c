/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>

#include "verify-fixture.h"

/* A partner institution's documents for the test of `mcred verify
 * --online`, `mcred partner` and `mcred recognise` (test-cli-remote.py),
 * which serves them on 127.0.0.1: the fixture credential moved to BASE
 * and valid from yesterday for a year, signed with the fixed Ed25519 key
 * 0, and the partner's files under DIR/site as BASE serves them (the key
 * at keys/<thumbprint>, both status lists, valid from yesterday to the
 * day after tomorrow); DIR/revoked-list.jwt marks the credential revoked.
 *
 * Usage: remote-samples BASE DIR */

static void
write_file (const char *dir,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *folder = g_path_get_dirname (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    g_error ("%s: %s", folder, g_strerror (errno));
  if (!g_file_set_contents (path, contents, -1, &error))
    g_error ("%s", error->message);
}

static char *
days_from_now (GDateTime *now,
               int        days)
{
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

static void
write_status_list (const char   *dir,
                   const char   *name,
                   const char   *base,
                   const char   *key_url,
                   const char   *purpose,
                   gboolean      marked,
                   GDateTime    *now)
{
  McSigningKey *key = verify_fixture_fixed_key (0);
  g_autofree char *from = days_from_now (now, -1);
  g_autofree char *until = days_from_now (now, 2);
  g_autofree char *list = verify_fixture_status_list_between (key, purpose, marked, from, until);
  g_autofree char *moved = verify_fixture_resign (key, list, base, key_url);

  write_file (dir, name, moved);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(McCredentialBuilder) builder = verify_fixture_builder ();
  McSigningKey *key = verify_fixture_fixed_key (0);
  g_autoptr(JsonObject) jwk = NULL;
  g_autoptr(JsonNode) jwk_node = NULL;
  g_autofree char *jwk_text = NULL;
  g_autofree char *key_path = NULL;
  g_autofree char *key_url = NULL;
  g_autofree char *site = NULL;
  g_autofree char *from = days_from_now (now, -1);
  g_autofree char *until = days_from_now (now, 365);
  g_autofree char *jwt = NULL;
  g_autofree char *credential = NULL;

  if (argc != 3)
    {
      g_printerr ("Usage: remote-samples BASE DIR\n");
      return 2;
    }
  site = g_build_filename (argv[2], "site", NULL);
  key_path = g_strconcat ("keys/", mc_signing_key_get_kid (key), NULL);
  key_url = g_strconcat (argv[1], "/", key_path, NULL);
  jwk = mc_public_key_to_jwk (mc_signing_key_get_public_key (key));
  jwk_node = json_node_init_object (json_node_alloc (), jwk);
  jwk_text = json_to_string (jwk_node, FALSE);
  write_file (site, key_path, jwk_text);
  write_status_list (site, "status/revocation/1", argv[1], key_url, "revocation", FALSE, now);
  write_status_list (site, "status/suspension/1", argv[1], key_url, "suspension", FALSE, now);
  write_status_list (argv[2], "revoked-list.jwt", argv[1], key_url, "revocation", TRUE, now);

  mc_credential_builder_set_credential (builder, OB3_FIXTURE_CREDENTIAL, from, until);
  jwt = verify_fixture_jwt (key, builder);
  credential = verify_fixture_resign (key, jwt, argv[1], key_url);
  write_file (argv[2], "credential.jwt", credential);
  return 0;
}
