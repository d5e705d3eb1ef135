package org.jcedar.classad;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes expressions as HTCondor's unparser does (sink.cpp ClassAdUnParser). The public methods write the
 * old syntax that goes on the wire and into ad files (SetOldClassAd(true, true)), so that printing what was
 * parsed gives back HTCondor's own text. The new syntax is what string() and strcat() turn values into.
 */
public final class ClassAdPrinter {
    /** Names the unparser quotes even though they look like identifiers (compared case-insensitively). */
    private static final Set<String> RESERVED_NAMES = Set.of("error", "false", "is", "isnt", "parent", "true", "undefined");

    private final boolean oldSyntax;
    private final StringBuilder out = new StringBuilder();

    private ClassAdPrinter(boolean oldSyntax) {
        this.oldSyntax = oldSyntax;
    }

    /** The expression in HTCondor's canonical old syntax. */
    public static String print(Expr expr) {
        ClassAdPrinter printer = new ClassAdPrinter(true);
        printer.expr(expr);
        return printer.out.toString();
    }

    /** A value as HTCondor prints it (a literal, a list or an ad). */
    public static String print(Value value) {
        return print(value.toExpr());
    }

    /** A wire or file entry: the name as given, " = ", the value in old syntax. */
    public static String entry(String name, Expr value) {
        return name + " = " + print(value);
    }

    /** The new-syntax text of an expression (ClassAdUnParser without old mode), as string() produces it. */
    static String printNewSyntax(Expr expr) {
        ClassAdPrinter printer = new ClassAdPrinter(false);
        printer.expr(expr);
        return printer.out.toString();
    }

    private void expr(Expr expr) {
        if (expr instanceof Expr.Literal literal) {
            literal(literal.value());
        } else if (expr instanceof Expr.AttributeReference reference) {
            reference(reference);
        } else if (expr instanceof Expr.Unary unary) {
            out.append(' ').append(unary.operator().symbol());
            expr(unary.operand());
        } else if (expr instanceof Expr.Binary binary) {
            expr(binary.left());
            out.append(' ').append(operator(binary.operator())).append(' ');
            expr(binary.right());
        } else if (expr instanceof Expr.Conditional conditional) {
            expr(conditional.condition());
            out.append(" ? ");
            expr(conditional.ifTrue());
            out.append(" : ");
            expr(conditional.ifFalse());
        } else if (expr instanceof Expr.Parenthesized parenthesized) {
            out.append('(');
            expr(parenthesized.inner());
            out.append(')');
        } else if (expr instanceof Expr.Subscript subscript) {
            expr(subscript.base());
            out.append('[');
            expr(subscript.index());
            out.append(']');
        } else if (expr instanceof Expr.FunctionCall call) {
            out.append(call.name()).append('(');
            separated(call.arguments(), ",");
            out.append(')');
        } else if (expr instanceof Expr.ListExpr list) {
            out.append("{ ");
            separated(list.elements(), ",");
            out.append(" }");
        } else {
            nestedAd((ClassAd) expr);
        }
    }

    private String operator(BinaryOperator operator) {
        if (!oldSyntax && operator == BinaryOperator.META_EQUAL) {
            return "is";
        }
        if (!oldSyntax && operator == BinaryOperator.META_NOT_EQUAL) {
            return "isnt";
        }
        return operator.symbol();
    }

    private void separated(List<Expr> exprs, String separator) {
        for (int i = 0; i < exprs.size(); i++) {
            if (i > 0) {
                out.append(separator);
            }
            expr(exprs.get(i));
        }
    }

    /** A nested ad lists its attributes in HTCondor's storage order, whatever order they were written in. */
    private void nestedAd(ClassAd ad) {
        List<Map.Entry<String, Expr>> entries = new ArrayList<>(ad.entries());
        entries.sort(Map.Entry.comparingByKey(AttributeNames.HTCONDOR_AD_ORDER));
        out.append("[ ");
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.append("; ");
            }
            name(entries.get(i).getKey());
            out.append(" = ");
            expr(entries.get(i).getValue());
        }
        out.append(" ]");
    }

    private void reference(Expr.AttributeReference reference) {
        if (reference.scope() != null) {
            expr(reference.scope());
            out.append('.').append(reference.name()); // HTCondor writes a selected name as is, never quoted
            return;
        }
        if (reference.absolute()) {
            out.append('.');
        }
        name(reference.name());
    }

    /** An attribute name, single-quoted when it is not a plain identifier or is a reserved word. */
    private void name(String name) {
        String escaped = escape(name, '\'');
        if (needsQuoting(escaped)) {
            out.append('\'').append(escaped).append('\'');
        } else {
            out.append(escaped);
        }
    }

    private static boolean needsQuoting(String name) {
        if (name.isEmpty() || !(CStrings.isAlpha(name.charAt(0)) || name.charAt(0) == '_')) {
            return true;
        }
        for (int i = 1; i < name.length(); i++) {
            if (!(CStrings.isAlnum(name.charAt(i)) || name.charAt(i) == '_')) {
                return true;
            }
        }
        return RESERVED_NAMES.contains(AttributeNames.fold(name));
    }

    private void literal(Value value) {
        if (value instanceof Value.IntegerValue i) {
            out.append(i.value());
        } else if (value instanceof Value.RealValue r) {
            out.append(oldSyntax ? RealFormat.oldSyntax(r.value()) : RealFormat.newSyntax(r.value()));
        } else if (value instanceof Value.StringValue s) {
            out.append('"').append(escape(s.value(), '"')).append('"');
        } else if (value instanceof Value.BooleanValue b) {
            out.append(b.value());
        } else if (value instanceof Value.UndefinedValue) {
            out.append("undefined");
        } else {
            out.append("error");
        }
    }

    /**
     * The body of a quoted string or name. The old syntax escapes only the delimiter; the new one also
     * writes control characters, backslashes and every byte outside printable ASCII as escapes.
     */
    private String escape(String text, char delimiter) {
        if (oldSyntax) {
            return text.replace(String.valueOf(delimiter), "\\" + delimiter);
        }
        StringBuilder escaped = new StringBuilder();
        for (byte b : CStrings.utf8(text)) {
            int c = b & 0xFF;
            if (c == delimiter) {
                escaped.append('\\').append(delimiter);
            } else if (c == '\\') {
                escaped.append("\\\\");
            } else if (c >= 0x20 && c < 0x7F) {
                escaped.append((char) c);
            } else {
                escaped.append(controlEscape(c));
            }
        }
        return escaped.toString();
    }

    private static String controlEscape(int c) {
        return switch (c) {
            case 0x07 -> "\\a";
            case '\b' -> "\\b";
            case '\f' -> "\\f";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            case 0x0B -> "\\v";
            default -> String.format("\\%03o", c);
        };
    }
}
