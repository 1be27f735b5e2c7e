import BriefResources

/// The steps of the copied-text cleaner over the scanned lines: score, find the body's stretch,
/// label by context, then pick the title and head (design notes in CopiedTextCleaner.swift).
struct CopiedTextAnalysis {
    /// How a line reads on its own.
    enum Quality: Comparable { case bad, short, neutral, good }

    /// What a line was scored as, and why (for --explain and tests).
    struct Verdict {
        var score = 0.0
        var quality = Quality.bad
        /// A furniture shape (link, date, image name, boilerplate…), not just shortness.
        var furniture = false
        var endsSentence = false
        /// Ends with a full stop (not "?" or "!", which headlines use too).
        var endsWithStop = false
        var fewStopWords = false
        /// A short line split at "/", "-" or ":" ("بغداد/ المدى", "دبي : متابعات"): a head line
        /// above the body.
        var placeOutletLike = false
        var dateLike = false
        var headLike = false
        var phrase: CopiedTextLexicon.PhraseKind?
        var phraseCoverage = 0.0
        var caption = false
        var repeats = 1
        var duplicate = false
        var bullet = false
        var followUs = false
        var adSlot = false
        var endsWithEllipsis = false
        var ticker = false
        var foreign = false
    }

    let scanned: CopiedLines
    let lexicon: CopiedTextLexicon
    var language: String?
    var languageBit: Int?
    var verdicts: [Verdict]
    var labels: [LineLabel]
    var titleLine: Int?

    init(lines: CopiedLines, lexicon: CopiedTextLexicon, language: String?) {
        scanned = lines
        self.lexicon = lexicon
        verdicts = [Verdict](repeating: Verdict(), count: lines.lines.count)
        labels = [LineLabel](repeating: .blank, count: lines.lines.count)
        self.language = language
    }

    // MARK: - Language

    /// The stop-word language: the one given when it has stop words; else Arabic script, else the
    /// language whose stop words cover most of the text (at least 5% of its words).
    mutating func resolveLanguage() {
        if let given = language, let code = LanguageCode.primarySubtag(of: given) {
            language = code
            languageBit = lexicon.bit(of: code)
            return
        }
        if scanned.allLetters > 0, scanned.arabicLetters * 10 >= scanned.allLetters * 3 {
            language = "ar"
            languageBit = lexicon.bit(of: "ar")
            return
        }
        var best: Int?
        for bit in scanned.stopTotals.indices where lexicon.languages[bit] != "ar" {
            if best == nil || scanned.stopTotals[bit] > scanned.stopTotals[best!] { best = bit }
        }
        if let best, scanned.stopTotals[best] * 20 >= max(1, scanned.allWords) {
            languageBit = best
            language = lexicon.languages[best]
        } else {
            language = nil
            languageBit = nil
        }
    }

    // MARK: - Scores

    static func isSentenceEnd(_ v: UInt32) -> Bool {
        switch v {
        case 0x2E, 0x21, 0x3F, 0x61F, 0x6D4, 0x3002, 0xFF01, 0xFF1F, 0xFF0E: return true
        default: return false
        }
    }

    static func isBullet(_ v: UInt32) -> Bool {
        switch v {
        case 0x2022, 0x25E6, 0x25AA, 0x25AB, 0x25A1, 0x25A0, 0x25CF, 0x25CB, 0x25BA, 0x25B6, 0xB7, 0x2A, 0x2D, 0x2013, 0x2014, 0x2023, 0x2043: return true
        default: return false
        }
    }

