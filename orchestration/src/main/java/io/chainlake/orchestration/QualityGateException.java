package io.chainlake.orchestration;

import io.chainlake.catalog.Layer;
import io.chainlake.quality.CheckResult;
import java.util.List;
import java.util.stream.Collectors;

/** Error-severity checks failed after a layer was built: the layers above it are not built. */
final class QualityGateException extends RuntimeException {

    QualityGateException(Layer layer, String runId, List<CheckResult> failed) {
        super(failed.size() + " error check(s) failed after building " + layer.database() + " (run " + runId
                + "), layers above not built: "
                + failed.stream().map(r -> r.check().name()).collect(Collectors.joining(", ")));
    }
}
