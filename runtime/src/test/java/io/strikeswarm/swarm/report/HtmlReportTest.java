package io.strikeswarm.swarm.report;

import static io.strikeswarm.swarm.report.Results.T0;
import static io.strikeswarm.swarm.report.Results.bd;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class HtmlReportTest {
  private static final String EVIL_BOT = "<img src=x onerror=alert(1)>&\"'";

  private static String render(Results r) {
    BacktestResult result = r.build();
    return HtmlReport.render(result, PerformanceMetrics.of(result));
  }

  /** The page is well-formed XML by design, so a strict XML parser must accept it. */
  private static Document parse(String html) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setExpandEntityReferences(false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static NodeList xpath(Document doc, String expression) throws Exception {
    return (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression, doc, XPathConstants.NODESET);
  }

  private static List<String> texts(NodeList nodes) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  private static Results withEvilBot() {
    Results r = Results.swarm();
    r.bots.add(new BotResult(EVIL_BOT, "amm", "grid", "BTC-USD", bd("100"), bd("90"), 1, 0, bd("0.1"), "HALTED"));
    r.settings.put("note", "</style><script>alert('settings')</script>");
    return r;
  }

  @Test
  void parsesAsOneWellFormedDocumentWithTheChartsInline() throws Exception {
    Document doc = parse(render(Results.swarm()));

    assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
    assertThat(xpath(doc, "//svg").getLength()).as("equity, drawdown, diamond bars, diamond lines").isEqualTo(4);
    assertThat(texts(xpath(doc, "//svg/title"))).contains("Equity curve", "Drawdown from the running peak",
        "Allocated and final equity per diamond");
    assertThat(texts(xpath(doc, "//h2"))).containsExactly("Equity", "Drawdown", "Capital per diamond", "Bots",
        "Instruments", "Trades", "Risk events", "Data issues");
  }

  @Test
  void theEquityChartHasTheSwarmCurveAndTheLabelledBuyAndHoldReference() throws Exception {
    Document doc = parse(render(Results.swarm()));

    NodeList lines = xpath(doc, "//svg[title='Equity curve']/polyline");
    assertThat(texts(lines)).containsExactly("swarm equity", "buy & hold, start → end only");
    String swarm = ((Element) lines.item(0)).getAttribute("points");
    String benchmark = ((Element) lines.item(1)).getAttribute("points");
    assertThat(swarm.split(" ")).hasSize(10);
    assertThat(benchmark.split(" ")).as("a straight start → end reference").hasSize(2);
    assertThat(((Element) lines.item(1)).getAttribute("stroke-dasharray")).isNotEmpty();
  }

  @Test
  void theHeaderShowsTheSettingsAndTheHeadlineFigures() throws Exception {
    Document doc = parse(render(Results.swarm()));

    assertThat(texts(xpath(doc, "//dl[@class='settings']//dt"))).containsExactly("data", "bar", "fees_bps", "bots",
        "capital");
    List<String> cards = texts(xpath(doc, "//div[@class='card']"));
    assertThat(String.join("|", cards)).contains("Return+0.55 %buy & hold +5.00 %")
        .contains("Max drawdown0.25 %").contains("Sharpe24.54").contains("Trades8win rate 37.50 %");
  }

  @Test
  void everyBotIsInTheBotsTableAndTextFromTheInputIsEscaped() throws Exception {
    Results r = withEvilBot();
    String html = render(r);
    Document doc = parse(html);

    List<String> botColumn = texts(xpath(doc, "//section[h2='Bots']//tbody/tr/td[1]"));
    assertThat(botColumn).containsExactlyElementsOf(r.bots.stream().map(BotResult::botId).toList());
    assertThat(botColumn).contains(EVIL_BOT);
    assertThat(html).doesNotContain("<img").doesNotContain("<script>alert")
        .contains("&lt;img src=x onerror=alert(1)&gt;&amp;&quot;&#39;");
    assertThat(xpath(doc, "//img").getLength()).isZero();
    assertThat(xpath(doc, "//script").getLength()).isEqualTo(1); // only the page's own sorting script
  }

  @Test
  void loadsNothingFromOutsideThePage() throws Exception {
    String html = render(withEvilBot());
    Document doc = parse(html);

    assertThat(html).doesNotContain("http://").doesNotContain("https://");
    assertThat(xpath(doc, "//link | //img | //iframe | //object | //embed | //image | //use").getLength()).isZero();
    assertThat(xpath(doc, "//@src | //@href | //@*[local-name()='href']").getLength()).isZero();
    assertThat(texts(xpath(doc, "//style"))).singleElement().asString()
        .doesNotContain("url(").doesNotContain("@import").doesNotContain("@font-face");
  }

  @Test
  void theTradesTableStopsAt500RowsAndSaysSo() throws Exception {
    Results r = new Results();
    for (int i = 0; i < 501; i++) {
      r.trade("long-" + (i % 7), "long-strike", T0, T0 + i * 1000L, "1");
    }
    Document doc = parse(render(r));

    assertThat(xpath(doc, "//section[h2='Trades']//tbody/tr").getLength()).isEqualTo(500);
    assertThat(texts(xpath(doc, "//p[contains(@class,'truncated')]")))
        .containsExactly("Showing the first 500 of 501 trades, by exit time; trades.csv has all of them.");
  }

  @Test
  void aShortTradeListIsShownWholeWithoutATruncationNote() throws Exception {
    Document doc = parse(render(Results.swarm()));

    assertThat(xpath(doc, "//section[h2='Trades']//tbody/tr").getLength()).isEqualTo(8);
    assertThat(xpath(doc, "//p[contains(@class,'truncated')]").getLength()).isZero();
    assertThat(texts(xpath(doc, "//section[h2='Trades']//tbody/tr[1]/td[2]"))).containsExactly("long-1");
  }

  @Test
  void riskEventsAndDataIssuesAreListedOrSaidToBeNone() throws Exception {
    Document swarm = parse(render(Results.swarm()));
    Document quiet = parse(render(new Results()));

    assertThat(texts(xpath(swarm, "//section[h2='Risk events']//tbody/tr/td[4]")))
        .containsExactly("drawdown 0.25 % over limit", "recovered");
    assertThat(texts(xpath(swarm, "//section[h2='Data issues']//tbody/tr/td[1]")))
        .containsExactly("rows skipped: price <= 0");
    assertThat(texts(xpath(quiet, "//section[h2='Risk events']/p"))).singleElement().asString().startsWith("None");
    assertThat(texts(xpath(quiet, "//section[h2='Data issues']/p"))).singleElement().asString().startsWith("None");
  }

  @Test
  void periodsOutsideTheStartingTradingStateAreShadedOnTheEquityChart() throws Exception {
    Document doc = parse(render(Results.swarm()));

    assertThat(texts(xpath(doc, "//svg[title='Equity curve']/rect[@class='band']")))
        .containsExactly("trading state REDUCE_ONLY");
    assertThat(HtmlReport.restrictedTrading(Results.swarm().equity))
        .containsExactly(new LineChart.Band(T0 + 3 * Results.HOUR, T0 + 5 * Results.HOUR,
            "trading state REDUCE_ONLY"));
  }

  @Test
  void aLongCurveIsDownsampledForTheChartButKeepsItsDeepestTrough() throws Exception {
    Results r = new Results();
    r.equity.clear();
    for (int i = 0; i < 20_000; i++) {
      BigDecimal value = i == 12_345 ? bd("50000") : bd("100000").add(BigDecimal.valueOf(i % 100));
      r.equity.add(new EquityPoint(T0 + i * 60_000L, value, Map.of(), "NORMAL"));
    }
    Document doc = parse(render(r));

    Element curve = (Element) xpath(doc, "//svg[title='Equity curve']/polyline").item(0);
    String[] points = curve.getAttribute("points").split(" ");
    assertThat(points.length).isLessThanOrEqualTo(LineChart.MAX_POINTS);
    double[] ys = Arrays.stream(points).mapToDouble(p -> Double.parseDouble(p.split(",")[1])).sorted().toArray();
    // SVG y grows downwards: the trough is the largest y, far below every other point (all within 100 of 100,000).
    assertThat(ys[ys.length - 1] - ys[ys.length - 2]).as("the 50 % trough is on the chart").isGreaterThan(100);
    Element drawdown = (Element) xpath(doc, "//svg[title='Drawdown from the running peak']/polygon").item(0);
    assertThat(drawdown.getAttribute("points").split(" ").length).isLessThanOrEqualTo(LineChart.MAX_POINTS + 2);
  }

  @Test
  void aSinglePointCurveStillRendersCharts() throws Exception {
    String html = render(new Results().equity("100000"));

    assertThat(xpath(parse(html), "//svg[title='Equity curve']/polyline").getLength()).isEqualTo(2);
    assertThat(html).doesNotContain("NaN").doesNotContain("Infinity");
  }

  @Test
  void eachRestrictedStateGetsItsOwnBandUntilTradingIsNormalAgain() {
    List<EquityPoint> equity = new ArrayList<>();
    String[] states = {"NORMAL", "REDUCE_ONLY", "HALTED", "HALTED", "NORMAL", "NORMAL", "HALTED"};
    for (int i = 0; i < states.length; i++) {
      equity.add(new EquityPoint(T0 + i, bd("1"), Map.of(), states[i]));
    }

    assertThat(HtmlReport.restrictedTrading(equity)).containsExactly(
        new LineChart.Band(T0 + 1, T0 + 2, "trading state REDUCE_ONLY"),
        new LineChart.Band(T0 + 2, T0 + 4, "trading state HALTED"),
        new LineChart.Band(T0 + 6, T0 + 6, "trading state HALTED"));
  }
}
