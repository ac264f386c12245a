package dev.skillbase.suggest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code pom.xml}: the parent, every {@code dependency} (also under dependencyManagement and in profiles) and every
 * {@code plugin}, as {@code maven:groupId:artifactId}; {@code ${property}} references are resolved from the pom's own
 * properties, and coordinates that stay unresolved are skipped. The parser reads no DTD and no external entity.
 */
final class MavenPom implements Manifest {
    private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

    @Override
    public boolean accepts(String fileName) {
        return fileName.equals("pom.xml");
    }

    @Override
    public List<PackageId> read(Path file) {
        Document pom = parse(file);
        Map<String, String> properties = properties(pom);
        List<PackageId> found = new ArrayList<>();
        for (String tag : List.of("parent", "dependency", "plugin")) {
            NodeList nodes = pom.getElementsByTagName(tag);
            for (int i = 0; i < nodes.getLength(); i++) {
                Element element = (Element) nodes.item(i);
                String group = resolve(child(element, "groupId", tag.equals("plugin") ? "org.apache.maven.plugins"
                        : ""), properties);
                String artifact = resolve(child(element, "artifactId", ""), properties);
                if (!group.isEmpty() && !artifact.isEmpty() && !group.contains("$") && !artifact.contains("$")) {
                    Lines.add(found, Ecosystem.MAVEN, group + ":" + artifact);
                }
            }
        }
        return found;
    }

    private static String child(Element element, String name, String absent) {
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().strip();
            }
        }
        return absent;
    }

    private static Map<String, String> properties(Document pom) {
        Map<String, String> properties = new HashMap<>();
        NodeList blocks = pom.getElementsByTagName("properties");
        for (int i = 0; i < blocks.getLength(); i++) {
            for (Node node = blocks.item(i).getFirstChild(); node != null; node = node.getNextSibling()) {
                if (node instanceof Element property) {
                    properties.put(property.getTagName(), property.getTextContent().strip());
                }
            }
        }
        Element project = pom.getDocumentElement();
        properties.put("project.groupId", child(project, "groupId", ""));
        return properties;
    }

    private static String resolve(String value, Map<String, String> properties) {
        Matcher reference = PROPERTY.matcher(value);
        return reference.replaceAll(m -> Matcher.quoteReplacement(properties.getOrDefault(m.group(1), m.group())));
    }

    private static Document parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return builder().parse(in);
        } catch (SAXException e) {
            throw new ManifestException(file, "not valid XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new ManifestException(file, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
    }
}
