/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-json-private.h"
#include "mc-review.h"
#include "mc-template-private.h"

/* The template file (docs/template-format.md).  Administrators write and
 * exchange these files, so they are read like any outside input: size,
 * encoding and nesting are bounded before json-glib sees them, every
 * member is checked for its type, unknown members are refused, and the
 * result must pass mc_template_check().  Writing is the reverse, with the
 * members always in the same order so that a file survives a round trip
 * byte for byte. */

/* Template → criteria → criterion → fields: nothing deeper is needed. */
#define MC_TEMPLATE_MAX_DEPTH 8

static gboolean
holds_type (JsonNode *node,
            GType     type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

/* Each getter returns NULL, or a translated complaint about the member. */

static char *
unknown_member (JsonObject         *object,
                const char * const *known)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (known, l->data))
      {
        /* Names come from the file: escapes may have made them invalid UTF-8. */
        g_autofree char *name = g_utf8_make_valid (l->data, -1);

        return g_strdup_printf (_("unknown member “%s”"), name);
      }
  return NULL;
}

/* *@value is NULL when an optional member is absent. */
static char *
get_text (JsonObject  *object,
          const char  *name,
          gboolean     required,
          const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL)
    return required ? g_strdup_printf (_("“%s” is missing"), name) : NULL;
  if (!holds_type (node, G_TYPE_STRING))
    return g_strdup_printf (_("“%s” must be text"), name);
  *value = json_node_get_string (node);
  return NULL;
}

static char *
get_nick (JsonObject *object,
          const char *name,
          GType       enum_type,
          int        *value)
{
  const char *nick;
  char *complaint = get_text (object, name, TRUE, &nick);

  if (complaint != NULL)
    return complaint;
  if (!mc_enum_from_nick (enum_type, nick, value))
    {
      g_autofree char *shown = g_utf8_make_valid (nick, -1);
      g_autofree char *nicks = NULL;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) all = NULL;

      for (guint i = 0; i < mc_enum_n_values (enum_type); i++)
        g_strv_builder_add (builder, mc_enum_to_nick (enum_type, mc_enum_nth_value (enum_type, i)));
      all = g_strv_builder_end (builder);
      nicks = g_strjoinv (", ", all);
      /* TRANSLATORS: "“answer” is “yes-no”; it must be one of: rating, text" */
      return g_strdup_printf (_("“%s” is “%s”; it must be one of: %s"), name, shown, nicks);
    }
  return NULL;
}

static char *
get_fields (JsonObject  *object,
            GStrv       *fields)
{
  JsonNode *node = json_object_get_member (object, "fields");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (node != NULL)
    {
      JsonArray *array = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!holds_type (element, G_TYPE_STRING))
            array = NULL;
          else
            g_strv_builder_add (builder, json_node_get_string (element));
        }
      if (array == NULL)
        return g_strdup (_("“fields” must be a list of design field ids"));
    }
  *fields = g_strv_builder_end (builder);
  return NULL;
}

static char *
parse_criterion (JsonObject  *object,
                 McCriterion *criterion)
{
  static const char * const known[] = {
    "id", "title", "guidance", "answer", "required", "fields", NULL
  };
  JsonNode *required = json_object_get_member (object, "required");
  const char *title;
  const char *guidance;
  int answer;
  char *complaint;

  if ((complaint = unknown_member (object, known)) != NULL ||
      (complaint = get_text (object, "title", TRUE, &title)) != NULL ||
      (complaint = get_text (object, "guidance", FALSE, &guidance)) != NULL ||
      (complaint = get_nick (object, "answer", MC_TYPE_ANSWER_KIND, &answer)) != NULL)
    return complaint;
  if (required != NULL && !holds_type (required, G_TYPE_BOOLEAN))
    return g_strdup (_("“required” must be true or false"));

  g_free (criterion->title);
  criterion->title = g_strdup (title);
  g_free (criterion->guidance);
  criterion->guidance = g_strdup (guidance != NULL ? guidance : "");
  criterion->answer = answer;
  criterion->required = required != NULL && json_node_get_boolean (required);
  g_strfreev (criterion->fields);
  criterion->fields = NULL;
  return get_fields (object, &criterion->fields);
}

static gboolean
parse_criteria (McTemplate  *self,
                JsonArray   *array,
                GError     **error)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(McCriterion) criterion = NULL;
      g_autofree char *complaint = NULL;
      const char *id;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        return _mc_template_criterion_error (error, i, NULL, _("a criterion must be an object"));
      complaint = get_text (json_node_get_object (node), "id", TRUE, &id);
      if (complaint != NULL)
        return _mc_template_criterion_error (error, i, NULL, complaint);

      criterion = mc_criterion_new (id, NULL, MC_ANSWER_KIND_RATING);
      complaint = parse_criterion (json_node_get_object (node), criterion);
      if (complaint != NULL)
        /* An id that breaks the rules is not repeated back. */
        return _mc_template_criterion_error (error, i, _mc_template_id_is_valid (id) ? id : NULL,
                                             complaint);
      mc_template_insert_criterion (self, i, criterion);
    }
  return TRUE;
}

