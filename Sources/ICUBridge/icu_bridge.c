// The only file that includes ICU headers. ICU's own headers map the unsuffixed names used
// here to the versioned symbols of the installed library (ubrk_open -> ubrk_open_72), so
// nothing in Swift depends on the ICU version.
#include "icu_bridge.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uclean.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

const char *brief_icu_error_name(int32_t code) { return u_errorName((UErrorCode)code); }

void brief_icu_version(char *out, int32_t capacity) {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    if (capacity > 0) {
        strncpy(out, text, (size_t)capacity - 1);
        out[capacity - 1] = 0;
    }
}

// MARK: Break iteration

struct brief_breaker {
    UBreakIterator *iterator;
    // The text as UTF-16, which ICU's iterators walk faster than UTF-8 through a UText, and for
    // text that is not all ASCII the UTF-8 offset of each UTF-16 unit (plus one for the end).
    UChar *units;
    int32_t *offsets;
    int32_t capacity;
    int32_t length;
    int mapped;
    // Set when the text is another breaker's (brief_breaker_share_text).
    const struct brief_breaker *shared;
    int32_t previous;
    // Whether units and offsets hold the text last given (a failed set_text clears it).
    int valid;
    int started;
    int done;
};

brief_breaker *brief_breaker_open(int32_t kind, const char *locale, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIteratorType type = kind == 0 ? UBRK_SENTENCE : UBRK_WORD;
    UBreakIterator *iterator = ubrk_open(type, locale, NULL, 0, &status);
    if (U_FAILURE(status)) {
        *error = status;
        return NULL;
    }
    brief_breaker *breaker = calloc(1, sizeof(brief_breaker));
    if (breaker == NULL) {
        ubrk_close(iterator);
        *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    breaker->iterator = iterator;
    breaker->done = 1;
    *error = status;
    return breaker;
}

void brief_breaker_close(brief_breaker *breaker) {
    if (breaker == NULL) return;
    ubrk_close(breaker->iterator);
    free(breaker->units);
    free(breaker->offsets);
    free(breaker);
}

void brief_breaker_set_text(brief_breaker *breaker, const char *utf8, int64_t length, int32_t *error) {
    breaker->done = 1;
    breaker->valid = 0;
    breaker->shared = NULL;
    if (length < 0 || length >= INT32_MAX / 2) {
        *error = U_INDEX_OUTOFBOUNDS_ERROR;
        return;
    }
    int32_t count = (int32_t)length;
    // UTF-16 never needs more units than UTF-8 has bytes; buffers are reused across texts.
    if (count + 1 > breaker->capacity) {
        int32_t capacity = count + 1 > 2 * breaker->capacity ? count + 1 : 2 * breaker->capacity;
        UChar *units = realloc(breaker->units, (size_t)capacity * sizeof(UChar));
        if (units != NULL) breaker->units = units;
        int32_t *offsets = realloc(breaker->offsets, (size_t)capacity * sizeof(int32_t));
        if (offsets != NULL) breaker->offsets = offsets;
        if (units == NULL || offsets == NULL) {
            *error = U_MEMORY_ALLOCATION_ERROR;
            return;
        }
        breaker->capacity = capacity;
    }
    const uint8_t *bytes = (const uint8_t *)utf8;
    uint8_t high = 0;
    for (int32_t i = 0; i < count; i++) high |= bytes[i];
    int32_t units = 0;
    if (high < 0x80) {
        // All ASCII (most text in Latin script): offsets are the same in both forms.
        for (int32_t i = 0; i < count; i++) breaker->units[i] = bytes[i];
        units = count;
        breaker->mapped = 0;
    } else {
        int32_t i = 0;
        while (i < count) {
            int32_t start = i;
            UChar32 c;
            U8_NEXT(bytes, i, count, c);
            if (c < 0) c = 0xFFFD;
            breaker->offsets[units] = start;
            if (c > 0xFFFF) breaker->offsets[units + 1] = start;
            U16_APPEND_UNSAFE(breaker->units, units, c);
        }
        breaker->offsets[units] = count;
        breaker->mapped = 1;
    }
    breaker->length = units;
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, breaker->units, units, &status);
    *error = status;
    breaker->started = 0;
    breaker->done = U_FAILURE(status) ? 1 : 0;
    breaker->valid = U_FAILURE(status) ? 0 : 1;
}

