/**
 * HCL native syntax: {@link com.alphintra.infra.hcl.HclLexer} splits text into tokens (comments
 * included), {@link com.alphintra.infra.hcl.HclParser} builds an immutable tree of {@link
 * com.alphintra.infra.hcl.Node}s with exact source ranges, or throws one {@link
 * com.alphintra.infra.hcl.HclParseException} naming {@code file:line:col}. Expressions are syntax
 * only; {@link com.alphintra.infra.hcl.Expression#asTraversal()} reads plain references such as
 * {@code var.region}. Depends on nothing else of ours.
 */
package com.alphintra.infra.hcl;
