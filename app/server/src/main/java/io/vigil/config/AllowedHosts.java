package io.vigil.config;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The names this Vigil answers to in a {@code Host} or {@code Origin} header: {@code localhost}, {@code 127.0.0.1},
 * {@code [::1]} and the server's address on Vigil's own port, plus configured names. A configured name without a port
 * stands for the default ports (80, 443); names compare without case.
 */
final class AllowedHosts {

    private final Set<String> names = new HashSet<>();
    private final Set<String> namesOnOwnPort = new HashSet<>();

    /**
     * @param serverAddress {@code server.address}, or null when Vigil listens on every interface
     * @param configured {@code vigil.requests.allowed-hosts} and the host of the public URL, as host or host:port
     */
    AllowedHosts(String serverAddress, List<String> configured) {
        namesOnOwnPort.addAll(List.of("localhost", "127.0.0.1", "[::1]"));
        if (serverAddress != null && !serverAddress.isBlank()) {
            String address = serverAddress.strip().toLowerCase(Locale.ROOT);
            namesOnOwnPort.add(address.contains(":") && !address.startsWith("[") ? "[" + address + "]" : address);
        }
        for (String name : configured) {
            if (name != null && !name.isBlank()) {
                names.add(name.strip().toLowerCase(Locale.ROOT));
            }
        }
    }

    /**
     * Whether {@code authority} ({@code host} or {@code host:port}, as in a Host header or an origin) names this
     * Vigil, which listens on {@code ownPort}; {@code secure} says which port a name without one means.
     */
    boolean allows(String authority, int ownPort, boolean secure) {
        String value = authority.strip().toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@' || c >= 0x7f)) {
            return false;
        }
        String host;
        int port;
        int colon = value.lastIndexOf(':');
        if (colon > value.lastIndexOf(']')) {
            host = value.substring(0, colon);
            try {
                port = Integer.parseInt(value.substring(colon + 1));
            } catch (NumberFormatException notAPort) {
                return false;
            }
        } else {
            host = value;
            port = secure ? 443 : 80;
        }
        if (namesOnOwnPort.contains(host) && port == ownPort) {
            return true;
        }
        if (names.contains(host + ":" + port)) {
            return true;
        }
        return names.contains(host) && (port == 80 || port == 443);
    }
}
