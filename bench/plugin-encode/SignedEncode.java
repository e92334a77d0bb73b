import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.stampede.runner.engine.http.RequestEncoder;
import io.stampede.runner.engine.http.SignedConstantRequest;
import io.stampede.runner.scenario.*;
import io.stampede.runner.scenario.template.*;
import io.stampede.plugin.*;
import java.net.URI;
import java.util.*;

/**
 * The encoder's cost per request, signed or not, without a server (bench/plugin-encode.sh): GET /hello encoded
 * ROUNDS x 100,000 times unsigned, with a signer that adds one header (the plugin plumbing), and with the sample
 * HMAC-SHA256 plugin, each encoded from scratch; then signed as a run sends this constant request (pre-encoded but
 * for the signer's headers), and unsigned as a run sends it (encoded once, a duplicate per send). Prints µs per
 * request (wall and CPU time) and bytes allocated per request for each round: the first rounds show the JIT
 * warming up.
 */
public class SignedEncode {
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private static long allocatedAtStart;

    /**
     * Wall time per request, this thread's CPU time per request (moves less when the core is shared) and the bytes
     * it allocated per request (since the previous report: each call ends one measured loop).
     */
    private static void report(int round, String kind, long startNanos, long startCpuNanos, int n) {
        long allocated = ((com.sun.management.ThreadMXBean) THREADS).getCurrentThreadAllocatedBytes();
        System.out.printf("round %d %s: %.2f us/request, %.2f us CPU, %d B allocated%n", round, kind,
                (System.nanoTime() - startNanos) / 1000.0 / n, (THREADS.getCurrentThreadCpuTime() - startCpuNanos) / 1000.0 / n,
                (allocated - allocatedAtStart) / n);
        allocatedAtStart = ((com.sun.management.ThreadMXBean) THREADS).getCurrentThreadAllocatedBytes();
    }

    public static void main(String[] args) throws Exception {
        TemplateScope scope = new TemplateScope(Map.of(), List.of());
        RequestSigner hmac = (RequestSigner) Class.forName("io.stampede.plugins.hmac.HmacSha256Signer").getDeclaredConstructor().newInstance();
        PluginSettings settings = new PluginSettings(Map.of("key", TemplateCompiler.compile("k3y", scope)));
        SignerPlan sign = new SignerPlan("hmacSha256", hmac.create(settings), settings);
        SignerPlan noop = new SignerPlan("noop", (r, h) -> h.add("X-Noop", "1"), settings);
        Template path = TemplateCompiler.compile("/hello", scope);
        RequestPlan plain = new RequestPlan("GET", path, List.of(), null, 1000, 0, 0, null);
        RequestPlan signed = new RequestPlan("GET", path, List.of(), null, 1000, 0, 0, sign);
        RequestPlan nooped = new RequestPlan("GET", path, List.of(), null, 1000, 0, 0, noop);
        RequestEncoder encoder = new RequestEncoder(URI.create("http://127.0.0.1:8080"));
        TemplateContext user = new TemplateContext() {
            public long userId() { return 7; } public int workerIndex() { return 0; } public long iteration() { return 0; }
            public String slot(int s) { return null; } public String data(int a, int b) { return null; }
            public SplittableRandom random() { return new SplittableRandom(1); } };
        // What a run sends for this constant request: unsigned, the bytes encoded once; signed, those but for the
        // signer's headers.
        SignedConstantRequest preSigned = encoder.preEncodeSigned(signed);
        ByteBuf preEncoded = encoder.preEncode(plain);
        for (int round = 0; round < Integer.parseInt(args.length > 0 ? args[0] : "12"); round++) {
            long plainStart = System.nanoTime();
            long plainCpu = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < 100_000; i++) {
                preEncoded.duplicate().release();
            }
            report(round, "plain pre-encoded", plainStart, plainCpu, 100_000);
            for (RequestPlan plan : List.of(plain, nooped, signed)) {
                long start = System.nanoTime();
                long cpu = THREADS.getCurrentThreadCpuTime();
                int n = 100_000;
                for (int i = 0; i < n; i++) {
                    ByteBuf b = encoder.encode(plan, user, PooledByteBufAllocator.DEFAULT);
                    b.release();
                }
                report(round, plan.signer() == null ? "plain" : plan.signer().name(), start, cpu, n);
            }
            long start = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            int n = 100_000;
            for (int i = 0; i < n; i++) {
                ByteBuf b = encoder.encodeSigned(preSigned, user, PooledByteBufAllocator.DEFAULT);
                b.release();
            }
            report(round, "hmacSha256 pre-encoded", start, cpu, n);
        }
    }
}
