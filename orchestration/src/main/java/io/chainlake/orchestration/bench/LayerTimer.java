package io.chainlake.orchestration.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Times the layers of a build from its progress lines: a build prints a header line ({@code dwd:}) when a layer
 * starts, so a layer lasts from its header to the next one, the last to {@link #finish()}. What comes before the
 * first header is {@value #SETUP}. Every line is passed on unchanged.
 */
public final class LayerTimer implements Consumer<String> {

    /** Name of the time before the first layer header. */
    public static final String SETUP = "setup";

    private final Consumer<String> out;
    private final LongSupplier nanoClock;
    private final Set<String> headers;
    private final List<String> names = new ArrayList<>();
    private final List<Long> marks = new ArrayList<>();
    private Long end;

    /**
     * @param headers the header lines, e.g. {@code dwd:}; a layer is named by its header without the colon
     */
    public LayerTimer(Consumer<String> out, LongSupplier nanoClock, Set<String> headers) {
        this.out = out;
        this.nanoClock = nanoClock;
        this.headers = headers;
        names.add(SETUP);
        marks.add(nanoClock.getAsLong());
    }

    @Override
    public void accept(String line) {
        String trimmed = line.trim();
        if (end == null && headers.contains(trimmed)) {
            names.add(trimmed.endsWith(":") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
            marks.add(nanoClock.getAsLong());
        }
        out.accept(line);
    }

    /** Ends the last layer now. */
    public void finish() {
        if (end == null) {
            end = nanoClock.getAsLong();
        }
    }

    /** Seconds of {@value #SETUP} and of each layer, in the order they ran. */
    public Map<String, Double> seconds() {
        if (end == null) {
            throw new IllegalStateException("finish() the build before asking for its layer times");
        }
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            long until = i + 1 < marks.size() ? marks.get(i + 1) : end;
            seconds.merge(names.get(i), (until - marks.get(i)) / 1e9, Double::sum);
        }
        return seconds;
    }
}
