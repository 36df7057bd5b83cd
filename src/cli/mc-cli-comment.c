/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "mc-cli-commands.h"
#include "mc-cli-format.h"
#include "mc-cli-lookup.h"

/* Comments pinned to the fields of a design: "mcred review comment",
 * "reply", "resolve" and "comments".  Reviewers and the chair comment, the
 * author replies; a thread is resolved as a whole. */

/* The review the actor is doing of @design's current revision, if any:
 * their comments belong to it. */
static gint64
own_review_id (McWorkflow *workflow,
               McDesign   *design)
{
  McStore *store = mc_workflow_get_store (workflow);
  g_autoptr(GPtrArray) reviews = mc_store_list_reviews (store, mc_design_get_id (design),
                                                        mc_design_get_revision_number (design),
                                                        NULL);
  gint64 actor_id = mc_person_get_id (mc_workflow_get_actor (workflow));

  for (guint i = 0; reviews != NULL && i < reviews->len; i++)
    {
      McReview *review = g_ptr_array_index (reviews, i);

      if (review->reviewer_id == actor_id && review->state != MC_REVIEW_STATE_WITHDRAWN)
        return review->id;
    }
  return 0;
}

/* Friendlier than the workflow's "points at a field that … does not have"
 * when the id itself is wrong. */
static gboolean
check_anchor_ids (McCliContext *ctx,
                  const char   *field_id,
                  gint64        item,
                  const char   *item_field)
{
  const McField *field = field_id != NULL ? mc_field_lookup (field_id) : NULL;

  if (field_id != NULL && field == NULL)
    {
      mc_cli_usage_error (ctx, _("--field: “%s” is not a field of a design"), field_id);
      return FALSE;
    }
  if ((item > 0 || item_field != NULL) && (field == NULL || field->kind != MC_FIELD_LIST))
    {
      mc_cli_usage_error (ctx, _("--item and --item-field need a --field that is a list, "
                                 "such as outcomes"));
      return FALSE;
    }
  if (item_field != NULL && (item <= 0 || mc_item_field_lookup (field_id, item_field) == NULL))
    {
      mc_cli_usage_error (ctx, _("--item-field: “%s” is not a field of an item of %s, or --item "
                                 "is missing"), item_field, field_id);
      return FALSE;
    }
  return TRUE;
}

int
mc_cli_review_comment (McCliContext *ctx,
                       int           argc,
                       char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(McComment) comment = NULL;
  g_autofree char *field = NULL;
  g_autofree char *item_field = NULL;
  g_autofree char *place = NULL;
  int item = 0;
  const GOptionEntry entries[] = {
    { "field", 0, 0, G_OPTION_ARG_STRING, &field,
      N_("The field the comment is about (an id such as outcomes); the whole design without it"),
      N_("FIELD") },
    { "item", 0, 0, G_OPTION_ARG_INT, &item, N_("The item of a list field, counting from 1"), N_("N") },
    { "item-field", 0, 0, G_OPTION_ARG_STRING, &item_field,
      N_("The field of that item (an id such as text)"), N_("FIELD") },
    { NULL }
  };

  if (!mc_cli_parse_command (ctx, argc, argv, _("ID|UUID TEXT"),
                             _("Pin a comment to a field of a design (reviewers and the QA chair)."),
                             entries, 2, 2, &args))
    return MC_CLI_EXIT_FAILURE;
  if (item < 0)
    return mc_cli_usage_error (ctx, _("--item counts from 1"));
  if (!check_anchor_ids (ctx, field, item, item_field) ||
      !(design = mc_cli_open_design (ctx, args[1], &workflow)))
    return MC_CLI_EXIT_FAILURE;

  comment = mc_comment_new (field, item - 1, item_field, args[2]);
  comment->design_id = mc_design_get_id (design);
  comment->review_id = own_review_id (workflow, design);
  if (!mc_workflow_add_comment (workflow, comment, &error))
    return mc_cli_fail (error);

  place = mc_cli_format_place (field, item - 1, item_field);
  /* Translators: "Comment 7 on “Data Analytics”: Learning outcomes 3" */
  g_print (_("Comment %lld on “%s”: %s\n"), (long long) comment->id,
           mc_revision_get_title (mc_design_get_content (design)),
           *place != '\0' ? place : _("the design as a whole"));
  return MC_CLI_EXIT_OK;
}

int
mc_cli_review_reply (McCliContext *ctx,
                     int           argc,
                     char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McComment) parent = NULL;
  g_autoptr(McComment) reply = NULL;

  if (!mc_cli_parse_command (ctx, argc, argv, _("COMMENT TEXT"),
                             _("Reply to a comment (the author, the reviewers and the QA chair)."),
                             NULL, 2, 2, &args) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(parent = mc_cli_resolve_comment (mc_workflow_get_store (workflow), args[1])))
    return MC_CLI_EXIT_FAILURE;

  reply = mc_comment_new (NULL, -1, NULL, args[2]);
  reply->design_id = parent->design_id;
  reply->parent_id = parent->id;
  if (!mc_workflow_add_comment (workflow, reply, &error))
    return mc_cli_fail (error);

  /* Translators: "Reply 9 to comment 7" */
  g_print (_("Reply %lld to comment %lld\n"), (long long) reply->id, (long long) reply->parent_id);
  return MC_CLI_EXIT_OK;
}

