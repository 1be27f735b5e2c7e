import ArgumentParser
import BriefPipeline
import BriefResources

/// Options about reading articles, shared by every command that reads them.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Input encoding (an ICU converter name such as windows-1256 or ISO-8859-6); detected when not given.", valueName: "name"))
    var encoding: String?

    @Option(name: .long, help: ArgumentHelp("Article language (en, ar, fr …); detected from the script when not given.", valueName: "code"))
    var lang: String?

    @Option(name: .customLong("max-size"), help: ArgumentHelp("Largest input accepted, in bytes; K, M and G suffixes allowed.", valueName: "size"))
    var maxSize: ByteSize = ByteSize(bytes: 32 << 20)

    @Option(name: .long, help: "What the input is: auto (found from its bytes), html (a web page) or text.")
    var input: InputKind = .auto

    @Option(name: .customLong("fetch-timeout"), help: ArgumentHelp("Seconds a URL may take to answer, above 0 and at most 600.", valueName: "seconds"))
    var fetchTimeout: Double = 20

    @Flag(name: .customLong("no-repair"), help: "Do not repair copy damage (glued words, missing spaces) before analysis.")
    var noRepair = false

    func validate() throws {
        try LanguageOption.checkShape(lang, option: "--lang")
        guard fetchTimeout > 0, fetchTimeout <= 600 else { throw ValidationError("--fetch-timeout: must be above 0 and at most 600 seconds") }
    }

    /// The pipeline for these options, with the data folder found, after `configure` sets the rest.
    func pipeline(_ configure: (inout ArticlePipeline.Options) -> Void = { _ in }) throws -> ArticlePipeline {
        var options = ArticlePipeline.Options()
        configure(&options)
        apply(to: &options)
        let data = try Diagnostics.dataDirectory()
        if let lang { options.language = try LanguageOption.known(lang, option: "--lang", data: data) }
        return ArticlePipeline(data: data, options: options)
    }

    func apply(to options: inout ArticlePipeline.Options) {
        options.repair = !noRepair
        options.encoding = encoding
        options.language = lang?.lowercased()
        options.maxBytes = maxSize.bytes
        options.inputKind = input.pageKind
        options.fetchTimeout = fetchTimeout
    }
}

/// A size in bytes, written as 1000, 64K, 32M or 1G.
struct ByteSize: ExpressibleByArgument {
    var bytes: Int

    init(bytes: Int) {
        self.bytes = bytes
    }

    init?(argument: String) {
        var digits = Substring(argument)
        var factor = 1
        switch digits.last?.uppercased() {
        case "K": factor = 1 << 10
        case "M": factor = 1 << 20
        case "G": factor = 1 << 30
        default: break
        }
        if factor > 1 { digits = digits.dropLast() }
        guard let value = Int(digits), value > 0, value <= Int(Int32.max) / factor else { return nil }
        bytes = value * factor
    }

    var defaultValueDescription: String { "\(bytes / (1 << 20))M" }
}

/// Language options (`--lang`, `--to`, `--from`): checked in shape when parsed and against the
/// languages brief knows before use; both failures are usage errors (exit 64).
enum LanguageOption {
    static func checkShape(_ value: String?, option: String) throws {
        guard let value else { return }
        guard LanguageCode.primarySubtag(of: value) != nil else {
            throw ValidationError("\(option): \(LanguageCodeError.malformed(LanguageCode.shown(value)))")
        }
    }

    /// The primary subtag of `value` when brief knows the language.
    static func known(_ value: String, option: String, data: DataDirectory) throws -> String {
        do {
            return try LanguageCode(value, known: try KnownLanguages.load(from: data)).code
        } catch let error as LanguageCodeError {
            throw ValidationError("\(option): \(error)")
        } catch {
            Diagnostics.fail(String(describing: error))
        }
    }
}
