package io.camelenos.component.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code camel-enos-bom} names exactly the published modules of the build. A module is published when its build
 * attaches the sources and javadoc jars that Maven Central asks for (it declares maven-source-plugin and
 * maven-javadoc-plugin); the examples, the app, the benchmarks and the extension's integration test do not. The
 * build is read from the poms themselves, from the root's modules down.
 */
class BomCoversPublishedModulesTest {

    /** The component module runs its tests in its own directory; the reactor root is its parent. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final String GROUP = "io.camelenos";

    @Test
    void theBomNamesEveryPublishedModuleAndNothingElse() throws Exception {
        TreeMap<String, Boolean> modules = new TreeMap<>();
        collectModules(ROOT, modules);
        Set<String> published = new TreeSet<>();
        modules.forEach((artifactId, isPublished) -> {
            if (isPublished) {
                published.add(artifactId);
            }
        });
        Set<String> inBom = bomArtifacts(ROOT.resolve("camel-enos-bom/pom.xml"));

        assertTrue(modules.keySet().containsAll(inBom), "the BOM names modules the build does not have: "
                + difference(inBom, modules.keySet()));
        assertEquals(published, inBom, "the BOM must name exactly the modules that attach sources and javadoc jars");
    }

    @Test
    void theReactorIsFoundWhereTheTestExpectsIt() throws Exception {
        // guards the test above against passing on an empty reading of the build
        TreeMap<String, Boolean> modules = new TreeMap<>();
        collectModules(ROOT, modules);
        assertTrue(modules.containsKey("camel-enos-component"), modules.toString());
        assertTrue(modules.get("camel-enos-component"), "the component is published");
        assertFalse(modules.get("quarkus-app"), "the app is not published");
    }

    private static void collectModules(Path dir, TreeMap<String, Boolean> modules) throws Exception {
        Element project = read(dir.resolve("pom.xml"));
        modules.put(text(project, "artifactId"), declaresPlugin(project, "maven-source-plugin")
                && declaresPlugin(project, "maven-javadoc-plugin"));
        Element list = child(project, "modules");
        for (Element module : list == null ? List.<Element>of() : children(list, "module")) {
            collectModules(dir.resolve(module.getTextContent().trim()), modules);
        }
    }

    /** A plugin in the project's own build/plugins (pluginManagement only configures, it does not run). */
    private static boolean declaresPlugin(Element project, String artifactId) {
        Element build = child(project, "build");
        Element plugins = build == null ? null : child(build, "plugins");
        return plugins != null && children(plugins, "plugin").stream()
                .anyMatch(plugin -> artifactId.equals(text(plugin, "artifactId")));
    }

    private static Set<String> bomArtifacts(Path bom) throws Exception {
        Element managed = child(child(read(bom), "dependencyManagement"), "dependencies");
        Set<String> artifacts = new TreeSet<>();
        for (Element dependency : children(managed, "dependency")) {
            assertEquals(GROUP, text(dependency, "groupId"), "the BOM manages only our own artifacts");
            assertTrue(artifacts.add(text(dependency, "artifactId")), "named twice: " + text(dependency, "artifactId"));
        }
        return artifacts;
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new TreeSet<>(a);
        rest.removeAll(b);
        return rest;
    }

    private static Element read(Path pom) throws Exception {
        assertTrue(Files.isRegularFile(pom), "no pom at " + pom);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? "" : element.getTextContent().trim();
    }
}
