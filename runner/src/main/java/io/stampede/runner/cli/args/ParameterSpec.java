package io.stampede.runner.cli.args;

/**
 * A positional parameter of a command ({@code FILE}).
 *
 * @param label how help and errors name it
 * @param help  one sentence for {@code --help}
 * @param many  whether it takes one or more values; only a command's last parameter may
 */
public record ParameterSpec(String label, String help, boolean many) {
}
