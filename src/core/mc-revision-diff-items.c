/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "mc-item.h"
#include "mc-revision-diff-private.h"

/* The changes of one list field: its items are paired by
 * mc-revision-diff-match.c, then each pair or lone item is described. */

/* Characters of the one-line summary of an added or removed item. */
#define SUMMARY_LENGTH 120

typedef struct {
  const char *list_id;
  const char *key_field;   /* matched by this field when usable, else by position */
  gboolean    casefold;
  const char *summary[2];  /* fields of the one-line summary of an item */
} ListInfo;

static const ListInfo lists[] = {
  { "outcomes", "code", FALSE, { "code", "text" } },
  { "assessments", NULL, FALSE, { "method", "description" } },
  { "partners", "name", TRUE, { "name", "kind" } },
  { "stack_targets", "name", FALSE, { "name", "kind" } },
};

typedef struct {
  const ListInfo      *info;
  const McItemField   *fields;     /* parallel to match.schema->specs */
  McItemMatch          match;
} ListDiff;

/* One change and where it goes in the list's order. */
typedef struct {
  int            position;
  guint          sequence;
  McFieldChange *change;
} Placed;

static McItem *
old_item (ListDiff *diff,
          guint     i)
{
  return g_ptr_array_index (diff->match.old_items, i);
}

static McItem *
new_item (ListDiff *diff,
          guint     j)
{
  return g_ptr_array_index (diff->match.new_items, j);
}

static GPtrArray *
items_of (McRevision *rev,
          const char *list_id)
{
  GListModel *list = G_LIST_MODEL (mc_revision_get_list (rev, list_id));
  guint n = g_list_model_get_n_items (list);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (list, i));
  return items;
}

/* Marks the matched old items that kept their order: the longest run of
 * matches whose new positions grow with the old ones (patience sorting). */
static gboolean *
kept_in_order (ListDiff *diff)
{
  guint n = diff->match.old_items->len;
  gboolean *kept = g_new0 (gboolean, n);
  g_autofree guint *tails = g_new (guint, n + 1);
  g_autofree int *previous = g_new (int, n + 1);
  guint runs = 0;

  for (guint i = 0; i < n; i++)
    {
      int j = diff->match.old_to_new[i];
      guint lo = 0, hi = runs;

      if (j < 0)
        continue;
      /* tails[k]: the item ending the best run of length k + 1 so far. */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (diff->match.old_to_new[tails[mid]] < j)
            lo = mid + 1;
          else
            hi = mid;
        }
      previous[i] = lo > 0 ? (int) tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == runs)
        runs++;
    }
  for (int i = runs > 0 ? (int) tails[runs - 1] : -1; i >= 0; i = previous[i])
    kept[i] = TRUE;
  return kept;
}

/* "Learning outcome LO3", or by position when there is no code. */
static char *
item_name (const ListInfo *info,
           McItem         *item,
           guint           index)
{
  const char *key = info->key_field != NULL ? mc_item_get_string (item, info->key_field) : NULL;
  gboolean named = !_mc_text_is_blank (key);

  if (g_str_equal (info->list_id, "outcomes"))
    /* TRANSLATORS: %s is the code of a learning outcome, %u its position in the list */
    return named ? g_strdup_printf (_("Learning outcome %s"), key)
                 : g_strdup_printf (_("Learning outcome %u"), index + 1);
  if (g_str_equal (info->list_id, "partners"))
    /* TRANSLATORS: %s is the name of a partner organisation, %u its position in the list */
    return named ? g_strdup_printf (_("Partner “%s”"), key)
                 : g_strdup_printf (_("Partner %u"), index + 1);
  if (g_str_equal (info->list_id, "stack_targets"))
    /* TRANSLATORS: %s is the credential or programme this one stacks towards */
    return named ? g_strdup_printf (_("Stacking target “%s”"), key)
                 : g_strdup_printf (_("Stacking target %u"), index + 1);
  /* TRANSLATORS: %u is the position of an assessment component in its list */
  return g_strdup_printf (_("Assessment component %u"), index + 1);
}

static char *
render_named (ListDiff   *diff,
              McItem     *item,
              const char *field_id)
{
  int s = _mc_field_schema_find (diff->match.schema, field_id);

  g_assert (s >= 0);
  return _mc_revision_diff_render (G_OBJECT (item), &diff->match.schema->specs[s]);
}

/* "LO3 — Explain how a battery ages", on one line and not too long. */
static char *
item_summary (ListDiff *diff,
              McItem   *item)
{
  g_autofree char *first = render_named (diff, item, diff->info->summary[0]);
  g_autofree char *second = render_named (diff, item, diff->info->summary[1]);
  g_autofree char *summary = NULL;

  if (first != NULL && second != NULL)
    /* TRANSLATORS: a one-line summary of an item, as in "LO3 — Explain how a battery ages" */
    summary = g_strdup_printf (_("%s — %s"), first, second);
  else
    summary = g_strdup (first != NULL ? first : second != NULL ? second : "");

  g_strdelimit (summary, "\t\r\n", ' ');
  if (g_utf8_strlen (summary, -1) <= SUMMARY_LENGTH)
    return g_steal_pointer (&summary);
  *g_utf8_offset_to_pointer (summary, SUMMARY_LENGTH - 1) = '\0';
  return g_strconcat (summary, "…", NULL);
}

