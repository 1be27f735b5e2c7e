/// Finds the lost spaces in one block of text (a stretch without line breaks).
struct BlockRepair {
    typealias C = CharacterClass

    let text: [Unicode.Scalar]
    let range: Range<Int>
    let model: RepairModel
    let vocabulary: HashTable<Int>
    let settings: Repairer.Settings
    /// Clean-looking text: only long words and suspicious tokens are examined, with no layout search.
    let light: Bool
    let memo: FrequencyMemo

    /// Per position (relative to the block): score of the word evidence and of the local cue.
    private var lex: [Float]
    private var cue: [Float]
    private var isCandidate: [Bool]
    /// In-word hyphens where a line may have broken without losing a space.
    private var isSilentBreak: [Bool]
    private var candidates: [Int32] = []
    private var runs: [Range<Int>] = []
    private var runAt: [Int32]
    private var quoteOpens: [Int: Bool] = [:]
    /// Whether some straight quote's role was taken from the quotes before it rather than from its
    /// neighbours: a token examined on its own may then read it otherwise than its line would.
    private(set) var quoteRolesFollowState = false
    private var word = LowercaseWord()
    /// The letter sequence whose splits are being scored, and what is known of it.
    private var currentWord = 0..<0
    private var currentWhole: Float = 0
    private var skipWord = false
    private var skipAbove: Float = 5
    /// Whole-word frequencies already looked up, by hash of the lowercase word.
    private var wholeCache = HashTable<Float>()

    /// Whether the block's first word starts a sentence: true for a line; a token examined on its
    /// own takes it from the text before it.
    let startsWithSentence: Bool

    init(scalars: [Unicode.Scalar], range: Range<Int>, model: RepairModel, vocabulary: HashTable<Int>, settings: Repairer.Settings, light: Bool = false,
         memo: FrequencyMemo = FrequencyMemo(), startsWithSentence: Bool = true) {
        self.light = light
        self.startsWithSentence = startsWithSentence
        self.memo = memo
        self.text = scalars
        self.range = range
        self.model = model
        self.vocabulary = vocabulary
        self.settings = settings
        let count = range.count
        lex = [Float](repeating: 0, count: count + 1)
        cue = [Float](repeating: 0, count: count + 1)
        isCandidate = [Bool](repeating: false, count: count + 1)
        isSilentBreak = [Bool](repeating: false, count: count + 1)
        runAt = [Int32](repeating: -1, count: count)
    }

    private func at(_ position: Int) -> Unicode.Scalar {
        let index = range.lowerBound + position
        return index >= range.lowerBound && index < range.upperBound ? text[index] : " "
    }

    /// Break positions (indices into the whole text) with the reason for each.
    mutating func breaks() -> [(position: Int, reason: String)] {
        findRuns()
        findQuoteRoles()
        // A first, cheap pass only looks inside rare words: enough to find glue when the text is
        // clean (most text), and to tell whether it is damaged. Damaged text is scored in full.
        findAllCandidates(skippingWordsAbove: 3)
        if !light, looksDamaged {
            findAllCandidates(skippingWordsAbove: 5)
        }
        var chosen: [Int: String] = [:]
        if !light, let layout = bestLayout() {
            for (layoutPosition, kind) in layout.breaks where isCandidate[layoutPosition] {
                let position = betterSplit(near: layoutPosition)
                // A paragraph end the words argue against is more likely a missed wrap than a glue.
                if kind == .paragraph, lex[position] + cue[position] < settings.paragraphEvidence { continue }
                chosen[position] = kind == .wrap
                    ? "glued at a lost line break (lines of \(layout.width) characters)"
                    : "glued at a lost paragraph break"
            }
        } else {
            for position in candidates.map(Int.init) where lex[position] + cue[position] >= settings.lexicalThreshold {
                chosen[position] = "glued words (word frequencies)"
            }
        }
        // Where the layout lost track (real pages are not monospaced), strong word evidence
        // still counts, in runs the layout left alone.
        // Counted per letter sequence, so that "USsanctions.The" can take both of its breaks.
        var runsWithBreaks = Set(chosen.keys.map { wordStart(at: $0) })
        for position in candidates.map(Int.init) where lex[position] + cue[position] >= settings.lexicalThreshold + settings.layoutLexicalMargin
            && !runsWithBreaks.contains(wordStart(at: position)) && chosen[position] == nil {
            chosen[position] = "glued words (word frequencies)"
            runsWithBreaks.insert(wordStart(at: position))
        }
        // A sentence end glued to a capital is a lost break wherever it stands.
        for position in candidates.map(Int.init) where cue[position] >= 4 && chosen[position] == nil {
            chosen[position] = "sentence end glued to the next sentence"
        }
        return chosen.map { (range.lowerBound + $0.key, $0.value) }
    }

