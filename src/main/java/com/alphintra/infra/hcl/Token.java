package com.alphintra.infra.hcl;

/** One lexical element with its exact source text and where it is. */
public record Token(TokenType type, String text, Range range) {

  /**
   * {@code true} for an identifier with exactly the given text (keywords are contextual in HCL).
   */
  public boolean isKeyword(String keyword) {
    return type == TokenType.IDENTIFIER && text.equals(keyword);
  }
}
