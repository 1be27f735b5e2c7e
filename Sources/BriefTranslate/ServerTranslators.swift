import BriefResources
import FoundationEssentials

/// Apertium's HTTP server (APy): `/listPairs` and `/translate`, one request per segment, in
/// Apertium's HTML format so that `<apertium-notrans>` keeps glossary terms as they are.
public struct APyTranslator: Translator {
    public let name = "apy"
    public let endpoint: HTTPEndpoint
    public let timeout: Double
    let transport: any HTTPTransport

    public init(server: String, timeout: Double = 60, transport: any HTTPTransport = DefaultTransport()) throws(TranslationError) {
        do { endpoint = try HTTPEndpoint(server) } catch { throw TranslationError(engine: "apy", problem: error.description) }
        self.timeout = timeout
        self.transport = transport
    }

    private struct PairList: Decodable {
        struct Pair: Decodable {
            let sourceLanguage: String
            let targetLanguage: String
        }
        let responseData: [Pair]?
        let responseDetails: String?
        let responseStatus: Int?
    }

    private struct Translation: Decodable {
        struct Data: Decodable { let translatedText: String }
        let responseData: Data?
        let responseDetails: String?
        let responseStatus: Int?
    }

    public func pairs() throws(TranslationError) -> [LanguagePair] {
        let answer: PairList = try ServerCall.decode(ServerCall.send(HTTPRequest(method: "GET", path: "/listPairs"), self), engine: self)
        return ApertiumCodes.pairs((answer.responseData ?? []).map { ($0.sourceLanguage, $0.targetLanguage) })
    }

    public func translate(html segments: [String], pair: LanguagePair) throws(TranslationError) -> [String] {
        guard !segments.isEmpty else { return [] }
        guard let source = ApertiumCodes.threeLetter[pair.source], let target = ApertiumCodes.threeLetter[pair.target] else {
            throw TranslationError(engine: name, problem: "no Apertium pair for \(pair) (see brief translate --list)")
        }
        // One request per segment: APy's pipeline loses blank-line boundaries in long requests,
        // and a request costs ~15 ms once the pair's pipeline runs.
        var results: [String] = []
        for segment in segments {
            if segment.trimmingSpaces(newlines: true).isEmpty { results.append(""); continue }
            let request = HTTPRequest.form("/translate", [
                ("langpair", "\(source)|\(target)"), ("q", Segments.joined([segment])),
                ("deformat", "html"), ("reformat", "html-noent"), ("markUnknown", "no"),
            ])
            let answer: Translation = try ServerCall.decode(ServerCall.send(request, self), engine: self)
            guard let text = answer.responseData?.translatedText else {
                throw TranslationError(engine: name, problem: "answered without a translation: \(answer.responseDetails ?? "no details")")
            }
            results.append(Self.strippingMarks(text.trimmingSpaces(newlines: true), source: segment))
        }
        return results
    }

    /// APy's answer without Apertium's debug marks, as the local engine's `-u` gives it: `#` before
    /// a word it could not generate, `@` before one its bilingual dictionary lacks (markUnknown=no
    /// only takes away `*`). A mark the source itself writes ("#MeToo", "@user") stays.
    static func strippingMarks(_ text: String, source: String) -> String {
        var out = ""
        var previous: Character = " "
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "#" || character == "@", next < text.endIndex, text[next].isLetter,
               previous.isWhitespace || previous.isPunctuation || previous == ">" {
                let word = text[next...].prefix { $0.isLetter || $0.isNumber }
                if !source.contains(String(character) + word) {
                    previous = character
                    index = next
                    continue
                }
            }
            out.append(character)
            previous = character
            index = next
        }
        return out
    }
}

/// A LibreTranslate server (`POST /translate` with q, source, target, format, api_key;
/// `GET /languages`): the way to Arabic, for which no engine runs offline here. Protected terms
/// travel as `<span translate="no">`, which its HTML translation leaves alone.
public struct LibreTranslateTranslator: Translator {
    public let name = "libretranslate"
    public let endpoint: HTTPEndpoint
    public let apiKey: String?
    public let timeout: Double
    let transport: any HTTPTransport

    public init(server: String, apiKey: String? = nil, timeout: Double = 60,
                transport: any HTTPTransport = DefaultTransport()) throws(TranslationError) {
        do { endpoint = try HTTPEndpoint(server) } catch { throw TranslationError(engine: "libretranslate", problem: error.description) }
        self.apiKey = apiKey.flatMap { $0.isEmpty ? nil : $0 }
        self.timeout = timeout
        self.transport = transport
    }

    private struct Language: Decodable {
        let code: String
        let targets: [String]?
    }

