#ifndef SIFT_UTF16_H
#define SIFT_UTF16_H
/* Shared by the shim's C files; not in include/, so not seen by Swift. */
#include <stdint.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/* Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF) decoded into units, which have room
   for length units; 0 at the first byte that is not, leaving the text to ICU. */
/* By hand: u_strFromUTF8 was 290 instructions a word, most of it its own setup. */
static inline int sift_utf16_of_well_formed(const uint8_t *text, int32_t length, UChar *units, int32_t *count) {
    int32_t n = 0;
    for (int32_t i = 0; i < length;) {
        uint8_t lead = text[i];
        UChar32 c;
        if (lead < 0x80) {
            units[n++] = lead;
            i++;
            continue;
        } else if (lead >= 0xC2 && lead <= 0xDF) {
            if (length - i < 2 || (text[i + 1] & 0xC0) != 0x80) return 0;
            c = (lead & 0x1F) << 6 | (text[i + 1] & 0x3F);
            i += 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            if (length - i < 3 || (text[i + 1] & 0xC0) != 0x80 || (text[i + 2] & 0xC0) != 0x80) return 0;
            c = (lead & 0x0F) << 12 | (text[i + 1] & 0x3F) << 6 | (text[i + 2] & 0x3F);
            if (c < 0x800 || U_IS_SURROGATE(c)) return 0;
            i += 3;
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            if (length - i < 4 || (text[i + 1] & 0xC0) != 0x80 || (text[i + 2] & 0xC0) != 0x80 || (text[i + 3] & 0xC0) != 0x80) {
                return 0;
            }
            c = (lead & 0x07) << 18 | (text[i + 1] & 0x3F) << 12 | (text[i + 2] & 0x3F) << 6 | (text[i + 3] & 0x3F);
            if (c < 0x10000 || c > 0x10FFFF) return 0;
            i += 4;
        } else {
            return 0;
        }
        U16_APPEND_UNSAFE(units, n, c);
    }
    *count = n;
    return 1;
}
#endif
