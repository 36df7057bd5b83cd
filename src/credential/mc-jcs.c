/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "mc-credential-error.h"
#include "mc-jcs.h"

static gboolean write_node (GString *out, JsonNode *node, guint depth, GError **error);

static gboolean
refuse (GError     **error,
        const char  *reason)
{
  /* TRANSLATORS: %s says why, for example "a number is not finite" */
  g_set_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED,
               _("The document cannot be put in canonical form: %s."), reason);
  return FALSE;
}

/* Strings */

static gboolean
write_string (GString     *out,
              const char  *text,
              GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL))
    return refuse (error, _("a text is not UTF-8"));

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"':  g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", (guint) c);
          else
            g_string_append_c (out, (char) c);
          break;
        }
    }
  g_string_append_c (out, '"');
  return TRUE;
}

/* Numbers */

/* The decimal digits and exponent of @value (finite, > 0) written with
 * @precision significant digits, as "%.*e" rounds them. */
static void
decimal_digits (double  value,
                int     precision,
                char   *digits,
                int    *exponent)
{
  char buffer[40];
  char *e;
  int n = 0;

  g_snprintf (buffer, sizeof buffer, "%.*e", precision - 1, value);
  e = strchr (buffer, 'e');
  g_assert (e != NULL);
  for (const char *p = buffer; p < e; p++)
    if (g_ascii_isdigit (*p))
      digits[n++] = *p;
  digits[n] = '\0';
  *exponent = (int) g_ascii_strtoll (e + 1, NULL, 10);
}

static gboolean
reads_back (const char *digits,
            int         exponent,
            double      value)
{
  char buffer[48];

  g_snprintf (buffer, sizeof buffer, "0.%se%d", digits, exponent + 1);
  return g_ascii_strtod (buffer, NULL) == value;
}

/* Changes the last digit of @digits by @delta (±1) with carry; FALSE when
 * that would change the number of digits. */
static gboolean
step_digits (char *digits,
             int   delta)
{
  int i = (int) strlen (digits) - 1;

  for (; i >= 0; i--)
    {
      int d = digits[i] - '0' + delta;

      if (d >= 0 && d <= 9)
        {
          digits[i] = (char) ('0' + d);
          return digits[0] != '0';
        }
      digits[i] = delta > 0 ? '0' : '9';
    }
  return FALSE;
}

/* ECMAScript's shortest digits: the fewest that read back to @value and,
 * among those, the closest.  The correctly rounded candidate is the
 * closest; only next to a power of two, where the gaps to the neighbouring
 * doubles differ, can a neighbour of it read back when it does not. */
static void
shortest_digits (double  value,
                 char   *digits,
                 int    *exponent)
{
  for (int precision = 1; precision <= 17; precision++)
    {
      char candidate[24];

      decimal_digits (value, precision, digits, exponent);
      if (reads_back (digits, *exponent, value))
        return;
      for (int delta = -1; delta <= 1; delta += 2)
        {
          strcpy (candidate, digits);
          if (step_digits (candidate, delta) && reads_back (candidate, *exponent, value))
            {
              strcpy (digits, candidate);
              return;
            }
        }
    }
  /* 17 significant digits always read back. */
  g_assert_not_reached ();
}

/* Number::toString (ECMA-262 §6.1.6.1.20) for a finite double. */
static void
write_double (GString *out,
              double   value)
{
  char digits[24];
  int exponent;
  int k;
  int n;

  if (value == 0)
    {
      g_string_append_c (out, '0');   /* also -0 */
      return;
    }
  if (value < 0)
    {
      g_string_append_c (out, '-');
      value = -value;
    }

  shortest_digits (value, digits, &exponent);
  k = (int) strlen (digits);
  n = exponent + 1;   /* value = 0.digits × 10^n */

  if (k <= n && n <= 21)
    {
      g_string_append (out, digits);
      for (int i = 0; i < n - k; i++)
        g_string_append_c (out, '0');
    }
  else if (0 < n && n <= 21)
    {
      g_string_append_len (out, digits, n);
      g_string_append_c (out, '.');
      g_string_append (out, digits + n);
    }
  else if (-6 < n && n <= 0)
    {
      g_string_append (out, "0.");
      for (int i = 0; i < -n; i++)
        g_string_append_c (out, '0');
      g_string_append (out, digits);
    }
  else
    {
      g_string_append_c (out, digits[0]);
      if (k > 1)
        {
          g_string_append_c (out, '.');
          g_string_append (out, digits + 1);
        }
      g_string_append_printf (out, "e%c%d", n - 1 >= 0 ? '+' : '-', ABS (n - 1));
    }
}

