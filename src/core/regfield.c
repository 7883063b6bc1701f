/* regfield.c: date and id fields of the step 4 registers, read from JSON and forms. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../lib/i18n.h"
#include "jsonin.h"
#include "regfield.h"
#include "validate.h"
#include "../lib/banned.h"

#define MSG_DATE N_("is not a date (YYYY-MM-DD)")

void regfield_date_json(const json_t *v, struct arena *a, const char *field, int nullable, char *buf,
			struct field_errors *fe)
{
	const char *s = NULL;

	if (json_is_null(v) && nullable) {
		buf[0] = '\0';
		return;
	}
	if (!json_is_string(v)) {
		fe_add(fe, field, MSG_DATE);
		return;
	}
	if (jsonin_string(v, a, field, &s, fe) < 0)
		return;
	if (strlen(s) >= REGFIELD_DATE_LEN)
		fe_add(fe, field, MSG_DATE);
	else
		snprintf(buf, REGFIELD_DATE_LEN, "%s", s);
}

void regfield_date_form(const char *v, const char *field, char *buf, struct field_errors *fe)
{
	buf[0] = '\0';
	if (v && strlen(v) >= REGFIELD_DATE_LEN)
		fe_add(fe, field, MSG_DATE);
	else
		snprintf(buf, REGFIELD_DATE_LEN, "%s", v ? v : "");
}

void regfield_id_form(const char *v, const char *field, const char *msg, int64_t *id_r, struct field_errors *fe)
{
	long long id;

	*id_r = 0;
	if (!v || !*v)
		return;
	if (parse_id(v, &id) < 0)
		fe_add(fe, field, msg);
	else
		*id_r = id;
}
