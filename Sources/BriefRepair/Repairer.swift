import BriefResources

/// Undoes copy damage: words and sentences glued where line breaks were lost, soft hyphens,
/// zero-width and exotic spaces, without splitting names, acronyms and terms that are right.
///
/// Text copied from a hard-wrapped page loses one space at every line end, so glued words sit
/// where a line of fixed width would have ended. Repair finds that width and the break inside
/// each line-end token with a dynamic program over the text, scoring every possible break with
/// a word-frequency model; where no consistent width exists it falls back to the model alone,
/// with a higher bar. Paragraphs joined without a space ("reported.Turkey") count as breaks too.
public struct Repairer {
    /// Tunable constants, kept together so their effect can be measured.
    public struct Settings: Sendable {
        /// Line widths tried, in characters.
        public var widths: ClosedRange<Int> = 55...95
        /// Score a glue needs when no line width explains the text.
        public var lexicalThreshold: Float = 3.0
        /// Characters a line may overrun its width (real pages are not monospaced).
        public var slack: Int = 3
        /// Evidence a paragraph break needs before a space is inserted there.
        public var paragraphEvidence: Float = -2
        /// How much better another split of the same word must score to replace the layout's.
        public var resplitMargin: Float = 0.5
        /// Extra evidence word-only glue needs where a layout was found but left the run alone.
        public var layoutLexicalMargin: Float = 0
        /// Glued tokens per thousand bytes, in text with many signs of glue, from which the text
        /// is taken as damaged throughout rather than clean with a few glitches.
        public var localBreaksPerThousand: Float = 1
        public init() {}
    }

    /// The language model; nil repairs characters only (for languages without a model).
    public let model: RepairModel?
    public var settings = Settings()
    /// Word frequencies already looked up, across articles: news repeats its words.
    let memo = FrequencyMemo()

    public init(model: RepairModel?) {
        self.model = model
    }

