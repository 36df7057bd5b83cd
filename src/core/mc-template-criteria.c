/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-template-private.h"

/* The criteria of a template and the calls an administrator's editor makes
 * on them.  Editing checks nothing, so that the editor can pass through
 * unfinished states; mc_template_check() says what is wrong before saving. */

guint
mc_template_get_n_criteria (McTemplate *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE (self), 0);
  return _mc_template_get_criteria (self)->len;
}

/**
 * mc_template_get_criterion:
 * @self: a template
 * @index: position of the criterion
 *
 * Returns: (transfer none): the criterion; replace it with
 *   mc_template_replace_criterion() rather than changing it in place
 */
const McCriterion *
mc_template_get_criterion (McTemplate *self,
                           guint       index)
{
  GPtrArray *criteria;

  g_return_val_if_fail (MC_IS_TEMPLATE (self), NULL);
  criteria = _mc_template_get_criteria (self);
  g_return_val_if_fail (index < criteria->len, NULL);
  return g_ptr_array_index (criteria, index);
}

/**
 * mc_template_find_criterion:
 * @self: a template
 * @id: a criterion id
 * @index: (out) (optional): where to store its position
 *
 * Returns: (transfer none) (nullable): the first criterion with @id, or %NULL
 */
const McCriterion *
mc_template_find_criterion (McTemplate *self,
                            const char *id,
                            guint      *index)
{
  GPtrArray *criteria;

  g_return_val_if_fail (MC_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  criteria = _mc_template_get_criteria (self);
  for (guint i = 0; i < criteria->len; i++)
    {
      const McCriterion *criterion = g_ptr_array_index (criteria, i);

      if (g_strcmp0 (criterion->id, id) == 0)
        {
          if (index != NULL)
            *index = i;
          return criterion;
        }
    }
  return NULL;
}

/**
 * mc_template_insert_criterion:
 * @self: a template
 * @index: position, from 0 to the number of criteria (to append)
 * @criterion: (transfer none): the criterion, copied
 *
 * Returns: %FALSE if @index is out of range
 */
gboolean
mc_template_insert_criterion (McTemplate        *self,
                              guint              index,
                              const McCriterion *criterion)
{
  GPtrArray *criteria;

  g_return_val_if_fail (MC_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (criterion != NULL, FALSE);

  criteria = _mc_template_get_criteria (self);
  if (index > criteria->len)
    return FALSE;
  g_ptr_array_insert (criteria, (int) index, mc_criterion_copy (criterion));
  _mc_template_emit_changed (self);
  return TRUE;
}

/**
 * mc_template_remove_criterion:
 * @self: a template
 * @index: position of the criterion to remove
 *
 * Returns: %FALSE if @index is out of range
 */
gboolean
mc_template_remove_criterion (McTemplate *self,
                              guint       index)
{
  GPtrArray *criteria;

  g_return_val_if_fail (MC_IS_TEMPLATE (self), FALSE);

  criteria = _mc_template_get_criteria (self);
  if (index >= criteria->len)
    return FALSE;
  g_ptr_array_remove_index (criteria, index);
  _mc_template_emit_changed (self);
  return TRUE;
}

/**
 * mc_template_move_criterion:
 * @self: a template
 * @from: the criterion's position
 * @to: its position afterwards
 *
 * Returns: %FALSE if a position is out of range
 */
gboolean
mc_template_move_criterion (McTemplate *self,
                            guint       from,
                            guint       to)
{
  GPtrArray *criteria;
  gpointer criterion;

  g_return_val_if_fail (MC_IS_TEMPLATE (self), FALSE);

  criteria = _mc_template_get_criteria (self);
  if (from >= criteria->len || to >= criteria->len)
    return FALSE;
  if (from == to)
    return TRUE;
  criterion = g_ptr_array_steal_index (criteria, from);
  g_ptr_array_insert (criteria, (int) to, criterion);
  _mc_template_emit_changed (self);
  return TRUE;
}

/**
 * mc_template_replace_criterion:
 * @self: a template
 * @index: position of the criterion to replace
 * @criterion: (transfer none): the new criterion, copied
 *
 * Returns: %FALSE if @index is out of range
 */
gboolean
mc_template_replace_criterion (McTemplate        *self,
                               guint              index,
                               const McCriterion *criterion)
{
  GPtrArray *criteria;

  g_return_val_if_fail (MC_IS_TEMPLATE (self), FALSE);
  g_return_val_if_fail (criterion != NULL, FALSE);

  criteria = _mc_template_get_criteria (self);
  if (index >= criteria->len)
    return FALSE;
  if (mc_criterion_equal (g_ptr_array_index (criteria, index), criterion))
    return TRUE;
  mc_criterion_free (g_ptr_array_index (criteria, index));
  criteria->pdata[index] = mc_criterion_copy (criterion);
  _mc_template_emit_changed (self);
  return TRUE;
}