    /// A split of the same glued word that the words argue for much more strongly: real pages
    /// are not monospaced, so the layout only says which word is glued, not always where.
    private func betterSplit(near position: Int) -> Int {
        guard position > 0, runAt[position] >= 0 else { return position }
        let run = runs[Int(runAt[position])]
        var wordStart = position
        while wordStart > run.lowerBound, C.isLetter(at(wordStart - 1)) { wordStart -= 1 }
        var wordEnd = position
        while wordEnd < run.upperBound, C.isLetter(at(wordEnd)) { wordEnd += 1 }
        let current = lex[position] + cue[position]
        var best = position
        var bestValue = -Float.infinity
        for other in (run.lowerBound + 1)..<run.upperBound where other != position && isCandidate[other] {
            // Within the same word a small margin will do; across punctuation it must be clear.
            let margin = (wordStart...wordEnd).contains(other) ? settings.resplitMargin : 3
            let value = lex[other] + cue[other]
            if value > current + margin, value > bestValue { best = other; bestValue = value }
        }
        return best
    }

    /// Where the letters around `position` start (the position itself when it is not inside letters).
    private func wordStart(at position: Int) -> Int {
        var start = position
        while start > 0, C.isLetter(at(start - 1)), C.isLetter(at(start)) || start < position { start -= 1 }
        return start
    }

    /// Whether the dashes just before `position` reach back to the start of the run.
    private func dashes(endingAt position: Int, reachStartOf run: Range<Int>) -> Bool {
        var index = position - 1
        while index > run.lowerBound, C.isDash(at(index - 1)) { index -= 1 }
        return index == run.lowerBound
    }

    /// Whether the dashes from `position` on reach the end of the run.
    private func dashes(startingAt position: Int, reachEndOf run: Range<Int>) -> Bool {
        var index = position
        while index < run.upperBound, C.isDash(at(index)) { index += 1 }
        return index == run.upperBound
    }

    /// Whether a run is a web address, an e-mail address, a hashtag or a handle: never split.
    private func isAddressOrTag(_ run: Range<Int>) -> Bool {
        let first = at(run.lowerBound)
        if first == "#" || first == "@" { return true }
        // Addresses need a full stop, a colon or an at sign: most tokens are settled without a string.
        guard run.dropLast().contains(where: { (at($0) == "." || at($0) == ":" || at($0) == "@")
            && (C.isLower(at($0 + 1)) || at($0 + 1) == "/") }) else { return false }
        let text = lowercase(run)
        if text.contains("://") || text.hasPrefix("www.") || text.contains("@") { return true }
        // A domain ends the token (or a path follows it), in small letters: "marché.Des" and
        // "fois.Ca" are glue, not ".de" or ".ca".
        var original = String.UnicodeScalarView()
        original.append(contentsOf: run.map(at))
        var trimmed = Substring(String(original))
        while let last = trimmed.last, ".,;:!?)\"'".contains(last) { trimmed = trimmed.dropLast() }
        for suffix in [".com", ".org", ".net", ".gov", ".edu", ".uk", ".us", ".ca", ".au", ".eu", ".fr", ".de", ".io", ".int", ".info", ".tv"] {
            if trimmed.hasSuffix(suffix) || trimmed.contains(suffix + "/") { return true }
        }
        return false
    }

