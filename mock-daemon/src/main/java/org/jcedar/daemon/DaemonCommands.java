package org.jcedar.daemon;

import java.util.List;
import org.jcedar.command.CommandNumbers;
import org.jcedar.command.CommandRegistration;
import org.jcedar.command.CommandTable;
import org.jcedar.security.Permission;

/** The commands the mock daemon serves, registered at the levels real HTCondor daemons use (20 §13.2). */
final class DaemonCommands {

    private DaemonCommands() {
    }

    static CommandTable table() {
        CommandTable t = new CommandTable();
        t.register(CommandRegistration.of(CommandNumbers.DC_NOP, "DC_NOP", Permission.ALLOW));
        t.register(CommandRegistration.of(CommandNumbers.DC_NOP_READ, "DC_NOP_READ", Permission.READ));
        t.register(CommandRegistration.of(CommandNumbers.DC_NOP_WRITE, "DC_NOP_WRITE", Permission.WRITE));
        t.register(CommandRegistration.of(CommandNumbers.DC_NOP_NEGOTIATOR, "DC_NOP_NEGOTIATOR", Permission.NEGOTIATOR));
        t.register(CommandRegistration.of(CommandNumbers.DC_NOP_ADMINISTRATOR, "DC_NOP_ADMINISTRATOR",
                Permission.ADMINISTRATOR));
        t.register(CommandRegistration.of(CommandNumbers.DC_NOP_OWNER, "DC_NOP_OWNER", Permission.ADMINISTRATOR));
        t.register(CommandRegistration.of(CommandNumbers.DC_NOP_CONFIG, "DC_NOP_CONFIG", Permission.CONFIG));
        t.register(CommandRegistration.of(CommandNumbers.DC_NOP_DAEMON, "DC_NOP_DAEMON", Permission.DAEMON));
        t.register(CommandRegistration.of(CommandNumbers.DC_NOP_ADVERTISE_STARTD, "DC_NOP_ADVERTISE_STARTD",
                Permission.ADVERTISE_STARTD));
        t.register(CommandRegistration.of(CommandNumbers.DC_NOP_ADVERTISE_SCHEDD, "DC_NOP_ADVERTISE_SCHEDD",
                Permission.ADVERTISE_SCHEDD));
        t.register(CommandRegistration.of(CommandNumbers.DC_NOP_ADVERTISE_MASTER, "DC_NOP_ADVERTISE_MASTER",
                Permission.ADVERTISE_MASTER));
        t.register(new CommandRegistration(CommandNumbers.DC_GET_SESSION_TOKEN, "DC_GET_SESSION_TOKEN",
                Permission.DAEMON, List.of(Permission.ALLOW), false));
        return t;
    }
}
