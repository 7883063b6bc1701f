/* passphrase.h: the rules for the passphrase that seals an offline copy, shared by the API, the download page and the CLI. */
#ifndef KF_PASSPHRASE_H
#define KF_PASSPHRASE_H

#include "fielderr.h"

/* In Unicode code points, as typed (no trimming, no normalisation: the bytes are the key material). */
#define PASSPHRASE_MIN 12
#define PASSPHRASE_MAX 1024

/*
 * s must be valid UTF-8 of PASSPHRASE_MIN..PASSPHRASE_MAX code points; NULL
 * counts as empty. Adds an error for field and returns -1, else 0. The
 * passphrase itself never goes into the message.
 */
int validate_passphrase(struct field_errors *fe, const char *field, const char *s);

/*
 * The form's pair: validate_passphrase on pass, then repeat must be the same
 * (an error on field when not). 0 or -1.
 */
int validate_passphrase_pair(struct field_errors *fe, const char *field, const char *pass, const char *repeat);

#endif
