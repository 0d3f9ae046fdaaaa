package io.wafleet.infra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The root Dockerfile, read instruction by instruction (no Docker engine here, so no image was built):
 * the image runs as a non-root user, and copies a jar that the build stage's Maven run makes.
 */
class DockerfileTest {

    private static final Pattern COPY_JAR = Pattern.compile("^COPY --from=build /src/(\\S+) /app/app\\.jar$");

    private final List<String> instructions = DeployFiles.dockerfileInstructions();
    private final List<String> finalStage = DeployFiles.finalStage();

    @Test
    void buildsWithTheJdkAndRunsOnTheJre() {
        assertThat(instructions).filteredOn(line -> line.startsWith("FROM "))
                .containsExactly("FROM eclipse-temurin:21-jdk AS build", "FROM eclipse-temurin:21-jre");
    }

    @Test
    void theImageRunsAsANumericNonRootUser() {
        List<String> users = finalStage.stream().filter(line -> line.startsWith("USER ")).toList();
        assertThat(users).singleElement().satisfies(user -> {
            String uid = user.substring("USER ".length()).split(":")[0];
            assertThat(uid).containsOnlyDigits();
            assertThat(Integer.parseInt(uid)).isPositive();
        });
        assertThat(finalStage.indexOf(users.getFirst())).isGreaterThan(indexOf("RUN "));
    }

    @Test
    void theJarCopiedIsTheOneEachServiceModuleBuilds() {
        String build = instructions.stream().filter(line -> line.contains("./mvnw")).findFirst().orElseThrow();
        Matcher copy = finalStage.stream().map(COPY_JAR::matcher).filter(Matcher::matches).findFirst().orElseThrow();
        assertThat(copy.group(1)).isEqualTo("${SERVICE}/target/${SERVICE}.jar");
        for (WafleetService service : WafleetService.ALL) {
            assertThat(build).contains(service.name());
            // each module's package phase copies its executable jar to target/<module>.jar
            assertThat(DeployFiles.read(DeployFiles.ROOT.resolve(service.name()).resolve("pom.xml")))
                    .contains("tofile=\"${project.build.directory}/" + service.name() + ".jar\"");
        }
    }

    @Test
    void everyFileCopiedFromTheContextExists() {
        instructions.stream().filter(line -> line.startsWith("COPY ") && !line.contains("--from="))
                .map(line -> line.replaceAll("--\\S+ ", "").split("\\s+"))
                .forEach(words -> {
                    for (int i = 1; i < words.length - 1; i++) {
                        assertThat(DeployFiles.ROOT.resolve(words[i])).exists();
                    }
                });
        assertThat(DeployFiles.read(DeployFiles.ROOT.resolve(".dockerignore")))
                .doesNotContainPattern("(?m)^(src|common|infra/docker|\\.mvn|mvnw)/?$");
    }

    @Test
    void theImageRunsInProductionAndChecksReadiness() {
        assertThat(DeployFiles.imageEnvironment()).containsEntry("SPRING_PROFILES_ACTIVE", "production")
                .doesNotContainKeys("WAFLEET_MASTER_KEY", "WAFLEET_ADMIN_KEY", "MONGODB_URI");
        assertThat(finalStage).anyMatch(line -> line.startsWith("HEALTHCHECK ") && line.contains("wafleet-healthcheck"));
        assertThat(DeployFiles.read(DeployFiles.ROOT.resolve("infra/docker/healthcheck.sh")))
                .contains("GET /actuator/health/readiness");
    }

    private int indexOf(String prefix) {
        for (int i = 0; i < finalStage.size(); i++) {
            if (finalStage.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }
}
