package dev.hpsearch.optimizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.config.ConfigProblem.Severity;
import dev.hpsearch.optimizer.gp.AcquisitionType;
import dev.hpsearch.optimizer.gp.EstimationMethod;
import dev.hpsearch.optimizer.gp.KernelType;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.HyperparameterType;
import dev.hpsearch.optimizer.space.Transformation;
import dev.hpsearch.optimizer.table.TableColumns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
    private static final String GOOD_SEARCH = "{\"search_type\": \"grid\"}";
    private static final String GOOD_JOB = "{\"environment_path\": \"python3\", \"script_path\": \"analysis.py\"}";
    private static final String GOOD_MODEL = """
            {"learning_rate": {"type": "continuous", "domain": [0.0001, 1], "transformation": "log"},
             "epochs": 10}
            """;

    @TempDir
    Path dir;
    private Path search;
    private Path job;
    private Path model;

    @BeforeEach
    void paths() {
        search = dir.resolve("search_config.json");
        job = dir.resolve("job_config.json");
        model = dir.resolve("model_config.json");
    }

    private Configs load(String searchJson, String jobJson, String modelJson) throws Exception {
        write(searchJson, jobJson, modelJson);
        return new ConfigLoader().load(search, job, model);
    }

    /** Loads files that must fail, returning every problem reported. */
    private List<ConfigProblem> problems(String searchJson, String jobJson, String modelJson) throws IOException {
        write(searchJson, jobJson, modelJson);
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader().load(search, job, model));
        assertThat(e).as("loading should fail").isNotNull();
        return e.problems();
    }

    /** The one error of a load that must fail with exactly one error. */
    private ConfigProblem onlyError(String searchJson, String jobJson, String modelJson) throws IOException {
        List<ConfigProblem> errors = problems(searchJson, jobJson, modelJson).stream()
                .filter(ConfigProblem::isError).toList();
        assertThat(errors).hasSize(1);
        return errors.get(0);
    }

    private ConfigProblem searchError(String searchJson) throws IOException {
        return onlyError(searchJson, GOOD_JOB, GOOD_MODEL);
    }

    private ConfigProblem modelError(String modelJson) throws IOException {
        return onlyError(GOOD_SEARCH, GOOD_JOB, modelJson);
    }

    private void write(String searchJson, String jobJson, String modelJson) throws IOException {
        Files.writeString(search, searchJson);
        Files.writeString(job, jobJson);
        Files.writeString(model, modelJson);
    }

    @Nested
    class JsonSyntax {
        @Test
        void syntaxErrorNamesFileLineAndColumn() throws IOException {
            String text = "{\n  \"search_type\": \"grid\",\n  \"max_suggestions\" 10\n}\n";

            ConfigProblem p = searchError(text);

            assertThat(p.file()).isEqualTo(search.toString());
            assertThat(p.jsonPath()).isNull();
            assertThat(p.message()).contains("line 3, column 21");
        }

        @Test
        void syntaxErrorInModelConfigNamesModelFile() throws IOException {
            ConfigProblem p = modelError("{\"a\": 1,\n\"b\": }");

            assertThat(p.file()).isEqualTo(model.toString());
            assertThat(p.message()).contains("line 2");
        }

        @Test
        void contentAfterTheTopLevelObjectIsASyntaxError() throws IOException {
            // a stray "}," closes the object early; the keys after it must not be dropped silently
            String text = "{\n  \"search_type\": \"grid\"\n},\n\"max_suggestions\": 10\n}\n";

            ConfigProblem p = searchError(text);

            assertThat(p.file()).isEqualTo(search.toString());
            assertThat(p.message()).contains("invalid JSON").contains("line 3");
        }

        @Test
        void extraClosingBraceIsASyntaxError() throws IOException {
            ConfigProblem p = searchError("{\"search_type\": \"grid\"}}\n");

            assertThat(p.message()).contains("invalid JSON").contains("line 1, column");
        }

        @Test
        void duplicateKeyIsAnErrorNamingTheKey() throws IOException {
            ConfigProblem p = searchError("{\"max_suggestions\": 10,\n \"max_suggestions\": 20}");

            assertThat(p.file()).isEqualTo(search.toString());
            assertThat(p.message()).contains("max_suggestions").contains("line 2");
        }

        @Test
        void aFileThatIsNotUtf8NamesTheByteAndItsOffset() throws IOException {
            write(GOOD_SEARCH, GOOD_JOB, GOOD_MODEL);
            String before = "{\"lr\": {\"type\": \"continuous\", \"domain\": [0.001, 1], \"transformation\": \"log\"},\n"
                    + "   \"note\": \"caf";
            Files.write(model, (before + "\u00e9\"}").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> new ConfigLoader().load(search, job, model));

            assertThat(before).hasSize(93);
            assertThat(e.problems()).singleElement().hasToString("error: " + model
                    + ": not UTF-8 text (byte 0xE9 at offset 93); save the file as UTF-8");
        }

        @Test
        void missingFileIsReportedByName() throws IOException {
            write(GOOD_SEARCH, GOOD_JOB, GOOD_MODEL);
            Files.delete(job);

            ConfigException e = catchThrowableOfType(ConfigException.class,
                    () -> new ConfigLoader().load(search, job, model));

            assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo(job.toString());
                assertThat(p.message()).contains("not found");
            });
        }

        @Test
        void emptyFileIsAnError() throws IOException {
            ConfigProblem p = searchError("  \n");

            assertThat(p.file()).isEqualTo(search.toString());
            assertThat(p.message()).contains("empty");
        }

        @Test
        void topLevelThatIsNotAnObjectIsAnError() throws IOException {
            ConfigProblem p = searchError("[1, 2]");

            assertThat(p.jsonPath()).isEqualTo("$");
            assertThat(p.message()).contains("object");
        }
    }

    @Nested
    class ModelConfigErrors {
        static List<String> tableColumns() {
            return TableColumns.OWN;
        }

        @ParameterizedTest
        @MethodSource("tableColumns")
        void hyperparameterNamedLikeATableColumnIsRefusedWithItsPath(String column) throws IOException {
            ConfigProblem p = modelError("{\"lr\": {\"type\": \"continuous\", \"domain\": [0, 1], \"transformation\":"
                    + " \"linear\"}, \"" + column + "\": {\"type\": \"categorical\", \"domain\": [\"a\", \"b\"]}}");

            assertThat(p.file()).isEqualTo(model.toString());
            assertThat(p.jsonPath()).isEqualTo("$." + column);
            assertThat(p.message()).contains("\"" + column + "\"").contains("hp_search_data.txt")
                    .contains(String.join(", ", TableColumns.OWN));
        }

        @Test
        void aNestedKeyNamedLikeATableColumnIsADifferentColumnAndAllowed() throws Exception {
            Configs c = load(GOOD_SEARCH, GOOD_JOB,
                    "{\"opt\": {\"loss\": {\"type\": \"continuous\", \"domain\": [0, 1], \"transformation\": \"linear\"}}}");

            assertThat(c.model().space().hyperparameters()).extracting(Hyperparameter::name).containsExactly("opt.loss");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a\\tb", "a\\nb", "a\\rb", "a\\u0001b", "a\\u2028b"})
        void hyperparameterNameWithAControlCharacterIsRefused(String jsonKey) throws IOException {
            ConfigProblem p = modelError("{\"outer\": {\"" + jsonKey
                    + "\": {\"type\": \"categorical\", \"domain\": [1, 2]}}}");

            assertThat(p.jsonPath()).startsWith("$.outer.a\\").doesNotContain("\t", "\n", "\r", "\u0001", "\u2028");
            assertThat(p.message()).contains("control characters").doesNotContain("\t", "\n", "\r", "\u0001");
        }

        @Test
        void aTabInTheNameIsNamedAsATab() throws IOException {
            ConfigProblem p = modelError("{\"a\\tb\": {\"type\": \"categorical\", \"domain\": [1, 2]}}");

            assertThat(p.toString()).isEqualTo("error: " + model + ": $.a\\tb: the hyperparameter name \"a\\tb\" holds"
                    + " a tab; names may not hold tabs, line breaks or other control characters, as each name is a"
                    + " column of hp_search_data.txt");
        }

        @ParameterizedTest
        @ValueSource(strings = {"[1, 1]", "[2, 1]"})
        void lowerBoundMustBeBelowUpperBound(String domain) throws IOException {
            ConfigProblem p = modelError(
                    "{\"x\": {\"type\": \"continuous\", \"domain\": " + domain + ", \"transformation\": \"linear\"}}");

            assertThat(p.file()).isEqualTo(model.toString());
            assertThat(p.jsonPath()).isEqualTo("$.x.domain");
            assertThat(p.message()).contains(domain.replace(" ", "")).contains("lower bound must be below the upper bound");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1"})
        void logTransformNeedsPositiveContinuousBounds(String lower) throws IOException {
            ConfigProblem p = modelError("{\"x\": {\"type\": \"continuous\", \"domain\": [" + lower
                    + ", 10], \"transformation\": \"log\"}}");

            assertThat(p.jsonPath()).isEqualTo("$.x.domain[0]");
            assertThat(p.message()).contains("got " + lower).contains("log").contains("> 0");
        }

        @Test
        void logTransformNeedsPositiveDiscreteValues() throws IOException {
            ConfigProblem p = modelError(
                    "{\"n\": {\"type\": \"discrete\", \"domain\": [1, 0, 2], \"transformation\": \"log\"}}");

            assertThat(p.jsonPath()).isEqualTo("$.n.domain[1]");
            assertThat(p.message()).contains("got 0").contains("> 0");
        }

        @ParameterizedTest
        @ValueSource(strings = {"continuous", "discrete", "categorical"})
        void emptyDomainIsAnError(String type) throws IOException {
            ConfigProblem p = modelError(
                    "{\"x\": {\"type\": \"" + type + "\", \"domain\": [], \"transformation\": \"linear\"}}");

            assertThat(p.jsonPath()).isEqualTo("$.x.domain");
            assertThat(p.message()).contains("empty domain");
        }

        @Test
        void continuousDomainMustBeTwoNumbers() throws IOException {
            ConfigProblem p = modelError(
                    "{\"x\": {\"type\": \"continuous\", \"domain\": [1, 2, 3], \"transformation\": \"linear\"}}");

            assertThat(p.jsonPath()).isEqualTo("$.x.domain");
            assertThat(p.message()).contains("[1,2,3]").contains("[lower_bound, upper_bound]");
        }

        @Test
        void unknownHyperparameterTypeNamesTheTypesAllowed() throws IOException {
            ConfigProblem p = modelError(
                    "{\"x\": {\"type\": \"integer\", \"domain\": [1, 2], \"transformation\": \"linear\"}}");

            assertThat(p.jsonPath()).isEqualTo("$.x.type");
            assertThat(p.message()).contains("\"integer\"").contains("continuous, discrete, categorical");
        }

        @Test
        void unknownTransformationNamesTheTransformationsAllowed() throws IOException {
            ConfigProblem p = modelError(
                    "{\"x\": {\"type\": \"continuous\", \"domain\": [1, 2], \"transformation\": \"sqrt\"}}");

            assertThat(p.jsonPath()).isEqualTo("$.x.transformation");
            assertThat(p.message()).contains("\"sqrt\"").contains("linear").contains("log");
        }

        @Test
        void numericHyperparameterWithoutTransformationIsAnError() throws IOException {
            ConfigProblem p = modelError("{\"x\": {\"type\": \"continuous\", \"domain\": [1, 2]}}");

            assertThat(p.jsonPath()).isEqualTo("$.x.transformation");
            assertThat(p.message()).contains("missing").contains("linear, log");
        }

        @Test
        void discreteDomainListsNumbersOnly() throws IOException {
            ConfigProblem p = modelError(
                    "{\"x\": {\"type\": \"discrete\", \"domain\": [1, \"two\"], \"transformation\": \"linear\"}}");

            assertThat(p.jsonPath()).isEqualTo("$.x.domain[1]");
            assertThat(p.message()).contains("\"two\"").contains("categorical");
        }

        @Test
        void valueListedTwiceIsAnError() throws IOException {
            ConfigProblem p = modelError(
                    "{\"x\": {\"type\": \"categorical\", \"domain\": [\"a\", \"b\", \"a\"]}}");

            assertThat(p.jsonPath()).isEqualTo("$.x.domain[2]");
            assertThat(p.message()).contains("\"a\"").contains("twice");
        }

        @Test
        void hyperparametersSharingAColumnNameAreAnError() throws IOException {
            ConfigProblem p = modelError("""
                    {"a.b": {"type": "continuous", "domain": [0, 1], "transformation": "linear"},
                     "a": {"b": {"type": "continuous", "domain": [0, 1], "transformation": "linear"}}}
                    """);

            assertThat(p.file()).isEqualTo(model.toString());
            assertThat(p.message()).contains("\"a.b\"").contains("column name");
        }

        @Test
        void modelWithoutHyperparametersIsAnError() throws IOException {
            ConfigProblem p = modelError("{\"epochs\": 10}");

            assertThat(p.file()).isEqualTo(model.toString());
            assertThat(p.message()).contains("no hyperparameters");
        }
    }

    @Nested
    class SearchConfigErrors {
        @Test
        void mailUserIsOneAddressAndOptional() throws Exception {
            assertThat(load(GOOD_SEARCH, GOOD_JOB, GOOD_MODEL).search().mailUser()).isNull();
            assertThat(load("{\"search_type\": \"grid\", \"mail_user\": \" me@example.org \"}", GOOD_JOB, GOOD_MODEL)
                    .search().mailUser()).isEqualTo("me@example.org");

            ConfigProblem p = searchError("{\"mail_user\": \"me@example.org, you@example.org\"}");
            assertThat(p.jsonPath()).isEqualTo("$.mail_user");
            assertThat(p.message()).contains("\"me@example.org, you@example.org\"").contains("one user name or e-mail address");
        }

        @Test
        void unknownSearchTypeNamesTheTypesAllowed() throws IOException {
            ConfigProblem p = searchError("{\"search_type\": \"bayes\"}");

            assertThat(p.file()).isEqualTo(search.toString());
            assertThat(p.jsonPath()).isEqualTo("$.search_type");
            assertThat(p.message()).contains("\"bayes\"").contains("line, grid, random, bopt");
        }

        @ParameterizedTest
        @ValueSource(strings = {"grid_suggestion_probability", "random_suggestion_probability"})
        void probabilityAboveOneIsAnError(String key) throws IOException {
            ConfigProblem p = searchError("{\"" + key + "\": 1.5}");

            assertThat(p.jsonPath()).isEqualTo("$." + key);
            assertThat(p.message()).contains("1.5").contains("[0, 1]");
        }

        @ParameterizedTest
        @ValueSource(strings = {"grid_suggestion_probability", "random_suggestion_probability"})
        void probabilityBelowZeroIsAnError(String key) throws IOException {
            ConfigProblem p = searchError("{\"" + key + "\": -0.1}");

            assertThat(p.jsonPath()).isEqualTo("$." + key);
            assertThat(p.message()).contains("-0.1").contains("[0, 1]");
        }

        @Test
        void probabilitiesAtTheEndsAreAccepted() throws Exception {
            Configs c = load("{\"grid_suggestion_probability\": 1, \"random_suggestion_probability\": 0}",
                    GOOD_JOB, GOOD_MODEL);

            assertThat(c.search().gridSuggestionProbability()).isEqualTo(1.0);
            assertThat(c.search().randomSuggestionProbability()).isEqualTo(0.0);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-3", "2.5"})
        void maxSuggestionsMustBeAWholeNumberOfAtLeastOne(String value) throws IOException {
            ConfigProblem p = searchError("{\"max_suggestions\": " + value + "}");

            assertThat(p.jsonPath()).isEqualTo("$.max_suggestions");
            assertThat(p.message()).contains(value).contains(">= 1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "1.5", "\"ten\""})
        void maxActivePointsMustBeAWholeNumberOfAtLeastOne(String value) throws IOException {
            ConfigProblem p = searchError("{\"max_active_points\": " + value + "}");

            assertThat(p.jsonPath()).isEqualTo("$.max_active_points");
            assertThat(p.message()).contains(value).contains(">= 1");
        }

        @ParameterizedTest
        @ValueSource(strings = {"\"min\"", "true", "[1]"})
        void badFailureValueNamesWhatIsAllowed(String value) throws IOException {
            ConfigProblem p = searchError("{\"y_failure_value\": " + value + "}");

            assertThat(p.jsonPath()).isEqualTo("$.y_failure_value");
            assertThat(p.message()).contains(value).contains("\"max\"").contains("\"nan\"").contains("number");
        }

        @Test
        void aFailureValueTheLogTransformationCannotTakeIsRefused() throws IOException {
            ConfigProblem p = searchError("{\"y_failure_value\": 0}");

            assertThat(p.jsonPath()).isEqualTo("$.y_failure_value");
            assertThat(p.message()).contains("got 0").contains("y_transformation \"log\"").contains("above 0");
        }

        @Test
        void failureValueAcceptsMaxNanAndNumbers() throws Exception {
            assertThat(load("{\"y_failure_value\": \"MAX\"}", GOOD_JOB, GOOD_MODEL).search().yFailureValue())
                    .isEqualTo(new FailureValue.Max());
            assertThat(load("{\"y_failure_value\": \"nan\"}", GOOD_JOB, GOOD_MODEL).search().yFailureValue())
                    .isEqualTo(new FailureValue.Ignore());
            assertThat(load("{\"y_failure_value\": 7.5}", GOOD_JOB, GOOD_MODEL).search().yFailureValue())
                    .isEqualTo(new FailureValue.Fixed(7.5));
        }

        @Test
        void badYTransformationNamesWhatIsAllowed() throws IOException {
            ConfigProblem p = searchError("{\"y_transformation\": \"sqrt\"}");

            assertThat(p.jsonPath()).isEqualTo("$.y_transformation");
            assertThat(p.message()).contains("\"sqrt\"").contains("none, log, neg, neglog");
        }

        @Test
        void badKernelInAListIsReportedWithItsIndex() throws IOException {
            ConfigProblem p = searchError("{\"bopt_config\": {\"kernel\": [\"ExpQuad\", \"Gaussian\"]}}");

            assertThat(p.file()).isEqualTo(search.toString());
            assertThat(p.jsonPath()).isEqualTo("$.bopt_config.kernel[1]");
            assertThat(p.message()).contains("\"Gaussian\"").contains("ExpQuad, RatQuad, Matern52");
        }

        @Test
        void badBatchMethodNamesTheAllowedOnes() throws IOException {
            ConfigProblem p = searchError("{\"bopt_config\": {\"batch_method\": \"qei\"}}");

            assertThat(p.file()).isEqualTo(search.toString());
            assertThat(p.jsonPath()).isEqualTo("$.bopt_config.batch_method");
            assertThat(p.message()).contains("\"qei\"").contains("kriging_believer").contains("thompson");
        }

        @Test
        void batchMethodIsRead() throws Exception {
            BoptConfig b = load("{\"bopt_config\": {\"batch_method\": \"Thompson\"}}", GOOD_JOB, GOOD_MODEL)
                    .search().bopt();

            assertThat(b.batchMethod()).isEqualTo(dev.hpsearch.optimizer.gp.BatchMethod.THOMPSON);
        }

        @Test
        void badFlatBoptKeyIsReportedUnderBoptConfig() throws IOException {
            ConfigProblem p = searchError("{\"bopt_config.n_samples\": 0}");

            assertThat(p.jsonPath()).isEqualTo("$.bopt_config.n_samples");
            assertThat(p.message()).contains("0").contains(">= 1");
        }

        @Test
        void gridSearchNeedsAtLeastOneGridPoint() throws IOException {
            ConfigProblem p = searchError("{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 0}");

            assertThat(p.jsonPath()).isEqualTo("$.num_grid_points_per_hyperparameter");
            assertThat(p.message()).contains("0").contains("at least 1");
        }

        @Test
        void zeroGridPointsIsFineForRandomSearch() throws Exception {
            Configs c = load("{\"search_type\": \"random\", \"num_grid_points_per_hyperparameter\": 0}",
                    GOOD_JOB, GOOD_MODEL);

            assertThat(c.search().numGridPointsPerHyperparameter()).isZero();
        }
    }

    @Nested
    class PrunerKeys {
        @Test
        void absentKeysMeanNoPruner() throws Exception {
            assertThat(load(GOOD_SEARCH, GOOD_JOB, GOOD_MODEL).search().pruner()).isEqualTo(PrunerConfig.NONE);
            assertThat(PrunerConfig.NONE.enabled()).isFalse();
        }

        @Test
        void medianAndAshaAreReadWithTheirSettings() throws Exception {
            PrunerConfig median = load("{\"search_type\": \"grid\", \"pruner\": \"median\", \"pruner_warmup_steps\": 5}",
                    GOOD_JOB, GOOD_MODEL).search().pruner();
            assertThat(median.pruner()).get().isEqualTo(new dev.hpsearch.optimizer.prune.MedianPruner(5));
            Configs withAsha = load("{\"search_type\": \"grid\", \"pruner\": \"asha\", \"pruner_min_step\": 2,"
                    + " \"pruner_reduction_factor\": 4}", GOOD_JOB, GOOD_MODEL);
            assertThat(withAsha.search().pruner().pruner()).get()
                    .isEqualTo(new dev.hpsearch.optimizer.prune.AshaPruner(2, 4));
            // known keys: no "unknown key" warning
            assertThat(withAsha.warnings()).isEmpty();
        }

        @Test
        void badPrunerSettingsNameTheFilePathValueAndWhatIsAllowed() throws IOException {
            ConfigProblem type = searchError("{\"pruner\": \"hyperband\"}");
            assertThat(type.file()).isEqualTo(search.toString());
            assertThat(type.jsonPath()).isEqualTo("$.pruner");
            assertThat(type.message()).contains("\"hyperband\"").contains("none, median, asha");

            ConfigProblem factor = searchError("{\"pruner\": \"asha\", \"pruner_reduction_factor\": 1}");
            assertThat(factor.jsonPath()).isEqualTo("$.pruner_reduction_factor");
            assertThat(factor.message()).contains("got 1");

            ConfigProblem warmup = searchError("{\"pruner\": \"median\", \"pruner_warmup_steps\": -3}");
            assertThat(warmup.jsonPath()).isEqualTo("$.pruner_warmup_steps");
            assertThat(warmup.message()).contains("got -3");

            ConfigProblem minStep = searchError("{\"pruner_min_step\": 0.5}");
            assertThat(minStep.jsonPath()).isEqualTo("$.pruner_min_step");
        }
    }

    @Nested
    class FailurePolicyKeys {
        @Test
        void absentKeysKeepTheSeedsBehaviour() throws Exception {
            assertThat(load(GOOD_SEARCH, GOOD_JOB, GOOD_MODEL).search().failures()).isEqualTo(FailurePolicy.DEFAULT);
            assertThat(FailurePolicy.DEFAULT.failureLimit(200)).isZero();
            assertThat(FailurePolicy.DEFAULT.retryOutOfMemory()).isZero();
            assertThat(FailurePolicy.DEFAULT.retryTimeout()).isZero();
        }

        @Test
        void retriesAndACountOrAFractionAreRead() throws Exception {
            FailurePolicy count = load("{\"search_type\": \"grid\", \"retry_out_of_memory\": 2, \"retry_timeout\": 1,"
                    + " \"retry_factor\": 1.5, \"max_failures\": 5}", GOOD_JOB, GOOD_MODEL).search().failures();
            assertThat(count).isEqualTo(new FailurePolicy(2, 1, 1.5, 5));
            assertThat(count.failureLimit(200)).isEqualTo(5);

            FailurePolicy fraction = load("{\"search_type\": \"grid\", \"max_failures\": 0.1}", GOOD_JOB, GOOD_MODEL)
                    .search().failures();
            assertThat(fraction.failureLimit(200)).isEqualTo(20);
            assertThat(fraction.failureLimit(3)).isEqualTo(1);
        }

        @Test
        void maxFailuresThatIsNeitherACountNorAFractionIsRefused() throws IOException {
            for (String bad : List.of("0", "1.5", "-2", "\"10%\"", "true")) {
                ConfigProblem p = searchError("{\"max_failures\": " + bad + "}");

                assertThat(p.jsonPath()).isEqualTo("$.max_failures");
                assertThat(p.message()).contains("got " + bad).contains("a whole number >= 1")
                        .contains("a fraction between 0 and 1");
            }
        }

        @Test
        void retryFactorMustGrowAndRetriesMustNotBeNegative() throws IOException {
            ConfigProblem factor = searchError("{\"retry_factor\": 1}");
            assertThat(factor.jsonPath()).isEqualTo("$.retry_factor");
            assertThat(factor.message()).contains("got 1");

            ConfigProblem retries = searchError("{\"retry_timeout\": -1}");
            assertThat(retries.jsonPath()).isEqualTo("$.retry_timeout");
            assertThat(retries.message()).contains("must be >= 0");

            ConfigProblem notWhole = searchError("{\"retry_out_of_memory\": 1.5}");
            assertThat(notWhole.jsonPath()).isEqualTo("$.retry_out_of_memory");
        }
    }

    @Nested
    class JobConfigErrors {
        @Test
        void missingEnvironmentPathIsAnError() throws IOException {
            ConfigProblem p = onlyError(GOOD_SEARCH, "{\"script_path\": \"analysis.py\"}", GOOD_MODEL);

            assertThat(p.file()).isEqualTo(job.toString());
            assertThat(p.jsonPath()).isEqualTo("$.environment_path");
            assertThat(p.message()).contains("missing");
        }

        @Test
        void missingScriptPathIsAnError() throws IOException {
            ConfigProblem p = onlyError(GOOD_SEARCH, "{\"environment_path\": \"python3\"}", GOOD_MODEL);

            assertThat(p.file()).isEqualTo(job.toString());
            assertThat(p.jsonPath()).isEqualTo("$.script_path");
            assertThat(p.message()).contains("missing");
        }

        @Test
        void badProcessorTypeNamesWhatIsAllowed() throws IOException {
            ConfigProblem p = onlyError(GOOD_SEARCH,
                    "{\"environment_path\": \"python3\", \"script_path\": \"a.py\", \"processor_type\": \"TPU\"}",
                    GOOD_MODEL);

            assertThat(p.jsonPath()).isEqualTo("$.processor_type");
            assertThat(p.message()).contains("\"TPU\"").contains("CPU, GPU");
        }

        @Test
        void nonPositiveTimeIsAnError() throws IOException {
            ConfigProblem p = onlyError(GOOD_SEARCH,
                    "{\"environment_path\": \"python3\", \"script_path\": \"a.py\", \"time\": 0}", GOOD_MODEL);

            assertThat(p.jsonPath()).isEqualTo("$.time");
            assertThat(p.message()).contains("0").contains("(0, inf)");
        }

        @Test
        void seedKeysAreRead() throws Exception {
            Configs c = load(GOOD_SEARCH, """
                    {"environment_path": "Rscript", "script_path": "models/fit.R", "cluster": "CMS",
                     "time": 2, "memory": 32, "processor_type": "gpu", "num_processors": 4}
                    """, GOOD_MODEL);

            assertThat(c.job()).isEqualTo(JobConfig.of("Rscript", "models/fit.R", "CMS", 2.0, 32, "GPU", 4));
            assertThat(c.warnings()).isEmpty();
        }

        @Test
        void siteResourceKeysAreRead() throws Exception {
            Configs c = load(GOOD_SEARCH, """
                    {"environment_path": "python3", "script_path": "a.py", "cluster": "CMS", "processor_type": "GPU",
                     "num_processors": 2, "gpu_type": "a100", "cpus_per_task": 8, "container": "images/a.sif",
                     "modules": ["gcc/12", "cuda/12.2"]}
                    """, GOOD_MODEL);

            assertThat(c.job().gpuType()).isEqualTo("a100");
            assertThat(c.job().cpusPerTask()).isEqualTo(8);
            assertThat(c.job().container()).isEqualTo("images/a.sif");
            assertThat(c.job().modules()).containsExactly("gcc/12", "cuda/12.2");
            assertThat(c.warnings()).isEmpty();
        }

        @Test
        void withoutSiteResourceKeysTheSeedsMappingStays() throws Exception {
            JobConfig j = load(GOOD_SEARCH, GOOD_JOB, GOOD_MODEL).job();
            assertThat(j.gpuType()).isNull();
            assertThat(j.cpusPerTask()).isNull();
            assertThat(j.container()).isNull();
            assertThat(j.modules()).isEmpty();
        }

        @Test
        void gpuTypeNeedsAGpuJob() throws IOException {
            ConfigProblem p = onlyError(GOOD_SEARCH,
                    "{\"environment_path\": \"python3\", \"script_path\": \"a.py\", \"gpu_type\": \"a100\"}", GOOD_MODEL);

            assertThat(p.jsonPath()).isEqualTo("$.gpu_type");
            assertThat(p.message()).contains("\"a100\"").contains("\"processor_type\": \"GPU\"");
        }

        @Test
        void gpuTypeWithAColonIsRefused() throws IOException {
            ConfigProblem p = onlyError(GOOD_SEARCH, "{\"environment_path\": \"python3\", \"script_path\": \"a.py\","
                    + " \"processor_type\": \"GPU\", \"gpu_type\": \"a100:2\"}", GOOD_MODEL);

            assertThat(p.jsonPath()).isEqualTo("$.gpu_type");
            assertThat(p.message()).contains("\"a100:2\"").contains("letters, digits");
        }

        @Test
        void cpusPerTaskMustBeAWholeNumberOfAtLeastOne() throws IOException {
            ConfigProblem p = onlyError(GOOD_SEARCH,
                    "{\"environment_path\": \"python3\", \"script_path\": \"a.py\", \"cpus_per_task\": 0}", GOOD_MODEL);

            assertThat(p.jsonPath()).isEqualTo("$.cpus_per_task");
        }

        @Test
        void aModuleNameWithASpaceIsRefusedWithItsIndex() throws IOException {
            ConfigProblem p = onlyError(GOOD_SEARCH, "{\"environment_path\": \"python3\", \"script_path\": \"a.py\","
                    + " \"modules\": [\"gcc/12\", \"python 3\"]}", GOOD_MODEL);

            assertThat(p.jsonPath()).isEqualTo("$.modules[1]");
            assertThat(p.message()).contains("\"python 3\"");
        }

        @Test
        void modulesMustBeAList() throws IOException {
            ConfigProblem p = onlyError(GOOD_SEARCH, "{\"environment_path\": \"python3\", \"script_path\": \"a.py\","
                    + " \"modules\": \"gcc/12\"}", GOOD_MODEL);

            assertThat(p.jsonPath()).isEqualTo("$.modules");
            assertThat(p.message()).contains("[\"gcc/12\", \"python/3.11\"]");
        }

        @Test
        void blankContainerIsRefused() throws IOException {
            ConfigProblem p = onlyError(GOOD_SEARCH, "{\"environment_path\": \"python3\", \"script_path\": \"a.py\","
                    + " \"container\": \" \"}", GOOD_MODEL);

            assertThat(p.jsonPath()).isEqualTo("$.container");
        }
    }

    @Nested
    class Warnings {
        @Test
        void misspeltKeyIsAWarningSuggestingTheKnownKey() throws Exception {
            Configs c = load("{\"max_sugestions\": 10}", GOOD_JOB, GOOD_MODEL);

            assertThat(c.warnings()).singleElement().satisfies(w -> {
                assertThat(w.severity()).isEqualTo(Severity.WARNING);
                assertThat(w.file()).isEqualTo(search.toString());
                assertThat(w.jsonPath()).isEqualTo("$.max_sugestions");
                assertThat(w.message()).contains("did you mean \"max_suggestions\"");
            });
            assertThat(c.search().maxSuggestions()).isEqualTo(200);
        }

        @Test
        void misspeltKeyInsideHyperparameterIsAWarning() throws Exception {
            Configs c = load(GOOD_SEARCH, GOOD_JOB,
                    "{\"x\": {\"type\": \"continuous\", \"domain\": [1, 2], \"transformation\": \"linear\", \"domian\": 3}}");

            assertThat(c.warnings()).singleElement().satisfies(w -> {
                assertThat(w.jsonPath()).isEqualTo("$.x.domian");
                assertThat(w.message()).contains("did you mean \"domain\"");
            });
        }

        @Test
        void hyperparameterWithMisspeltDomainIsAWarningNotASilentConstant() throws Exception {
            Configs c = load(GOOD_SEARCH, GOOD_JOB, """
                    {"lr": {"type": "continuous", "domain": [0, 1], "transformation": "linear"},
                     "wd": {"type": "continuous", "domian": [0, 1], "transformation": "linear"}}
                    """);

            assertThat(c.model().space().hyperparameters()).extracting(Hyperparameter::name).containsExactly("lr");
            assertThat(c.warnings()).singleElement().satisfies(w -> {
                assertThat(w.file()).isEqualTo(model.toString());
                assertThat(w.jsonPath()).isEqualTo("$.wd");
                assertThat(w.message()).contains("\"domain\"").contains("constant");
            });
        }

        @Test
        void constantObjectWithATypeKeyIsNotWarnedAbout() throws Exception {
            Configs c = load(GOOD_SEARCH, GOOD_JOB, """
                    {"lr": {"type": "continuous", "domain": [0, 1], "transformation": "linear"},
                     "model": {"type": "Gaussian", "layers": 3}}
                    """);

            assertThat(c.warnings()).isEmpty();
        }

        @Test
        void unrelatedUnknownKeyIsAWarningWithoutSuggestion() throws Exception {
            Configs c = load("{\"colour\": \"blue\"}", GOOD_JOB, GOOD_MODEL);

            assertThat(c.warnings()).singleElement().satisfies(w -> {
                assertThat(w.jsonPath()).isEqualTo("$.colour");
                assertThat(w.message()).contains("unknown key").doesNotContain("did you mean");
            });
        }

        @Test
        void warningsTravelWithErrorsWhenLoadingFails() throws IOException {
            List<ConfigProblem> all = problems("{\"max_sugestions\": 10, \"search_type\": \"bayes\"}", GOOD_JOB,
                    GOOD_MODEL);

            assertThat(all).extracting(ConfigProblem::severity, ConfigProblem::jsonPath)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "$.max_sugestions"),
                            org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "$.search_type"));
        }
    }

    @Test
    void everyProblemOfEveryFileIsReportedInOneLoad() throws IOException {
        List<ConfigProblem> all = problems(
                "{\"search_type\": \"bayes\", \"max_suggestions\": 0, \"random_suggestion_probability\": 2}",
                "{\"environment_path\": \"python3\"}",
                "{\"a\": {\"type\": \"continuous\", \"domain\": [5, 1], \"transformation\": \"linear\"},"
                        + " \"b\": {\"type\": \"discrete\", \"domain\": [], \"transformation\": \"linear\"}}");

        assertThat(all).allMatch(ConfigProblem::isError);
        assertThat(all).extracting(ConfigProblem::file, ConfigProblem::jsonPath).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(search.toString(), "$.search_type"),
                org.assertj.core.groups.Tuple.tuple(search.toString(), "$.max_suggestions"),
                org.assertj.core.groups.Tuple.tuple(search.toString(), "$.random_suggestion_probability"),
                org.assertj.core.groups.Tuple.tuple(job.toString(), "$.script_path"),
                org.assertj.core.groups.Tuple.tuple(model.toString(), "$.a.domain"),
                org.assertj.core.groups.Tuple.tuple(model.toString(), "$.b.domain"));
    }

    @Test
    void exceptionMessageHasOneLinePerProblem() throws IOException {
        write("{\"search_type\": \"bayes\", \"max_suggestions\": 0}", GOOD_JOB, GOOD_MODEL);

        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader().load(search, job, model));

        assertThat(e.getMessage().lines()).hasSize(2)
                .allMatch(l -> l.startsWith("error: " + search + ": $."));
    }

    @Nested
    class Defaults {
        @Test
        void absentKeysTakeTheSeedsRecommendations() throws Exception {
            SearchConfig s = load("{}", GOOD_JOB, GOOD_MODEL).search();

            assertThat(s.searchType()).isEqualTo(SearchType.BOPT);
            assertThat(s.searchTimeHours()).isEqualTo(24.0);
            assertThat(s.searchMemoryGb()).isEqualTo(32);
            assertThat(s.maxSuggestions()).isEqualTo(200);
            assertThat(s.maxActivePoints()).isEqualTo(20);
            assertThat(s.numGridPointsPerHyperparameter()).isEqualTo(3);
            assertThat(s.minInitialPoints()).isEqualTo(5);
            assertThat(s.yTransformation()).isEqualTo("log");
            assertThat(s.yFailureValue()).isInstanceOf(FailureValue.Max.class);
            assertThat(s.gridSuggestionProbability()).isEqualTo(0.0);
            assertThat(s.randomSuggestionProbability()).isEqualTo(0.1);
            assertThat(s.randomSeed()).isNull();
        }

        @Test
        void absentBoptConfigTakesTheSeedsRecommendations() throws Exception {
            BoptConfig b = load("{}", GOOD_JOB, GOOD_MODEL).search().bopt();

            assertThat(b.acquisitionTypes()).containsExactly(AcquisitionType.EI, AcquisitionType.MPI, AcquisitionType.LCB);
            assertThat(b.acquisitionOptimizerType()).isEqualTo("lbfgs");
            assertThat(b.modelType()).isEqualTo("GP");
            assertThat(b.modelEstimationMethods()).containsExactly(EstimationMethod.MLE, EstimationMethod.MCMC);
            assertThat(b.kernels()).containsExactly(KernelType.EXP_QUAD, KernelType.RAT_QUAD, KernelType.MATERN52);
            assertThat(b.normalizeY()).isTrue();
            assertThat(b.deDuplication()).isTrue();
            assertThat(b.batchMethod()).isEqualTo(dev.hpsearch.optimizer.gp.BatchMethod.KRIGING_BELIEVER);
            assertThat(b.exactFeval()).isFalse();
            assertThat(b.eps()).isEqualTo(0.0);
            assertThat(b.nBurnin()).isEqualTo(500);
            assertThat(b.nSamples()).isEqualTo(50);
            assertThat(b.stepSize()).isEqualTo(0.1);
            assertThat(b.subsampleInterval()).isEqualTo(10);
            assertThat(b.leapfrogSteps()).isEqualTo(20);
        }

        @Test
        void givenValuesOverrideDefaults() throws Exception {
            SearchConfig s = load("""
                    {"search_type": "Random", "search_time": 0.5, "max_suggestions": 7, "max_active_points": 2,
                     "num_grid_points_per_hyperparameter": 5, "min_initial_points": 3, "y_transformation": "neglog",
                     "random_seed": 42}
                    """, GOOD_JOB, GOOD_MODEL).search();

            assertThat(s.searchType()).isEqualTo(SearchType.RANDOM);
            assertThat(s.searchTimeHours()).isEqualTo(0.5);
            assertThat(s.maxSuggestions()).isEqualTo(7);
            assertThat(s.maxActivePoints()).isEqualTo(2);
            assertThat(s.numGridPointsPerHyperparameter()).isEqualTo(5);
            assertThat(s.minInitialPoints()).isEqualTo(3);
            assertThat(s.yTransformation()).isEqualTo("neglog");
            assertThat(s.randomSeed()).isEqualTo(42L);
        }

        @Test
        void jobDefaultsRunLocally() throws Exception {
            JobConfig j = load(GOOD_SEARCH, GOOD_JOB, GOOD_MODEL).job();

            assertThat(j.isLocal()).isTrue();
            assertThat(j.numProcessors()).isEqualTo(1);
            assertThat(j.processorType()).isEqualTo("CPU");
        }
    }

    @Nested
    class BoptConfigForms {
        private static final String NESTED = """
                {"bopt_config": {"acquisition_type": "EI", "kernel": ["Matern52", "ExpQuad"],
                 "model_estimation_method": ["MLE"], "normalize_Y": false, "exact_feval": true,
                 "n_burnin": 100, "step_size": 0.05}}
                """;
        private static final String FLAT = """
                {"bopt_config.acquisition_type": "EI", "bopt_config.kernel": ["Matern52", "ExpQuad"],
                 "bopt_config.model_estimation_method": ["MLE"], "bopt_config.normalize_Y": false,
                 "bopt_config.exact_feval": true, "bopt_config.n_burnin": 100, "bopt_config.step_size": 0.05}
                """;

        @Test
        void nestedBoptConfigIsRead() throws Exception {
            Configs c = load(NESTED, GOOD_JOB, GOOD_MODEL);

            BoptConfig b = c.search().bopt();
            assertThat(b.acquisitionTypes()).containsExactly(AcquisitionType.EI);
            assertThat(b.kernels()).containsExactly(KernelType.MATERN52, KernelType.EXP_QUAD);
            assertThat(b.modelEstimationMethods()).containsExactly(EstimationMethod.MLE);
            assertThat(b.normalizeY()).isFalse();
            assertThat(b.exactFeval()).isTrue();
            assertThat(b.nBurnin()).isEqualTo(100);
            assertThat(b.stepSize()).isEqualTo(0.05);
            assertThat(c.warnings()).isEmpty();
        }

        @Test
        void flatBoptKeysGiveTheSameConfigAsNested() throws Exception {
            BoptConfig nested = load(NESTED, GOOD_JOB, GOOD_MODEL).search().bopt();
            Configs flat = load(FLAT, GOOD_JOB, GOOD_MODEL);

            assertThat(flat.search().bopt()).isEqualTo(nested);
            assertThat(flat.warnings()).isEmpty();
        }

        @Test
        void unknownKeyInsideBoptConfigIsAWarning() throws Exception {
            Configs c = load("{\"bopt_config\": {\"kernels\": \"ExpQuad\"}}", GOOD_JOB, GOOD_MODEL);

            assertThat(c.warnings()).singleElement().satisfies(w -> {
                assertThat(w.jsonPath()).isEqualTo("$.bopt_config.kernels");
                assertThat(w.message()).contains("did you mean \"kernel\"");
            });
        }
    }

    @Nested
    class ModelConfigReading {
        @Test
        void nestedHyperparametersAreFoundWithTheirPathsAndConstantsPassThrough() throws Exception {
            Configs c = load(GOOD_SEARCH, GOOD_JOB, """
                    {"data_file": "data.csv",
                     "optimizer": {"name": "adam",
                                   "lr": {"type": "continuous", "domain": [1e-6, 10], "transformation": "log"}},
                     "layers": [{"units": {"type": "discrete", "domain": [8, 16, 32], "transformation": "log"}},
                                {"units": 4}],
                     "epochs": 10000}
                    """);

            List<Hyperparameter> hs = c.model().space().hyperparameters();
            assertThat(hs).extracting(Hyperparameter::name).containsExactly("optimizer.lr", "layers[0].units");
            assertThat(hs.get(0).path()).containsExactly("optimizer", "lr");
            assertThat(hs.get(1).path()).containsExactly("layers", 0, "units");
            assertThat(hs.get(0).lower()).isEqualTo(1e-6);
            assertThat(hs.get(1).values()).containsExactly(IntNode.valueOf(8), IntNode.valueOf(16), IntNode.valueOf(32));
            var template = c.model().template();
            assertThat(template.get("data_file").asText()).isEqualTo("data.csv");
            assertThat(template.at("/optimizer/name").asText()).isEqualTo("adam");
            assertThat(template.at("/layers/1/units").asInt()).isEqualTo(4);
            assertThat(template.get("epochs").asInt()).isEqualTo(10000);
        }

        @Test
        void seedExampleModelConfigIsRead() throws Exception {
            Configs c = load(GOOD_SEARCH, GOOD_JOB, """
                    {"data_file": "/input_data/tcga/TCGA_nanostring.csv.gz",
                     "init_h_dim": {"type" : "continuous", "domain" : [10, 10000], "transformation" : "log"},
                     "latent_dim": 2,
                     "num_layers": {"type" : "discrete", "domain" : [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "transformation" : "linear"},
                     "activation": {"type": "categorical", "domain": ["tanh", "relu"], "transformation": "none"},
                     "keep_weights": false}
                    """);

            List<Hyperparameter> hs = c.model().space().hyperparameters();
            assertThat(hs).extracting(Hyperparameter::name).containsExactly("init_h_dim", "num_layers", "activation");
            assertThat(hs).extracting(Hyperparameter::type).containsExactly(
                    HyperparameterType.CONTINUOUS, HyperparameterType.DISCRETE, HyperparameterType.CATEGORICAL);
            assertThat(hs).extracting(Hyperparameter::transformation).containsExactly(
                    Transformation.LOG, Transformation.LINEAR, Transformation.NONE);
            assertThat(c.warnings()).isEmpty();
        }

        @Test
        void transformationNoneOnANumericHyperparameterMeansLinear() throws Exception {
            Configs c = load(GOOD_SEARCH, GOOD_JOB,
                    "{\"x\": {\"type\": \"continuous\", \"domain\": [0, 1], \"transformation\": \"none\"}}");

            assertThat(c.model().space().get(0).transformation()).isEqualTo(Transformation.LINEAR);
        }

        @Test
        void categoricalNeedsNoTransformation() throws Exception {
            Configs c = load(GOOD_SEARCH, GOOD_JOB,
                    "{\"act\": {\"type\": \"categorical\", \"domain\": [\"tanh\", 1, true]}}");

            Hyperparameter h = c.model().space().get(0);
            assertThat(h.transformation()).isEqualTo(Transformation.NONE);
            assertThat(h.values()).hasSize(3).first().isEqualTo(TextNode.valueOf("tanh"));
            assertThat(c.warnings()).isEmpty();
        }

        @Test
        void saveFolderInModelConfigIsAWarning() throws Exception {
            Configs c = load(GOOD_SEARCH, GOOD_JOB, """
                    {"save_folder": "/tmp/x",
                     "x": {"type": "continuous", "domain": [0, 1], "transformation": "linear"}}
                    """);

            assertThat(c.warnings()).singleElement()
                    .satisfies(w -> assertThat(w.jsonPath()).isEqualTo("$.save_folder"));
        }

        @Test
        void simplerRulesAreReadForNumbersAndForACategoricalsListedValues() throws Exception {
            Configs c = load(GOOD_SEARCH, GOOD_JOB, """
                    {"layers": {"type": "discrete", "domain": [1, 2, 4], "transformation": "linear", "simpler": "lower"},
                     "l2": {"type": "continuous", "domain": [1e-6, 1], "transformation": "log", "simpler": "higher"},
                     "act": {"type": "categorical", "domain": ["relu", "linear"], "simpler": ["linear", "relu"]}}
                    """);

            assertThat(c.warnings()).isEmpty();
            assertThat(c.model().simpler()).containsOnlyKeys("layers", "l2", "act");
            assertThat(c.model().simpler().get("layers")).isInstanceOf(dev.hpsearch.optimizer.space.Simpler.Lower.class);
            assertThat(c.model().simpler().get("act").rank(TextNode.valueOf("linear"), c.model().space().get(2)))
                    .isEqualTo(0);
            assertThat(c.model().template().has("layers")).isTrue();
        }

        @Test
        void aCategoricalCannotBeSimplerLowerAndAListMustHoldEveryValueOnce() throws Exception {
            ConfigProblem lower = modelError("""
                    {"act": {"type": "categorical", "domain": ["relu", "linear"], "simpler": "lower"}}
                    """);
            assertThat(lower.jsonPath()).isEqualTo("$.act.simpler");
            assertThat(lower.message()).contains("no order").contains("relu");

            ConfigProblem partial = modelError("""
                    {"act": {"type": "categorical", "domain": ["relu", "linear"], "simpler": ["linear"]}}
                    """);
            assertThat(partial.jsonPath()).isEqualTo("$.act.simpler");
            assertThat(partial.message()).contains("every value of the domain once");

            ConfigProblem word = modelError("""
                    {"lr": {"type": "continuous", "domain": [0, 1], "transformation": "linear", "simpler": "smaller"}}
                    """);
            assertThat(word.message()).contains("smaller").contains("\"lower\", \"higher\"");
        }
    }
}
