package org.jcedar.client;

import java.nio.file.Path;
import org.jcedar.keys.ProcessIdentity;

/**
 * Who the client runs as, which decides where its tokens are, what name CLAIMTOBE claims and which address files
 * it reads (root reads the super-user ones).
 *
 * @param uid      the real uid
 * @param userName the user's login name
 * @param home     the home directory ({@code $HOME/.condor/tokens.d})
 * @param pid      this process, which the security ad names
 */
public record ClientProcess(long uid, String userName, Path home, long pid) {

    public static ClientProcess current() {
        return new ClientProcess(ProcessIdentity.realUid(), System.getProperty("user.name"),
                Path.of(System.getProperty("user.home")), ProcessHandle.current().pid());
    }

    /** HTCondor lets root switch uids, which changes where it looks for tokens and addresses (30 §4.2). */
    public boolean isRoot() {
        return uid == 0;
    }
}
