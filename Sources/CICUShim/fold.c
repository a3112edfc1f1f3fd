#include "fold.h"
#include <stdlib.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

/* Three UTF-16 buffers on the stack for words up to this many code units; longer text is allocated. */
enum { STACK_UNITS = 256 };

int32_t sift_nfkc_lower_utf8(const char *text, int32_t length, char *out, int32_t capacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *nfkc = unorm2_getNFKCInstance(&status);
    if (U_FAILURE(status)) return -1;
    UChar stack[3][STACK_UNITS];
    UChar *source = stack[0], *normal = stack[1], *lower = stack[2];
    UChar *heap = NULL;
    /* NFKC can expand a code unit many times over (U+FDFA is 18 units); lower-casing at most three times. */
    int32_t units = length + 1;
    int32_t room = units * 18 * 3 + 16;
    if (room > STACK_UNITS) {
        heap = malloc(sizeof(UChar) * (size_t)(units + 2 * room));
        if (heap == NULL) return -1;
        source = heap;
        normal = heap + units;
        lower = normal + room;
    } else {
        room = STACK_UNITS;
    }
    int32_t written = -1;
    int32_t sourceLength = 0;
    u_strFromUTF8(source, units, &sourceLength, text, length, &status);
    if (U_FAILURE(status)) goto done;
    int32_t normalLength = unorm2_normalize(nfkc, source, sourceLength, normal, room, &status);
    if (U_FAILURE(status)) goto done;
    int32_t lowerLength = u_strToLower(lower, room, normal, normalLength, "", &status);
    if (U_FAILURE(status)) goto done;
    u_strToUTF8(out, capacity, &written, lower, lowerLength, &status);
    /* Too long for out is U_BUFFER_OVERFLOW_ERROR; exactly filling it only warns that no NUL follows. */
    if (U_FAILURE(status)) written = -1;
done:
    free(heap);
    return written;
}

int sift_is_uppercase(int32_t c) { return u_hasBinaryProperty(c, UCHAR_UPPERCASE) ? 1 : 0; }
int sift_is_lowercase(int32_t c) { return u_hasBinaryProperty(c, UCHAR_LOWERCASE) ? 1 : 0; }
