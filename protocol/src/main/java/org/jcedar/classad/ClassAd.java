package org.jcedar.classad;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable ClassAd: attribute names mapped to expressions. Names are looked up case-insensitively but
 * keep the spelling they were first given; attributes keep their insertion order (a read ad writes back in
 * the order it arrived). As an {@link Expr} it is the nested-ad literal {@code [ a = 1; b = 2 ]}.
 * Equality compares the attributes (spelling included) and ignores their order.
 */
public final class ClassAd implements Expr {
    private static final ClassAd EMPTY = new ClassAd(List.of(), List.of());

    private final List<String> names;
    private final List<Expr> values;
    private final Map<String, Integer> indexByFoldedName;

    private ClassAd(List<String> names, List<Expr> values) {
        this.names = List.copyOf(names);
        this.values = List.copyOf(values);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            index.put(AttributeNames.fold(names.get(i)), i);
        }
        this.indexByFoldedName = index;
    }

    public static ClassAd empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        for (int i = 0; i < names.size(); i++) {
            builder.set(names.get(i), values.get(i));
        }
        return builder;
    }

    public int size() {
        return names.size();
    }

    public boolean contains(String name) {
        return indexByFoldedName.containsKey(AttributeNames.fold(name));
    }

    /** The attribute's expression, unevaluated. */
    public Optional<Expr> lookup(String name) {
        return Optional.ofNullable(lookupFolded(AttributeNames.fold(name)));
    }

    /** The expression of the attribute whose case-folded name is given, or null. */
    Expr lookupFolded(String foldedName) {
        Integer index = indexByFoldedName.get(foldedName);
        return index == null ? null : values.get(index);
    }

    /** The attribute names in their original spelling and insertion order. */
    public List<String> names() {
        return names;
    }

    /** The attributes in insertion order. */
    public List<Map.Entry<String, Expr>> entries() {
        List<Map.Entry<String, Expr>> entries = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            entries.add(Map.entry(names.get(i), values.get(i)));
        }
        return Collections.unmodifiableList(entries);
    }

    /** The attribute evaluated in this ad (no target ad), e.g. UNDEFINED when absent. */
    public Value evaluate(String name) {
        return Evaluator.evaluateAttribute(this, name, null);
    }

    /** The attribute's value when it evaluates to a string. */
    public Optional<String> getString(String name) {
        return evaluate(name) instanceof Value.StringValue s ? Optional.of(s.value()) : Optional.empty();
    }

    /** The attribute's value when it evaluates to an integer. */
    public Optional<Long> getInteger(String name) {
        return evaluate(name) instanceof Value.IntegerValue i ? Optional.of(i.value()) : Optional.empty();
    }

    /** The attribute's value when it evaluates to a boolean. */
    public Optional<Boolean> getBoolean(String name) {
        return evaluate(name) instanceof Value.BooleanValue b ? Optional.of(b.value()) : Optional.empty();
    }

    public ClassAd with(String name, Expr value) {
        return toBuilder().set(name, value).build();
    }

    public ClassAd with(String name, String value) {
        return with(name, Expr.literal(value));
    }

    public ClassAd with(String name, long value) {
        return with(name, Expr.literal(value));
    }

    public ClassAd with(String name, boolean value) {
        return with(name, Expr.literal(value));
    }

    public ClassAd without(String name) {
        return contains(name) ? toBuilder().remove(name).build() : this;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof ClassAd ad) || ad.size() != size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            Integer j = ad.indexByFoldedName.get(AttributeNames.fold(names.get(i)));
            if (j == null || !ad.names.get(j).equals(names.get(i)) || !ad.values.get(j).equals(values.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (int i = 0; i < names.size(); i++) {
            hash += names.get(i).hashCode() ^ values.get(i).hashCode();
        }
        return hash;
    }

    @Override
    public String toString() {
        return ClassAdPrinter.print(this);
    }

    /**
     * Collects attributes for a new ad. Setting a name that is already present (in any case) replaces its
     * value but keeps its position and first spelling, as HTCondor's ad keeps one entry per name.
     */
    public static final class Builder {
        private final Map<String, Map.Entry<String, Expr>> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder set(String name, Expr value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("an attribute name cannot be empty");
            }
            attributes.merge(AttributeNames.fold(name), Map.entry(name, value),
                    (old, replacement) -> Map.entry(old.getKey(), value));
            return this;
        }

        public Builder set(String name, String value) {
            return set(name, Expr.literal(value));
        }

        public Builder set(String name, long value) {
            return set(name, Expr.literal(value));
        }

        public Builder set(String name, boolean value) {
            return set(name, Expr.literal(value));
        }

        public Builder remove(String name) {
            attributes.remove(AttributeNames.fold(name));
            return this;
        }

        public boolean contains(String name) {
            return attributes.containsKey(AttributeNames.fold(name));
        }

        public ClassAd build() {
            if (attributes.isEmpty()) {
                return EMPTY;
            }
            List<String> names = new ArrayList<>(attributes.size());
            List<Expr> values = new ArrayList<>(attributes.size());
            for (Map.Entry<String, Expr> attribute : attributes.values()) {
                names.add(attribute.getKey());
                values.add(attribute.getValue());
            }
            return new ClassAd(names, values);
        }
    }
}
