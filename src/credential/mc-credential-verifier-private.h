/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "mc-credential-verifier.h"
#include "mc-jws.h"
#include "mc-verification-private.h"

G_BEGIN_DECLS

/* The verifier is split by concern: mc-credential-verifier.c reads the
 * input and runs the checks in order, -keys.c reads signed texts and
 * finds and tries the keys, -checks.c holds the format, signature,
 * issuer, dates and schema checks, -status.c the status check. */

struct _McCredentialVerifier
{
  GObject    parent_instance;

  McStore   *store;
  GPtrArray *keys;          /* McKnownKey: added and loaded keys */
  GPtrArray *status_lists;  /* McStatusListSource */
  GDateTime *now;           /* NULL: the time of each verification */
};

typedef struct {
  McPublicKey *key;
  char        *alias;       /* the "kid" a JWKS gave the key, or NULL */
  char        *source;      /* where the issuer publishes it, or NULL */
} McKnownKey;

void _mc_known_key_free (McKnownKey *known);

/* A key that verified a signature, and whether it is the institution's
 * own (with its record) or one the caller gave. */
typedef struct {
  McPublicKey *key;
  McKeyRecord *record;      /* NULL for a key the caller gave */
  char        *source;      /* where the issuer publishes it, or NULL */
} McFoundKey;

void _mc_found_key_free (McFoundKey *found);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McFoundKey, _mc_found_key_free)

/* A signed credential as given: a compact JWS, or JSON with a Data
 * Integrity proof.  Used for credentials and for status lists alike. */
typedef struct {
  McJws    *jws;            /* for a VC-JWT, else NULL */
  JsonNode *document;       /* for JSON with a proof, else NULL */
  JsonNode *credential;     /* the credential itself: the JWT's "vc" claim or
                             * the payload without the JWT claims; the document */
} McSignedText;

void          _mc_signed_text_free  (McSignedText *signed_text);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (McSignedText, _mc_signed_text_free)
/* Parses @text (trimmed): "{" starts JSON, anything else is read as a
 * compact JWS.  Errors as mc_jws_parse() and mc_strict_json_parse(). */
McSignedText *_mc_signed_text_parse (const char    *text,
                                     GError       **error);
/* The key the text names: the JWS "kid", the first proof's
 * verificationMethod; NULL when it names none. */
const char   *_mc_signed_text_get_key_id (McSignedText *signed_text);

/* Verifies the signature with the known keys and the store's keys.
 * Returns: (transfer full): the key that verified it, or NULL with
 * MC_CREDENTIAL_ERROR_KEY_MISMATCH (no known key has this id: then
 * @unknown_key is set; or the algorithm does not fit the key),
 * _BAD_SIGNATURE or _MALFORMED (a proof that cannot be checked), or
 * MC_STORE_ERROR. */
McFoundKey   *_mc_credential_verifier_check_signature (McCredentialVerifier *self,
                                                       McSignedText         *signed_text,
                                                       gboolean             *unknown_key,
                                                       GError              **error);

/* One status list given with mc_credential_verifier_set_status_list(). */
typedef struct {
  char         *purpose;
  McSignedText *list;
} McStatusListSource;

void _mc_status_list_source_free (McStatusListSource *source);

/* One verification in progress. */
typedef struct {
  McCredentialVerifier *verifier;
  McVerification       *result;
  GDateTime            *now;
  McSignedText         *signed_text;
  JsonObject           *credential;   /* of signed_text */
  McFoundKey           *key;          /* after a good signature */
  McIssuedCredential   *record;       /* our register's record, when looked up */
} McVerifying;

/* Each check records its outcome in @v->result.  FALSE from the signature
 * check only for a database error (the verification cannot go on). */
void     _mc_verifying_check_format    (McVerifying  *v,
                                        const GError *parse_error);
gboolean _mc_verifying_check_signature (McVerifying *v,
                                        GError     **error);
void     _mc_verifying_check_issuer    (McVerifying *v);
void     _mc_verifying_check_dates     (McVerifying *v);
gboolean _mc_verifying_check_status    (McVerifying *v,
                                        GError     **error);
void     _mc_verifying_check_schema    (McVerifying *v);

/* Small readers of JSON from outside: NULL or FALSE when the member is
 * missing or of another type. */
const char *_mc_json_get_string  (JsonObject *object,
                                  const char *name);
JsonObject *_mc_json_get_object  (JsonObject *object,
                                  const char *name);
gboolean    _mc_json_get_seconds (JsonObject *object,
                                  const char *name,
                                  gint64     *seconds);

/* Reads @file, refusing (MC_CREDENTIAL_ERROR_MALFORMED) one larger than
 * MC_CREDENTIAL_VERIFIER_MAX_SIZE before reading it; G_IO_ERROR when it
 * cannot be read.  Returns: (transfer full) */
GBytes     *_mc_credential_verifier_read_file     (GFile         *file,
                                                   GCancellable  *cancellable,
                                                   GError       **error);

/* The issuer's id: "issuer" as a string or the "id" of the issuer object. */
const char *_mc_credential_get_issuer_id (JsonObject *credential);

G_END_DECLS
