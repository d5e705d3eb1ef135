package org.jcedar.daemon;

import java.io.IOException;
import java.util.Objects;
import org.jcedar.config.ConfigException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A mock daemon for JUnit 5 tests. Registered on a static field it runs once for the test class; on an instance
 * field, once per test. Test methods (and lifecycle methods) may take the {@link MockDaemon} as a parameter.
 *
 * <pre>{@code
 * class MyClientTest {
 *     @RegisterExtension
 *     static final MockDaemonExtension MOCK = new MockDaemonExtension(MockDaemon.builder()
 *             .trustDomain("example.org")
 *             .set("ALLOW_READ", "*"));
 *
 *     @Test
 *     void fetchesAToken(MockDaemon daemon) {
 *         // connect to 127.0.0.1:daemon.port() ...
 *     }
 * }
 * }</pre>
 */
public final class MockDaemonExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {
    private final MockDaemonBuilder builder;
    private MockDaemon daemon;
    private boolean perClass;
    /** JUnit calls beforeAll again for each @Nested class: the daemon runs until the outermost afterAll. */
    private int classLevels;

    public MockDaemonExtension(MockDaemonBuilder builder) {
        this.builder = Objects.requireNonNull(builder);
    }

    /** The running daemon; only between start and stop. */
    public MockDaemon daemon() {
        if (daemon == null) {
            throw new IllegalStateException("the mock daemon is not running");
        }
        return daemon;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        if (classLevels++ == 0) {
            start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!perClass) {
            start();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classLevels == 0) {
            stop();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == MockDaemon.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (daemon == null) {
            throw new ParameterResolutionException("the mock daemon is not running here (register the extension"
                    + " on a static field to use it in @BeforeAll methods)");
        }
        return daemon;
    }

    private void start() {
        try {
            daemon = builder.start();
        } catch (IOException | ConfigException e) {
            throw new ExtensionConfigurationException("cannot start the mock daemon: " + e.getMessage(), e);
        }
    }

    private void stop() {
        if (daemon != null) {
            daemon.close();
            daemon = null;
        }
    }
}
