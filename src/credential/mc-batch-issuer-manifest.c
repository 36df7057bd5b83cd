/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "mc-batch-issuer-private.h"
#include "mc-credential-urls.h"
#include "mc-csv-cell.h"

/* manifest.json and manifest.csv: what the batch issued, with the
 * SHA-256 of every file, read back from the folder a page at a time so
 * that memory stays flat however large the batch. */

#define MANIFEST_PAGE_SIZE 256

static const char * const extensions[] = { ".pdf", ".jwt", ".json" };

typedef struct {
  const char *dir;
  FILE       *json;
  FILE       *csv;
  char       *json_path;
  char       *csv_path;
  guint       n_written;
} Manifest;

static void
manifest_clear (Manifest *manifest)
{
  if (manifest->json != NULL)
    fclose (manifest->json);
  if (manifest->csv != NULL)
    fclose (manifest->csv);
  g_free (manifest->json_path);
  g_free (manifest->csv_path);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Manifest, manifest_clear)

/* The SHA-256 of a file, or NULL when it cannot be read. */
static char *
file_sha256 (const char *path)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 buffer[65536];
  FILE *file = g_fopen (path, "rb");
  size_t n;

  if (file == NULL)
    return NULL;
  while ((n = fread (buffer, 1, sizeof buffer, file)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (ferror (file))
    {
      fclose (file);
      return NULL;
    }
  fclose (file);
  return g_strdup (g_checksum_get_string (checksum));
}

static void
add_files (Manifest           *manifest,
           McIssuedCredential *credential,
           JsonBuilder        *builder,
           GString            *row)
{
  g_autofree char *stem = _mc_batch_issuer_file_stem (credential);

  json_builder_set_member_name (builder, "files");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strconcat (stem, extensions[i], NULL);
      g_autofree char *path = g_build_filename (manifest->dir, name, NULL);
      g_autofree char *sha256 = NULL;
      gboolean wanted = i < 2 || credential->document != NULL;

      if (wanted)
        sha256 = file_sha256 (path);
      g_string_append_c (row, ',');
      mc_csv_append_cell (row, wanted ? name : "");
      g_string_append_c (row, ',');
      mc_csv_append_cell (row, sha256 != NULL ? sha256 : "");
      if (!wanted)
        continue;
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "sha256");
      if (sha256 != NULL)
        json_builder_add_string_value (builder, sha256);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
write_credential (Manifest           *manifest,
                  McIssuedCredential *credential)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) row = g_string_new (NULL);

  mc_csv_append_cell (row, credential->uuid);
  g_string_append_c (row, ',');
  mc_csv_append_cell (row, credential->student_id);
  g_string_append_c (row, ',');
  mc_csv_append_cell (row, credential->learner_name);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, credential->uuid);
  json_builder_set_member_name (builder, "student_id");
  json_builder_add_string_value (builder, credential->student_id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, credential->learner_name);
  add_files (manifest, credential, builder, row);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  text = json_to_string (node, FALSE);
  fprintf (manifest->json, "%s\n    %s", manifest->n_written > 0 ? "," : "", text);
  fprintf (manifest->csv, "%s\r\n", row->str);
  manifest->n_written++;
}

/* The batch's own description, up to the list of credentials. */
static char *
describe_batch (McStore          *store,
                McIssuingContext *context,
                McIssueBatch     *batch,
                GError          **error)
{
  g_autoptr(McOffering) offering = mc_store_load_offering (store, batch->offering_id, error);
  g_autoptr(McDesign) design = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *key_url = NULL;

  if (offering == NULL || (design = mc_store_load_design (store, offering->design_id, error)) == NULL)
    return NULL;
  key_url = mc_credential_urls_key (mc_issuing_context_get_base_url (context), batch->kid);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "batch");
  json_builder_add_int_value (builder, batch->id);
  json_builder_set_member_name (builder, "state");
  json_builder_add_string_value (builder, mc_enum_to_nick (MC_TYPE_BATCH_STATE, batch->state));
  json_builder_set_member_name (builder, "offering");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, offering->uuid);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, offering->code);
  json_builder_set_member_name (builder, "title");
  json_builder_add_string_value (builder, offering->title);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "design");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, mc_design_get_uuid (design));
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, offering->revision_number);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "kid");
  json_builder_add_string_value (builder, key_url);
  json_builder_end_object (builder);
  node = json_builder_get_root (builder);
  return json_to_string (node, FALSE);
}

