/* webhook.c: the drill's webhook calls: JSON POSTs with libcurl (a handle per call), retried like mails. */
#include <curl/curl.h>
#include <stdio.h>
#include <string.h>

#include "webhook.h"
#include "../core/mail.h"
#include "../lib/arena.h"
#include "../lib/log.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "../lib/banned.h"

#define WEBHOOK_BATCH 20

/* the answer is not read: only its status counts */
static size_t discard_cb(char *buf, size_t size, size_t nitems, void *userdata)
{
	(void)buf;
	(void)userdata;
	return size * nitems;
}

int webhook_post(const char *url, const char *json, char *err, size_t errlen)
{
	char curl_err[CURL_ERROR_SIZE] = "";
	struct curl_slist *headers = NULL;
	long status = 0;
	CURLcode rc;
	CURL *h;

	snprintf(err, errlen, "%s", "");
	h = curl_easy_init();
	if (h)
		headers = curl_slist_append(NULL, "Content-Type: application/json");
	if (!h || !headers) {
		snprintf(err, errlen, "out of memory");
		curl_easy_cleanup(h);
		return -1;
	}
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, curl_err);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, json);
	curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, (long)strlen(json));
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, discard_cb);
	rc = curl_easy_perform(h);
	if (rc == CURLE_OK)
		curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
	if (rc != CURLE_OK)
		snprintf(err, errlen, "%s", curl_err[0] ? curl_err : curl_easy_strerror(rc));
	else if (status < 200 || status > 299)
		snprintf(err, errlen, "HTTP status %ld", status);
	curl_slist_free_all(headers);
	curl_easy_cleanup(h);
	return rc == CURLE_OK && status >= 200 && status <= 299 ? 0 : -1;
}

int webhook_send_due(struct store *s)
{
	struct store_conn *c = store_conn_get(s);
	struct arena *a = arena_new();
	struct webhook_call *list;
	size_t n = 0;
	int made = 0;
	char err[256];

	if (c && a && store_webhook_due(c, a, kf_now(), WEBHOOK_BATCH, &list, &n) == KF_OK) {
		for (size_t i = 0; i < n; i++) {
			int64_t now, retry;

			if (webhook_post(list[i].url, list[i].payload, err, sizeof(err)) == 0) {
				if (store_webhook_sent(c, list[i].id, kf_now()) == KF_OK)
					made++;
				kf_log(KF_LOG_INFO, "webhook %lld sent", (long long)list[i].id);
				continue;
			}
			now = kf_now();
			retry = mail_retry_at(list[i].attempts + 1, now);
			store_webhook_failed(c, list[i].id, retry, err, now);
			if (retry)
				kf_log(KF_LOG_INFO, "webhook %lld failed (attempt %d): %s", (long long)list[i].id,
				       list[i].attempts + 1, err);
			else
				kf_log(KF_LOG_ERROR, "webhook %lld given up after %d attempts: %s", (long long)list[i].id,
				       list[i].attempts + 1, err);
		}
	}
	arena_free(a);
	store_conn_put(c);
	return made;
}
