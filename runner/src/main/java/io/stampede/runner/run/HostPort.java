package io.stampede.runner.run;

/**
 * An address given as {@code HOST:PORT} ({@code 0.0.0.0:5557}, {@code master.ns.svc:5557}, {@code [::1]:5557}).
 *
 * @param port 0..65535 (0: any free port, for a master)
 */
public record HostPort(String host, int port) {

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }

    /** Whether the host is a loopback name or address: only this machine reaches it. */
    public boolean isLoopback() {
        if (host.equalsIgnoreCase("localhost")) return true;
        try {
            return java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Reads {@code [HOST:]PORT}: a port alone means {@code defaultHost:PORT}. */
    public static HostPort parse(String value, String defaultHost) {
        return value.indexOf(':') < 0 ? parse(defaultHost + ":" + value) : parse(value);
    }

    /**
     * Reads {@code HOST:PORT}; the port must be 0..65535.
     *
     * @throws IllegalArgumentException saying what was expected and what was given
     */
    public static HostPort parse(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new IllegalArgumentException("expected HOST:PORT such as 127.0.0.1:5557, got '" + value
                    + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            port = -1;
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port in '" + value + "' must be 0..65535");
        }
        return new HostPort(host, port);
    }
}