static gboolean
open_files (Manifest  *manifest,
            GError   **error)
{
  g_autofree char *json_path = g_build_filename (manifest->dir, "manifest.json", NULL);
  g_autofree char *csv_path = g_build_filename (manifest->dir, "manifest.csv", NULL);

  manifest->json_path = g_strconcat (json_path, MC_BATCH_ISSUER_TEMP_SUFFIX, NULL);
  manifest->csv_path = g_strconcat (csv_path, MC_BATCH_ISSUER_TEMP_SUFFIX, NULL);
  manifest->json = g_fopen (manifest->json_path, "wb");
  manifest->csv = manifest->json != NULL ? g_fopen (manifest->csv_path, "wb") : NULL;
  if (manifest->csv == NULL)
    {
      int saved_errno = errno;
      g_autofree char *shown = g_filename_display_name (manifest->dir);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the manifest in “%s”: %s"), shown, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/* Closes both files and gives them their names (when @complete), or
 * removes them. */
static gboolean
close_files (Manifest  *manifest,
             gboolean   complete,
             GError   **error)
{
  gboolean ok = fclose (manifest->json) == 0;
  int saved_errno;

  ok = (fclose (manifest->csv) == 0) && ok;
  saved_errno = errno;
  manifest->json = manifest->csv = NULL;
  if (!complete)
    {
      g_unlink (manifest->json_path);
      g_unlink (manifest->csv_path);
      return FALSE;
    }
  if (ok)
    {
      g_autofree char *json_final = g_strndup (manifest->json_path,
                                               strlen (manifest->json_path) - strlen (MC_BATCH_ISSUER_TEMP_SUFFIX));
      g_autofree char *csv_final = g_strndup (manifest->csv_path,
                                              strlen (manifest->csv_path) - strlen (MC_BATCH_ISSUER_TEMP_SUFFIX));

      ok = g_rename (manifest->json_path, json_final) == 0 && g_rename (manifest->csv_path, csv_final) == 0;
      saved_errno = errno;
    }
  if (!ok)
    {
      g_autofree char *shown = g_filename_display_name (manifest->dir);

      g_unlink (manifest->json_path);
      g_unlink (manifest->csv_path);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot write the manifest in “%s”: %s"), shown, g_strerror (saved_errno));
    }
  return ok;
}

gboolean
_mc_batch_issuer_write_manifest (McStore          *store,
                                 McIssuingContext *context,
                                 McIssueBatch     *batch,
                                 const char       *export_dir,
                                 GError          **error)
{
  g_auto(Manifest) manifest = { export_dir, NULL };
  g_autofree char *head = describe_batch (store, context, batch, error);
  gint64 after_id = 0;

  if (head == NULL || !open_files (&manifest, error))
    return FALSE;
  /* The head without its closing brace, then the credentials. */
  fprintf (manifest.json, "%.*s,\n  \"credentials\": [", (int) strlen (head) - 1, head);
  fputs ("credential_uuid,student_id,name,pdf,pdf_sha256,jwt,jwt_sha256,json,json_sha256\r\n",
         manifest.csv);
  for (;;)
    {
      g_autoptr(GPtrArray) page = mc_store_list_batch_credentials (store, batch->id, MC_CREDENTIAL_STATE_ACTIVE,
                                                                   after_id, MANIFEST_PAGE_SIZE, error);

      if (page == NULL)
        {
          close_files (&manifest, FALSE, NULL);
          return FALSE;
        }
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        write_credential (&manifest, g_ptr_array_index (page, i));
      after_id = ((McIssuedCredential *) g_ptr_array_index (page, page->len - 1))->id;
    }
  fputs ("\n  ]\n}\n", manifest.json);
  return close_files (&manifest, TRUE, error);
}
