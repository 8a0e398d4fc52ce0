package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code hpsearch report} on a real local search whose hyperparameters include a hostile name, on the original
 * tool's table, and where it cannot write.
 */
class ReportCliTest {
    /** A name that breaks a page that does not escape it. */
    private static final String HOSTILE = "<script>&\"'";
    private static final List<String> SECTIONS = List.of("summary", "history", "parallel", "importance", "dependence",
            "interaction", "choice");

    @TempDir
    static Path shared;
    private static Path searchDir;

    @TempDir
    Path dir;

    /** A real random search, run once for all tests: the loss depends on a and on the hostile-named input. */
    private static synchronized Path search() throws Exception {
        if (searchDir != null) {
            return searchDir;
        }
        searchDir = AnalysisInputs.randomSearch(shared, 24, 5, "{\"a\": {\"type\": \"continuous\", \"domain\": [0, 1],"
                + " \"transformation\": \"linear\"}, \"<script>&\\\"'\": {\"type\": \"continuous\", \"domain\": [0.01, 10],"
                + " \"transformation\": \"log\"}, \"kind\": {\"type\": \"categorical\", \"domain\": [\"x\", \"y\"]}}",
                "import json",
                "p = json.load(open('input.json'))",
                "h = p['<script>&\"\\'']",
                "loss = 3 * p['a'] + 2 * p['a'] * h + (0.5 if p['kind'] == 'y' else 0.0)",
                "json.dump({'objective': loss, 'cost': 2 * h}, open('output.json', 'w'))");
        return searchDir;
    }

