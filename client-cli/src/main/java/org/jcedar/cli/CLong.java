package org.jcedar.cli;

import java.util.OptionalLong;

/**
 * C++'s {@code std::stol(text)} as HTCondor's tools use it for {@code -lifetime}: leading C whitespace, an
 * optional sign, at least one decimal digit, anything after the digits ignored ({@code 10abc} is 10);
 * empty if there are no digits or the value does not fit in 64 bits.
 */
final class CLong {
    private CLong() {
    }

    static OptionalLong parse(String text) {
        int i = 0;
        while (i < text.length() && (text.charAt(i) == ' ' || (text.charAt(i) >= '\t' && text.charAt(i) <= '\r'))) {
            i++;
        }
        int start = i;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
        }
        if (i == digits) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text.substring(start, i)));
        } catch (NumberFormatException tooLarge) {
            return OptionalLong.empty();
        }
    }
}
