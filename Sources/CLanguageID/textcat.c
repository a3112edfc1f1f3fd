#include "languageid.h"
#include <libexttextcat/textcat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct sift_textcat {
    void *handle;
    candidate_t *candidates;
};

sift_textcat *sift_textcat_open(const char *directory, int minimum_document_size) {
    char conf[1024];
    snprintf(conf, sizeof conf, "%s/fpdb.conf", directory);
    void *handle = special_textcat_Init(conf, directory);
    if (handle == NULL) return NULL;
    textcat_SetProperty(handle, TCPROP_MINIMUM_DOCUMENT_SIZE, minimum_document_size);
    sift_textcat *classifier = calloc(1, sizeof(sift_textcat));
    if (classifier == NULL) { textcat_Done(handle); return NULL; }
    classifier->handle = handle;
    classifier->candidates = textcat_GetClassifyFullOutput(handle);
    return classifier;
}

int sift_textcat_detect(sift_textcat *classifier, const char *text, size_t length, sift_language_guess *guess) {
    int count = textcat_ClassifyFull(classifier->handle, text, length, classifier->candidates);
    if (count <= 0) {
        strcpy(guess->code, "un");
        guess->percent = 0;
        guess->reliable = 0;
        return -1;
    }
    /* Names look like "en--utf8" or "zh-CN-utf8": the language is what precedes the first '-'. */
    const char *name = classifier->candidates[0].name;
    size_t n = strcspn(name, "-");
    if (n >= sizeof(guess->code)) n = sizeof(guess->code) - 1;
    memcpy(guess->code, name, n);
    guess->code[n] = 0;
    guess->percent = 100 / count;
    guess->reliable = count == 1;
    return 0;
}

void sift_textcat_close(sift_textcat *classifier) {
    if (classifier == NULL) return;
    textcat_ReleaseClassifyFullOutput(classifier->handle, classifier->candidates);
    textcat_Done(classifier->handle);
    free(classifier);
}
