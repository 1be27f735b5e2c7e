/// What one line of a copied page looks like: the plain-text signals the cleaner weighs, read in
/// one pass over the UTF-8 bytes (see the design notes in CopiedTextCleaner.swift).
struct CopiedLine {
    /// UTF-8 offsets of the line without its leading and trailing spaces.
    var start = 0, end = 0
    /// Space-separated tokens that hold a letter or digit (not counting CJK letters).
    var tokens = 0
    /// Runs of letters and digits (the words stop words are counted on), and their hashes'
    /// range in `CopiedLines.hashes`.
    var words = 0, hashStart = 0, hashEnd = 0
    var letters = 0, digits = 0, cjk = 0, arabic = 0, upper = 0
    /// Tokens made only of digits (and of the separators of numbers, dates and times).
    var numberTokens = 0
    /// Words that are stop words of the page's language; date and clock words.
    var stopWords = 0, dateWords = 0
    /// First and last visible characters, and the last one that is not a closing quote or bracket.
    var first: UInt32 = 0, last: UInt32 = 0, lastCore: UInt32 = 0, beforeLastCore: UInt32 = 0
    var pipes = 0, crumbs = 0, brackets = 0, urls = 0, times = 0
    /// "/", "-", "–", "—", ":" (between a place and an outlet in a head line).
    var separators = 0
    /// « (so that French quotes are not taken for "»" breadcrumbs), " / " between words, and
    /// punctuation inside the line (prose has commas; a ticker of glued headlines has none).
    /// Full stops right after a lowercase or Arabic letter (so not "U.S."): sentences ended.
    var innerStops = 0
    var openGuillemets = 0, closeGuillemets = 0, spacedSlashes = 0, marks = 0
    /// Tokens read when the last "/" was met (a caption's "… / Reuters" credit).
    var tokensAtLastSlash = -1
    var copyright = false
    /// Whether the first word is a byline or source word ("By", "كتب", "المصدر").
    var opensWithHeadWord = false
    /// Folded hash of the whole line's words (to find repeated lines); 0 for a line without words.
    var key: UInt64 = 0

    var isBlank: Bool { start == end }
    /// Breadcrumb and menu separators: "›", " > ", a "»" that closes no "«", " / " twice or more.
    var breadcrumbs: Int { crumbs + max(0, closeGuillemets - openGuillemets) + (spacedSlashes >= 2 ? spacedSlashes : 0) }
    /// Length in words, CJK letters counting half a word each.
    var length: Int { tokens + cjk / 2 }
}

/// The lines of a text and their signals.
struct CopiedLines {
    var lines: [CopiedLine] = []
    /// Word hashes of every line, in order.
    var hashes: [UInt64] = []
    /// Letters in Arabic script, and all letters (to guess the language).
    var arabicLetters = 0, allLetters = 0, allWords = 0
    /// Hits of each language's own stop words (listed for no other language) over the whole
    /// text, in the bit order of the lexicon.
    var stopTotals: [Int] = []
    /// Stop-word hits per line and language, flattened.
    private var stopsPerLine: [Int] = []
    private var languageCount = 0

    /// The stop-word hits of line `number` for language bit `language`.
    func stopHits(line number: Int, language: Int) -> Int {
        stopsPerLine[number * languageCount + language]
    }

    /// Reads `bytes` line by line ("\n"; "\r" is a space), counting stop words of every
    /// language, since the language may only be known after the pass.
    init(_ bytes: UnsafeBufferPointer<UInt8>, lexicon: CopiedTextLexicon) {
        var scanner = Scanner(lexicon: lexicon)
        scanner.run(bytes)
        lines = scanner.lines
        hashes = scanner.hashes
        arabicLetters = scanner.arabicLetters
        allLetters = scanner.allLetters
        allWords = scanner.allWords
        stopTotals = scanner.uniqueCounts
        stopsPerLine = scanner.stopsPerLine
        languageCount = lexicon.languages.count
    }

    /// Closing quotes and brackets, looked through to find how a sentence ends.
    @inline(__always)
    static func isCloser(_ v: UInt32) -> Bool {
        switch v {
        case 0x22, 0x27, 0x29, 0x5D, 0xBB, 0x2019, 0x201D, 0x203A, 0x300D, 0x300F, 0xFF09, 0x2A: return true
        default: return false
        }
    }

