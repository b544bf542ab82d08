package io.chainlake.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the SQL files of a layer on the classpath: {@code sql/<layer>/tables/<table>.sql} (DDL),
 * {@code sql/<layer>/views/<view>.sql} (temporary views its jobs share) and {@code sql/<layer>/jobs/<table>.sql}
 * (the INSERT that fills the table). Works for module directories and jars alike.
 */
public final class SqlLayout {

    private SqlLayout() {}

    public static List<String> tables(Layer layer) {
        return names(layer, "tables");
    }

    public static List<String> views(Layer layer) {
        return names(layer, "views");
    }

    public static List<String> jobs(Layer layer) {
        return names(layer, "jobs");
    }

    public static String tableResource(Layer layer, String table) {
        return folder(layer, "tables") + table + ".sql";
    }

    public static String viewResource(Layer layer, String view) {
        return folder(layer, "views") + view + ".sql";
    }

    public static String jobResource(Layer layer, String table) {
        return folder(layer, "jobs") + table + ".sql";
    }

    private static String folder(Layer layer, String kind) {
        return "sql/" + layer.database() + "/" + kind + "/";
    }

    private static List<String> names(Layer layer, String kind) {
        return sqlFileNames(folder(layer, kind));
    }

    /**
     * Sorted names (without {@code .sql}) of the SQL files directly in a classpath folder such as
     * {@code checks/dwd/}, merged over every classpath root (module directories and jars).
     */
    public static List<String> sqlFileNames(String folder) {
        TreeSet<String> found = new TreeSet<>();
        try {
            Enumeration<URL> roots = SqlLayout.class.getClassLoader().getResources(folder);
            for (URL root : Collections.list(roots)) {
                if ("jar".equals(root.getProtocol())) {
                    JarURLConnection connection = (JarURLConnection) root.openConnection();
                    connection.setUseCaches(false);
                    try (JarFile jar = connection.getJarFile()) {
                        for (JarEntry entry : Collections.list(jar.entries())) {
                            addIfSql(found, folder, entry.getName());
                        }
                    }
                } else {
                    Path dir = Path.of(root.toURI());
                    try (Stream<Path> files = Files.list(dir)) {
                        files.forEach(f -> addIfSql(found, "", f.getFileName().toString()));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return new ArrayList<>(found);
    }

    private static void addIfSql(TreeSet<String> found, String prefix, String name) {
        if (name.startsWith(prefix) && name.endsWith(".sql")) {
            String rest = name.substring(prefix.length());
            if (!rest.contains("/")) {
                found.add(rest.substring(0, rest.length() - ".sql".length()));
            }
        }
    }
}
