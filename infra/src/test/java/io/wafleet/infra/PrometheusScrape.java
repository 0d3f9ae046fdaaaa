package io.wafleet.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One scrape of a service's {@code /actuator/prometheus}, in the Prometheus text format, as samples. */
record PrometheusScrape(List<Sample> samples) {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    record Sample(String name, Map<String, String> labels, double value) {
    }

    static PrometheusScrape of(int port) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/actuator/prometheus"))
                    .header("Accept", "text/plain").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("GET /actuator/prometheus on port " + port).isEqualTo(200);
            return new PrometheusScrape(response.body().lines().filter(line -> !line.startsWith("#"))
                    .map(LINE::matcher).filter(Matcher::matches).map(PrometheusScrape::sample).toList());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The samples of this name whose labels include all of {@code labels} ("k=v" each). */
    List<Sample> find(String name, String... labels) {
        Map<String, String> wanted = Arrays.stream(labels).map(label -> label.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
        return samples.stream().filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(wanted.entrySet())).toList();
    }

    /** The sum of the matching samples' values (0 when none). */
    double sum(String name, String... labels) {
        return find(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    private static Sample sample(Matcher line) {
        Map<String, String> labels = line.group(2) == null ? Map.of() : LABEL.matcher(line.group(2)).results()
                .collect(Collectors.toMap(label -> label.group(1), label -> label.group(2), (a, b) -> a));
        return new Sample(line.group(1), labels, Double.parseDouble(line.group(3)));
    }
}
