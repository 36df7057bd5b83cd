/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-credential-error.h"
#include "mc-credential-private.h"
#include "mc-strict-json.h"

/* A recursive descent over the text; the depth is bounded, so the
 * recursion is too. */

typedef struct {
  const char  *start;
  const char  *p;
  const char  *end;
  guint        depth;
  GError     **error;
} Reader;

static JsonNode *read_value (Reader *r);

/* Returns FALSE; pointer-returning readers use `return (refuse (...), NULL)`. */
static gboolean
refuse (Reader     *r,
        const char *reason)
{
  if (r->error != NULL && *r->error == NULL)
    /* TRANSLATORS: the first %s says what is wrong, for example "a member name appears twice" */
    g_set_error (r->error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
                 _("The text is not valid JSON: %s (at byte %lu)."),
                 reason, (unsigned long) (r->p - r->start));
  return FALSE;
}

static void
skip_space (Reader *r)
{
  while (r->p < r->end && (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static gboolean
take (Reader *r,
      char    c)
{
  skip_space (r);
  if (r->p < r->end && *r->p == c)
    {
      r->p++;
      return TRUE;
    }
  return FALSE;
}

static int
read_hex4 (Reader *r)
{
  int value = 0;

  if (r->end - r->p < 4)
    return -1;
  for (int i = 0; i < 4; i++)
    {
      int digit = g_ascii_xdigit_value (r->p[i]);

      if (digit < 0)
        return -1;
      value = value * 16 + digit;
    }
  r->p += 4;
  return value;
}

/* After "\u": one code point, from a pair of escapes for a surrogate pair. */
static gboolean
read_unicode_escape (Reader  *r,
                     GString *out)
{
  int unit = read_hex4 (r);
  gunichar c;

  if (unit < 0)
    return refuse (r, _("an escape sequence is incomplete"));
  c = (gunichar) unit;
  if (unit >= 0xDC00 && unit <= 0xDFFF)
    return refuse (r, _("a text holds half of a character"));
  if (unit >= 0xD800 && unit <= 0xDBFF)
    {
      int low;

      if (r->end - r->p < 2 || r->p[0] != '\\' || r->p[1] != 'u')
        return refuse (r, _("a text holds half of a character"));
      r->p += 2;
      low = read_hex4 (r);
      if (low < 0xDC00 || low > 0xDFFF)
        return refuse (r, _("a text holds half of a character"));
      c = 0x10000 + (((gunichar) unit - 0xD800) << 10) + ((gunichar) low - 0xDC00);
    }
  if (c == 0)
    return refuse (r, _("a text contains the NUL character"));
  g_string_append_unichar (out, c);
  return TRUE;
}

static gboolean
read_escape (Reader  *r,
             GString *out)
{
  static const char from[] = "\"\\/bfnrt";
  static const char to[] = "\"\\/\b\f\n\r\t";
  const char *found;

  if (r->p >= r->end)
    return refuse (r, _("a text does not end"));
  if (*r->p == 'u')
    {
      r->p++;
      return read_unicode_escape (r, out);
    }
  found = *r->p != '\0' ? strchr (from, *r->p) : NULL;
  if (found == NULL)
    return refuse (r, _("a text contains an unknown escape sequence"));
  g_string_append_c (out, to[found - from]);
  r->p++;
  return TRUE;
}

/* At the opening quote.  Returns the decoded text, or NULL. */
static char *
read_string (Reader *r)
{
  g_autoptr(GString) out = g_string_new (NULL);

  r->p++;
  for (;;)
    {
      const char *run = r->p;

      while (r->p < r->end && *r->p != '"' && *r->p != '\\' && (guchar) *r->p >= 0x20)
        r->p++;
      g_string_append_len (out, run, r->p - run);

      if (r->p >= r->end)
        return (refuse (r, _("a text does not end")), NULL);
      if (*r->p == '"')
        break;
      if (*r->p != '\\')
        return (refuse (r, _("a text contains a control character")), NULL);
      r->p++;
      if (!read_escape (r, out))
        return NULL;
    }
  r->p++;
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
skip_digits (Reader *r)
{
  const char *first = r->p;

  while (r->p < r->end && g_ascii_isdigit (*r->p))
    r->p++;
  return r->p > first;
}

static JsonNode *
read_number (Reader *r)
{
  const char *first = r->p;
  gboolean integer = TRUE;
  g_autofree char *token = NULL;
  JsonNode *node;
  gint64 i;
  double d;

  if (r->p < r->end && *r->p == '-')
    r->p++;
  if (r->p < r->end && *r->p == '0')
    r->p++;
  else if (!skip_digits (r))
    return (refuse (r, _("a number has no digits")), NULL);
  if (r->p < r->end && *r->p == '.')
    {
      r->p++;
      integer = FALSE;
      if (!skip_digits (r))
        return (refuse (r, _("a number has no digits after its point")), NULL);
    }
  if (r->p < r->end && (*r->p == 'e' || *r->p == 'E'))
    {
      r->p++;
      integer = FALSE;
      if (r->p < r->end && (*r->p == '+' || *r->p == '-'))
        r->p++;
      if (!skip_digits (r))
        return (refuse (r, _("a number has no digits in its exponent")), NULL);
    }

  token = g_strndup (first, r->p - first);
  node = json_node_new (JSON_NODE_VALUE);
  if (integer)
    {
      errno = 0;
      i = g_ascii_strtoll (token, NULL, 10);
      if (errno == 0)
        {
          json_node_set_int (node, i);
          return node;
        }
    }

  d = g_ascii_strtod (token, NULL);
  if (isinf (d))
    {
      json_node_unref (node);
      return (refuse (r, _("a number is too large")), NULL);
    }
  json_node_set_double (node, d);
  return node;
}

static JsonNode *
read_literal (Reader *r)
{
  static const char *const names[] = { "true", "false", "null" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      gsize len = strlen (names[i]);
      JsonNode *node;

      if ((gsize) (r->end - r->p) < len || memcmp (r->p, names[i], len) != 0)
        continue;
      r->p += len;
      if (i == 2)
        return json_node_new (JSON_NODE_NULL);
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_boolean (node, i == 0);
      return node;
    }
  return (refuse (r, _("unexpected character")), NULL);
}

static JsonNode *
read_array (Reader *r)
{
  g_autoptr(JsonArray) array = json_array_new ();
  JsonNode *node;

  r->p++;
  if (!take (r, ']'))
    {
      do
        {
          JsonNode *element = read_value (r);

          if (element == NULL)
            return NULL;
          json_array_add_element (array, element);
        }
      while (take (r, ','));
      if (!take (r, ']'))
        return (refuse (r, _("a list is not closed")), NULL);
    }

  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, g_steal_pointer (&array));
  return node;
}

static gboolean
read_member (Reader     *r,
             JsonObject *object)
{
  g_autofree char *name = NULL;
  JsonNode *value;

  skip_space (r);
  if (r->p >= r->end || *r->p != '"')
    return refuse (r, _("expected a member name"));
  name = read_string (r);
  if (name == NULL)
    return FALSE;
  if (json_object_has_member (object, name))
    return refuse (r, _("a member name appears twice"));
  if (!take (r, ':'))
    return refuse (r, _("expected a colon after a member name"));
  value = read_value (r);
  if (value == NULL)
    return FALSE;
  json_object_set_member (object, name, value);
  return TRUE;
}

static JsonNode *
read_object (Reader *r)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonNode *node;

  r->p++;
  if (!take (r, '}'))
    {
      do
        {
          if (!read_member (r, object))
            return NULL;
        }
      while (take (r, ','));
      if (!take (r, '}'))
        return (refuse (r, _("an object is not closed")), NULL);
    }

  node = json_node_new (JSON_NODE_OBJECT);
  json_node_take_object (node, g_steal_pointer (&object));
  return node;
}

static JsonNode *
read_value (Reader *r)
{
  JsonNode *node;
  char *text;

  skip_space (r);
  if (r->p >= r->end)
    return (refuse (r, _("a value is missing")), NULL);

  switch (*r->p)
    {
    case '{':
    case '[':
      if (r->depth >= MC_STRICT_JSON_MAX_DEPTH)
        return (refuse (r, _("the data is nested too deeply")), NULL);
      r->depth++;
      node = *r->p == '{' ? read_object (r) : read_array (r);
      r->depth--;
      return node;
    case '"':
      text = read_string (r);
      if (text == NULL)
        return NULL;
      node = json_node_new (JSON_NODE_VALUE);
      json_node_set_string (node, text);
      g_free (text);
      return node;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (r);
    default:
      return read_literal (r);
    }
}

JsonNode *
mc_strict_json_parse (const char  *text,
                      gssize       length,
                      GError     **error)
{
  Reader r = { 0 };
  g_autoptr(JsonNode) root = NULL;
  const char *bad = NULL;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length < 0)
    length = (gssize) strlen (text);

  r.start = r.p = text;
  r.end = text + length;
  r.error = error;

  /* Also refuses NUL bytes. */
  if (!g_utf8_validate_len (text, (gsize) length, &bad))
    {
      r.p = bad;
      return (refuse (&r, _("it is not UTF-8 text")), NULL);
    }

  root = read_value (&r);
  if (root == NULL)
    return NULL;
  skip_space (&r);
  if (r.p != r.end)
    return (refuse (&r, _("there is more after the end")), NULL);
  return g_steal_pointer (&root);
}

JsonNode *
mc_strict_json_parse_object (const char  *text,
                             gssize       length,
                             GError     **error)
{
  g_autoptr(JsonNode) root = mc_strict_json_parse (text, length, error);

  if (root == NULL)
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
                           _("The text is not a JSON object."));
      return NULL;
    }
  return g_steal_pointer (&root);
}

JsonNode *
_mc_json_node_deep_copy (JsonNode *node)
{
  JsonNode *copy;

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(JsonObject) target = json_object_new ();
      g_autoptr(GList) names = json_object_get_members (object);

      for (GList *l = names; l != NULL; l = l->next)
        json_object_set_member (target, l->data,
                                _mc_json_node_deep_copy (json_object_get_member (object, l->data)));
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_set_object (copy, target);
      return copy;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(JsonArray) target = json_array_sized_new (json_array_get_length (array));

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (target, _mc_json_node_deep_copy (json_array_get_element (array, i)));
      copy = json_node_new (JSON_NODE_ARRAY);
      json_node_set_array (copy, target);
      return copy;
    }
  /* Values are copied, not shared. */
  return json_node_copy (node);
}
