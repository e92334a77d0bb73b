package io.stampede.runner.plugin;

import io.stampede.plugin.CustomCheck;
import io.stampede.plugin.CustomStep;
import io.stampede.plugin.Extension;
import io.stampede.plugin.RequestSigner;
import io.stampede.plugin.TemplateFunction;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads the plugins of a directory: one {@link URLClassLoader} over its {@code *.jar} files (the runner's loader as
 * parent, so the API classes are the runner's), and {@link ServiceLoader} for each extension kind. Every problem is
 * found before any is reported: a missing directory, a file that is not one, no jar, a jar that lists no extension,
 * an extension that cannot be made or has a bad name, a name used twice within a kind (or a template function named
 * like a built-in one). The class loader lives as long as the process (plugins run until the end).
 *
 * <p>Threading: call once, from the command's thread, before the run.
 */
public final class PluginLoader {

    /** The extension kinds, with the service file each is listed in. */
    static final List<Class<? extends Extension>> KINDS =
            List.of(TemplateFunction.class, RequestSigner.class, CustomCheck.class, CustomStep.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private PluginLoader() {
    }

    /**
     * @param dir               the plugin directory
     * @param origin            where it was given, for messages: {@code --plugins} or {@code STAMPEDE_PLUGINS}
     * @param builtInFunctions  template functions a plugin may not redefine
     * @throws PluginLoadException naming the origin, the path and every problem found
     */
    public static Plugins load(Path dir, String origin, Set<String> builtInFunctions) throws PluginLoadException {
        String where = origin + " " + dir;
        if (!Files.exists(dir)) {
            throw new PluginLoadException(where + ": no such directory (expected a directory of plugin jars)");
        }
        if (!Files.isDirectory(dir)) {
            throw new PluginLoadException(where + ": not a directory (expected a directory of plugin jars)");
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(dir)) {
            jars = files.filter(file -> file.getFileName().toString().endsWith(".jar") && Files.isRegularFile(file))
                    .sorted().toList();
        } catch (IOException e) {
            throw new PluginLoadException(where + ": cannot list it (" + e.getMessage() + ")");
        }
        if (jars.isEmpty()) {
            throw new PluginLoadException(where + ": no .jar file in it (a plugin is a jar that lists its extensions "
                    + "in META-INF/services/io.stampede.plugin.TemplateFunction, RequestSigner, CustomCheck or "
                    + "CustomStep)");
        }
        List<String> problems = new ArrayList<>();
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < jars.size(); i++) {
            Path jar = jars.get(i);
            String listing = listedKinds(jar);
            if (listing != null) {
                problems.add(jar.getFileName() + ": " + listing);
            }
            try {
                urls[i] = jar.toUri().toURL();
            } catch (MalformedURLException e) {
                problems.add(jar.getFileName() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw failure(where, problems);
        }
        ClassLoader loader = new URLClassLoader("stampede-plugins", urls, PluginLoader.class.getClassLoader());
        Map<Class<?>, Map<String, Extension>> byKind = new HashMap<>();
        Map<String, String> sources = new HashMap<>();
        for (Class<? extends Extension> kind : KINDS) {
            Map<String, Extension> named = new LinkedHashMap<>();
            byKind.put(kind, named);
            collect(kind, loader, named, sources, problems, kind == TemplateFunction.class ? builtInFunctions : Set.of());
        }
        if (!problems.isEmpty()) {
            throw failure(where, problems);
        }
        return new Plugins(cast(byKind.get(TemplateFunction.class)), cast(byKind.get(RequestSigner.class)),
                cast(byKind.get(CustomCheck.class)), cast(byKind.get(CustomStep.class)), false);
    }

    private static void collect(Class<? extends Extension> kind, ClassLoader loader, Map<String, Extension> named,
                                Map<String, String> sources, List<String> problems, Set<String> reserved) {
        String kindName = kind.getSimpleName();
        try {
            for (ServiceLoader.Provider<? extends Extension> provider : ServiceLoader.load(kind, loader).stream().toList()) {
                String source = jarOf(provider.type()) + " (" + provider.type().getName() + ")";
                Extension extension;
                String name;
                try {
                    extension = provider.get();
                    name = extension.name();
                } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                    problems.add(source + ": cannot make the " + kindName + ": " + PluginCallException.cause(
                            provider.type().getSimpleName(), e).substring("plugin ".length()));
                    continue;
                }
                if (name == null || !NAME.matcher(name).matches()) {
                    problems.add(source + ": the " + kindName + " name '" + name + "' is not a name (a letter or '_', "
                            + "then letters, digits or '_')");
                } else if (reserved.contains(name)) {
                    problems.add(source + ": the " + kindName + " '" + name + "' clashes with the built-in function "
                            + name + "(); choose another name");
                } else if (named.containsKey(name)) {
                    problems.add("the " + kindName + " '" + name + "' is defined twice: by " + sources.get(kindName + name)
                            + " and by " + source + "; names are unique per kind");
                } else {
                    named.put(name, extension);
                    sources.put(kindName + name, source);
                }
            }
        } catch (ServiceConfigurationError e) {
            problems.add("cannot load a " + kindName + ": " + e.getMessage());
        }
    }

    /** @return null when the jar lists at least one extension kind, else why it is no plugin */
    private static String listedKinds(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            for (Class<? extends Extension> kind : KINDS) {
                if (file.getEntry("META-INF/services/" + kind.getName()) != null) {
                    return null;
                }
            }
            return "no Stampede plugin in it (it lists no META-INF/services/io.stampede.plugin.TemplateFunction, "
                    + "RequestSigner, CustomCheck or CustomStep file)";
        } catch (IOException e) {
            return "not a readable jar (" + e.getMessage() + ")";
        }
    }

    private static String jarOf(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return "the runner";
        }
        String location = code.getLocation().getPath();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static PluginLoadException failure(String where, List<String> problems) {
        return new PluginLoadException(where + ": " + (problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems)));
    }

    @SuppressWarnings("unchecked")
    private static <T extends Extension> Map<String, T> cast(Map<String, Extension> named) {
        return (Map<String, T>) (Map<String, ?>) named;
    }
}
