package io.stampede.runner.cli;

/** The version shown by {@code stampede --version}: the jar's implementation version, or "dev". */
final class Version {

    private Version() {
    }

    static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    static String text() {
        return "stampede " + current() + " (Java " + Runtime.version() + ")";
    }
}
