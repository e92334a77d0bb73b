package io.stampede.runner.model;

import java.util.regex.Pattern;

/** Rules for names in a LoadTest: identifiers, header names, field path segments. */
public final class FieldNames {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** RFC 9110 token characters. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private FieldNames() {
    }

    static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    static boolean isHeaderName(String name) {
        return HEADER_NAME.matcher(name).matches();
    }

    /**
     * The path of a map entry: {@code spec.variables.password}, or {@code ...headers["X Trace"]} when the key is not
     * a plain name.
     */
    public static String child(String path, String key) {
        return key.matches("[A-Za-z0-9_-]+") ? path + "." + key : path + "[\"" + key.replace("\"", "\\\"") + "\"]";
    }
}
