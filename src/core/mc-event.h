/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include "mc-enums.h"

G_BEGIN_DECLS

/* One entry of the history.  Events are append-only and hash-chained:
 * @hash is the SHA-256 of the event's content together with @prev_hash,
 * the hash of the event before it, so that changing, removing or
 * reordering a past event breaks the chain from that event on.
 * @actor_id is the person on whose behalf the action was taken;
 * @recorded_by_id the account that recorded it (an administrator acting
 * for someone else), equal to @actor_id otherwise. */
typedef struct {
  gint64    id;
  gint64    design_id;        /* 0 for institution-wide events */
  char     *design_uuid;      /* kept when the design is deleted */
  gint64    actor_id;
  char     *actor_name;       /* filled when loaded */
  gint64    recorded_by_id;
  char     *recorded_by_name; /* filled when loaded */
  gint64    time;             /* Unix microseconds, UTC */
  McAction  action;
  int       from_state;       /* McDesignState, or -1 */
  int       to_state;         /* McDesignState, or -1 */
  char     *comment;
  char     *details;          /* JSON object, or NULL */
  char     *prev_hash;
  char     *hash;
} McEvent;

#define MC_TYPE_EVENT (mc_event_get_type ())
GType    mc_event_get_type (void) G_GNUC_CONST;
McEvent *mc_event_new      (McAction action);
McEvent *mc_event_copy     (const McEvent *self);
void     mc_event_free     (McEvent *self);
/* The hash the event should carry given its content and @prev_hash
 * (hex SHA-256, newly allocated). */
char    *mc_event_compute_hash (const McEvent *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McEvent, mc_event_free)

G_END_DECLS
