/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "mc-core.h"
#include "mc-credential.h"

/* RFC 8785 canonical JSON, and the strict parser in front of it. */

static char *
canonical_text (const char *json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = mc_strict_json_parse (json, -1, &error);
  char *text;

  g_assert_no_error (error);
  text = mc_jcs_canonicalize (node, &error);
  g_assert_no_error (error);
  return text;
}

static char *
canonical_double (double value)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);

  json_node_set_double (node, value);
  return mc_jcs_canonicalize (node, NULL);
}

static double
double_from_bits (guint64 bits)
{
  double value;

  G_STATIC_ASSERT (sizeof value == sizeof bits);
  memcpy (&value, &bits, sizeof value);
  return value;
}

/* RFC 8785 Appendix B: IEEE 754 values and their serialisation. */
static void
test_numbers_appendix_b (void)
{
  static const struct {
    guint64     bits;
    const char *expected;
  } cases[] = {
    { G_GUINT64_CONSTANT (0x0000000000000000), "0" },
    { G_GUINT64_CONSTANT (0x8000000000000000), "0" },
    { G_GUINT64_CONSTANT (0x0000000000000001), "5e-324" },
    { G_GUINT64_CONSTANT (0x8000000000000001), "-5e-324" },
    { G_GUINT64_CONSTANT (0x7fefffffffffffff), "1.7976931348623157e+308" },
    { G_GUINT64_CONSTANT (0xffefffffffffffff), "-1.7976931348623157e+308" },
    { G_GUINT64_CONSTANT (0x4340000000000000), "9007199254740992" },
    { G_GUINT64_CONSTANT (0xc340000000000000), "-9007199254740992" },
    { G_GUINT64_CONSTANT (0x4430000000000000), "295147905179352830000" },
    { G_GUINT64_CONSTANT (0x44b52d02c7e14af5), "9.999999999999997e+22" },
    { G_GUINT64_CONSTANT (0x44b52d02c7e14af6), "1e+23" },
    { G_GUINT64_CONSTANT (0x44b52d02c7e14af7), "1.0000000000000001e+23" },
    { G_GUINT64_CONSTANT (0x444b1ae4d6e2ef4e), "999999999999999700000" },
    { G_GUINT64_CONSTANT (0x444b1ae4d6e2ef4f), "999999999999999900000" },
    { G_GUINT64_CONSTANT (0x444b1ae4d6e2ef50), "1e+21" },
    { G_GUINT64_CONSTANT (0x3eb0c6f7a0b5ed8c), "9.999999999999997e-7" },
    { G_GUINT64_CONSTANT (0x3eb0c6f7a0b5ed8d), "0.000001" },
    { G_GUINT64_CONSTANT (0x41b3de4355555553), "333333333.3333332" },
    { G_GUINT64_CONSTANT (0x41b3de4355555554), "333333333.33333325" },
    { G_GUINT64_CONSTANT (0x41b3de4355555555), "333333333.3333333" },
    { G_GUINT64_CONSTANT (0x41b3de4355555556), "333333333.3333334" },
    { G_GUINT64_CONSTANT (0x41b3de4355555557), "333333333.33333343" },
    { G_GUINT64_CONSTANT (0xbecbf647612f3696), "-0.0000033333333333333333" },
    { G_GUINT64_CONSTANT (0x43143ff3c1cb0959), "1424953923781206.2" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = canonical_double (double_from_bits (cases[i].bits));

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* Numbers as they arrive in JSON text. */
static void
test_numbers_from_text (void)
{
  static const struct {
    const char *json;
    const char *expected;
  } cases[] = {
    { "1e21", "1e+21" },
    { "1e-7", "1e-7" },
    { "0.000001", "0.000001" },
    { "123456789012345680000", "123456789012345680000" },
    { "-0", "0" },
    { "-0.0", "0" },
    { "333333333.3333333", "333333333.3333333" },
    { "5e-324", "5e-324" },
    { "1.7976931348623157e308", "1.7976931348623157e+308" },
    { "4.50", "4.5" },
    { "2e-3", "0.002" },
    { "1E30", "1e+30" },
    { "100", "100" },
    { "9007199254740993", "9007199254740992" },    /* a JavaScript reader rounds it */
    { "-9223372036854775808", "-9223372036854776000" },
    { "18446744073709551616", "18446744073709552000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = canonical_text (cases[i].json);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_not_finite (void)
{
  const double values[] = { NAN, INFINITY, -INFINITY };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
      g_autoptr(GError) error = NULL;
      g_autofree char *text = NULL;

      json_node_set_double (node, values[i]);
      text = mc_jcs_canonicalize (node, &error);
      g_assert_null (text);
      g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
    }
}

/* RFC 8785 §3.2.2: the example of the whole. */
static void
test_rfc_example (void)
{
  g_autofree char *text = canonical_text (
    "{\n"
    "  \"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],\n"
    "  \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\",\n"
    "  \"literals\": [null, true, false]\n"
    "}");

  g_assert_cmpstr (text, ==,
                   "{\"literals\":[null,true,false],"
                   "\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                   "\"string\":\"\xE2\x82\xAC$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}");
}

static void
test_strings (void)
{
  g_autofree char *controls = canonical_text ("[\"\\u001fx\\b\\f\\n\\r\\t\\u007f\\u0001\"]");
  g_autofree char *euro = canonical_text ("\"\\u20ac\"");
  g_autofree char *emoji = canonical_text ("\"\\ud83d\\ude00\"");
  g_autofree char *line = canonical_text ("\"\\u2028/\"");

  /* Only control characters are escaped, in lower case hexadecimal. */
  g_assert_cmpstr (controls, ==, "[\"\\u001fx\\b\\f\\n\\r\\t\x7f\\u0001\"]");
  g_assert_cmpstr (euro, ==, "\"\xE2\x82\xAC\"");
  g_assert_cmpstr (emoji, ==, "\"\xF0\x9F\x98\x80\"");
  g_assert_cmpstr (line, ==, "\"\xE2\x80\xA8/\"");
}

/* RFC 8785 §3.2.3: names sorted by UTF-16 code units, where the emoji
 * (a surrogate pair, 0xD83D…) comes before U+FB33. */
static void
test_sorting (void)
{
  g_autofree char *text = canonical_text (
    "{\"\\u20ac\": \"Euro Sign\", \"\\r\": \"Carriage Return\", "
    "\"\\ufb33\": \"Hebrew Letter Dalet With Dagesh\", \"1\": \"One\", "
    "\"\\ud83d\\ude00\": \"Emoji: Grinning Face\", \"\\u0080\": \"Control\", "
    "\"\\u00f6\": \"Latin Small Letter O With Diaeresis\"}");

  g_assert_cmpstr (text, ==,
                   "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xC2\x80\":\"Control\","
                   "\"\xC3\xB6\":\"Latin Small Letter O With Diaeresis\","
                   "\"\xE2\x82\xAC\":\"Euro Sign\",\"\xF0\x9F\x98\x80\":\"Emoji: Grinning Face\","
                   "\"\xEF\xAC\xB3\":\"Hebrew Letter Dalet With Dagesh\"}");
}

static void
test_nested (void)
{
  g_autofree char *text = canonical_text (" { \"b\" : [ { \"z\":1, \"a\" : {} } , [] ], \"a\":\"\" } ");

  g_assert_cmpstr (text, ==, "{\"a\":\"\",\"b\":[{\"a\":{},\"z\":1},[]]}");
}

/* The strict parser */

static void
assert_refused (const char *json,
                gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = mc_strict_json_parse (json, length, &error);

  if (node != NULL)
    g_error ("accepted %s", json);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
}

static void
test_strict_refusals (void)
{
  static const char *const refused[] = {
    "", " ", "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1,\"b\":1}}", "{'a':1}", "01", "-", "1.", ".5", "1e",
    "+1", "[1,]", "{\"a\":1,}", "[1 2]", "{\"a\" 1}", "{1:2}", "\"\\u0000\"", "\"\\ud800\"",
    "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"a\tb\"", "\"a\nb\"", "\"\\x41\"", "\"\\u12\"", "\"abc",
    "1e400", "-1e400", "[1] [2]", "true false", "nul", "True", "NaN", "Infinity", "\xEF\xBB\xBF{}",
    "\"\xC3\"", "\"\xED\xA0\x80\"", "{\"a\":1}}", "[", "]", "/* comment */ 1",
  };
  g_autoptr(GString) deep = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    assert_refused (refused[i], -1);
  /* A NUL byte inside the given length. */
  assert_refused ("[1]\0", 4);

  for (guint i = 0; i < MC_STRICT_JSON_MAX_DEPTH + 1; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < MC_STRICT_JSON_MAX_DEPTH + 1; i++)
    g_string_append_c (deep, ']');
  assert_refused (deep->str, -1);
}

static void
test_strict_values (void)
{
  g_autoptr(GString) deep = g_string_new (NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) big = NULL;
  g_autoptr(JsonNode) max = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < MC_STRICT_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, '[');
  for (guint i = 0; i < MC_STRICT_JSON_MAX_DEPTH; i++)
    g_string_append_c (deep, ']');
  node = mc_strict_json_parse (deep->str, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));

  /* Past 64 bits an integer becomes a double instead of wrapping around. */
  big = mc_strict_json_parse ("123456789012345680000", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_node_get_value_type (big), ==, G_TYPE_DOUBLE);
  g_assert_cmpfloat (json_node_get_double (big), ==, 123456789012345680000.0);
  max = mc_strict_json_parse ("9223372036854775807", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (json_node_get_int (max), ==, G_MAXINT64);
}

static void
test_strict_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) object = mc_strict_json_parse_object ("{\"a\": [1]}", -1, &error);
  g_autoptr(JsonNode) list = NULL;

  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (object));
  list = mc_strict_json_parse_object ("[{}]", -1, &error);
  g_assert_null (list);
  g_assert_error (error, MC_CREDENTIAL_ERROR, MC_CREDENTIAL_ERROR_MALFORMED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  mc_core_init ();

  g_test_add_func ("/credential/jcs/numbers/appendix-b", test_numbers_appendix_b);
  g_test_add_func ("/credential/jcs/numbers/text", test_numbers_from_text);
  g_test_add_func ("/credential/jcs/numbers/not-finite", test_not_finite);
  g_test_add_func ("/credential/jcs/rfc-example", test_rfc_example);
  g_test_add_func ("/credential/jcs/strings", test_strings);
  g_test_add_func ("/credential/jcs/sorting", test_sorting);
  g_test_add_func ("/credential/jcs/nested", test_nested);
  g_test_add_func ("/credential/strict-json/refusals", test_strict_refusals);
  g_test_add_func ("/credential/strict-json/values", test_strict_values);
  g_test_add_func ("/credential/strict-json/object", test_strict_object);

  return g_test_run ();
}
