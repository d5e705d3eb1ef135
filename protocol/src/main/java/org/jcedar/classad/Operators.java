package org.jcedar.classad;

/**
 * The value semantics of the unary and binary operators once their operands are evaluated
 * (Operation::_doOperation and its helpers in HTCondor's operators.cpp, old semantics). Short circuits
 * (&&, ||, ?:) are decided by the evaluator before the right operand is evaluated.
 */
final class Operators {
    private Operators() {
    }

    private enum NumericType { INTEGER, REAL, STRING, LIST, AD, UNDEFINED, ERROR }

    static Value unary(UnaryOperator operator, Value operand) {
        if (operator == UnaryOperator.PLUS) {
            // unary + passes numbers, UNDEFINED and ERROR through and rejects everything else
            boolean passes = operand instanceof Value.IntegerValue || operand instanceof Value.RealValue
                    || operand instanceof Value.UndefinedValue || operand instanceof Value.ErrorValue;
            return passes ? operand : Value.ERROR;
        }
        if (operand instanceof Value.ErrorValue || operand instanceof Value.UndefinedValue) {
            return operand;
        }
        return switch (operator) {
            case MINUS -> operand instanceof Value.IntegerValue i ? Value.of(-i.value())
                    : operand instanceof Value.RealValue r ? Value.of(-r.value()) : Value.ERROR;
            case BITWISE_NOT -> operand instanceof Value.IntegerValue i ? Value.of(~i.value()) : Value.ERROR;
            default -> {
                Boolean truth = Evaluator.booleanEquivalent(operand);
                yield truth == null ? Value.ERROR : Value.of(!truth);
            }
        };
    }

    static Value binary(BinaryOperator operator, Value left, Value right) {
        switch (operator) {
            case META_EQUAL, META_NOT_EQUAL -> {
                return metaComparison(operator, left, right);
            }
            case LOGICAL_AND, LOGICAL_OR -> {
                return logical(operator, left, right);
            }
            case ELVIS -> {
                return left instanceof Value.UndefinedValue ? right : left;
            }
            default -> {
                // strict: ERROR wins over UNDEFINED, the left operand over the right
                if (left instanceof Value.ErrorValue || right instanceof Value.ErrorValue) {
                    return Value.ERROR;
                }
                if (left instanceof Value.UndefinedValue || right instanceof Value.UndefinedValue) {
                    return Value.UNDEFINED;
                }
            }
        }
        return switch (operator) {
            case EQUAL, NOT_EQUAL, LESS, LESS_OR_EQUAL, GREATER, GREATER_OR_EQUAL -> comparison(operator, left, right);
            case PLUS, MINUS, TIMES, DIVIDE, MODULUS -> arithmetic(operator, left, right);
            default -> bitwise(operator, left, right);
        };
    }

    /** =?= and =!=: no type promotion; same type and same value (strings case-sensitively). */
    private static Value metaComparison(BinaryOperator operator, Value left, Value right) {
        boolean equal = operator == BinaryOperator.META_EQUAL;
        if (left.getClass() != right.getClass()) {
            return Value.of(!equal);
        }
        if (left instanceof Value.UndefinedValue || left instanceof Value.ErrorValue) {
            return Value.of(equal);
        }
        if (left instanceof Value.ListValue || left instanceof Value.ClassAdValue) {
            return Value.ERROR;
        }
        int order;
        if (left instanceof Value.StringValue l) {
            order = CStrings.compare(l.value(), ((Value.StringValue) right).value(), false);
        } else if (left instanceof Value.IntegerValue l) {
            order = Long.compare(l.value(), ((Value.IntegerValue) right).value());
        } else if (left instanceof Value.RealValue l) {
            double r = ((Value.RealValue) right).value();
            return Value.of((l.value() == r) == equal);
        } else {
            order = Boolean.compare(((Value.BooleanValue) left).value(), ((Value.BooleanValue) right).value());
        }
        return Value.of((order == 0) == equal);
    }

    /** ==, !=, <, <=, >, >= after numeric promotion; strings compare case-insensitively. */
    private static Value comparison(BinaryOperator operator, Value left, Value right) {
        switch (promote(left, right)) {
            case STRING -> {
                if (!(left instanceof Value.StringValue l) || !(right instanceof Value.StringValue r)) {
                    return Value.ERROR;
                }
                return Value.of(holds(operator, CStrings.compare(l.value(), r.value(), true)));
            }
            case INTEGER -> {
                return Value.of(holds(operator, Long.compare(integer(left), integer(right))));
            }
            case REAL -> {
                double l = real(left);
                double r = real(right);
                return Value.of(switch (operator) {
                    case EQUAL -> l == r;
                    case NOT_EQUAL -> l != r;
                    case LESS -> l < r;
                    case LESS_OR_EQUAL -> l <= r;
                    case GREATER -> l > r;
                    default -> l >= r;
                });
            }
            default -> {
                return Value.ERROR;
            }
        }
    }

