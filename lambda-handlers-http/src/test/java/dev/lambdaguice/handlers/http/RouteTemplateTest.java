package dev.lambdaguice.handlers.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTemplateTest {

  private static List<String> path(String... segments) {
    return List.of(segments);
  }

  @Test
  void parametersAreDecodedAndLiteralsCompareDecoded() {
    RouteTemplate template = RouteTemplate.parse("GET /books/{isbn}/copies");
    assertEquals(Map.of("isbn", "a/b c"), template.match(path("books", "a%2Fb%20c", "copies")));
    assertEquals(Map.of("isbn", "1+2"), template.match(path("books", "1+2", "copies")), "+ is a plus in a path");
    assertEquals(Map.of("isbn", "100%"), template.match(path("books", "100%", "copies")), "a lone % stays");
    assertNull(template.match(path("books", "1")));
    assertNull(template.match(path("books", "1", "copies", "2")));
    assertEquals(Map.of(), RouteTemplate.parse("GET /caf\u00e9").match(path("caf%C3%A9")));
  }

  @Test
  void aGreedyParameterTakesOneSegmentOrMore() {
    RouteTemplate template = RouteTemplate.parse("ANY /{proxy+}");
    assertEquals(Map.of("proxy", "a/b c"), template.match(path("a", "b%20c")));
    assertNull(template.match(path()), "the root needs a route of its own");
    assertEquals(Map.of(), RouteTemplate.parse("GET /").match(path()));
  }

  @Test
  void moreSpecificTemplatesComeFirst() {
    List<RouteTemplate> templates = new ArrayList<>(List.of(RouteTemplate.parse("GET /{proxy+}"),
        RouteTemplate.parse("GET /books/{isbn}"), RouteTemplate.parse("GET /books/new"),
        RouteTemplate.parse("GET /books")));
    templates.sort(RouteTemplate::bySpecificity);
    assertEquals(List.of("/books/new", "/books/{isbn}", "/books", "/{proxy+}"),
        templates.stream().map(RouteTemplate::template).toList());
  }

  @Test
  void theShapeLeavesParameterNamesOut() {
    assertEquals("/books/{}/files/{+}", RouteTemplate.parse("GET /books/{isbn}/files/{path+}").shape());
    assertEquals("/", RouteTemplate.parse("GET /").shape());
  }
}
