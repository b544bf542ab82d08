package io.chainlake.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A SQL file from the classpath with its {@code ${placeholders}} filled in, split into statements. */
public record SqlScript(String resource, String text) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9_]+)}");

    public static SqlScript load(String resource, Map<String, String> placeholders) {
        try (InputStream in = SqlScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("SQL resource not found on the classpath: " + resource);
            }
            return of(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), placeholders);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read SQL resource " + resource, e);
        }
    }

    public static SqlScript of(String resource, String raw, Map<String, String> placeholders) {
        Matcher m = PLACEHOLDER.matcher(raw);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = placeholders.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException(
                        resource + ": unknown placeholder ${" + m.group(1) + "}; known: " + placeholders.keySet());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return new SqlScript(resource, out.toString());
    }

    /** The text with its {@code --} comments removed (not inside quotes): what a reader of its code sees. */
    public String withoutComments() {
        StringBuilder out = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!inString && c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                i = (end < 0 ? text.length() : end) - 1;
                continue;
            }
            if (c == '\'') {
                inString = !inString;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Statements separated by semicolons outside quotes and comments; comment-only pieces are dropped. */
    public List<String> statements() {
        List<String> result = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!inString && c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
                int end = text.indexOf('\n', i);
                end = end < 0 ? text.length() : end;
                current.append(text, i, end);
                i = end - 1;
                continue;
            }
            if (c == '\'') {
                inString = !inString;
            }
            if (c == ';' && !inString) {
                addIfCode(result, current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        addIfCode(result, current.toString());
        return result;
    }

    private static void addIfCode(List<String> result, String statement) {
        String withoutComments = statement.replaceAll("(?m)--.*$", "").trim();
        if (!withoutComments.isEmpty()) {
            result.add(statement.trim());
        }
    }
}
