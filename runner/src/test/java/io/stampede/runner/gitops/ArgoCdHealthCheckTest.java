package io.stampede.runner.gitops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.BaseLib;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseMathLib;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/gitops/argocd-health.lua run the way Argo CD runs a custom health check: the LoadTest as the global
 * {@code obj}, the script's returned table read for {@code status} and {@code message}; only the libraries Argo CD
 * opens (base, table, string, math).
 */
class ArgoCdHealthCheckTest {

    private static final Path SCRIPT = Path.of("..", "docs", "gitops", "argocd-health.lua");
    private static final Path GUIDE = Path.of("..", "docs", "gitops.md");
    private static final YAMLMapper YAML = new YAMLMapper();

    record Health(String status, String message) {
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            Succeeded    | all 4 thresholds passed                     | Healthy
            Pending      | 5 LoadTests already running in this namespace | Progressing
            Provisioning | 2 of 4 workers connected                    | Progressing
            Running      | 100 users, 250.3 requests/s                 | Progressing
            Failed       | 3 of 4 thresholds passed; p99 was 1.4s (limit 1s) | Degraded
            Error        | target shop.prod.svc is not in the allowlist | Degraded
            Aborted      | stopped by the user                         | Degraded
            """)
    void mapsEachPhaseWithTheOperatorsMessage(String phase, String message, String expected) throws Exception {
        Health health = check(loadTest("""
                status: {phase: %s, observedGeneration: 1, message: "%s"}
                """.formatted(phase, message)));

        assertThat(health).isEqualTo(new Health(expected, phase + ": " + message));
    }

    @Test
    void isProgressingBeforeTheOperatorWritesAStatus() throws Exception {
        Health health = check(loadTest(""));

        assertThat(health.status()).isEqualTo("Progressing");
        assertThat(health.message()).contains("Waiting for the Stampede operator");
    }

    @Test
    void isProgressingWhileTheStatusDescribesAnOlderGeneration() throws Exception {
        Health health = check(loadTest("""
                status: {phase: Succeeded, observedGeneration: 1, message: "all thresholds passed"}
                """).set("metadata", YAML.readTree("{name: shop, generation: 2}")));

        assertThat(health.status()).isEqualTo("Progressing");
        assertThat(health.message()).contains("generation 2");
    }

    @Test
    void namesThePhaseWhenThereIsNoMessage() throws Exception {
        assertThat(check(loadTest("status: {phase: Running}"))).isEqualTo(new Health("Progressing", "Running"));
    }

    @Test
    void isUnknownForAPhaseItDoesNotKnow() throws Exception {
        assertThat(check(loadTest("status: {phase: Exploded, observedGeneration: 1}")).status()).isEqualTo("Unknown");
    }

    @Test
    void theArgoCdConfigMapSnippetInTheGuideIsTheScript() throws Exception {
        String guide = Files.readString(GUIDE);
        String key = "resource.customizations.health.stampede.io_LoadTest: |\n";
        int start = guide.indexOf(key);
        assertThat(start).as("docs/gitops.md has the argocd-cm key").isNotNegative();

        StringBuilder snippet = new StringBuilder();
        String indent = null;
        for (String line : guide.substring(start + key.length()).split("\n", -1)) {
            if (line.startsWith("```")) break;
            if (indent == null) indent = line.substring(0, line.length() - line.stripLeading().length());
            snippet.append(line.isBlank() ? "" : line.substring(indent.length())).append('\n');
        }

        assertThat(snippet.toString().stripTrailing()).isEqualTo(Files.readString(SCRIPT).stripTrailing());
    }

    private static ObjectNode loadTest(String statusYaml) throws Exception {
        JsonNode status = statusYaml.isBlank() ? YAML.createObjectNode() : YAML.readTree(statusYaml);
        ObjectNode object = (ObjectNode)
                YAML.readTree("""
                        apiVersion: stampede.io/v1alpha1
                        kind: LoadTest
                        metadata: {name: shop, generation: 1}
                        spec: {target: "http://shop:8080", workers: 2}
                        """);
        status.fields().forEachRemaining(field -> object.set(field.getKey(), field.getValue()));
        return object;
    }

    private static Health check(JsonNode object) throws Exception {
        Globals globals = new Globals();
        globals.load(new BaseLib());
        globals.load(new PackageLib());
        globals.load(new TableLib());
        globals.load(new StringLib());
        globals.load(new JseMathLib());
        LoadState.install(globals);
        LuaC.install(globals);
        globals.set("obj", toLua(object));

        LuaValue result = globals.load(Files.readString(SCRIPT), "argocd-health.lua").call();

        assertThat(result.istable()).as("the script returns a table").isTrue();
        return new Health(result.get("status").optjstring(null), result.get("message").optjstring(null));
    }

    /** JSON as Argo CD hands it to Lua: objects and arrays as tables (arrays from 1), numbers, strings, booleans. */
    private static LuaValue toLua(JsonNode node) {
        if (node.isObject()) {
            LuaTable table = new LuaTable();
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                table.set(field.getKey(), toLua(field.getValue()));
            }
            return table;
        }
        if (node.isArray()) {
            LuaTable table = new LuaTable();
            for (int i = 0; i < node.size(); i++) table.set(i + 1, toLua(node.get(i)));
            return table;
        }
        if (node.isNumber()) return LuaValue.valueOf(node.asDouble());
        if (node.isBoolean()) return LuaValue.valueOf(node.asBoolean());
        if (node.isNull() || node.isMissingNode()) return LuaValue.NIL;
        return LuaValue.valueOf(node.asText());
    }
}
