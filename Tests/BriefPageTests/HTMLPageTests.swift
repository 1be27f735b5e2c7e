import BriefResources
import Testing
@testable import BriefPage

private let pageRepositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

private func reader() throws -> PageReader {
    try PageReader.load(from: DataDirectory(root: pageRepositoryRoot))
}

/// A news page as CMSs write them: menus, a share bar, a figure, related links and comments
/// around three paragraphs.
private let newsPage = """
<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Turkey tests S-400 radar | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="og:title" content="Turkey tests S-400 radar near Ankara">
<link rel="canonical" href="https://news.example.org/world/s400-radar">
<script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Turkey tests S-400 radar near Ankara",
 "datePublished":"2019-11-25T09:30:00+03:00","author":{"@type":"Person","name":"Jane Doe"},
 "publisher":{"@type":"Organization","name":"Example News"}}
</script>
<style>body { color: black }</style>
</head>
<body>
<nav class="main-menu"><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<div class="page">
  <article class="article-body">
    <h1>Turkey tests S-400 radar near Ankara</h1>
    <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
    <p>Turkey switched on the radar of its Russian-made S-400 system near Ankara on Monday, the defence ministry said, in a test that drew a sharp response from Washington.</p>
    <figure><img src="radar.jpg"><figcaption>The radar seen from a nearby road (Photo: Example)</figcaption></figure>
    <p>The United States has warned that the purchase could bring sanctions under CAATSA, and removed Turkey from the F-35 programme earlier this year.</p>
    <p>Officials in Ankara said the test was routine and that the system would be fully operational by April.</p>
    <div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Greece buys Patriot batteries for its islands</a></li><li><a href="/b">What is CAATSA and who does it hit?</a></li></ul></div>
  </article>
  <section id="comments"><h3>Leave a comment</h3><p>Your email address will not be published. Required fields are marked with a star.</p></section>
</div>
<footer class="site-footer"><p>© 2019 Example News. All rights reserved. Terms of use and privacy policy apply to this site.</p></footer>
</body>
</html>
"""

@Suite struct HTMLPageTests {
    @Test func articleTextWithoutPageFurniture() throws {
        let (page, encoding) = try reader().read(html: Array(newsPage.utf8))
        #expect(encoding == "UTF-8")
        #expect(page.paragraphs.count == 3)
        #expect(page.paragraphs.first?.hasPrefix("Turkey switched on the radar") == true)
        #expect(page.paragraphs.last == "Officials in Ankara said the test was routine and that the system would be fully operational by April.")
        let body = page.text
        for clutter in ["Share on Facebook", "Greece buys Patriot", "Your email address", "All rights reserved", "Home", "(Photo: Example)"] {
            #expect(!body.contains(clutter), "kept clutter: \(clutter)")
        }
    }

    @Test func metadataFromJSONLDAndMetaTags() throws {
        let (page, _) = try reader().read(html: Array(newsPage.utf8))
        #expect(page.title == "Turkey tests S-400 radar near Ankara")
        #expect(page.outlet == "Example News")
        #expect(page.author == "Jane Doe")
        #expect(page.date == "2019-11-25T09:30")
        #expect(page.language == "en")
        #expect(page.url == "https://news.example.org/world/s400-radar")
    }

    @Test func windows1256PageDeclaredInMeta() throws {
        // "مرحبا بكم في الموقع" and a sentence, in windows-1256 bytes, declared by <meta>.
        let head = Array("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1256\"></head><body><div class=\"content\"><p>".utf8)
        let arabic: [UInt8] = [0xE3, 0xD1, 0xCD, 0xC8, 0xC7, 0x20, 0xC8, 0xDF, 0xE3, 0x20, 0xDD, 0xED, 0x20, 0xC7, 0xE1, 0xE3, 0xE6, 0xDE, 0xDA, 0x2E]
        var bytes = head
        for _ in 0..<4 { bytes += arabic + [0x20] }
        bytes += Array("</p></div></body></html>".utf8)
        #expect(PageCharset.metaCharset(bytes) == "windows-1256")
        let (page, encoding) = try reader().read(html: bytes)
        #expect(encoding.lowercased().contains("1256"))
        #expect(page.text.hasPrefix("مرحبا بكم في الموقع."))
    }

    @Test func sniffingTellsPagesFromText() {
        #expect(PageCharset.looksLikeHTML(Array(newsPage.utf8)))
        #expect(PageCharset.looksLikeHTML(Array("  \n<html><body><p>x</p></body></html>".utf8)))
        #expect(PageCharset.looksLikeHTML(Array("<div class=a><p>One</p><p>Two</p></div>".utf8)))
        #expect(!PageCharset.looksLikeHTML(Array("Turkey tests S-400 radar\n\nAnkara (Reuters) - Turkey switched on <the> radar.".utf8)))
        #expect(!PageCharset.looksLikeHTML(Array("Use <p> for paragraphs in HTML, the manual says.".utf8)))
    }

    @Test func deepNestingAndPagesWithoutArticle() throws {
        // 100,000 nested elements: walked without recursion, no crash.
        let deep = String(repeating: "<div>", count: 100_000) + "text" + String(repeating: "</div>", count: 100_000)
        let tree = try HTMLTree.parse(utf8: Array(("<html><body>" + deep + "</body></html>").utf8))
        #expect(tree.count > 1)
        // Scripts and styles only: no article.
        #expect(throws: PageError.noArticle) {
            try reader().read(html: Array("<html><head><script>var a = 1;</script><style>p{}</style></head><body><script>go()</script></body></html>".utf8))
        }
    }

    @Test func treeKeepsAttributesAndText() throws {
        let tree = try HTMLTree.parse(utf8: Array("<html><body><p class=\"Lead\" id=x>Hello <b>world</b></p></body></html>".utf8))
        let paragraph = try #require(tree.first(.p))
        #expect(tree.attribute("class", of: paragraph) == "Lead")
        #expect(tree.attribute("ID", of: paragraph) == "x")
        #expect(tree.textContent(of: paragraph) == "Hello world")
        #expect(Array("figcaption".utf8).withUnsafeBufferPointer { HTMLTag($0) } == .figcaption)
        #expect(Array("blockquote".utf8).withUnsafeBufferPointer { HTMLTag($0) } == .blockquote)
        #expect(Array("custom-el".utf8).withUnsafeBufferPointer { HTMLTag($0) } == .other)
    }
}
