package org.jcedar.it.real;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An interop test: the method runs once against real HTCondor 23.x and once against 25.x, and receives the
 * installation as a {@link RealHtcondor} parameter.
 *
 * <pre>{@code
 * @RealHtcondorTest
 * void schedd_is_listed(RealHtcondor htcondor) {
 *     RealPool pool = htcondor.sharedPool(PoolOptions.defaults());
 *     ExecResult status = pool.exec(RealPool.UNPRIVILEGED_USER, "condor_status", "-schedd");
 *     ...
 * }
 * }</pre>
 *
 * <p>Where an installation's variable ({@code JCEDAR_HTCONDOR_23}, {@code JCEDAR_HTCONDOR_25}) is unset, that
 * run is skipped with a message naming the variable - or fails, when {@code JCEDAR_REQUIRE_INTEROP=1}. A set
 * variable that does not lead to a usable installation always fails. {@code .ci/run} counts the methods that
 * carry this annotation: keep it on its own line.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@TestTemplate
@ExtendWith(RealHtcondorExtension.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public @interface RealHtcondorTest {
}
