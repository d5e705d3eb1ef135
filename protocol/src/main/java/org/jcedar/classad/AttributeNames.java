package org.jcedar.classad;

import java.util.Comparator;

/**
 * How HTCondor compares attribute names: case-insensitively in the ASCII letters only (strcasecmp in the C
 * locale), keeping whatever spelling the name was first given.
 */
public final class AttributeNames {
    /** strcasecmp order, as HTCondor's attribute sets (classad::References, e.g. a projection) sort. */
    public static final Comparator<String> CASE_INSENSITIVE_ORDER = (a, b) -> CStrings.compare(a, b, true);

    /**
     * The order in which HTCondor keeps the attributes of an ad (its ClassAdFlatMap): shorter names
     * (in bytes) first, names of equal length in strcasecmp order. HTCondor prints nested ads in this order.
     */
    public static final Comparator<String> HTCONDOR_AD_ORDER =
            Comparator.<String>comparingInt(name -> CStrings.utf8(name).length).thenComparing(CASE_INSENSITIVE_ORDER);

    private AttributeNames() {
    }

    /** The case-folded form under which a name is looked up. */
    public static String fold(String name) {
        return CStrings.toLowerAscii(name);
    }

    public static boolean equal(String a, String b) {
        return a.length() == b.length() && fold(a).equals(fold(b));
    }
}
