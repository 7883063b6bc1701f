/* passphrase.c: the rules for the passphrase that seals an offline copy. */
#include <string.h>

#include "passphrase.h"
#include "validate.h"
#include "../lib/i18n.h"
#include "../lib/banned.h"

int validate_passphrase(struct field_errors *fe, const char *field, const char *s)
{
	long n = utf8_length(s ? s : "");

	if (n < 0) {
		fe_add(fe, field, N_("contains characters that are not valid text (UTF-8)"));
		return -1;
	}
	if (n < PASSPHRASE_MIN) {
		fe_add(fe, field, N_("must have at least 12 characters"));
		return -1;
	}
	if (n > PASSPHRASE_MAX) {
		fe_add(fe, field, N_("must have at most 1,024 characters"));
		return -1;
	}
	return 0;
}

int validate_passphrase_pair(struct field_errors *fe, const char *field, const char *pass, const char *repeat)
{
	if (validate_passphrase(fe, field, pass) < 0)
		return -1;
	if (!repeat || strcmp(pass, repeat) != 0) {
		fe_add(fe, field, N_("the two entries are not the same"));
		return -1;
	}
	return 0;
}