    /// Whether the run starting at `position` starts a sentence (or the block).
    private func startsSentence(at position: Int) -> Bool {
        var index = position - 1
        while index >= 0, C.isSeparator(at(index)) { index -= 1 }
        guard index >= 0 else { return startsWithSentence }
        var mark = at(index)
        while index > 0, mark == "\u{201D}" || mark == "\u{2019}" || mark == "\"" || mark == "'" || mark == ")" {
            index -= 1
            mark = at(index)
        }
        return mark == "." || mark == "!" || mark == "?" || mark == ":"
    }

    // MARK: Runs and quotes

    private mutating func findRuns() {
        var position = 0
        let count = range.count
        while position < count {
            while position < count, C.isSeparator(at(position)) { position += 1 }
            if position >= count { break }
            let start = position
            while position < count, !C.isSeparator(at(position)) {
                runAt[position] = Int32(runs.count)
                position += 1
            }
            runs.append(start..<position)
        }
    }

    /// Decides for each straight quote whether it opens or closes, so that a space lost next to
    /// it is put on the right side.
    private mutating func findQuoteRoles() {
        var open: [Unicode.Scalar: Bool] = ["'": false, "\"": false]
        for position in 0..<range.count {
            let scalar = at(position)
            guard scalar == "'" || scalar == "\"" else { continue }
            let before = position > 0 ? at(position - 1) : " "
            let after = at(position + 1)
            let opens: Bool
            if scalar == "'", C.isLetter(after) {
                // "Jr.'s", "1990's": a contraction after anything is an apostrophe.
                var end = position + 1
                while end < range.count, C.isLetter(at(end)) { end += 1 }
                if model.contractions.contains(lowercase(position + 1..<end)) { continue }
            }
            if scalar == "'", C.isLetter(before), C.isLetter(after) {
                var end = position + 1
                while end < range.count, C.isLetter(at(end)) { end += 1 }
                let right = lowercase(position + 1..<end)
                if model.contractions.contains(right) { continue }
                // "O'Neill", "D'Angelo": one capital before it makes a name.
                if C.isUpper(before), position < 2 || !C.isLetter(at(position - 2)) { continue }
                // French elision ("l'armée", "trufféd'âneries"): an apostrophe, whatever precedes it.
                if endsWithElision(before: position) { continue }
                quoteRolesFollowState = true
                if let first = right.first, "stdm".contains(first), open[scalar] == false, !model.contractions.isEmpty { continue }
                opens = open[scalar] == false
            } else if C.isSeparator(before) || C.isOpening(before) || C.isDash(before) {
                opens = true
            } else if C.isSeparator(after) || C.isClosingPunctuation(after) {
                opens = false
            } else {
                quoteRolesFollowState = true
                opens = open[scalar] == false
            }
            quoteOpens[position] = opens
            open[scalar] = opens
        }
    }

    // MARK: Word evidence

    /// Whether the letters just before `position` end with an elided word ("l", "d", "qu" …).
    private func endsWithElision(before position: Int) -> Bool {
        guard !model.elisions.isEmpty else { return false }
        var start = position
        while start > 0, position - start < 6, C.isLetter(at(start - 1)) {
            start -= 1
            let piece = lowercase(start..<position)
            if model.elisions.contains(piece) {
                // "trufféd'" ends with "d'"; also accept when nothing precedes the elision.
                return true
            }
        }
        return false
    }

    private func lowercase(_ span: Range<Int>) -> String {
        var view = String.UnicodeScalarView()
        for position in span {
            let scalar = at(position)
            view.append(scalar == "\u{2019}" ? "'" : scalar)
        }
        return String(view).lowercased()
    }

