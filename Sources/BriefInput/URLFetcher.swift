import BriefResources
#if canImport(Glibc)
import Glibc
#endif

/// Why a URL could not be read.
public enum FetchError: Error, Equatable, CustomStringConvertible {
    /// What kind of failure a request met.
    public enum Kind: String, Sendable {
        case refused, resolve, timeout, redirects, url, toolarge, broken
    }

    case libraryMissing(searched: [String])
    case libraryBroken(String)
    case failed(url: String, kind: Kind, reason: String)
    case status(url: String, code: Int)
    case notAPage(url: String, contentType: String)

    public var description: String {
        switch self {
        case .libraryMissing(let searched):
            return "cannot reach the network: libBriefHTTP.so not found (build it with swift build --product BriefHTTP; searched \(searched.joined(separator: ", ")))"
        case .libraryBroken(let detail): return "cannot reach the network: \(detail)"
        case .failed(let url, _, let reason): return "\(url): \(reason)"
        case .status(let url, let code): return "\(url): the server answered HTTP \(code)"
        case .notAPage(let url, let contentType): return "\(url): not a web page or text (\(contentType))"
        }
    }
}

/// A page read from the web.
public struct FetchedPage: Sendable, Equatable {
    /// Where the page was found, after redirects.
    public var url: String
    public var contentType: String?
    /// The charset the answer declared, if any.
    public var charset: String?
    public var bytes: [UInt8]
}

/// Reads URLs through brief's HTTP library (async-http-client), loaded on first use: a timeout,
/// a size limit, at most 5 redirects, gzip accepted, a User-Agent naming brief.
public struct URLFetcher: Sendable {
    public var timeout: Double
    public var maxBytes: Int
    public var maxRedirects = 5
    public static let userAgent = "brief/1.0 (+https://github.com/brief-press/brief; news brief tool)"

    public init(timeout: Double = 20, maxBytes: Int = 32 << 20) {
        self.timeout = timeout
        self.maxBytes = maxBytes
    }

    /// Whether an input name is a URL rather than a file.
    public static func isURL(_ input: String) -> Bool {
        let lower = input.prefix(8).lowercased()
        return lower.hasPrefix("http://") || lower.hasPrefix("https://")
    }

    /// Fetches a page: an error for a failed request, a status other than 2xx, or an answer that
    /// is neither HTML nor text.
    public func fetch(_ url: String) throws(FetchError) -> FetchedPage {
        let library = try HTTPLibrary.shared()
        let answer = try library.request(method: "GET", url: url, headers: [("User-Agent", Self.userAgent), ("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5"), ("Accept-Encoding", "gzip, deflate")],
                                         body: [], timeout: timeout, maxBytes: maxBytes, maxRedirects: maxRedirects)
        guard (200..<300).contains(answer.status) else { throw .status(url: url, code: answer.status) }
        let contentType = answer.header("content-type")
        if let contentType {
            let type = contentType.split(separator: ";").first.map { $0.trimmingWhitespace().lowercased() } ?? ""
            let readable = type.hasPrefix("text/") || type.contains("html") || type.contains("xml") || type.isEmpty
            guard readable else { throw .notAPage(url: url, contentType: type) }
        }
        return FetchedPage(url: answer.finalURL, contentType: contentType, charset: contentType.flatMap(Self.charset(in:)), bytes: answer.body)
    }

    /// The `charset=` parameter of a Content-Type value.
    static func charset(in contentType: String) -> String? {
        for parameter in contentType.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmingWhitespace().lowercased() == "charset" else { continue }
            let value = parts[1].trimmingWhitespace().trimmingCharacters(in: "\"'")
            return value.isEmpty ? nil : value
        }
        return nil
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}

/// An HTTP answer from the library.
public struct HTTPAnswer: Sendable, Equatable {
    public var status: Int
    public var finalURL: String
    public var headers: [(String, String)]
    public var body: [UInt8]

