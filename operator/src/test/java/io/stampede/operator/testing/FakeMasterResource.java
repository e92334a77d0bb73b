package io.stampede.operator.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Starts the {@link FakeMaster} before the operator and points the operator's master URL at it. */
public final class FakeMasterResource implements QuarkusTestResourceLifecycleManager {

    private static volatile FakeMaster master;

    /** The server of the running test application. */
    public static FakeMaster master() {
        return master;
    }

    @Override
    public Map<String, String> start() {
        master = new FakeMaster();
        return Map.of("stampede.master-url", "http://127.0.0.1:" + master.port() + "/{namespace}/{service}");
    }

    @Override
    public void stop() {
        if (master != null) master.close();
    }
}
