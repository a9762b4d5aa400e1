package dev.lambdaguice.runtime.e2e.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * {@code lambda-guice-bom} is what users import, so it must not drift from the build: it lists every published
 * module at the project's version, the root pom takes the runtime's pins from it (and pins none of them a second
 * time), and the starter asks for the project's version.
 */
class BomTest {

  private static final String GROUP = "dev.lambdaguice";
  private static final Path ROOT = projectRoot();
  private static final Element ROOT_POM = pom(ROOT.resolve("pom.xml"));
  private static final Element BOM = pom(ROOT.resolve("lambda-guice-bom/pom.xml"));

  @Test
  void listsEveryPublishedModuleAtTheProjectVersion() {
    Map<String, String> managed = managed(BOM);
    Set<String> listed = new TreeSet<>();
    managed.forEach((coordinates, version) -> {
      if (coordinates.startsWith(GROUP + ":")) {
        assertEquals("${project.version}", version, coordinates);
        listed.add(coordinates.substring(GROUP.length() + 1));
      }
    });
    Set<String> published = new TreeSet<>();
    for (Element module : children(child(ROOT_POM, "modules"), "module")) {
      Element pom = pom(ROOT.resolve(module.getTextContent().trim()).resolve("pom.xml"));
      Element properties = child(pom, "properties");
      boolean deployed = properties == null || !"true".equals(text(properties, "maven.deploy.skip"));
      if (deployed && !"pom".equals(text(pom, "packaging"))) {
        published.add(text(pom, "artifactId"));
      }
    }
    published.removeAll(listed);
    assertEquals(Set.of(), published, "published modules (no maven.deploy.skip) missing from lambda-guice-bom");
  }

  @Test
  void hasNoParentAndTheProjectVersion() {
    assertNull(child(BOM, "parent"), "a parent would leak its dependencyManagement into users' builds");
    assertEquals(text(ROOT_POM, "version"), text(BOM, "version"));
  }

  @Test
  void theRootPomImportsItAndPinsNothingItPins() {
    Set<String> bomPins = managed(BOM).keySet();
    boolean imported = false;
    for (Element dependency : children(child(child(ROOT_POM, "dependencyManagement"), "dependencies"), "dependency")) {
      String coordinates = text(dependency, "groupId") + ":" + text(dependency, "artifactId");
      if (coordinates.equals(GROUP + ":lambda-guice-bom")) {
        imported = "import".equals(text(dependency, "scope"))
            && "${project.version}".equals(text(dependency, "version"));
      } else {
        assertFalse(bomPins.contains(coordinates), coordinates + " is pinned in the BOM: pin it there only");
      }
    }
    assertTrue(imported, "the root pom imports lambda-guice-bom at ${project.version}");
    assertTrue(bomPins.contains("com.google.guava:guava"), "the BOM pins Guava (Guice 7 alone brings 31)");
  }

  @Test
  void theStarterAsksForTheProjectVersion() {
    Element starter = pom(ROOT.resolve("samples/starter/pom.xml"));
    assertEquals(text(ROOT_POM, "version"), text(child(starter, "properties"), "lambda-guice.version"));
    assertNotNull(managed(starter).get(GROUP + ":lambda-guice-bom"), "the starter imports the BOM");
  }

  /** groupId:artifactId to version, as written, of a pom's dependencyManagement. */
  private static Map<String, String> managed(Element pom) {
    Map<String, String> managed = new LinkedHashMap<>();
    for (Element dependency : children(child(child(pom, "dependencyManagement"), "dependencies"), "dependency")) {
      managed.put(text(dependency, "groupId") + ":" + text(dependency, "artifactId"), text(dependency, "version"));
    }
    return managed;
  }

  private static Element pom(Path file) {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile()).getDocumentElement();
    } catch (Exception e) {
      throw new IllegalStateException("cannot read " + file, e);
    }
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static String text(Element parent, String name) {
    Element child = child(parent, name);
    return child == null ? null : child.getTextContent().trim();
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> children = new ArrayList<>();
    if (parent == null) {
      return children;
    }
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        children.add(element);
      }
    }
    return children;
  }

  /** The folder holding the root pom: Maven's project directory, or the nearest parent with the BOM. */
  private static Path projectRoot() {
    Path dir = Path.of(System.getProperty("lambdaguice.projectRoot", "")).toAbsolutePath();
    for (Path d = dir; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("lambda-guice-bom/pom.xml"))) {
        return d;
      }
    }
    throw new IllegalStateException("no lambda-guice-bom/pom.xml in " + dir + " or above");
  }
}
