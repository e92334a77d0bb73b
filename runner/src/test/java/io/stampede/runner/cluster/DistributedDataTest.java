package io.stampede.runner.cluster;

import io.stampede.runner.testing.Behaviour;
import io.stampede.runner.testing.ReceivedRequest;
import io.stampede.runner.testing.TargetServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * spec.data across a master and two worker JVMs on 127.0.0.1: the workers read no file (they run elsewhere and
 * get the rows from the master), and a {@code unique} source is split into disjoint slices, one row per user.
 */
class DistributedDataTest {

    private static final String TOKEN = "test-token-data-7c1";

    @TempDir
    Path dir;

    @RegisterExtension
    final LocalCluster cluster = new LocalCluster(TOKEN);

    private final Queue<ReceivedRequest> received = new ConcurrentLinkedQueue<>();

    private Path loadTest(TargetServer server) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        StringBuilder csv = new StringBuilder("id,email\n");
        for (int i = 1; i <= 20; i++) csv.append(i).append(",user").append(i).append("@example.com\n");
        Files.writeString(dir.resolve("data/accounts.csv"), csv);
        Path file = dir.resolve("accounts.yaml");
        Files.writeString(file, """
                apiVersion: stampede.io/v1alpha1
                kind: LoadTest
                metadata: {name: accounts}
                spec:
                  target: %s
                  load: {users: 20, duration: 2s}
                  data:
                    accounts: {csv: data/accounts.csv, pick: unique}
                  userClasses:
                    - name: u
                      wait: {constant: 200ms}
                      tasks:
                        - request:
                            method: GET
                            path: /x
                            headers: {X-Row: "${accounts.id}", X-Worker: "${workerIndex}", X-User: "${userId}"}
                """.formatted(server.baseUrl()));
        return file;
    }

    @Test
    void twoWorkersDrawDisjointSlicesOfAUniqueSourceOneRowPerUser() throws Exception {
        try (TargetServer server = TargetServer.start()) {
            server.respond("GET", "/x", request -> {
                received.add(request);
                return Behaviour.ok();
            });
            MasterInThread master = cluster.start(dir, 2, loadTest(server).toString(), "--keep-serving", "0s", "-q");

            MasterInThread.Outcome outcome = master.await(Duration.ofSeconds(60));

            assertThat(outcome.exitCode()).as(outcome.all() + cluster.workerLogs()).isZero();
            assertThat(received).isNotEmpty();
            Map<String, Set<String>> rowsByWorker = received.stream().collect(Collectors.groupingBy(
                    r -> r.header("X-Worker"), Collectors.mapping(r -> r.header("X-Row"), Collectors.toCollection(TreeSet::new))));
            Map<String, Set<String>> usersByRow = received.stream().collect(Collectors.groupingBy(
                    r -> r.header("X-Row"), Collectors.mapping(r -> r.header("X-User"), Collectors.toSet())));
            // Worker 0 holds rows 1-10, worker 1 rows 11-20: every row is used, by exactly one user of one worker.
            assertThat(rowsByWorker).containsOnlyKeys("0", "1");
            assertThat(rowsByWorker.get("0")).containsExactlyInAnyOrderElementsOf(numbers(1, 10));
            assertThat(rowsByWorker.get("1")).containsExactlyInAnyOrderElementsOf(numbers(11, 20));
            assertThat(usersByRow).hasSize(20).allSatisfy((row, users) -> assertThat(users).as("row " + row).hasSize(1));
        }
    }

    private static List<String> numbers(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Integer::toString).toList();
    }
}
