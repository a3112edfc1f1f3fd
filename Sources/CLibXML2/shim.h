#ifndef SIFT_CLIBXML2_SHIM_H
#define SIFT_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* A clean debug build that imports Foundation and this module fails on two definitions of
   UErrorCode when libxml2 pulls in ICU's headers; sift never needs libxml2's ICU side. */
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
/* Swift 6 refuses the global xmlFree function pointer (not concurrency-safe). */
static inline void cxml_free(void *p) { xmlFree(p); }
#endif
