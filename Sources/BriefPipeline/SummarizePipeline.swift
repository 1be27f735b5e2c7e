import BriefDocument
import BriefInput
import BriefResources
import BriefSummary
import BriefText

/// Runs the stages in order for one article at a time: bytes → text → `Document` → `Summary`.
///
/// Holds the analyzer's ICU handles, so keep one per thread and reuse it across articles.
public final class SummarizePipeline {
    /// Options that hold for every article of a run.
    public struct Options: Sendable {
        public var budget: Budget = .sentences(3)
        public var ranker: any Ranker = LeadRanker()
        /// An ICU converter name that overrides charset detection.
        public var encoding: String?
        /// A language code that overrides detection ("en", "ar" …).
        public var language: String?
        public var maxBytes: Int = 32 << 20

        public init() {}
    }

    public let options: Options
    private let analyzer: Analyzer

    /// `data` supplies abbreviation lists and other models; nil runs on ICU's rules alone.
    public init(data: DataDirectory?, options: Options = Options()) {
        self.options = options
        self.analyzer = Analyzer(data: data)
    }

    /// Reads, decodes and briefs a file, or standard input for "-".
    public func brief(path: String) throws(ArticleError) -> ArticleBrief {
        let bytes: [UInt8]
        do {
            bytes = try InputReader(maxBytes: options.maxBytes).read(path)
        } catch {
            throw ArticleError(source: error.path, problem: Self.problem(of: error, path: error.path))
        }
        return try brief(bytes: bytes, source: path)
    }

    /// Decodes and briefs raw bytes.
    public func brief(bytes: [UInt8], source: String) throws(ArticleError) -> ArticleBrief {
        let decoded: DecodedText
        do {
            decoded = try TextDecoder(maxBytes: options.maxBytes).decode(bytes, encoding: options.encoding)
        } catch {
            throw ArticleError(source: source, problem: error.description)
        }
        return try brief(text: decoded.text, source: source, encoding: decoded.encoding)
    }

    /// Briefs text that is already decoded, e.g. a JSON Lines record.
    public func brief(text: String, source: String, title: String? = nil, language: String? = nil,
                      encoding: String? = nil) throws(ArticleError) -> ArticleBrief {
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw ArticleError(source: source, problem: TextError.empty.description)
        }
        guard text.utf8.count <= options.maxBytes else {
            throw ArticleError(source: source, problem: TextError.tooLarge(bytes: text.utf8.count, limit: options.maxBytes).description)
        }
        let document: Document
        do {
            document = try analyzer.analyze(text, language: language ?? options.language, title: title)
        } catch let error as TextError {
            throw ArticleError(source: source, problem: error.description)
        } catch {
            throw ArticleError(source: source, problem: String(describing: error))
        }
        let summary = Summarizer(ranker: options.ranker).summarize(document, budget: options.budget)
        return ArticleBrief(source: source, encoding: encoding, document: document, summary: summary)
    }

    private static func problem(of error: InputError, path: String) -> String {
        let text = error.description
        let prefix = path + ": "
        return text.hasPrefix(prefix) ? String(text.dropFirst(prefix.count)) : text
    }
}
