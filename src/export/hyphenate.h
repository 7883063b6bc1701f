/* hyphenate.h: German hyphenation for the PDF layouts: soft hyphens (U+00AD) at the hyphenation points of long words. */
#ifndef KF_HYPHENATE_H
#define KF_HYPHENATE_H

/*
 * A copy of text (UTF-8) with a soft hyphen at every hyphenation point of
 * each word of five letters or more, by the German patterns of Debian's
 * hyphen-de (Liang's algorithm, as TeX hyphenates): pango breaks a word only there and prints the
 * hyphen ("Strom-versorgung", never "Stromversorgu-ng"). Words with letters
 * outside Latin-1, and everything when the patterns are not installed, stay
 * as they are. A new string (free()), or NULL when nothing changed or
 * memory ran out.
 */
char *hyphenate_soft(const char *text);

/* Frees the patterns at the end of the process (for the leak check). */
void hyphenate_release(void);

#endif
