#include "fold.h"
#include "utf16.h"
#include <stdlib.h>
#include <string.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* UTF-16 buffers on the stack for words whose NFKC and lower case fit this many code units; others are allocated. */
enum { STACK_UNITS = 512 };

/* Blocks of scripts without case that reviews are often written in (Arabic, the Indic scripts, Thai and Lao,
   Myanmar, kana, CJK ideographs, Hangul syllables) and the pictographs, in order: no code point in them is Cased or
   changes when lower-cased (sift_caseless_ranges_disagree checks each one against this ICU). Asked before ICU:
   u_hasBinaryProperty was ~57 instructions a code point and u_tolower ~20, for letters that have no case. */
static const UChar32 caseless_ranges[][2] = {
    {0x0600, 0x06FF}, {0x0900, 0x0EFF}, {0x1000, 0x109F}, {0x3040, 0x30FF}, {0x4E00, 0x9FFF}, {0xAC00, 0xD7A3},
    {0x1F300, 0x1FAFF},
};
enum { CASELESS_RANGES = sizeof caseless_ranges / sizeof caseless_ranges[0] };

static inline int is_caseless(UChar32 c) {
    for (int r = 0; r < CASELESS_RANGES; r++) {
        if (c < caseless_ranges[r][0]) return 0;
        if (c <= caseless_ranges[r][1]) return 1;
    }
    return 0;
}

UChar32 sift_caseless_ranges_disagree(void) {
    for (int r = 0; r < CASELESS_RANGES; r++) {
        for (UChar32 c = caseless_ranges[r][0]; c <= caseless_ranges[r][1]; c++) {
            if (u_hasBinaryProperty(c, UCHAR_CASED) || u_hasBinaryProperty(c, UCHAR_UPPERCASE)
                || u_hasBinaryProperty(c, UCHAR_LOWERCASE) || u_tolower(c) != c) {
                return c;
            }
        }
    }
    return -1;
}

/* Whether a string holding c is its own NFC form as far as c goes: c assigned in this ICU (a later Unicode may give
   it a decomposition), with NFC_Quick_Check Yes and combining class 0. */
static int nfc_stable(UChar32 c) {
    return u_charType(c) != U_UNASSIGNED && u_getIntPropertyValue(c, UCHAR_NFC_QUICK_CHECK) == UNORM_YES
        && u_getCombiningClass(c) == 0;
}

UChar32 sift_first_nfc_unstable_below(UChar32 limit) {
    for (UChar32 c = 0; c < limit; c++) {
        if (!nfc_stable(c)) return c;
    }
    return -1;
}

/* Code points below U+0300 pass without asking ICU (sift_first_nfc_unstable_below checks them): most words. */
static int passes_nfc_quick_check(const uint8_t *bytes, int32_t length) {
    for (int32_t k = 0; k < length;) {
        UChar32 c;
        U8_NEXT(bytes, k, length, c);
        if (c < 0) return 0;
        if (c >= 0x300 && !nfc_stable(c)) return 0;
    }
    return 1;
}

int32_t sift_utf8_nfc_equal(const char *a, int32_t aLength, const char *b, int32_t bLength) {
    if (aLength == bLength && (aLength == 0 || memcmp(a, b, (size_t)aLength) == 0)) return 1;
    if (passes_nfc_quick_check((const uint8_t *)a, aLength) && passes_nfc_quick_check((const uint8_t *)b, bLength)) return 0;
    return -1;
}

/* UTF-16 units as UTF-8 into out: the length written, -1 when it does not fit in capacity bytes, -2 when ICU finds the
   units ill-formed. */
/* Encoded here, ICU asked only about a lone surrogate: u_strToUTF8's own setup was most of its 230 instructions a
   word. */