    /// Zipf frequency of scalars `span` of the loaded word: from the model, the article itself,
    /// or a guess for unknown words.
    private func zipf(_ span: Range<Int>, whole: Bool = false, nameLike: Bool = false) -> Float {
        let length = span.count
        var value: Float
        if length == 1, !model.singleLetterWords.contains(word.string(span)) {
            value = -3
        } else if case let known = memo.zipf(word.hash(span), lookup: { word.withBytes(span) { model.frequencies.zipf(utf8: $0) } }),
                  !known.isNaN {
            value = known
        } else if let elided = elidedZipf(span) {
            value = elided
        } else {
            value = 1.0 - 0.25 * Float(length)
        }
        guard value < 4.5 else { return value }
        let seen = vocabulary[word.hash(span)] ?? 0
        if whole {
            // A glued token seldom repeats, so a name seen twice is a word of the article.
            // Lowercase compounds get no such credit: the same two words can be glued twice.
            if seen >= 2, nameLike { value = max(value, 4.5) }
        } else if seen >= 1, length > 1 {
            value = max(value, 3.0)
        }
        return value
    }

    /// The frequency of a word with an apostrophe that the list lacks, from its main part:
    /// "d'âneries" from "âneries", "Kilmarnock's" from "kilmarnock".
    private func elidedZipf(_ span: Range<Int>) -> Float? {
        let string = word.string(span)
        guard let apostrophe = string.firstIndex(of: "'") else { return nil }
        let before = String(string[..<apostrophe]), after = String(string[string.index(after: apostrophe)...])
        guard !before.isEmpty, !after.isEmpty else { return nil }
        if model.elisions.contains(before) { return model.frequencies.zipf(after).map { Float($0) - 0.5 } }
        if model.contractions.contains(after) { return model.frequencies.zipf(before).map { Float($0) - 0.5 } }
        return nil
    }

    /// Loads scalars `span` of the block as the current word.
    private mutating func loadWord(_ span: Range<Int>) {
        word.load(text[(range.lowerBound + span.lowerBound)..<(range.lowerBound + span.upperBound)])
    }

    private mutating func add(_ position: Int, lex value: Float, cue bonus: Float) {
        lex[position] = value
        cue[position] = bonus
        isCandidate[position] = true
        candidates.append(Int32(position))
    }

    /// Whether there are enough signs of glue to look for a lost line layout: text without them
    /// (most clean articles) needs no layout search.
    private var looksDamaged: Bool {
        let strong = candidates.count { lex[Int($0)] + cue[Int($0)] >= 2 }
        return range.count >= 2 * settings.widths.lowerBound && strong >= 3 && strong * 1000 >= 3 * range.count
    }

    /// Scores every candidate of every run, looking inside words whose Zipf frequency is at most
    /// `threshold` (or that change case inside).
    private mutating func findAllCandidates(skippingWordsAbove threshold: Float) {
        skipAbove = threshold
        for position in candidates.map(Int.init) {
            lex[position] = 0
            cue[position] = 0
            isCandidate[position] = false
        }
        candidates.removeAll(keepingCapacity: true)
        for run in runs { findCandidates(in: run) }
    }

    /// Whether a run shows a sign of glue: punctuation followed by a letter or quote inside it, a
    /// change to a capital after a small letter, a letter next to a digit, or a long word.
    private func isSuspicious(_ run: Range<Int>) -> Bool {
        Self.isSuspicious(run, at)
    }

