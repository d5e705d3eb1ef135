package org.jcedar.classad;

/** One token of old-syntax ClassAd text, with its character position; literals carry their value. */
record Token(Kind kind, int position, String text, Value value) {

    /** The token kinds of HTCondor's ClassAd lexer. */
    enum Kind {
        END_OF_INPUT("end of input"),
        LEX_ERROR("invalid token"),
        INTEGER("integer"),
        REAL("real"),
        BOOLEAN("boolean"),
        STRING("string"),
        UNDEFINED("undefined"),
        ERROR("error"),
        IDENTIFIER("identifier"),
        SELECTION("'.'"),
        TIMES("'*'"),
        DIVIDE("'/'"),
        MODULUS("'%'"),
        PLUS("'+'"),
        MINUS("'-'"),
        BITWISE_AND("'&'"),
        BITWISE_OR("'|'"),
        BITWISE_NOT("'~'"),
        BITWISE_XOR("'^'"),
        LEFT_SHIFT("'<<'"),
        RIGHT_SHIFT("'>>'"),
        UNSIGNED_RIGHT_SHIFT("'>>>'"),
        LOGICAL_AND("'&&'"),
        LOGICAL_OR("'||'"),
        LOGICAL_NOT("'!'"),
        LESS("'<'"),
        LESS_OR_EQUAL("'<='"),
        GREATER("'>'"),
        GREATER_OR_EQUAL("'>='"),
        EQUAL("'=='"),
        NOT_EQUAL("'!='"),
        META_EQUAL("'=?='"),
        META_NOT_EQUAL("'=!='"),
        BOUND_TO("'='"),
        QUESTION_MARK("'?'"),
        ELVIS("'?:'"),
        COLON("':'"),
        SEMICOLON("';'"),
        COMMA("','"),
        OPEN_BOX("'['"),
        CLOSE_BOX("']'"),
        OPEN_PAREN("'('"),
        CLOSE_PAREN("')'"),
        OPEN_BRACE("'{'"),
        CLOSE_BRACE("'}'");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        String description() {
            return description;
        }
    }

    static Token of(Kind kind, int position) {
        return new Token(kind, position, null, null);
    }

    String describe() {
        return switch (kind) {
            case IDENTIFIER -> "identifier " + text;
            case INTEGER, REAL, BOOLEAN, STRING -> kind.description() + " " + ClassAdPrinter.print(value.toExpr());
            default -> kind.description();
        };
    }
}
