#ifndef SIFT_LANGUAGEID_H
#define SIFT_LANGUAGEID_H
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Language identification over UTF-8 text through two system libraries: CLD2 (C++, behind plain C here) and
   libexttextcat. Only plain C crosses into Swift. */

/* What an identifier found: a language code as the library spells it ("en", "zh-Hant", "un" for unknown). */
typedef struct {
    char code[16];
    /* Share of the text in that language, 0…100 (CLD2), or 100 / number of tied candidates (textcat). */
    int percent;
    /* The library's own reliability verdict: 1 reliable, 0 not. */
    int reliable;
} sift_language_guess;

/* CLD2 (its compiled-in tables; stateless and thread-safe). Returns the UTF-8 bytes of letters it scored. */
int sift_cld2_detect(const char *text, int length, sift_language_guess *guess);

/* A libexttextcat classifier loaded from a fingerprint directory such as /usr/share/libexttextcat/;
   NULL on failure. Not thread-safe: one per thread. */
typedef struct sift_textcat sift_textcat;
sift_textcat *sift_textcat_open(const char *directory, int minimum_document_size);
/* Returns 0 on a guess, -1 when the text is too short or unknown (guess->code is then "un"). */
int sift_textcat_detect(sift_textcat *classifier, const char *text, size_t length, sift_language_guess *guess);
void sift_textcat_close(sift_textcat *classifier);

#ifdef __cplusplus
}
#endif
#endif
