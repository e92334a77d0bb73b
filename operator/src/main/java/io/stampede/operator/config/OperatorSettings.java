package io.stampede.operator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a cluster admin sets for the operator (application.properties, or the environment: {@code stampede.runner-image}
 * is {@code STAMPEDE_RUNNER_IMAGE}). The watched namespaces are Quarkus Operator SDK's own setting
 * ({@code quarkus.operator-sdk.controllers.loadtest.namespaces}).
 */
@ConfigMapping(prefix = "stampede")
public interface OperatorSettings {

    /** Image of master and worker pods when a LoadTest does not name one; matches the Helm chart's default. */
    @WithDefault("ghcr.io/stampede-io/stampede-runner:0.1.0")
    String runnerImage();

    /**
     * Images a LoadTest may name in spec.image, besides {@link #runnerImage()} (always allowed): exact references,
     * prefixes ending in {@code *} ({@code registry.example.com/stampede-runner:*}), or {@code *} for any image.
     * Empty: only the runner image. See {@link io.stampede.operator.check.ImageAllowlist}.
     */
    Optional<List<String>> allowedImages();

    /**
     * Hosts and ports a LoadTest may target: {@code host} or {@code host:port}; host an exact name
     * ({@code shop.staging.svc}), {@code *.suffix} for any host under it, or {@code *}; port a number or {@code *};
     * without a port only the scheme's default (80, 443). Empty: any target. See
     * {@link io.stampede.operator.check.TargetAllowlist}.
     */
    Optional<List<String>> targetAllowlist();

    /** LoadTests provisioning or running at once in one namespace; more wait in Pending. 0: no cap. */
    @WithDefault("5")
    int maxConcurrentPerNamespace();

    /** How often a running master's status is read (and status.progress written at most). */
    @WithDefault("5s")
    Duration progressInterval();

    /** The master gives up (phase Error) when its workers are not all ready within this; also the pods' own limit to start. */
    @WithDefault("5m")
    Duration workersConnectTimeout();

    /** A master that was reachable and stops answering for this long is lost (phase Error). */
    @WithDefault("30s")
    Duration masterLostAfter();

    /**
     * Where the master of a run answers; {@code {service}} and {@code {namespace}} are replaced. Tests point it at
     * a local server; in a cluster the default is the master's Service.
     */
    @WithDefault("http://{service}.{namespace}.svc:5557")
    String masterUrl();
}
