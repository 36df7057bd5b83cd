/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "mc-template-private.h"

/* A template keeps its texts as stored (for the built-in ones: the English
 * texts that are also the message ids) and translates only when asked for
 * what to show, so that a template saved from one session reads in the
 * language of the next. */

struct _McTemplate
{
  GObject         parent_instance;

  gint64          id;
  char           *key;
  McTemplateKind  kind;
  guint           version;
  char           *title;
  char           *description;
  GPtrArray      *criteria;   /* McCriterion */
};

G_DEFINE_FINAL_TYPE (McTemplate, mc_template, G_TYPE_OBJECT)
G_DEFINE_QUARK (mc-template-error-quark, mc_template_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_KEY,
  PROP_KIND,
  PROP_VERSION,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
mc_template_finalize (GObject *object)
{
  McTemplate *self = MC_TEMPLATE (object);

  g_free (self->key);
  g_free (self->title);
  g_free (self->description);
  g_ptr_array_unref (self->criteria);

  G_OBJECT_CLASS (mc_template_parent_class)->finalize (object);
}

static void
mc_template_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  McTemplate *self = MC_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_KEY: g_value_set_string (value, self->key); break;
    case PROP_KIND: g_value_set_enum (value, self->kind); break;
    case PROP_VERSION: g_value_set_uint (value, self->version); break;
    case PROP_TITLE: g_value_set_string (value, mc_template_get_title (self)); break;
    case PROP_DESCRIPTION: g_value_set_string (value, mc_template_get_description (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_template_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  McTemplate *self = MC_TEMPLATE (object);

  switch (prop_id)
    {
    case PROP_ID: mc_template_set_id (self, g_value_get_int64 (value)); break;
    case PROP_KEY: mc_template_set_key (self, g_value_get_string (value)); break;
    case PROP_KIND: mc_template_set_kind (self, g_value_get_enum (value)); break;
    case PROP_VERSION: mc_template_set_version (self, g_value_get_uint (value)); break;
    case PROP_TITLE: mc_template_set_title (self, g_value_get_string (value)); break;
    case PROP_DESCRIPTION: mc_template_set_description (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mc_template_class_init (McTemplateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = mc_template_finalize;
  object_class->get_property = mc_template_get_property;
  object_class->set_property = mc_template_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, "", flags);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, MC_TYPE_TEMPLATE_KIND,
                                             MC_TEMPLATE_KIND_APPROVAL, flags);
  properties[PROP_VERSION] = g_param_spec_uint ("version", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_DESCRIPTION] = g_param_spec_string ("description", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * McTemplate::changed:
   *
   * Emitted after any change of the content: key, kind, texts or criteria.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
mc_template_init (McTemplate *self)
{
  self->key = g_strdup ("");
  self->title = g_strdup ("");
  self->description = g_strdup ("");
  self->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_criterion_free);
}

/**
 * mc_template_new:
 * @key: the template's stable name
 * @kind: the procedure it serves
 * @title: its title
 *
 * Creates a template without criteria (which mc_template_check() refuses
 * until one is added).
 *
 * Returns: (transfer full): a new #McTemplate
 */
McTemplate *
mc_template_new (const char     *key,
                 McTemplateKind  kind,
                 const char     *title)
{
  return g_object_new (MC_TYPE_TEMPLATE, "key", key, "kind", kind, "title", title, NULL);
}

/**
 * mc_template_copy:
 * @self: a template
 *
 * Returns: (transfer full): a deep copy, id and version included
 */
McTemplate *
mc_template_copy (McTemplate *self)
{
  McTemplate *copy;

  g_return_val_if_fail (MC_IS_TEMPLATE (self), NULL);

  copy = mc_template_new (self->key, self->kind, self->title);
  copy->id = self->id;
  copy->version = self->version;
  g_free (copy->description);
  copy->description = g_strdup (self->description);
  for (guint i = 0; i < self->criteria->len; i++)
    g_ptr_array_add (copy->criteria, mc_criterion_copy (g_ptr_array_index (self->criteria, i)));
  return copy;
}

/**
 * mc_template_equal_content:
 * @a: a template
 * @b: another template
 *
 * Compares what a template says, not where it is stored: the id and the
 * version are ignored.
 *
 * Returns: %TRUE if key, kind, texts and criteria are the same
 */
gboolean
mc_template_equal_content (McTemplate *a,
                           McTemplate *b)
{
  g_return_val_if_fail (MC_IS_TEMPLATE (a) && MC_IS_TEMPLATE (b), FALSE);

  if (!g_str_equal (a->key, b->key) || a->kind != b->kind ||
      !g_str_equal (a->title, b->title) || !g_str_equal (a->description, b->description) ||
      a->criteria->len != b->criteria->len)
    return FALSE;
  for (guint i = 0; i < a->criteria->len; i++)
    if (!mc_criterion_equal (g_ptr_array_index (a->criteria, i), g_ptr_array_index (b->criteria, i)))
      return FALSE;
  return TRUE;
}

void
_mc_template_emit_changed (McTemplate *self)
{
  g_assert (MC_IS_TEMPLATE (self));
  g_signal_emit (self, signals[CHANGED], 0);
}

GPtrArray *
_mc_template_get_criteria (McTemplate *self)
{
  g_assert (MC_IS_TEMPLATE (self));
  return self->criteria;
}

/* Replaces *@field by a copy of @value; TRUE if that changed it. */
static gboolean
set_text (McTemplate  *self,
          char       **field,
          const char  *value,
          guint        prop_id)
{
  if (value == NULL)
    value = "";
  if (g_str_equal (*field, value))
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  _mc_template_emit_changed (self);
  return TRUE;
}

gint64
mc_template_get_id (McTemplate *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE (self), 0);
  return self->id;
}

void
mc_template_set_id (McTemplate *self,
                    gint64      id)
{
  g_return_if_fail (MC_IS_TEMPLATE (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
mc_template_get_key (McTemplate *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE (self), NULL);
  return self->key;
}

void
mc_template_set_key (McTemplate *self,
                     const char *key)
{
  g_return_if_fail (MC_IS_TEMPLATE (self));
  set_text (self, &self->key, key, PROP_KEY);
}

McTemplateKind
mc_template_get_kind (McTemplate *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE (self), MC_TEMPLATE_KIND_APPROVAL);
  return self->kind;
}

void
mc_template_set_kind (McTemplate     *self,
                      McTemplateKind  kind)
{
  g_return_if_fail (MC_IS_TEMPLATE (self));
  g_return_if_fail (mc_enum_to_nick (MC_TYPE_TEMPLATE_KIND, kind) != NULL);

  if (self->kind == kind)
    return;
  self->kind = kind;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
  _mc_template_emit_changed (self);
}

guint
mc_template_get_version (McTemplate *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE (self), 0);
  return self->version;
}

void
mc_template_set_version (McTemplate *self,
                         guint       version)
{
  g_return_if_fail (MC_IS_TEMPLATE (self));

  if (self->version == version)
    return;
  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * mc_template_get_title:
 * @self: a template
 *
 * Returns: (transfer none): the title to show
 */
const char *
mc_template_get_title (McTemplate *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE (self), NULL);
  return _mc_template_shown_text (self->title);
}

void
mc_template_set_title (McTemplate *self,
                       const char *title)
{
  g_return_if_fail (MC_IS_TEMPLATE (self));
  set_text (self, &self->title, title, PROP_TITLE);
}

/**
 * mc_template_get_description:
 * @self: a template
 *
 * Returns: (transfer none): the description to show, "" when there is none
 */
const char *
mc_template_get_description (McTemplate *self)
{
  g_return_val_if_fail (MC_IS_TEMPLATE (self), NULL);
  return _mc_template_shown_text (self->description);
}

void
mc_template_set_description (McTemplate *self,
                             const char *description)
{
  g_return_if_fail (MC_IS_TEMPLATE (self));
  set_text (self, &self->description, description, PROP_DESCRIPTION);
}

const char *
_mc_template_get_stored_title (McTemplate *self)
{
  g_assert (MC_IS_TEMPLATE (self));
  return self->title;
}

const char *
_mc_template_get_stored_description (McTemplate *self)
{
  g_assert (MC_IS_TEMPLATE (self));
  return self->description;
}

const char *
_mc_template_shown_text (const char *text)
{
  /* gettext answers an empty message id with the catalogue's header. */
  if (text == NULL || *text == '\0')
    return "";
  return g_dgettext (GETTEXT_PACKAGE, text);
}
