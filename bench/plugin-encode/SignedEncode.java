import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.stampede.runner.engine.http.RequestEncoder;
import io.stampede.runner.scenario.*;
import io.stampede.runner.scenario.template.*;
import io.stampede.plugin.*;
import java.net.URI;
import java.util.*;

/**
 * The encoder's cost per request, signed or not, without a server (bench/plugin-encode.sh): GET /hello encoded
 * ROUNDS x 100,000 times unsigned, with a signer that adds one header (the plugin plumbing), and with the sample
 * HMAC-SHA256 plugin. Prints µs per request for each round: the first rounds show the JIT warming up.
 */
public class SignedEncode {
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
        for (int round = 0; round < Integer.parseInt(args.length > 0 ? args[0] : "12"); round++) {
            for (RequestPlan plan : List.of(plain, nooped, signed)) {
                long start = System.nanoTime();
                int n = 100_000;
                for (int i = 0; i < n; i++) {
                    ByteBuf b = encoder.encode(plan, user, PooledByteBufAllocator.DEFAULT);
                    b.release();
                }
                System.out.printf("round %d %s: %.2f us/request%n", round, plan.signer() == null ? "plain" : plan.signer().name(), (System.nanoTime() - start) / 1000.0 / n);
            }
        }
    }
}
