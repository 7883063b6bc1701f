/* offline_crypt.c: PBKDF2-HMAC-SHA256 key derivation and AES-256-GCM sealing of the offline copy with OpenSSL 3. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>

#include "offline_crypt.h"
#include "../lib/banned.h"

/* The 32-byte key of passphrase and salt; 0 or -1. */
static int derive(const char *passphrase, const unsigned char *salt, unsigned iterations, unsigned char *key)
{
	if (iterations == 0 || iterations > INT32_MAX)
		return -1;
	return PKCS5_PBKDF2_HMAC(passphrase, (int)strlen(passphrase), salt, OFFLINE_SALT_LEN, (int)iterations,
				 EVP_sha256(), OFFLINE_KEY_LEN, key) == 1
		       ? 0
		       : -1;
}

enum kf_err offline_seal(const char *passphrase, unsigned iterations, const void *plain, size_t len,
			 struct offline_sealed *s)
{
	unsigned char key[OFFLINE_KEY_LEN];
	EVP_CIPHER_CTX *ctx = NULL;
	enum kf_err err = KF_EIO;
	int n = 0, fin = 0;

	memset(s, 0, sizeof(*s));
	if (!passphrase || !*passphrase || iterations == 0 || iterations > INT32_MAX)
		return KF_EINVAL;
	if (len > OFFLINE_PLAIN_MAX)
		return KF_ETOOBIG;
	s->iterations = iterations;
	s->ctlen = len + OFFLINE_TAG_LEN;
	s->ct = malloc(s->ctlen);
	if (!s->ct) {
		err = KF_ENOMEM;
		goto out;
	}
	if (RAND_bytes(s->salt, OFFLINE_SALT_LEN) != 1 || RAND_bytes(s->iv, OFFLINE_IV_LEN) != 1 ||
	    derive(passphrase, s->salt, iterations, key) < 0 || !(ctx = EVP_CIPHER_CTX_new()))
		goto out;
	if (EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, OFFLINE_IV_LEN, NULL) != 1 ||
	    EVP_EncryptInit_ex(ctx, NULL, NULL, key, s->iv) != 1 ||
	    (len && EVP_EncryptUpdate(ctx, s->ct, &n, plain, (int)len) != 1) ||
	    EVP_EncryptFinal_ex(ctx, s->ct + n, &fin) != 1 || (size_t)n + (size_t)fin != len ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, OFFLINE_TAG_LEN, s->ct + len) != 1)
		goto out;
	err = KF_OK;
out:
	OPENSSL_cleanse(key, sizeof(key));
	EVP_CIPHER_CTX_free(ctx);
	if (err)
		offline_sealed_release(s);
	return err;
}

enum kf_err offline_open(const char *passphrase, const struct offline_sealed *s, unsigned char **plain_r,
			 size_t *len_r)
{
	unsigned char key[OFFLINE_KEY_LEN], *plain = NULL;
	EVP_CIPHER_CTX *ctx = NULL;
	enum kf_err err = KF_EIO;
	size_t len;
	int n = 0, fin = 0;

	*plain_r = NULL;
	*len_r = 0;
	if (!passphrase || !s->ct || s->ctlen < OFFLINE_TAG_LEN || s->ctlen - OFFLINE_TAG_LEN > OFFLINE_PLAIN_MAX)
		return KF_EINVAL;
	len = s->ctlen - OFFLINE_TAG_LEN;
	plain = malloc(len + 1);
	if (!plain) {
		err = KF_ENOMEM;
		goto out;
	}
	if (derive(passphrase, s->salt, s->iterations, key) < 0 || !(ctx = EVP_CIPHER_CTX_new()))
		goto out;
	if (EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, NULL, NULL) != 1 ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_IVLEN, OFFLINE_IV_LEN, NULL) != 1 ||
	    EVP_DecryptInit_ex(ctx, NULL, NULL, key, s->iv) != 1 ||
	    (len && EVP_DecryptUpdate(ctx, plain, &n, s->ct, (int)len) != 1) ||
	    EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, OFFLINE_TAG_LEN, (void *)(s->ct + len)) != 1)
		goto out;
	if (EVP_DecryptFinal_ex(ctx, plain + n, &fin) != 1) {
		err = KF_EAUTH; /* the tag does not match: wrong passphrase or changed bytes */
		goto out;
	}
	plain[len] = '\0';
	*plain_r = plain;
	*len_r = len;
	plain = NULL;
	err = KF_OK;
out:
	OPENSSL_cleanse(key, sizeof(key));
	EVP_CIPHER_CTX_free(ctx);
	if (plain) {
		OPENSSL_cleanse(plain, len + 1);
		free(plain);
	}
	return err;
}

void offline_sealed_release(struct offline_sealed *s)
{
	free(s->ct);
	memset(s, 0, sizeof(*s));
}
