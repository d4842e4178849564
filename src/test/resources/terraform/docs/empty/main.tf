locals {
  unused = true
}