    /// The repaired text and every edit made.
    public func repair(_ text: String) -> RepairResult {
        let signals = Self.glueSignals(in: text)
        if let model {
            switch isClean(text, model: model, signals: signals) {
            case .clean?: return RepairResult(text: text, edits: [])
            case .spacesOnly?: return Self.insertSpaces(into: text, at: [], normalizingSpaces: true)
            default: break
            }
            switch tokenCheck(text, model: model, signals: signals) {
            case .clean: return RepairResult(text: text, edits: [])
            case .localBreaks(let breaks): return Self.insertSpaces(into: text, at: breaks)
            case .spacesOnly: return Self.insertSpaces(into: text, at: [], normalizingSpaces: true)
            case .needsFullPass: break
            }
        }
        // No more scalars than bytes: counting them first would be a pass of its own.
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var origin: [Int32] = []  // index in the input of each kept scalar
        origin.reserveCapacity(text.utf8.count)
        var removed: [(Int, Unicode.Scalar)] = []
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if Self.isInvisible(scalar), index > 0 || scalar != "\u{FEFF}" {
                removed.append((index, scalar))
                continue
            }
            scalars.append(scalar)
            origin.append(Int32(index))
        }
        var breaks: [(position: Int, reason: String)] = []
        if let model {
            // Clean text (most text) shows almost no sign of glue; it gets a light pass that only
            // looks at long words and the few suspicious tokens, at a fraction of the cost.
            let light = text.utf8.count >= 600 && signals * 1000 < text.utf8.count * 3 / 4
            let vocabulary = light ? HashTable<Int>() : Self.documentVocabulary(scalars)
            var blockStart = 0
            for index in 0...scalars.count where index == scalars.count || scalars[index] == "\n" {
                if index > blockStart {
                    var block = BlockRepair(scalars: scalars, range: blockStart..<index, model: model,
                                            vocabulary: vocabulary, settings: settings, light: light, memo: memo)
                    breaks += block.breaks()
                }
                blockStart = index + 1
            }
        }
        if removed.isEmpty, !scalars.contains(where: Self.isExoticSpace) {
            // Nothing removed or respaced: scalar positions are the input's, and the byte path
            // builds the text and the edits without going scalar by scalar.
            guard !breaks.isEmpty else { return RepairResult(text: text, edits: []) }
            return Self.insertSpaces(into: text, at: Self.utf8Offsets(of: breaks, in: text))
        }
        return Self.assemble(text: text, scalars: scalars, origin: origin, removed: removed, breaks: breaks)
    }

    /// The breaks at UTF-8 offsets of `text` rather than at scalar positions.
    static func utf8Offsets(of breaks: [(position: Int, reason: String)], in text: String) -> [(offset: Int, reason: String)] {
        let sorted = breaks.sorted { $0.position < $1.position }
        var result: [(offset: Int, reason: String)] = []
        result.reserveCapacity(sorted.count)
        var next = 0
        var scalar = 0
        for (offset, byte) in text.utf8.enumerated() where byte & 0xC0 != 0x80 {
            while next < sorted.count, sorted[next].position == scalar {
                result.append((offset, sorted[next].reason))
                next += 1
            }
            if next == sorted.count { break }
            scalar += 1
        }
        return result
    }

    /// How many places in `text` look like glue at a glance: a lowercase letter directly before
    /// sentence punctuation and a capital ("reported.Turkey"), before a capital ("UnitedStates"),
    /// before ",;:" and a letter, or before an opening quote or bracket and a letter.
    static func glueSignals(in text: String) -> Int {
        var copy = text
        return copy.withUTF8 { glueSignals($0) }
    }

    static func glueSignals(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        func lower(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || byte >= 0x80 }
        func upper(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }
        func letter(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || upper(byte) }
        func sentenceEnd(_ byte: UInt8) -> Bool { byte == 0x2E || byte == 0x21 || byte == 0x3F }
        // Every signal turns on its middle byte x (between y before it and c after it): a capital,
        // one of ! ( , . : ; ?, or the 80 inside a curly quote. Most bytes are none of these and
        // are passed over with two comparisons.
        let marks: UInt64 = 1 << 0x21 | 1 << 0x28 | 1 << 0x2C | 1 << 0x2E | 1 << 0x3A | 1 << 0x3B | 1 << 0x3F
        guard bytes.count >= 3 else { return 0 }
        var count = 0
        for index in 1..<(bytes.count - 1) {
            let x = bytes[index]
            if x < 0x40 {
                guard (marks >> UInt64(x)) & 1 == 1 else { continue }
            } else if x >= 0x5B && x != 0x80 {
                continue
            }
            let y = bytes[index - 1], c = bytes[index + 1]
            if lower(y) {
                switch x {
                case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"):
                    if upper(c) || c == UInt8(ascii: "\"") { count += 1 }
                case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "("):
                    if letter(c) { count += 1 }
                default:
                    // "UnitedStates": a small ASCII letter, a capital, a small letter.
                    if upper(x) && c >= 0x61 && c <= 0x7A && y < 0x80 { count += 1 }
                }
            }
            // A letter or sentence punctuation, then “ or ‘ (E2 80 9C / 98).
            if x == 0x80, y == 0xE2, c == 0x9C || c == 0x98, index >= 2 {
                let z = bytes[index - 2]
                if letter(z) { count += 1 }
                if sentenceEnd(z) { count += 1 }
            }
        }
        return count
    }

    /// Whether text needs no repair at all (or only its exotic spaces made plain), decided in one
    /// pass over its bytes (most text): no sign of glue, no invisible character, and every long
    /// ASCII word is known.
    func isClean(_ text: String, model: RepairModel, signals: Int) -> TokenCheck? {
        guard text.utf8.count >= 600 else { return nil }
        var copy = text
        var spaces = false
        let clean = copy.withUTF8 { bytes -> Bool in
            guard signals == 0 else { return false }
            func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
            var hash: UInt64 = 0xcbf29ce484222325
            var start = 0
            var length = 0
            var index = 0
            let count = bytes.count
            func known() -> Bool {
                guard length >= 9 else { return true }
                let value = memo.zipf(hash) {
                    var lower = [UInt8](bytes[start..<(start + length)])
                    for i in lower.indices where lower[i] >= 0x41 && lower[i] <= 0x5A { lower[i] |= 0x20 }
                    return lower.withUnsafeBufferPointer { model.frequencies.zipf(utf8: $0) }
                }
                return !value.isNaN
            }
            while index < count {
                let byte = bytes[index]
                if isLetter(byte) {
                    if length == 0 { start = index; hash = 0xcbf29ce484222325 }
                    hash = (hash ^ UInt64(byte | 0x20)) &* 0x100000001b3
                    length += 1
                    index += 1
                    continue
                }
                if !known() { return false }
                length = 0
                // Exotic spaces (U+00A0, U+2000–U+200A, U+202F, U+3000) only need to become plain;
                // invisible characters (U+00AD, U+200B, U+2060, U+FEFF) and U+205F go to the passes.
                if byte == 0xC2, index + 1 < count {
                    if bytes[index + 1] == 0xA0 { spaces = true }
                    if bytes[index + 1] == 0xAD { return false }
                }
                if byte == 0xE2, index + 2 < count {
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0x80, third <= 0x8A || third == 0xAF { spaces = true }
                    if second == 0x80, third == 0x8B { return false }
                    if second == 0x81, third == 0x9F || third == 0xA0 { return false }
                }
                if byte == 0xE3, index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { spaces = true }
                if byte == 0xEF, index + 2 < count, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF { return false }
                index += 1
            }
            return known()
        }
        guard clean else { return nil }
        return spaces ? .spacesOnly : .clean
    }

    /// Whether clean-looking text needs no change (or only plain spaces), found by examining only
    /// its suspicious tokens, each on its own, without per-character arrays for the whole text.
    func tokenCheck(_ text: String, model: RepairModel, signals: Int) -> TokenCheck {
        let size = text.utf8.count
        guard size >= 600 else { return .needsFullPass }
        var copy = text
        var exoticSpaces = false
        var localBreaks: [(offset: Int, reason: String)] = []
        let dense = signals * 1000 >= size * 3 / 4
        let limit = Float(size) * settings.localBreaksPerThousand / 1000
        func damagedAt(_ count: Int) -> Bool { dense && Float(count) >= limit }
        var quoted = false
        let clean = copy.withUTF8 { bytes -> Bool in
            func isLetter(_ byte: UInt8) -> Bool { (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) }
            func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
            // . ! ? , ; : ) "
            func isSignPunctuation(_ byte: UInt8) -> Bool {
                switch byte {
                case 0x2E, 0x21, 0x3F, 0x2C, 0x3B, 0x3A, 0x29, 0x22: return true
                default: return false
                }
            }
            // The length of a space at `index`: ASCII, or U+00A0, U+2000–U+200A, U+202F, U+3000 (which
            // the full pass would only turn into plain spaces); 0 elsewhere.
            func spaceLength(_ index: Int) -> Int {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { return 1 }
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { return 2 }
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                   bytes[index + 2] <= 0x8A || bytes[index + 2] == 0xAF { return 3 }
                if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return 3 }
                return 0
            }
            // Whether a long run of letters is part of a word with an apostrophe ("del'alternance"):
            // the full pass weighs that whole word, whose frequency is not the run's.
            func joinedByApostrophe(_ run: Range<Int>, _ token: Range<Int>) -> Bool {
                (run.lowerBound >= token.lowerBound + 2 && bytes[run.lowerBound - 1] == 0x27 && isLetter(bytes[run.lowerBound - 2]))
                    || (run.upperBound + 1 < token.upperBound && bytes[run.upperBound] == 0x27 && isLetter(bytes[run.upperBound + 1]))
            }
            var start = 0
            var index = 0
            while index <= bytes.count {
                let length = index == bytes.count ? 1 : spaceLength(index)
                guard length > 0 else { index += 1; continue }
                if length > 1 { exoticSpaces = true }
                let token = start..<index
                start = index + length
                index += length
                guard token.count > 5 else { continue }
                var suspicious = false
                var nonASCII = false
                var letters = 0
                var position = token.lowerBound
                while position < token.upperBound, !suspicious {
                    let byte = bytes[position]
                    if byte >= 0x80 { nonASCII = true }
                    if isLetter(byte) { letters += 1 } else {
                        if letters >= 9, joinedByApostrophe((position - letters)..<position, token)
                            || !isKnown(bytes, (position - letters)..<position, model: model) { suspicious = true }
                        letters = 0
                    }
                    if position > token.lowerBound {
                        let previous = bytes[position - 1]
                        if previous >= 0x61 && previous <= 0x7A && byte >= 0x41 && byte <= 0x5A { suspicious = true }
                        if (isLetter(previous) && isDigit(byte)) || (isDigit(previous) && isLetter(byte)) { suspicious = true }
                        // As the block's own test: an apostrophe before a letter ("didn't") is no sign.
                        if isSignPunctuation(previous), isLetter(byte) || byte == 0x28 || byte == 0x22 || byte == 0x27 {
                            suspicious = true
                        }
                        if byte == 0x28 || byte == 0x22 { suspicious = true }
                    }
                    position += 1
                }
                if letters >= 9, joinedByApostrophe((token.upperBound - letters)..<token.upperBound, token)
                    || !isKnown(bytes, (token.upperBound - letters)..<token.upperBound, model: model) { suspicious = true }
                guard suspicious || nonASCII else { continue }
                let scalars = Array(String(decoding: UnsafeBufferPointer(rebasing: bytes[token]), as: UTF8.self).unicodeScalars)
                if scalars.contains(where: { Self.isInvisible($0) || Self.isExoticSpace($0) }) { return false }
                // Curly quotes and accented letters: the block's own test, on the scalars, says
                // whether the light pass would look at the token at all.
                if !suspicious, scalars.count <= 5 || !BlockRepair.isSuspicious(0..<scalars.count, { scalars[$0] }) { continue }
                var block = BlockRepair(scalars: scalars, range: 0..<scalars.count, model: model, vocabulary: HashTable(),
                                        settings: settings, light: true, memo: memo,
                                        startsWithSentence: Self.startsSentence(bytes, before: token.lowerBound))
                let breaks = block.breaks()
                // The full pass would find the same breaks in this token, unless a straight quote
                // in it took its role from the quotes before it (its line may have others). Text
                // with many signs of glue gets the full pass's closer look: any quote counts there.
                if dense ? bytes[token].contains(where: { $0 == 0x22 || $0 == 0x27 }) : block.quoteRolesFollowState {
                    quoted = true
                }
                guard !breaks.isEmpty else { continue }
                for (position, reason) in breaks {
                    let offset = token.lowerBound + scalars[..<position].reduce(0) { $0 + UTF8.width($1) }
                    localBreaks.append((offset, reason))
                }
                if damagedAt(localBreaks.count) { return false }
            }
            return true
        }
        guard clean else { return .needsFullPass }
        // Many signs of glue, and many glued tokens found: the text was damaged as a whole, and
        // the full pass must find its line layout.
        if damagedAt(localBreaks.count) { return .needsFullPass }
        if !localBreaks.isEmpty { return exoticSpaces || quoted ? .needsFullPass : .localBreaks(localBreaks) }
        return exoticSpaces ? .spacesOnly : .clean
    }

    /// Whether the token at UTF-8 offset `start` starts a sentence, judged as the full pass judges
    /// it inside its line: the last mark before it, past spaces and closing quotes, ends a sentence.
    static func startsSentence(_ bytes: UnsafeBufferPointer<UInt8>, before start: Int) -> Bool {
        var end = start - 1
        while end >= 0, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0D { end -= 1 }
        guard end >= 0, bytes[end] != 0x0A else { return true }
        func scalarStart(_ end: Int) -> Int {
            var index = end
            while index > 0, bytes[index] & 0xC0 == 0x80 { index -= 1 }
            return index
        }
        var first = scalarStart(end)
        while first > 0, bytes[first - 1] != 0x0A {
            let mark = Array(bytes[first...end])
            // ” ’ " ' )
            guard mark == [0xE2, 0x80, 0x9D] || mark == [0xE2, 0x80, 0x99] || mark == [0x22] || mark == [0x27] || mark == [0x29] else { break }
            end = first - 1
            first = scalarStart(end)
        }
        guard first == end else { return false }
        let mark = bytes[end]
        return mark == 0x2E || mark == 0x21 || mark == 0x3F || mark == 0x3A
    }

    /// The text with a space inserted at each UTF-8 offset, and the edits, as the full pass would
    /// report them: for clean text with a few glued tokens, without per-character arrays.
    static func insertSpaces(into text: String, at breaks: [(offset: Int, reason: String)],
                             normalizingSpaces: Bool = false) -> RepairResult {
        // Exotic spaces (U+00A0, U+2000–U+200A, U+202F, U+3000) become plain spaces: each is an
        // edit at its offset, with no space inserted.
        var seen = Set<Int>()
        var changes = breaks.filter { seen.insert($0.offset).inserted }.map { (offset: $0.offset, reason: Optional($0.reason), length: 0) }
        let bytes = Array(text.utf8)
        if normalizingSpaces {
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 {
                    changes.append((index, nil, 2))
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] <= 0x8A || bytes[index + 2] == 0xAF {
                    changes.append((index, nil, 3))
                } else if byte == 0xE3, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
                    changes.append((index, nil, 3))
                }
                index += 1
            }
        }
        changes.sort { $0.offset < $1.offset }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + changes.count)
        var edits: [RepairEdit] = []
        var copied = 0
        var scalarIndex = 0, line = 1, column = 1
        for (offset, reason, length) in changes {
            // Scalar index, line and column of the change, counted from the previous one.
            for byte in bytes[copied..<offset] where byte & 0xC0 != 0x80 {
                scalarIndex += 1
                if byte == 0x0A { line += 1; column = 1 } else { column += 1 }
            }
            output += bytes[copied..<offset]
            output.append(0x20)
            copied = offset + length
            if let reason {
                edits.append(RepairEdit(kind: .insertedSpace, offset: scalarIndex, line: line, column: column,
                                        context: context(bytes, at: offset), reason: reason))
            } else {
                edits.append(RepairEdit(kind: .normalizedSpace, offset: scalarIndex, line: line, column: column, context: "",
                                        reason: "non-breaking or typographic space made a plain space"))
                scalarIndex += 1
                column += 1
            }
        }
        output += bytes[copied...]
        return RepairResult(text: String(decoding: output, as: UTF8.self), edits: edits)
    }

    /// Up to 12 scalars either side of a UTF-8 offset, joined by "|".
    private static func context(_ bytes: [UInt8], at offset: Int) -> String {
        var start = offset, end = offset, count = 0
        while start > 0, count < 12 {
            start -= 1
            if bytes[start] & 0xC0 != 0x80 { count += 1 }
        }
        count = 0
        while end < bytes.count, count < 12 {
            end += 1
            while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
            count += 1
        }
        return String(decoding: bytes[start..<offset], as: UTF8.self) + "|" + String(decoding: bytes[offset..<end], as: UTF8.self)
    }

    /// What the token check found.
    enum TokenCheck {
        /// Nothing to change.
        case clean
        /// Only exotic spaces to make plain.
        case spacesOnly
        /// Spaces to insert at these UTF-8 offsets, found in suspicious tokens of clean text.
        case localBreaks([(offset: Int, reason: String)])
        /// The full pass must look.
        case needsFullPass
    }

    /// Whether the ASCII letters `span` form a word of the frequency list (memoized).
    private func isKnown(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Range<Int>, model: RepairModel) -> Bool {
        var hash: UInt64 = 0xcbf29ce484222325
        for byte in bytes[span] { hash = (hash ^ UInt64(byte | 0x20)) &* 0x100000001b3 }
        let value = memo.zipf(hash) {
            let lower = bytes[span].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            return lower.withUnsafeBufferPointer { model.frequencies.zipf(utf8: $0) }
        }
        return !value.isNaN
    }

    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\u{00AD}" || scalar == "\u{200B}" || scalar == "\u{FEFF}" || scalar == "\u{2060}"
    }

    static func isExoticSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    /// How often each lowercase word appears in the text, keyed by a hash of its lowercase
    /// UTF-8 bytes: a name seen elsewhere in the article is a word.
    static func documentVocabulary(_ scalars: [Unicode.Scalar]) -> HashTable<Int> {
        var counts = HashTable<Int>(capacity: scalars.count / 8)
        var buffer = LowercaseWord()
        var start = -1
        for index in 0...scalars.count {
            let isLetter = index < scalars.count && CharacterClass.isLetter(scalars[index])
            if isLetter {
                if start < 0 { start = index }
            } else if start >= 0 {
                buffer.load(scalars[start..<index])
                let key = buffer.hash(0..<buffer.count)
                counts.set(key, (counts[key] ?? 0) + 1)
                start = -1
            }
        }
        return counts
    }

    /// Builds the output text and the list of edits, in input order.
    static func assemble(text: String, scalars: [Unicode.Scalar], origin: [Int32],
                         removed: [(Int, Unicode.Scalar)], breaks: [(position: Int, reason: String)]) -> RepairResult {
        var edits: [RepairEdit] = []
        let sortedBreaks = breaks.sorted { $0.position < $1.position }
        // Clean text (most text) comes back as it was, without being rebuilt.
        if sortedBreaks.isEmpty, removed.isEmpty, !scalars.contains(where: isExoticSpace) {
            return RepairResult(text: text, edits: [])
        }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + sortedBreaks.count)
        func append(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { output.append($0) }
        }
        var breakIndex = 0
        var spaceEdits: [Int] = []
        for (index, scalar) in scalars.enumerated() {
            if breakIndex < sortedBreaks.count, sortedBreaks[breakIndex].position == index {
                output.append(0x20)
                let context = String(String.UnicodeScalarView(scalars[max(0, index - 12)..<index])) + "|"
                    + String(String.UnicodeScalarView(scalars[index..<min(scalars.count, index + 12)]))
                edits.append(RepairEdit(kind: .insertedSpace, offset: Int(origin[index]), line: 0, column: 0,
                                        context: context, reason: sortedBreaks[breakIndex].reason))
                while breakIndex < sortedBreaks.count, sortedBreaks[breakIndex].position <= index { breakIndex += 1 }
            }
            if isExoticSpace(scalar) {
                output.append(0x20)
                spaceEdits.append(Int(origin[index]))
            } else {
                append(scalar)
            }
        }
        for offset in spaceEdits {
            edits.append(RepairEdit(kind: .normalizedSpace, offset: offset, line: 0, column: 0, context: "",
                                    reason: "non-breaking or typographic space made a plain space"))
        }
        for (offset, scalar) in removed {
            let name = scalar == "\u{00AD}" ? "soft hyphen" : scalar == "\u{FEFF}" ? "zero-width no-break space" : "zero-width space"
            edits.append(RepairEdit(kind: .removedCharacter, offset: offset, line: 0, column: 0, context: "",
                                    reason: "\(name) (U+\(String(scalar.value, radix: 16, uppercase: true))) removed"))
        }
        edits.sort { $0.offset < $1.offset }
        // Line and column of each edit in the input.
        if !edits.isEmpty {
            var line = 1
            var column = 1
            var editIndex = 0
            for (index, scalar) in text.unicodeScalars.enumerated() {
                while editIndex < edits.count, edits[editIndex].offset == index {
                    edits[editIndex].line = line
                    edits[editIndex].column = column
                    editIndex += 1
                }
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                if editIndex == edits.count { break }
            }
        }
        return RepairResult(text: String(decoding: output, as: UTF8.self), edits: edits)
    }
}