    /// The share of the line's words that boilerplate phrases cover, the strongest kind met, and
    /// whether a phrase of two words or more opens the line ("Also read: …", "من شروط النشر …").
    func phrases(in line: CopiedLine) -> (coverage: Double, kind: CopiedTextLexicon.PhraseKind?, opening: CopiedTextLexicon.PhraseKind?) {
        guard line.words > 0 else { return (0, nil, nil) }
        var covered = 0
        var kind: CopiedTextLexicon.PhraseKind?
        var opening: CopiedTextLexicon.PhraseKind?
        var position = line.hashStart
        // Boilerplate lines are short: past 60 words only the opening is looked at.
        let end = line.words <= 60 ? line.hashEnd : min(line.hashEnd, line.hashStart + 12)
        while position < end {
            var matched = 0
            if let candidates = lexicon.phrases[scanned.hashes[position]] {
                for phrase in candidates where phrase.words.count <= line.hashEnd - position {
                    var same = true
                    for offset in 1..<max(1, phrase.words.count) where scanned.hashes[position + offset] != phrase.words[offset] {
                        same = false
                        break
                    }
                    if same {
                        matched = phrase.words.count
                        if kind == nil || phrase.kind > kind! { kind = phrase.kind }
                        if position == line.hashStart, matched >= 2 { opening = phrase.kind }
                        break
                    }
                }
            }
            if position == line.hashStart, line.words > 60 { break }
            covered += matched
            position += max(1, matched)
        }
        return (Double(covered) / Double(line.words), kind, opening)
    }

