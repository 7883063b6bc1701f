/* offline_crypt.h: passphrase encryption of the offline copy: PBKDF2-HMAC-SHA256 and AES-256-GCM (OpenSSL), as WebCrypto reads it. */
#ifndef KF_OFFLINE_CRYPT_H
#define KF_OFFLINE_CRYPT_H

#include <stddef.h>

#include "../lib/err.h"

/* The parameters of docs/offline-format.md. */
#define OFFLINE_KDF_ITERATIONS 600000u
#define OFFLINE_SALT_LEN 16
#define OFFLINE_IV_LEN 12
#define OFFLINE_TAG_LEN 16
#define OFFLINE_KEY_LEN 32
/* The largest plain text sealed (the strbuf cap of an export; GCM itself allows far more). */
#define OFFLINE_PLAIN_MAX ((size_t)64 << 20)

/*
 * A sealed text: key = PBKDF2-HMAC-SHA256(passphrase as its UTF-8 bytes,
 * salt, iterations, 32 bytes); ct = AES-256-GCM(key, iv, no associated
 * data) of the plain text with the 16-byte tag appended (ctlen = plain
 * length + 16), the layout WebCrypto's decrypt expects.
 */
struct offline_sealed {
	unsigned char salt[OFFLINE_SALT_LEN];
	unsigned char iv[OFFLINE_IV_LEN];
	unsigned iterations;
	unsigned char *ct; /* ciphertext || tag; malloc'd */
	size_t ctlen;
};

/*
 * Seals len bytes of plain with passphrase (not empty): fresh random salt
 * and iv, iterations rounds. Allocates s->ct (offline_sealed_release).
 * KF_EINVAL for an empty passphrase or iterations 0, KF_ETOOBIG above
 * OFFLINE_PLAIN_MAX, KF_ENOMEM, KF_EIO when OpenSSL fails. Pure CPU work
 * (about 0.3 s for 600,000 iterations): call it from a worker, never on an
 * HTTP thread.
 */
enum kf_err offline_seal(const char *passphrase, unsigned iterations, const void *plain, size_t len,
			 struct offline_sealed *s);

/*
 * Opens s with passphrase: *plain_r (malloc'd, NUL-terminated beyond
 * *len_r; free() it). KF_EAUTH when the tag does not match (wrong
 * passphrase or changed bytes; nothing is returned), KF_EINVAL for a
 * malformed s, KF_ENOMEM, KF_EIO.
 */
enum kf_err offline_open(const char *passphrase, const struct offline_sealed *s, unsigned char **plain_r,
			 size_t *len_r);

/* Frees s->ct and clears s. */
void offline_sealed_release(struct offline_sealed *s);

#endif