static gboolean
parse_format (JsonNode  *root,
              GError   **error)
{
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  JsonNode *format = object != NULL ? json_object_get_member (object, "format") : NULL;
  JsonNode *version = object != NULL ? json_object_get_member (object, "version") : NULL;
  g_autofree char *found = NULL;
  g_autofree char *complaint = NULL;

  if (format == NULL || !holds_type (format, G_TYPE_STRING) ||
      !g_str_equal (json_node_get_string (format), MC_TEMPLATE_FORMAT))
    {
      g_set_error (error, MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_FORMAT,
                   _("This is not a review template: “format” must be “%s”"), MC_TEMPLATE_FORMAT);
      return FALSE;
    }
  if (version == NULL || !holds_type (version, G_TYPE_INT64))
    return _mc_template_error (error, MC_TEMPLATE_ERROR_FORMAT,
                               _("“version” must be the whole number of the format version"));
  if (json_node_get_int (version) == MC_TEMPLATE_FORMAT_VERSION)
    return TRUE;

  found = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (version));
  complaint = g_strdup_printf (_("the file has format version %s, but only version %d is understood"),
                               found, MC_TEMPLATE_FORMAT_VERSION);
  return _mc_template_error (error, MC_TEMPLATE_ERROR_FORMAT, complaint);
}

static McTemplate *
parse_template (JsonObject  *object,
                GError     **error)
{
  static const char * const known[] = {
    "format", "version", "key", "kind", "title", "description", "criteria", NULL
  };
  g_autoptr(McTemplate) self = NULL;
  g_autofree char *complaint = NULL;
  JsonNode *criteria = json_object_get_member (object, "criteria");
  const char *key;
  const char *title;
  const char *description;
  int kind;

  if ((complaint = unknown_member (object, known)) != NULL ||
      (complaint = get_text (object, "key", TRUE, &key)) != NULL ||
      (complaint = get_nick (object, "kind", MC_TYPE_TEMPLATE_KIND, &kind)) != NULL ||
      (complaint = get_text (object, "title", TRUE, &title)) != NULL ||
      (complaint = get_text (object, "description", FALSE, &description)) != NULL)
    {
      _mc_template_error (error, MC_TEMPLATE_ERROR_INVALID, complaint);
      return NULL;
    }
  if (criteria == NULL || !JSON_NODE_HOLDS_ARRAY (criteria))
    {
      _mc_template_error (error, MC_TEMPLATE_ERROR_INVALID, _("“criteria” must be a list"));
      return NULL;
    }

  self = mc_template_new (key, kind, title);
  mc_template_set_description (self, description);
  if (!parse_criteria (self, json_node_get_array (criteria), error) ||
      !mc_template_check (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/**
 * mc_template_new_from_json:
 * @data: (array length=length): the text of a template file
 * @length: its length in bytes, or -1 if it ends with a NUL
 * @error: return location for a #MC_TEMPLATE_ERROR
 *
 * Reads a template file strictly: anything it does not understand or that
 * breaks a rule of mc_template_check() is refused with a message that
 * names the member or criterion.  The result has no id and no version.
 *
 * Returns: (transfer full) (nullable): the template, or %NULL with @error set
 */
McTemplate *
mc_template_new_from_json (const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (data != NULL || length <= 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = data != NULL ? (gssize) strlen (data) : 0;
  if (length > MC_TEMPLATE_MAX_BYTES)
    {
      g_autofree char *limit = g_format_size (MC_TEMPLATE_MAX_BYTES);

      g_set_error (error, MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_TOO_LARGE,
                   _("The file is too large for a review template (at most %s)."), limit);
      return NULL;
    }

  root = _mc_json_parse_untrusted (data, (gsize) length, MC_TEMPLATE_MAX_DEPTH,
                                   MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_ENCODING,
                                   MC_TEMPLATE_ERROR_SYNTAX, error);
  if (root == NULL || !parse_format (root, error))
    return NULL;
  return parse_template (json_node_get_object (root), error);
}

/* The answers file: { "criterion-id": { "rating": "met", "text": "…" } }.
 * One object of answers, one object per answer, nothing deeper. */
#define MC_ANSWERS_MAX_DEPTH 2

static char *
parse_answer (JsonNode           *node,
              const McCriterion  *criterion,
              int                *rating,
              const char        **text)
{
  static const char * const known[] = { "rating", "text", NULL };
  JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  char *complaint;

  *rating = MC_RATING_UNSET;
  if (object == NULL)
    return g_strdup (_("an answer must be an object with “rating” and “text”"));
  if ((complaint = unknown_member (object, known)) != NULL ||
      (complaint = get_text (object, "text", FALSE, text)) != NULL)
    return complaint;
  if (!json_object_has_member (object, "rating"))
    return NULL;
  if (criterion->answer != MC_ANSWER_KIND_RATING)
    return g_strdup (_("this criterion is answered with text only, not with a rating"));
  return get_nick (object, "rating", MC_TYPE_RATING, rating);
}

/**
 * mc_template_parse_answers:
 * @self: the template the answers are given on
 * @data: (array length=length): the text of an answers file
 * @length: its length in bytes, or -1 if it ends with a NUL
 * @error: return location for a #MC_TEMPLATE_ERROR
 *
 * Reads a reviewer's answers, written outside the application, as
 * strictly as a template file: bounded size and nesting, valid UTF-8,
 * every member checked for its type, unknown members refused.  Every
 * member names a criterion of @self; a rated criterion may have a
 * "rating" (a #McRating nick) and a "text", a text criterion a "text"
 * only.  Whether every required criterion is answered is not checked
 * here: answers may be given a few at a time.
 *
 * Returns: (transfer full) (element-type McAnswer) (nullable): the
 *   answers in the file's order, or %NULL with @error naming the
 *   criterion at fault
 */
GPtrArray *
mc_template_parse_answers (McTemplate  *self,
                           const char  *data,
                           gssize       length,
                           GError     **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (MC_IS_TEMPLATE (self), NULL);
  g_return_val_if_fail (data != NULL || length <= 0, NULL);

  if (length < 0)
    length = data != NULL ? (gssize) strlen (data) : 0;
  if (length > MC_TEMPLATE_MAX_ANSWERS_BYTES)
    {
      g_autofree char *limit = g_format_size (MC_TEMPLATE_MAX_ANSWERS_BYTES);

      g_set_error (error, MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_TOO_LARGE,
                   _("The file is too large for the answers of a review (at most %s)."), limit);
      return NULL;
    }
  root = _mc_json_parse_untrusted (data, (gsize) length, MC_ANSWERS_MAX_DEPTH,
                                   MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_ENCODING,
                                   MC_TEMPLATE_ERROR_SYNTAX, error);
  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_FORMAT,
                   _("The answers must be one object whose members are criterion ids"));
      return NULL;
    }

  object = json_node_get_object (root);
  members = json_object_get_members (object);
  answers = g_ptr_array_new_with_free_func ((GDestroyNotify) mc_answer_free);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const McCriterion *criterion = mc_template_find_criterion (self, l->data, NULL);
      g_autofree char *shown = g_utf8_make_valid (l->data, -1);
      g_autofree char *complaint = NULL;
      const char *text = NULL;
      int rating = MC_RATING_UNSET;

      if (criterion == NULL)
        {
          g_set_error (error, MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_INVALID,
                       _("“%s” is not a criterion of the template “%s”"), shown,
                       mc_template_get_title (self));
          return NULL;
        }
      complaint = parse_answer (json_object_get_member (object, l->data), criterion,
                                &rating, &text);
      if (complaint != NULL)
        {
          /* TRANSLATORS: "The answer to “outcomes-clear”: “rating” must be text" */
          g_set_error (error, MC_TEMPLATE_ERROR, MC_TEMPLATE_ERROR_INVALID,
                       _("The answer to “%s”: %s"), shown, complaint);
          return NULL;
        }
      g_ptr_array_add (answers, mc_answer_new (criterion->id, rating, text != NULL ? text : ""));
    }
  return g_steal_pointer (&answers);
}

static void
add_text (JsonBuilder *builder,
          const char  *name,
          const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value != NULL ? value : "");
}