    /// The one-pass reader's state.
    private struct Scanner {
        let lexicon: CopiedTextLexicon
        var lines: [CopiedLine] = []
        var hashes: [UInt64] = []
        var arabicLetters = 0, allLetters = 0, allWords = 0
        var stopTotals: [Int]
        var stopsPerLine: [Int] = []
        var stopCounts: [Int]
        var uniqueCounts: [Int]

        var line = CopiedLine()
        var hash = CopiedTextFolding.seed, restHash = CopiedTextFolding.seed
        var wordLength = 0, firstOfWord: UInt32 = 0, inWord = false
        var inToken = false, tokenHasWord = false, tokenAllNumber = true
        var lineKey = CopiedTextFolding.seed
        var previous: UInt32 = 0, previous2: UInt32 = 0, previousKind = CopiedTextFolding.Kind.space
        var visibleStart = -1, visibleEnd = 0
        var stopJustCounted = false

        init(lexicon: CopiedTextLexicon) {
            self.lexicon = lexicon
            stopTotals = [Int](repeating: 0, count: lexicon.languages.count)
            stopCounts = stopTotals
            uniqueCounts = stopTotals
        }

        mutating func finishWord() {
            guard inWord else { return }
            inWord = false
            hashes.append(hash)
            line.words += 1
            lineKey = CopiedTextFolding.mix(lineKey, UInt32(truncatingIfNeeded: hash))
            var mask = lexicon.stopMasks[hash] ?? 0
            // Arabic glues "و" and "ف" to the next word ("وقال"): the rest may be the stop word.
            if mask == 0, wordLength >= 3, firstOfWord == 0x648 || firstOfWord == 0x641 {
                mask = lexicon.stopMasks[restHash] ?? 0
            }
            // Only words of one language tell languages apart ("de" is in the English list too).
            if mask & (mask &- 1) == 0, mask != 0 { uniqueCounts[mask.trailingZeroBitCount] += 1 }
            var bit = 0
            while mask != 0 {
                if mask & 1 != 0 { stopCounts[bit] += 1 }
                mask >>= 1
                bit += 1
            }
            if lexicon.dateWords.contains(hash) { line.dateWords += 1 }
            if line.words == 1, lexicon.headWords.contains(hash) { line.opensWithHeadWord = true }
        }

        mutating func finishToken() {
            guard inToken else { return }
            inToken = false
            if tokenHasWord { line.tokens += 1 }
            if tokenHasWord, tokenAllNumber { line.numberTokens += 1 }
        }

        mutating func finishLine(at end: Int) {
            finishWord()
            finishToken()
            if visibleStart >= 0 {
                line.start = visibleStart
                line.end = visibleEnd
            } else {
                line.start = end
                line.end = end
            }
            line.hashEnd = hashes.count
            line.key = line.words > 0 ? lineKey : 0
            allWords += line.words
            lines.append(line)
            for language in stopCounts.indices {
                stopsPerLine.append(stopCounts[language])
                stopCounts[language] = 0
            }
            line = CopiedLine()
            line.hashStart = hashes.count
            lineKey = CopiedTextFolding.seed
            previous = 0; previous2 = 0; previousKind = .space
            visibleStart = -1
        }

        mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
            var index = 0
            let count = bytes.count
            while index < count {
                let lead = bytes[index]
                var value: UInt32
                var width = 1
                if lead < 0x80 {
                    value = UInt32(lead)
                } else if lead < 0xE0, index + 1 < count {
                    value = (UInt32(lead & 0x1F) << 6) | UInt32(bytes[index + 1] & 0x3F)
                    width = 2
                } else if lead < 0xF0, index + 2 < count {
                    value = (UInt32(lead & 0x0F) << 12) | (UInt32(bytes[index + 1] & 0x3F) << 6) | UInt32(bytes[index + 2] & 0x3F)
                    width = 3
                } else if index + 3 < count {
                    value = (UInt32(lead & 0x07) << 18) | (UInt32(bytes[index + 1] & 0x3F) << 12)
                        | (UInt32(bytes[index + 2] & 0x3F) << 6) | UInt32(bytes[index + 3] & 0x3F)
                    width = 4
                } else {
                    value = 0xFFFD
                    width = count - index
                }
                read(value, at: index, width: width)
                index += width
            }
            finishLine(at: count)
        }

