package io.strikeswarm.swarm.paper;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import io.strikeswarm.http.auth.NewToken;
import io.strikeswarm.http.auth.Role;
import io.strikeswarm.http.auth.TokenGenerator;
import io.strikeswarm.http.metrics.SwarmMetrics;
import io.strikeswarm.swarm.backtest.BacktestOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A real operated swarm for tests: `swarm run` in this JVM on a temporary data directory, paper trading the built-in
 * data, the API on a free loopback port, with one token per role.
 */
final class ServiceFixture implements AutoCloseable {
  final PaperService service;
  final ApiClient viewer;
  final ApiClient operator;
  final ApiClient admin;
  final ApiClient anonymous;
  final StringWriter console = new StringWriter();

  ServiceFixture(Path dataDir, Speed speed, String extraConfig) {
    TokenGenerator generator = new TokenGenerator();
    NewToken v = generator.generate("test-viewer", Role.VIEWER);
    NewToken o = generator.generate("test-operator", Role.OPERATOR);
    NewToken a = generator.generate("test-admin", Role.ADMIN);
    Config overrides = ConfigFactory.parseString("swarm.http.auth.tokens = [" + v.hoconSnippet() + ","
        + o.hoconSnippet() + "," + a.hoconSnippet() + "]\nswarm.management.port = 0\n" + extraConfig);
    service = PaperService.start(dataDir, overrides, new PaperOptions(BacktestOptions.DEFAULT_DATA, Optional.empty(),
        Optional.empty(), false, speed, Optional.of("127.0.0.1"), Optional.of(0)), SwarmMetrics.NONE,
        new PrintWriter(console, true));
    String base = "http://127.0.0.1:" + service.address().getPort();
    viewer = new ApiClient(base, v.token());
    operator = new ApiClient(base, o.token());
    admin = new ApiClient(base, a.token());
    anonymous = new ApiClient(base, null);
  }

  static List<String> roles() {
    return List.of("viewer", "operator", "admin");
  }

  @Override
  public void close() {
    service.close();
  }
}
