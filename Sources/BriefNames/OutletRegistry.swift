import BriefResources
import BriefText

/// A news outlet: its names in both scripts, where it is from, and what kind of outlet it is.
public struct Outlet: Sendable, Equatable {
    public let id: String
    public let arabic: String
    /// The outlet's own preferred Latin spelling.
    public let latin: String
    public let variants: [String]
    public let countries: [String]
    public let domain: String
    public let kind: String
}

/// Folded spelling (either script) → the position of the entry it spells: the first entry
/// listed keeps a spelling that two share. Outlets and places are found through it.
/// Keyed by a 64-bit hash of the folded spelling, made without building the folded string:
/// thousands of spellings are indexed at every start, and a chance collision among them (about
/// one in 10^12) costs less than folding each into a String.
struct SpellingIndex: Sendable {
    private let positions: [UInt64: Int]

    init(_ spellings: [[String]]) {
        var positions: [UInt64: Int] = [:]
        positions.reserveCapacity(spellings.count * 4)
        for (position, names) in spellings.enumerated() {
            for spelling in names {
                if let key = Self.key(spelling), positions[key] == nil { positions[key] = position }
            }
        }
        self.positions = positions
    }

    func position(of name: String) -> Int? { Self.key(name).flatMap { positions[$0] } }

    /// FNV-1a over the UTF-8 of `OutletRegistry.fold(text)`, or nil when the fold is empty.
    static func key(_ text: String) -> UInt64? {
        var hash: UInt64 = 0xcbf29ce484222325
        var empty = true
        func add(_ scalar: Unicode.Scalar) {
            empty = false
            let value = scalar.value
            if value < 0x80 {
                hash = (hash ^ UInt64(value)) &* 0x100000001b3
            } else if value < 0x800 {
                hash = (hash ^ UInt64(0xC0 | value >> 6)) &* 0x100000001b3
                hash = (hash ^ UInt64(0x80 | value & 0x3F)) &* 0x100000001b3
            } else {
                for byte in String(scalar).utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            }
        }
        OutletRegistry.forEachFolded(text, add)
        return empty ? nil : hash
    }
}

/// The outlets of `Lexicons/outlets.tsv`, found by any of their spellings.
public struct OutletRegistry: Sendable {
    public static let path = "Lexicons/outlets.tsv"
    public let outlets: [Outlet]
    private let index: SpellingIndex

    public init(outlets: [Outlet]) {
        self.outlets = outlets
        index = SpellingIndex(outlets.map { [$0.arabic, $0.latin] + $0.variants + [$0.id] })
    }

    public static func load(from data: DataDirectory) throws(NamesError) -> OutletRegistry {
        let lines: [(number: Int, text: Substring)]
        do { lines = try data.numberedLines(path) } catch { throw NamesError(problem: error.description) }
        var outlets: [Outlet] = []
        var header = true
        for (number, line) in lines where !line.hasPrefix("#") && !line.isEmpty {
            let fields = line.fields(separatedBy: 0x09)
            if header { header = false; continue }
            guard fields.count >= 8, !fields[0].isEmpty, !fields[1].isEmpty, !fields[2].isEmpty else {
                throw NamesError(problem: "\(path):\(number): expected 8 tab-separated fields with id, arabic and latin")
            }
            outlets.append(Outlet(id: fields[0], arabic: fields[1], latin: fields[2],
                                  variants: Substring(fields[3]).fields(separatedBy: 0x7C).map { $0.trimmingSpaces() }.filter { !$0.isEmpty },
                                  countries: fields[4].split(separator: "/").map(String.init), domain: fields[5], kind: fields[6]))
        }
        return OutletRegistry(outlets: outlets)
    }

    /// The outlet spelled `name` in either script, however it is cased, hyphenated or spaced.
    public func outlet(named name: String) -> Outlet? {
        index.position(of: name).map { outlets[$0] }
    }

    /// Lowercase letters and digits only; Arabic normalized, with no article split off. Done
    /// scalar by scalar with ASCII and Arabic fast paths: every spelling of every outlet is
    /// folded when a brief starts.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        forEachFolded(text) { out.append($0) }
        return String(out)
    }

    /// The scalars of `fold(text)`, one by one (the spelling index hashes them without a String).
    static func forEachFolded(_ text: String, _ body: (Unicode.Scalar) -> Void) {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x41...0x5A: body(Unicode.Scalar(value + 0x20)!)
            case 0x61...0x7A, 0x30...0x39: body(scalar)
            case 0x00...0x7F: continue
            case 0x0623, 0x0625, 0x0622, 0x0671: body("\u{0627}")
            case 0x0629: body("\u{0647}")
            case 0x0649: body("\u{064A}")
            case 0x0640, 0x064B...0x065F, 0x0670: continue
            case 0x0620...0x06FF: if scalar.properties.isAlphabetic || (0x0660...0x0669).contains(value) { body(scalar) }
            default:
                guard scalar.properties.isAlphabetic else { continue }
                // Accents off Latin letters: "Al-Ḥayāt" is "al-hayat".
                let lower = String(scalar).lowercased()
                for folded in (value >= 0xC0 && value < 0x250 ? lower.decomposedBase ?? lower : lower).unicodeScalars { body(folded) }
            }
        }
    }
}

extension String {
    /// Without surrounding spaces.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars = scalars.dropFirst() }
        while scalars.last == " " { scalars = scalars.dropLast() }
        return String(scalars)
    }

    /// The base letter of a precomposed Latin letter ("é" → "e"), from ICU's decomposition.
    var decomposedBase: String? {
        guard let decomposed = try? TextNormalizer.normalize(self, form: .nfd) else { return nil }
        return String(String.UnicodeScalarView(decomposed.unicodeScalars.filter { $0.properties.generalCategory != .nonspacingMark }))
    }
}