static int32_t utf8_of(const UChar *units, int32_t count, char *out, int32_t capacity) {
    int32_t written = 0;
    for (int32_t k = 0; k < count; k++) {
        UChar32 c = units[k];
        if (U16_IS_SURROGATE(c)) {
            if (!U16_IS_SURROGATE_LEAD(c) || k + 1 == count || !U16_IS_TRAIL(units[k + 1])) {
                UErrorCode status = U_ZERO_ERROR;
                u_strToUTF8(out, capacity, &written, units, count, &status);
                /* Too long for out is U_BUFFER_OVERFLOW_ERROR; exactly filling it only warns that no NUL follows. */
                if (status == U_BUFFER_OVERFLOW_ERROR) return -1;
                return U_FAILURE(status) ? -2 : written;
            }
            c = U16_GET_SUPPLEMENTARY(c, units[k + 1]);
            k++;
        }
        int32_t need = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (written + need > capacity) return -1;
        if (need == 1) {
            out[written++] = (char)c;
        } else if (need == 2) {
            out[written++] = (char)(0xC0 | (c >> 6));
            out[written++] = (char)(0x80 | (c & 0x3F));
        } else if (need == 3) {
            out[written++] = (char)(0xE0 | (c >> 12));
            out[written++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[written++] = (char)(0x80 | (c & 0x3F));
        } else {
            out[written++] = (char)(0xF0 | (c >> 18));
            out[written++] = (char)(0x80 | ((c >> 12) & 0x3F));
            out[written++] = (char)(0x80 | ((c >> 6) & 0x3F));
            out[written++] = (char)(0x80 | (c & 0x3F));
        }
    }
    return written;
}

/* NFKC, lower case and clean-up of source into lower (normal is scratch), both room units; then UTF-8 into out.
   text is source's own UTF-8 when it was decoded by hand (well-formed), else NULL. Returns the bytes written, -1 when
   out is too small, -3 when room is too small, -2 on any other ICU error. */
static int32_t fold_units(const UNormalizer2 *nfkc, const UChar *source, int32_t sourceLength, UChar *normal, UChar *lower,
                          int32_t room, char *out, int32_t capacity, const char *text, int32_t textLength) {
    UErrorCode status = U_ZERO_ERROR;
    /* Most words are NFKC already: the quick check says so without copying them (normalizing was 700 instructions a
       word, most of it the call's own setup). */
    const UChar *normalized = source;
    int32_t normalLength = sourceLength;
    if (unorm2_spanQuickCheckYes(nfkc, source, sourceLength, &status) != sourceLength || U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        normalLength = unorm2_normalize(nfkc, source, sourceLength, normal, room, &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) return -3;
        if (U_FAILURE(status)) return -2;
        normalized = normal;
    }
    /* Full lower case in the root locale is each code point's simple lower case but for two: U+0130 (İ, two code
       points) and U+03A3 (Σ, final or not by its context). Text without them is lower-cased point by point. */
    int32_t lowerLength = 0;
    /* Whether every step so far left the word as it was: most words of caseless scripts come out as they went in. */
    int same = normalized == source && text != NULL;
    int full = 0;
    for (int32_t k = 0; k < normalLength; k++) {
        if (normalized[k] == 0x130 || normalized[k] == 0x3A3) { full = 1; break; }
    }
    if (full) {
        same = 0;
        lowerLength = u_strToLower(lower, room, normalized, normalLength, "", &status);
        if (status == U_BUFFER_OVERFLOW_ERROR) return -3;
        if (U_FAILURE(status)) return -2;
    } else {
        for (int32_t k = 0; k < normalLength;) {
            UChar32 c;
            U16_NEXT(normalized, k, normalLength, c);
            UChar32 lowered = c;
            if (c >= 0x80 && !is_caseless(c)) lowered = u_tolower(c);
            else if (c >= 'A' && c <= 'Z') lowered = c + ('a' - 'A');
            if (lowered != c) same = 0;
            c = lowered;
            if (lowerLength + 2 > room) return -3;
            U16_APPEND_UNSAFE(lower, lowerLength, c);
        }
    }
    /* Zero-width characters and soft hyphens go, typographic apostrophes become ', a final sigma σ: all are single
       BMP code units that no surrogate equals, so unit by unit is scalar by scalar. */
    int32_t kept = 0;
    for (int32_t k = 0; k < lowerLength; k++) {
        UChar unit = lower[k];
        switch (unit) {
        case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0xAD: same = 0; continue;
        case 0x2019: case 0x2018: case 0x02BC: unit = 0x27; same = 0; break;
        case 0x03C2: unit = 0x03C3; same = 0; break;
        default: break;
        }
        lower[kept++] = unit;
    }
    /* Unchanged: the UTF-8 the units were decoded from, copied (encoding them again was ~150 instructions a word). */
    if (same) {
        if (textLength > capacity) return -1;
        memcpy(out, text, (size_t)textLength);
        return textLength;
    }
    return utf8_of(lower, kept, out, capacity);
}

/* The UTF-16 of UTF-8 text: in stack (STACK_UNITS units) or, when longer, in *heap, which the caller frees. NULL when
   the text is not valid UTF-8 or memory runs out (nothing to free then). */
/* *byHand is set when the text was decoded by hand (well-formed UTF-8), not by ICU. */
static const UChar *utf16_of(const char *text, int32_t length, UChar *stack, UChar **heap, int32_t *units, int *byHand) {
    UErrorCode status = U_ZERO_ERROR;
    UChar *source = stack;
    int32_t room = length + 1;
    *heap = NULL;
    if (room > STACK_UNITS) {
        *heap = malloc(sizeof(UChar) * (size_t)room);
        if (*heap == NULL) return NULL;
        source = *heap;
    }
    *units = 0;
    *byHand = sift_utf16_of_well_formed((const uint8_t *)text, length, source, units);
    if (*byHand) return source;
    u_strFromUTF8(source, room, units, text, length, &status);
    if (U_FAILURE(status)) {
        free(*heap);
        *heap = NULL;
        return NULL;
    }
    return source;
}

int32_t sift_fold_word_utf8(const char *text, int32_t length, char *out, int32_t capacity, int32_t facts[3]) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) return -2;
    UChar stack[3][STACK_UNITS];
    UChar *heap;
    int32_t sourceLength;
    int byHand;
    const UChar *source = utf16_of(text, length, stack[0], &heap, &sourceLength, &byHand);
    if (source == NULL) return -2;
    const char *sourceText = byHand ? text : NULL;
    /* Cased letters and the longest run of one code point, counted on the text as written. */
    int32_t upper = 0, lowerCount = 0, run = 1, longestRun = 1;
    UChar32 previous = 0;
    for (int32_t k = 0; k < sourceLength;) {
        UChar32 c;
        U16_NEXT(source, k, sourceLength, c);
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z') upper++;
            else if (c >= 'a' && c <= 'z') lowerCount++;
        } else if (!is_caseless(c) && u_hasBinaryProperty(c, UCHAR_CASED)) {
            /* Uppercase and Lowercase letters are Cased (every one in ICU 72): letters of scripts without case, most
               letters outside ASCII in reviews, take one lookup instead of two. */
            if (u_hasBinaryProperty(c, UCHAR_UPPERCASE)) upper++;
            else if (u_hasBinaryProperty(c, UCHAR_LOWERCASE)) lowerCount++;
        }
        run = c == previous ? run + 1 : 1;
        if (run > longestRun) longestRun = run;
        previous = c;
    }
    facts[0] = upper;
    facts[1] = lowerCount;
    facts[2] = longestRun;
    int32_t written = fold_units(nfkc, source, sourceLength, stack[1], stack[2], STACK_UNITS, out, capacity, sourceText, length);
    if (written == -3) {
        /* NFKC can expand a code unit many times over (U+FDFA is 18 units); lower-casing at most three times. */
        int32_t room = sourceLength * 18 * 3 + 16;
        UChar *wide = malloc(sizeof(UChar) * (size_t)room * 2);
        if (wide == NULL) {
            written = -2;
        } else {
            written = fold_units(nfkc, source, sourceLength, wide, wide + room, room, out, capacity, sourceText, length);
            free(wide);
        }
    }
    free(heap);
    return written == -3 ? -2 : written;
}