    /// `isSuspicious` over any scalars: the token check asks it before building a block.
    static func isSuspicious(_ run: Range<Int>, _ at: (Int) -> Unicode.Scalar) -> Bool {
        var letters = 0
        for position in run {
            let scalar = at(position)
            if C.isLetter(scalar) {
                letters += 1
                if letters >= 9 { return true }
            } else {
                letters = 0
            }
            guard position > run.lowerBound else { continue }
            let previous = at(position - 1)
            if C.isLower(previous) && C.isUpper(scalar) { return true }
            if (C.isLetter(previous) && C.isDigit(scalar)) || (C.isDigit(previous) && C.isLetter(scalar)) { return true }
            if position + 1 < run.upperBound, C.isClausePunctuation(previous) || previous == "\u{201D}" || previous == "\u{2019}" || previous == "\"" || previous == ")",
               C.isLetter(scalar) || C.isOpening(scalar) || scalar == "\"" || scalar == "'" { return true }
            if C.isOpening(scalar) || scalar == "\"" { return true }
        }
        return false
    }

    /// Longest run of letters repair looks inside: several glued words fit in it easily.
    static let maxGluedLetters = 64

    /// Scores every place inside a run where a space may have been lost.
    private mutating func findCandidates(in run: Range<Int>) {
        // The light pass skips short tokens (glue shows in long ones: "it.The" has six characters)
        // and tokens with nothing suspicious in them.
        guard run.count > (light ? 5 : 1) else { return }
        if run.count > 4, isAddressOrTag(run) { return }
        if light, !isSuspicious(run) { return }
        currentWord = 0..<0
        for position in (run.lowerBound + 1)..<run.upperBound {
            let a = at(position - 1), b = at(position)
            let next: Unicode.Scalar = position + 1 < run.upperBound ? at(position + 1) : " "
            let beforeA: Unicode.Scalar = position - 2 >= run.lowerBound ? at(position - 2) : " "
            if C.isClosingPunctuation(b) || C.isOpening(a) { continue }
            let aLetter = C.isLetter(a), bLetter = C.isLetter(b)
            if aLetter && bLetter {
                if position >= currentWord.upperBound {
                    var start = position
                    while start > run.lowerBound, C.isLetter(at(start - 1))
                            || (C.isApostrophe(at(start - 1)) && start - 1 > run.lowerBound && C.isLetter(at(start - 2))) {
                        start -= 1
                    }
                    var end = position
                    while end < run.upperBound, C.isLetter(at(end))
                            || (C.isApostrophe(at(end)) && end + 1 < run.upperBound && C.isLetter(at(end + 1))) {
                        end += 1
                    }
                    currentWord = start..<end
                    // Glue joins a few words; a longer run of letters is not language (a
                    // 1 MB "word") and is left as it is, so cost stays linear in its length.
                    if end - start > Self.maxGluedLetters {
                        skipWord = true
                        continue
                    }
                    var caseChange = false
                    for inner in (start + 1)..<end where C.isUpper(at(inner)) && C.isLower(at(inner - 1)) {
                        caseChange = true
                        break
                    }
                    let afterDigit = start > run.lowerBound && C.isDigit(at(start - 1))
                    // The cheap pass leaves short words alone: they are rarely glue, and most words are short.
                    if skipAbove < 5, end - start < (light ? 9 : 5), !caseChange, !afterDigit {
                        skipWord = true
                        continue
                    }
                    loadWord(currentWord)
                    let key = word.hash(0..<word.count)
                    if let cached = wholeCache[key] {
                        currentWhole = cached
                    } else {
                        currentWhole = zipf(0..<word.count, whole: true, nameLike: C.isUpper(at(start)))
                        wholeCache.set(key, currentWhole)
                    }
                    // A common word with no change of case inside is not two glued words.
                    skipWord = currentWhole >= skipAbove && !caseChange && !afterDigit
                }
                if skipWord { continue }
                let start = currentWord.lowerBound, end = currentWord.upperBound
                let split = position - start, length = end - start
                var rightZipf = zipf(split..<length)
                var leftZipf = zipf(0..<split)
                var wholeZipf = currentWhole
                // Letters right after a number: "F-35sand" is "F-35s and", not "F-35 sand".
                if start > run.lowerBound, C.isDigit(at(start - 1)), model.numberSuffixes.contains(word.string(0..<split)) {
                    leftZipf = max(leftZipf, 5)
                    if !model.numberSuffixes.contains(word.string(0..<length)) { wholeZipf = min(wholeZipf, 0) }
                }
                // "theU.S.": a capital initial before a full stop is an abbreviation, not noise.
                if end - position == 1, C.isUpper(b), at(end) == "." { rightZipf = 4 }
                // "theS-400": a capital before a hyphen or digit starts a designation.
                if end - position == 1, C.isUpper(b), end < run.upperBound, C.isDash(at(end)) || C.isDigit(at(end)) { rightZipf = 4 }
                // A one-letter word is frequent everywhere, which would make a name such as
                // "Hatha" look like "Hath a".
                if end - position == 1, C.isUpper(at(start)) { rightZipf = min(rightZipf, 4) }
                // A capitalized word inside a sentence is a name: "Ortagussaid" is not "Or tagussaid".
                // Acronyms ("USsanctions") are not names of that kind.
                if C.isUpper(at(start)), C.isLower(at(start + 1)), (2...3).contains(split), !startsSentence(at: run.lowerBound) {
                    leftZipf = min(leftZipf, 3)
                }
                let value = leftZipf + rightZipf - 9 - wholeZipf
                var bonus: Float = 0
                if C.isLower(a) && C.isUpper(b) {
                    // "iPad", "eBay", "iReport": one small letter before a capital is a brand.
                    bonus = split == 1 ? -3 : 3
                } else if C.isUpper(a) && C.isUpper(b) {
                    bonus = C.isLower(next) ? 1 : -1
                } else if C.isUpper(a) && C.isLower(b) {
                    // "USsanctions": an acronym glued to a lowercase word; otherwise "UNited" noise.
                    let acronym = split >= 2 && (start..<position).allSatisfy { C.isUpper(at($0)) }
                    let lowerWord = length - split >= 3 && (position..<end).allSatisfy { C.isLower(at($0)) }
                    bonus = acronym && lowerWord ? 1 : -2
                }
                add(position, lex: value, cue: bonus)
            } else if a == "." || a == "!" || a == "?" {
                guard bLetter || C.isOpening(b) || ((b == "'" || b == "\"") && quoteOpens[position] == true) else { continue }
                if a == "." {
                    // "U.S.", "e.g.", "a.m.": a full stop close to another one, or after one letter.
                    let leftLength = position - 1 - run.lowerBound
                    if leftLength <= 1 { continue }
                    let window = max(run.lowerBound, position - 4)..<(position - 1)
                    if window.contains(where: { at($0) == "." }) { continue }
                }
                let capital = C.isUpper(b) || !bLetter
                add(position, lex: 0, cue: capital ? 4 : -1)
            } else if a == "," || a == ";" || a == ":" {
                guard bLetter || C.isOpening(b) || b == "'" || b == "\"" else { continue }
                if (b == "'" || b == "\"") && quoteOpens[position] != true { continue }
                add(position, lex: 0, cue: 3)
            } else if a == "\u{201D}" || a == "\u{BB}" || a == ")" || a == "]" {
                guard bLetter || C.isOpening(b) || C.isDigit(b) || b == "'" || b == "\"" else { continue }
                // 'Patriots.”In': a quoted sentence's end glued to the next sentence.
                let sentenceEnd = (beforeA == "." || beforeA == "!" || beforeA == "?") && (C.isUpper(b) || C.isOpening(b))
                add(position, lex: 0, cue: sentenceEnd ? 4 : 3)
            } else if a == "'" || a == "\"" {
                guard bLetter || C.isOpening(b) else { continue }
                if quoteOpens[position - 1] == false { add(position, lex: 0, cue: 3.5) }
            } else if a == "\u{2019}" {
                guard bLetter || C.isOpening(b) else { continue }
                if beforeA == "." || beforeA == "," || beforeA == "!" || beforeA == "?" || beforeA == ";" || beforeA == ":" {
                    add(position, lex: 0, cue: 3.5)
                }
            } else if (C.isOpening(b) || b == "'" || b == "\"") && b != "("
                        && (aLetter || C.isDigit(a) || C.isClausePunctuation(a))
                        && (C.isLetter(next) || C.isDigit(next) || next == "'" || next == "\u{2018}") {
                if b == "'" || b == "\"" {
                    guard quoteOpens[position] == true else { continue }
                    if b == "'", aLetter {
                        var start = position
                        while start > run.lowerBound, C.isLetter(at(start - 1)) { start -= 1 }
                        if model.elisions.contains(lowercase(start..<position)) { continue }
                    }
                    add(position, lex: 0, cue: C.isClausePunctuation(a) ? 3 : 2)
                } else {
                    add(position, lex: 0, cue: 3)
                }
            } else if b == "(" && (aLetter || C.isDigit(a)) && (C.isLetter(next) || C.isDigit(next)) {
                add(position, lex: 0, cue: 2)
            } else if (b == "£" || b == "$" || b == "€" || b == "#" || b == "@") && (aLetter || a == "." || a == "," || a == ";" || a == ":") {
                add(position, lex: 0, cue: 2.5)
            } else if C.isDigit(a) && bLetter {
                var end = position
                while end < run.upperBound, C.isLetter(at(end)) { end += 1 }
                loadWord(position..<end)
                currentWord = 0..<0
                if end - position >= 3, !model.numberSuffixes.contains(word.string(0..<word.count)) {
                    add(position, lex: zipf(0..<word.count) - 5, cue: 1)
                }
            } else if aLetter && C.isDigit(b) {
                var start = position
                while start > run.lowerBound, C.isLetter(at(start - 1)) { start -= 1 }
                let leftScalars = (start..<position).map(at)
                let lower = leftScalars.allSatisfy(C.isLower)
                let capitalized = leftScalars.count >= 3 && C.isUpper(leftScalars[0]) && leftScalars.dropFirst().allSatisfy(C.isLower)
                if (leftScalars.count >= 2 && lower) || capitalized {
                    loadWord(start..<position)
                    currentWord = 0..<0
                    add(position, lex: zipf(0..<word.count) - 5, cue: 1)
                }
            } else if C.isDash(a) && (bLetter || C.isDigit(b) || C.isOpening(b)) && dashes(endingAt: position, reachStartOf: run) {
                add(position, lex: 0, cue: 3)  // a dash that stood alone between words: " -we"
            } else if C.isDash(b) && aLetter && position - 2 >= run.lowerBound && C.isLetter(beforeA)
                        && dashes(startingAt: position, reachEndOf: run) {
                add(position, lex: 0, cue: 3)  // "Commonwealth- Britain"; not "f-----g"
            } else if aLetter != bLetter && !C.isApostrophe(a) && !C.isApostrophe(b) && !C.isDash(a) && !C.isDash(b) && a != b {
                add(position, lex: 0, cue: -3)
            }
            if (C.isDash(a) || a == "/") && position - 1 > run.lowerBound
                && !C.isDash(beforeA) && !C.isDash(b) {
                isSilentBreak[position] = true
            }
        }
    }