/// Character classes repair reasons with.
enum CharacterClass {
    /// Letters of the Latin script: the scripts repair has models for.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value) }
        if value < 0xC0 || value == 0xD7 || value == 0xF7 { return false }
        return value <= 0x24F || (0x1E00...0x1EFF).contains(value)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { (0x30...0x39).contains(scalar.value) }

    static func isUpper(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (0x41...0x5A).contains(scalar.value) }
        return isLetter(scalar) && scalar.properties.isUppercase
    }

    static func isLower(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 { return (0x61...0x7A).contains(scalar.value) }
        return isLetter(scalar) && scalar.properties.isLowercase
    }

    static func isSeparator(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\n" }

    static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool { scalar == "'" || scalar == "\u{2019}" }

    /// . , ! ? ; :
    static func isClausePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", ",", "!", "?", ";", ":": return true
        default: return false
        }
    }

    /// Opening brackets and typographic opening quotes: ( “ ‘ « [ {
    static func isOpening(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "(", "\u{201C}", "\u{2018}", "\u{AB}", "[", "{": return true
        default: return false
        }
    }

    /// Punctuation a line never starts with: , . ; : ! ? ) ] } ” » …
    static func isClosingPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ",", ".", ";", ":", "!", "?", ")", "]", "}", "\u{201D}", "\u{BB}", "\u{2026}": return true
        default: return false
        }
    }

    /// Hyphen, en dash and em dash.
    static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "\u{2014}" || scalar == "\u{2013}"
    }
}

