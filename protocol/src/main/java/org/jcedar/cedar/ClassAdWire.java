package org.jcedar.cedar;

import java.util.Collection;
import java.util.Map;
import org.jcedar.classad.AttributeNames;
import org.jcedar.classad.ClassAd;
import org.jcedar.classad.ClassAdParser;
import org.jcedar.classad.ClassAdPrinter;
import org.jcedar.classad.ClassAdSyntaxException;
import org.jcedar.classad.Expr;
import org.jcedar.classad.Projection;

/**
 * A ClassAd inside a CEDAR message (10 §3.1, putClassAd / getClassAd): the number of entries, one string
 * {@code Name = expression} per attribute in old syntax, then the two legacy type strings (sent empty).
 * Entries are written in the ad's order, so an ad read from the wire writes back to the same bytes.
 *
 * <p>Private attributes ({@link #isPrivate}) are written like any other: a caller that must not reveal
 * them on a plaintext channel leaves them out of the ad, as HTCondor's PUT_CLASSAD_NO_PRIVATE does. We
 * never write the {@code ZKM} secret marker, which needs a legacy cipher; we read it.
 */
public final class ClassAdWire {
    /** HTCondor 25's limit on the entry count (23.x has none). */
    public static final int MAX_ENTRIES = 1_000_000;
    /** The marker before an entry sent with put_secret. */
    static final String SECRET_MARKER = "ZKM";

    private ClassAdWire() {
    }

    public static void write(MessageWriter writer, ClassAd ad) {
        writer.putInt(ad.size());
        for (Map.Entry<String, Expr> entry : ad.entries()) {
            writer.putString(ClassAdPrinter.entry(entry.getKey(), entry.getValue()));
        }
        writeTrailer(writer);
    }

    /**
     * Only the projected attributes, as HTCondor answers a query with a projection: those of the listed
     * attributes that exist, together with the attributes their expressions refer to in the same ad,
     * sorted case-insensitively and named as the projection (or the referring expression) spells them.
     */
    public static void write(MessageWriter writer, ClassAd ad, Collection<String> projection) {
        Collection<String> names = Projection.expand(ad, projection);
        writer.putInt(names.size());
        for (String name : names) {
            writer.putString(ClassAdPrinter.entry(name, ad.lookup(name).orElseThrow()));
        }
        writeTrailer(writer);
    }

    private static void writeTrailer(MessageWriter writer) {
        writer.putString(""); // MyType slot
        writer.putString(""); // TargetType slot
    }

    /**
     * Reads an ad. A name sent twice keeps its first position and takes the later value. Fails with the
     * offset of the offending field on a bad count, a truncated message, a null string, or an entry that
     * is not {@code Name = expression}.
     */
    public static ClassAd read(MessageReader reader) throws CedarException {
        int countOffset = reader.position();
        long count = reader.getInt();
        // Each entry and both trailer strings take at least one byte (a length and a byte when encrypted).
        long smallestString = reader.encrypted() ? 9 : 1;
        if (count < 0 || count > MAX_ENTRIES) {
            throw new CedarException("invalid ClassAd entry count " + count, countOffset);
        }
        if ((count + 2) * smallestString > reader.remaining()) {
            throw new CedarException("ClassAd entry count " + count + " exceeds what the " + reader.remaining()
                    + " remaining bytes can hold", countOffset);
        }
        ClassAd.Builder builder = ClassAd.builder();
        for (long i = 0; i < count; i++) {
            int offset = reader.position();
            String line = reader.getNullableString();
            if (SECRET_MARKER.equals(line)) {
                offset = reader.position();
                line = reader.getNullableString();
            }
            if (line == null) {
                throw new CedarException("ClassAd entry is a null string", offset);
            }
            try {
                Map.Entry<String, Expr> entry = ClassAdParser.parseEntry(line);
                builder.set(entry.getKey(), entry.getValue());
            } catch (ClassAdSyntaxException e) {
                throw new CedarException("invalid ClassAd entry: " + e.getMessage(), offset, e);
            }
        }
        reader.getString();
        reader.getString();
        return builder.build();
    }

    /**
     * HTCondor's private attributes: Capability, ChildClaimIds, ClaimId, ClaimIdList, ClaimIds, TransferKey
     * and any name starting with _condor_priv (all case-insensitive).
     */
    public static boolean isPrivate(String name) {
        String folded = AttributeNames.fold(name);
        return folded.startsWith("_condor_priv") || switch (folded) {
            case "capability", "childclaimids", "claimid", "claimidlist", "claimids", "transferkey" -> true;
            default -> false;
        };
    }
}
