package org.jcedar.address;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A daemon address in HTCondor's "sinful" form (10 §4), e.g.
 * {@code <127.0.0.1:9618?addrs=127.0.0.1-9618+[fd00--2]-9618&alias=vm&noUDP&sock=collector>}: a host (IP literal
 * or name), an optional port, and url-encoded parameters. Immutable; {@link #toString()} prints the canonical
 * form HTCondor regenerates (parameters sorted by key, empty values as bare keys, {@code %xx} escapes).
 */
public final class SinfulAddress {
    public static final String ADDRS = "addrs";
    public static final String ALIAS = "alias";
    public static final String SHARED_PORT_ID = "sock";
    public static final String CCB_ID = "CCBID";
    public static final String PRIVATE_NETWORK = "PrivNet";
    public static final String PRIVATE_ADDRESS = "PrivAddr";
    public static final String NO_UDP = "noUDP";

    /** HTCondor keeps parameters in a std::map: sorted by the bytes of the key. */
    private static final Comparator<String> BYTE_ORDER =
            (a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private final String host;
    private final int port;
    private final SortedMap<String, String> params;
    private final List<IpEndpoint> addrs;

    private SinfulAddress(String host, int port, SortedMap<String, String> params, List<IpEndpoint> addrs) {
        this.host = host;
        this.port = port;
        this.params = Collections.unmodifiableSortedMap(params);
        this.addrs = List.copyOf(addrs);
    }

    /** A plain {@code <host:port>} address; {@code host} is a name or an IP literal (IPv6 without brackets). */
    public static SinfulAddress of(String host, int port) {
        if (!printableHost(host) || port < 0 || port > 65535) {
            throw new IllegalArgumentException("invalid host or port: " + host + ", " + port);
        }
        return new SinfulAddress(host, port, new TreeMap<>(BYTE_ORDER), List.of());
    }

    /** A host that prints into a sinful that parses back: an IPv6 literal, or a name without {@code :?>}. */
    private static boolean printableHost(String host) {
        if (host.isEmpty() || host.startsWith("[") || host.indexOf('\0') >= 0) {
            return false;
        }
        if (host.indexOf(':') >= 0) {
            try {
                IpEndpoint.parseIp(host, host, 0);
                return true;
            } catch (AddressException e) {
                return false;
            }
        }
        return host.indexOf('?') < 0 && host.indexOf('>') < 0;
    }

    /**
     * Parses the forms HTCondor's Sinful constructor takes: {@code <...>}; a bracketed IPv6 address with optional
     * port and parameters ({@code [::1]:9618}); a bare {@code host[:port][?params]}; a naked IPv6 address (two
     * colons before any {@code ?}). The V1 form {@code {...}} is refused.
     */
    public static SinfulAddress parse(String text) throws AddressException {
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new AddressException("NUL character", text, nul);
        }
        if (text.isEmpty()) {
            throw new AddressException("empty address", text, 0);
        }
        char first = text.charAt(0);
        if (first == '{') {
            throw new AddressException("the V1 address form {...} is not supported", text, 0);
        }
        if (first == '<') {
            return new Parser(text, text, 0).parse();
        }
        if (first != '[' && hasTwoColonsBeforeParams(text)) {
            return new Parser(text, "<[" + text + "]>", 2).parse();
        }
        return new Parser(text, "<" + text + ">", 1).parse();
    }

    /** Host name or IP literal, IPv6 without brackets. */
    public String host() {
        return host;
    }

    public OptionalInt port() {
        return port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /** All parameters, decoded, sorted as HTCondor sorts them; a bare key has the value "". */
    public SortedMap<String, String> params() {
        return params;
    }

    public Optional<String> param(String key) {
        return Optional.ofNullable(params.get(key));
    }

    /** The endpoints of the {@code addrs} parameter, in listed order (empty when absent). */
    public List<IpEndpoint> addrs() {
        return addrs;
    }

    public Optional<String> alias() {
        return param(ALIAS);
    }

    /** The {@code sock} parameter: connect through the shared port daemon with this id (10 §5). */
    public Optional<String> sharedPortId() {
        return param(SHARED_PORT_ID);
    }

    /** The {@code CCBID} parameter: reach the daemon by a CCB reverse connection. */
    public Optional<String> ccbContact() {
        return param(CCB_ID);
    }

    public Optional<String> privateNetworkName() {
        return param(PRIVATE_NETWORK);
    }

    public Optional<String> privateAddress() {
        return param(PRIVATE_ADDRESS);
    }

    public boolean noUdp() {
        return params.containsKey(NO_UDP);
    }

    /** This address with a parameter set ("" for a bare key); use {@link #withAddrs} for {@code addrs}. */
    public SinfulAddress withParam(String key, String value) {
        if (key.isEmpty() || key.equals(ADDRS)) {
            throw new IllegalArgumentException("parameter key must be non-empty and not " + ADDRS);
        }
        SortedMap<String, String> copy = new TreeMap<>(params);
        copy.put(key, Objects.requireNonNull(value));
        return new SinfulAddress(host, port, copy, addrs);
    }

    public SinfulAddress withoutParam(String key) {
        SortedMap<String, String> copy = new TreeMap<>(params);
        copy.remove(key);
        return new SinfulAddress(host, port, copy, key.equals(ADDRS) ? List.of() : addrs);
    }

    /** This address listing {@code endpoints} in {@code addrs} (removed when empty). */
    public SinfulAddress withAddrs(List<IpEndpoint> endpoints) {
        SortedMap<String, String> copy = new TreeMap<>(params);
        copy.remove(ADDRS);
        if (!endpoints.isEmpty()) {
            copy.put(ADDRS, String.join("+", endpoints.stream().map(IpEndpoint::toCcbSafeString).toList()));
        }
        return new SinfulAddress(host, port, copy, endpoints);
    }

    /** This address with another primary host and port, parameters kept (what a client does after choosing). */
    public SinfulAddress withHostAndPort(String newHost, int newPort) {
        SinfulAddress plain = of(newHost, newPort);
        return new SinfulAddress(plain.host, plain.port, new TreeMap<>(params), addrs);
    }

    /**
     * The address a client in private network {@code ourNetwork} should use (Daemon::Set_addr, 10 §4.4 step 1):
     * when PrivNet matches, PrivAddr (keeping this alias if it has none), or without PrivAddr this address
     * minus CCBID; otherwise this address.
     */
    public SinfulAddress forPrivateNetwork(String ourNetwork) throws AddressException {
        if (!privateNetworkName().filter(ourNetwork::equals).isPresent()) {
            return this;
        }
        Optional<String> privateAddress = privateAddress();
        if (privateAddress.isEmpty()) {
            return withoutParam(CCB_ID);
        }
        String text = privateAddress.get();
        SinfulAddress chosen = parse(text.startsWith("<") ? text : "<" + text + ">");
        Optional<String> alias = alias();
        return chosen.alias().isEmpty() && alias.isPresent() ? chosen.withParam(ALIAS, alias.get()) : chosen;
    }

    /** The canonical sinful string. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("<");
        out.append(host.indexOf(':') >= 0 && host.indexOf('[') < 0 ? "[" + host + "]" : host);
        if (port >= 0) {
            out.append(':').append(port);
        }
        String separator = "?";
        for (Map.Entry<String, String> param : params.entrySet()) {
            out.append(separator).append(encode(param.getKey()));
            if (!param.getValue().isEmpty()) {
                out.append('=').append(encode(param.getValue()));
            }
            separator = "&";
        }
        return out.append('>').toString();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SinfulAddress that && host.equals(that.host) && port == that.port
                && params.equals(that.params);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, params);
    }

    /**
     * HTCondor's url encoding of parameter keys and values: {@code A-Z a-z 0-9 . _ - : # [ ] +} stay, every other
     * byte becomes {@code %xx} (lower-case hex). HTCondor itself garbles bytes above 0x7f (signed char) into
     * {@code %ff}; we write the real byte so that non-ASCII text survives.
     */
    static String encode(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || ".-_:#[]+".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            }
        }
        return out.toString();
    }

    private static boolean hasTwoColonsBeforeParams(String text) {
        int first = text.indexOf(':');
        int second = first < 0 ? -1 : text.indexOf(':', first + 1);
        int question = text.indexOf('?');
        return second >= 0 && (question < 0 || second < question);
    }

    /** One parse of a text wrapped into {@code <...>}; positions are reported in the caller's text. */
    private static final class Parser {
        private final String original;
        private final String text;
        private final int shift;
        private final Map<String, Integer> valuePositions = new HashMap<>();

        Parser(String original, String text, int shift) {
            this.original = original;
            this.text = text;
            this.shift = shift;
        }

        SinfulAddress parse() throws AddressException {
            int i = 1;
            String host;
            if (i < text.length() && text.charAt(i) == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw error("'[' without ']'", i);
                }
                host = text.substring(i + 1, close);
                IpEndpoint.parseIp(host, original, position(i + 1));
                i = close + 1;
            } else {
                int end = indexOfAny(":?>", i, text.length());
                host = text.substring(i, end);
                if (host.isEmpty()) {
                    throw error("no host", i);
                }
                i = end;
            }
            int port = -1;
            if (i < text.length() && text.charAt(i) == ':') {
                int start = ++i;
                while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                    i++;
                }
                if (i > start) {
                    port = IpEndpoint.parsePort(text.substring(start, i), original, position(start));
                }
            }
            SortedMap<String, String> params = new TreeMap<>(BYTE_ORDER);
            if (i < text.length() && text.charAt(i) == '?') {
                int end = text.indexOf('>', i);
                end = end < 0 ? text.length() : end;
                parseParams(i + 1, end, params);
                i = end;
            }
            if (i != text.length() - 1 || text.charAt(i) != '>') {
                throw error(i < text.length() ? "unexpected '" + text.charAt(i) + "'" : "missing '>'", i);
            }
            return new SinfulAddress(host, port, params, parseAddrs(params));
        }

        private void parseParams(int from, int to, SortedMap<String, String> params) throws AddressException {
            int i = from;
            while (i < to) {
                if (text.charAt(i) == '&' || text.charAt(i) == ';') {
                    i++;
                    continue;
                }
                int keyEnd = indexOfAny("=&;", i, to);
                if (keyEnd == i) {
                    throw error("parameter without a name", i);
                }
                String key = decode(i, keyEnd);
                String value = "";
                i = keyEnd;
                if (i < to && text.charAt(i) == '=') {
                    int valueEnd = indexOfAny("&;", ++i, to);
                    valuePositions.put(key, i);
                    value = decode(i, valueEnd);
                    i = valueEnd;
                }
                params.put(key, value); // a repeated key: the last one wins
            }
        }

        private List<IpEndpoint> parseAddrs(SortedMap<String, String> params) throws AddressException {
            List<IpEndpoint> endpoints = new ArrayList<>();
            String value = params.get(ADDRS);
            if (value != null) {
                int position = position(valuePositions.getOrDefault(ADDRS, 0));
                for (String item : value.split("\\+")) {
                    if (!item.isBlank()) {
                        endpoints.add(IpEndpoint.parseCcbSafe(item.strip(), original, position));
                    }
                }
            }
            return endpoints;
        }

        /** Url-decodes text[from, to) as UTF-8: {@code %} must be followed by two hex digits. */
        private String decode(int from, int to) throws AddressException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(to - from);
            int i = from;
            while (i < to) {
                char c = text.charAt(i);
                if (c == '%') {
                    int high = i + 1 < to ? Character.digit(text.charAt(i + 1), 16) : -1;
                    int low = i + 2 < to ? Character.digit(text.charAt(i + 2), 16) : -1;
                    if (high < 0 || low < 0 || text.charAt(i + 1) > 'f' || text.charAt(i + 2) > 'f') {
                        throw error("'%' not followed by two hex digits", i);
                    }
                    bytes.write(high << 4 | low);
                    i += 3;
                } else {
                    int end = i + Character.charCount(text.codePointAt(i));
                    bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                    i = end;
                }
            }
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
            } catch (CharacterCodingException e) {
                throw error("escaped bytes are not UTF-8", from);
            }
        }

        private int indexOfAny(String stops, int from, int to) {
            int i = from;
            while (i < to && stops.indexOf(text.charAt(i)) < 0) {
                i++;
            }
            return i;
        }

        private int position(int inText) {
            return Math.max(0, Math.min(original.length(), inText - shift));
        }

        private AddressException error(String message, int inText) {
            return new AddressException(message, original, position(inText));
        }
    }
}
