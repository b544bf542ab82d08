package io.chainlake.orchestration;

import io.chainlake.quality.CheckResult;
import java.util.List;
import java.util.stream.Collectors;

/** Error-severity checks failed during a build: the jobs above that read their tables were not built. */
final class QualityGateException extends RuntimeException {

    QualityGateException(String runId, List<CheckResult> failed, List<String> notBuilt) {
        super(failed.size() + " error check(s) failed (run " + runId + "): "
                + failed.stream().map(r -> r.check().layer().database() + "/" + r.check().name())
                        .collect(Collectors.joining(", "))
                + "; not built: " + (notBuilt.isEmpty() ? "nothing" : String.join(", ", notBuilt)));
    }
}