static void
place (GArray        *placed,
       int            position,
       McFieldChange *change)
{
  Placed entry = { position, placed->len, change };

  g_array_append_val (placed, entry);
}

static int
compare_placed (gconstpointer a,
                gconstpointer b)
{
  const Placed *pa = a, *pb = b;

  if (pa->position != pb->position)
    return pa->position < pb->position ? -1 : 1;
  return pa->sequence < pb->sequence ? -1 : pa->sequence > pb->sequence;
}

static void
describe_matched (ListDiff *diff,
                  GArray   *placed,
                  guint     i,
                  guint     j,
                  gboolean  kept)
{
  McItem *a = old_item (diff, i), *b = new_item (diff, j);
  g_autofree char *name = NULL;
  gboolean changed = FALSE;

  if (kept && mc_item_equal (a, b))
    return;

  name = item_name (diff->info, b, j);
  for (guint s = 0; s < diff->match.schema->n_specs; s++)
    {
      const McFieldSpec *spec = &diff->match.schema->specs[s];
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      g_autofree char *label = NULL;

      if (!_mc_revision_diff_field (G_OBJECT (a), G_OBJECT (b), spec, &old_text, &new_text))
        continue;
      /* TRANSLATORS: an item and one of its fields, as in "Learning outcome LO3: Outcome text" */
      label = g_strdup_printf (_("%s: %s"), name, mc_item_field_get_label (&diff->fields[s]));
      place (placed, 2 * (int) j + 1,
             mc_field_change_new (MC_CHANGE_CHANGED, diff->info->list_id, (int) i, (int) j,
                                  spec->id, label, old_text, new_text));
      changed = TRUE;
    }
  if (!changed && !kept)
    {
      g_autofree char *from = g_strdup_printf ("%u", i + 1);
      g_autofree char *to = g_strdup_printf ("%u", j + 1);

      place (placed, 2 * (int) j + 1,
             mc_field_change_new (MC_CHANGE_MOVED, diff->info->list_id, (int) i, (int) j,
                                  NULL, name, from, to));
    }
}

/* Changes are placed in the order of the new list: new item j at 2j + 1,
 * a removed item that came after new item p at 2p + 2. */
static void
describe (ListDiff  *diff,
          GPtrArray *changes)
{
  g_autofree gboolean *kept = kept_in_order (diff);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (Placed));
  int after = -1;

  for (guint j = 0; j < diff->match.new_items->len; j++)
    {
      g_autofree char *name = NULL;
      g_autofree char *summary = NULL;
      int i = diff->match.new_to_old[j];

      if (i >= 0)
        {
          describe_matched (diff, placed, (guint) i, j, kept[i]);
          continue;
        }
      name = item_name (diff->info, new_item (diff, j), j);
      summary = item_summary (diff, new_item (diff, j));
      place (placed, 2 * (int) j + 1,
             mc_field_change_new (MC_CHANGE_ADDED, diff->info->list_id, -1, (int) j,
                                  NULL, name, NULL, summary));
    }

  for (guint i = 0; i < diff->match.old_items->len; i++)
    {
      g_autofree char *name = NULL;
      g_autofree char *summary = NULL;

      if (diff->match.old_to_new[i] >= 0)
        {
          after = diff->match.old_to_new[i];
          continue;
        }
      name = item_name (diff->info, old_item (diff, i), i);
      summary = item_summary (diff, old_item (diff, i));
      place (placed, 2 * after + 2,
             mc_field_change_new (MC_CHANGE_REMOVED, diff->info->list_id, (int) i, -1,
                                  NULL, name, summary, NULL));
    }

  g_array_sort (placed, compare_placed);
  for (guint p = 0; p < placed->len; p++)
    g_ptr_array_add (changes, g_array_index (placed, Placed, p).change);
}

void
_mc_revision_diff_list (GPtrArray  *changes,
                        McRevision *old_rev,
                        McRevision *new_rev,
                        const char *list_id)
{
  ListDiff diff = { NULL, };
  guint n_fields;

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    if (g_str_equal (lists[l].list_id, list_id))
      diff.info = &lists[l];
  g_assert (diff.info != NULL);

  diff.match.old_items = items_of (old_rev, list_id);
  diff.match.new_items = items_of (new_rev, list_id);
  if (diff.match.old_items->len > 0 || diff.match.new_items->len > 0)
    {
      diff.match.schema = _mc_field_schema_for_list (list_id);
      diff.fields = mc_item_fields_get_all (list_id, &n_fields);
      g_assert (n_fields == diff.match.schema->n_specs);
      diff.match.old_to_new = g_new (int, diff.match.old_items->len + 1);
      diff.match.new_to_old = g_new (int, diff.match.new_items->len + 1);
      for (guint i = 0; i < diff.match.old_items->len; i++)
        diff.match.old_to_new[i] = -1;
      for (guint j = 0; j < diff.match.new_items->len; j++)
        diff.match.new_to_old[j] = -1;

      diff.match.key_field = diff.info->key_field;
      diff.match.casefold = diff.info->casefold;
      _mc_revision_diff_match (&diff.match);
      describe (&diff, changes);

      g_free (diff.match.old_to_new);
      g_free (diff.match.new_to_old);
    }
  g_ptr_array_unref (diff.match.old_items);
  g_ptr_array_unref (diff.match.new_items);
}
