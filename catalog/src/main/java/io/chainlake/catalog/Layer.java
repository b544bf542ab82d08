package io.chainlake.catalog;

import java.util.Locale;

/** A warehouse layer: one Maven module, one Paimon database, one table-name prefix. In build order. */
public enum Layer {
    ODS,
    DWD,
    DWS,
    ADS,
    /** Data-quality results; written by the checks, not by the build. */
    DQ;

    public String database() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Layer of(String database) {
        for (Layer layer : values()) {
            if (layer.database().equals(database)) {
                return layer;
            }
        }
        throw new IllegalArgumentException("unknown layer '" + database + "'");
    }
}
