/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include "mc-design.h"
#include "mc-design-summary.h"
#include "mc-unit.h"
#include "mc-person.h"
#include "mc-review.h"
#include "mc-comment.h"
#include "mc-decision.h"
#include "mc-annual-review.h"
#include "mc-event.h"
#include "mc-template.h"
#include "mc-yearly-report.h"
#include "mc-offering.h"
#include "mc-learner.h"
#include "mc-result.h"
#include "mc-key-record.h"
#include "mc-partner-issuer.h"
#include "mc-recognition.h"
#include "mc-issue-batch.h"
#include "mc-issued-credential.h"
#include "mc-credential-summary.h"

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
#define MC_STORE_SCHEMA_VERSION 4

#define MC_TYPE_STORE (mc_store_get_type ())
G_DECLARE_FINAL_TYPE (McStore, mc_store, MC, STORE, GObject)

/* @path: a file name, or ":memory:" for a throw-away database. */
McStore    *mc_store_open               (const char       *path,
                                         McStoreOpenFlags  flags,
                                         GError          **error);
const char *mc_store_get_path           (McStore *self);
/* Caps the connection's page cache (32 MiB by default) at @kib KiB, for
 * a connection that streams through many records once, like the batch
 * issuer's, whose memory must not grow with the batch. */
void        mc_store_set_cache_limit    (McStore *self, guint kib);
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
McPerson   *mc_store_get_person         (McStore *self, gint64 id, GError **error);

/* Roles: @unit_id 0 means institution-wide. */
typedef struct {
  gint64  person_id;
  McRole  role;
  gint64  unit_id;
} McRoleGrant;
/* A new array of McRoleGrant (g_free) of @person_id, or of everyone if 0. */
GPtrArray  *mc_store_list_roles         (McStore *self, gint64 person_id, GError **error);
/* Whether @person_id holds @role institution-wide or for @unit_id. */
gboolean    mc_store_person_has_role    (McStore *self, gint64 person_id, McRole role,
                                         gint64 unit_id, gboolean *has_role, GError **error);
/* People holding @role for @unit_id (or institution-wide): McPerson. */
GListModel *mc_store_list_people_with_role (McStore *self, McRole role, gint64 unit_id,
                                            GError **error);

/* Institution settings (see mc-workflow.h for the keys); changed only
 * through the workflow.  Returns @default_value when unset. */
char       *mc_store_get_setting        (McStore *self, const char *key,
                                         const char *default_value);

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

/* Revisions: every one is kept; submitted ones are frozen (immutable). */
McRevision *mc_store_load_revision      (McStore *self, gint64 design_id, guint number,
                                         GError **error);
/* Numbers of the design's revisions, oldest first (GArray of guint). */
GArray     *mc_store_list_revision_numbers (McStore *self, gint64 design_id, GError **error);

/* Reviews, comments, decisions, yearly reviews of a design: new arrays,
 * oldest first.  @revision_number 0 means every revision. */
GPtrArray  *mc_store_list_reviews       (McStore *self, gint64 design_id, guint revision_number,
                                         GError **error);  /* McReview */
McReview   *mc_store_load_review        (McStore *self, gint64 review_id, GError **error);
GPtrArray  *mc_store_list_comments      (McStore *self, gint64 design_id, guint revision_number,
                                         GError **error);  /* McComment */
McComment  *mc_store_load_comment       (McStore *self, gint64 comment_id, GError **error);
GPtrArray  *mc_store_list_decisions     (McStore *self, gint64 design_id, GError **error);  /* McDecision */
GPtrArray  *mc_store_list_annual_reviews (McStore *self, gint64 design_id, GError **error); /* McAnnualReview */

/* Review templates: every version is kept, so that old reviews keep the
 * template they were made on.  The built-in templates are stored as
 * version 1 when the database is created. */
McTemplate *mc_store_load_template      (McStore *self, gint64 template_id, GError **error);
/* The newest version of the template used for @kind. */
McTemplate *mc_store_current_template   (McStore *self, McTemplateKind kind, GError **error);
/* The newest version of every template key: a new array of McTemplate. */
GPtrArray  *mc_store_list_templates     (McStore *self, GError **error);

/* History: events of a design (0 for all), oldest first (McEvent). */
GPtrArray  *mc_store_list_events        (McStore *self, gint64 design_id, GError **error);
/* A page of the history, newest first: up to @limit events of a design
 * (0 for all) older than event @before_id (0 to start from the newest).
 * For windows that show a long history a page at a time. */
GPtrArray  *mc_store_list_events_before (McStore *self, gint64 design_id, gint64 before_id,
                                         guint limit, GError **error);  /* McEvent */
guint64     mc_store_count_events       (McStore *self, GError **error);
/* The events that name an issued credential (by its uuid): its issue,
 * suspensions, reprints, revocation, re-issue; oldest first (McEvent). */
GPtrArray  *mc_store_list_credential_events (McStore *self, const char *uuid, GError **error);

typedef struct {
  gboolean  intact;
  guint64   n_checked;          /* events checked (up to the break) */
  gint64    first_broken_id;    /* 0 when intact */
  char     *reason;             /* translated, NULL when intact */
  char     *head_hash;          /* hash of the newest event checked; can be
                                 * written down elsewhere (in the minutes)
                                 * to detect a rewritten chain later */
} McHistoryCheck;
void        mc_history_check_clear      (McHistoryCheck *check);
/* Recomputes the whole chain.  Returns FALSE only if the database could
 * not be read; @check says whether the chain is intact. */
gboolean    mc_store_verify_history     (McStore *self, McHistoryCheck *check,
                                         GCancellable *cancellable, GError **error);

