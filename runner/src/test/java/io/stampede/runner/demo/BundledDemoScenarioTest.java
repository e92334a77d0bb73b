package io.stampede.runner.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The scenario shipped in the jar must only call what the demo API serves. */
class BundledDemoScenarioTest {

    private static final String RESOURCE = "/demo/loadtest.yaml";

    @Test
    void callsOnlyRoutesTheDemoApiServes() throws IOException {
        DemoRouter router = new DemoEndpoints(HmacJwt.withRandomKey(), new UserDirectory(), new DemoCounters(),
                Duration.ofSeconds(8), Clock.systemUTC()).router();

        List<JsonNode> requests = new ArrayList<>();
        collectRequests(readScenario(), requests);

        assertThat(requests).hasSizeGreaterThanOrEqualTo(5);
        assertThat(requests).allSatisfy(request -> assertThat(router.handles(
                request.get("method").asText(), pathWithoutQuery(request.get("path").asText())))
                .as("%s is served by the demo API", request).isTrue());
    }

    @Test
    void logsInWithTheDemoPasswordAsANumberedUser() throws IOException {
        JsonNode login = readScenario().at("/spec/userClasses/0/onStart/0/request/json");

        assertThat(login.get("email").asText()).isEqualTo("user${userId}@example.com");
        assertThat(login.get("password").asText()).isEqualTo(DemoEndpoints.DEMO_PASSWORD);
    }

    private static JsonNode readScenario() throws IOException {
        try (InputStream in = BundledDemoScenarioTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
            return new ObjectMapper(new YAMLFactory()).readTree(in);
        }
    }

    private static void collectRequests(JsonNode node, List<JsonNode> into) {
        if (node.isObject() && node.path("request").isObject()) {  // a threshold's request is a row name
            into.add(node.get("request"));
        }
        node.forEach(child -> collectRequests(child, into));
    }

    private static String pathWithoutQuery(String path) {
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }
}