    public static func == (lhs: HTTPAnswer, rhs: HTTPAnswer) -> Bool {
        lhs.status == rhs.status && lhs.finalURL == rhs.finalURL && lhs.body == rhs.body
            && lhs.headers.map { "\($0.0): \($0.1)" } == rhs.headers.map { "\($0.0): \($0.1)" }
    }

    /// A header's value, by case-insensitive name.
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }
}

/// libBriefHTTP.so, opened once per process and never closed (unloading Swift code is unsafe).
public final class HTTPLibrary: Sendable {
    typealias Request = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafePointer<CChar>, UnsafePointer<UInt8>?, Int, Double, Int, Int32,
                                        UnsafeMutablePointer<Int32>, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                                        UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>,
                                        UnsafeMutablePointer<Int>, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32
    typealias Free = @convention(c) (UnsafeMutableRawPointer?) -> Void

    private let requestFunction: Request
    private let freeFunction: Free

    private init(request: Request, free: Free) {
        requestFunction = request
        freeFunction = free
    }

    private static let loaded: Result<HTTPLibrary, FetchError> = {
        let folders = LibraryFolders.search()
        guard let path = folders.map({ $0 + "/libBriefHTTP.so" }).first(where: { access($0, R_OK) == 0 }) else {
            return .failure(.libraryMissing(searched: folders))
        }
        guard let handle = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            return .failure(.libraryBroken(dlerror().map { String(cString: $0) } ?? "dlopen failed"))
        }
        guard let request = dlsym(handle, "brief_http_request"), let free = dlsym(handle, "brief_http_free") else {
            return .failure(.libraryBroken("\(path) lacks brief_http_request"))
        }
        return .success(HTTPLibrary(request: unsafeBitCast(request, to: Request.self), free: unsafeBitCast(free, to: Free.self)))
    }()

    /// The library, loaded on first use.
    public static func shared() throws(FetchError) -> HTTPLibrary {
        try loaded.get()
    }

    /// One request, waited for.
    public func request(method: String, url: String, headers: [(String, String)], body: [UInt8], timeout: Double, maxBytes: Int,
                        maxRedirects: Int) throws(FetchError) -> HTTPAnswer {
        guard !url.utf8.contains(0), !headers.contains(where: { $0.0.utf8.contains(0) || $0.1.utf8.contains(0x0A) || $0.1.utf8.contains(0) }) else {
            throw .failed(url: url, kind: .url, reason: "not a valid URL")
        }
        let headerText = headers.map { "\($0.0): \($0.1)" }.joined(separator: "\n")
        var status: Int32 = 0
        var finalURL: UnsafeMutablePointer<CChar>?, responseHeaders: UnsafeMutablePointer<CChar>?, error: UnsafeMutablePointer<CChar>?
        var responseBody: UnsafeMutablePointer<UInt8>?
        var length = 0
        let result = body.withUnsafeBufferPointer { buffer in
            requestFunction(method, url, headerText, buffer.baseAddress, buffer.count, timeout, maxBytes, Int32(maxRedirects),
                            &status, &finalURL, &responseHeaders, &responseBody, &length, &error)
        }
        defer {
            freeFunction(finalURL)
            freeFunction(responseHeaders)
            freeFunction(responseBody)
            freeFunction(error)
        }
        guard result == 0 else {
            let message = error.map { String(cString: $0) } ?? "broken\trequest failed"
            let parts = message.split(separator: "\t", maxSplits: 1)
            let kind = parts.count == 2 ? FetchError.Kind(rawValue: String(parts[0])) ?? .broken : .broken
            throw .failed(url: url, kind: kind, reason: String(parts.last ?? ""))
        }
        let headerLines = responseHeaders.map { String(cString: $0) } ?? ""
        var parsed: [(String, String)] = []
        for line in headerLines.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            parsed.append((String(line[..<colon]), String(line[line.index(after: colon)...]).trimmedString()))
        }
        let bytes = responseBody.map { Array(UnsafeBufferPointer(start: $0, count: length)) } ?? []
        return HTTPAnswer(status: Int(status), finalURL: finalURL.map { String(cString: $0) } ?? url, headers: parsed, body: bytes)
    }
}
