package io.stampede.runner.testing;

import java.nio.file.Path;

/** Small plugins for tests, one of each extension kind, plus ones that throw or block (see {@link PluginJars}). */
public final class SamplePlugins {

    private SamplePlugins() {
    }

    /**
     * {@code sample.jar}: the function {@code shout(text)} (upper case) and {@code boom()} (throws "boom"); the
     * signer {@code tag} (adds {@code X-Signed-By: <who setting>}, {@code X-Line: METHOD PATH} and
     * {@code X-Body-Bytes}); {@code failingSigner} (throws "no key"); the check {@code hasWord} (setting word; fails
     * "body lacks WORD") and {@code throwingCheck} (throws "bad check"); the signer {@code needsKey} whose create
     * refuses a missing {@code key} setting; {@code sleepy}, a signer that blocks its loop for its setting
     * {@code millis} (what a plugin must never do); the custom steps {@code pause} (completes after its setting
     * {@code millis} on the user's loop, reporting that as its latency and 3 bytes, when the user extracted
     * {@code token} = t-1, else fails "no token"), {@code never} (never completes) and {@code broken} (its stage
     * fails with "queue down").
     */
    public static Path sample(Path dir) {
        return PluginJars.builder("sample")
                .source("sample.Shout", """
                        package sample;
                        import io.stampede.plugin.TemplateFunction;
                        import java.util.List;
                        import java.util.Locale;
                        public final class Shout implements TemplateFunction {
                            public String name() { return "shout"; }
                            public Call bind(List<String> arguments) {
                                if (arguments.size() != 1) {
                                    throw new IllegalArgumentException("shout(text) takes 1 argument, got " + arguments.size());
                                }
                                String loud = arguments.get(0).toUpperCase(Locale.ROOT);
                                return (out, user) -> out.append(loud);
                            }
                        }
                        """)
                .source("sample.Boom", """
                        package sample;
                        import io.stampede.plugin.TemplateFunction;
                        import java.util.List;
                        public final class Boom implements TemplateFunction {
                            public String name() { return "boom"; }
                            public Call bind(List<String> arguments) {
                                return (out, user) -> { throw new IllegalStateException("boom"); };
                            }
                        }
                        """)
                .source("sample.Tag", """
                        package sample;
                        import io.stampede.plugin.RequestSigner;
                        import io.stampede.plugin.Settings;
                        public final class Tag implements RequestSigner {
                            public String name() { return "tag"; }
                            public Signer create(Settings settings) {
                                settings.require("who");
                                return (request, headers) -> {
                                    headers.add("X-Signed-By", request.setting("who"));
                                    headers.add("X-Line", request.method() + " " + request.pathAndQuery());
                                    headers.add("X-Body-Bytes", Integer.toString(request.body().remaining()));
                                    headers.add("X-Host-Seen", request.host().equals(request.header("host")) ? "yes" : "no");
                                };
                            }
                        }
                        """)
                .source("sample.FailingSigner", """
                        package sample;
                        import io.stampede.plugin.RequestSigner;
                        import io.stampede.plugin.Settings;
                        public final class FailingSigner implements RequestSigner {
                            public String name() { return "failingSigner"; }
                            public Signer create(Settings settings) {
                                return (request, headers) -> { throw new IllegalStateException("no key"); };
                            }
                        }
                        """)
                .source("sample.NeedsKey", """
                        package sample;
                        import io.stampede.plugin.RequestSigner;
                        import io.stampede.plugin.Settings;
                        public final class NeedsKey implements RequestSigner {
                            public String name() { return "needsKey"; }
                            public Signer create(Settings settings) {
                                settings.require("key");
                                return (request, headers) -> { };
                            }
                        }
                        """)
                .source("sample.Sleepy", """
                        package sample;
                        import io.stampede.plugin.RequestSigner;
                        import io.stampede.plugin.Settings;
                        public final class Sleepy implements RequestSigner {
                            public String name() { return "sleepy"; }
                            public Signer create(Settings settings) {
                                long millis = Long.parseLong(settings.constant("millis"));
                                return (request, headers) -> Thread.sleep(millis);
                            }
                        }
                        """)
                .source("sample.HasWord", """
                        package sample;
                        import io.stampede.plugin.CustomCheck;
                        import io.stampede.plugin.Settings;
                        public final class HasWord implements CustomCheck {
                            public String name() { return "hasWord"; }
                            public Check create(Settings settings) {
                                settings.require("word");
                                String word = settings.constant("word");
                                return response -> response.status() == 200 && response.body().contains(word)
                                        ? null : "body lacks " + word;
                            }
                        }
                        """)
                .source("sample.ThrowingCheck", """
                        package sample;
                        import io.stampede.plugin.CustomCheck;
                        import io.stampede.plugin.Settings;
                        public final class ThrowingCheck implements CustomCheck {
                            public String name() { return "throwingCheck"; }
                            public Check create(Settings settings) {
                                return response -> { throw new IllegalArgumentException("bad check"); };
                            }
                        }
                        """)
                .source("sample.Pause", """
                        package sample;
                        import io.stampede.plugin.CustomStep;
                        import io.stampede.plugin.Settings;
                        import io.stampede.plugin.StepResult;
                        import java.util.concurrent.CompletableFuture;
                        import java.util.concurrent.TimeUnit;
                        public final class Pause implements CustomStep {
                            public String name() { return "pause"; }
                            public Step create(Settings settings) {
                                settings.require("millis");
                                long millis = Long.parseLong(settings.constant("millis"));
                                return context -> {
                                    CompletableFuture<StepResult> done = new CompletableFuture<>();
                                    String token = context.variable("token");
                                    context.loop().schedule(() -> done.complete("t-1".equals(token)
                                            ? StepResult.ok(millis * 1000, 3) : StepResult.failed("no token")),
                                            millis, TimeUnit.MILLISECONDS);
                                    return done;
                                };
                            }
                        }
                        """)
                .source("sample.Never", """
                        package sample;
                        import io.stampede.plugin.CustomStep;
                        import io.stampede.plugin.Settings;
                        import java.util.concurrent.CompletableFuture;
                        public final class Never implements CustomStep {
                            public String name() { return "never"; }
                            public Step create(Settings settings) {
                                return context -> new CompletableFuture<>();
                            }
                        }
                        """)
                .source("sample.Broken", """
                        package sample;
                        import io.stampede.plugin.CustomStep;
                        import io.stampede.plugin.Settings;
                        import java.util.concurrent.CompletableFuture;
                        public final class Broken implements CustomStep {
                            public String name() { return "broken"; }
                            public Step create(Settings settings) {
                                return context -> CompletableFuture.failedFuture(new IllegalStateException("queue down"));
                            }
                        }
                        """)
                .service("io.stampede.plugin.CustomStep", "sample.Pause")
                .service("io.stampede.plugin.CustomStep", "sample.Never")
                .service("io.stampede.plugin.CustomStep", "sample.Broken")
                .service("io.stampede.plugin.TemplateFunction", "sample.Shout")
                .service("io.stampede.plugin.TemplateFunction", "sample.Boom")
                .service("io.stampede.plugin.RequestSigner", "sample.Tag")
                .service("io.stampede.plugin.RequestSigner", "sample.FailingSigner")
                .service("io.stampede.plugin.RequestSigner", "sample.NeedsKey")
                .service("io.stampede.plugin.RequestSigner", "sample.Sleepy")
                .service("io.stampede.plugin.CustomCheck", "sample.HasWord")
                .service("io.stampede.plugin.CustomCheck", "sample.ThrowingCheck")
                .writeTo(dir);
    }
}
