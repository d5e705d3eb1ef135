package org.jcedar.security;

/**
 * Who the server believes the client is: HTCondor's fully qualified user string, compared as a whole against
 * ALLOW/DENY lists and written as a token's {@code sub}. It is "mapped" unless its domain (after the last
 * {@code @}, as current HTCondor splits) is {@code unmapped}; a bare name such as CLAIMTOBE's {@code condor} on
 * 23.x counts as mapped (20 §14.2).
 */
public record PeerIdentity(String fullyQualifiedUser) {
    public static final PeerIdentity UNAUTHENTICATED = new PeerIdentity("unauthenticated@unmapped");

    public boolean isMapped() {
        if (fullyQualifiedUser.isEmpty()) {
            return false;
        }
        int at = fullyQualifiedUser.lastIndexOf('@');
        return at < 0 || !fullyQualifiedUser.substring(at + 1).equals("unmapped");
    }
}
