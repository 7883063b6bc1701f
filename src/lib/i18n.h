/* i18n.h: per-request message lookup in gettext catalogues embedded in the binary. */
#ifndef KF_I18N_H
#define KF_I18N_H

/*
 * Message ids are English; German is the default language and comes from
 * po/de.po (compiled with msgfmt and embedded). Lookups need no setlocale, so
 * each request can have its own language.
 */
enum kf_lang { KF_LANG_DE = 0, KF_LANG_EN = 1, KF_LANG__MAX };

/* Loads the embedded catalogues; call once at start. 0 or -1. */
int i18n_init(void);
void i18n_release(void);
/* The translation of msgid in lang, or msgid itself. */
const char *i18n_tr(enum kf_lang lang, const char *msgid) __attribute__((format_arg(2)));
/* Picks a language from an Accept-Language header (NULL allowed); German by default. */
enum kf_lang i18n_from_accept_language(const char *header);
const char *i18n_code(enum kf_lang lang);

/* Marks a string for translation and translates it now. */
#define _(lang, s) i18n_tr((lang), (s))
/* Marks a string for translation; it is translated later where it is shown. */
#define N_(s) s

#endif
