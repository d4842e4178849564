# Layout that real files contain and a parser must not trip over.
locals {
  tags = {
    # a comment inside an object
    team = "platform" // and one after a value
    /* an inline comment */ tier = "backend"
    "quoted-key" : "colon separator",
  }

  ports = [
    80,  # http
    443, # https
  ]

  # A conditional split over lines inside parentheses.
  replicas = (
    var.environment == "prod"
    ? 3
    : 1
  )

  nested   = { a = { b = { c = [1, [2, { d = "deep" }]] } } }
  escaped  = "tab\tquote\"backslash\\ unicode\u00e9 dollar $${not_interpolated}"
  empty    = ""
  empty_hd = <<EOT
EOT
  json = jsonencode({
    "name" = "x"
    list   = [for i in range(3) : i * 2]
  })
  interpolated_quotes = "${lookup(var.m, "key", "default")}-${upper("x")}"
  number_forms        = [0, 1.5, 2e10, 3.25E-2]
  unary               = [-1, !true, - -2]
  not_keyword_for     = { for_each = 1, "for" = 2 }
}

resource "null_resource" "one_line" { triggers = { always = timestamp() } }
resource "null_resource" "empty_one_line" {}
resource null_resource bare_labels {
}
