/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-item.h"
#include "mc-revision-diff-private.h"

/* Pairing the items of one list between two revisions; the rules are in
 * mc-revision-diff.h.  Lists hold at most a few hundred items and usually
 * differ in a few, so the common prefix and suffix are paired first and
 * the quadratic steps only see what is left. */

/* Past this many item pairs (far beyond the hard limit of a list), the
 * quadratic steps are skipped and the middle is paired by position. */
#define MAX_PAIRS (1000 * 1000)

static McItem *
old_item (McItemMatch *match,
          guint       i)
{
  return g_ptr_array_index (match->old_items, i);
}

static McItem *
new_item (McItemMatch *match,
          guint       j)
{
  return g_ptr_array_index (match->new_items, j);
}

static void
pair (McItemMatch *match,
      guint       i,
      guint       j)
{
  g_assert (match->old_to_new[i] < 0 && match->new_to_old[j] < 0);
  match->old_to_new[i] = (int) j;
  match->new_to_old[j] = (int) i;
}

/* Matching by key */

static char *
item_key (McItemMatch *match,
          McItem      *item)
{
  const char *key = mc_item_get_string (item, match->key_field);

  if (_mc_text_is_blank (key))
    return NULL;
  return match->casefold ? g_utf8_casefold (key, -1) : g_strdup (key);
}

/* Key → position, or NULL if some item has no key or shares one. */
static GHashTable *
index_by_key (McItemMatch *match,
              GPtrArray   *items)
{
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      char *key = item_key (match, g_ptr_array_index (items, i));

      if (key == NULL || g_hash_table_contains (index, key))
        {
          g_free (key);
          return NULL;
        }
      g_hash_table_insert (index, key, GUINT_TO_POINTER (i));
    }
  return g_steal_pointer (&index);
}

static gboolean
equal_but_key (McItemMatch *match,
               McItem      *a,
               McItem      *b)
{
  for (guint s = 0; s < match->schema->n_specs; s++)
    {
      const McFieldSpec *spec = &match->schema->specs[s];

      if (!g_str_equal (spec->id, match->key_field) &&
          _mc_revision_diff_field (G_OBJECT (a), G_OBJECT (b), spec, NULL, NULL))
        return FALSE;
    }
  return TRUE;
}

static gboolean
match_by_key (McItemMatch *match)
{
  g_autoptr(GHashTable) old_index = NULL;
  g_autoptr(GHashTable) new_index = NULL;
  GHashTableIter iter;
  gpointer key, old_position;

  if (match->key_field == NULL ||
      (old_index = index_by_key (match, match->old_items)) == NULL ||
      (new_index = index_by_key (match, match->new_items)) == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, old_index);
  while (g_hash_table_iter_next (&iter, &key, &old_position))
    {
      gpointer new_position;

      if (g_hash_table_lookup_extended (new_index, key, NULL, &new_position))
        pair (match, GPOINTER_TO_UINT (old_position), GPOINTER_TO_UINT (new_position));
    }

  /* A renumbered outcome or renamed partner: the same but for its key. */
  for (guint i = 0; i < match->old_items->len; i++)
    for (guint j = 0; match->old_to_new[i] < 0 && j < match->new_items->len; j++)
      if (match->new_to_old[j] < 0 && equal_but_key (match, old_item (match, i), new_item (match, j)))
        pair (match, i, j);
  return TRUE;
}

/* Matching by position */

/* Pairs the longest common subsequence of identical items in
 * old[lo_old, hi_old) and new[lo_new, hi_new). */
static void
match_common_subsequence (McItemMatch *match,
                          guint       lo_old,
                          guint       hi_old,
                          guint       lo_new,
                          guint       hi_new)
{
  guint n = hi_old - lo_old, m = hi_new - lo_new;
  g_autofree guint *length = NULL;
  guint i = 0, j = 0;

  if (n == 0 || m == 0 || (gsize) n * m > MAX_PAIRS)
    return;

  /* length[i * (m + 1) + j]: of the common subsequence of the suffixes
   * starting at old lo_old + i and new lo_new + j. */
  length = g_new0 (guint, (gsize) (n + 1) * (m + 1));
  for (guint a = n; a-- > 0;)
    for (guint b = m; b-- > 0;)
      length[a * (m + 1) + b] =
        mc_item_equal (old_item (match, lo_old + a), new_item (match, lo_new + b))
          ? length[(a + 1) * (m + 1) + b + 1] + 1
          : MAX (length[(a + 1) * (m + 1) + b], length[a * (m + 1) + b + 1]);

  while (i < n && j < m)
    {
      if (mc_item_equal (old_item (match, lo_old + i), new_item (match, lo_new + j)))
        pair (match, lo_old + i++, lo_new + j++);
      else if (length[(i + 1) * (m + 1) + j] >= length[i * (m + 1) + j + 1])
        i++;
      else
        j++;
    }
}

/* Pairs each unmatched item with an identical one elsewhere (a move). */
static void
match_moved (McItemMatch *match)
{
  if ((gsize) match->old_items->len * match->new_items->len > MAX_PAIRS)
    return;
  for (guint i = 0; i < match->old_items->len; i++)
    for (guint j = 0; match->old_to_new[i] < 0 && j < match->new_items->len; j++)
      if (match->new_to_old[j] < 0 && mc_item_equal (old_item (match, i), new_item (match, j)))
        pair (match, i, j);
}

/* Between two items kept in place, pairs what is left in order: an item
 * edited where it stands is a change, not a removal and an addition. */
static void
match_gaps (McItemMatch *match,
            GArray      *anchors)
{
  guint i = 0, j = 0;

  for (guint a = 0; a <= anchors->len; a++)
    {
      guint end_old = a < anchors->len ? g_array_index (anchors, guint, a) : match->old_items->len;
      guint end_new = a < anchors->len ? (guint) match->old_to_new[end_old] : match->new_items->len;

      while (i < end_old && j < end_new)
        {
          if (match->old_to_new[i] >= 0)
            i++;
          else if (match->new_to_old[j] >= 0)
            j++;
          else
            pair (match, i++, j++);
        }
      i = end_old + 1;
      j = end_new + 1;
    }
}

static void
match_by_position (McItemMatch *match)
{
  guint n = match->old_items->len, m = match->new_items->len;
  guint prefix = 0, suffix = 0;
  g_autoptr(GArray) anchors = g_array_new (FALSE, FALSE, sizeof (guint));

  while (prefix < n && prefix < m && mc_item_equal (old_item (match, prefix), new_item (match, prefix)))
    {
      pair (match, prefix, prefix);
      prefix++;
    }
  while (suffix < n - prefix && suffix < m - prefix &&
         mc_item_equal (old_item (match, n - 1 - suffix), new_item (match, m - 1 - suffix)))
    {
      pair (match, n - 1 - suffix, m - 1 - suffix);
      suffix++;
    }
  match_common_subsequence (match, prefix, n - suffix, prefix, m - suffix);

  /* Everything matched so far is in order on both sides. */
  for (guint i = 0; i < n; i++)
    if (match->old_to_new[i] >= 0)
      g_array_append_val (anchors, i);
  match_moved (match);
  match_gaps (match, anchors);
}

void
_mc_revision_diff_match (McItemMatch *match)
{
  if (!match_by_key (match))
    match_by_position (match);
}
