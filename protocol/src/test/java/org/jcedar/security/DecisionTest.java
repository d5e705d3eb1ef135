package org.jcedar.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DecisionTest {

    /** 20 §4.3, rows client, columns server: REQUIRED, PREFERRED, OPTIONAL, NEVER. */
    @Test
    void reconciliationTable() {
        Requirement[] order = {Requirement.REQUIRED, Requirement.PREFERRED, Requirement.OPTIONAL, Requirement.NEVER};
        String[] expected = {
            "YES YES YES FAIL",
            "YES YES YES NO",
            "YES YES NO NO",
            "FAIL NO NO NO",
        };
        for (int c = 0; c < 4; c++) {
            StringBuilder row = new StringBuilder();
            for (int s = 0; s < 4; s++) {
                row.append(s == 0 ? "" : " ").append(Decision.reconcile(order[c], order[s]));
            }
            assertEquals(expected[c], row.toString(), "client " + order[c]);
        }
    }

    @Test
    void wordsAreReadByTheirFirstLetter() {
        assertEquals(Requirement.REQUIRED, Requirement.parse("yes").orElseThrow());
        assertEquals(Requirement.REQUIRED, Requirement.parse("True").orElseThrow());
        assertEquals(Requirement.NEVER, Requirement.parse("false").orElseThrow());
        assertEquals(Requirement.OPTIONAL, Requirement.parse(" optional").orElseThrow());
        assertEquals(true, Requirement.parse("maybe").isEmpty());
        assertEquals(Decision.FAIL, Decision.parse("FAIL").orElseThrow());
    }
}
