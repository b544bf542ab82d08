package io.chainlake.orchestration;

import java.util.List;
import java.util.Locale;

/** A self-contained SVG bar chart (no scripts, no downloads): reports open offline in any browser. */
final class SvgBarChart {

    record Bar(String label, double value) {}

    private SvgBarChart() {}

    /** Vertical bars, one per label, with a log scale option for series spanning orders of magnitude. */
    static String vertical(String title, List<Bar> bars, String color, boolean logScale) {
        int width = Math.max(420, 40 + bars.size() * 34);
        int height = 260;
        int top = 30;
        int bottom = 90;
        int plot = height - top - bottom;
        double max = bars.stream().mapToDouble(b -> scale(b.value(), logScale)).max().orElse(1);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img' aria-label='%s'>",
                width, height, esc(title)));
        svg.append(String.format(Locale.ROOT, "<text x='10' y='18' font-size='14' font-weight='bold'>%s</text>", esc(title)));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double h = max <= 0 ? 0 : plot * scale(b.value(), logScale) / max;
            int x = 30 + i * 34;
            svg.append(String.format(Locale.ROOT,
                    "<rect x='%d' y='%.1f' width='26' height='%.1f' fill='%s'><title>%s: %s</title></rect>",
                    x, top + plot - h, h, color, esc(b.label()), fmt(b.value())));
            svg.append(String.format(Locale.ROOT, "<text x='%d' y='%.1f' font-size='9' text-anchor='middle'>%s</text>",
                    x + 13, top + plot - h - 3, fmt(b.value())));
            svg.append(String.format(Locale.ROOT,
                    "<text x='%d' y='%d' font-size='9' transform='rotate(60 %d %d)'>%s</text>",
                    x + 6, top + plot + 12, x + 6, top + plot + 12, esc(b.label())));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** Horizontal bars with percentages: a mix (script types, pools). */
    static String mix(String title, List<Bar> bars, String color) {
        double total = bars.stream().mapToDouble(Bar::value).sum();
        int rowHeight = 22;
        int height = 40 + bars.size() * rowHeight;
        int width = 640;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' role='img' aria-label='%s'>",
                width, height, esc(title)));
        svg.append(String.format(Locale.ROOT, "<text x='10' y='18' font-size='14' font-weight='bold'>%s</text>", esc(title)));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            double share = total <= 0 ? 0 : b.value() / total;
            int y = 30 + i * rowHeight;
            svg.append(String.format(Locale.ROOT, "<text x='10' y='%d' font-size='11'>%s</text>", y + 14, esc(b.label())));
            svg.append(String.format(Locale.ROOT, "<rect x='190' y='%d' width='%.1f' height='16' fill='%s'/>",
                    y, 360 * share, color));
            svg.append(String.format(Locale.ROOT, "<text x='%.1f' y='%d' font-size='11'>%s (%.1f%%)</text>",
                    196 + 360 * share, y + 13, fmt(b.value()), share * 100));
        }
        svg.append("</svg>");
        return svg.toString();
    }

    private static double scale(double v, boolean log) {
        return log ? Math.log10(1 + Math.max(0, v)) : v;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
