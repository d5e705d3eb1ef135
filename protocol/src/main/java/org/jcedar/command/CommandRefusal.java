package org.jcedar.command;

/**
 * A command whose payload a daemon refuses without an answer: it logs the reason and closes the connection, as
 * the real collector does with a query it cannot make sense of (10 §6.4).
 */
public final class CommandRefusal extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandRefusal(String reason) {
        super(reason);
    }
}
