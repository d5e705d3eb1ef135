package org.jcedar.command;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A network block as an auto-approval rule names it (condor_netaddr::from_net_string, 30 §5.6): {@code *},
 * {@code a.b.c.d/bits} or {@code a:b::c/bits} (a prefix longer than the address counts as the whole address,
 * which is why HTCondor accepts {@code 127.0.0.1/99}), {@code a.b.c.d/m.m.m.m} with a contiguous mask, an IPv4
 * address with trailing {@code *} parts ({@code 10.1.*}), or a single address. Never resolves host names.
 */
public final class Netblock {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WILDCARD = Pattern.compile("(\\d{1,3}\\.){0,3}\\*");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,10}");

    private final String text;
    private final byte[] base;
    private final int prefixBits;

    private Netblock(String text, byte[] base, int prefixBits) {
        this.text = text;
        this.base = base;
        this.prefixBits = prefixBits;
    }

    public static Optional<Netblock> parse(String text) {
        if (text.equals("*") || text.equals("*/*")) {
            return Optional.of(new Netblock(text, new byte[0], 0));
        }
        int slash = text.indexOf('/');
        if (slash >= 0) {
            Optional<byte[]> address = literal(text.substring(0, slash));
            String mask = text.substring(slash + 1);
            if (address.isEmpty()) {
                return Optional.empty();
            }
            int bits = address.get().length * 8;
            if (DIGITS.matcher(mask).matches()) {
                return Optional.of(new Netblock(text, address.get(), (int) Math.min(bits, Long.parseLong(mask))));
            }
            Optional<byte[]> maskAddress = literal(mask);
            if (bits != 32 || maskAddress.isEmpty() || maskAddress.get().length != 4) {
                return Optional.empty();
            }
            return contiguousPrefix(maskAddress.get()).map(prefix -> new Netblock(text, address.get(), prefix));
        }
        if (IPV4_WILDCARD.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] address = new byte[4];
            for (int i = 0; i < parts.length - 1; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return Optional.empty();
                }
                address[i] = (byte) part;
            }
            return Optional.of(new Netblock(text, address, 8 * (parts.length - 1)));
        }
        return literal(text).map(address -> new Netblock(text, address, address.length * 8));
    }

    /** Whether the address (IPv4 or IPv6, as text) lies in the block. */
    public boolean contains(String ip) {
        Optional<byte[]> address = literal(ip);
        if (address.isEmpty()) {
            return false;
        }
        if (prefixBits == 0) {
            return base.length == 0 || base.length == address.get().length;
        }
        if (address.get().length != base.length) {
            return false;
        }
        for (int bit = 0; bit < prefixBits; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address.get()[bit / 8] & mask) != (base[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }

    /** An IP literal; never a host name (InetAddress would resolve one). */
    private static Optional<byte[]> literal(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        boolean v6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            return Optional.empty();
        }
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** The number of leading one bits of a mask whose ones are contiguous, e.g. 255.255.0.0 is 16. */
    private static Optional<Integer> contiguousPrefix(byte[] mask) {
        long value = 0;
        for (byte b : mask) {
            value = (value << 8) | (b & 0xFF);
        }
        int ones = Long.bitCount(value);
        long expected = ones == 0 ? 0 : (0xFFFFFFFFL << (32 - ones)) & 0xFFFFFFFFL;
        return value == expected ? Optional.of(ones) : Optional.empty();
    }
}
