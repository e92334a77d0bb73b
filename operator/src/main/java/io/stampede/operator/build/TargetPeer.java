package io.stampede.operator.build;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The egress rule that lets worker pods reach a run's target. A NetworkPolicy selects pods, namespaces or IP blocks,
 * never host names, so the rule is as narrow as the target's form allows:
 * <ul>
 *   <li>an IP address: that address ({@code /32} or {@code /128}) on the target's port;</li>
 *   <li>a Service name, {@code <service>.<namespace>.svc[.<cluster domain>]}: the pods of that namespace, any port
 *   (a NetworkPolicy sees the pod's port after the Service has translated it, and the Service's targetPort is not
 *   in the spec; the target allowlist has already bound the Service port);</li>
 *   <li>a name without dots ({@code shop}: a Service of the run's own namespace): the pods of that namespace, any
 *   port, likewise;</li>
 *   <li>any other name (outside the cluster): any address on the target's port.</li>
 * </ul>
 * A pure function of the target URL (validated before: an http or https URL with a host).
 */
final class TargetPeer {

    /** The label Kubernetes (1.21+) puts on every namespace with its name. */
    static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

    private static final Pattern SERVICE = Pattern.compile("[a-z0-9-]+\\.([a-z0-9-]+)\\.svc(\\..+)?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private TargetPeer() {
    }

    static NetworkPolicyEgressRule rule(String target, String ownNamespace) {
        URI uri = URI.create(target);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        Matcher service = SERVICE.matcher(host);
        if (service.matches()) return new NetworkPolicyEgressRuleBuilder().withTo(namespace(service.group(1))).build();
        if (!host.contains(".") && !host.startsWith("[")) {
            return new NetworkPolicyEgressRuleBuilder().withTo(namespace(ownNamespace)).build();
        }
        List<NetworkPolicyPeer> to;
        if (IPV4.matcher(host).matches()) to = List.of(block(host + "/32"));
        else if (host.startsWith("[")) to = List.of(block(host.substring(1, host.length() - 1) + "/128"));
        else to = List.of(block("0.0.0.0/0"), block("::/0"));
        return new NetworkPolicyEgressRuleBuilder().withTo(to)
                .addNewPort().withProtocol("TCP").withPort(new IntOrString(port)).endPort()
                .build();
    }

    private static NetworkPolicyPeer namespace(String name) {
        return new NetworkPolicyPeerBuilder().withNewNamespaceSelector().withMatchLabels(Map.of(NAMESPACE_NAME, name))
                .endNamespaceSelector().build();
    }

    private static NetworkPolicyPeer block(String cidr) {
        return new NetworkPolicyPeerBuilder().withNewIpBlock().withCidr(cidr).endIpBlock().build();
    }
}