    /// The line's own score: length and sentence shape up, furniture shapes down.
    func score(_ number: Int) -> Verdict {
        let line = scanned.lines[number]
        var verdict = Verdict()
        let length = line.length
        var score = 0.0
        if length >= 25 { score += 3 } else if length >= 15 { score += 2 } else if length >= 8 { score += 1 } else if length <= 2 { score -= 2 } else if length <= 4 { score -= 1 }

        // How the line ends: a full stop marks prose; "?" and "!" end headlines as often as
        // sentences; a long line without an end is a headline, a caption or a menu.
        let core = line.lastCore
        let ellipsis = core == 0x2026 || (core == 0x2E && line.beforeLastCore == 0x2E)
        verdict.endsSentence = Self.isSentenceEnd(core) && !ellipsis
        verdict.endsWithEllipsis = ellipsis
        verdict.endsWithStop = verdict.endsSentence && ![0x21, 0x3F, 0x61F, 0xFF01, 0xFF1F].contains(core)
        if verdict.endsWithStop, length >= 4 { score += 1.5 } else if verdict.endsSentence, length >= 4 { score += 0.5 }
        else if !ellipsis, length >= 8 { score -= 1 }

        if let bit = languageBit, line.words >= 4 {
            let hits = scanned.stopHits(line: number, language: bit)
            let ratio = Double(hits) / Double(line.words)
            let (high, low) = lexicon.languages[bit] == "ar" ? (0.12, 0.04) : (0.28, 0.10)
            verdict.fewStopWords = ratio < low
            if ratio >= high { score += 1 } else if ratio < low { score -= 1.5 }
        }
        // Glued headlines of a ticker or a menu: long, and hardly a comma or a full stop.
        if length >= 15, line.marks * 25 < length { score -= 2 }
        // A ticker of many headlines run together: forty words and more without one sentence
        // ending inside or at the end, and hardly a mark (a headline's colon or question mark);
        // prose that long has its full stops, or at least a comma every dozen words.
        verdict.ticker = length >= 40 && line.innerStops == 0 && !verdict.endsSentence && line.marks * 15 < length

        // A line in another language than the page's (an embedded post, an ad): none or hardly
        // any of the page language's stop words, and three times as many of another's.
        if let bit = languageBit, line.words >= 8 {
            let own = scanned.stopHits(line: number, language: bit)
            for other in lexicon.languages.indices where other != bit {
                let hits = scanned.stopHits(line: number, language: other)
                if hits >= 3, hits >= 3 * (own + 1) {
                    verdict.foreign = true
                    break
                }
            }
        }

        var furniture = 0.0
        if line.letters + line.cjk == 0 { furniture += 3 }
        // Link and menu shapes mark short lines; a long paragraph may quote an address or "//".
        if line.urls > 0, length <= 30 { furniture += 3 }
        // Two addresses or more, one every dozen words or closer, make a line of links ("Our
        // site: http://… Join us on Facebook: https://…"): prose quotes one address now and then.
        if line.urls >= 2, line.urls * 12 >= length { furniture += 3 }
        if line.pipes >= 2 && length <= 30 || (line.pipes == 1 && length <= 8) { furniture += 2.5 }
        if line.breadcrumbs >= 2 && length <= 30 || (line.breadcrumbs == 1 && length <= 12) { furniture += 3 }
        if line.copyright { furniture += 4 }
        if verdict.ticker || verdict.foreign { furniture += 3 }
        if line.brackets > 0, line.first == 0x5B, line.last == 0x5D, length <= 6 { furniture += 3 }
        else if line.brackets > 0, line.brackets * 3 >= max(1, line.tokens) { furniture += 2 }

        verdict.dateLike = line.digits > 0 && line.tokens <= 12
            && ((line.numberTokens + line.dateWords) * 10 >= line.tokens * 6 || (line.times > 0 && line.tokens <= 8))
        if verdict.dateLike { furniture += 3 }

        let (coverage, kind, opening) = phrases(in: line)
        verdict.phraseCoverage = coverage
        if coverage >= 0.5 || (coverage > 0 && line.words <= 3) {
            verdict.phrase = kind
            furniture += 4
        } else if opening != nil {
            furniture += 4
        } else if coverage >= 0.34 {
            furniture += 1.5
        }

        // "Follow us on Telegram", "تغطية متواصلة على قناة … في تليغرام": a short line without a
        // full stop that names a network and invites to follow; an ad slot's size ("728*90").
        if length <= 15 {
            var social = false, follow = false, ad = false
            var position = line.hashStart
            while position < line.hashEnd {
                let hash = scanned.hashes[position]
                social = social || lexicon.socialWords.contains(hash)
                follow = follow || lexicon.followWords.contains(hash)
                ad = ad || lexicon.adSizes.contains(hash)
                    || (position + 1 < line.hashEnd && lexicon.adSizes.contains(CopiedTextLexicon.pair(hash, scanned.hashes[position + 1])))
                position += 1
            }
            verdict.followUs = social && follow && !verdict.endsWithStop
            verdict.adSlot = ad
            if verdict.followUs { furniture += 3 }
            if ad { furniture += 4 }
        }

        verdict.bullet = Self.isBullet(line.first)
        if verdict.bullet, length < 8 { furniture += 1 }

        // A photo credit closes a caption: "… (Manu Fernandez/AP)", "… / Reuters", "…jetsYURI SMITYUK/TASS".
        if !verdict.endsSentence, length >= 5, length <= 40, line.letters > 0 {
            let parenthesized = line.last == 0x29 && !Self.isSentenceEnd(line.beforeLastCore)
            let slashCredit = line.tokensAtLastSlash >= 0 && line.tokens - line.tokensAtLastSlash <= 2 && line.spacedSlashes < 2
            verdict.caption = parenthesized || slashCredit
        }

        score -= furniture
        verdict.furniture = furniture >= 2
        verdict.score = score
        if verdict.furniture {
            verdict.quality = .bad
        } else if score >= 3 {
            verdict.quality = .good
        } else if score >= 0.5 {
            verdict.quality = .neutral
        } else {
            verdict.quality = .short
        }

        verdict.headLike = verdict.dateLike
            || (line.opensWithHeadWord && length <= 15 && !verdict.endsWithStop)
            || (line.opensWithHeadWord && line.first == 0x28 && length <= 30)
        verdict.placeOutletLike = length <= 4 && line.letters > 0 && !verdict.endsSentence && line.separators > 0
        return verdict
    }


    // MARK: - Steps

