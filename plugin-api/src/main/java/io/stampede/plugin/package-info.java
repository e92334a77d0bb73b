/**
 * The Java extension API of the Stampede runner.
 *
 * <p>A plugin is a jar in the directory given to {@code stampede run|master|worker --plugins DIR} (or
 * {@code STAMPEDE_PLUGINS}) that lists its extensions in {@code META-INF/services} files, one file per extension
 * kind, as {@link java.util.ServiceLoader} reads them:
 * <ul>
 *   <li>{@link io.stampede.plugin.TemplateFunction}: {@code ${name(args)}} in any template;</li>
 *   <li>{@link io.stampede.plugin.RequestSigner}: adds headers (a signature) to each request about to be sent
 *       ({@code sign:} on a request, a user class or {@code spec.defaults});</li>
 *   <li>{@link io.stampede.plugin.CustomCheck}: judges a response ({@code expect.checks});</li>
 *   <li>{@link io.stampede.plugin.CustomStep}: a step that does its own asynchronous work on the user's event loop
 *       ({@code - step: {plugin: NAME, ...}}), with a timeout.</li>
 * </ul>
 * Each extension has a {@link io.stampede.plugin.Extension#name() name}: the name the LoadTest file uses. Names are
 * unique per kind over all jars (a template function's also among the built-ins); a clash stops the runner at load
 * (exit 2).
 *
 * <h2>Threads</h2>
 * Load-time methods ({@code bind}, {@code create}) run once per use in the file, on the thread that compiles it,
 * before any request. Call-time methods ({@code appendTo}, {@code sign}, {@code failure}, {@code start}) run on the virtual user's
 * event loop, concurrently on every loop: they must be thread safe (keep per-call state in locals or
 * {@link java.lang.ThreadLocal}s) and must <b>never block</b> (no I/O, no locks held for long, no sleeping). A loop
 * blocked in a plugin stops every user on that loop; the runner names the plugin whose call the loop is in.
 *
 * <h2>Allocation</h2>
 * Call-time methods run once per request: allocate as little as you can (reuse a {@code ThreadLocal} Mac or
 * buffer, append to the given builder rather than building strings).
 *
 * <h2>Errors</h2>
 * An exception thrown at load time (an {@link java.lang.IllegalArgumentException} for a bad argument or setting)
 * is reported at the field path that uses the extension, and the runner exits 2 before sending anything. An
 * exception thrown at call time fails that request (or check) with the cause {@code plugin NAME: <message>},
 * counted once in the request's row; the run goes on. Never put a setting's value in a message: settings carry
 * keys and tokens, and causes are printed and reported.
 *
 * <h2>Settings</h2>
 * {@code with:} values in the file are templates: {@code "${hmacKey}"} reads a spec variable (such as
 * {@code {fromEnv: HMAC_KEY}}), {@code "${accounts.key}"} a data column. Read them at call time with
 * {@code setting(name)}; a value that does not depend on the user is rendered once.
 */
package io.stampede.plugin;