int32_t sift_nfkc_utf8(const char *text, int32_t length, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) return -2;
    UChar stack[2][STACK_UNITS];
    UChar *heap;
    int32_t sourceLength;
    int byHand;
    const UChar *source = utf16_of(text, length, stack[0], &heap, &sourceLength, &byHand);
    if (source == NULL) return -2;
    int32_t written = -2;
    /* A code point this ICU does not know may have a decomposition in a later Unicode: the caller decides. */
    for (int32_t k = 0; k < sourceLength;) {
        UChar32 c;
        U16_NEXT(source, k, sourceLength, c);
        if (u_charType(c) == U_UNASSIGNED) goto done;
    }
    const UChar *normalized = source;
    int32_t normalLength = sourceLength;
    UChar *wide = NULL;
    if (unorm2_spanQuickCheckYes(nfkc, source, sourceLength, &status) != sourceLength || U_FAILURE(status)) {
        status = U_ZERO_ERROR;
        normalLength = unorm2_normalize(nfkc, source, sourceLength, stack[1], STACK_UNITS, &status);
        normalized = stack[1];
        if (status == U_BUFFER_OVERFLOW_ERROR) {
            /* NFKC can expand a code unit many times over (U+FDFA is 18 units). */
            int32_t room = sourceLength * 18 + 16;
            wide = malloc(sizeof(UChar) * (size_t)room);
            if (wide == NULL) goto done;
            status = U_ZERO_ERROR;
            normalLength = unorm2_normalize(nfkc, source, sourceLength, wide, room, &status);
            normalized = wide;
        }
        if (U_FAILURE(status)) {
            free(wide);
            goto done;
        }
    }
    written = utf8_of(normalized, normalLength, out, capacity);
    free(wide);
done:
    free(heap);
    return written;
}