void brief_breaker_share_text(brief_breaker *breaker, const brief_breaker *source, int32_t *error) {
    breaker->done = 1;
    if (!source->valid) {
        *error = U_ILLEGAL_ARGUMENT_ERROR;
        return;
    }
    // Units and offsets stay owned by the source, which must not be given new text meanwhile.
    UErrorCode status = U_ZERO_ERROR;
    ubrk_setText(breaker->iterator, source->units, source->length, &status);
    breaker->shared = source;
    *error = status;
    breaker->started = 0;
    breaker->done = U_FAILURE(status) ? 1 : 0;
}

int64_t brief_breaker_next(brief_breaker *breaker, int64_t *boundaries, int32_t *statuses, int64_t capacity) {
    int64_t count = 0;
    if (breaker->done) return 0;
    const brief_breaker *text = breaker->shared != NULL ? breaker->shared : breaker;
    const int32_t *offsets = text->mapped ? text->offsets : NULL;
    if (!breaker->started && capacity > 0) {
        int32_t first = ubrk_first(breaker->iterator);
        boundaries[count] = offsets ? offsets[first] : first;
        statuses[count] = 0;
        count++;
        breaker->started = 1;
        breaker->previous = first;
    }
    while (count < capacity) {
        int32_t position = ubrk_next(breaker->iterator);
        if (position == UBRK_DONE) {
            breaker->done = 1;
            break;
        }
        boundaries[count] = offsets ? offsets[position] : position;
        // A lone space is never a word (status 0): about half of all segments, spared the call.
        int space = position == breaker->previous + 1 && text->units[breaker->previous] == 0x20;
        statuses[count] = space ? 0 : ubrk_getRuleStatus(breaker->iterator);
        breaker->previous = position;
        count++;
    }
    return count;
}

// MARK: Normalization

static const UNormalizer2 *normalizer_for(int32_t form, UErrorCode *status) {
    switch (form) {
    case 1: return unorm2_getNFKCInstance(status);
    case 2: return unorm2_getNFDInstance(status);
    case 3: return unorm2_getNFKDInstance(status);
    default: return unorm2_getNFCInstance(status);
    }
}

int32_t brief_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = normalizer_for(form, &status);
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    int32_t needed = unorm2_normalize(normalizer, (const UChar *)src, length, (UChar *)dest, capacity, &status);
    *error = status == U_BUFFER_OVERFLOW_ERROR ? U_ZERO_ERROR : status;
    return needed;
}

int32_t brief_is_normalized(int32_t form, const uint16_t *src, int32_t length, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer = normalizer_for(form, &status);
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    UBool result = unorm2_isNormalized(normalizer, (const UChar *)src, length, &status);
    *error = status;
    return result ? 1 : 0;
}

// MARK: Scripts

int32_t brief_script_of(uint32_t codePoint, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode code = uscript_getScript((UChar32)codePoint, &status);
    *error = status;
    return (int32_t)code;
}

const char *brief_script_name(int32_t scriptCode) { return uscript_getName((UScriptCode)scriptCode); }

// MARK: Transliteration

struct brief_translit {
    UTransliterator *transliterator;
};

brief_translit *brief_translit_open(const uint16_t *id, int32_t idLength,
                                    const uint16_t *rules, int32_t rulesLength,
                                    int32_t *errorLine, int32_t *errorOffset, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UParseError parseError;
    memset(&parseError, 0, sizeof parseError);
    UTransliterator *transliterator = utrans_openU((const UChar *)id, idLength, UTRANS_FORWARD,
                                                   (const UChar *)rules, rules == NULL ? 0 : rulesLength,
                                                   &parseError, &status);
    *errorLine = parseError.line;
    *errorOffset = parseError.offset;
    *error = status;
    if (U_FAILURE(status)) {
        if (transliterator != NULL) utrans_close(transliterator);
        return NULL;
    }
    brief_translit *handle = calloc(1, sizeof(brief_translit));
    if (handle == NULL) {
        utrans_close(transliterator);
        *error = U_MEMORY_ALLOCATION_ERROR;
        return NULL;
    }
    handle->transliterator = transliterator;
    return handle;
}

void brief_translit_close(brief_translit *translit) {
    if (translit == NULL) return;
    utrans_close(translit->transliterator);
    free(translit);
}

