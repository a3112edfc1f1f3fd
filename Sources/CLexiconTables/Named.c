#include "LexiconTables.h"

#include <string.h>

const SiftLaidOutWords *sift_laid_out_words_of(const char *name, const uint8_t *text, long count) {
    for (long k = 0; k < sift_laid_out_words_count; k++) {
        const SiftLaidOutWords *table = &sift_laid_out_words[k];
        if (strcmp(table->name, name) != 0) continue;
        if (table->byteCount != count || (count > 0 && memcmp(table->bytes, text, (size_t)count) != 0)) return NULL;
        return table;
    }
    return NULL;
}

const SiftLaidOutNumbers *sift_laid_out_numbers_named(const char *name) {
    for (long k = 0; k < sift_laid_out_numbers_count; k++) {
        if (strcmp(sift_laid_out_numbers[k].name, name) == 0) return &sift_laid_out_numbers[k];
    }
    return NULL;
}