static void
add_criterion (JsonBuilder       *builder,
               const McCriterion *criterion)
{
  json_builder_begin_object (builder);
  add_text (builder, "id", criterion->id);
  add_text (builder, "title", criterion->title);
  add_text (builder, "guidance", criterion->guidance);
  add_text (builder, "answer", mc_enum_to_nick (MC_TYPE_ANSWER_KIND, criterion->answer));
  json_builder_set_member_name (builder, "required");
  json_builder_add_boolean_value (builder, criterion->required);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; criterion->fields != NULL && criterion->fields[i] != NULL; i++)
    json_builder_add_string_value (builder, criterion->fields[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * mc_template_to_json:
 * @self: a template
 *
 * Writes the template file: indented, every member present, always in the
 * same order, ending with a new line.  The id and the version are not
 * written; the texts are the stored ones, untranslated.
 *
 * Returns: (transfer full): the text of the file
 */
char *
mc_template_to_json (McTemplate *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (MC_IS_TEMPLATE (self), NULL);

  json_builder_begin_object (builder);
  add_text (builder, "format", MC_TEMPLATE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, MC_TEMPLATE_FORMAT_VERSION);
  add_text (builder, "key", mc_template_get_key (self));
  add_text (builder, "kind", mc_enum_to_nick (MC_TYPE_TEMPLATE_KIND, mc_template_get_kind (self)));
  add_text (builder, "title", _mc_template_get_stored_title (self));
  add_text (builder, "description", _mc_template_get_stored_description (self));
  json_builder_set_member_name (builder, "criteria");
  json_builder_begin_array (builder);
  for (guint i = 0; i < mc_template_get_n_criteria (self); i++)
    add_criterion (builder, mc_template_get_criterion (self, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);
  return g_strconcat (text, "\n", NULL);
}
