import BriefResources
import Testing
@testable import BriefPage

private let readerRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

@Suite struct PageReaderTests {
    let reader = PageReader(data: DataDirectory(root: readerRoot))
    let now = CalendarDay(year: 2026, month: 12, day: 3)!

    @Test func imagePlaceholdersLeaveTheLead() {
        let text = "Title line\n<image>Archive photo</image> The ministry said on Sunday that talks had begun.\n<image>unclosed"
        #expect(PageReader.removingImageMarkers(text) == "Title line\nThe ministry said on Sunday that talks had begun.\n<image>unclosed")
        // Linear on a hostile line of unclosed markers.
        let hostile = String(repeating: "<image>", count: 100_000)
        #expect(PageReader.removingImageMarkers(hostile) == hostile)
    }

    @Test func leadingDateStampsGoOnTheirOwnLine() throws {
        let split = try reader.splittingLeadingDates("date 2025-08-09 Iraqi faction answers the prime minister on arms\nBody text.")
        #expect(split == "date 2025-08-09\nIraqi faction answers the prime minister on arms\nBody text.")
        // A date alone, or one followed by a word or two, stays as it is.
        #expect(try reader.splittingLeadingDates("2022-07-22 15:29:41") == "2022-07-22 15:29:41")
    }

    @Test func copiedPageGivesTitleDateAndBodyWithoutLinks() throws {
        let copied = """
        Home | World | Business | Sport
        Skip to the content

        Iraq receives new air defence radars

        Published: 21 November 2026

        Iraq received the first of several air defence radars on Tuesday, the defence ministry said, as it rebuilds a network destroyed in years of war.

        The radars will cover Baghdad and the western desert, where drones have struck bases hosting foreign troops, officials said.

        Our site: https://news.example.org/ Follow us on Facebook: https://www.facebook.com/example.news and on X: https://x.com/example

        Related articles
        Greece buys Patriot batteries
        """
        let page = try reader.read(text: copied, language: "en", now: now)
        #expect(page.title == "Iraq receives new air defence radars")
        #expect(page.date == "2026-11-21")
        #expect(page.paragraphs.count == 2)
        #expect(!page.text.contains("https://") && !page.text.contains("Greece") && !page.text.contains("Skip"))
        #expect(page.clutterLines > 0)
    }

    @Test func theLinesThatMayNameTheSourceAreKeptForIt() throws {
        let copied = """
        Turkey Alaan
        Home | World | Business | Sport
        Politics
        Economy
        Sport
        Culture
        Weather

        Iraq receives new air defence radars

        Iraq received the first of several air defence radars on Tuesday, the defence ministry said, as it rebuilds a network destroyed in years of war.

        Follow us on Telegram: Turkey Alaan channel

        The radars will cover Baghdad and the western desert, where drones have struck bases hosting foreign troops, officials said.

        ILKHA

        Related articles
        Greece buys Patriot batteries
        """
        let page = try reader.read(text: copied, language: "en", now: now)
        // The masthead, though more than five lines of clutter stand between it and the body.
        #expect(page.linesAboveBody.first == "Turkey Alaan")
        #expect(page.linesBelowBody.first == "ILKHA")
        #expect(page.promotions == ["Follow us on Telegram: Turkey Alaan channel"])
        #expect(!page.text.contains("Telegram"))
    }
}
