#include "wordbreak.h"
#include <stdlib.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

struct sift_wordbreak {
    UBreakIterator *iterator;
    UText *text;
};

sift_wordbreak *sift_wordbreak_open(const char *locale) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, locale, NULL, 0, &status);
    if (U_FAILURE(status) || iterator == NULL) return NULL;
    sift_wordbreak *wb = calloc(1, sizeof(sift_wordbreak));
    if (wb == NULL) { ubrk_close(iterator); return NULL; }
    wb->iterator = iterator;
    return wb;
}

int sift_wordbreak_set_utf8(sift_wordbreak *wb, const char *text, int32_t length) {
    UErrorCode status = U_ZERO_ERROR;
    wb->text = utext_openUTF8(wb->text, text, length, &status);
    if (U_FAILURE(status)) return -1;
    ubrk_setUText(wb->iterator, wb->text, &status);
    return U_FAILURE(status) ? -1 : 0;
}

int32_t sift_wordbreak_next(sift_wordbreak *wb) {
    int32_t next = ubrk_next(wb->iterator);
    return next == UBRK_DONE ? -1 : next;
}

int32_t sift_wordbreak_rule_status(sift_wordbreak *wb) {
    return ubrk_getRuleStatus(wb->iterator);
}

void sift_wordbreak_close(sift_wordbreak *wb) {
    if (wb == NULL) return;
    ubrk_close(wb->iterator);
    if (wb->text != NULL) utext_close(wb->text);
    free(wb);
}
