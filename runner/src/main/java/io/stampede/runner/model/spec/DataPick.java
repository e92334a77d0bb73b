package io.stampede.runner.model.spec;

import java.util.Locale;

/** How virtual users draw rows from a {@code spec.data} source. */
public enum DataPick {
    /** Each user holds one row of its own for its whole life; a row returns to the pool when its user ends. */
    UNIQUE,
    /** Each task iteration takes the next row in file order, all users sharing one cursor; wraps at the end. */
    SEQUENTIAL,
    /** Each task iteration takes a row at random (rows may repeat). */
    RANDOM;

    /** The name as written in a LoadTest ({@code unique}). */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
