package com.alphintra.infra.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One YAML text read as Kubernetes manifests.
 *
 * @param origin    where the text came from
 * @param documents every non-empty document, in order
 * @param comments  every comment, in order, with its position
 * @param objects   the documents that are Kubernetes objects (a mapping with {@code apiVersion} and {@code kind})
 * @param problems  every problem: those of the objects, then documents that are not Kubernetes objects
 */
public record ManifestFile(Origin origin, List<ManifestDocument> documents, List<YamlComment> comments,
        List<KubeObject> objects, List<ManifestProblem> problems) {

    public ManifestFile {
        Objects.requireNonNull(origin, "origin");
        documents = List.copyOf(documents);
        comments = List.copyOf(comments);
        objects = List.copyOf(objects);
        problems = List.copyOf(problems);
    }

    /**
     * The comments that speak about {@code line}: a comment at the end of that line, and the block of comment
     * lines directly above it (nearest last), which is where a suppression such as
     * {@code # alphintra:ignore RULE-ID reason="..."} is written.
     */
    public List<YamlComment> commentsFor(int line) {
        List<YamlComment> above = new ArrayList<>();
        YamlComment inline = null;
        int expected = line - 1;
        for (int i = comments.size() - 1; i >= 0; i--) {
            YamlComment comment = comments.get(i);
            if (comment.line() == line && comment.inline()) {
                inline = comment;
            } else if (comment.line() == expected && !comment.inline()) {
                above.add(0, comment);
                expected--;
            } else if (comment.line() < expected) {
                break;
            }
        }
        if (inline != null) {
            above.add(inline);
        }
        return List.copyOf(above);
    }

    /** Whether any problem makes the file invalid. */
    public boolean hasErrors() {
        return problems.stream().anyMatch(ManifestProblem::isError);
    }
}
