package com.alphintra.infra.hcl;

/** One element of a template. */
public sealed interface TemplatePart extends Node
    permits TemplateLiteral, TemplateInterpolation, TemplateIf, TemplateFor {}
