/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mc-remote-cache.h"

struct _McRemoteCache
{
  GObject  parent_instance;

  char    *directory;
};

G_DEFINE_FINAL_TYPE (McRemoteCache, mc_remote_cache, G_TYPE_OBJECT)

static void
mc_remote_cache_finalize (GObject *object)
{
  McRemoteCache *self = MC_REMOTE_CACHE (object);

  g_free (self->directory);
  G_OBJECT_CLASS (mc_remote_cache_parent_class)->finalize (object);
}

static void
mc_remote_cache_class_init (McRemoteCacheClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mc_remote_cache_finalize;
}

static void
mc_remote_cache_init (McRemoteCache *self)
{
}

McRemoteCache *
mc_remote_cache_new (const char *directory)
{
  McRemoteCache *self = g_object_new (MC_TYPE_REMOTE_CACHE, NULL);

  self->directory = directory != NULL ? g_strdup (directory)
                                      : g_build_filename (g_get_user_cache_dir (), "microcred", "remote", NULL);
  return self;
}

const char *
mc_remote_cache_get_directory (McRemoteCache *self)
{
  g_return_val_if_fail (MC_IS_REMOTE_CACHE (self), NULL);

  return self->directory;
}

/* The entry's file: named by the address's SHA-256, so that any address
 * makes a safe file name. */
static char *
entry_path (McRemoteCache *self,
            const char    *url)
{
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  g_autofree char *file = g_strconcat (name, ".json", NULL);

  return g_build_filename (self->directory, file, NULL);
}

static const char *
member (JsonObject *object,
        const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
         ? json_node_get_string (node) : NULL;
}

GBytes *
mc_remote_cache_lookup (McRemoteCache  *self,
                        const char     *url,
                        char          **etag,
                        char          **last_modified)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *entry;
  const char *body;
  guchar *data;
  gsize size;

  g_return_val_if_fail (MC_IS_REMOTE_CACHE (self), NULL);
  g_return_val_if_fail (url != NULL, NULL);

  path = entry_path (self, url);
  if (!json_parser_load_from_mapped_file (parser, path, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;
  entry = json_node_get_object (root);
  body = member (entry, "body");
  if (g_strcmp0 (member (entry, "url"), url) != 0 || body == NULL)
    return NULL;
  data = g_base64_decode (body, &size);
  if (etag != NULL)
    *etag = g_strdup (member (entry, "etag"));
  if (last_modified != NULL)
    *last_modified = g_strdup (member (entry, "last_modified"));
  return g_bytes_new_take (data, size);
}

static int
compare_mtime (gconstpointer a,
               gconstpointer b)
{
  GFileInfo *first = *(GFileInfo **) a;
  GFileInfo *second = *(GFileInfo **) b;
  guint64 x = g_file_info_get_attribute_uint64 (first, G_FILE_ATTRIBUTE_TIME_MODIFIED);
  guint64 y = g_file_info_get_attribute_uint64 (second, G_FILE_ATTRIBUTE_TIME_MODIFIED);

  return x < y ? -1 : x > y;
}

/* Keeps the folder at MC_REMOTE_CACHE_MAX_ENTRIES files. */
static void
prune (McRemoteCache *self)
{
  g_autoptr(GFile) folder = g_file_new_for_path (self->directory);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      if (g_str_has_suffix (g_file_info_get_name (info), ".json"))
        g_ptr_array_add (entries, info);
      else
        g_object_unref (info);
    }
  if (entries->len <= MC_REMOTE_CACHE_MAX_ENTRIES)
    return;
  g_ptr_array_sort (entries, compare_mtime);
  for (guint i = 0; i < entries->len - MC_REMOTE_CACHE_MAX_ENTRIES; i++)
    {
      g_autofree char *path = g_build_filename (self->directory,
                                                g_file_info_get_name (g_ptr_array_index (entries, i)), NULL);

      g_unlink (path);
    }
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

void
mc_remote_cache_store (McRemoteCache *self,
                       const char    *url,
                       GBytes        *body,
                       const char    *etag,
                       const char    *last_modified)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *encoded = NULL;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  gsize size = 0;
  const guchar *data;

  g_return_if_fail (MC_IS_REMOTE_CACHE (self));
  g_return_if_fail (url != NULL && body != NULL);

  data = g_bytes_get_data (body, &size);
  encoded = g_base64_encode (data, size);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "url");
  json_builder_add_string_value (builder, url);
  add_nullable (builder, "etag", etag);
  add_nullable (builder, "last_modified", last_modified);
  json_builder_set_member_name (builder, "body");
  json_builder_add_string_value (builder, encoded);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  text = json_to_string (root, FALSE);
  path = entry_path (self, url);
  if (g_mkdir_with_parents (self->directory, 0700) != 0 ||
      !g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, NULL))
    {
      g_debug ("Could not write the cache entry %s", path);
      return;
    }
  prune (self);
}