    // MARK: Layout

    enum BreakKind { case wrap, paragraph }

    struct Layout {
        var width: Int
        var score: Float
        var breaks: [(Int, BreakKind)]
        var wraps: Int
        var explained: Int
    }

    /// The line width whose layout explains the block best, if one explains it at all.
    private func bestLayout() -> Layout? {
        let count = range.count
        guard count >= 2 * settings.widths.lowerBound else { return nil }
        // Only places with some evidence can end a paragraph; the rest only slow the search.
        let sorted = candidates.filter { lex[Int($0)] + cue[Int($0)] > -4 }.sorted()
        guard looksDamaged else { return nil }
        var widths = Array(settings.widths)
        // Rank every width on a prefix, then lay out the whole block with the best few.
        let prefix = 1500
        if count > prefix * 2 {
            let ranked = widths.compactMap { width in layout(width: width, limit: prefix, candidates: sorted).map { (width, $0.score) } }
            widths = ranked.sorted { $0.1 > $1.1 }.prefix(3).map(\.0)
        }
        var best: Layout?
        for width in widths {
            guard let layout = layout(width: width, limit: count, candidates: sorted) else { continue }
            if best == nil || layout.score > best!.score { best = layout }
        }
        guard let best, best.score > 0, best.wraps >= 2, Float(best.explained) >= 0.5 * Float(best.wraps) else { return nil }
        return best
    }

