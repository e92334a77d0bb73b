package io.stampede.runner.cli;

import picocli.CommandLine;

/** The version shown by {@code stampede --version}: the jar's implementation version, or "dev". */
final class Version implements CommandLine.IVersionProvider {

    static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"stampede " + current() + " (Java " + Runtime.version() + ")"};
    }
}
