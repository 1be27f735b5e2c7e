// A narrow C surface over system ICU that uses only plain C types.
//
// Swift code must never see ICU's own types: Foundation on Linux carries a private copy of the
// ICU headers, and the two definitions clash in debug builds and `swift test`. Every function
// here returns an ICU UErrorCode as a plain int32_t (0 = success, negative = warning,
// positive = failure) so that Swift can report ICU's own error name.
#ifndef BRIEF_ICU_BRIDGE_H
#define BRIEF_ICU_BRIDGE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's name for an error code ("U_BUFFER_OVERFLOW_ERROR" …).
const char *brief_icu_error_name(int32_t code);

/// ICU's version string, e.g. "72.1".
void brief_icu_version(char *out, int32_t capacity);

// MARK: Break iteration over UTF-8 text

typedef struct brief_breaker brief_breaker;

/// kind: 0 = sentence, 1 = word. locale: e.g. "en@ss=standard".
brief_breaker *brief_breaker_open(int32_t kind, const char *locale, int32_t *error);
void brief_breaker_close(brief_breaker *breaker);

/// Points the iterator at UTF-8 text, copied (as UTF-16) into the breaker's own buffer; offsets
/// reported by brief_breaker_next are UTF-8 byte offsets of the original.
void brief_breaker_set_text(brief_breaker *breaker, const char *utf8, int64_t length, int32_t *error);

/// Points the iterator at the text last given to `source` (converted once for both). `source`
/// must outlive this text's iteration and not be given new text meanwhile.
void brief_breaker_share_text(brief_breaker *breaker, const brief_breaker *source, int32_t *error);

/// Writes up to `capacity` following boundaries (UTF-8 byte offsets) and the rule status of the
/// segment that ends at each of them. Returns how many were written; 0 when the text is done.
/// The first call also reports offset 0.
int64_t brief_breaker_next(brief_breaker *breaker, int64_t *boundaries, int32_t *statuses, int64_t capacity);

// MARK: Normalization (UTF-16)

/// form: 0 = NFC, 1 = NFKC, 2 = NFD, 3 = NFKD. Returns the length needed; if it exceeds
/// `capacity`, nothing useful was written and the caller retries with more room.
int32_t brief_normalize(int32_t form, const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *error);

/// 1 if `src` is already in the given form.
int32_t brief_is_normalized(int32_t form, const uint16_t *src, int32_t length, int32_t *error);

// MARK: Scripts

/// ICU's script code (UScriptCode as an int) of a code point.
int32_t brief_script_of(uint32_t codePoint, int32_t *error);

/// ICU's long name for a script code, e.g. "Arabic", "Latin", "Common".
const char *brief_script_name(int32_t scriptCode);

// MARK: Transliteration (UTF-16)

typedef struct brief_translit brief_translit;

/// Opens a transliterator by ICU transform ID ("Arabic-Latin"), or, when `rules` is not NULL,
/// from custom rules (the ID then only names it). On a rule syntax error, `errorLine` and
/// `errorOffset` say where.
brief_translit *brief_translit_open(const uint16_t *id, int32_t idLength,
                                    const uint16_t *rules, int32_t rulesLength,
                                    int32_t *errorLine, int32_t *errorOffset, int32_t *error);
void brief_translit_close(brief_translit *translit);

/// Transliterates `buffer[0..<length]` in place. Returns the new length; if it exceeds
/// `capacity` the caller retries with a larger buffer holding the original text.
int32_t brief_translit_apply(brief_translit *translit, uint16_t *buffer, int32_t length, int32_t capacity, int32_t *error);

// MARK: Charset detection and conversion

/// Detects the charset of `bytes` (UTF-8, UTF-16, windows-1256, ISO-8859-6 …). Writes the
/// canonical name into `name` and ICU's confidence (0-100). Returns 0 when nothing matched.
int32_t brief_detect_charset(const char *bytes, int32_t length, char *name, int32_t nameCapacity, int32_t *confidence, int32_t *error);

/// 1 if ICU has a converter for `charset` (e.g. "windows-1256", "ISO-8859-6", "cp1256").
int32_t brief_charset_known(const char *charset);

/// Converts bytes in `charset` to UTF-16, stopping with U_INVALID_CHAR_FOUND or
/// U_ILLEGAL_CHAR_FOUND on bytes the charset cannot map (never substitutes). Returns the length
/// needed; if it exceeds `capacity`, retry with more room.
int32_t brief_convert_to_utf16(const char *charset, const char *bytes, int32_t length, uint16_t *dest, int32_t capacity, int32_t *error);

// MARK: Calendars

/// Converts a date of another calendar to the Gregorian calendar. `calendar` is an ICU calendar
/// keyword ("islamic-umalqura", "islamic-civil", "persian" …); month is 1-based. Writes the
/// Gregorian year, month (1-12) and day into `gregorian[0..2]` and returns 1; returns 0 when the
/// date does not exist in that calendar (30 in a 29-day month), with `error` left at 0.
int32_t brief_calendar_to_gregorian(const char *calendar, int32_t year, int32_t month, int32_t day, int32_t *gregorian, int32_t *error);

#ifdef __cplusplus
}
#endif

#endif
