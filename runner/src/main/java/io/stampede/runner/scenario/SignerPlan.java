package io.stampede.runner.scenario;

import io.stampede.plugin.RequestSigner;

/**
 * A request signer configured for one use in the file: the engine calls {@code signer} for every request sent with
 * it (see {@code RequestEncoder}), on the user's event loop.
 *
 * @param name     the extension's name, for failure causes ({@code plugin NAME: ...})
 * @param signer   what the plugin's {@code create} returned
 * @param settings its {@code with:} values
 */
public record SignerPlan(String name, RequestSigner.Signer signer, PluginSettings settings) {
}