    mutating func run(_ bytes: UnsafeBufferPointer<UInt8>) {
        resolveLanguage()
        let lines = scanned.lines
        var firstSeen: [UInt64: Int] = [:]
        var counts: [UInt64: Int] = [:]
        for number in lines.indices where !lines[number].isBlank {
            verdicts[number] = score(number)
            let key = lines[number].key
            if key != 0 { counts[key, default: 0] += 1 }
        }
        // Repeated lines: captions, a title printed twice, a second copy of the body.
        for number in lines.indices where !lines[number].isBlank {
            let key = lines[number].key
            guard key != 0, let count = counts[key], count > 1 else { continue }
            verdicts[number].repeats = count
            if firstSeen[key] != nil {
                verdicts[number].duplicate = true
                verdicts[number].quality = .bad
                verdicts[number].furniture = true
            } else {
                firstSeen[key] = number
                if !verdicts[number].endsSentence, verdicts[number].quality > .short {
                    verdicts[number].quality = .bad
                    verdicts[number].furniture = true
                }
            }
        }
        for number in lines.indices where !lines[number].isBlank && verdicts[number].caption {
            verdicts[number].quality = .bad
            verdicts[number].furniture = true
        }
        // Runs of four or more lines that are not prose are lists and menus.
        let visible = lines.indices.filter { !lines[$0].isBlank }
        var runStart = 0
        while runStart < visible.count {
            var runEnd = runStart
            while runEnd < visible.count, verdicts[visible[runEnd]].quality != .good { runEnd += 1 }
            if runEnd - runStart >= 4 {
                for position in runStart..<runEnd where verdicts[visible[position]].quality == .neutral {
                    verdicts[visible[position]].quality = .short
                }
            }
            runStart = runEnd + 1
        }

        // A page without one line of plain prose (a transcript, one truncated paragraph): the
        // long near-prose lines stand in for it, those within a point of the best (a transcript's
        // lines differ by a comma or a few words, not by kind).
        if !visible.contains(where: { verdicts[$0].quality == .good }) {
            let candidates = visible.filter { !verdicts[$0].furniture && lines[$0].length >= 10 }
            let bar = min(1.5, candidates.map { verdicts[$0].score }.max() ?? 0) - 1
            for number in candidates where verdicts[number].score >= bar {
                verdicts[number].quality = .good
            }
        }
        // The body's stretch: the run of lines whose values sum highest.
        var best = 0.0, bestStart = -1, bestEnd = -1
        var sum = 0.0, start = 0
        for position in visible.indices {
            let number = visible[position]
            sum += value(number)
            if sum <= 0 {
                sum = 0
                start = position + 1
            } else if sum > best {
                best = sum
                bestStart = start
                bestEnd = position
            }
        }
        for number in lines.indices {
            labels[number] = lines[number].isBlank ? .blank : .clutter
        }
        guard bestStart >= 0 else { return }

        // Context inside the stretch, as jusText uses neighbours. The stretch starts and ends on
        // good lines (only they weigh more than nothing), so every other run inside has a good
        // line on each side: a run without furniture is body (crossheads, the rows of a table in
        // the article); in a run with furniture, neutral lines touching a good one still are.
        var segment = Array(visible[bestStart...bestEnd])
        // Near-good prose right after the last good line belongs to it too.
        var extra = bestEnd + 1
        while extra < visible.count, verdicts[visible[extra]].quality == .neutral, verdicts[visible[extra]].endsWithStop,
              !verdicts[visible[extra]].headLike {
            segment.append(visible[extra])
            extra += 1
        }
        var isBody = segment.map { verdicts[$0].quality == .good }
        var position = 0
        while position < segment.count {
            if isBody[position] {
                position += 1
                continue
            }
            var runEnd = position
            while runEnd < segment.count, !isBody[runEnd] { runEnd += 1 }
            let bounded = position > 0 && runEnd < segment.count
            if bounded, (position..<runEnd).allSatisfy({ !verdicts[segment[$0]].furniture }) {
                for inside in position..<runEnd { isBody[inside] = true }
            } else {
                var forward = position
                while forward < runEnd, position > 0, verdicts[segment[forward]].quality == .neutral, !verdicts[segment[forward]].headLike {
                    isBody[forward] = true
                    forward += 1
                }
                // Not back across a "Read also" heading: what follows it is a teaser.
                let teaser = (position..<runEnd).contains { verdicts[segment[$0]].phrase == .related }
                var backward = runEnd - 1
                while !teaser, backward >= forward, runEnd < segment.count, verdicts[segment[backward]].quality == .neutral, !verdicts[segment[backward]].headLike {
                    isBody[backward] = true
                    backward -= 1
                }
            }
            position = runEnd
        }
        // The copy may stop mid-sentence: the text's last line or two, right after the body, are
        // body unless they look like anything else.
        let tail = visible[extra...]
        if !tail.isEmpty, tail.count <= 2, isBody.last == true, tail.allSatisfy({ number in
            let verdict = verdicts[number]
            return !verdict.furniture && !verdict.headLike && !verdict.placeOutletLike && !verdict.fewStopWords
                && !verdict.endsWithStop && verdict.quality >= .short
                && scanned.lines[number].first != 0x28
        }), scanned.lines[tail.last!].length >= 4 {
            segment.append(contentsOf: tail)
            isBody.append(contentsOf: tail.map { _ in true })
        }
        // A deck or a caption printed again as the lead: a line whose words nearly all open the
        // next body line is not body (the next line says it all).
        let bodyPositions = segment.indices.filter { isBody[$0] }
        for (first, next) in zip(bodyPositions, bodyPositions.dropFirst()) where nearlyRepeated(segment[first], in: segment[next]) {
            isBody[first] = false
        }
        // Teasers of other stories after the body, each cut with an ellipsis: two lines or more
        // in a row that end with "…" close the body; they are not part of it.
        var trailing = bodyPositions.count
        while trailing > 0, verdicts[segment[bodyPositions[trailing - 1]]].endsWithEllipsis { trailing -= 1 }
        if bodyPositions.count - trailing >= 2, trailing > 0 {
            for position in bodyPositions[trailing...] { isBody[position] = false }
        }
        // Summary bullets above a lead that has none are the head's deck, not the body.
        if let lead = isBody.firstIndex(of: true), verdicts[segment[lead]].bullet,
           let prose = segment.indices.first(where: { isBody[$0] && !verdicts[segment[$0]].bullet }) {
            for position in lead..<prose where isBody[position] && verdicts[segment[position]].bullet {
                isBody[position] = false
                labels[segment[position]] = .head
            }
        }
        var firstBody: Int?
        var lastBody: Int?
        for (position, number) in segment.enumerated() {
            if isBody[position] {
                labels[number] = .body
                if firstBody == nil { firstBody = number }
                lastBody = number
            } else if verdicts[number].headLike {
                labels[number] = .head
            }
        }
        guard let firstBody, let lastBody else { return }
        findHead(before: firstBody, visible: visible, bytes: bytes)
        // Source and credit lines right after the body.
        var after = 0
        for number in (lastBody + 1)..<lines.count where !lines[number].isBlank {
            after += 1
            if after > 3 { break }
            let verdict = verdicts[number]
            if verdict.headLike, !verdict.dateLike, lines[number].opensWithHeadWord { labels[number] = .head }
        }
    }

