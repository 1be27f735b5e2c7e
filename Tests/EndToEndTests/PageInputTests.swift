import Foundation
import Testing

/// A page server on 127.0.0.1 inside the test process, answering by path; it stops when the
/// test drops it (the listening socket is closed and its thread ends).
final class PageServer: @unchecked Sendable {
    let port: Int
    private let socket: Int32
    private let pages: [String: (status: Int, headers: String, body: [UInt8], delay: Double)]

    init(_ pages: [String: (status: Int, headers: String, body: [UInt8], delay: Double)]) throws {
        self.pages = pages
        let fd = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        guard bound == 0, listen(fd, 16) == 0 else { throw POSIXError(.EADDRINUSE) }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        socket = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread { [self] in serve() }.start()
    }

    deinit { shutdown(socket, Int32(SHUT_RDWR)); close(socket) }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    private func serve() {
        while true {
            let client = accept(socket, nil, nil)
            guard client >= 0 else { return }
            Thread { [self] in answer(client) }.start()
        }
    }

    private func answer(_ client: Int32) {
        defer { close(client) }
        var data: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 8192)
        while !String(decoding: data, as: UTF8.self).contains("\r\n\r\n") {
            let count = read(client, &buffer, buffer.count)
            if count <= 0 { return }
            data += buffer[0..<count]
        }
        let requestLine = String(decoding: data, as: UTF8.self).split(separator: "\r\n").first ?? ""
        let path = requestLine.split(separator: " ").dropFirst().first.map(String.init) ?? "/"
        guard let page = pages[path] else {
            write(client, Array("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".utf8))
            return
        }
        if page.delay > 0 { Thread.sleep(forTimeInterval: page.delay) }
        let head = "HTTP/1.1 \(page.status) X\r\n\(page.headers)Content-Length: \(page.body.count)\r\nConnection: close\r\n\r\n"
        write(client, Array(head.utf8) + page.body)
    }

    private func write(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBufferPointer { Glibc.write(client, $0.baseAddress, $0.count) }
            if written <= 0 { return }
            offset += written
        }
    }
}

private let page = """
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Iraq air defence | Test Wire</title>
<meta property="og:site_name" content="Test Wire"></head><body>
<nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/about">About us</a></nav>
<div class="article-body">
<h1>Iraq receives new air defence radars</h1>
<p>Iraq received the first of several air defence radars on Tuesday, the defence ministry said, as it rebuilds a network destroyed in years of war.</p>
<p>The radars will cover Baghdad and the western desert, where drones have struck bases hosting foreign troops, officials said.</p>
<p>The ministry did not say what the radars cost or who supplied them, but said more would arrive before the end of the year.</p>
</div>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a></div>
<footer class="footer">Copyright Test Wire. All rights reserved.</footer>
</body></html>
"""

