/* export_vcard.c: every contact as vCard 4.0 (RFC 6350): escaped text values, lines folded at 75 octets, CRLF. */
#include <stdio.h>
#include <string.h>

#include "export.h"
#include "../lib/banned.h"

#define VCARD_FOLD 75

/* Appends line (without CRLF) folded: at most 75 octets per line, never inside a UTF-8 sequence. */
static void fold(struct strbuf *out, const char *line, size_t len)
{
	size_t room = VCARD_FOLD;

	while (len > room) {
		size_t cut = room;

		while (cut > 0 && ((unsigned char)line[cut] & 0xC0) == 0x80)
			cut--; /* a continuation byte: break before its sequence */
		sb_add(out, line, cut);
		sb_adds(out, "\r\n ");
		line += cut;
		len -= cut;
		room = VCARD_FOLD - 1; /* the leading space counts */
	}
	sb_add(out, line, len);
	sb_adds(out, "\r\n");
}

/* Escapes one text value (RFC 6350 3.4): backslash, comma, semicolon, newline; CR is dropped. */
static void escape(struct strbuf *sb, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '\\': sb_adds(sb, "\\\\"); break;
		case ',': sb_adds(sb, "\\,"); break;
		case ';': sb_adds(sb, "\\;"); break;
		case '\n': sb_adds(sb, "\\n"); break;
		case '\r': break;
		default: sb_addc(sb, *s);
		}
	}
}

void vcard_line_parts(struct strbuf *out, const char *name, const char *const *parts, size_t nparts)
{
	struct strbuf line;

	sb_init(&line, out->max);
	sb_adds(&line, name);
	sb_addc(&line, ':');
	for (size_t i = 0; i < nparts; i++) {
		if (i)
			sb_addc(&line, ';');
		escape(&line, parts[i]);
	}
	if (line.failed)
		out->failed = 1;
	else
		fold(out, line.buf, line.len);
	sb_release(&line);
}

void vcard_line(struct strbuf *out, const char *name, const char *value)
{
	vcard_line_parts(out, name, &value, 1);
}

static const char *tel_type(enum phone_kind k)
{
	switch (k) {
	case PHONE_MOBILE: return "TEL;TYPE=cell";
	case PHONE_OFFICE: return "TEL;TYPE=work,voice";
	case PHONE_PRIVATE: return "TEL;TYPE=home,voice";
	default: return "TEL;TYPE=voice";
	}
}

static void one_contact(struct strbuf *out, const struct plan_doc *doc, const struct contact *c)
{
	const char *sp = strrchr(c->name, ' ');
	char uid[96];
	struct strbuf given;

	sb_adds(out, "BEGIN:VCARD\r\nVERSION:4.0\r\n");
	vcard_line(out, "FN", c->name);
	/* N: family;given;additional;prefixes;suffixes -- the last word is taken as the family name */
	sb_init(&given, 1024);
	if (sp)
		sb_add(&given, c->name, (size_t)(sp - c->name));
	{
		const char *parts[5] = { sp ? sp + 1 : c->name, given.buf, "", "", "" };

		vcard_line_parts(out, "N", parts, 5);
	}
	sb_release(&given);
	if (*c->company)
		vcard_line(out, "ORG", c->company);
	if (*c->function)
		vcard_line(out, "TITLE", c->function);
	for (int i = 0; i < c->nphones; i++)
		vcard_line(out, tel_type(c->phones[i].kind), c->phones[i].number);
	if (*c->email)
		vcard_line(out, "EMAIL", c->email);
	if (*c->notes)
		vcard_line(out, "NOTE", c->notes);
	vcard_line(out, "CATEGORIES", c->external ? "Notfallplan extern" : "Notfallplan intern");
	snprintf(uid, sizeof(uid), "urn:krisenfest:org:%lld:contact:%lld", (long long)doc->org_id, (long long)c->id);
	sb_adds(out, "UID:");
	sb_adds(out, uid);
	sb_adds(out, "\r\nEND:VCARD\r\n");
}

enum kf_err export_vcard_render(const struct plan_doc *doc, enum kf_lang lang, struct strbuf *out)
{
	(void)lang;
	for (size_t i = 0; i < doc->d.ncontacts; i++)
		one_contact(out, doc, &doc->d.contacts[i]);
	return out->failed ? KF_ENOMEM : KF_OK;
}
