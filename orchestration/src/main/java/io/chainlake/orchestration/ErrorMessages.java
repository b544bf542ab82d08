package io.chainlake.orchestration;

import java.util.ArrayList;
import java.util.List;

/** Turns an exception chain into the one line a user needs: the most specific message, without stack noise. */
final class ErrorMessages {

    private ErrorMessages() {}

    static String oneLine(Throwable e) {
        List<String> messages = new ArrayList<>();
        for (Throwable t = e; t != null && messages.size() < 10; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                messages.add(t.getMessage().lines().findFirst().orElse("").trim());
            }
        }
        if (messages.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        String first = messages.get(0);
        // Flink wraps validation errors in generic ones; the cause then carries the position and the reason
        if (messages.size() > 1 && (first.startsWith("SQL validation failed") && first.length() < 30
                || first.startsWith("org.apache.flink") || first.startsWith("java."))) {
            return messages.get(1);
        }
        return first;
    }
}
