package org.jcedar.classad;

/** The prefix operators of the ClassAd language. */
public enum UnaryOperator {
    MINUS("-"),
    PLUS("+"),
    LOGICAL_NOT("!"),
    BITWISE_NOT("~");

    private final String symbol;

    UnaryOperator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