    /// Whether at least 80% of the words of line `first` are among the first words of line `next`.
    func nearlyRepeated(_ first: Int, in next: Int) -> Bool {
        let a = scanned.lines[first], b = scanned.lines[next]
        guard a.words >= 6, a.words <= 80, b.words >= a.words else { return false }
        let window = Set(scanned.hashes[b.hashStart..<min(b.hashEnd, b.hashStart + a.words + 12)])
        let shared = scanned.hashes[a.hashStart..<a.hashEnd].reduce(0) { $0 + (window.contains($1) ? 1 : 0) }
        return shared * 5 >= a.words * 4
    }

    /// A line's weight in the search for the body's stretch.
    func value(_ number: Int) -> Double {
        let verdict = verdicts[number]
        let length = Double(scanned.lines[number].length)
        if verdict.phrase == .comments { return -150 }
        if verdict.phrase == .related { return -30 }
        switch verdict.quality {
        case .good: return min(length, 80)
        case .neutral: return 0
        case .short: return -1
        case .bad: return -(3 + min(length, 20) / 4)
        }
    }

    /// Labels the title and head lines above the first body line.
    mutating func findHead(before firstBody: Int, visible: [Int], bytes: UnsafeBufferPointer<UInt8>) {
        let lines = scanned.lines
        let bodyWords = Set(lines.indices.filter { labels[$0] == .body }.flatMap { contentWords(of: $0, bytes) })
        var seen = 0
        var best: Int?
        var bestLength = 0
        var number = firstBody - 1
        var window: [Int] = []
        while number >= 0, seen < 10 {
            defer { number -= 1 }
            if lines[number].isBlank { continue }
            if labels[number] == .body { break }
            seen += 1
            window.append(number)
            let verdict = verdicts[number]
            if verdict.headLike || verdict.placeOutletLike { continue }
            // Ties go to the upper line: the headline comes before the deck and captions.
            if isTitleShaped(number), lines[number].length >= bestLength, isAbout(number, bodyWords, bytes) {
                best = number
                bestLength = lines[number].length
            }
        }
        titleLine = best
        if let best { labels[best] = .title }
        for number in window where (verdicts[number].headLike || verdicts[number].placeOutletLike) && (best == nil || number > best!) {
            labels[number] = .head
        }
    }

