package org.cbamledger.service.web;

/** The HTML document around every page of the view: one inline style sheet, no scripts, nothing fetched elsewhere. */
final class PageLayout {
    static final String STYLE = """
            body{font:14px/1.45 system-ui,sans-serif;margin:0 auto;padding:16px 24px;max-width:1400px;color:#1d2430}
            h1{font-size:22px;margin:4px 0}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid #ccd}
            h3{font-size:15px;margin:18px 0 6px}
            table{border-collapse:collapse;margin:6px 0}th,td{border:1px solid #d5d8e0;padding:4px 6px;vertical-align:top}
            th{background:#eef1f6;text-align:left;font-weight:600}
            td.number{text-align:right;font-variant-numeric:tabular-nums}
            .status td.cell{font-size:12px;min-width:84px}
            td.present{background:#e5f4e8}td.missing{background:#fbe3e1}td.not-needed{background:#f3f3f3;color:#667}
            .state{font-weight:600}
            a{color:#1f4e79}a.proof{font-size:11px;color:#555}.no-proof{font-size:11px;color:#999}
            .more{color:#667;font-size:12px}
            ul.meter-tree,ul.meter-tree ul{list-style:none;padding-left:20px;border-left:1px dashed #99a}
            li.meter{margin:3px 0}.meter-id{font-weight:600;margin-right:6px}
            .role{background:#eef1f6;border-radius:3px;padding:0 5px;margin-right:6px}
            .line{color:#355;margin-right:6px}.description{color:#556;margin-right:6px}
            nav.months a{margin-right:8px}nav.months a.current{font-weight:700;text-decoration:none;color:#000}
            svg.hourly-chart{background:#fbfcfe;border:1px solid #d5d8e0;margin:6px 0}
            .axis{stroke:#889;stroke-width:1}.series.consumption{fill:none;stroke:#1f4e79;stroke-width:1.2}
            .series.ppa{fill:#9fd8b0;stroke:#2e8b57;stroke-width:.8}.legend-ppa{fill:#9fd8b0}
            .legend-consumption{fill:#1f4e79}svg text{font-size:11px;fill:#334}
            .series.generation{fill:none;stroke:#d08a1c;stroke-width:1;stroke-dasharray:3 2}.legend-generation{fill:#d08a1c}
            ul.gap-report li{margin:4px 0}.gap-category{font-weight:600;margin-right:6px}.gap-type{color:#933;margin-right:6px}
            .gap-effect{display:block;color:#556;font-size:12px}
            .problems{color:#933}.checkpoint{color:#556;font-size:12px;word-break:break-all}
            header form{float:right}
            """;

    private PageLayout() {}

    static String document(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + Html.escape(title) + "</title><style>" + STYLE + "</style></head><body>"
                + body + "</body></html>\n";
    }
}
