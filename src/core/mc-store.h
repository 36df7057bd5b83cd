/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "mc-design.h"
#include "mc-design-summary.h"
#include "mc-unit.h"
#include "mc-person.h"

G_BEGIN_DECLS

/* The institution's database.  The only code that speaks SQL.  SQLite in WAL
 * mode with foreign keys on; the schema is versioned with PRAGMA user_version
 * and migrated forward on open; every write runs in a transaction (a
 * savepoint when nested) and is rolled back whole on failure. */

#define MC_STORE_ERROR (mc_store_error_quark ())
typedef enum {
  MC_STORE_ERROR_NOT_FOUND,      /* file or record does not exist */
  MC_STORE_ERROR_READ_ONLY,      /* file or folder is not writable */
  MC_STORE_ERROR_LOCKED,         /* another program holds the database */
  MC_STORE_ERROR_CORRUPT,        /* not a Microcred database, or damaged */
  MC_STORE_ERROR_TOO_NEW,        /* written by a newer Microcred */
  MC_STORE_ERROR_CONFLICT,       /* the record changed meanwhile */
  MC_STORE_ERROR_CONSTRAINT,     /* duplicate or dangling reference */
  MC_STORE_ERROR_FAILED,
} McStoreError;
GQuark mc_store_error_quark (void);

typedef enum {
  MC_STORE_OPEN_DEFAULT = 0,
  MC_STORE_OPEN_CREATE  = 1 << 0,  /* create the file if missing */
} McStoreOpenFlags;

/* Schema version this build writes. */
#define MC_STORE_SCHEMA_VERSION 1

#define MC_TYPE_STORE (mc_store_get_type ())
G_DECLARE_FINAL_TYPE (McStore, mc_store, MC, STORE, GObject)

/* @path: a file name, or ":memory:" for a throw-away database. */
McStore    *mc_store_open               (const char       *path,
                                         McStoreOpenFlags  flags,
                                         GError          **error);
const char *mc_store_get_path           (McStore *self);
int         mc_store_get_schema_version (McStore *self);
/* How long a write waits for another program to let go of the database
 * before failing with MC_STORE_ERROR_LOCKED (1500 ms by default).  The
 * window uses a short wait so that it never freezes; scripts can wait. */
void        mc_store_set_busy_timeout   (McStore *self, guint milliseconds);
/* The default database: $XDG_DATA_HOME/microcred/microcred.db (newly allocated). */
char       *mc_store_default_path       (void);

/* Runs @func inside one transaction (a savepoint if one is already open);
 * commits if it returns TRUE, rolls back if it returns FALSE. */
typedef gboolean (*McStoreTransactionFunc) (McStore *store, gpointer user_data, GError **error);
gboolean    mc_store_run_in_transaction (McStore                *self,
                                         McStoreTransactionFunc  func,
                                         gpointer                user_data,
                                         GError                **error);

/* Units */
gint64      mc_store_add_unit           (McStore *self, const char *code, const char *name, GError **error);
McUnit     *mc_store_get_unit           (McStore *self, gint64 id, GError **error);
McUnit     *mc_store_find_unit_by_code  (McStore *self, const char *code, GError **error); /* NULL, no error, if absent */
GListModel *mc_store_list_units         (McStore *self, GError **error);  /* McUnit, by name */

/* People */
gint64      mc_store_add_person         (McStore *self, const char *username, const char *name,
                                         const char *email, gint64 unit_id, GError **error);
McPerson   *mc_store_find_person_by_username (McStore *self, const char *username, GError **error);
GListModel *mc_store_list_people        (McStore *self, GError **error);  /* McPerson, by name */

/* Designs */
/* Inserts a new design (id 0): sets its id, version, created and modified.
 * Refused if the uuid already exists. */
gboolean    mc_store_insert_design      (McStore *self, McDesign *design, GError **error);
/* Saves the content and attributes of a stored design.  Fails with
 * MC_STORE_ERROR_CONFLICT if someone else saved it since @design was loaded
 * (its version differs); on success bumps version and modified. */
gboolean    mc_store_update_design      (McStore *self, McDesign *design, GError **error);
McDesign   *mc_store_load_design        (McStore *self, gint64 id, GError **error);
McDesign   *mc_store_find_design_by_uuid (McStore *self, const char *uuid, GError **error); /* NULL, no error, if absent */
/* Only drafts can be deleted (MC_STORE_ERROR_CONSTRAINT otherwise). */
gboolean    mc_store_delete_design      (McStore *self, gint64 id, GError **error);
guint       mc_store_count_designs      (McStore *self, GError **error);

typedef enum {
  MC_DESIGN_SORT_TITLE,
  MC_DESIGN_SORT_MODIFIED,   /* most recent first */
} McDesignSort;

typedef struct {
  const char   *search;           /* matched against title, unit and outcome text; NULL or "" for all */
  gint64        unit_id;          /* 0 for any */
  int           credential_type;  /* McCredentialType, or -1 for any */
  int           state;            /* McDesignState, or -1 for any */
  McDesignSort  sort;
} McDesignQuery;

#define MC_DESIGN_QUERY_INIT { NULL, 0, -1, -1, MC_DESIGN_SORT_TITLE }

/* Returns a new array of McDesignSummary (element free func set). */
GPtrArray  *mc_store_query_designs      (McStore *self, const McDesignQuery *query, GError **error);

G_END_DECLS
