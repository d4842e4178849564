resource "a" "b" {
  name = "x"
  name = "y"
}
