import BriefResources
import Foundation
import Testing
@testable import BriefPage

private let repositoryRoot = "/" + String(#filePath).split(separator: "/").dropLast(3).joined(separator: "/")

/// Small page dumps written for these tests (not taken from any evaluation file), in the shapes
/// copies from news sites take.
@Suite struct CopiedTextCleanerTests {
    let cleaner: CopiedTextCleaner

    init() throws {
        cleaner = try CopiedTextCleaner.load(from: DataDirectory(root: repositoryRoot))
    }

    /// The label of the first line equal to `line`.
    func label(_ result: CleanedText, _ text: String, _ line: String) -> LineLabel? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        return lines.firstIndex(of: line).map { result.labels[$0] }
    }

    static let english = """
    Skip to content
    Home
    World
    Politics
    Business
    Home > News > Middle East
    Sign in
    Port authority reopens northern terminal after two-week closure
    By Jane Doe
    March 3, 2024 10:15 AM
    The port authority said on Monday that the northern terminal would reopen to container ships on Wednesday, two weeks after a fire damaged its main crane.
    Officials told reporters that repairs had cost about $4 million and that traffic would return to normal within days.
    What comes next
    Shipping companies have asked the authority to publish a schedule for the remaining work, which is expected to last until the summer.
    "We are confident the terminal is safe," the director said in a statement.
    Share this article
    Related Articles
    Storm closes southern ports for a day
    New crane contract signed with Finnish maker
    Leave a Reply
    Your email address will not be published. Required fields are marked *
    © 2024 Example News. All rights reserved.
    """

    @Test func englishPageWithMenusRelatedLinksAndCommentForm() {
        let result = cleaner.clean(Self.english, language: "en")
        #expect(result.title == "Port authority reopens northern terminal after two-week closure")
        #expect(result.paragraphs.count == 5)
        #expect(result.paragraphs.first?.hasPrefix("The port authority said on Monday") == true)
        #expect(result.paragraphs.contains("What comes next"), "a crosshead between body paragraphs is body")
        #expect(result.paragraphs.last == "\"We are confident the terminal is safe,\" the director said in a statement.")
        #expect(result.head == ["By Jane Doe", "March 3, 2024 10:15 AM"])
        #expect(label(result, Self.english, "Skip to content") == .clutter)
        #expect(label(result, Self.english, "Storm closes southern ports for a day") == .clutter)
        #expect(label(result, Self.english, "Your email address will not be published. Required fields are marked *") == .clutter)
        #expect(result.labels.count == Self.english.split(separator: "\n", omittingEmptySubsequences: false).count)
    }

    static let arabic = """
    رئيس مجلسى الإدارة والتحرير
    محمد أحمد
    الرئيسية
    أخبار
    رياضة
    اقتصاد
    2022-07-22 15:29:41
    الحكومة تعلن خطة جديدة لدعم المزارعين في المحافظات الجنوبية

    بغداد/ الوكالة

    أعلنت الحكومة، اليوم الأحد، عن خطة جديدة لدعم المزارعين في المحافظات الجنوبية، تشمل توزيع البذور والأسمدة بأسعار مخفضة.

    وقال المتحدث باسم وزارة الزراعة في بيان إن الخطة ستبدأ الشهر المقبل وتستمر حتى نهاية الموسم الزراعي.

    وأضاف أن الوزارة ستفتح مراكز جديدة لاستلام المحاصيل من المزارعين في خمس محافظات.

    اقرأ أيضا
    ارتفاع أسعار الخضار في الأسواق المحلية
    أضف تعليقك
    لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *
    """

    @Test func arabicPageWithMastheadTimestampAndCommentForm() {
        let result = cleaner.clean(Self.arabic, language: nil)
        #expect(result.language == "ar")
        #expect(result.title == "الحكومة تعلن خطة جديدة لدعم المزارعين في المحافظات الجنوبية")
        #expect(result.paragraphs.count == 3)
        #expect(result.paragraphs.first?.hasPrefix("أعلنت الحكومة") == true)
        #expect(result.head.contains("بغداد/ الوكالة"))
        #expect(label(result, Self.arabic, "رئيس مجلسى الإدارة والتحرير") == .clutter)
        #expect(label(result, Self.arabic, "2022-07-22 15:29:41") != .title)
        #expect(label(result, Self.arabic, "ارتفاع أسعار الخضار في الأسواق المحلية") == .clutter)
        #expect(!result.text.contains("بريدك"))
    }

    static let french = """
    Aller au contenu principal
    Accueil | International | Économie | Sport
    Le Parlement adopte la réforme des retraites en première lecture
    Publié le 3 mars 2024 à 10h15
    Les députés ont adopté mardi soir, par 289 voix contre 250, le projet de loi qui repousse l’âge légal de départ à la retraite, après trois semaines de débats.
    « C’est une étape importante, mais le travail continue », a déclaré la ministre à la sortie de l’hémicycle.
    À lire aussi
    Grève dans les transports : le trafic reste perturbé
    Le texte doit maintenant être examiné par le Sénat, où la majorité sénatoriale a promis de l’amender sur plusieurs points. Les syndicats, de leur côté, appellent à une nouvelle journée de mobilisation la semaine prochaine dans toutes les grandes villes du pays.
    Partager
    Tous droits réservés
    """

    @Test func frenchPageWithQuotesAndReadAlsoInsideTheBody() {
        let result = cleaner.clean(Self.french, language: nil)
        #expect(result.language == "fr")
        #expect(result.title == "Le Parlement adopte la réforme des retraites en première lecture")
        #expect(result.head == ["Publié le 3 mars 2024 à 10h15"])
        #expect(result.paragraphs.count == 3, "guillemets are quotes, not breadcrumbs; the teaser after « À lire aussi » is not body")
        #expect(!result.text.contains("Grève dans les transports"))
        #expect(label(result, Self.french, "Accueil | International | Économie | Sport") == .clutter)
    }

    @Test func noTitleIsInventedForABodyOnlyText() {
        let text = """
        The ministry said on Tuesday that it had signed a contract for twelve new patrol boats, to be delivered over the next three years.
        The boats will be built at the national shipyard, the ministry added, creating several hundred jobs in the region.
        """
        let result = cleaner.clean(text, language: "en")
        #expect(result.title == nil)
        #expect(result.paragraphs.count == 2)
        #expect(result.labels == [.body, .body])
    }

    @Test func textBrowserDumpShapesAreClutter() {
        let text = """
        [logo]
        [                    ][Search]
          • News
              □ World
              □ Business
          • Sport
        Officials confirmed on Friday that the bridge will stay closed for repairs until the end of the month, the city council said.
        Drivers are advised to use the ring road, where extra lanes have been opened during the rush hours of the week.
        [gif]
        """
        let result = cleaner.clean(text, language: nil)
        #expect(result.paragraphs.count == 2)
        #expect(result.labels.prefix(6).allSatisfy { $0 == .clutter })
        #expect(result.labels.last == .clutter)
        #expect(result.title == nil, "a menu item is never a title")
    }

    @Test func emptyAndBlankInputs() {
        #expect(cleaner.clean("", language: nil) == CleanedText(labels: [.blank]))
        let blank = cleaner.clean("\n \n\t\n", language: "en")
        #expect(blank.paragraphs.isEmpty && blank.title == nil && blank.labels.allSatisfy { $0 == .blank })
    }

    @Test func explainGivesOneLinePerInputLine() {
        let explanation = cleaner.explain(Self.english, language: "en")
        #expect(explanation.count == Self.english.split(separator: "\n", omittingEmptySubsequences: false).count)
        #expect(explanation[0].hasPrefix("clutter bad"))
    }

    @Test func hostileInputsStayLinear() {
        let longLine = String(repeating: "word, ", count: 170_000)  // about 1 MB on one line
        var clock = ContinuousClock.now
        let long = cleaner.clean(longLine, language: nil)
        #expect(ContinuousClock.now - clock < .seconds(5))
        #expect(long.labels.count == 1)
        let emptyLines = String(repeating: "\n", count: 100_000)
        clock = ContinuousClock.now
        let empty = cleaner.clean(emptyLines, language: nil)
        #expect(ContinuousClock.now - clock < .seconds(5))
        #expect(empty.labels.count == 100_001)
        let shortLines = String(repeating: "a\n", count: 100_000)
        clock = ContinuousClock.now
        _ = cleaner.clean(shortLines, language: nil)
        #expect(ContinuousClock.now - clock < .seconds(5))
    }

    @Test func fourKilobytesCleanQuickly() {
        var page = Self.english
        while page.utf8.count < 4096 { page += "\n" + Self.english }
        _ = cleaner.clean(page, language: nil)
        let runs = 200
        let clock = ContinuousClock.now
        for _ in 0..<runs { _ = cleaner.clean(page, language: nil) }
        let each = (ContinuousClock.now - clock) / runs
        print("4 KB page: \(each) per clean")
        // Debug builds run several times slower than release; the release figure is well under 1 ms.
        #expect(each < .milliseconds(10))
    }

    @Test func aMalformedBoilerplateFileNamesFileAndLine() throws {
        let folder = NSTemporaryDirectory() + "brief-cleaner-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createDirectory(atPath: folder + "/Lexicons/boilerplate", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder + "/Models", withIntermediateDirectories: true)
        try "[clutter]\nskip to content\n".write(toFile: folder + "/Lexicons/boilerplate/ar.txt", atomically: true, encoding: .utf8)
        try "[clutter]\nskip to content\n[menus]\n".write(toFile: folder + "/Lexicons/boilerplate/en.txt", atomically: true, encoding: .utf8)
        try "# no section\nlire la suite\n".write(toFile: folder + "/Lexicons/boilerplate/fr.txt", atomically: true, encoding: .utf8)
        #expect(throws: CopiedTextError.badLine(file: folder + "/Lexicons/boilerplate/en.txt", line: 3, text: "[menus]",
                                                expected: "a section: [clutter], [related], [comments], [date], [head], [social], [follow], [ad]")) {
            try CopiedTextCleaner.load(from: DataDirectory(root: folder))
        }
    }
}