int
mc_cli_review_resolve (McCliContext *ctx,
                       int           argc,
                       char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autoptr(McWorkflow) workflow = NULL;
  g_autoptr(McComment) comment = NULL;

  if (!mc_cli_parse_command (ctx, argc, argv, _("COMMENT"),
                             _("Mark a comment and its replies as resolved."),
                             NULL, 1, 1, &args) ||
      !(workflow = mc_cli_open_workflow (ctx, FALSE)) ||
      !(comment = mc_cli_resolve_comment (mc_workflow_get_store (workflow), args[1])))
    return MC_CLI_EXIT_FAILURE;
  if (!mc_workflow_resolve_comment (workflow, comment->id, &error))
    return mc_cli_fail (error);

  g_print (_("Comment %lld is resolved\n"), (long long) comment->id);
  return MC_CLI_EXIT_OK;
}

/* --- comments ------------------------------------------------------------ */

static void
json_comment (JsonBuilder *builder,
              McComment   *comment,
              GHashTable  *people)
{
  McPerson *author = g_hash_table_lookup (people, &comment->author_id);

  mc_cli_json_int (builder, "id", comment->id);
  mc_cli_json_string (builder, "author", author ? mc_person_get_username (author) : NULL);
  mc_cli_json_string (builder, "author_name", comment->author_name);
  mc_cli_json_string (builder, "text", comment->text);
  mc_cli_json_time (builder, "created", comment->created);
}

static int
print_comments_json (GPtrArray  *comments,
                     GHashTable *people)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < comments->len; i++)
    {
      McComment *comment = g_ptr_array_index (comments, i);
      McPerson *resolver = g_hash_table_lookup (people, &comment->resolved_by);

      if (comment->parent_id != 0)
        continue;
      json_builder_begin_object (builder);
      json_comment (builder, comment, people);
      mc_cli_json_int (builder, "revision", comment->revision_number);
      mc_cli_json_int (builder, "review", comment->review_id);
      mc_cli_json_string (builder, "field", comment->field_id);
      mc_cli_json_int (builder, "item_index", comment->item_index);
      mc_cli_json_string (builder, "item_field", comment->item_field);
      json_builder_set_member_name (builder, "resolved");
      json_builder_add_boolean_value (builder, comment->resolved);
      mc_cli_json_string (builder, "resolved_by", resolver ? mc_person_get_username (resolver) : NULL);
      mc_cli_json_time (builder, "resolved_at", comment->resolved_at);
      json_builder_set_member_name (builder, "replies");
      json_builder_begin_array (builder);
      for (guint r = 0; r < comments->len; r++)
        {
          McComment *reply = g_ptr_array_index (comments, r);

          if (reply->parent_id != comment->id)
            continue;
          json_builder_begin_object (builder);
          json_comment (builder, reply, people);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return mc_cli_print_builder (builder);
}

static void
print_comment_text (McComment *comment)
{
  g_autofree char *when = mc_cli_format_time (comment->created);
  g_auto(GStrv) lines = g_strsplit (comment->text, "\n", -1);

  if (comment->parent_id != 0)
    /* Translators: "Reply 9, Dr Aoife Brennan, 2026-03-14 10:02" */
    g_print (_("  Reply %lld, %s, %s\n"), (long long) comment->id, comment->author_name, when);
  else
    g_print ("  %s, %s\n", comment->author_name, when);
  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("    %s\n", lines[i]);
}

int
mc_cli_review_comments (McCliContext *ctx,
                        int           argc,
                        char        **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(McStore) store = NULL;
  g_autoptr(McDesign) design = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(GHashTable) people = NULL;
  gboolean json = FALSE;
  guint n_threads = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the comments as JSON"), NULL },
    { NULL }
  };

  if (!(design = mc_cli_parse_design_command (ctx, argc, argv,
                                              _("List the comments on every revision of a design, "
                                                "with their replies."),
                                              entries, &store)))
    return MC_CLI_EXIT_FAILURE;
  if (!(comments = mc_store_list_comments (store, mc_design_get_id (design), 0, &error)))
    return mc_cli_fail (error);

  if (json)
    {
      people = mc_cli_people_by_id (store);
      return print_comments_json (comments, people);
    }
  for (guint i = 0; i < comments->len; i++)
    {
      McComment *comment = g_ptr_array_index (comments, i);
      g_autofree char *place = NULL;

      if (comment->parent_id != 0)
        continue;
      place = mc_cli_format_place (comment->field_id, comment->item_index, comment->item_field);
      /* Translators: "Comment 7 on Learning outcomes 3 (revision 1, open)" */
      g_print (_("%sComment %lld on %s (revision %u, %s)\n"), n_threads++ > 0 ? "\n" : "",
               (long long) comment->id, *place != '\0' ? place : _("the design as a whole"),
               comment->revision_number, comment->resolved ? _("resolved") : _("open"));
      print_comment_text (comment);
      for (guint r = 0; r < comments->len; r++)
        if (((McComment *) g_ptr_array_index (comments, r))->parent_id == comment->id)
          print_comment_text (g_ptr_array_index (comments, r));
    }
  if (n_threads == 0)
    g_print ("%s\n", _("No comments."));
  return MC_CLI_EXIT_OK;
}
