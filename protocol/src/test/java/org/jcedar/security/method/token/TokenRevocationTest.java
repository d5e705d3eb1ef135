package org.jcedar.security.method.token;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.jcedar.keys.UnverifiedToken;
import org.junit.jupiter.api.Test;

/**
 * SEC_TOKEN_REVOCATION_EXPR over the claims of the tokens of 30 §1.6 (vector A: alice, READ and WRITE, with
 * exp; vector B: bob, no scope, no exp), with the behaviour 30 §2.5 observed on a real daemon: a token lacking the
 * claim an expression compares with == is revoked, with =?= it is not.
 */
class TokenRevocationTest {
    private static final String VECTOR_A = "eyJhbGciOiJIUzI1NiIsImtpZCI6IlZFQ0tFWSJ9.eyJleHAiOjE3OTU4MjU0OTIsImlhdCI6MTc5NTgy"
            + "MTg5MiwiaXNzIjoidmVjdG9yLmV4YW1wbGUiLCJqdGkiOiI1ZmYxOTgwMDJjODdiYTU2YzFmOGIyZjFjZGQyODcyMiIsInNjb3BlIjoi"
            + "Y29uZG9yOlwvUkVBRCBjb25kb3I6XC9XUklURSIsInN1YiI6ImFsaWNlQHZlY3Rvci5leGFtcGxlIn0.jV0NMj3PYYX3fZWWfg-kYn5D"
            + "zXWXqV1q4prWBoNGlCI";
    private static final String VECTOR_B = "eyJhbGciOiJIUzI1NiIsImtpZCI6IlBPT0wifQ.eyJpYXQiOjE3OTU4MjE4OTIsImlzcyI6InZlY3Rvci5leGFt"
            + "cGxlIiwianRpIjoiOTdjN2E2NjhiODZmNjhhNDU1YWVjNjg5MmRiOTdlZTgiLCJzdWIiOiJib2JAdmVjdG9yLmV4YW1wbGUifQ.2vIEfc"
            + "yUS0FXVYvD7QWPoXtJEpxCB6-9Mn7ceCDc27U";

    @Test
    void aTrueExpressionRevokes() throws Exception {
        assertTrue(revokes("sub == \"alice@vector.example\"", VECTOR_A));
        assertFalse(revokes("sub == \"alice@vector.example\"", VECTOR_B));
        assertTrue(revokes("exp > 1795825000 && iat < 1795825000", VECTOR_A));
    }

    @Test
    void anExpressionThatIsNeitherTrueNorFalseRevokes() throws Exception {
        assertTrue(revokes("scope == \"condor:/NOPE\"", VECTOR_B), "no scope: UNDEFINED");
        assertFalse(revokes("scope =?= \"condor:/NOPE\"", VECTOR_B));
        assertFalse(revokes("scope == \"condor:/NOPE\"", VECTOR_A));
        assertTrue(revokes("\"a string\"", VECTOR_A));
    }

    @Test
    void anUnparsableOrAbsentExpressionRevokesNothing() throws Exception {
        assertFalse(revokes("((sub ==", VECTOR_A));
        assertFalse(TokenRevocation.of(Optional.empty()).revokes(claims(VECTOR_A)));
        assertFalse(revokes("   ", VECTOR_A));
    }

    private static boolean revokes(String expression, String token) throws Exception {
        return TokenRevocation.of(Optional.of(expression)).revokes(claims(token));
    }

    private static Map<String, Object> claims(String token) throws Exception {
        return UnverifiedToken.parse(token).claims();
    }
}
