// brief's HTTP client: swift-server/async-http-client (SwiftNIO, TLS through swift-nio-ssl),
// built as its own shared library (libBriefHTTP.so) that brief opens only when it reaches the
// network (a URL to read, a translation server). Commands that read files never load NIO.
//
// One C function does one request and waits for it: brief's stages are synchronous, and a
// request is the only thing a command waits on at that point.
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The answer to one request, or why there is none.
struct Answer: Sendable {
    var status: Int32 = 0
    var finalURL = ""
    var headers = ""
    var body: [UInt8] = []
    var error: String?
}

/// A box the waiting thread reads once the request's task has filled it.
final class AnswerBox: @unchecked Sendable {
    var answer = Answer()
}

/// What a failure of async-http-client means to a user.
func describe(_ error: any Error, url: String, timeout: Double, maxBytes: Int) -> String {
    if let error = error as? HTTPClientError {
        if [.readTimeout, .deadlineExceeded, .connectTimeout, .getConnectionFromPoolTimeout, .tlsHandshakeTimeout].contains(error) {
            return "no answer within \(Int(timeout)) s"
        }
        if error == .redirectLimitReached { return "too many redirects (more than 5)" }
        if error == .redirectCycleDetected { return "redirects in a loop" }
        if [.invalidURL, .emptyHost, .emptyScheme].contains(error) { return "not a valid URL" }
        if error == .remoteConnectionClosed { return "the server closed the connection" }
        let text = "\(error)"
        if text.contains("unsupportedScheme") { return "unsupported scheme (http and https only)" }
        return text
    }
    if error is NIOTooManyBytesError { return "answer larger than \(maxBytes) bytes (raise it with --max-size)" }
    let text = "\(error)"
    if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
    if text.contains("NIOConnectionError") || text.contains("lookup") || text.contains("resolve") { return "cannot reach the host (DNS or network): \(text)" }
    return text
}

func perform(method: String, url: String, headers: String, body: [UInt8], timeout: Double, maxBytes: Int, maxRedirects: Int) -> Answer {
    let box = AnswerBox()
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        defer { done.signal() }
        var configuration = HTTPClient.Configuration()
        configuration.redirectConfiguration = maxRedirects > 0 ? .follow(max: maxRedirects, allowCycles: false) : .disallow
        configuration.timeout = .init(connect: .milliseconds(Int64(timeout * 1000)), read: .milliseconds(Int64(timeout * 1000)))
        configuration.decompression = .enabled(limit: .size(maxBytes))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            var request = HTTPClientRequest(url: url)
            request.method = HTTPMethod(rawValue: method)
            for line in headers.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                request.headers.add(name: String(line[..<colon]), value: String(line[line.index(after: colon)...]).trimmingCharacters(in: .whitespaces))
            }
            if !body.isEmpty { request.body = .bytes(ByteBuffer(bytes: body)) }
            let response = try await client.execute(request, timeout: .milliseconds(Int64(timeout * 1000)))
            let collected = try await response.body.collect(upTo: maxBytes)
            box.answer.status = Int32(response.status.code)
            box.answer.finalURL = response.url?.absoluteString ?? url
            box.answer.headers = response.headers.map { "\($0.name): \($0.value)" }.joined(separator: "\n")
            box.answer.body = Array(collected.readableBytesView)
        } catch {
            box.answer.error = describe(error, url: url, timeout: timeout, maxBytes: maxBytes)
        }
        try? await client.shutdown()
    }
    done.wait()
    return box.answer
}

func duplicate(_ text: String) -> UnsafeMutablePointer<CChar>? { strdup(text) }

/// Does one request. Returns 0 with the answer's status, final URL, headers ("Name: value" lines)
/// and body (all malloc'ed: free them with brief_http_free), or -1 with `error` set.
@_cdecl("brief_http_request")
public func brief_http_request(_ method: UnsafePointer<CChar>, _ url: UnsafePointer<CChar>, _ headers: UnsafePointer<CChar>,
                               _ body: UnsafePointer<UInt8>?, _ bodyLength: Int, _ timeout: Double, _ maxBytes: Int, _ maxRedirects: Int32,
                               _ status: UnsafeMutablePointer<Int32>, _ finalURL: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                               _ responseHeaders: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>,
                               _ responseBody: UnsafeMutablePointer<UnsafeMutablePointer<UInt8>?>, _ responseLength: UnsafeMutablePointer<Int>,
                               _ error: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    let bytes = body.map { Array(UnsafeBufferPointer(start: $0, count: bodyLength)) } ?? []
    let answer = perform(method: String(cString: method), url: String(cString: url), headers: String(cString: headers), body: bytes,
                         timeout: timeout, maxBytes: maxBytes, maxRedirects: Int(maxRedirects))
    if let message = answer.error {
        error.pointee = duplicate(message)
        return -1
    }
    status.pointee = answer.status
    finalURL.pointee = duplicate(answer.finalURL)
    responseHeaders.pointee = duplicate(answer.headers)
    let copy = malloc(max(answer.body.count, 1))!.assumingMemoryBound(to: UInt8.self)
    answer.body.withUnsafeBufferPointer { copy.update(from: $0.baseAddress!, count: $0.count) }
    responseBody.pointee = copy
    responseLength.pointee = answer.body.count
    return 0
}

@_cdecl("brief_http_free")
public func brief_http_free(_ pointer: UnsafeMutableRawPointer?) {
    free(pointer)
}