    /// Whether a headline candidate speaks of what the body does: a quarter of its content words
    /// at least are in the body (real headlines of the press pages share 40% to all of theirs). A
    /// headline of another story (a ticker's, a teaser's right above the lead) shares a name at
    /// most; a headline of fewer than four content words, or above a very short body, is given
    /// the benefit of the doubt.
    func isAbout(_ number: Int, _ bodyWords: Set<String>, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = contentWords(of: number, bytes)
        guard words.count >= 4, bodyWords.count >= 20 else { return true }
        return words.filter(bodyWords.contains).count * 4 >= words.count
    }

    /// The words of a line that carry content, as keys to compare: folded, three letters or more,
    /// not a stop word of the page's language, with Arabic's proclitics (و ف ب ك ل, ال) taken
    /// off, so that "عقوبات" in a headline meets "والعقوبات" in the body, and cut to their opening.
    func contentWords(of number: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        let line = scanned.lines[number]
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[line.start..<line.end]), as: UTF8.self)
        var words: [String] = []
        var word = String.UnicodeScalarView()
        func finish() {
            defer { word = String.UnicodeScalarView() }
            guard word.count >= 3 else { return }
            let hash = word.reduce(CopiedTextFolding.seed) { CopiedTextFolding.mix($0, $1.value) }
            if let bit = languageBit, let mask = lexicon.stopMasks[hash], mask & (1 << UInt8(bit)) != 0 { return }
            var scalars = Array(word)
            for prefix in Self.proclitics where scalars.count - prefix.count >= 3 && scalars.starts(with: prefix) {
                scalars.removeFirst(prefix.count)
                break
            }
            // The word's opening stands for it, so that "adopte" meets "adopté" and "retraites"
            // "retraite": four letters in Arabic (shorter words, broken plurals), five elsewhere.
            let key = (0x600...0x6FF).contains(scalars[0].value) ? 4 : 5
            words.append(String(String.UnicodeScalarView(scalars.prefix(key))))
        }
        for scalar in text.unicodeScalars {
            switch CopiedTextFolding.kind(scalar.value) {
            case .letter, .digit, .cjk:
                word.append(Unicode.Scalar(CopiedTextFolding.fold(scalar.value)) ?? scalar)
            case .mark, .invisible:
                continue
            default:
                finish()
            }
        }
        finish()
        return words
    }

    /// Arabic proclitics, longest first: conjunction, preposition and article ("وال", "بال", "لل").
    static let proclitics: [[Unicode.Scalar]] = ["وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ك", "ل"].map { Array($0.unicodeScalars) }

    /// A headline's shape: 4 to 30 words, no full stop, nothing of the page's furniture, not an
    /// item of a list.
    func isTitleShaped(_ number: Int) -> Bool {
        let line = scanned.lines[number]
        let verdict = verdicts[number]
        let length = line.length
        guard length >= 4, length <= 30, line.letters + line.cjk >= 12 else { return false }
        guard !verdict.dateLike, !verdict.caption, !verdict.bullet, !verdict.duplicate else { return false }
        // A menu of section names or a ticker: many words, no function word or no punctuation.
        if length >= 15, verdict.fewStopWords || line.marks == 0 { return false }
        // A caption or a teaser: a sentence ends inside the line.
        if line.innerStops > (verdict.endsWithStop ? 1 : 0) { return false }
        guard verdict.phraseCoverage < 0.34, line.urls == 0, line.pipes == 0, line.breadcrumbs == 0, line.brackets == 0, !line.copyright else { return false }
        let core = line.lastCore
        if core == 0x2E || core == 0x2026 || core == 0x3A || core == 0x2C || core == 0x60C { return false }
        // "-" or "•" alone on the lines around: an item of a list of links.
        for step in [-1, 1] {
            var neighbour = number + step
            while neighbour >= 0, neighbour < scanned.lines.count, scanned.lines[neighbour].isBlank { neighbour += step }
            guard neighbour >= 0, neighbour < scanned.lines.count else { continue }
            let other = scanned.lines[neighbour]
            if other.letters + other.cjk + other.digits == 0 { return false }
        }
        return true
    }

    // MARK: - Result

    /// One line per input line: its label, score, quality and the signals behind them.
    func explanation() -> [String] {
        scanned.lines.indices.map { number in
            let line = scanned.lines[number]
            guard !line.isBlank else { return "blank" }
            let verdict = verdicts[number]
            var signals: [String] = []
            if verdict.endsWithStop { signals.append("full-stop") } else if verdict.endsSentence { signals.append("?!") }
            if verdict.fewStopWords { signals.append("few-stop-words") }
            if verdict.dateLike { signals.append("date") }
            if verdict.headLike { signals.append("head") }
            if verdict.placeOutletLike { signals.append("place/outlet") }
            if let phrase = verdict.phrase { signals.append("boilerplate:\(phrase)") }
            if verdict.caption { signals.append("caption") }
            if verdict.bullet { signals.append("bullet") }
            if verdict.duplicate { signals.append("repeated") } else if verdict.repeats > 1 { signals.append("printed \(verdict.repeats)x") }
            if line.urls > 0 { signals.append("url") }
            if verdict.followUs { signals.append("follow-us") }
            if verdict.adSlot { signals.append("ad-size") }
            if verdict.ticker { signals.append("ticker") }
            if verdict.foreign { signals.append("other-language") }
            if verdict.endsWithEllipsis { signals.append("ellipsis") }
            if line.breadcrumbs > 0 { signals.append("crumbs") }
            if line.pipes > 0 { signals.append("pipes") }
            let score = (verdict.score * 10).rounded() / 10
            return "\(labels[number].rawValue) \(verdict.quality) \(score) words=\(line.length) \(signals.joined(separator: " "))"
        }
    }

    func result(_ bytes: UnsafeBufferPointer<UInt8>) -> CleanedText {
        let lines = scanned.lines
        func text(_ number: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[lines[number].start..<lines[number].end]), as: UTF8.self)
        }
        var result = CleanedText(labels: labels, language: language)
        if let titleLine { result.title = text(titleLine) }
        var previousBody: Int?
        for number in lines.indices {
            switch labels[number] {
            case .head:
                result.head.append(text(number))
            case .clutter where verdicts[number].followUs && result.promotions.count < 5:
                result.promotions.append(text(number))
            case .body:
                let paragraph = text(number)
                // A hard-wrapped paragraph: the line before did not end a sentence and this one
                // goes on in lowercase.
                if let previous = previousBody, previous == number - 1, !verdicts[previous].endsSentence,
                   let first = paragraph.unicodeScalars.first, first.properties.isLowercase, !result.paragraphs.isEmpty {
                    result.paragraphs[result.paragraphs.count - 1] += " " + paragraph
                } else {
                    result.paragraphs.append(paragraph)
                }
                previousBody = number
            default:
                break
            }
        }
        return result
    }
}