int32_t brief_translit_apply(brief_translit *translit, uint16_t *buffer, int32_t length, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    int32_t textLength = length;
    int32_t limit = length;
    utrans_transUChars(translit->transliterator, (UChar *)buffer, &textLength, capacity, 0, &limit, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) {
        // ICU does not report the exact size needed: ask for more room than the current guess.
        *error = U_ZERO_ERROR;
        return capacity * 2 + 16;
    }
    *error = status;
    return textLength;
}

// MARK: Charset detection and conversion

int32_t brief_detect_charset(const char *bytes, int32_t length, char *name, int32_t nameCapacity, int32_t *confidence, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector *detector = ucsdet_open(&status);
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    // The detector keeps `bytes`: everything below runs while the caller holds them.
    ucsdet_setText(detector, bytes, length, &status);
    const UCharsetMatch *match = U_SUCCESS(status) ? ucsdet_detect(detector, &status) : NULL;
    int32_t found = 0;
    if (match != NULL && U_SUCCESS(status)) {
        const char *matchName = ucsdet_getName(match, &status);
        int32_t matchConfidence = ucsdet_getConfidence(match, &status);
        if (U_SUCCESS(status) && matchName != NULL && nameCapacity > 0) {
            strncpy(name, matchName, (size_t)nameCapacity - 1);
            name[nameCapacity - 1] = 0;
            *confidence = matchConfidence;
            found = 1;
        }
    }
    ucsdet_close(detector);
    *error = status;
    return found;
}

int32_t brief_charset_known(const char *charset) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (converter != NULL) ucnv_close(converter);
    return U_SUCCESS(status) ? 1 : 0;
}

int32_t brief_convert_to_utf16(const char *charset, const char *bytes, int32_t length, uint16_t *dest, int32_t capacity, int32_t *error) {
    UErrorCode status = U_ZERO_ERROR;
    UConverter *converter = ucnv_open(charset, &status);
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    // Stop at unmappable bytes instead of substituting U+FFFD: undecodable input is an error.
    ucnv_setToUCallBack(converter, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &status);
    int32_t needed = ucnv_toUChars(converter, (UChar *)dest, capacity, bytes, length, &status);
    ucnv_close(converter);
    *error = status == U_BUFFER_OVERFLOW_ERROR || status == U_STRING_NOT_TERMINATED_WARNING ? U_ZERO_ERROR : status;
    return needed;
}

// MARK: Calendars

#include <stdio.h>
#include <unicode/ucal.h>

int32_t brief_calendar_to_gregorian(const char *calendar, int32_t year, int32_t month, int32_t day, int32_t *gregorian, int32_t *error) {
    *error = U_ZERO_ERROR;
    char locale[96];
    // The calendar keyword is the caller's; a name too long for the buffer is not a calendar.
    if (calendar == NULL || snprintf(locale, sizeof locale, "en@calendar=%s", calendar) >= (int)sizeof locale) {
        *error = U_ILLEGAL_ARGUMENT_ERROR;
        return 0;
    }
    static const UChar utc[] = {'U', 'T', 'C', 0};
    UErrorCode status = U_ZERO_ERROR;
    UCalendar *source = ucal_open(utc, -1, locale, UCAL_DEFAULT, &status);
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    // Strict: a day the month does not have is refused instead of rolling into the next month.
    ucal_setAttribute(source, UCAL_LENIENT, 0);
    ucal_clear(source);
    ucal_set(source, UCAL_EXTENDED_YEAR, year);
    ucal_set(source, UCAL_MONTH, month - 1);
    ucal_set(source, UCAL_DATE, day);
    UDate millis = ucal_getMillis(source, &status);
    ucal_close(source);
    if (status == U_ILLEGAL_ARGUMENT_ERROR) return 0;
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    UCalendar *target = ucal_open(utc, -1, "en@calendar=gregorian", UCAL_GREGORIAN, &status);
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    ucal_setMillis(target, millis, &status);
    gregorian[0] = ucal_get(target, UCAL_EXTENDED_YEAR, &status);
    gregorian[1] = ucal_get(target, UCAL_MONTH, &status) + 1;
    gregorian[2] = ucal_get(target, UCAL_DATE, &status);
    ucal_close(target);
    if (U_FAILURE(status)) {
        *error = status;
        return 0;
    }
    return 1;
}