        @inline(__always)
        mutating func read(_ value: UInt32, at index: Int, width: Int) {
            if value == 0x0A {
                finishLine(at: index)
                return
            }
            let kind = CopiedTextFolding.kind(value)
            switch kind {
            case .space:
                finishWord()
                finishToken()
                previousKind = .space
                return
            case .invisible:
                return
            case .mark:
                // Marks stay inside their word (Arabic vowels, combining accents).
                if visibleStart < 0 { visibleStart = index }
                visibleEnd = index + width
                return
            case .letter, .digit, .cjk:
                if kind == .cjk {
                    line.cjk += 1
                    allLetters += 1
                } else if kind == .letter {
                    line.letters += 1
                    allLetters += 1
                    if value >= 0x600 && value <= 0x6FF || value >= 0xFB50 && value <= 0xFEFC {
                        line.arabic += 1
                        arabicLetters += 1
                    } else if value < 0x600, CopiedTextFolding.fold(value) != value {
                        line.upper += 1
                    }
                } else {
                    line.digits += 1
                    // "12:30"
                    if previous == 0x3A, CopiedTextFolding.kind(previous2) == .digit { line.times += 1 }
                }
                let folded = CopiedTextFolding.fold(value)
                if !inWord {
                    inWord = true
                    hash = CopiedTextFolding.seed
                    restHash = CopiedTextFolding.seed
                    wordLength = 0
                    firstOfWord = folded
                } else {
                    restHash = CopiedTextFolding.mix(restHash, folded)
                }
                hash = CopiedTextFolding.mix(hash, folded)
                wordLength += 1
            case .other:
                finishWord()
                switch value {
                case 0x7C, 0xA6, 0x2502: line.pipes += 1                    // | ¦ │
                case 0xBB: line.closeGuillemets += 1
                case 0xAB: line.openGuillemets += 1
                case 0x203A, 0x2192, 0x276F: line.crumbs += 1               // › → ❯
                case 0x3E where previousKind == .space: line.crumbs += 1    // " > "
                case 0x5B: line.brackets += 1                              // [
                case 0xA9: line.copyright = true                           // ©
                case 0x2F where previous == 0x2F && previous2 == 0x3A: line.urls += 1   // "://"
                case 0x2E where previous == 0x77 && previous2 == 0x77: line.urls += 1   // "www."
                case 0x2F, 0x2D, 0x2013, 0x2014, 0x3A: line.separators += 1
                default: break
                }
                if value == 0x2E || value == 0x6D4 || value == 0x3002, previousKind == .letter || previousKind == .cjk,
                   previous >= 0x600 || (previous >= 0x61 && previous <= 0x7A) || previous >= 0xDF && previous < 0x600 {
                    line.innerStops += 1
                    stopJustCounted = true
                } else if value == 0x2E, previous == 0x2E, stopJustCounted {
                    // "العراق.. مقتل": two dots join the parts of a headline.
                    line.innerStops -= 1
                    stopJustCounted = false
                } else {
                    stopJustCounted = false
                }
                if value == 0x2F {
                    if previousKind == .space { line.spacedSlashes += 1 }
                    line.tokensAtLastSlash = line.tokens + (inToken && tokenHasWord ? 1 : 0)
                }
                switch value {
                case 0x2C, 0x60C, 0x2E, 0x3B, 0x61B, 0x3A, 0x21, 0x3F, 0x61F, 0x22, 0xAB, 0xBB, 0x201C, 0x201D, 0x3001, 0x3002:
                    line.marks += 1
                default: break
                }
            }
            // A visible character: tokens are runs between spaces.
            let isWordCharacter = kind == .letter || kind == .digit
            if !inToken {
                inToken = true
                tokenHasWord = isWordCharacter
                tokenAllNumber = kind != .letter
            } else {
                if isWordCharacter { tokenHasWord = true }
                if kind == .letter { tokenAllNumber = false }
            }
            if visibleStart < 0 {
                visibleStart = index
                line.first = value
            }
            visibleEnd = index + width
            line.last = value
            if !CopiedLines.isCloser(value) {
                line.beforeLastCore = line.lastCore
                line.lastCore = value
            }
            previous2 = previous
            previous = value
            previousKind = kind
        }
    }
}
