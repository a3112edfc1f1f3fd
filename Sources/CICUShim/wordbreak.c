#include "wordbreak.h"
#include "utf16.h"
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

struct sift_wordbreak {
    UBreakIterator *iterator;
    /* Over the UTF-16 of well-formed text (units, room for capacity units). */
    UText *unitsText;
    UChar *units;
    int32_t capacity;
    /* Over the UTF-8 itself, for text that is not well-formed: ICU decides how to read it. */
    UText *utf8Text;
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

/* The UTF-8 byte length of a code point from its lead byte; the text is well-formed. */
static inline int32_t utf8_length(uint8_t lead) {
    return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/* The blocks that hold every code point of Line_Break Complex_Context (SA: Thai, Lao, Myanmar, Khmer, Tai Le, New Tai
   Lue, Tai Tham, Tai Viet, Ahom), the letters ICU's Thai, Lao, Burmese and Khmer engines break;
   sift_wordbreak_complex_context_outside checks this ICU's SA code points against them. */
static const UChar32 complex_context_blocks[][2] = {
    {0x0E00, 0x0EFF}, {0x1000, 0x109F}, {0x1780, 0x17FF}, {0x1950, 0x19DF}, {0x1A20, 0x1AAF},
    {0xA9E0, 0xA9FF}, {0xAA60, 0xAADF}, {0x11700, 0x1174F},
};

static int in_complex_context_block(UChar32 c) {
    for (size_t b = 0; b < sizeof complex_context_blocks / sizeof complex_context_blocks[0]; b++) {
        if (c >= complex_context_blocks[b][0] && c <= complex_context_blocks[b][1]) return 1;
    }
    return 0;
}

int32_t sift_wordbreak_complex_context_outside(void) {
    for (UChar32 c = 0; c <= 0x10FFFF; c++) {
        if (u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT && !in_complex_context_block(c)) return c;
    }
    return -1;
}

static int has_complex_context_block(const UChar *units, int32_t count) {
    for (int32_t k = 0; k < count;) {
        UChar32 c;
        U16_NEXT_UNSAFE(units, k, c);
        if (c >= 0x0E00 && in_complex_context_block(c)) return 1;
    }
    return 0;
}

/* Iterates over UTF-16 rather than through ICU's UTF-8 UText: that one maps its chunks back to UTF-8 offsets at
   every move (utext_setNativeIndex was ~560 instructions a call) and the CJK engine copied such text to UTF-16 with
   an offset map. Only for text without Complex_Context letters: the Thai, Lao, Burmese and Khmer engines weigh
   candidate words by their length in the text's own code units, so UTF-16 broke Burmese and Khmer differently. The
   rules and the CJK engine (which breaks its own UTF-16 copy) give code point positions that do not depend on it. */
static int32_t boundaries_of_units(sift_wordbreak *wb, const uint8_t *text, int32_t count, int32_t *boundaries) {
    UErrorCode status = U_ZERO_ERROR;
    wb->unitsText = utext_openUChars(wb->unitsText, wb->units, count, &status);
    ubrk_setUText(wb->iterator, wb->unitsText, &status);
    if (U_FAILURE(status)) return -1;
    int32_t found = 0, unit = 0, byte = 0;
    for (int32_t next = ubrk_next(wb->iterator); next != UBRK_DONE; next = ubrk_next(wb->iterator)) {
        /* Boundaries come in order, so the UTF-8 offset moves on with them. */
        while (unit < next) {
            int32_t length = utf8_length(text[byte]);
            byte += length;
            unit += length == 4 ? 2 : 1;
        }
        boundaries[found++] = byte;
    }
    return found;
}

static int32_t boundaries_of_utf8(sift_wordbreak *wb, const char *text, int32_t length, int32_t *boundaries) {
    UErrorCode status = U_ZERO_ERROR;
    wb->utf8Text = utext_openUTF8(wb->utf8Text, text, length, &status);
    ubrk_setUText(wb->iterator, wb->utf8Text, &status);
    if (U_FAILURE(status)) return -1;
    int32_t found = 0;
    for (int32_t next = ubrk_next(wb->iterator); next != UBRK_DONE; next = ubrk_next(wb->iterator)) {
        boundaries[found++] = next;
    }
    return found;
}

int32_t sift_wordbreak_boundaries(sift_wordbreak *wb, const char *text, int32_t length, int32_t *boundaries) {
    if (length <= 0) return 0;
    if (wb->capacity < length) {
        /* UTF-8 never takes fewer units than UTF-16. */
        UChar *grown = realloc(wb->units, sizeof(UChar) * (size_t)length);
        if (grown != NULL) {
            wb->units = grown;
            wb->capacity = length;
        }
    }
    int32_t count;
    if (wb->capacity >= length && sift_utf16_of_well_formed((const uint8_t *)text, length, wb->units, &count)) {
        /* One code point: its two ends are the only boundaries, as no break falls inside a code point (and the
           iterator is not set up for it, nor a dictionary engine loaded for its script). */
        if (count == 1 || (count == 2 && U16_IS_LEAD(wb->units[0]))) {
            boundaries[0] = length;
            return 1;
        }
        if (!has_complex_context_block(wb->units, count)) {
            return boundaries_of_units(wb, (const uint8_t *)text, count, boundaries);
        }
    }
    return boundaries_of_utf8(wb, text, length, boundaries);
}

void sift_wordbreak_close(sift_wordbreak *wb) {
    if (wb == NULL) return;
    ubrk_close(wb->iterator);
    if (wb->unitsText != NULL) utext_close(wb->unitsText);
    if (wb->utf8Text != NULL) utext_close(wb->utf8Text);
    free(wb->units);
    free(wb);
}
