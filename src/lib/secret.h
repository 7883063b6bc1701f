/* secret.h: random tokens and their one-way hashes (libsodium). */
#ifndef KF_SECRET_H
#define KF_SECRET_H

#include <stddef.h>

#define KF_TOKEN_LEN 44      /* base64url of 32 random bytes plus NUL, rounded */
#define KF_TOKEN_HASH_LEN 65 /* hex of a 32-byte BLAKE2b hash plus NUL */

/* Call once before threads start; 0 on success. */
int kf_secret_init(void);
/* A random URL-safe token (43 characters) into out[KF_TOKEN_LEN]. */
void kf_random_token(char *out);
/* Hex hash of a token, for storing it without being able to recover it. */
void kf_token_hash(const char *token, char *out);
/* Constant-time comparison of two NUL-terminated strings. */
int kf_secure_streq(const char *a, const char *b);

#define KF_PASSWORD_HASH_LEN 128

/* Argon2id hash of a password (about 55 ms and 64 MiB: call from a worker). 0 or -1. */
int kf_password_hash(const char *password, char *out);
/* 1 when password matches the stored hash, 0 otherwise. Just as slow as hashing. */
int kf_password_verify(const char *stored, const char *password);

#endif
