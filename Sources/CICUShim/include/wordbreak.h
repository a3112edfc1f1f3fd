#ifndef SIFT_WORDBREAK_H
#define SIFT_WORDBREAK_H
#include <stdint.h>
#include <stddef.h>

/* An ICU word-break iterator over UTF-8 text; boundaries are UTF-8 byte offsets. Not thread-safe:
   one per thread. Only opaque types and plain C cross into Swift (see PLATFORM.md). */
typedef struct sift_wordbreak sift_wordbreak;

/* Opens an iterator for a locale such as "th", "ja", "zh" or "" (root); NULL on failure. */
sift_wordbreak *sift_wordbreak_open(const char *locale);
/* Points the iterator at text (not copied: it must outlive the iteration). Returns 0 on success. */
int sift_wordbreak_set_utf8(sift_wordbreak *wb, const char *text, int32_t length);
/* The next boundary as a byte offset, or -1 at the end. */
int32_t sift_wordbreak_next(sift_wordbreak *wb);
/* The rule status of the segment that ends at the last boundary returned (0 = none, e.g. spaces, punctuation). */
int32_t sift_wordbreak_rule_status(sift_wordbreak *wb);
void sift_wordbreak_close(sift_wordbreak *wb);
#endif
