package io.stampede.runner.model.spec;

/**
 * One entry of {@code spec.thresholds} as written.
 *
 * @param expr    such as {@code p95 < 2s}; parsed by the compiler
 * @param request a stats row label such as {@code GET /api/products/{id}}, or null for the aggregate
 */
public record ThresholdSpec(String expr, String request) {
}
