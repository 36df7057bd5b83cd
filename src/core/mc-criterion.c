/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-criterion.h"
#include "mc-template-private.h"

G_DEFINE_BOXED_TYPE (McCriterion, mc_criterion, mc_criterion_copy, mc_criterion_free)

static const char * const no_fields[] = { NULL };

/**
 * mc_criterion_new:
 * @id: the criterion's id
 * @title: the question a reviewer answers
 * @answer: how it is answered
 *
 * Creates a criterion with no guidance, no design fields, not required.
 *
 * Returns: (transfer full): a new #McCriterion
 */
McCriterion *
mc_criterion_new (const char   *id,
                  const char   *title,
                  McAnswerKind  answer)
{
  McCriterion *self = g_new0 (McCriterion, 1);

  self->id = g_strdup (id != NULL ? id : "");
  self->title = g_strdup (title != NULL ? title : "");
  self->guidance = g_strdup ("");
  self->answer = answer;
  self->fields = g_new0 (char *, 1);
  return self;
}

/**
 * mc_criterion_copy:
 * @self: a criterion
 *
 * Returns: (transfer full): a deep copy
 */
McCriterion *
mc_criterion_copy (const McCriterion *self)
{
  McCriterion *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = mc_criterion_new (self->id, self->title, self->answer);
  g_free (copy->guidance);
  copy->guidance = g_strdup (self->guidance != NULL ? self->guidance : "");
  copy->required = self->required;
  g_strfreev (copy->fields);
  copy->fields = g_strdupv (self->fields != NULL ? self->fields : (char **) no_fields);
  return copy;
}

void
mc_criterion_free (McCriterion *self)
{
  if (self == NULL)
    return;
  g_free (self->id);
  g_free (self->title);
  g_free (self->guidance);
  g_strfreev (self->fields);
  g_free (self);
}

static const char *
or_empty (const char *text)
{
  return text != NULL ? text : "";
}

/**
 * mc_criterion_equal:
 * @a: a criterion
 * @b: another criterion
 *
 * NULL texts and lists compare equal to empty ones.
 *
 * Returns: %TRUE if every member is the same
 */
gboolean
mc_criterion_equal (const McCriterion *a,
                    const McCriterion *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return g_str_equal (or_empty (a->id), or_empty (b->id)) &&
         g_str_equal (or_empty (a->title), or_empty (b->title)) &&
         g_str_equal (or_empty (a->guidance), or_empty (b->guidance)) &&
         a->answer == b->answer &&
         !a->required == !b->required &&
         g_strv_equal (a->fields != NULL ? (const char * const *) a->fields : no_fields,
                       b->fields != NULL ? (const char * const *) b->fields : no_fields);
}

/**
 * mc_criterion_get_title:
 * @self: a criterion
 *
 * Returns: (transfer none): the title to show
 */
const char *
mc_criterion_get_title (const McCriterion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _mc_template_shown_text (self->title);
}

/**
 * mc_criterion_get_guidance:
 * @self: a criterion
 *
 * Returns: (transfer none): the guidance to show, "" when there is none
 */
const char *
mc_criterion_get_guidance (const McCriterion *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return _mc_template_shown_text (self->guidance);
}