static gboolean
write_value (GString   *out,
             JsonNode  *node,
             GError   **error)
{
  GType type = json_node_get_value_type (node);
  double value;

  if (type == G_TYPE_STRING)
    return write_string (out, json_node_get_string (node), error);
  if (type == G_TYPE_BOOLEAN)
    {
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      return TRUE;
    }
  if (type == G_TYPE_INT64)
    value = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE)
    value = json_node_get_double (node);
  else
    return refuse (error, _("a value is of a type JSON does not have"));

  if (!isfinite (value))
    return refuse (error, _("a number is not finite"));
  write_double (out, value);
  return TRUE;
}

/* Objects and arrays */

typedef struct {
  const char *name;
  gunichar2  *utf16;
  glong       length;
} Member;

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  const Member *ma = a;
  const Member *mb = b;
  glong common = MIN (ma->length, mb->length);

  for (glong i = 0; i < common; i++)
    if (ma->utf16[i] != mb->utf16[i])
      return ma->utf16[i] < mb->utf16[i] ? -1 : 1;
  return (ma->length > mb->length) - (ma->length < mb->length);
}

static void
clear_member (gpointer data)
{
  Member *member = data;

  g_free (member->utf16);
}

static gboolean
write_object (GString     *out,
              JsonObject  *object,
              guint        depth,
              GError     **error)
{
  g_autoptr(GArray) members = g_array_new (FALSE, TRUE, sizeof (Member));
  g_autoptr(GList) names = json_object_get_members (object);

  g_array_set_clear_func (members, clear_member);
  for (GList *l = names; l != NULL; l = l->next)
    {
      Member member = { l->data, NULL, 0 };

      member.utf16 = g_utf8_to_utf16 (member.name, -1, NULL, &member.length, NULL);
      if (member.utf16 == NULL)
        return refuse (error, _("a member name is not UTF-8"));
      g_array_append_val (members, member);
    }
  g_array_sort (members, compare_members);

  g_string_append_c (out, '{');
  for (guint i = 0; i < members->len; i++)
    {
      const Member *member = &g_array_index (members, Member, i);

      if (i > 0)
        g_string_append_c (out, ',');
      if (!write_string (out, member->name, error))
        return FALSE;
      g_string_append_c (out, ':');
      if (!write_node (out, json_object_get_member (object, member->name), depth + 1, error))
        return FALSE;
    }
  g_string_append_c (out, '}');
  return TRUE;
}

static gboolean
write_array (GString     *out,
             JsonArray   *array,
             guint        depth,
             GError     **error)
{
  guint length = json_array_get_length (array);

  g_string_append_c (out, '[');
  for (guint i = 0; i < length; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (!write_node (out, json_array_get_element (array, i), depth + 1, error))
        return FALSE;
    }
  g_string_append_c (out, ']');
  return TRUE;
}

static gboolean
write_node (GString   *out,
            JsonNode  *node,
            guint      depth,
            GError   **error)
{
  if (depth > MC_JCS_MAX_DEPTH)
    return refuse (error, _("the data is nested too deeply"));

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return write_object (out, json_node_get_object (node), depth, error);
    case JSON_NODE_ARRAY:
      return write_array (out, json_node_get_array (node), depth, error);
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return TRUE;
    case JSON_NODE_VALUE:
      return write_value (out, node, error);
    default:
      return refuse (error, _("a value is of a type JSON does not have"));
    }
}

char *
mc_jcs_canonicalize (JsonNode  *node,
                     GError   **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!write_node (out, node, 0, error))
    return NULL;
  return g_string_free (g_steal_pointer (&out), FALSE);
}
