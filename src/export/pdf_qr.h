/* pdf_qr.h: a QR code (libqrencode) drawn as cairo rectangles, with its quiet zone. */
#ifndef KF_PDF_QR_H
#define KF_PDF_QR_H

#include <cairo.h>

/* The quiet zone around the code, in modules (the standard asks for 4). */
#define PDF_QR_QUIET 4

/*
 * Draws the QR code of text (8-bit, error correction M) as a square of size
 * points, quiet zone included, with its top left corner at x, y: a white
 * square, then the dark modules in black. 0, or -1 when the text cannot be
 * encoded (too long, out of memory); then nothing is drawn.
 */
int pdf_qr_draw(cairo_t *cr, const char *text, double x, double y, double size);

#endif
