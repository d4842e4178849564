package com.alphintra.infra.manifest;

import java.util.List;

/** What {@link YamlStreamReader} read from one text: its non-empty documents and all of its comments. */
record ParsedStream(List<ManifestDocument> documents, List<YamlComment> comments) {
}
