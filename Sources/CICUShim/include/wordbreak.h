#ifndef SIFT_WORDBREAK_H
#define SIFT_WORDBREAK_H
#include <stdint.h>
#include <stddef.h>

/* An ICU word-break iterator over UTF-8 text; boundaries are UTF-8 byte offsets. Not thread-safe:
   one per thread. Only opaque types and plain C cross into Swift (see PLATFORM.md). */
typedef struct sift_wordbreak sift_wordbreak;

/* Opens an iterator for a locale such as "th", "ja", "zh" or "" (root); NULL on failure. */
sift_wordbreak *sift_wordbreak_open(const char *locale);
/* Writes the word boundaries of text after its start, in order, as byte offsets into boundaries, which has room for
   length of them (a boundary ends a code point, so there are no more); returns how many, -1 on failure. The last is
   length. */
int32_t sift_wordbreak_boundaries(sift_wordbreak *wb, const char *text, int32_t length, int32_t *boundaries);
/* The first code point of Line_Break Complex_Context in this ICU outside the blocks sift_wordbreak_boundaries sends
   through UTF-8 for it, or -1 (none; a test expects none). */
int32_t sift_wordbreak_complex_context_outside(void);
void sift_wordbreak_close(sift_wordbreak *wb);
#endif
