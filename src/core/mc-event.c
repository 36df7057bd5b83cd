/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "mc-event.h"

G_DEFINE_BOXED_TYPE (McEvent, mc_event, mc_event_copy, mc_event_free)

McEvent *
mc_event_new (McAction action)
{
  McEvent *self = g_new0 (McEvent, 1);

  self->action = action;
  self->from_state = -1;
  self->to_state = -1;
  self->comment = g_strdup ("");
  return self;
}

McEvent *
mc_event_copy (const McEvent *self)
{
  McEvent *copy = g_memdup2 (self, sizeof *self);

  copy->design_uuid = g_strdup (self->design_uuid);
  copy->actor_name = g_strdup (self->actor_name);
  copy->recorded_by_name = g_strdup (self->recorded_by_name);
  copy->comment = g_strdup (self->comment);
  copy->details = g_strdup (self->details);
  copy->prev_hash = g_strdup (self->prev_hash);
  copy->hash = g_strdup (self->hash);
  return copy;
}

void
mc_event_free (McEvent *self)
{
  if (self == NULL)
    return;
  g_free (self->design_uuid);
  g_free (self->actor_name);
  g_free (self->recorded_by_name);
  g_free (self->comment);
  g_free (self->details);
  g_free (self->prev_hash);
  g_free (self->hash);
  g_free (self);
}

/* Each value goes in as "<length>:<bytes>;" so that no two different
 * events can produce the same input by moving text between fields. */
static void
add_field (GChecksum  *checksum,
           const char *value)
{
  char prefix[32];
  gsize length = value != NULL ? strlen (value) : 0;

  g_snprintf (prefix, sizeof prefix, "%" G_GSIZE_FORMAT ":", length);
  g_checksum_update (checksum, (const guchar *) prefix, -1);
  if (length > 0)
    g_checksum_update (checksum, (const guchar *) value, length);
  g_checksum_update (checksum, (const guchar *) ";", 1);
}

static void
add_int (GChecksum *checksum,
         gint64     value)
{
  char text[32];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, value);
  add_field (checksum, text);
}

static const char *
state_nick (int state)
{
  return state >= 0 ? mc_enum_to_nick (MC_TYPE_DESIGN_STATE, state) : NULL;
}

/**
 * mc_event_compute_hash:
 *
 * Returns: (transfer full): the hex SHA-256 of the event's content and
 *   its @prev_hash
 */
char *
mc_event_compute_hash (const McEvent *self)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);

  add_field (checksum, "microcred-event-1");
  add_int (checksum, self->id);
  add_field (checksum, self->prev_hash);
  add_int (checksum, self->design_id);
  add_field (checksum, self->design_uuid);
  add_int (checksum, self->actor_id);
  add_int (checksum, self->recorded_by_id);
  add_int (checksum, self->time);
  add_field (checksum, mc_enum_to_nick (MC_TYPE_ACTION, self->action));
  add_field (checksum, state_nick (self->from_state));
  add_field (checksum, state_nick (self->to_state));
  add_field (checksum, self->comment);
  add_field (checksum, self->details);
  return g_strdup (g_checksum_get_string (checksum));
}