/* The yearly QA report of @unit_id for @year, as of @today (YYYY-MM-DD):
 * its active and suspended credentials, the yearly reviews completed in
 * the year with the issues they raised and the actions taken, the yearly
 * reviews overdue on @today, and the committee's decisions of the year. */
McYearlyReport *mc_store_build_yearly_report (McStore *self, gint64 unit_id, int year,
                                              const char *today, GError **error);

/* Issuing: offerings, learners, results, signing keys, batches and the
 * issued credentials.  Read-only here; every change goes through the
 * workflow (mc-workflow.h). */
McOffering *mc_store_load_offering      (McStore *self, gint64 id, GError **error);
/* McOffering with its counts, newest first; @design_id 0 for all designs. */
GPtrArray  *mc_store_list_offerings     (McStore *self, gint64 design_id, GError **error);
/* McResult with its learner and current credential, by family name. */
GPtrArray  *mc_store_list_results       (McStore *self, gint64 offering_id, GError **error);
McLearner  *mc_store_find_learner       (McStore *self, const char *student_id, GError **error); /* NULL, no error, if absent */

/* McKeyRecord, newest first, retired ones included. */
GPtrArray  *mc_store_list_keys          (McStore *self, GError **error);
McKeyRecord *mc_store_find_key          (McStore *self, const char *kid, GError **error); /* NULL, no error, if absent */
/* The newest key of @kind that is not retired and has a private key;
 * NULL, without an error, when there is none. */
McKeyRecord *mc_store_get_current_key   (McStore *self, McKeyKind kind, GError **error);
/* The folder beside the database that holds the encrypted private keys,
 * "<database file>-keys"; a McKeyRecord's private_path is a file name in
 * it (or, for keys kept elsewhere, an absolute path).  NULL for a
 * database in memory. */
char       *mc_store_dup_key_directory  (McStore *self);
/* The full path of @key's private key file, or NULL when it has none or
 * the database is in memory and the path is not absolute. */
char       *mc_store_dup_private_key_path (McStore *self, const McKeyRecord *key);

/* Other institutions: trusted partner issuers (McPartnerIssuer, by name) and
 * recognition decisions (McRecognition, newest first); changed only
 * through McWorkflow. */
GPtrArray  *mc_store_list_partners      (McStore *self, GError **error);
McPartnerIssuer  *mc_store_find_partner       (McStore *self, const char *issuer_id, GError **error); /* NULL, no error, if absent */
GPtrArray  *mc_store_list_recognitions  (McStore *self, GError **error);

McIssueBatch *mc_store_load_batch       (McStore *self, gint64 id, GError **error);
/* The batch of the offering that stopped before it finished: one still
 * RUNNING (the issuer was interrupted), or one CANCELLED or FAILED with
 * credentials still pending.  NULL, without an error, when there is none. */
McIssueBatch *mc_store_find_unfinished_batch (McStore *self, gint64 offering_id, GError **error);
/* Up to @limit (0: all) pending credentials of the batch, by id, with
 * their result, learner and title: the issuer signs a page, completes it
 * and asks again, so that memory stays flat. */
GPtrArray  *mc_store_list_pending_credentials (McStore *self, gint64 batch_id, guint limit,
                                               GError **error);  /* McIssuedCredential */
/* A page of the batch's credentials in @state (McCredentialState, or -1
 * for any) whose id is above @after_id, by id, with their result, learner
 * and title: the manifest of a batch is written a page at a time. */
GPtrArray  *mc_store_list_batch_credentials (McStore *self, gint64 batch_id, int state,
                                             gint64 after_id, guint limit,
                                             GError **error);  /* McIssuedCredential */
McIssuedCredential *mc_store_load_credential (McStore *self, gint64 id, GError **error);
/* By uuid, bare or as "urn:uuid:…"; NULL, without an error, if absent. */
McIssuedCredential *mc_store_find_credential (McStore *self, const char *uuid_or_urn, GError **error);
/* By the token of its verification page; NULL, without an error, if absent. */
McIssuedCredential *mc_store_find_credential_by_token (McStore *self, const char *token,
                                                       GError **error);

typedef struct {
  const char *search;       /* learner name, student id, credential uuid, title or offering
                             * code: a substring, case and accents ignored; NULL or "" for all */
  gint64      offering_id;  /* 0 for any */
  int         state;        /* McCredentialState, or -1 for any */
} McCredentialQuery;
#define MC_CREDENTIAL_QUERY_INIT { NULL, 0, -1 }

/* The register of credentials: how many match, and a page of them,
 * newest first (McCredentialSummary).  Fast on 100,000 credentials. */
guint       mc_store_count_credentials  (McStore *self, const McCredentialQuery *query, GError **error);
GPtrArray  *mc_store_query_credentials  (McStore *self, const McCredentialQuery *query,
                                         guint offset, guint limit, GError **error);

/* The W3C Bitstring Status List bits of list @list_number (status
 * indexes list_number × 131072 to that + 131071), 16 KiB: bit i (the most
 * significant bit of byte 0 is index 0) is set when that credential is
 * revoked or superseded (@purpose "revocation") or suspended
 * ("suspension"). */
#define MC_STATUS_LIST_SIZE 131072
GBytes     *mc_store_get_status_bits    (McStore *self, guint list_number, const char *purpose,
                                         GError **error);
/* When a credential's status last changed, in Unix microseconds (0 if
 * never): status lists built before then are out of date. */
gint64      mc_store_get_status_changed_at (McStore *self, GError **error);

/* The institution's logo (PNG), or NULL, without an error, if none. */
GBytes     *mc_store_get_logo           (McStore *self, GError **error);

G_END_DECLS
