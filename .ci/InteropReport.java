import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Checks the surefire and failsafe reports of a build for the interop tests (methods annotated with
 * {@code @RealHtcondorTest}, which run once per real HTCondor series): fails when any of their runs was
 * skipped, failed or is missing, or when fewer passed than expected.
 *
 * <p>Usage: {@code java .ci/InteropReport.java REPOSITORY_ROOT EXPECTED_RUNS}. Run by .ci/run; a single-file
 * program so that CI needs nothing but the JDK that builds the project.
 */
public class InteropReport {

    /**
     * How surefire names a test-template run: {@code method(RealHtcondor, Path)[2]}; with phrased names it
     * shows the invocation's display name, "real HTCondor 25.x".
     */
    private static final Pattern INTEROP_RUN = Pattern.compile(
            ".*\\((?:.*, )?RealHtcondor(?:, .*)?\\)\\[\\d+\\]$|.*real HTCondor \\d+\\.x.*");

    private record Run(String name, String outcome, String detail) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java InteropReport.java REPOSITORY_ROOT EXPECTED_RUNS");
            System.exit(2);
        }
        Path root = Path.of(args[0]);
        int expected = Integer.parseInt(args[1]);
        List<Path> reports = reports(root);
        List<Run> runs = new ArrayList<>();
        for (Path report : reports) {
            runs.addAll(interopRuns(report));
        }
        long passed = runs.stream().filter(run -> run.outcome().equals("passed")).count();
        List<Run> bad = runs.stream().filter(run -> !run.outcome().equals("passed")).toList();
        for (Run run : bad) {
            System.out.println("interop " + run.outcome() + ": " + run.name() + (run.detail().isEmpty() ? "" : "\n    " + run.detail()));
        }
        System.out.printf("interop runs: %d passed, %d not passed, %d expected (from %d report files)%n",
                passed, bad.size(), expected, reports.size());
        if (!bad.isEmpty() || passed < expected) {
            System.out.println(passed < expected
                    ? "FAIL: fewer interop runs passed than expected - were interop tests skipped, removed or not run?"
                    : "FAIL: every interop run must pass against real HTCondor");
            System.exit(1);
        }
    }

    private static List<Path> reports(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.getFileName().toString().matches("TEST-.*\\.xml"))
                    .filter(file -> file.getParent().getFileName().toString().matches("(surefire|failsafe)-reports"))
                    .filter(file -> file.getParent().getParent().getFileName().toString().equals("target"))
                    .sorted()
                    .toList();
        }
    }

    private static List<Run> interopRuns(Path report) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        DocumentBuilder builder = factory.newDocumentBuilder();
        NodeList testcases = builder.parse(report.toFile()).getElementsByTagName("testcase");
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < testcases.getLength(); i++) {
            Element testcase = (Element) testcases.item(i);
            String name = testcase.getAttribute("classname") + "." + testcase.getAttribute("name");
            if (INTEROP_RUN.matcher(testcase.getAttribute("name")).matches()) {
                runs.add(new Run(name, outcome(testcase), detail(testcase)));
            }
        }
        return runs;
    }

    private static String outcome(Element testcase) {
        for (String outcome : List.of("skipped", "failure", "error")) {
            if (testcase.getElementsByTagName(outcome).getLength() > 0) {
                return outcome;
            }
        }
        return "passed";
    }

    /** The first line of the skip or failure message. */
    private static String detail(Element testcase) {
        for (String outcome : List.of("skipped", "failure", "error")) {
            NodeList elements = testcase.getElementsByTagName(outcome);
            if (elements.getLength() > 0) {
                Element element = (Element) elements.item(0);
                String text = element.hasAttribute("message") ? element.getAttribute("message") : element.getTextContent();
                return text.strip().lines().findFirst().orElse("");
            }
        }
        return "";
    }
}
