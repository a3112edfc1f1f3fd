#ifndef SIFT_LEXICON_TABLES_H
#define SIFT_LEXICON_TABLES_H

#include <stdint.h>

/// A word list of the embedded lexicons as `LaidOutWords` lays it out (one word a line of a text
/// `EmbeddedLexicons` holds): the text's bytes, each word's bytes in it (start << 32 | end) and the `TaggedProbes` slots.
/// `scripts/embed-lexicons` writes them into the binary's read-only data (LaidOutTables.c): hashing and placing the
/// words at start-up was a tenth of scoring one line. C, not Swift array literals: those compile for minutes.
typedef struct {
    const char *name;
    const char *bytes;
    long byteCount;
    const uint64_t *bounds;
    long count;
    const uint64_t *slots;
    long slotCount;
} SiftLaidOutWords;

extern const SiftLaidOutWords sift_laid_out_words[];
extern const long sift_laid_out_words_count;

/// The table named `name` ("en:keys", "en:stems", "englishVocabulary", ...) when it was laid out of the `count`
/// bytes of `text`; NULL when there is none or it was laid out of another text.
const SiftLaidOutWords *sift_laid_out_words_of(const char *name, const uint8_t *text, long count);

/// The numbers section of a laid-out lexicon (`LaidOutLexicon`), already read: decoding its text at start-up was a
/// thirtieth of scoring one line.
typedef struct {
    const char *name;
    const uint32_t *numbers;
    long count;
} SiftLaidOutNumbers;

extern const SiftLaidOutNumbers sift_laid_out_numbers[];
extern const long sift_laid_out_numbers_count;

/// The numbers of the lexicon named `name` ("en", "es", "common/multilingual.tsv"); NULL when there are none.
const SiftLaidOutNumbers *sift_laid_out_numbers_named(const char *name);

#endif
