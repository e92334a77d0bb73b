package io.stampede.runner.engine.http;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolConfig.Protocol;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectedListenerFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolConfig.SelectorFailureBehavior;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;

import javax.net.ssl.SSLException;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client TLS context of a run's HTTPS connections.
 *
 * <p>BoringSSL (netty-tcnative) when its native library loads: its handshakes and record encryption cost a
 * fraction of the JDK SSLEngine's CPU and need no JIT warm-up, which on a generator's one busy core decides
 * whether HTTPS keeps up with wrk (docs/benchmarks.md). Otherwise (not linux-x86_64, musl libc, a /tmp that
 * forbids executing the extracted library) the JDK's provider, and one console line says so per process.
 *
 * <p>Sessions resume: the client keeps a cache of sessions (TLS 1.2 IDs, TLS 1.3 tickets) per host and port, so
 * a user that reconnects (after a Connection: close or a timeout) pays an abbreviated handshake. ALPN offers
 * http/1.1 only, the one protocol the engine speaks; the list is where h2 goes when the engine speaks it.
 *
 * <p>Threading: {@link #client} is called once per engine, before the run; the context it returns is shared by
 * all event loops (Netty's contexts are thread-safe).
 */
public final class TlsContexts {

    /** Sessions kept for resumption; a run talks to one host:port, so this is ample. */
    static final long SESSION_CACHE_SIZE = 1024;
    /** How long a cached session may be offered, seconds (servers usually accept tickets for 5 min to hours). */
    static final long SESSION_TIMEOUT_SECONDS = 3600;

    private static final AtomicBoolean fallbackSaid = new AtomicBoolean();

    private TlsContexts() {
    }

    /** The provider runs use here: OpenSSL (BoringSSL) when its library loaded, else the JDK's. */
    public static SslProvider provider() {
        return OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /**
     * A client context for HTTPS targets, saying on {@code console} (once per process) when TLS falls back to
     * the JDK's provider.
     *
     * @param insecure trust any certificate (--insecure); the host name is checked by the caller otherwise
     * @throws SSLException when no context can be built (the caller reports it as a start-up error)
     */
    public static SslContext client(boolean insecure, PrintStream console) throws SSLException {
        SslProvider provider = provider();
        if (provider == SslProvider.JDK && fallbackSaid.compareAndSet(false, true)) {
            Throwable cause = OpenSsl.unavailabilityCause();
            console.println("stampede: HTTPS through the JDK's TLS (more CPU per request): the native BoringSSL"
                    + " library did not load" + (cause == null ? "" : " (" + cause.getMessage() + ")"));
        }
        SslContextBuilder builder = SslContextBuilder.forClient()
                .sslProvider(provider)
                .sessionCacheSize(SESSION_CACHE_SIZE)
                .sessionTimeout(SESSION_TIMEOUT_SECONDS)
                .applicationProtocolConfig(new ApplicationProtocolConfig(Protocol.ALPN,
                        // NO_ADVERTISE and ACCEPT are the modes both providers support.
                        SelectorFailureBehavior.NO_ADVERTISE, SelectedListenerFailureBehavior.ACCEPT,
                        ApplicationProtocolNames.HTTP_1_1));
        if (insecure) builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
        return builder.build();
    }
}
