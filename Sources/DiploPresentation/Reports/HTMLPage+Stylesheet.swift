/// The report's one stylesheet, inline (the page loads nothing): the reader's system fonts,
/// dark text on white (contrast above 12:1 for text, 7:1 for secondary text), a column
/// readable on a phone, tables that scroll sideways inside their frame, and print rules that
/// keep tables whole, print folded tables open and fit diagrams on the page.
extension HTMLPage {
  static let css = """
    :root {
      --ink: #1a1a1a; --muted: #555; --rule: #d0d0d0; --paper: #fff; --tint: #f4f4f1;
      --accent: #0072b2; --yes: #005a8c; --no: #a34400;
      color-scheme: light;
    }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body {
      margin: 0; background: var(--paper); color: var(--ink);
      font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
        "Noto Sans", sans-serif, "Apple Color Emoji", "Segoe UI Emoji", "Noto Color Emoji";
      font-size: 1.0625rem; line-height: 1.55;
    }
    .masthead, main, footer { max-width: 48rem; margin: 0 auto; padding: 0 1rem; }
    .masthead { padding-top: 2rem; padding-bottom: 0.5rem; }
    .kicker {
      margin: 0; color: var(--accent); font-weight: 700; font-size: 0.8rem;
      letter-spacing: 0.08em; text-transform: uppercase;
    }
    h1 { font-size: clamp(1.6rem, 5vw, 2.3rem); line-height: 1.15; margin: 0.3rem 0 0.6rem; }
    h2 {
      font-size: 1.45rem; line-height: 1.25; margin: 2.6rem 0 0.8rem; padding-top: 0.6rem;
      border-top: 3px solid var(--ink);
    }
    h3 { font-size: 1.1rem; margin: 1.6rem 0 0.5rem; }
    h1, h2, h3 { overflow-wrap: anywhere; }
    p, li { overflow-wrap: anywhere; }
    .dek { font-size: 1.2rem; line-height: 1.45; margin: 0 0 0.8rem; }
    .meta, .note, footer, figcaption, .detail { color: var(--muted); }
    .meta { font-size: 0.9rem; margin: 0; }
    .note { font-size: 0.9rem; margin: 0.4rem 0 1rem; }
    a { color: var(--accent); }
    .key-figures {
      display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr));
      gap: 0.75rem; margin: 0 0 1.4rem; padding: 0;
    }
    .figure-card {
      display: flex; flex-direction: column; background: var(--tint); border-radius: 6px;
      padding: 0.7rem 0.8rem; margin: 0;
    }
    .figure-card dt { order: 2; font-weight: 700; font-size: 0.9rem; }
    .figure-card .value {
      order: 1; margin: 0; font-size: 1.9rem; font-weight: 700; line-height: 1.1;
      font-variant-numeric: tabular-nums;
    }
    .figure-card .detail { order: 3; margin: 0.1rem 0 0; font-size: 0.85rem; line-height: 1.35; }
    figure { margin: 1rem 0 1.4rem; }
    figure svg { display: block; width: 100%; height: auto; }
    figcaption { font-size: 0.9rem; margin-top: 0.5rem; }
    .pan { overflow-x: auto; border: 1px solid var(--rule); border-radius: 6px; }
    .pan svg { min-width: 40rem; }
    .swipe { display: none; }
    .pan.fit svg { min-width: 0; margin: 0 auto; }
    .frames {
      display: grid; grid-template-columns: repeat(auto-fill, minmax(13.5rem, 1fr));
      gap: 0.75rem; margin: 0.6rem 0 1.4rem;
    }
    .frames figure.frame { margin: 0; border: 1px solid var(--rule); border-radius: 6px;
      padding: 0.3rem; }
    .frames figcaption { margin-top: 0.2rem; text-align: center; }
    .legend ul { display: flex; flex-wrap: wrap; gap: 0.2rem 1rem; list-style: none;
      margin: 0.5rem 0 0; padding: 0; font-size: 0.9rem; }
    .legend li { display: flex; align-items: center; gap: 0.4rem; }
    figure .legend svg { display: inline; flex: none; height: auto; }
    figure .legend svg.swatch { width: 14px; }
    figure .legend svg.line { width: 36px; }
    .legend p { margin: 0.2rem 0 0; font-size: 0.85rem; color: var(--muted); }
    .table-wrap { overflow-x: auto; margin: 0.6rem 0 0.4rem; }
    .table-wrap:focus { outline: 2px solid var(--accent); outline-offset: 2px; }
    table { border-collapse: collapse; width: 100%; font-size: 0.92rem; line-height: 1.35; }
    table.wide { min-width: 36rem; }
    caption { text-align: left; font-weight: 700; padding: 0 0 0.4rem; }
    th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.6rem 0.4rem 0; }
    thead th {
      border-bottom: 2px solid var(--ink); font-size: 0.92em; vertical-align: bottom;
    }
    tbody th { font-weight: 600; }
    tbody tr { border-bottom: 1px solid var(--rule); }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td .detail, th .detail { display: block; font-size: 0.9em; font-weight: 400; }
    .mark { font-weight: 700; white-space: nowrap; }
    .mark.yes { color: var(--yes); }
    .mark.no { color: var(--no); }
    details.fold { margin: 0.8rem 0; }
    details.fold > summary {
      cursor: pointer; font-weight: 700; padding: 0.5rem 0.7rem; background: var(--tint);
      border-radius: 6px;
    }
    details.fold > summary .count { font-weight: 400; color: var(--muted); }
    details.fold[open] > summary { margin-bottom: 0.4rem; }
    details.fold caption {
      position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    .formula sub { font-size: 0.75em; }
    .formula {
      font-family: ui-serif, Georgia, "Times New Roman", serif; font-style: italic;
      font-size: 1.05rem; background: var(--tint); padding: 0.5rem 0.8rem; border-radius: 6px;
      overflow-x: auto;
    }
    .source-list .detail { display: block; font-size: 0.9rem; }
    footer { border-top: 1px solid var(--rule); margin-top: 3rem; padding: 1rem; font-size: 0.85rem; }
    @media (max-width: 36rem) {
      body { font-size: 1rem; }
      .masthead { padding-top: 1.2rem; }
      .figure-card .value { font-size: 1.6rem; }
      .key-figures { grid-template-columns: repeat(2, 1fr); gap: 0.5rem; }
      th, td { padding-right: 0.5rem; }
      .swipe { display: inline; }
      table.cards thead {
        position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
      }
      table.cards tr { display: block; padding: 0.6rem 0; }
      table.cards th, table.cards td { display: block; padding: 0.1rem 0; text-align: left; }
      table.cards td.num { white-space: normal; }
      table.cards td[data-label]::before {
        content: attr(data-label) ": "; font-weight: 600; color: var(--muted);
        font-size: 0.85rem;
      }
    }
    @media print {
      @page { margin: 15mm 14mm; }
      body { font-size: 10pt; }
      h1 { font-size: 20pt; }
      h2 { font-size: 14pt; margin-top: 1.6rem; }
      .dek { font-size: 12pt; }
      .masthead, main, footer { max-width: none; padding: 0; }
      h2 { break-after: avoid; page-break-after: avoid; }
      h3 { break-after: avoid; }
      figure, tr, .figure-card { break-inside: avoid; page-break-inside: avoid; }
      .pan { overflow: visible; border: none; }
      .pan svg { min-width: 0; max-height: 22cm; }
      .frames { grid-template-columns: repeat(3, 1fr); }
      .swipe { display: none; }
      table.wide { min-width: 0; }
      .table-wrap { overflow: visible; }
      table { font-size: 8.5pt; }
      details.fold > summary { background: none; padding: 0; }
      details::details-content { content-visibility: visible; display: contents; }
      a { color: inherit; }
    }

    """
}
