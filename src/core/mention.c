/* mention.c: finding @mentions in a comment's text and matching them to members. */
#include <string.h>
#include <strings.h>

#include "../lib/arena.h"
#include "mention.h"
#include "../lib/banned.h"

static int is_token_byte(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' ||
	       ch == '_' || ch == '-' || ch >= 0x80;
}

static int seen(const char **tokens, int n, const char *t)
{
	for (int i = 0; i < n; i++)
		if (strcasecmp(tokens[i], t) == 0)
			return 1;
	return 0;
}

int mention_parse(const char *text, struct arena *a, const char ***tokens_r)
{
	const char **tokens = arena_alloc(a, sizeof(*tokens) * MENTION_MAX);
	size_t i, len;
	int n = 0;

	*tokens_r = tokens;
	if (!tokens)
		return -1;
	if (!text)
		return 0;
	len = strlen(text);
	for (i = 0; i < len && n < MENTION_MAX; i++) {
		size_t start, end;
		const char *t;

		if (text[i] != '@' || (i > 0 && (is_token_byte((unsigned char)text[i - 1]) || text[i - 1] == '@')))
			continue;
		if (text[i + 1] == '"') {
			start = i + 2;
			for (end = start; end < len && text[end] != '"' && text[end] != '\n' && text[end] != '\r'; end++)
				;
			if (end >= len || text[end] != '"') {
				i = end > i ? end - 1 : i;
				continue;
			}
			i = end;
		} else {
			start = i + 1;
			for (end = start; end < len && is_token_byte((unsigned char)text[end]); end++)
				;
			i = end > start ? end - 1 : i;
			while (end > start && (text[end - 1] == '.' || text[end - 1] == '-'))
				end--;
		}
		if (end == start || end - start > MENTION_TOKEN_MAX)
			continue;
		t = arena_strndup(a, text + start, end - start);
		if (!t)
			return -1;
		if (!seen(tokens, n, t))
			tokens[n++] = t;
	}
	return n;
}

static char lower(char ch)
{
	return ch >= 'A' && ch <= 'Z' ? (char)(ch - 'A' + 'a') : ch;
}

/* name with each run of spaces replaced by sep (0: removed), compared to token ignoring ASCII case. */
static int name_equals(const char *token, const char *name, char sep)
{
	const char *p = name, *t = token;

	while (*p == ' ')
		p++;
	while (*p) {
		if (*p == ' ') {
			while (*p == ' ')
				p++;
			if (!*p)
				break;
			if (sep) {
				if (*t != sep)
					return 0;
				t++;
			}
			continue;
		}
		if (!*t || lower(*p) != lower(*t))
			return 0;
		p++;
		t++;
	}
	return *t == '\0' && p != name;
}

int mention_matches(const char *token, const char *name, const char *email)
{
	const char *at;

	if (!token || !*token)
		return 0;
	if (email && (at = strchr(email, '@')) && at > email && (size_t)(at - email) == strlen(token) &&
	    strncasecmp(email, token, (size_t)(at - email)) == 0)
		return 1;
	if (!name || !*name)
		return 0;
	return name_equals(token, name, ' ') || name_equals(token, name, 0) || name_equals(token, name, '.') ||
	       name_equals(token, name, '_');
}
