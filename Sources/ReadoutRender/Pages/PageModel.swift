import ReadoutCore

/// A titled block of a page; `html` is markup built by this module from escaped parts.
struct PageSection: Sendable {
    var id: String
    var heading: String?
    var html: SafeHTML
}

/// One page of a trial version's site, and a chapter of report.html.
struct SitePage: Sendable {
    enum Kind: String, Sendable {
        case overview, consort, baseline, efficacy, safety, narrative, search
    }

    var kind: Kind
    var file: String
    var title: String
    var subtitle: String?
    var sections: [PageSection]
}
