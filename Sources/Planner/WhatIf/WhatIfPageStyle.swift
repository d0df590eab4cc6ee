import Foundation

/// What the comparison's and the sweep's pages add to the report's stylesheet so that they
/// print whole: a table as wide as the page, never cut at its edge.
///
/// On screen a wide table scrolls sideways in its box (`scroll`). In print a box cannot
/// scroll: it shows what it holds (`overflow: visible`), its table is laid out to the page's
/// width (`table-layout: fixed`; a sweep's to its numbers, which never break) in a smaller type,
/// long words break (a parameter's path at its dots), and a table longer than a
/// page runs on to the next row by row, rather than leaving a page blank but its title (the
/// report's `break-inside: avoid` suits its short tables, not these). A comparison of more than
/// `ComparisonPage.printedVariants` variants prints as several tables of that many, each with
/// the base (`screen-only` and `print-only`).
enum WhatIfPageStyle {
    static let block = """
        <style>
        .scroll { overflow-x: auto; }
        .print-only { display: none; }
        th.label { min-width: 9rem; }
        td.target { white-space: nowrap; }
        @media print {
          .scroll { overflow: visible; }
          .screen-only { display: none; }
          .print-only { display: block; }
          .scroll table { table-layout: fixed; width: 100%; font-size: 8.5pt; break-inside: auto; }
          .scroll th, .scroll td { overflow-wrap: anywhere; white-space: normal; padding: 0.15rem 0.25rem; }
          /* A sweep's columns are numbers: sized to them, a number never broken. */
          .scroll table.sweep { table-layout: auto; font-size: 8pt; }
          .scroll table.sweep td, .scroll table.sweep th { overflow-wrap: break-word; padding: 0.15rem 0.2rem; }
          .scroll th.label { min-width: 0; width: 17%; }
          .scroll td.target { white-space: normal; }
          .scroll tr { break-inside: avoid; }
          .scroll thead { display: table-header-group; }
          #problems li { overflow-wrap: anywhere; }
        }
        </style>

        """
}
