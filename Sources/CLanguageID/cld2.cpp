#include "languageid.h"
#include <cstdio>
#include <cld2/public/compact_lang_det.h>
#include <cstring>

namespace CLD2 {
const char *LanguageCode(Language lang);
}

extern "C" int sift_cld2_detect(const char *text, int length, sift_language_guess *guess) {
    CLD2::Language language3[3];
    int percent3[3];
    int text_bytes = 0;
    bool reliable = false;
    CLD2::Language language = CLD2::ExtDetectLanguageSummary(
        text, length, true, language3, percent3, &text_bytes, &reliable);
    const char *code = CLD2::LanguageCode(language);
    std::strncpy(guess->code, code ? code : "un", sizeof(guess->code) - 1);
    guess->code[sizeof(guess->code) - 1] = 0;
    guess->percent = percent3[0];
    guess->reliable = reliable ? 1 : 0;
    return text_bytes;
}
