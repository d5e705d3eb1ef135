package org.jcedar.it.real;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs each {@link RealHtcondorTest} method once per {@link HtcondorSeries}, always both invocations, so that
 * the reports show a skip (or, with {@code JCEDAR_REQUIRE_INTEROP=1}, a failure) for a missing installation
 * instead of silently fewer tests.
 */
final class RealHtcondorExtension implements TestTemplateInvocationContextProvider {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RealHtcondorExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return AnnotationSupport.isAnnotated(context.getTestMethod(), RealHtcondorTest.class);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        boolean takesInstallation = Stream.of(context.getRequiredTestMethod().getParameterTypes())
                .anyMatch(type -> type == RealHtcondor.class);
        if (!takesInstallation) {
            // .ci/InteropReport.java recognises interop runs in the reports by this parameter.
            throw new ExtensionConfigurationException("@RealHtcondorTest method "
                    + context.getRequiredTestMethod().getName() + " must take a RealHtcondor parameter");
        }
        // The test template's parent is the test class: pools shared there live until the class is done.
        ExtensionContext classContext = context.getParent().orElseThrow();
        SharedPools sharedPools = classContext.getStore(NAMESPACE)
                .computeIfAbsent(SharedPools.class, key -> new SharedPools(), SharedPools.class);
        return Stream.of(HtcondorSeries.values()).map(series -> new SeriesInvocation(series, sharedPools));
    }

    /** One run of the test method against one series; locates the installation before the test starts. */
    private static final class SeriesInvocation implements TestTemplateInvocationContext, BeforeEachCallback,
            ParameterResolver {

        private final HtcondorSeries series;
        private final SharedPools sharedPools;
        private RealHtcondor htcondor;

        SeriesInvocation(HtcondorSeries series, SharedPools sharedPools) {
            this.series = series;
            this.sharedPools = sharedPools;
        }

        /** "real HTCondor 23.x" in IDEs and console reports. */
        @Override
        public String getDisplayName(int invocationIndex) {
            return "real HTCondor " + series.label();
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(this);
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            var chroot = InteropEnvironment.chroot(series);
            if (chroot.isEmpty()) {
                String message = "real HTCondor " + series.label() + " not configured: set " + series.chrootVariable()
                        + " to a chroot made by provision.sh " + series.debianSuite() + " (README.md, \"Interop tests\")";
                if (InteropEnvironment.interopRequired()) {
                    throw new IllegalStateException(message + "; " + InteropEnvironment.REQUIRE_INTEROP
                            + "=1 forbids skipping");
                }
                Assumptions.abort(message);
            }
            htcondor = RealHtcondor.locate(series, chroot.get(),
                    new PoolScripts(InteropEnvironment.scriptsDirectory()), sharedPools);
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == RealHtcondor.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return htcondor;
        }
    }
}
