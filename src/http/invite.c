/* invite.c: checking and accepting invitation links; the token is looked up by its hash only. */
#include <stdio.h>
#include <string.h>

#include "../lib/timeutil.h" /* kf_date_german */
#include "../core/notify.h"
#include "../lib/arena.h"
#include "../lib/i18n.h"
#include "../lib/strbuf.h"
#include "../lib/secret.h"
#include "../lib/timeutil.h"
#include "../store/store.h"
#include "auth.h"
#include "invite.h"
#include "request.h"
#include "throttle.h"
#include "../lib/banned.h"

/* The throttle's name for one link: unknown links are counted against the client's address. */
static void throttle_key(const char *hash, char *out, size_t n)
{
	snprintf(out, n, "invitation:%.16s", hash);
}

enum invite_result invite_lookup(struct req *r, const char *token, struct invitation *inv, int *has_account_r,
				 int64_t *retry_r)
{
	char hash[KF_TOKEN_HASH_LEN], key[64];
	struct user u;
	enum kf_err err;

	*has_account_r = 0;
	*retry_r = 0;
	if (!token || strlen(token) > 100)
		token = "";
	kf_token_hash(token, hash);
	throttle_key(hash, key, sizeof(key));
	*retry_r = throttle_check(r->app->throttle, key, r->client_ip);
	if (*retry_r > 0)
		return INVITE_THROTTLED;
	err = *token ? store_invitation_by_token(r->db, r->arena, hash, inv) : KF_ENOTFOUND;
	if (err == KF_ENOTFOUND) {
		throttle_failed(r->app->throttle, key, r->client_ip);
		return INVITE_UNKNOWN;
	}
	if (err)
		return INVITE_ERROR;
	switch (invitation_status(inv, kf_now())) {
	case INVITATION_PENDING:
		break;
	case INVITATION_USED:
		return INVITE_USED;
	case INVITATION_REVOKED:
		return INVITE_REVOKED;
	default:
		return INVITE_EXPIRED;
	}
	err = store_user_by_email(r->db, r->arena, inv->email, &u, NULL);
	if (err && err != KF_ENOTFOUND)
		return INVITE_ERROR;
	*has_account_r = err == KF_OK;
	return INVITE_OK;
}

enum invite_result invite_accept(struct req *r, const struct invitation *inv, const char *name, const char *password,
				 int *already_r, int64_t *retry_r)
{
	char pw_hash[KF_PASSWORD_HASH_LEN];
	int64_t user_id = 0, new_id = 0;
	struct user u;
	enum kf_err err;

	*retry_r = 0;
	err = store_user_by_email(r->db, r->arena, inv->email, &u, NULL);
	if (err && err != KF_ENOTFOUND)
		return INVITE_ERROR;
	if (err == KF_OK) {
		if (r->authed && r->user.id == u.id) {
			user_id = u.id;
		} else {
			switch (auth_check_login(r, inv->email, password ? password : "", &user_id, retry_r)) {
			case LOGIN_OK:
				break;
			case LOGIN_THROTTLED:
				return INVITE_THROTTLED;
			case LOGIN_WRONG:
				return INVITE_WRONG_PASSWORD;
			default:
				return INVITE_ERROR;
			}
		}
		pw_hash[0] = '\0';
	} else if (kf_password_hash(password ? password : "", pw_hash) < 0) {
		return INVITE_ERROR;
	}
	err = store_invitation_accept(r->db, r->arena, inv, user_id, name ? name : "", pw_hash, &new_id, already_r);
	if (err == KF_ECONFLICT)
		return INVITE_USED; /* used, revoked or expired meanwhile: the link no longer works */
	if (err)
		return INVITE_ERROR;
	if (!(r->authed && r->user.id == new_id)) {
		if (r->authed)
			auth_session_end(r); /* signed in as somebody else: the invited account takes over */
		if (auth_session_start(r, new_id) < 0)
			return INVITE_ERROR;
	}
	if (store_user_by_id(r->db, r->arena, new_id, &r->user) != KF_OK)
		return INVITE_ERROR;
	r->authed = 1;
	return INVITE_OK;
}

/* A translated sentence with value in place of its "%s", in the arena (invitees get German: no account, no language yet). */
static const char *mail_sentence(struct req *r, const char *msgid, const char *value)
{
	struct strbuf sb;
	const char *s;

	sb_init(&sb, 4096);
	notify_render(&sb, KF_LANG_DE, msgid, value);
	s = sb.buf ? arena_strdup(r->arena, sb.buf) : NULL;
	sb_release(&sb);
	return s;
}

/*
 * The invitation email, queued with the invitation in one transaction; the
 * sender puts the instance's --base-url before the link. 0, or -1 when out
 * of memory.
 */
static int invite_mail(struct req *r, const char *token, int days, struct outbox_mail *mail)
{
	char iso[11], until[11];
	const char *first, *second;

	kf_date_iso(kf_now() + (int64_t)days * 24 * 3600, iso);
	kf_date_german(iso, until);
	memset(mail, 0, sizeof(*mail));
	mail->subject = mail_sentence(r, N_("Invitation to the emergency plan of %s"), r->org.name);
	first = mail_sentence(r, N_("%s invites you to work on the IT emergency plan together in krisenfest."),
			      r->user.name && *r->user.name ? r->user.name : r->user.email);
	second = mail_sentence(r, N_("The link works once and until %s. Open it to set your password:"), until);
	mail->link = arena_printf(r->arena, "/invite/%s", token);
	if (!mail->subject || !first || !second || !mail->link)
		return -1;
	mail->body = arena_printf(r->arena, "%s\n\n%s", first, second);
	return mail->body ? 0 : -1;
}

enum kf_err invite_create(struct req *r, struct invitation *inv, int days, const char **link_r)
{
	struct outbox_mail mail;
	char token[KF_TOKEN_LEN], hash[KF_TOKEN_HASH_LEN];
	enum kf_err err;

	kf_random_token(token);
	kf_token_hash(token, hash);
	if (invite_mail(r, token, days, &mail) < 0)
		return KF_ENOMEM;
	err = store_invitation_create(r->db, r->arena, r->org.id, r->user.id, inv, hash, days, &mail);
	if (err)
		return err;
	*link_r = invite_link(r, token);
	if (!*link_r)
		return KF_ENOMEM;
	return KF_OK;
}

/* 1 when host is a plain host[:port] (nothing that could break out of a URL). */
static int host_ok(const char *host)
{
	if (!host || !*host || strlen(host) > 200)
		return 0;
	for (const char *s = host; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '.' ||
		      *s == '-' || *s == ':' || *s == '[' || *s == ']'))
			return 0;
	return 1;
}

const char *invite_link(struct req *r, const char *token)
{
	const char *host = req_header(r, "Host"), *proto = req_header(r, "X-Forwarded-Proto");
	int secure = r->app->tls_proxy || (proto && strcmp(proto, "https") == 0);

	if (!host_ok(host))
		return arena_printf(r->arena, "%s/invite/%s", r->app->base_url, token);
	return arena_printf(r->arena, "%s://%s/invite/%s", secure ? "https" : "http", host, token);
}
