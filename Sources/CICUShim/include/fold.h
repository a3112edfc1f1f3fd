#ifndef SIFT_FOLD_H
#define SIFT_FOLD_H
#include <stdint.h>

/* NFKC, then full lower-casing (root locale), of UTF-8 text, written as UTF-8 to out. Returns the length written,
   or -1 when the text is not valid UTF-8 or the result does not fit in capacity bytes (the caller then grows out). */
int32_t sift_nfkc_lower_utf8(const char *text, int32_t length, char *out, int32_t capacity);

/* Whether a code point has the Unicode Uppercase / Lowercase property. */
int sift_is_uppercase(int32_t c);
int sift_is_lowercase(int32_t c);
#endif
