package io.stampede.runner.testing;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Builds small plugin jars for tests, as a plugin author's build would: Java sources compiled with the JDK's compiler
 * against the test class path (which holds the plugin API), then a jar with the classes and the
 * {@code META-INF/services} files naming them.
 *
 * <pre>{@code
 * Path jar = PluginJars.builder("shout")
 *         .source("p.Shout", "package p; public class Shout implements io.stampede.plugin.TemplateFunction {...}")
 *         .service("io.stampede.plugin.TemplateFunction", "p.Shout")
 *         .writeTo(dir);
 * }</pre>
 */
public final class PluginJars {

    private final String name;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, List<String>> services = new LinkedHashMap<>();

    private PluginJars(String name) {
        this.name = name;
    }

    /** @param name the jar's file name without {@code .jar} */
    public static PluginJars builder(String name) {
        return new PluginJars(name);
    }

    public PluginJars source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    /** Lists {@code implementation} in {@code META-INF/services/<service>}. */
    public PluginJars service(String service, String implementation) {
        services.computeIfAbsent(service, s -> new ArrayList<>()).add(implementation);
        return this;
    }

    /** Compiles and writes {@code dir/NAME.jar}; fails the test with the compiler's output when it does not compile. */
    public Path writeTo(Path dir) {
        try {
            Path work = Files.createTempDirectory("plugin-src-");
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                    System.getProperty("java.class.path"), "--release", "17", "-proc:none"));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = work.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
                Files.createDirectories(file.getParent());
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            int code = compiler.run(null, output, output, arguments.toArray(String[]::new));
            if (code != 0) {
                throw new AssertionError("the test plugin " + name + " does not compile:\n" + output);
            }
            Files.createDirectories(dir);
            Path jar = dir.resolve(name + ".jar");
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
                try (Stream<Path> files = Files.walk(classes)) {
                    for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                        out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                        out.write(Files.readAllBytes(path));
                        out.closeEntry();
                    }
                }
                for (Map.Entry<String, List<String>> service : services.entrySet()) {
                    out.putNextEntry(new JarEntry("META-INF/services/" + service.getKey()));
                    out.write((String.join("\n", service.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