@Suite(.serialized) struct PageInputTests {
    @Test func savedPageIsExtractedAndBriefed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brief-pages-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("page.htm").path
        try Data(page.utf8).write(to: URL(fileURLWithPath: file))
        let extracted = try BriefBinary.run(["extract", file, "--format", "json"])
        #expect(extracted.status == 0, "\(extracted.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(extracted.stdout.utf8)) as? [String: Any])
        #expect(object["outlet"] as? String == "Test Wire")
        #expect(object["title"] as? String == "Iraq receives new air defence radars")
        let text = try #require(object["text"] as? String)
        #expect(text.hasPrefix("Iraq received the first"))
        #expect(!text.contains("Share on") && !text.contains("About us") && !text.contains("All rights"))
        // The brief of a saved page is the brief of its article, never of its markup.
        let summary = try BriefBinary.run(["summarize", file, "--sentences", "2"])
        #expect(summary.status == 0, "\(summary.stderr)")
        #expect(!summary.stdout.contains("<") && !summary.stdout.contains("DOCTYPE"))
        #expect(summary.stdout.contains("Iraq received the first of several air defence radars"))
        // gzip-compressed pages, found by their bytes.
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/gzip")
        gzip.arguments = ["-kf", file]
        try gzip.run()
        gzip.waitUntilExit()
        let compressed = try BriefBinary.run(["extract", file + ".gz"])
        #expect(compressed.status == 0, "\(compressed.stderr)")
        #expect(compressed.stdout.contains("Iraq received the first"))
        // --input text takes the markup as text (the user said so).
        let asText = try BriefBinary.run(["extract", file, "--input", "text"])
        #expect(asText.stdout.contains("<p>"))
    }

    @Test func pageWithoutArticleIsAClearError() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brief-pages-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("login.html").path
        try Data("<html><head><script>login()</script></head><body><form><input name=u><button>Log in</button></form></body></html>".utf8)
            .write(to: URL(fileURLWithPath: file))
        let result = try BriefBinary.run(["extract", file])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no article found"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func urlsAreFetchedWithClearErrors() throws {
        let server = try PageServer([
            "/news.html": (200, "Content-Type: text/html; charset=utf-8\r\n", Array(page.utf8), 0),
            "/moved": (301, "Location: /news.html\r\n", [], 0),
            "/loop": (302, "Location: /loop\r\n", [], 0),
            "/slow": (200, "Content-Type: text/html\r\n", Array(page.utf8), 5),
            "/image.png": (200, "Content-Type: image/png\r\n", [0x89, 0x50, 0x4E, 0x47], 0),
            "/big": (200, "Content-Type: text/html\r\n", [UInt8](repeating: 0x61, count: 300_000), 0),
        ])
        let ok = try BriefBinary.run(["extract", server.url("/moved")])
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(ok.stdout.contains("Iraq received the first"))
        #expect(ok.stdout.contains("URL: \(server.url("/news.html"))"))
        let cases: [(String, [String], String)] = [
            ("/missing", [], "HTTP 404"),
            ("/loop", [], "redirect"),
            ("/slow", ["--fetch-timeout", "1"], "no answer within 1 s"),
            ("/image.png", [], "not a web page"),
            ("/big", ["--max-size", "100K"], "larger than"),
        ]
        for (path, options, message) in cases {
            let result = try BriefBinary.run(["extract", server.url(path)] + options, timeout: 30)
            #expect(result.status == 1, "\(path): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(path): \(result.stderr)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(path): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        // Refused connections too.
        let refused = try BriefBinary.run(["extract", "http://127.0.0.1:1/x.html"])
        #expect(refused.status == 1 && refused.stderr.contains("refused"))
    }

    @Test func jsonLinesPageRecordsGoOnPastABadOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("brief-pages-jsonl-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(page.utf8).write(to: folder.appendingPathComponent("a.html"))
        let escaped = String(decoding: try JSONSerialization.data(withJSONObject: [page], options: [.fragmentsAllowed]), as: UTF8.self).dropFirst().dropLast()
        let lines = [
            #"{"id":"by-path","path":"a.html"}"#,
            #"{"id":"missing","path":"nowhere.html"}"#,
            "{\"id\":\"inline\",\"html\":\(escaped)}",
            #"{"id":"text","text":"Baghdad (Reuters) - Iraq received new radars on Tuesday, officials said."}"#,
        ]
        let jsonl = folder.appendingPathComponent("pages.jsonl")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: jsonl)
        let result = try BriefBinary.run(["extract", "--jsonl", jsonl.path])
        #expect(result.status == 3)
        let records = result.stdout.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(records.count == 4)
        #expect(records[0]["outlet"] as? String == "Test Wire")
        #expect(records[1]["error"] != nil)
        #expect((records[2]["text"] as? String)?.hasPrefix("Iraq received") == true)
        // The dateline is the source, not the article: out of the text, into outlet and place.
        #expect(records[3]["text"] as? String == "Iraq received new radars on Tuesday, officials said.")
        #expect(records[3]["outlet"] as? String == "Reuters")
        #expect(records[3]["outlet_latin"] as? String == "Reuters")
        #expect(records[3]["outlet_arabic"] as? String == "رويترز")
        #expect(records[3]["place"] as? String == "Baghdad")
        for key in ["id", "title", "outlet", "author", "date", "place", "lang", "url", "text"] { #expect(records[0].keys.contains(key), "\(key)") }
    }
}