    private struct Request: Encodable {
        let q: [String]
        let source: String
        let target: String
        let format: String
        let api_key: String?
    }

    private struct Answer: Decodable {
        let translatedText: [String]?
        let error: String?
    }

    public func pairs() throws(TranslationError) -> [LanguagePair] {
        let languages: [Language] = try ServerCall.decode(ServerCall.send(HTTPRequest(method: "GET", path: "/languages"), self), engine: self)
        var pairs: [LanguagePair] = []
        for language in languages {
            for target in language.targets ?? [] where target != language.code {
                pairs.append(LanguagePair(language.code, target))
            }
        }
        return pairs
    }

    /// The JSON body of a translation request (tested without a server).
    func requestBody(_ segments: [String], pair: LanguagePair) -> [UInt8] {
        let body = Request(q: segments.map(Self.toServerMarkup), source: pair.source, target: pair.target, format: "html", api_key: apiKey)
        return (try? Array(JSONEncoder().encode(body))) ?? []
    }

    public func translate(html segments: [String], pair: LanguagePair) throws(TranslationError) -> [String] {
        guard !segments.isEmpty else { return [] }
        let response = try ServerCall.send(HTTPRequest.json("/translate", requestBody(segments, pair: pair)), self)
        let answer: Answer = try ServerCall.decode(response, engine: self)
        if let error = answer.error { throw TranslationError(engine: name, problem: "refused: \(error)") }
        guard let texts = answer.translatedText, texts.count == segments.count else {
            throw TranslationError(engine: name, problem: "answered \(answer.translatedText?.count ?? 0) translations for \(segments.count) segments")
        }
        return texts.map(Self.fromServerMarkup)
    }

    static let serverOpen = "<span translate=\"no\">", serverClose = "</span>"

    static func toServerMarkup(_ html: String) -> String {
        html.replacingBytes(of: GlossaryEnforcer.open, with: serverOpen).replacingBytes(of: GlossaryEnforcer.close, with: serverClose)
    }

    /// Back to Apertium's markers, which `GlossaryEnforcer.restore` takes away.
    static func fromServerMarkup(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstRange(of: serverOpen) {
            out += rest[..<open.lowerBound]
            rest = rest[open.upperBound...]
            guard let close = rest.firstRange(of: serverClose) else { break }
            out += GlossaryEnforcer.open + rest[..<close.lowerBound] + GlossaryEnforcer.close
            rest = rest[close.upperBound...]
        }
        return out + rest
    }
}

/// What the two server engines share: sending with their timeout, and reading JSON answers
/// with errors that say which server answered what.
enum ServerCall {
    protocol Server {
        var name: String { get }
        var endpoint: HTTPEndpoint { get }
        var timeout: Double { get }
        var transport: any HTTPTransport { get }
    }

    static func send(_ request: HTTPRequest, _ server: some Server) throws(TranslationError) -> HTTPResponse {
        do {
            return try server.transport.send(request, to: server.endpoint, timeout: server.timeout)
        } catch {
            let unavailable: Bool
            switch error {
            case .cannotConnect, .cannotResolve, .timedOut, .badAddress: unavailable = true
            case .broken: unavailable = false
            }
            throw TranslationError(engine: server.name, problem: "\(server.endpoint): \(error.description)", unavailable: unavailable)
        }
    }

    /// The fields servers explain a refusal with: LibreTranslate's "error", APy's
    /// "explanation" (Tornado) or "responseDetails".
    private struct Refusal: Decodable {
        let error: String?
        let explanation: String?
        let message: String?
        let responseDetails: String?
    }

    static func decode<T: Decodable>(_ response: HTTPResponse, engine server: some Server) throws(TranslationError) -> T {
        let text = String(decoding: response.body.prefix(200), as: UTF8.self)
        let shown = text.split(whereSeparator: \.isNewline).joined(separator: " ").prefix(120)
        guard response.status == 200 else {
            let refusal = try? JSONDecoder().decode(Refusal.self, from: Data(response.body))
            let reason = refusal.flatMap { $0.error ?? $0.explanation ?? $0.responseDetails ?? $0.message } ?? String(shown)
            throw TranslationError(engine: server.name, problem: "\(server.endpoint) answered HTTP \(response.status): \(reason)")
        }
        do {
            return try JSONDecoder().decode(T.self, from: Data(response.body))
        } catch {
            throw TranslationError(engine: server.name, problem: "\(server.endpoint) answered something that is not its JSON: '\(shown)'")
        }
    }
}

extension APyTranslator: ServerCall.Server {}
extension LibreTranslateTranslator: ServerCall.Server {}
