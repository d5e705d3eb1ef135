package org.jcedar.classad;

/**
 * The infix operators of the ClassAd language. {@code is} and {@code isnt} are spellings of
 * {@link #META_EQUAL} and {@link #META_NOT_EQUAL}; {@code ?:} (Elvis) is "left unless it is undefined".
 */
public enum BinaryOperator {
    LOGICAL_OR("||"),
    LOGICAL_AND("&&"),
    BITWISE_OR("|"),
    BITWISE_XOR("^"),
    BITWISE_AND("&"),
    EQUAL("=="),
    NOT_EQUAL("!="),
    META_EQUAL("=?="),
    META_NOT_EQUAL("=!="),
    LESS("<"),
    LESS_OR_EQUAL("<="),
    GREATER(">"),
    GREATER_OR_EQUAL(">="),
    LEFT_SHIFT("<<"),
    RIGHT_SHIFT(">>"),
    UNSIGNED_RIGHT_SHIFT(">>>"),
    PLUS("+"),
    MINUS("-"),
    TIMES("*"),
    DIVIDE("/"),
    MODULUS("%"),
    ELVIS("?:");

    private final String symbol;

    BinaryOperator(String symbol) {
        this.symbol = symbol;
    }

    /** The operator as the old-syntax printer writes it (between single spaces). */
    public String symbol() {
        return symbol;
    }
}
