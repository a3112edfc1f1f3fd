#ifndef SIFT_FOLD_H
#define SIFT_FOLD_H
#include <stdint.h>

/* Folds one word of UTF-8 text for lookup: NFKC, full lower-casing (root locale), zero-width characters and soft
   hyphens removed, typographic apostrophes as ', a final sigma as σ; written as UTF-8 to out. facts gets the text's
   upper-case letters, its lower-case letters (Unicode Uppercase / Lowercase properties) and its longest run of one
   repeated code point. Returns the length written, -1 when the result does not fit in capacity bytes (the caller
   then grows out), or -2 when the text is not valid UTF-8 (facts are then unset). */
int32_t sift_fold_word_utf8(const char *text, int32_t length, char *out, int32_t capacity, int32_t facts[3]);

/* NFKC of UTF-8 text, written as UTF-8 to out. Returns the length written, -1 when the result does not fit in
   capacity bytes, or -2 when the text is not valid UTF-8 or holds a code point this ICU does not know (a later Unicode
   may give it a decomposition: the caller then normalizes another way). */
int32_t sift_nfkc_utf8(const char *text, int32_t length, char *out, int32_t capacity);

/* The first code point of the blocks the folding takes to have no case that this ICU says is Cased, Uppercase or
   Lowercase or lower-cases to another, -1 for none (for tests). */
int32_t sift_caseless_ranges_disagree(void);

/* The first code point below limit that is unassigned in this ICU, or whose NFC_Quick_Check is not Yes or canonical
   combining class not 0 (such a code point can make a string of them other than its own NFC form), -1 for none (for
   tests). */
int32_t sift_first_nfc_unstable_below(int32_t limit);

/* Whether two valid UTF-8 texts are canonically equivalent where their bytes decide it: 1 when the bytes are the same,
   0 when they differ and every code point of both is assigned in this ICU, with NFC_Quick_Check Yes and combining
   class 0 (by UAX #15's quick check each text is then its own NFC form), -1 otherwise. */
int32_t sift_utf8_nfc_equal(const char *a, int32_t aLength, const char *b, int32_t bLength);
#endif