    private static boolean holds(BinaryOperator operator, int order) {
        return switch (operator) {
            case EQUAL -> order == 0;
            case NOT_EQUAL -> order != 0;
            case LESS -> order < 0;
            case LESS_OR_EQUAL -> order <= 0;
            case GREATER -> order > 0;
            default -> order >= 0;
        };
    }

    private static Value arithmetic(BinaryOperator operator, Value left, Value right) {
        if (!isNumeric(left) || !isNumeric(right)) {
            return Value.ERROR;
        }
        if (promote(left, right) == NumericType.INTEGER) {
            long l = integer(left);
            long r = integer(right);
            return switch (operator) {
                case PLUS -> Value.of(l + r);
                case MINUS -> Value.of(l - r);
                case TIMES -> Value.of(l * r);
                case DIVIDE -> l == Long.MIN_VALUE && r == -1 ? Value.of(Long.MAX_VALUE)
                        : r == 0 ? Value.ERROR : Value.of(l / r);
                default -> l == Long.MIN_VALUE && r == -1 ? Value.of(0L)
                        : r == 0 ? Value.ERROR : Value.of(l % r);
            };
        }
        double l = real(left);
        double r = real(right);
        double result = switch (operator) {
            case PLUS -> l + r;
            case MINUS -> l - r;
            case TIMES -> l * r;
            case DIVIDE -> l / r;
            default -> Double.NaN; // no modulus on reals
        };
        // HTCondor treats HUGE_VAL (+infinity) as a floating point error, and modulus of reals as EDOM
        boolean failed = operator == BinaryOperator.MODULUS || result == Double.POSITIVE_INFINITY;
        return failed ? Value.ERROR : Value.of(result);
    }

    /**
     * && and || once the left operand did not decide: numbers count as booleans; the right operand
     * decides, except that UNDEFINED && false is false and UNDEFINED || true is true.
     */
    private static Value logical(BinaryOperator operator, Value left, Value right) {
        Value l = asBoolean(left);
        Value r = asBoolean(right);
        if (!isLogical(l) || !isLogical(r)) {
            return Value.ERROR;
        }
        boolean or = operator == BinaryOperator.LOGICAL_OR;
        if (l instanceof Value.BooleanValue b) {
            if (b.value() == or) {
                return Value.of(or);
            }
            return r;
        }
        if (l instanceof Value.ErrorValue) {
            return Value.ERROR;
        }
        if (!(r instanceof Value.BooleanValue b)) {
            return r;
        }
        return b.value() == or ? Value.of(or) : Value.UNDEFINED;
    }

    private static Value asBoolean(Value value) {
        Boolean truth = Evaluator.booleanEquivalent(value);
        return truth == null ? value : Value.of(truth);
    }

    private static boolean isLogical(Value value) {
        return value instanceof Value.BooleanValue || value instanceof Value.UndefinedValue
                || value instanceof Value.ErrorValue;
    }

    /** Bitwise operators and shifts, on integers only, with C's behaviour on x86-64 for odd shift counts. */
    private static Value bitwise(BinaryOperator operator, Value left, Value right) {
        if (!(left instanceof Value.IntegerValue l) || !(right instanceof Value.IntegerValue r)) {
            return Value.ERROR;
        }
        long a = l.value();
        long b = r.value();
        return Value.of(switch (operator) {
            case BITWISE_OR -> a | b;
            case BITWISE_AND -> a & b;
            case BITWISE_XOR -> a ^ b;
            case LEFT_SHIFT -> a << b;
            case RIGHT_SHIFT -> a >= 0 ? a >> b : a >> Math.max(0, Math.min(b, 63));
            default -> a >= 0 ? a >> b : ((a >> 1) & Long.MAX_VALUE) >> (b - 1);
        });
    }

    private static boolean isNumeric(Value value) {
        return value instanceof Value.IntegerValue || value instanceof Value.RealValue
                || value instanceof Value.BooleanValue;
    }

    /** coerceToNumber: the type both operands are compared or computed in (booleans count as 0 and 1). */
    private static NumericType promote(Value left, Value right) {
        if (left instanceof Value.ClassAdValue || right instanceof Value.ClassAdValue) {
            return NumericType.AD;
        }
        if (left instanceof Value.ListValue || right instanceof Value.ListValue) {
            return NumericType.LIST;
        }
        if (left instanceof Value.StringValue || right instanceof Value.StringValue) {
            return NumericType.STRING;
        }
        if (left instanceof Value.UndefinedValue || right instanceof Value.UndefinedValue) {
            return NumericType.UNDEFINED;
        }
        if (left instanceof Value.ErrorValue || right instanceof Value.ErrorValue) {
            return NumericType.ERROR;
        }
        return left instanceof Value.RealValue || right instanceof Value.RealValue
                ? NumericType.REAL : NumericType.INTEGER;
    }

    private static long integer(Value value) {
        return value instanceof Value.BooleanValue b ? (b.value() ? 1 : 0) : ((Value.IntegerValue) value).value();
    }

    private static double real(Value value) {
        return value instanceof Value.RealValue r ? r.value() : integer(value);
    }
}
