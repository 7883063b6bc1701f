/* smtp.c: one SMTP delivery with a libcurl easy handle of its own (one handle per thread, never shared). */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#include "smtp.h"
#include "../lib/banned.h"

int smtp_global_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void smtp_global_release(void)
{
	curl_global_cleanup();
}

struct upload {
	const char *p;
	size_t left;
};

static size_t read_cb(char *buf, size_t size, size_t nitems, void *userdata)
{
	struct upload *u = userdata;
	size_t n = size * nitems;

	if (n > u->left)
		n = u->left;
	memcpy(buf, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

int smtp_send(const struct smtp_config *cfg, const char *recipient, const char *msg, size_t len, char *err,
	      size_t errlen)
{
	char curl_err[CURL_ERROR_SIZE] = "", from[300], rcpt[300];
	struct upload up = { msg, len };
	struct curl_slist *rcpts = NULL;
	CURL *h;
	CURLcode rc;
	int tls_required;

	snprintf(err, errlen, "%s", "");
	h = curl_easy_init();
	snprintf(from, sizeof(from), "<%s>", cfg->from);
	snprintf(rcpt, sizeof(rcpt), "<%s>", recipient);
	if (h)
		rcpts = curl_slist_append(NULL, rcpt);
	if (!h || !rcpts) {
		snprintf(err, errlen, "out of memory");
		curl_easy_cleanup(h);
		return -1;
	}
	/* a password never goes over a plain connection: smtp:// with a login needs STARTTLS */
	tls_required = cfg->user && *cfg->user;
	curl_easy_setopt(h, CURLOPT_URL, cfg->url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, curl_err);
	curl_easy_setopt(h, CURLOPT_USE_SSL, tls_required ? (long)CURLUSESSL_ALL : (long)CURLUSESSL_TRY);
	if (tls_required) {
		curl_easy_setopt(h, CURLOPT_USERNAME, cfg->user);
		curl_easy_setopt(h, CURLOPT_PASSWORD, cfg->password ? cfg->password : "");
	}
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpts);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(h, CURLOPT_READDATA, &up);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	rc = curl_easy_perform(h);
	if (rc != CURLE_OK)
		snprintf(err, errlen, "%s", curl_err[0] ? curl_err : curl_easy_strerror(rc));
	curl_slist_free_all(rcpts);
	curl_easy_cleanup(h);
	return rc == CURLE_OK ? 0 : -1;
}
