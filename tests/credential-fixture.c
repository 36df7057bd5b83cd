/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "credential-fixture.h"

#define KEYS_PER_ALGORITHM 4

McSigningKey *
credential_fixture_key (McKeyAlgorithm alg,
                        guint          index)
{
  static McSigningKey *keys[2][KEYS_PER_ALGORITHM];

  g_assert (alg == MC_KEY_ALGORITHM_RS256 || alg == MC_KEY_ALGORITHM_EDDSA);
  g_assert (index < KEYS_PER_ALGORITHM);

  if (keys[alg][index] == NULL)
    {
      g_autoptr(GError) error = NULL;

      keys[alg][index] = mc_signing_key_generate (alg, &error);
      g_assert_no_error (error);
    }
  return keys[alg][index];
}