    /** Parses the page as XML: it must be well-formed. */
    private static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> all(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element section(Document doc, String id) {
        return all(doc, "section").stream().filter(s -> s.getAttribute("id").equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no section " + id));
    }

    /** Nothing on the page is loaded from anywhere: no script, no link, no source, no address. */
    private static void assertSelfContained(String html, Document doc) {
        assertThat(html).doesNotContain("http://").doesNotContain("https://").doesNotContain("url(")
                .doesNotContain("@import");
        assertThat(all(doc, "script")).isEmpty();
        assertThat(all(doc, "link")).isEmpty();
        assertThat(all(doc, "img")).isEmpty();
        NodeList everything = doc.getElementsByTagName("*");
        for (int i = 0; i < everything.getLength(); i++) {
            NamedNodeMap attrs = everything.item(i).getAttributes();
            for (int k = 0; k < attrs.getLength(); k++) {
                Node a = attrs.item(k);
                assertThat(a.getNodeName()).as("attribute on <%s>", everything.item(i).getNodeName())
                        .isNotIn("src", "href", "xlink:href").doesNotStartWith("on");
            }
        }
    }

    @Test
    void aRealSearchGivesOneWellFormedSelfContainedPageWithEverySectionAndItsPlots() throws Exception {
        Path search = search();

        Cli r = Cli.run("report", search.toString());

        assertThat(r.status).as(r.err).isZero();
        Path page = search.resolve("report.html");
        assertThat(r.out).contains(page.toAbsolutePath().toString());
        String html = Files.readString(page);
        // kept for a look, as the desktop tests keep their screenshots
        Files.createDirectories(Path.of("target"));
        Files.copy(page, Path.of("target", "report-sample.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(html).startsWith("<!DOCTYPE html>");
        Document doc = parse(html);
        assertSelfContained(html, doc);
        for (String id : SECTIONS) {
            assertThat(section(doc, id).getElementsByTagName("h2").getLength()).as(id).isEqualTo(1);
        }
        for (String id : List.of("history", "parallel", "importance", "dependence", "interaction")) {
            Element s = section(doc, id);
            assertThat(s.getElementsByTagName("svg").getLength()).as(id).isGreaterThanOrEqualTo(1);
            assertThat(s.getElementsByTagName("text").getLength()).as(id).isGreaterThan(3);
        }
        // the plots' own marks: dots of the history, bands of the contour, lines of parallel coordinates
        assertThat(section(doc, "history").getElementsByTagName("circle").getLength()).isEqualTo(24);
        assertThat(section(doc, "interaction").getElementsByTagName("rect").getLength()).isGreaterThan(50);
        assertThat(section(doc, "parallel").getElementsByTagName("path").getLength()).isGreaterThanOrEqualTo(1);
        String summary = section(doc, "summary").getTextContent();
        assertThat(summary).contains("random").contains("24 ok").contains("local").contains("search_config.json")
                .contains("hpsearch ");
        String importance = section(doc, "importance").getTextContent();
        assertThat(importance).contains("leave-one-out R²").contains("95 %");
        // the loss hangs on a and the hostile-named input together, little on kind: last in the importance table
        NodeList rows = section(doc, "importance").getElementsByTagName("tr");
        assertThat(rows.getLength()).isEqualTo(4);
        assertThat(((Element) rows.item(3)).getElementsByTagName("td").item(0).getTextContent()).isEqualTo("kind");
        String choice = section(doc, "choice").getTextContent();
        assertThat(choice).contains("Noise:").contains("P(best)").contains("Proposed:").contains("Optimism:")
                .contains("untouched test data").contains("Ensemble");
        // partial dependence of the categorical input as levels
        assertThat(section(doc, "dependence").getTextContent()).contains("kind");
    }

    @Test
    void aHostileHyperparameterNameIsEscapedEverywhere() throws Exception {
        Path out = dir.resolve("hostile.html");

        Cli r = Cli.run("report", search().toString(), "--out", out.toString());

        assertThat(r.status).as(r.err).isZero();
        String html = Files.readString(out);
        assertThat(html).doesNotContain(HOSTILE).doesNotContain("<script").contains("&lt;script&gt;&amp;&quot;&#39;");
        Document doc = parse(html);
        assertSelfContained(html, doc);
        assertThat(all(doc, "script")).isEmpty();
        // and it reads back as the name itself, in the tables and in the plots
        assertThat(section(doc, "importance").getTextContent()).contains(HOSTILE);
        assertThat(all(doc, "text").stream().map(Node::getTextContent).anyMatch(t -> t.contains(HOSTILE))).isTrue();
    }

    @Test
    void aMetricIsAResponseOfItsOwnAndAnUnknownOneIsAClearError() throws Exception {
        Path out = dir.resolve("cost.html");
        Cli r = Cli.run("report", search().toString(), "--metric", "cost", "--out", out.toString());
        assertThat(r.status).as(r.err).isZero();
        assertThat(parse(Files.readString(out)).getElementsByTagName("h2").getLength()).isEqualTo(SECTIONS.size());
        assertThat(Files.readString(out)).contains("Sobol indices of cost");

        Cli bad = Cli.run("report", search().toString(), "--metric", "nope", "--out", dir.resolve("x.html").toString());
        assertThat(bad.status).isEqualTo(2);
        assertThat(bad.err).startsWith("error: --metric: ").contains("cost").doesNotContain("Exception");
        assertThat(dir.resolve("x.html")).doesNotExist();
    }

    @Test
    void aSearchStillRunningIsReportedOnWhatHasFinished() throws Exception {
        // the journal of a search caught mid-way: its last eight results and its end not yet written
        Path running = dir.resolve("hp_search_0");
        Files.createDirectories(running);
        for (String f : List.of("search_config.json", "job_config.json", "model_config.json", "search.json")) {
            Files.copy(search().resolve(f), running.resolve(f));
        }
        List<String> journal = Files.readAllLines(search().resolve("journal.jsonl"));
        List<String> kept = new ArrayList<>();
        int finishes = (int) journal.stream().filter(l -> l.contains("\"event\":\"finish\"")).count();
        int seen = 0;
        for (String line : journal) {
            boolean finish = line.contains("\"event\":\"finish\"");
            seen += finish ? 1 : 0;
            if (!line.contains("\"event\":\"end\"") && !(finish && seen > finishes - 8)) {
                kept.add(line);
            }
        }
        Files.write(running.resolve("journal.jsonl"), kept);

        Cli r = Cli.run("report", running.toString());

        assertThat(r.status).as(r.err).isZero();
        Document doc = parse(Files.readString(running.resolve("report.html")));
        String summary = section(doc, "summary").getTextContent();
        assertThat(summary).contains("not ended").contains("16 ok").contains("8 running");
        assertThat(section(doc, "history").getElementsByTagName("circle").getLength()).isEqualTo(16);
        assertThat(section(doc, "importance").getElementsByTagName("svg").getLength()).isEqualTo(1);
    }

    @Test
    void readsTheOriginalToolsTable() throws Exception {
        Path file = AnalysisInputs.originalToolsTable(dir, 30);

        Cli r = Cli.run("report", file.toString());

        assertThat(r.status).as(r.err).isZero();
        String html = Files.readString(dir.resolve("report.html"));
        Document doc = parse(html);
        assertSelfContained(html, doc);
        for (String id : SECTIONS) {
            section(doc, id);
        }
        assertThat(section(doc, "summary").getTextContent()).contains("hp_search_data.txt").contains("30 (30 with a loss");
        assertThat(section(doc, "interaction").getElementsByTagName("svg").getLength()).isEqualTo(1);
        assertThat(section(doc, "history").getElementsByTagName("circle").getLength()).isEqualTo(30);
    }

    @Test
    void anUnwritableOutIsAClearErrorAndNonZero() throws Exception {
        Path locked = dir.resolve("locked");
        Files.createDirectories(locked);
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Path out = locked.resolve("report.html");
            Cli r = Cli.run("report", search().toString(), "--out", out.toString());
            // root may write anywhere: then the file is written, and the case of a missing folder below still holds
            if (!Files.isWritable(locked)) {
                assertThat(r.status).isEqualTo(1);
                assertThat(r.err).startsWith("error: cannot write the report to " + out).doesNotContain("Exception:");
                assertThat(out).doesNotExist();
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path missing = dir.resolve("no/such/folder/report.html");
        Cli r = Cli.run("report", search().toString(), "--out", missing.toString());
        assertThat(r.status).isEqualTo(1);
        assertThat(r.err).startsWith("error: cannot write the report to " + missing);
        // a folder is not overwritten by the report
        Cli onFolder = Cli.run("report", search().toString(), "--out", locked.toString());
        assertThat(onFolder.status).isEqualTo(1);
        assertThat(onFolder.err).contains("is a folder");
        assertThat(locked).isDirectory();
    }

    @Test
    void aFolderWithoutResultsIsAClearError() {
        Cli r = Cli.run("report", dir.resolve("nothing_here").toString());

        assertThat(r.status).isEqualTo(2);
        assertThat(r.err).startsWith("error: ").doesNotContain("Exception");
    }
}
