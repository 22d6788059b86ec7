package io.strikeswarm.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.strikeswarm.swarm.SwarmCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import picocli.CommandLine;

/**
 * The Dockerfile cannot be built here (no Docker engine): what it relies on is checked instead. The sources it
 * copies exist and include every module Maven reads, the jar it takes is the one runtime's pom builds, the command
 * it runs is one the CLI knows, and the user, ports and arguments agree with the Kubernetes Deployment.
 */
class DockerfileTest {
  private static final Path ROOT = Manifests.K8S.getParent();
  private static List<String[]> instructions;
  private static JsonObject deployment;

  @BeforeAll
  static void read() throws Exception {
    instructions = instructions(Files.readString(ROOT.resolve("Dockerfile")));
    deployment = ManifestsTest.render("prod").get("Deployment", "strikeswarm");
  }

  @Test
  void aMavenBuildStageOnJava17ThenAJava17RuntimeImage() {
    List<String> froms = arguments("FROM");
    assertThat(froms).hasSize(2);
    assertThat(froms.get(0)).matches("maven:\\S*-17 AS build");
    assertThat(froms.get(1)).isEqualTo("eclipse-temurin:17-jre");
  }

  @Test
  void everyModuleOfTheReactorIsCopiedAndEveryCopiedPathExists() throws Exception {
    Set<String> copied = new HashSet<>();
    for (String copy : arguments("COPY")) {
      if (copy.startsWith("--from=")) continue;
      String[] parts = copy.split("\\s+");
      for (int i = 0; i < parts.length - 1; i++) {
        assertThat(ROOT.resolve(parts[i])).as("COPY " + parts[i]).exists();
        copied.add(parts[i]);
      }
    }
    assertThat(copied).contains("pom.xml").containsAll(modules(ROOT.resolve("pom.xml")));
  }

  @Test
  void theImageRunsTheJarThatRuntimesPomBuilds() throws Exception {
    String finalName = xml(ROOT.resolve("runtime/pom.xml")).getElementsByTagName("finalName").item(0).getTextContent();
    String workdir = arguments("WORKDIR").get(0);
    String fromBuild = arguments("COPY").stream().filter(c -> c.startsWith("--from=build")).findFirst().orElseThrow();
    String[] parts = fromBuild.split("\\s+");

    assertThat(parts[1]).isEqualTo(workdir + "/runtime/target/" + finalName + ".jar");
    assertThat(json("ENTRYPOINT")).containsExactly("java", "-jar", parts[2]);
  }

  @Test
  void theDefaultCommandAndTheDeploymentsArgumentsAreCommandsTheCliKnows() {
    assertThat(subcommand(json("CMD"))).isEqualTo("run");
    JsonObject container = Pods.container(deployment, "strikeswarm");
    assertThat(subcommand(ManifestsTest.strings(container.get("args")))).isEqualTo("run");
    assertThat(container.has("command")).as("the image's ENTRYPOINT starts the JVM").isFalse();
  }

  @Test
  void aNonRootUserAndThePortsThePodDeclares() {
    String user = arguments("USER").get(0);
    assertThat(user).matches("[1-9][0-9]*");
    assertThat(Pods.spec(deployment).getAsJsonObject("securityContext").get("runAsUser").getAsString()).isEqualTo(user);
    Set<Integer> exposed = new HashSet<>();
    for (String port : arguments("EXPOSE").get(0).split("\\s+")) exposed.add(Integer.parseInt(port));
    assertThat(exposed).isEqualTo(new HashSet<>(Pods.ports(Pods.container(deployment, "strikeswarm")).values()));
  }

  @Test
  void theBuildContextLeavesOutBuildOutputAndHistory() throws Exception {
    assertThat(Files.readAllLines(ROOT.resolve(".dockerignore"))).contains(".git", "**/target", "data");
  }

  /** Parses the arguments as the CLI would and returns the subcommand they run (picocli rejects unknown options). */
  private static String subcommand(List<String> args) {
    CommandLine.ParseResult parsed = new CommandLine(new SwarmCli()).parseArgs(args.toArray(String[]::new));
    assertThat(parsed.hasSubcommand()).as("%s names a command", args).isTrue();
    return parsed.subcommand().commandSpec().name();
  }

  private static List<String> arguments(String instruction) {
    return instructions.stream().filter(i -> i[0].equals(instruction)).map(i -> i[1]).toList();
  }

  /** The exec form ["a", "b"] of an instruction. */
  private static List<String> json(String instruction) {
    String form = arguments(instruction).get(0);
    assertThat(form).as(instruction + " in exec form").startsWith("[").endsWith("]");
    List<String> values = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]*)\"").matcher(form);
    while (m.find()) values.add(m.group(1));
    return values;
  }

  /** Instructions with continuation lines joined, comments dropped: {instruction, arguments}. */
  private static List<String[]> instructions(String dockerfile) {
    List<String[]> result = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String raw : dockerfile.split("\n")) {
      if (raw.startsWith("#")) continue;
      if (raw.endsWith("\\")) {
        line.append(raw, 0, raw.length() - 1).append(' ');
        continue;
      }
      line.append(raw);
      String text = line.toString().trim();
      line.setLength(0);
      if (text.isEmpty()) continue;
      String[] parts = text.split("\\s+", 2);
      result.add(new String[] {parts[0], parts.length > 1 ? parts[1].trim() : ""});
    }
    return result;
  }

  private static List<String> modules(Path pom) throws Exception {
    NodeList nodes = xml(pom).getElementsByTagName("module");
    List<String> modules = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) modules.add(nodes.item(i).getTextContent().trim());
    assertThat(modules).isNotEmpty();
    return modules;
  }

  private static Document xml(Path file) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
  }

}
