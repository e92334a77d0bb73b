/**
 * The JSON documents the runner writes for other programs, as records: the run's summary ({@code --json},
 * the master's {@code GET /api/v1/report}) and the master's {@code GET /api/v1/status}. Each record writes
 * itself ({@code toTree}) and reads itself back ({@code fromTree}); the operator reads the master's answers with
 * the same code, so renaming a field breaks the build instead of silently zeroing a status field.
 *
 * <p>Adding an optional field: a record component that is null (or an empty list) when absent, one line in
 * {@code toTree} that writes it when present and one in {@code fromTree} that reads it with an {@code optional}
 * reader of {@link io.stampede.runner.doc.Fields}. Reading and writing go through Jackson's tree nodes and
 * streaming parser, never an ObjectMapper (see {@link io.stampede.runner.json.TreeReader}).
 */
package io.stampede.runner.doc;