/// A word lowercased into UTF-8 bytes, with the byte offset of each of its scalars, reused
/// from word to word so that scoring splits allocates nothing.
struct LowercaseWord {
    private(set) var bytes: [UInt8] = []
    /// Byte offset where scalar `i` starts; one more entry for the end.
    private(set) var offsets: [Int] = []

    /// How many scalars the word has.
    var count: Int { offsets.count - 1 }

    mutating func load(_ scalars: ArraySlice<Unicode.Scalar>) {
        bytes.removeAll(keepingCapacity: true)
        offsets.removeAll(keepingCapacity: true)
        for scalar in scalars {
            offsets.append(bytes.count)
            let value = scalar.value
            if value < 0x80 {
                bytes.append(UInt8(value >= 0x41 && value <= 0x5A ? value + 0x20 : value))
            } else if scalar == "\u{2019}" {
                bytes.append(UInt8(ascii: "'"))
            } else {
                bytes.append(contentsOf: String(scalar).lowercased().utf8)
            }
        }
        offsets.append(bytes.count)
    }

    /// Runs `body` over the bytes of scalars `span`.
    func withBytes<R>(_ span: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[offsets[span.lowerBound]..<offsets[span.upperBound]]))
        }
    }

    /// The lowercase text of scalars `span`.
    func string(_ span: Range<Int>) -> String {
        String(decoding: bytes[offsets[span.lowerBound]..<offsets[span.upperBound]], as: UTF8.self)
    }

    /// FNV-1a hash of the bytes of scalars `span`.
    func hash(_ span: Range<Int>) -> UInt64 {
        var value: UInt64 = 0xcbf29ce484222325
        for byte in bytes[offsets[span.lowerBound]..<offsets[span.upperBound]] {
            value = (value ^ UInt64(byte)) &* 0x100000001b3
        }
        return value
    }
}

/// A cache of word-frequency lookups keyed by a hash of the lowercase word, kept by a repairer
/// across the articles it repairs (one repairer per thread).
final class FrequencyMemo {
    // Unchecked: one repairer per thread (see Repairer), and the lookup closure never reaches
    // back into the memo; the dynamic exclusivity check cost more than the lookup itself.
    @exclusivity(unchecked) private var values = HashTable<Float>(capacity: 4096)

    /// The Zipf value of the word, or NaN when the list does not have it.
    func zipf(_ key: UInt64, lookup: () -> Double?) -> Float {
        if let value = values[key] { return value }
        let value = lookup().map(Float.init) ?? .nan
        if values.count > 300_000 { values.removeAll() }
        values.set(key, value)
        return value
    }
}