    /// Dynamic program over line starts for one width, on the first `limit` characters.
    private func layout(width: Int, limit count: Int, candidates sorted: [Int32]) -> Layout? {
        var best = [Float](repeating: -.infinity, count: count + 1)
        var previous = [Int32](repeating: -1, count: count + 1)
        var kinds = [BreakKind](repeating: .wrap, count: count + 1)
        best[0] = 0
        var endScore = -Float.infinity
        var endPosition = -1
        var candidateIndex = 0
        func relax(_ target: Int, _ score: Float, _ from: Int, _ kind: BreakKind) {
            if score > best[target] {
                best[target] = score
                previous[target] = Int32(from)
                kinds[target] = kind
            }
        }
        for start in 0..<count where best[start] > -.infinity {
            let score = best[start]
            let lineEnd = start + width
            if lineEnd >= count {
                if score > endScore { endScore = score; endPosition = start }
            } else if runAt[lineEnd - 1] >= 0 {
                let run = runs[Int(runAt[lineEnd - 1])]
                let low = max(run.lowerBound, start) + 1
                let high = min(lineEnd + settings.slack, run.upperBound - 1, count - 1)
                var bestValue = -Float.infinity
                var bestPosition = -1
                if low <= high {
                    for position in low...high {
                        var value: Float
                        if isCandidate[position] {
                            value = min(8, max(-8, lex[position] + cue[position]))
                        } else if isSilentBreak[position] {
                            value = 0.5
                        } else {
                            continue
                        }
                        if position > lineEnd { value -= 1.5 * Float(position - lineEnd) }
                        if value > bestValue { bestValue = value; bestPosition = position }
                    }
                }
                if bestPosition < 0 {
                    let forced = min(lineEnd, run.upperBound - 1)
                    if forced > max(run.lowerBound, start) { bestPosition = forced; bestValue = -8 }
                }
                if bestPosition > 0 { relax(bestPosition, score + bestValue, start, .wrap) }
            }
            // A paragraph may end anywhere on the line.
            while candidateIndex < sorted.count, Int(sorted[candidateIndex]) <= start { candidateIndex += 1 }
            var index = candidateIndex
            while index < sorted.count {
                let position = Int(sorted[index])
                if position > min(lineEnd, count - 1) { break }
                let value = min(8, max(-8, lex[position] + cue[position])) - (cue[position] >= 2.5 ? 4 : 6)
                relax(position, score + value, start, .paragraph)
                index += 1
            }
        }
        guard endPosition >= 0 else { return nil }
        var breaks: [(Int, BreakKind)] = []
        var wraps = 0
        var explained = 0
        var position = endPosition
        while position > 0 {
            let from = Int(previous[position])
            if kinds[position] == .wrap {
                wraps += 1
                if isSilentBreak[position] || (isCandidate[position] && lex[position] + cue[position] > 0) { explained += 1 }
            }
            breaks.append((position, kinds[position]))
            position = from
        }
        return Layout(width: width, score: endScore, breaks: breaks.reversed(), wraps: wraps, explained: explained)
    }
}
