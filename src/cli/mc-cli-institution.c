/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-issuing.h"
#include "mc-cli-lookup.h"
#include "mc-issuing-context.h"

/* "mcred institution": the institution as its credentials name it.  With
 * options it changes the profile (administrators); without, it prints
 * it. */

#define MAX_LOGO_BYTES (2 * 1024 * 1024)

typedef struct {
  const char *key;
  const char *label;   /* N_() */
} Field;

static const Field fields[] = {
  { MC_SETTING_INSTITUTION_NAME, N_("Name") },
  { MC_SETTING_INSTITUTION_COUNTRY, N_("Country") },
  { MC_SETTING_INSTITUTION_LEGAL_ID, N_("Legal identifier") },
  { MC_SETTING_INSTITUTION_URL, N_("Web site") },
  { MC_SETTING_VERIFICATION_URL, N_("Verification address") },
  { MC_SETTING_SIGNATORY_NAME, N_("Signatory") },
  { MC_SETTING_SIGNATORY_TITLE, N_("Signatory’s title") },
};

static int
print_profile (McStore  *store,
               gboolean  json)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(McIssuingContext) context = NULL;

  if (json)
    {
      g_autoptr(JsonNode) profile = NULL;

      /* The Open Badges Profile, as published at the issuer's address. */
      if ((context = mc_issuing_context_new (store, &error)) == NULL)
        return mc_cli_fail (error);
      profile = mc_issuer_profile_to_json (mc_issuing_context_get_issuer (context), TRUE);
      return mc_cli_print_json (profile) ? MC_CLI_EXIT_OK : MC_CLI_EXIT_FAILURE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = mc_store_get_setting (store, fields[i].key, NULL);

      mc_cli_print_labelled (0, _(fields[i].label), value != NULL && *value != '\0' ? value : NULL);
    }
  logo = mc_store_get_logo (store, &error);
  if (error != NULL)
    return mc_cli_fail (error);
  if (logo != NULL)
    {
      g_autofree char *size = g_format_size (g_bytes_get_size (logo));

      mc_cli_print_labelled (0, _("Logo"), size);
    }
  else
    mc_cli_print_labelled (0, _("Logo"), NULL);
  return MC_CLI_EXIT_OK;
}

static gboolean
set_logo (McWorkflow *workflow,
          const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = mc_cli_read_input (path, MAX_LOGO_BYTES);

  if (png == NULL)
    return FALSE;
  if (!mc_workflow_set_logo (workflow, png, &error))
    {
      mc_cli_report (mc_cli_input_name (path), error);
      return FALSE;
    }
  return TRUE;
}

typedef struct {
  char *v[G_N_ELEMENTS (fields)];
} Values;

static void
values_clear (Values *values)
{
  for (guint i = 0; i < G_N_ELEMENTS (values->v); i++)
    g_free (values->v[i]);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Values, values_clear)

/* Applies what the options set; prints the problem and returns FALSE on
 * failure. */
static gboolean
apply (McWorkflow *workflow,
       Values     *values,
       const char *logo)
{
  g_autoptr(GError) error = NULL;
  char **url = &values->v[4];

  /* The address is checked here: every credential will point at it. */
  if (*url != NULL && **url != '\0')
    {
      g_autofree char *base = mc_credential_urls_normalize_base (*url, &error);

      if (base == NULL)
        {
          mc_cli_report ("--verification-url", error);
          return FALSE;
        }
      g_free (*url);
      *url = g_steal_pointer (&base);
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (values->v[i] != NULL && !mc_workflow_set_setting (workflow, fields[i].key, values->v[i], &error))
      {
        mc_cli_fail (error);
        return FALSE;
      }
  return logo == NULL || set_logo (workflow, logo);
}

int
mc_cli_institution_run (McCliContext *ctx,
                        int           argc,
                        char        **argv)
{
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autofree char *logo = NULL;
  g_auto(Values) values = { { NULL } };
  gboolean json = FALSE;
  gboolean change = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &values.v[0], N_("The institution’s name"), N_("NAME") },
    { "country", 0, 0, G_OPTION_ARG_STRING, &values.v[1], N_("Its country, as a two-letter code like IE"),
      N_("CC") },
    { "legal-id", 0, 0, G_OPTION_ARG_STRING, &values.v[2], N_("Its registration number"), N_("ID") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &values.v[3], N_("Its web site"), N_("URL") },
    { "verification-url", 0, 0, G_OPTION_ARG_STRING, &values.v[4],
      N_("The address credentials are verified at, like https://credentials.example.edu"), N_("URL") },
    { "signatory-name", 0, 0, G_OPTION_ARG_STRING, &values.v[5], N_("Who signs the certificates"),
      N_("NAME") },
    { "signatory-title", 0, 0, G_OPTION_ARG_STRING, &values.v[6], N_("Their title"), N_("TITLE") },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &logo, N_("The logo, a PNG file of at most 2 MB"), N_("FILE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the issuer profile as Open Badges JSON"), NULL },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, NULL,
                             _("Print the institution’s profile, or change it (administrators)."),
                             entries, 0, 0, &args) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)))
    return MC_CLI_EXIT_FAILURE;
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    change |= values.v[i] != NULL;
  if (!change && logo == NULL)
    return print_profile (mc_workflow_get_store (workflow), json);
  if (!apply (workflow, &values, logo))
    return MC_CLI_EXIT_FAILURE;
  g_print ("%s\n", _("The institution’s profile is updated"));
  return MC_CLI_EXIT_OK;
}
